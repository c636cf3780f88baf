"""Rule data (cue phrases, triggers, vocabularies) as YAML, loaded once per process."""

from __future__ import annotations

import re
from functools import cache
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
    return data
