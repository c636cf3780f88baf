"""The scorer of ``make eval`` on small cases written by the team: names, call matching, dates, topics,
grouping, officials and trade measures, and the label checks that keep gold files honest."""

import datetime as dt
from pathlib import Path

import pytest
import yaml

from hotline.evaluation.gold import GoldError, load_gold
from hotline.evaluation.names import same_person
from hotline.evaluation.score import evaluate
from hotline.evaluation.system import SystemFacts, SystemMeasure, SystemMention, SystemPerson, SystemTopic


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Zelenskyy", "Volodymyr Zelensky", True),
        ("Volodímir Zelenski", "Volodymyr Zelenskyy", True),
        ("Lula", "Luiz Inácio Lula da Silva", True),
        ("Mohammad bin Salman", "Mohammed bin Salman", True),
        ("Recep Tayyip Erdoğan", "Erdogan", True),
        ("Jonas Gahr Støre", "Jonas Gahr Store", True),
        ("Claudia Sheinbaum Pardo", "Claudia Sheinbaum", True),
        ("Mohammed bin Salman", "Mohammed bin Zayed", False),
        ("Pedro Sánchez", "Pedro Castillo", False),
        ("Cristina Fernández", "Alberto Fernández", False),
        ("Xi Jinping", "Li Qiang", False),
    ],
)
def test_same_person_tolerates_accents_and_transliterations(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same
    assert same_person(b, a) is same


def _folder(tmp_path: Path, articles: dict) -> Path:
    for name in articles:
        (tmp_path / name).write_text("Title\n\nBody.\n", encoding="utf-8")
    (tmp_path / "gold.yaml").write_text(yaml.safe_dump({"articles": articles}), encoding="utf-8")
    return tmp_path


def _call(group: str, a: str, b: str, **more: object) -> dict:
    return {"group": group, "participants": [a, b], "status": "held", "reported": "direct", **more}


def _person(name: str, country: str = "XX", role: str = "president") -> SystemPerson:
    return SystemPerson(name.lower().replace(" ", "_"), name, country, role)


def _mention(article: str, call_id: str, a: str, b: str, **more: object) -> SystemMention:
    fields = {
        "mention_id": f"{article}:{call_id}",
        "status": "held",
        "is_directly_reported": True,
        "call_date": None,
        "date_precision": "unknown",
        "date_how": None,
        "duration_minutes": None,
        "sequence_number": None,
        "initiator": None,
        "evidence": "they spoke",
    } | more
    return SystemMention(article=article, call_id=call_id, participants=(_person(a), _person(b)), **fields)


def test_calls_dates_and_invented_dates_are_counted(tmp_path: Path) -> None:
    gold = load_gold(
        _folder(
            tmp_path,
            {
                "a.txt": {
                    "calls": [_call("g1", "Emmanuel Macron", "Olaf Scholz", date="2023-05-01", date_precision="day")]
                },
                "b.txt": {"calls": [_call("g2", "Lula", "Javier Milei")]},
                "c.txt": {"calls": [_call("g3", "Anthony Albanese", "Narendra Modi", status="planned")]},
                "d.txt": {"calls": []},
            },
        )
    )
    system = SystemFacts(
        mentions=[
            _mention(
                "a.txt", "c1", "Emmanuel Macron", "Olaf Scholz", call_date=dt.date(2023, 5, 1), date_precision="day"
            ),
            _mention(
                "b.txt",
                "c2",
                "Luiz Inácio Lula da Silva",
                "Javier Milei",
                call_date=dt.date(2024, 1, 2),
                date_precision="day",
            ),
            _mention("c.txt", "c3", "Anthony Albanese", "Narendra Modi"),
            _mention("d.txt", "c4", "Xi Jinping", "Joe Biden"),
        ]
    )
    result = evaluate(gold, system)
    detection = result.fields["call detection"]
    assert (detection.tp, detection.fp, detection.fn) == (2, 2, 0)
    assert result.tallies["calls invented from no-call articles"] == 2  # c.txt's call is only planned
    assert result.tallies["invented dates"] == 1
    assert result.fields["call date exact"].tp == 1
    kinds = {e.get("kind") for e in result.errors if e["field"] == "call detection"}
    assert kinds == {"a planned call counted as held", "call not in the text"}
    assert result.fields["non-held calls flagged"].fn == 1


def test_a_wrong_participant_still_matches_the_call_and_counts_in_participants(tmp_path: Path) -> None:
    gold = load_gold(_folder(tmp_path, {"a.txt": {"calls": [_call("g", "Joe Biden", "Andrés Manuel López Obrador")]}}))
    system = SystemFacts(mentions=[_mention("a.txt", "c", "Donald Trump", "Andrés Manuel López Obrador")])
    result = evaluate(gold, system)
    assert result.fields["call detection"].tp == 1
    participants = result.fields["participants"]
    assert (participants.tp, participants.fp, participants.fn) == (1, 1, 1)


def test_topics_are_scored_per_call_group_with_negation_errors(tmp_path: Path) -> None:
    gold = load_gold(
        _folder(
            tmp_path,
            {
                "en.txt": {
                    "calls": [
                        _call(
                            "g",
                            "Pedro Sánchez",
                            "Gustavo Petro",
                            topics_discussed=["migration"],
                            topics_not_discussed=["venezuela"],
                        )
                    ]
                },
                "es.txt": {
                    "calls": [
                        _call(
                            "g",
                            "Pedro Sánchez",
                            "Gustavo Petro",
                            topics_discussed=["trade"],
                            topics_unclear=["drug_trafficking"],
                        )
                    ]
                },
            },
        )
    )
    system = SystemFacts(
        mentions=[
            _mention("en.txt", "c", "Pedro Sánchez", "Gustavo Petro"),
            _mention("es.txt", "c", "Pedro Sánchez", "Gustavo Petro"),
        ]
    )
    system.topics["c"] = [
        SystemTopic("migration", "discussed", "e", False),
        SystemTopic("venezuela", "discussed", "e", False),
        SystemTopic("drug_trafficking", "not_discussed", "e", False),
    ]
    result = evaluate(gold, system)
    discussed = result.fields["topics discussed"]
    assert (discussed.tp, discussed.fp, discussed.fn) == (1, 1, 1)
    assert result.tallies["negation errors"] == 2  # venezuela flipped; a declined answer read as a negation
    assert result.tallies["same-call groups merged"] == 1


def test_grouping_counts_split_groups_and_wrong_merges(tmp_path: Path) -> None:
    gold = load_gold(
        _folder(
            tmp_path,
            {
                "a.txt": {"calls": [_call("g1", "Xi Jinping", "Joe Biden")]},
                "b.txt": {"calls": [_call("g1", "Xi Jinping", "Joe Biden")]},
                "c.txt": {"calls": [_call("g2", "Xi Jinping", "Joe Biden")]},
            },
        )
    )
    system = SystemFacts(
        mentions=[
            _mention("a.txt", "c1", "Xi Jinping", "Joe Biden"),
            _mention("b.txt", "c2", "Xi Jinping", "Joe Biden"),
            _mention("c.txt", "c2", "Xi Jinping", "Joe Biden"),
        ]
    )
    result = evaluate(gold, system)
    assert result.tallies["same-call groups merged"] == 0
    assert result.tallies["different calls merged"] == 1


def test_officials_and_measures_are_pooled_over_the_articles_of_a_call(tmp_path: Path) -> None:
    officials = [{"name": "Annalena Baerbock", "country": "DE", "role": "foreign_minister"}]
    measure = {"type": "tariff", "imposing": "EU", "target": "CN", "sector": "automotive", "status": "imposed"}
    gold = load_gold(
        _folder(
            tmp_path,
            {
                "a.txt": {"calls": [_call("g", "Emmanuel Macron", "Olaf Scholz")], "officials": officials},
                "b.txt": {"calls": [_call("g", "Emmanuel Macron", "Olaf Scholz")], "trade_measures": [measure]},
            },
        )
    )
    system = SystemFacts(
        mentions=[
            _mention("a.txt", "c", "Emmanuel Macron", "Olaf Scholz"),
            _mention("b.txt", "c", "Emmanuel Macron", "Olaf Scholz"),
        ]
    )
    system.officials["c"] = [SystemPerson("ab", "Annalena Baerbock", "DE", "foreign_minister"), _person("Olaf Scholz")]
    system.measures["c"] = [SystemMeasure("tariff", "EU", "CN", "automotive", None, "threatened", "e")]
    result = evaluate(gold, system)
    found = result.fields["officials"]
    assert (found.tp, found.fp, found.fn) == (1, 1, 0)
    assert result.fields["official role"].tp == 1
    assert result.fields["trade measures"].tp == 1
    assert result.fields["trade measure status"].fn == 1


def test_gold_labels_are_checked_against_the_vocabulary_and_the_folder(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"a.txt": {"calls": [_call("g", "A B", "C D", status="maybe", date="May 1")]}})
    (folder / "unlabeled.md").write_text("# t\n\nbody\n", encoding="utf-8")
    with pytest.raises(GoldError) as raised:
        load_gold(folder)
    message = str(raised.value)
    assert "status 'maybe'" in message
    assert "'May 1' is not an ISO date" in message
    assert "unlabeled.md: article in the folder but not labeled" in message
