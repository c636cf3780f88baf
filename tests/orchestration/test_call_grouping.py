"""Cross-article resolution of an earlier call told in passing by its month only
(int_call_mentions_grouped_to_calls, issue 13): when its article looks back a year or more, it stays a call of its
own rather than join the pair's one dated call of that month that the corpus knows (the pair may have spoken any
number of times that month); told within the part of the month it gives ("earlier this month"), it joins the pair's
one dated call there, never the call its own article dates. Articles written by us in wire style."""

from __future__ import annotations

import io

import duckdb
import pytest

from hotline.config import Settings
from hotline.console import RunConsole
from orchestration import runner

ARTICLES = {
    "wire_dated.md": (
        "2024-12-27",
        "Stubb and Kristersson discuss cable damage by phone",
        "HELSINKI, Dec 27 (Wire) - Finnish President Alexander Stubb spoke by phone on Thursday with Swedish Prime "
        "Minister Ulf Kristersson about the damage to an undersea power cable in the Gulf of Finland, his office "
        "said.",
    ),
    "feature_year_later.md": (
        "2026-01-10",
        "A year of cable scares in the Baltic",
        "Swedish Prime Minister Ulf Kristersson spoke by phone with Finnish President Alexander Stubb on Friday about "
        "new damage to an undersea cable, his office said.\n\nKristersson had also phoned Stubb in December 2024, "
        "after the damage to another cable.",
    ),
    "grid_call.md": (
        "2025-03-04",
        "Sánchez and Montenegro discuss the grid by phone",
        "MADRID, March 4 (Wire) - Spanish Prime Minister Pedro Sánchez spoke by phone on Monday with Portuguese "
        "Prime Minister Luís Montenegro about the Iberian electricity grid, his office said.",
    ),
    "floods_call.md": (
        "2025-03-14",
        "Sánchez and Montenegro discuss floods by phone",
        "MADRID, March 14 (Wire) - Spanish Prime Minister Pedro Sánchez spoke by phone on Thursday with Portuguese "
        "Prime Minister Luís Montenegro about the floods in the Tagus valley, his office said.\n\nThe two leaders "
        "had also spoken by phone earlier this month, about the Iberian electricity grid.",
    ),
    "cable_call.md": (
        "2025-06-03",
        "Albanese and Luxon discuss an undersea cable by phone",
        "CANBERRA, June 3 (Wire) - Australian Prime Minister Anthony Albanese spoke by phone on Monday with New "
        "Zealand Prime Minister Christopher Luxon about the repair of an undersea telecommunications cable, his "
        "office said.",
    ),
    "summit_call.md": (
        "2025-07-17",
        "Albanese and Luxon prepare the Pacific summit by phone",
        "WELLINGTON, July 17 (Wire) - New Zealand Prime Minister Christopher Luxon spoke by phone on Wednesday with "
        "Australian Prime Minister Anthony Albanese about the Pacific Islands Forum summit, his office said.",
    ),
    "fisheries_call.md": (
        "2025-08-20",
        "Luxon y Albanese conversan sobre pesca",
        "Wellington, 20 ago (Agencia).- El primer ministro de Nueva Zelanda, Christopher Luxon, y su homólogo "
        "australiano, Anthony Albanese, conversaron este martes por teléfono sobre la pesca en el Pacífico, según "
        "informó la oficina de Luxon.\n\nLa última conversación telefónica entre ambos se produjo en junio, cuando "
        "Albanese llamó a Luxon para hablar de la reparación de un cable submarino.",
    ),
    "dairy_june.md": (
        "2025-06-13",
        "Luxon and Carney discuss Indo-Pacific trade by phone",
        "WELLINGTON, June 13 (Wire) - New Zealand Prime Minister Christopher Luxon spoke by phone on Thursday with "
        "Canadian Prime Minister Mark Carney about trade in the Indo-Pacific, his office said.",
    ),
    "dairy_september.md": (
        "2025-09-19",
        "Luxon and Carney discuss the Pacific by phone",
        "WELLINGTON, Sept 19 (Wire) - New Zealand Prime Minister Christopher Luxon spoke by phone on Thursday with "
        "Canadian Prime Minister Mark Carney about security in the Pacific, his office said.",
    ),
    "dairy_december.md": (
        "2025-12-05",
        "Carney and Luxon discuss dairy quotas by phone",
        "OTTAWA, Dec 5 (Wire) - Canadian Prime Minister Mark Carney and New Zealand Prime Minister Christopher Luxon "
        "spoke by phone on Thursday about dairy quotas, Carney's office said.\n\nThe two first spoke by phone in "
        "June, when they agreed to revive talks on a trade agreement.",
    ),
}


@pytest.fixture(scope="module")
def mentions(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, bool], str]:
    """The call_id of every call mention by (article, told directly): the Stubb-Kristersson and Sánchez-Montenegro
    calls."""
    root = tmp_path_factory.mktemp("call_grouping")
    articles = root / "articles"
    articles.mkdir()
    for name, (published, title, body) in ARTICLES.items():
        front = f'---\ntitle: "{title}"\npublished: {published}\n---\n\n'
        (articles / name).write_text(front + body + "\n", encoding="utf-8")
    home = root / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    settings = Settings.from_env().replace(
        articles_dir=articles, warehouse_path=root / "out" / "hotline.duckdb", dagster_home=home
    )
    out = io.StringIO()
    assert runner.run(settings, console=RunConsole(out=out, err=out)) == runner.EXIT_OK, out.getvalue()[-3000:]
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        rows = con.execute(
            "select a.source_name, m.is_directly_reported, m.call_id from marts.fct_call_mentions m "
            "join marts.dim_articles a on a.article_id = m.article_id"
        ).fetchall()
    finally:
        con.close()
    return {(name, direct): call_id for name, direct, call_id in rows}


def test_a_month_told_in_passing_a_year_later_stays_apart(mentions: dict[tuple[str, bool], str]) -> None:
    assert mentions["feature_year_later.md", False] != mentions["wire_dated.md", True]


def test_earlier_this_month_joins_the_one_call_before_its_article_s_own(
    mentions: dict[tuple[str, bool], str],
) -> None:
    assert mentions["floods_call.md", False] == mentions["grid_call.md", True]
    assert mentions["floods_call.md", True] != mentions["grid_call.md", True]


def test_a_month_told_beside_a_later_call_is_the_call_right_before_it(mentions: dict[tuple[str, bool], str]) -> None:
    """The pair's June call is no earlier call "last" spoken of in August: another call of theirs, in July, came
    between; the month's call stays apart."""
    told = {call_id for (name, _), call_id in mentions.items() if name == "fisheries_call.md"}
    assert mentions["cable_call.md", True] not in told
    assert mentions["summit_call.md", True] not in told


def test_a_first_call_told_by_its_month_beside_a_later_call_joins_that_months_call(
    mentions: dict[tuple[str, bool], str],
) -> None:
    """ "The two first spoke in June", told beside a December call: the pair's June call, though the corpus knows a
    September call between the two (only a call told as the pair's last is the one right before the later call)."""
    assert mentions["dairy_december.md", False] == mentions["dairy_june.md", True]
    assert mentions["dairy_december.md", False] != mentions["dairy_september.md", True]
