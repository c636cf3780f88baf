"""A measure on a group of countries the text does not list (tests/eval/README.md, "Trade measure target, ALL or
null"): a group named by the agreement it lacks ("countries with which Mexico has no free trade agreement", "países
sin tratado comercial") is the measure's target, which no code names (null); the countries given as its examples
are no targets of their own; "those countries" / "esos países" in a later sentence name the group again. Such a
row names no target but stays among the article's measures; its imposer may come from the article's other measures
on that group.

Every sentence here was written for these tests in the styles of wire copy, the business press and the
Spanish-language press; none is taken from the article corpus, the evaluation set or a seed file. Facts are
(measure_type, imposing, target, sector, rate_percent, status).
"""

from __future__ import annotations

import datetime as dt

import pytest
from written import written

from hotline.extract.context import build_context
from hotline.extract.trade import complete, find_trade_measures
from hotline.reference import Reference


def published_rows(text: str, reference: Reference) -> set[tuple[object, ...]]:
    """The rows the article's extraction publishes (:func:`complete` after the merge)."""
    ctx = build_context(written(text, dt.date(2025, 12, 10), title=""), reference)
    return {
        (f.measure_type, f.imposing_country_code, f.target_country_code, f.sector, f.rate_percent, f.status)
        for f in complete(find_trade_measures(ctx))
    }


EXAMPLES = [
    pytest.param(
        "MEXICO CITY (Wire) - Mexico will apply tariffs of up to 40% from January on imports from countries with "
        "which it has no free trade agreement, the Economy Ministry said.",
        {("tariff", "MX", None, None, 40.0, "threatened")},
        id="countries-with-which-it-has-no-fta",
    ),
    pytest.param(
        "Desde el 1 de enero, Ecuador cobra un arancel del 30 % a las importaciones de acero de países con los que "
        "no tiene un tratado comercial.",
        {("tariff", "EC", None, "steel", 30.0, "imposed")},
        id="es-paises-con-los-que-no-tiene-tratado",
    ),
    pytest.param(
        "Colombia fijó gravámenes de hasta 35 % a productos de naciones sin acuerdo comercial, entre ellas China, "
        "Vietnam y Tailandia.",
        {("tariff", "CO", None, None, 35.0, "imposed")},
        id="es-the-examples-of-the-group-are-no-targets",
    ),
    pytest.param(
        "OTTAWA - Canada set tariff-rate quotas on steel imports from countries that do not have a free trade "
        "agreement with Canada, such as China and Vietnam.",
        {("quota", "CA", None, "steel", None, "imposed")},
        id="countries-that-do-not-have-an-fta-such-as",
    ),
    pytest.param(
        "La reforma eleva los aranceles a productos de países sin tratado comercial, entre ellos los autos "
        "fabricados en China.",
        set(),  # the goods' origin given as an example is a target of its own, read as the measure's other rows
        id="es-a-goods-example-is-no-list-of-the-group",
    ),
    pytest.param(
        "Peru's 20% tariff on Chilean wine, imposed in March, remains in force.",
        {("tariff", "PE", "CL", "wine", 20.0, "imposed")},
        id="a-named-country-stays-the-target",
    ),
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES)
def test_sentence(text: str, expected: set[tuple[object, ...]], reference: Reference) -> None:
    rows = published_rows(text, reference)
    if expected:
        assert rows == expected
    else:
        assert all(row[2] is not None for row in rows)


def test_esos_paises_in_a_later_sentence_name_the_group_and_take_its_imposer(reference: Reference) -> None:
    text = (
        "Lima, 10 dic (Agencia). - Perú aplicará desde marzo aranceles de hasta 25 % a las importaciones de países con "
        "los que no tiene un tratado de libre comercio, informó el Ministerio de Economía.\n\n"
        "Los automóviles importados de esos países pagarán un arancel de 25 %."
    )
    rows = published_rows(text, reference)
    assert ("tariff", "PE", None, "automotive", 25.0, "imposed") in rows
    assert all(row[2] is None for row in rows)


def test_those_countries_without_a_group_named_before_stay_out(reference: Reference) -> None:
    text = "Cars imported from those countries will pay a 25% tariff, the ministry said."
    assert published_rows(text, reference) == set()
