"""Trade measures named but not stated, and parties read from general grammar (``hotline.extract.trade``): a measure
named only as what a call did not take up or what a question asks about is no fact, unless a relative clause or a
rate states it; an exemption of goods from a tariff that names no country covers every country once its imposer is
known; a country acts through its office ("Zimbabwe's Ministry of Mines ... warned"); Spanish measure verbs in any
tense.

Every sentence here was written for these tests in the styles of wire copy (with datelines), the trade press,
government readouts, press-conference transcripts and the Spanish-language press; none is taken from the article
corpus, the evaluation set or a seed file. Facts are (measure_type, imposing, target, sector, rate_percent, status).
"""

from __future__ import annotations

import pytest
import written

from hotline.reference import Reference

rows = written.trade_rows


EXAMPLES = [
    # --- named as a topic not taken up, or asked about: no fact -------------------------------------------------
    pytest.param(
        "OTTAWA (Wire) - The two prime ministers did not discuss the U.S. tariffs on Canadian lumber, an aide said.",
        set(),
        id="not-discussed-abbreviation-inside-the-scope",
    ),
    pytest.param(
        "La portavoz precisó que en la conversación no se abordaron los aranceles de Estados Unidos al acero mexicano.",
        set(),
        id="es-no-se-abordaron",
    ),
    pytest.param(
        "Preguntado sobre si hablaron de las sanciones anunciadas por Bruselas, el vocero respondió que no.",
        set(),
        id="es-asked-whether-they-talked-about",
    ),
    pytest.param(
        "Asked whether the leaders had talked about the American duties on Irish whiskey, the spokesman declined "
        "to comment.",
        set(),
        id="asked-whether-they-talked-about",
    ),
    pytest.param(
        "REPORTER: Prime Minister, did you and the President discuss the Chinese tariffs on Australian barley?",
        set(),
        id="direct-question-in-a-transcript",
    ),
    pytest.param(
        "El canciller dijo que no se trató el asunto de las sanciones anunciadas por Washington, pese a que ambos "
        "gobiernos siguen el tema con preocupación.",
        set(),
        id="es-a-conjunction-que-states-nothing",
    ),
    # --- ... unless the sentence states the measure --------------------------------------------------------------
    pytest.param(
        "Fuentes oficiales indicaron que en la llamada no se habló de los aranceles que Estados Unidos impuso en marzo "
        "al aluminio canadiense.",
        {("tariff", "US", "CA", "aluminum", None, "imposed")},
        id="es-relative-clause-states-it",
    ),
    pytest.param(
        "The readout did not mention the 25% duties Washington charges on Japanese cars.",
        {("tariff", "US", "JP", "automotive", 25.0, "imposed")},
        id="a-rate-states-it",
    ),
    pytest.param(
        "The leaders did not discuss sanctions, but Washington imposed new sanctions on Russian oil last week.",
        {("sanction", "US", "RU", "energy", None, "imposed")},
        id="the-next-clause-is-stated",
    ),
    pytest.param(
        "Will the U.S. tariffs on Mexican tomatoes raise prices in Texas?",
        {("tariff", "US", "MX", "agriculture", None, "imposed")},
        id="a-question-without-a-discussion-verb-states-it",
    ),
    # --- an exemption of goods from a tariff naming no country: every country -----------------------------------
    pytest.param(
        "WASHINGTON (Wire) - The United States imposed a 50% tariff on copper imports on Friday. Refined copper "
        "cathodes were exempted from the tariff, the mining company said.",
        {
            ("tariff", "US", "ALL", "copper", 50.0, "imposed"),
            ("exemption", "US", "ALL", "copper", None, "exempted"),
        },
        id="exemption-of-goods-every-country-imposer-from-the-article",
    ),
    # --- a country acts through its office -----------------------------------------------------------------------
    pytest.param(
        "HARARE (Wire) - Zimbabwe's Ministry of Mines and Mining Development warned on Tuesday that the government "
        "could ban exports of lithium concentrates.",
        {("export_restriction", "ZW", "ALL", "critical_minerals", None, "threatened")},
        id="possessive-office-long-name",
    ),
    pytest.param(
        "Indonesia's Trade Ministry on Monday tightened export permits for palm oil.",
        {("export_restriction", "ID", "ALL", "agriculture", None, "imposed")},
        id="possessive-office-short-name",
    ),
    # --- Spanish measure verbs in any tense ---------------------------------------------------------------------
    pytest.param(
        "El gobierno indonesio prohibirá las exportaciones de bauxita a partir de junio.",
        {("export_restriction", "ID", "ALL", "critical_minerals", None, "threatened")},
        id="es-future-prohibira",
    ),
    pytest.param(
        "Las autoridades de Kazajistán restringieron las exportaciones de gasolina por carretera.",
        {("export_restriction", "KZ", "ALL", "energy", None, "imposed")},
        id="es-preterite-plural-restringieron",
    ),
    pytest.param(
        "Rusia prohibirá las importaciones de tomates turcos desde el lunes.",
        {("sanction", "RU", "TR", "agriculture", None, "threatened")},
        id="es-future-import-ban",
    ),
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES)
def test_sentence(text: str, expected: set[tuple[object, ...]], reference: Reference) -> None:
    assert rows(text, reference) == expected
