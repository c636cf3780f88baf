"""A corpus generator with known truth: realistic articles in every format ingest reads, the bad files it must
reject, and ``truth.json`` beside them, for benchmarks at scale and regression checks (never to tune rules on).

``generate_corpus(n, out_dir, seed, bad_share)`` writes ``out_dir/articles/`` and ``out_dir/truth.json``;
:func:`hotline.generate.truth.score_against_truth` compares a built warehouse with the truth;
``python -m hotline.generate N DIR`` is the command line (:func:`main`).
"""

from hotline.generate.cli import main
from hotline.generate.corpus import GENERATOR_VERSION, generate_corpus
from hotline.generate.truth import Score, Truth, score_against_truth

__all__ = ["GENERATOR_VERSION", "Score", "Truth", "generate_corpus", "main", "score_against_truth"]
