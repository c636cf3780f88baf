"""``python -m hotline.evaluation [FOLDER] [--errors/--no-errors]``: score the pipeline on a labeled folder.

Default folder: ``HOTLINE_EVAL_DIR`` (``tests/eval/test``). Prints the table of precision, recall and F1 per
field, the most common kinds of error, then every error with its evidence; writes ``warehouse/eval.json``.
Exit codes: 0 scored, 1 the pipeline failed, 3 the labels are malformed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hotline.config import PROJECT_ROOT
from hotline.evaluation.floors import check_floors, raise_floors, read_floors
from hotline.evaluation.gold import GoldError
from hotline.evaluation.report import error_kinds, errors_text, table
from hotline.evaluation.run import PipelineFailed, run_eval

TEST_SPLIT = PROJECT_ROOT / "tests" / "eval" / "test"
FLOORS = TEST_SPLIT.parent / "floors.yaml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hotline.evaluation", description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, help="labeled folder (default: HOTLINE_EVAL_DIR)")
    parser.add_argument("--no-errors", action="store_true", help="print the table only")
    parser.add_argument("--warehouse", type=Path, help="score this already built warehouse instead of running")
    parser.add_argument(
        "--raise-floors",
        action="store_true",
        help=f"raise the ratchet ({FLOORS}) to today's figures where they are higher",
    )
    args = parser.parse_args(argv)
    try:
        result = run_eval(args.folder, warehouse=args.warehouse)
    except GoldError as exc:
        print(exc, file=sys.stderr)
        return 3
    except PipelineFailed as exc:
        print(exc, file=sys.stderr)
        return 1
    counts = result.gold.counts()
    print(f"evaluation of {result.gold.folder} ({counts['articles']} articles, {counts['held_calls']} held calls)")
    print(table(result.evaluation))
    print("\nmost common errors:")
    for kind, n in error_kinds(result.evaluation):
        print(f"  {n:>4}  {kind}")
    if not args.no_errors:
        print("\nerrors:")
        print(errors_text(result.evaluation))
    print(f"\nwritten: {result.json_path}")
    if result.gold.folder != TEST_SPLIT:
        return 0  # the ratchet holds figures of the test split only
    if args.raise_floors:
        raise_floors(result.evaluation, FLOORS)
        print(f"floors raised: {FLOORS}")
    for drop in check_floors(result.evaluation, read_floors(FLOORS)):
        print(f"below the ratchet: {drop}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
