"""``python -m hotline.generate N DIR [--seed S] [--bad-share F]``: write a corpus and its truth."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from hotline.generate.corpus import generate_corpus
from hotline.generate.files import FEED_LINES
from hotline.generate.truth import ARTICLES_FOLDER, TRUTH_FILE

FORMATS = ("txt", "md", "json", "jsonl")


def _formats(value: str) -> tuple[str, ...]:
    chosen = tuple(part.strip() for part in value.split(",") if part.strip())
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"formats are a comma-separated subset of {', '.join(FORMATS)}")
    return chosen


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m hotline.generate",
        description=(
            f"Write N generated articles to DIR/{ARTICLES_FOLDER}/ (.txt, .md, .json and .jsonl feeds of up to "
            f"{FEED_LINES:,} articles) plus a share of bad files, and what they say to DIR/{TRUTH_FILE}. "
            "Point HOTLINE_ARTICLES_DIR at DIR/articles. The same seed writes the same bytes."
        ),
    )
    parser.add_argument("n", type=int, help="number of articles (bad files come on top)")
    parser.add_argument("dir", type=Path, help="output folder (articles/ and truth.json)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--bad-share", type=float, default=0.01, help="bad files per article (default 0.01)")
    parser.add_argument("--processes", type=int, default=None, help="worker processes (default: all cores)")
    parser.add_argument("--formats", type=_formats, default=None, help="only these formats, e.g. txt,md")
    parser.add_argument("--overwrite", action="store_true", help="replace DIR/articles if it holds files")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        truth = generate_corpus(
            args.n,
            args.dir,
            args.seed,
            args.bad_share,
            processes=args.processes,
            formats=args.formats,
            overwrite=args.overwrite,
        )
    except (ValueError, FileExistsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    summary = truth.summary
    formats = ", ".join(f"{count} {fmt}" for fmt, count in summary["formats"].items())
    print(
        f"wrote {summary['articles']:,} articles ({formats}; {summary['words']:,} words) and "
        f"{summary['bad_files']:,} bad files to {truth.articles_dir}"
    )
    print(f"truth: {summary['calls']:,} events, {summary['held_calls']:,} held calls in {truth.path}")
    print(f"elapsed: {time.perf_counter() - started:.1f}s")
    return 0
