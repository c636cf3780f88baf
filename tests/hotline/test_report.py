"""Tests of hotline.report: every section with a valid chart, escaped tables, "no data" on an empty warehouse,
and the page as a browser renders it (headless Chromium, when installed).

Examples written by us: a tiny published file with the columns the report reads, holding held and planned calls,
a call without a date, a negated topic, a measure without an imposing country, and text that looks like HTML.
"""

from __future__ import annotations

import base64
import io
import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import numpy as np
import pytest
from matplotlib import image as mpimg

from hotline.report import build_report, charts
from hotline.report.queries import load

SECTIONS = ["calls-over-time", "topics", "calls-per-country", "trade-measures", "data-quality"]
HTML_LOOKING = "<script>alert('x')</script> & <b>bold</b>"

TABLES = {
    "marts.fct_calls": "call_id varchar, call_status varchar, call_date date",
    "marts.bridge_call_participants": "call_id varchar, official_id varchar, country_code varchar",
    "marts.bridge_call_topics": "call_id varchar, topic_code varchar, status varchar",
    "marts.dim_officials": "official_id varchar, full_name varchar",
    "marts.dim_topics": "topic_code varchar, topic_name varchar",
    "marts.dim_countries": "country_code varchar, country_name varchar",
    "marts.dim_trade_measures": "measure_type varchar, imposing_country_code varchar, target_country_code varchar, "
    "sector varchar, status varchar, rate_percent double",
    "marts.dim_articles": "article_id varchar",
    "audit.rejected_articles": "source_name varchar, reason varchar",
    "audit.quarantined_facts": "source_name varchar, fact varchar, fact_id varchar, rule varchar, reason varchar, "
    "fact_value varchar, evidence varchar",
    "audit.validation_results": "suite_name varchar, table_name varchar, severity varchar, is_passed boolean, "
    "unexpected_count bigint",
}

ROWS = {
    "marts.fct_calls": [
        ("c1", "held", "2025-04-17"),
        ("c2", "held", "2025-05-01"),
        ("c3", "held", None),
        ("c4", "planned", "2025-06-01"),
        ("c5", "held", "2026-01-29"),
    ],
    "marts.bridge_call_participants": [
        ("c1", "trump", "US"),
        ("c1", "sheinbaum", "MX"),
        ("c2", "trump", "US"),
        ("c2", "sheinbaum", "MX"),
        ("c3", "trump", "US"),
        ("c3", "carney", "CA"),
        ("c4", "trump", "US"),
        ("c4", "lula", "BR"),
        ("c5", "trump", "US"),
        ("c5", "sheinbaum", "MX"),
    ],
    "marts.bridge_call_topics": [
        ("c1", "trade", "discussed"),
        ("c2", "trade", "discussed"),
        ("c5", "cuba", "not_discussed"),
        ("c4", "security", "discussed"),
    ],
    "marts.dim_officials": [
        ("trump", "Donald Trump"),
        ("sheinbaum", "Claudia Sheinbaum"),
        ("carney", "Mark Carney"),
        ("lula", "Luiz Inácio Lula da Silva"),
    ],
    "marts.dim_topics": [("trade", "Trade"), ("cuba", "Cuba"), ("security", "Security")],
    "marts.dim_countries": [("US", "United States"), ("MX", "Mexico"), ("CA", "Canada"), ("BR", "Brazil")],
    "marts.dim_trade_measures": [
        ("tariff", "US", "MX", "steel", "active", 25.0),
        ("sanction", None, None, None, "threatened", None),
    ],
    "marts.dim_articles": [("a1",), ("a2",)],
    "audit.rejected_articles": [(HTML_LOOKING, "not utf-8 text"), ("empty.txt", "the file is empty")],
    "audit.quarantined_facts": [
        (
            "005.txt",
            "call_mention",
            "m1",
            "call_after_article",
            "call dated after its article",
            "2205-05-01",
            "on May 1, 2205",
        ),
    ],
    "audit.validation_results": [
        ("calls_have_two_participants", "marts.bridge_call_participants", "error", True, 0),
        ("topic_never_both", "marts.bridge_call_topics", "error", False, 2),
    ],
}


def make_warehouse(path: Path, *, empty: bool = False) -> Path:
    con = duckdb.connect(str(path))
    try:
        con.execute("create schema marts")
        con.execute("create schema audit")
        for table, columns in TABLES.items():
            con.execute(f"create table {table} ({columns})")
            if not empty:
                width = len(ROWS[table][0])
                con.executemany(f"insert into {table} values ({', '.join('?' * width)})", ROWS[table])
    finally:
        con.close()
    return path


def embedded_images(html: str) -> dict[str, bytes]:
    """Section id -> the PNG its <img> embeds."""
    found = re.findall(r'<section id="([a-z-]+)">.*?<img src="data:image/png;base64,([A-Za-z0-9+/=]+)"', html, re.S)
    return {section: base64.b64decode(data) for section, data in found}


def assert_png(data: bytes) -> np.ndarray:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    pixels = mpimg.imread(io.BytesIO(data), format="png")
    assert pixels.shape[0] > 100
    assert pixels.shape[1] > 500
    return pixels


def test_every_section_has_its_chart_and_the_page_is_self_contained(tmp_path: Path) -> None:
    page = build_report(make_warehouse(tmp_path / "hotline.duckdb"), tmp_path / "report")

    html = page.read_text(encoding="utf-8")
    images = embedded_images(html)
    assert list(images) == SECTIONS
    for section, png in images.items():
        assert_png(png)
        assert (page.parent / f"{section}.png").read_bytes() == png  # the same chart beside the page
    assert not re.search(r"(src|href)=\"(https?:)?//", html)  # nothing fetched from a network
    assert "default-src 'none'" in html


def test_values_from_the_warehouse_are_escaped(tmp_path: Path) -> None:
    page = build_report(make_warehouse(tmp_path / "hotline.duckdb"), tmp_path / "report")
    html = page.read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html


def test_figures_count_what_took_place(tmp_path: Path) -> None:
    data = load(make_warehouse(tmp_path / "hotline.duckdb"))
    summary = data["summary"].row(0, named=True)
    assert (summary["held_calls"], summary["calls_not_held"], summary["undated_calls"]) == (4, 1, 1)
    assert (summary["suites_passed"], summary["suites_failed"]) == (1, 1)
    assert dict(data["calls_by_country"].rows()) == {"United States": 4, "Mexico": 3, "Canada": 1}  # not Brazil
    assert sorted(data["topics"].rows()) == [("Cuba", "not_discussed", 1), ("Trade", "discussed", 2)]
    assert data["trade_measures"].row(0) == ("sanction", "threatened", "not stated", "not stated", "not stated", None)


def test_an_empty_warehouse_says_no_data(tmp_path: Path) -> None:
    path = make_warehouse(tmp_path / "hotline.duckdb", empty=True)
    data = load(path)
    figures = {
        "calls": charts.calls_over_time(data["calls_by_pair"]),
        "topics": charts.topics(data["topics"]),
        "countries": charts.calls_per_country(data["calls_by_country"]),
        "measures": charts.trade_measures(data["trade_measures"]),
        "quality": charts.data_quality(
            data["rejected_by_reason"], data["quarantined_by_rule"], data["validation_results"]
        ),
    }
    for name, figure in figures.items():
        texts = [text.get_text() for ax in figure.axes for text in ax.texts]
        assert texts, name
        assert all(text.startswith("no ") for text in texts), texts

    page = build_report(path, tmp_path / "report")

    html = page.read_text(encoding="utf-8")
    assert list(embedded_images(html)) == SECTIONS
    assert "<b>0</b>calls took place" in html


def test_a_chart_whose_data_did_not_change_is_kept_and_the_others_are_drawn_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_warehouse(tmp_path / "hotline.duckdb")
    first = embedded_images(build_report(path, tmp_path / "report").read_text(encoding="utf-8"))
    con = duckdb.connect(str(path))
    con.execute("insert into marts.dim_trade_measures values ('quota', 'MX', 'US', 'sugar', 'active', 10.0)")
    con.close()
    drawn: list[str] = []
    to_png = charts.to_png
    monkeypatch.setattr(charts, "to_png", lambda figure: drawn.append(figure) or to_png(figure))

    page = build_report(path, tmp_path / "report")

    second = embedded_images(page.read_text(encoding="utf-8"))
    assert len(drawn) == 1  # the trade measures, whose rows changed
    assert second["trade-measures"] != first["trade-measures"]
    assert {section: png for section, png in second.items() if section != "trade-measures"} == {
        section: png for section, png in first.items() if section != "trade-measures"
    }
    for section, png in second.items():
        assert (page.parent / f"{section}.png").read_bytes() == png
    (page.parent / "topics.png").unlink()  # a chart the folder lacks is drawn again
    drawn.clear()
    build_report(path, tmp_path / "report")
    assert len(drawn) == 1


def test_a_warehouse_without_the_report_tables_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "hotline.duckdb"
    duckdb.connect(str(path)).execute("create schema marts").execute("create table marts.fct_calls (x int)").close()
    with pytest.raises(ValueError, match=r"lacks marts\.bridge_call_participants, .*audit\.validation_results"):
        build_report(path, tmp_path / "report")
    with pytest.raises(FileNotFoundError, match="no warehouse"):
        build_report(tmp_path / "missing.duckdb", tmp_path / "report")
    assert not (tmp_path / "report").exists()


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (make setup installs it where apt-get can)")
def test_the_page_renders_in_a_headless_browser(tmp_path: Path) -> None:
    page = build_report(make_warehouse(tmp_path / "hotline.duckdb"), tmp_path / "report")
    shot = tmp_path / "screenshot.png"
    assert CHROMIUM is not None
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'chromium-profile'}",
            f"--screenshot={shot}",
            "--window-size=1280,2000",
            "--virtual-time-budget=5000",
            page.resolve().as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pixels = assert_png(shot.read_bytes())[..., :3]
    assert pixels.shape[:2] == (2000, 1280)
    not_white = (pixels < 0.95).any(axis=-1).mean()
    colours = len(np.unique((pixels * 255).astype(np.uint8).reshape(-1, 3), axis=0))
    assert not_white > 0.05, f"only {not_white:.1%} of the page is not white: the charts did not render"
    assert colours > 50, f"{colours} distinct colours: the page looks blank"
