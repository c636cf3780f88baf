"""How the evaluation scores the date of a call an article gives no date for (issue 13). The system's date is the
call's, across articles: an undated article merged with a dated one carries that date. Labels written by us."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import yaml

from hotline.evaluation.gold import load_gold
from hotline.evaluation.score import evaluate
from hotline.evaluation.system import SystemFacts, SystemMention, SystemPerson

MAY_1 = dt.date(2023, 5, 1)


def _gold(tmp_path: Path) -> None:
    def call(**more: object) -> dict:
        return {"group": "g1", "participants": ["Emmanuel Macron", "Olaf Scholz"], "status": "held"} | more

    articles = {
        "dated.txt": {"calls": [call(date=MAY_1.isoformat(), date_precision="day")]},
        "undated.txt": {"calls": [call()]},
        "alone.txt": {"calls": [{**call(), "group": "g2"}]},
    }
    for name in articles:
        (tmp_path / name).write_text("Title\n\nBody.\n", encoding="utf-8")
    (tmp_path / "gold.yaml").write_text(yaml.safe_dump({"articles": articles}), encoding="utf-8")


def _mention(article: str, day: dt.date) -> SystemMention:
    people = (SystemPerson("emmanuel_macron", "Emmanuel Macron", "FR", "president"),)
    people += (SystemPerson("olaf_scholz", "Olaf Scholz", "DE", "chancellor"),)
    return SystemMention(
        article=article,
        call_id="c1",
        participants=people,
        mention_id=f"{article}:c1",
        status="held",
        is_directly_reported=True,
        call_date=day,
        date_precision="day",
        date_how=None,
        duration_minutes=None,
        sequence_number=None,
        initiator=None,
        evidence="they spoke",
    )


def test_a_date_carried_from_another_article_of_the_call_is_not_invented(tmp_path: Path) -> None:
    _gold(tmp_path)
    day_after = MAY_1 + dt.timedelta(days=1)
    system = SystemFacts(
        mentions=[_mention("dated.txt", MAY_1), _mention("undated.txt", MAY_1), _mention("alone.txt", day_after)]
    )
    result = evaluate(load_gold(tmp_path), system)
    assert result.tallies["dates from another article of the call"] == 1  # undated.txt: its group's date
    assert result.tallies["invented dates"] == 1  # alone.txt: no article of its group dates it
    assert result.fields["call date exact"].tp == 1


def test_another_date_than_the_groups_is_still_invented(tmp_path: Path) -> None:
    _gold(tmp_path)
    other = MAY_1 - dt.timedelta(days=3)
    system = SystemFacts(mentions=[_mention("dated.txt", MAY_1), _mention("undated.txt", other)])
    result = evaluate(load_gold(tmp_path), system)
    assert result.tallies["invented dates"] == 1
    assert "dates from another article of the call" not in result.tallies


def test_a_day_carried_from_another_article_inside_the_bounds_is_not_a_bounds_error(tmp_path: Path) -> None:
    def call(**more: object) -> dict:
        return {"group": "g1", "participants": ["Emmanuel Macron", "Olaf Scholz"], "status": "held"} | more

    weekend = {"date_precision": "week", "date_earliest": "2023-04-29", "date_latest": "2023-04-30"}
    articles = {
        "dated.txt": {"calls": [call(date="2023-04-30", date_precision="day")]},
        "weekend.txt": {"calls": [call(**weekend)]},
        "other.txt": {"calls": [{**call(**weekend), "group": "g2"}]},
    }
    for name in articles:
        (tmp_path / name).write_text("Title\n\nBody.\n", encoding="utf-8")
    (tmp_path / "gold.yaml").write_text(yaml.safe_dump({"articles": articles}), encoding="utf-8")
    sunday = dt.date(2023, 4, 30)
    system = SystemFacts(mentions=[_mention(name, sunday) for name in articles])
    result = evaluate(load_gold(tmp_path), system)
    bounds = result.fields["date bounds"]
    assert (bounds.tp, bounds.fp, bounds.fn) == (0, 0, 1)  # other.txt: no article of its call dates it
    assert result.tallies["dates from another article of the call"] == 1


def test_a_duration_carried_from_another_article_of_the_call_is_neither_right_nor_wrong(tmp_path: Path) -> None:
    def call(**more: object) -> dict:
        return {"group": "g1", "participants": ["Emmanuel Macron", "Olaf Scholz"], "status": "held"} | more

    articles = {"told.txt": {"calls": [call(duration_minutes=40)]}, "silent.txt": {"calls": [call()]}}
    for name in articles:
        (tmp_path / name).write_text("Title\n\nBody.\n", encoding="utf-8")
    (tmp_path / "gold.yaml").write_text(yaml.safe_dump({"articles": articles}), encoding="utf-8")
    lasted = [_mention(name, MAY_1) for name in articles]
    system = SystemFacts(mentions=[replace(m, duration_minutes=40) for m in lasted])
    result = evaluate(load_gold(tmp_path), system)
    assert result.tallies["durations from another article of the call"] == 1  # silent.txt carries told.txt's
    assert (result.fields["duration"].tp, result.fields["duration"].fp) == (1, 0)


def test_an_initiator_carried_from_another_article_of_the_call_is_neither_right_nor_wrong(tmp_path: Path) -> None:
    def call(**more: object) -> dict:
        return {"group": "g1", "participants": ["Emmanuel Macron", "Olaf Scholz"], "status": "held"} | more

    articles = {"told.txt": {"calls": [call(initiator="Olaf Scholz")]}, "silent.txt": {"calls": [call()]}}
    for name in articles:
        (tmp_path / name).write_text("Title\n\nBody.\n", encoding="utf-8")
    (tmp_path / "gold.yaml").write_text(yaml.safe_dump({"articles": articles}), encoding="utf-8")
    merged = [replace(_mention(name, MAY_1), initiator="Olaf Scholz") for name in articles]
    result = evaluate(load_gold(tmp_path), SystemFacts(mentions=merged))
    assert result.tallies["initiators from another article of the call"] == 1  # silent.txt carries told.txt's
    assert (result.fields["initiator"].tp, result.fields["initiator"].fp) == (1, 0)
    wrong = [replace(_mention(name, MAY_1), initiator="Emmanuel Macron") for name in articles]
    result = evaluate(load_gold(tmp_path), SystemFacts(mentions=wrong))
    assert "initiators from another article of the call" not in result.tallies
    assert result.fields["initiator"].fp == 2  # told.txt's wrong value, and silent.txt's that no article gives
