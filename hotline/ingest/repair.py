"""Mojibake repair with ``ftfy``: ``MÃ©xico`` → ``México``, ``Â¿Qué?`` → ``¿Qué?``, ``â€œ`` → ``“``.

Only ftfy's encoding fix runs (:func:`ftfy.fix_encoding`), with a conservative configuration: text is re-read in
another encoding only when ftfy's badness heuristic sees mojibake and the re-read decodes as UTF-8 (possibly in
several rounds; in mixed text, sequence by sequence, which ftfy does with its own defaults), or when the whole
text is Latin-1 that was meant as cp1252 (C1 characters U+0093/U+0094 → ``“quoted”``). Nothing else is touched:
curly quotes, dashes, ligatures, full-width letters, HTML entities, control characters, line breaks and Unicode
normalization stay as they are, so text without mojibake comes out unchanged, character for character (the
extractor reads typographic quotes and dashes, and evidence offsets refer to this text). Off as well, to avoid
false positives: ``restore_byte_a0`` (reading a space as a lost no-break space), ``replace_lossy_sequences``
(turning half-lost sequences into ``�``) and ``fix_c1_controls`` (single C1 characters are kept, so a Latin-1
fallback keeps them).
"""

from __future__ import annotations

import re

import ftfy

CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=False,
    replace_lossy_sequences=False,
    decode_inconsistent_utf8=True,
    fix_c1_controls=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)
"""The ftfy settings: the encoding fix only (see the module docstring)."""

REPAIRED_SUFFIX = "+ftfy"
"""Appended to an article's ``encoding`` when its text, title or outlet was repaired (``utf-8+ftfy``)."""


MAYBE_MOJIBAKE = re.compile(r"[^\x00-\x7f](?:(?<=[\x80-\x9f\u0152\u0153\u00c2\u00c3])|[^\x00-\x7f])")
"""A fast necessary condition for mojibake. ftfy changes nothing unless its badness heuristic
(``ftfy.badness.BADNESS_RE``, about 0.25 µs a character) matches, and every pattern of that heuristic needs two
adjacent non-ASCII characters, a C1 control character, or one of ``Œ œ Â Ã``. Text without any of them is returned
as is, about ten times sooner (``tests/hotline/test_ingest_repair.py`` checks the claim against ftfy).

Written as a non-ASCII character that is one of those or is followed by another (the same texts as
``[\x80-\x9f\u0152\u0153\u00c2\u00c3]|[^\x00-\x7f]{2}``): a pattern that opens with one character class is
searched in C from one non-ASCII character to the next, where the alternation was tried at every character (a
Spanish article, or an English one with curly quotes, 60-100 → 16 µs)."""


def repair_mojibake(text: str) -> tuple[str, bool]:
    """The text with its mojibake repaired, and whether anything changed."""
    if text.isascii() or MAYBE_MOJIBAKE.search(text) is None:
        return text, False
    fixed = ftfy.fix_encoding(text, CONFIG)
    return fixed, fixed != text
