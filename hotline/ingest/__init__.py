"""Ingest internals behind :mod:`hotline.articles` (plain Python, no Dagster).

- :mod:`hotline.ingest.decoding`: bytes to text (byte-order marks, UTF-16/UTF-32 detection, the binary check,
  the UTF-8 → cp1252 → Latin-1 fallback).
- :mod:`hotline.ingest.lines`: a JSONL feed read line by line in bounded memory, with the per-article size limit.
- :mod:`hotline.ingest.repair`: mojibake repair with ``ftfy``.
- :mod:`hotline.ingest.state`: what the build file remembers between runs (files read, articles, what was extracted
  and built), so a run reads, extracts and builds only what changed.

The public entry points stay in :mod:`hotline.articles` (``load_corpus``, ``read_article_file``, ``Corpus``).
"""
