"""Cross-article resolution of an earlier call told in passing by its month only
(int_call_mentions_grouped_to_calls, issue 13): when its article looks back a year or more, it stays a call of its
own rather than join the pair's one dated call of that month that the corpus knows (the pair may have spoken any
number of times that month). Articles written by us in wire style."""

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
}


@pytest.fixture(scope="module")
def mentions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The call_id of the Stubb-Kristersson call of December 2024: the dated one, and the one told in passing."""
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
            "select a.source_name, m.call_id from marts.fct_call_mentions m "
            "join marts.bridge_call_participants p on p.call_id = m.call_id and p.official_id = 'ulf_kristersson' "
            "join marts.dim_articles a on a.article_id = m.article_id "
            "where not m.is_directly_reported or a.source_name = 'wire_dated.md'"
        ).fetchall()
    finally:
        con.close()
    return dict(rows)


def test_a_month_told_in_passing_a_year_later_stays_apart(mentions: dict[str, str]) -> None:
    assert mentions["feature_year_later.md"] != mentions["wire_dated.md"]
