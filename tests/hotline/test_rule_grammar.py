"""Phrase lists completed by a grammar (``<name>_forms`` in a rules file): slots, optional slots, glued endings."""

from __future__ import annotations

import pytest

from hotline.extract.context import TOPIC_RULE_FILES
from hotline.extract.rules import expand_forms, load_rule_set, load_rules


def test_a_grammar_gives_every_product_of_its_slots() -> None:
    phrases = expand_forms([[["no", "tampoco"], ["se", ""], ["ha", "han"], ["abordado"]]])
    assert phrases == [
        "no se ha abordado",
        "no se han abordado",
        "no ha abordado",
        "no han abordado",
        "tampoco se ha abordado",
        "tampoco se han abordado",
        "tampoco ha abordado",
        "tampoco han abordado",
    ]


def test_an_ending_glues_to_the_word_before_it() -> None:
    assert expand_forms([[["no fue"], ["tratad"], ["-o", "-as"]]]) == ["no fue tratado", "no fue tratadas"]


def test_the_forms_join_their_phrase_list_and_leave_the_rules() -> None:
    rules = load_rule_set(*TOPIC_RULE_FILES)
    assert "negation_object_forms" not in rules
    assert {"no se ha hablado de", "tampoco se han abordado", "had never raised"} <= set(rules["negation_object"])
    assert {"no han sido abordadas", "was never brought up"} <= set(rules["negation_subject"])
    assert len(rules["negation_object"]) == len(set(rules["negation_object"]))


def test_forms_in_a_nested_mapping_join_the_list_beside_them() -> None:
    statuses = load_rules("call_status")["statuses"]
    assert "requested_forms" not in statuses
    assert {"tried in vain to reach", "ha intentado sin exito comunicarse", "requested"} <= set(statuses["requested"])


def test_a_rule_set_reads_its_files_as_one_mapping() -> None:
    parts = [load_rules(name) for name in ("trade_measures", "trade_status", "trade_goods", "trade_parties")]
    merged = load_rule_set("trade_measures", "trade_status", "trade_goods", "trade_parties")
    assert len(merged) == sum(len(part) for part in parts)
    assert {"measures", "status_cues", "sectors", "target_before"} <= merged.keys()


def test_a_key_in_two_files_of_a_set_is_an_error() -> None:
    with pytest.raises(ValueError, match="repeats keys"):
        load_rule_set("trade_goods", "trade_goods")
