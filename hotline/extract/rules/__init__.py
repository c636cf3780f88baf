"""Rule data (cue phrases, triggers, vocabularies) as YAML, loaded once per process.

A phrase list may be completed by a grammar: a key ``<name>_forms`` holds sequences of slots, each slot a list of
alternatives (``""`` makes the slot optional, an alternative starting with ``-`` is glued to the word before it:
``[abordad, tratad], [-o, -a]``). Every product of a sequence's slots joins the list ``<name>``, so a negation reads
"no se ha abordado" and "tampoco se trataron" from the verbs and auxiliaries it names, not from one phrase seen.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import product
from pathlib import Path
from typing import Any

import yaml

_DIR = Path(__file__).resolve().parent


class _RulesLoader(yaml.SafeLoader):
    """YAML 1.2 booleans: only true/false. Words like ``on``, ``no`` and ``y`` stay strings (they are cues)."""


_RulesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_RulesLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


@cache
def load_rules(name: str) -> dict[str, Any]:
    """The parsed ``<name>.yaml`` of this folder."""
    with (_DIR / f"{name}.yaml").open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_RulesLoader)
    if not isinstance(data, dict):
        raise ValueError(f"rules file {name}.yaml must hold a mapping")
    _complete(data, name)
    return data


@cache
def load_rule_set(*names: str) -> dict[str, Any]:
    """The rules of several files of this folder (one job each) as one mapping; a key in two of them is an error."""
    merged: dict[str, Any] = {}
    for name in names:
        data = load_rules(name)
        if clash := sorted(merged.keys() & data.keys()):
            raise ValueError(f"rules file {name}.yaml repeats keys of the set {names}: {clash}")
        merged.update(data)
    return merged


def _complete(data: dict[str, Any], name: str) -> None:
    """Each ``<name>_forms`` of ``data`` or of a mapping nested in it joins its phrase list ``<name>``."""
    for key in [k for k in data if isinstance(k, str) and k.endswith("_forms")]:
        base = key.removesuffix("_forms")
        if not isinstance(data.get(base), list):
            raise ValueError(f"rules file {name}.yaml: {key} completes {base}, which is no phrase list")
        data[base] = list(dict.fromkeys([*data[base], *expand_forms(data.pop(key))]))
    for value in data.values():
        if isinstance(value, dict):
            _complete(value, name)


def expand_forms(sequences: list[list[list[str]]]) -> list[str]:
    """Every phrase of a grammar's sequences of slots (see the module's docstring), in order."""
    phrases: list[str] = []
    for slots in sequences:
        for words in product(*slots):
            phrase = ""
            for word in words:
                if word.startswith("-"):
                    phrase += word[1:]
                elif word:
                    phrase = f"{phrase} {word}" if phrase else word
            phrases.append(phrase)
    return list(dict.fromkeys(phrases))
