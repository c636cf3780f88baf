"""Scoring a warehouse against hand-labeled articles (``tests/eval/*/gold.yaml``), field by field.

``gold`` reads and checks the labels, ``system`` reads the facts the marts hold, ``score`` matches the two and
counts, ``report`` prints the table and the errors and writes ``eval.json``. No Dagster here: the runner that
builds the warehouse first is ``python -m orchestration eval``.
"""

from hotline.evaluation.gold import GoldArticle, GoldCall, GoldCorpus, load_gold
from hotline.evaluation.score import Evaluation, evaluate
from hotline.evaluation.system import SystemFacts, read_system

__all__ = [
    "Evaluation",
    "GoldArticle",
    "GoldCall",
    "GoldCorpus",
    "SystemFacts",
    "evaluate",
    "load_gold",
    "read_system",
]
