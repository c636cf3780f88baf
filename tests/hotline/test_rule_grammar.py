"""Phrase lists completed by a grammar (``<name>_forms`` in a rules file): slots, optional slots, glued endings."""

from __future__ import annotations

from hotline.extract.rules import expand_forms, load_rules


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
    rules = load_rules("topics")
    assert "negation_object_forms" not in rules
    assert {"no se ha hablado de", "tampoco se han abordado", "had never raised"} <= set(rules["negation_object"])
    assert {"no han sido abordadas", "was never brought up"} <= set(rules["negation_subject"])
    assert len(rules["negation_object"]) == len(set(rules["negation_object"]))


def test_forms_in_a_nested_mapping_join_the_list_beside_them() -> None:
    statuses = load_rules("call_status")["statuses"]
    assert "requested_forms" not in statuses
    assert {"tried in vain to reach", "ha intentado sin exito comunicarse", "requested"} <= set(statuses["requested"])
