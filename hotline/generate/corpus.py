"""``generate_corpus``: the plan, rendered chunk by chunk (on several cores for large corpora), and the truth.

Memory stays bounded: a chunk's articles are written as they are rendered, and the parent streams each
chunk's call records into ``truth.json`` as the chunks come back, in order. Output is the same bytes for the
same seed whatever the number of processes.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from hotline.generate.files import ChunkWriter
from hotline.generate.phrases import Phrases
from hotline.generate.plan import Chunk, plan_corpus
from hotline.generate.render import event_rng, render_call
from hotline.generate.truth import ARTICLES_FOLDER, TRUTH_FILE, Truth
from hotline.generate.vocabulary import LANGUAGES, vocabulary

GENERATOR_VERSION = "2"
"""Bump when the same seed would give different bytes (templates, plan or format changes): caches key on it."""
BAD_SEED_OFFSET = 10**9
FORMAT_SEED_OFFSET = 2 * 10**9
"""Random streams apart from the events' own: bad file j uses index BAD_SEED_OFFSET + j, and the file formats of
call i's articles FORMAT_SEED_OFFSET + i."""


def generate_corpus(
    n: int,
    out_dir: Path,
    seed: int = 0,
    bad_share: float = 0.01,
    *,
    processes: int | None = None,
    formats: tuple[str, ...] | None = None,
    overwrite: bool = False,
) -> Truth:
    """Write ``n`` articles (plus ``round(n * bad_share)`` bad files) to ``out_dir/articles`` and the truth to
    ``out_dir/truth.json``; return the truth.

    ``formats`` restricts the file formats (e.g. ``("txt",)``); ``processes`` defaults to every core for
    corpora of several chunks. An existing non-empty articles folder is an error unless ``overwrite``.
    """
    if n < 1:
        raise ValueError(f"n must be at least 1 (got {n})")
    if not 0 <= bad_share < 1:
        raise ValueError(f"bad_share must be in [0, 1) (got {bad_share})")
    out_dir = Path(out_dir)
    articles = out_dir / ARTICLES_FOLDER
    if articles.exists() and any(articles.iterdir()):
        if not overwrite:
            raise FileExistsError(f"{articles} is not empty (choose another folder, or overwrite)")
        shutil.rmtree(articles)
    articles.mkdir(parents=True, exist_ok=True)
    chunks = plan_corpus(vocabulary(), n, seed, bad_share)
    jobs = [(chunk, seed, articles, formats) for chunk in chunks]
    workers = min(processes or os.cpu_count() or 1, len(chunks))
    generator = {"version": GENERATOR_VERSION, "seed": seed, "n": n, "bad_share": bad_share, "formats": formats}
    with (out_dir / TRUTH_FILE).open("w", encoding="utf-8", newline="\n") as out:
        if workers <= 1:
            summary = _write_truth(out, generator, map(_render_chunk, jobs))
        else:
            # "spawn": the parent may run polars' thread pool, and a forked child of a threaded parent can deadlock.
            with multiprocessing.get_context("spawn").Pool(workers) as pool:
                summary = _write_truth(out, generator, pool.imap(_render_chunk, jobs))
    return Truth(out_dir / TRUTH_FILE, generator, summary)


def _render_chunk(job: tuple[Chunk, int, Path, tuple[str, ...] | None]) -> dict[str, Any]:
    chunk, seed, root, formats = job
    vocab = vocabulary()
    phrases = {language: Phrases(vocab, language) for language in LANGUAGES}
    writer = ChunkWriter(root, chunk.number, formats)
    calls = []
    try:
        for call in chunk.calls:
            drafts, truth = render_call(vocab, phrases, call, seed)
            rng = event_rng(seed, FORMAT_SEED_OFFSET + call.index)
            for k, (draft, article) in enumerate(zip(drafts, truth["articles"], strict=True)):
                article["name"] = writer.write(rng, draft, f"{call.index:07d}-{k}")
                article["format"] = article["name"].split("#")[0].rsplit(".", 1)[-1]
            calls.append(truth)
        day = chunk.calls[-1].day
        bad = [writer.bad(event_rng(seed, BAD_SEED_OFFSET + j), j, kind, day) for j, kind in chunk.bad]
    finally:
        writer.close()
    return {"calls": calls, "bad_files": bad, "formats": writer.counts, "words": writer.words}


def _write_truth(out: IO[str], generator: dict[str, Any], parts: Iterator[dict[str, Any]]) -> dict[str, Any]:
    """Stream the call records into ``out`` as the chunks arrive; the bad files and the summary go last."""
    out.write('{"generator": ' + json.dumps(generator) + f', "articles_dir": "{ARTICLES_FOLDER}",\n"calls": [\n')
    summary: dict[str, Any] = {"articles": 0, "calls": 0, "held_calls": 0, "words": 0, "formats": {}, "bad_files": 0}
    bad: list[dict[str, str]] = []
    first = True
    for part in parts:
        for call in part["calls"]:
            out.write(("" if first else ",\n") + json.dumps(call, ensure_ascii=False))
            first = False
            summary["calls"] += 1
            summary["held_calls"] += call["status"] == "held"
            summary["articles"] += len(call["articles"])
        for fmt, count in part["formats"].items():
            summary["formats"][fmt] = summary["formats"].get(fmt, 0) + count
        summary["words"] += part["words"]
        bad.extend(part["bad_files"])
    summary["bad_files"] = len(bad)
    summary["formats"] = dict(sorted(summary["formats"].items()))
    out.write("\n],\n" + '"bad_files": [\n' + ",\n".join(json.dumps(b, ensure_ascii=False) for b in bad))
    out.write("\n],\n" + '"summary": ' + json.dumps(summary) + "}\n")
    return summary
