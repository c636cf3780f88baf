"""Bytes to text: byte-order marks, UTF-16/UTF-32 detection, the binary check and the cp1252/Latin-1 fallback.

The order of the checks matters, because UTF-16 and UTF-32 text is full of NUL bytes:

1. A byte-order mark decides: UTF-32 LE/BE (checked before UTF-16, whose LE mark is a prefix of UTF-32 LE's),
   UTF-8, UTF-16 LE/BE. The mark is dropped.
2. Without a mark, NUL bytes mean UTF-16/UTF-32 or binary. The NUL pattern of the first
   :data:`HEAD_BYTES` decides first (Latin-script text in UTF-16 LE has a zero high byte in most code units,
   UTF-32 LE a zero top byte in every one); when it says nothing, ``charset-normalizer`` is asked, restricted to
   the four UTF-16/UTF-32 codecs (it also recognizes UTF-16/32 text in other scripts). The pattern goes first
   because ``charset-normalizer`` guesses big-endian for very short little-endian text (``b"a\\x00"`` is read
   as ``"愀"``) and finds no match in short, punctuation-heavy sentences; its answer is kept only for at least
   :data:`MIN_DETECTION_BYTES` bytes whose NUL bytes sit where that codec puts them, since alone it reads a few
   NUL bytes in ASCII text as UTF-16. Neither: ``binary content (NUL bytes)``.
3. UTF-16/UTF-32 text is decoded strictly (an error is ``undecodable text: ...`` naming the encoding and
   whether a byte-order mark or detection chose it); decoded text with NUL characters or more than
   :data:`MAX_CONTROL_SHARE` C0 control characters is binary content.
4. Everything else is read byte-wise, as before: NUL bytes or more than :data:`MAX_CONTROL_SHARE` control
   bytes mean binary content; then UTF-8, else cp1252, else Latin-1 when the bytes hold no C0 control other
   than tab, newline and carriage return.

Encodings are recorded as ``utf-8``, ``cp1252``, ``latin-1``, ``utf-16-le``, ``utf-16-be``, ``utf-32-le`` or
``utf-32-be``.
"""

from __future__ import annotations

from dataclasses import dataclass

import charset_normalizer

HEAD_BYTES = 1 << 16
"""How much of the start of a file the encoding is sniffed from."""
MAX_CONTROL_SHARE = 0.10
MIN_DETECTION_BYTES = 64
"""``charset-normalizer`` is not asked about fewer bytes than this (it sees UTF-16 in short binary data)."""

UTF8_BOM = b"\xef\xbb\xbf"
# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (UTF8_BOM, "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
WIDE_CODECS = {"utf-16-le": 2, "utf-16-be": 2, "utf-32-le": 4, "utf-32-be": 4}
"""The UTF-16/UTF-32 codecs this module reads, with their code unit width in bytes."""
_CHARSET_NORMALIZER_NAMES = {codec.replace("-", "_"): codec for codec in WIDE_CODECS}
_C0_CONTROLS = bytes(b for b in range(32) if b not in b"\t\n\r")
_C0_CONTROL_CHARS = dict.fromkeys(_C0_CONTROLS)  # str.translate table deleting them


class Rejected(Exception):
    """Raised by the ingest helpers with a reason a person understands; becomes a ``Rejection``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Sniffed:
    """What the start of a file says about its encoding.

    ``codec`` is one of :data:`WIDE_CODECS`, or None when the file is read byte-wise (UTF-8, else cp1252, else
    Latin-1). ``bom_length`` bytes of byte-order mark are to be skipped; ``detected`` is True when a UTF-16/32
    codec was chosen without a mark.
    """

    codec: str | None
    bom_length: int = 0
    detected: bool = False

    def describe(self) -> str:
        label = encoding_label(self.codec or "utf-8")
        return f"{label} (detected, no byte-order mark)" if self.detected else f"{label} (byte-order mark)"


def encoding_label(codec: str) -> str:
    """``utf-16-le`` → ``UTF-16 LE``."""
    return codec.upper().replace("-LE", " LE").replace("-BE", " BE")


def sniff(data: bytes) -> Sniffed:
    """The encoding the start of ``data`` announces. Raises :class:`Rejected` for binary content (NUL bytes
    that are not UTF-16/UTF-32 text)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return Sniffed(None if codec == "utf-8" else codec, len(bom))
    head = data[:HEAD_BYTES]
    if b"\x00" not in head:
        return Sniffed(None)
    codec = _nul_pattern_codec(head) or _charset_normalizer_codec(head)
    if codec is None:
        raise Rejected("binary content (NUL bytes)")
    return Sniffed(codec, detected=True)


def decode_file(data: bytes) -> tuple[str, str]:
    """The text of a whole file and the encoding it was read with; newlines normalized to ``\\n``."""
    if not data:
        raise Rejected("empty file")
    sniffed = sniff(data)
    body = data[sniffed.bom_length :]
    if sniffed.codec is None:
        text, encoding = decode_bytes(body)
    else:
        text, encoding = decode_wide(body, sniffed, offset=sniffed.bom_length), sniffed.codec
    return normalize_newlines(text), encoding


def decode_wide(data: bytes, sniffed: Sniffed, *, offset: int = 0) -> str:
    """UTF-16/UTF-32 bytes as text, strictly; ``offset`` is where ``data`` starts in the file (for reasons)."""
    assert sniffed.codec is not None
    try:
        text = data.decode(sniffed.codec)
    except UnicodeDecodeError as exc:
        raise Rejected(wide_error_reason(sniffed, exc, offset)) from None
    check_text(text)
    return text


def wide_error_reason(sniffed: Sniffed, exc: UnicodeDecodeError, offset: int | None) -> str:
    where = f" at byte {exc.start + offset:,}" if offset is not None else ""
    return f"undecodable text: read as {sniffed.describe()} but {exc.reason}{where}"


def check_text(text: str) -> None:
    """Reject decoded UTF-16/UTF-32 text that is binary content (NUL characters or too many controls)."""
    if "\x00" in text:
        raise Rejected("binary content (NUL characters)")
    controls = len(text) - len(text.translate(_C0_CONTROL_CHARS))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise Rejected(f"binary content ({controls / len(text):.0%} control characters)")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Byte-wise text (no byte-order mark): UTF-8, else cp1252, else Latin-1; newlines not normalized."""
    if b"\x00" in data:
        raise Rejected("binary content (NUL bytes)")
    controls = check_control_bytes(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    if controls:
        raise Rejected("undecodable text: not UTF-8 or cp1252, and control characters rule out Latin-1")
    return data.decode("latin-1"), "latin-1"


def check_control_bytes(data: bytes) -> int:
    """The number of C0 control bytes (other than tab, newline, carriage return); raises :class:`Rejected` when
    they are more than :data:`MAX_CONTROL_SHARE` of ``data``."""
    controls = len(data) - len(data.translate(None, _C0_CONTROLS))
    if controls > MAX_CONTROL_SHARE * len(data):
        raise Rejected(f"binary content ({controls / len(data):.0%} control characters)")
    return controls


def normalize_newlines(text: str) -> str:
    if "\r" in text:
        return text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _nul_pattern_codec(head: bytes) -> str | None:
    """UTF-32 when the top byte of every 4-byte unit is zero and the next one in at least half of them; UTF-16
    when the high byte is zero in at least half of the 2-byte units and more often than the low byte."""
    whole = len(head) - len(head) % 4
    units = whole // 4
    if units:
        zeros = [head[index:whole:4].count(0) for index in range(4)]
        if zeros[3] == units and 2 * zeros[2] >= units:
            return "utf-32-le"
        if zeros[0] == units and 2 * zeros[1] >= units:
            return "utf-32-be"
    whole = len(head) - len(head) % 2
    units = whole // 2
    even_zeros, odd_zeros = head[0:whole:2].count(0), head[1:whole:2].count(0)
    if 2 * odd_zeros >= units and odd_zeros > even_zeros:  # LE: the high byte comes second
        return "utf-16-le"
    if 2 * even_zeros >= units and even_zeros > odd_zeros:
        return "utf-16-be"
    return None


def _charset_normalizer_codec(head: bytes) -> str | None:
    """``charset-normalizer``'s UTF-16/32 reading of ``head``, kept only when there is enough of it and its NUL
    bytes fit: alone, it reads a few NULs in ASCII text as UTF-16 (ASCII byte pairs decode as CJK)."""
    if len(head) < MIN_DETECTION_BYTES:
        return None
    sample = head[: len(head) - len(head) % 4]
    match = charset_normalizer.from_bytes(sample, cp_isolation=list(_CHARSET_NORMALIZER_NAMES)).best()
    codec = _CHARSET_NORMALIZER_NAMES.get(match.encoding) if match is not None else None
    return codec if codec is not None and _nul_bytes_fit(sample, codec) else None


def _nul_bytes_fit(sample: bytes, codec: str) -> bool:
    """UTF-32: the top byte of every unit is zero. UTF-16: the high byte is zero (an ASCII character) in at
    least a tenth of the units, and NUL bytes sit there at least three times as often as anywhere else."""
    width = WIDE_CODECS[codec]
    units = len(sample) // width
    high_zeros = sample[width - 1 if codec.endswith("-le") else 0 :: width].count(0)
    if width == 4:
        return high_zeros == units
    return 10 * high_zeros >= units and high_zeros >= 3 * (sample.count(0) - high_zeros)
