"""Parties, types and statuses of trade measures from general grammar (``hotline.extract.trade``): the origin of goods
is no target of an export restriction; a country in a relative clause that faces a measure is its target; "baseline"
and "reciprocal" rates are tariffs; a list item ending in ";" is body text, not a headline; a measure verb under a
modal, in the future or as the infinitive of a threat is threatened; "it"/"they" after a speech verb stand for the
speaker; a trade agreement reviewed, renegotiated or suspended is a review, its partner after "with"/"con" the target
and the parties in its name no reviewer.

Every sentence here was written for these tests in the styles of wire copy (with datelines), live blogs, trade
briefs, government readouts and the Spanish-language press; none is taken from the article corpus, the evaluation
set or a seed file. Facts are (measure_type, imposing, target, sector, rate_percent, status).
"""

from __future__ import annotations

import pytest
import written

from hotline.reference import Reference

rows = written.trade_rows


EXAMPLES = [
    # --- the origin of goods exports them: no target of an export restriction -----------------------------------
    pytest.param(
        "El gobierno chino mantiene en suspenso hasta noviembre las restricciones a la exportación de tierras raras "
        "que anunció en octubre, un respiro para los fabricantes de motores que usan imanes fabricados en China.",
        {("export_restriction", "CN", "ALL", "critical_minerals", None, "paused")},
        id="es-made-in-the-imposer-is-no-target",
    ),
    pytest.param(
        "BEIJING (Wire) - Beijing agreed to suspend for one year the export controls on rare earths it announced in "
        "October, which required licences for any product containing traces of Chinese rare earths.",
        {("export_restriction", "CN", "ALL", "critical_minerals", None, "paused")},
        id="demonym-of-the-goods-after-the-measure-is-no-target",
    ),
    pytest.param(
        "Washington tightened export controls on chips to Chinese firms.",
        {("export_restriction", "US", "CN", None, None, "imposed")},
        id="on-a-countrys-firms-is-still-the-target",
    ),
    # --- a relative clause names whom a measure hits --------------------------------------------------------------
    pytest.param(
        "Vietnam, which faces one of the highest rates at 46%, has asked Washington to delay the tariff.",
        {("tariff", "US", "VN", None, 46.0, "imposed")},
        id="which-faces",
    ),
    pytest.param(
        "Lesoto, que enfrenta un arancel del 50 %, pidió una prórroga.",
        {("tariff", None, "LS", None, 50.0, "imposed")},
        id="es-que-enfrenta",
    ),
    # --- rates that are tariffs; list items -----------------------------------------------------------------------
    pytest.param(
        "LIVE - Washington imposed tariffs on most trading partners on April 2. The UK faces the 10% baseline rate, "
        "which takes effect tomorrow.",
        {("tariff", "US", "GB", None, 10.0, "imposed")},
        id="baseline-rate",
    ),
    pytest.param(
        "Los productos colombianos pagan desde abril la tasa recíproca del 10 % que impuso Washington.",
        {("tariff", "US", "CO", None, 10.0, "imposed")},
        id="es-tasa-reciproca",
    ),
    pytest.param(
        "What is in force today:\n\n- a 10% baseline tariff on imports from all countries, imposed by Washington in "
        "April;\n- talks continue.",
        {("tariff", "US", "ALL", None, 10.0, "imposed")},
        id="list-item-ending-in-a-semicolon",
    ),
    # --- statuses from modals, the future and threats --------------------------------------------------------------
    pytest.param(
        "Washington is threatening to hit Brazil with a 50% tariff from August 1.",
        {("tariff", "US", "BR", None, 50.0, "threatened")},
        id="threatening-to-hit",
    ),
    pytest.param(
        "HARARE (Wire) - Zimbabwe's Mines Minister said the country will ban exports of lithium ore from 2027.",
        {("export_restriction", "ZW", "ALL", "critical_minerals", None, "threatened")},
        id="will-ban",
    ),
    pytest.param(
        "Indonesia's government plans to ban bauxite exports next year.",
        {("export_restriction", "ID", "ALL", "critical_minerals", None, "threatened")},
        id="plans-to-ban",
    ),
    pytest.param(
        "The U.K. said it would sanction Russia's two largest oil companies, Rosneft and Lukoil.",
        {("sanction", "GB", "RU", "energy", None, "threatened")},
        id="would-sanction",
    ),
    pytest.param(
        "Beijing said it would restrict exports of graphite from December.",
        {("export_restriction", "CN", "ALL", "critical_minerals", None, "threatened")},
        id="said-it-would",
    ),
    pytest.param(
        "El Ministerio de Comercio informó que Indonesia suspenderá las exportaciones de níquel en enero.",
        {("export_restriction", "ID", "ALL", "critical_minerals", None, "threatened")},
        id="es-future-head-after-a-cue",
    ),
    # --- agreements under review ----------------------------------------------------------------------------------
    pytest.param(
        "BRUSSELS (Wire) - The EU has opened a review of its association agreement with Israel, the bloc's foreign "
        "policy chief said.",
        {("agreement_review", "EU", "IL", None, None, "imposed")},
        id="review-of-an-association-agreement-with",
    ),
    pytest.param(
        "La Comisión Europea anunció que revisará con Marruecos el acuerdo de liberalización agrícola.",
        {("agreement_review", "EU", "MA", "agriculture", None, "threatened")},
        id="es-revisara-con-the-partner-is-the-target",
    ),
    pytest.param(
        "The two prime ministers discussed steel and next year's review of the North American free trade pact.",
        {("agreement_review", None, None, "usmca", None, "imposed")},
        id="a-party-in-the-agreements-name-is-no-reviewer",
    ),
    pytest.param(
        "Trudeau no precisó si en la llamada se habló de la renegociación del tratado comercial.",
        set(),
        id="es-asked-whether-se-hablo",
    ),
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES)
def test_sentence(text: str, expected: set[tuple[object, ...]], reference: Reference) -> None:
    assert rows(text, reference) == expected
