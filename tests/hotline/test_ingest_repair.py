"""Mojibake repair: UTF-8 text that was read as cp1252/Latin-1 somewhere upstream (``didnâ€™t``, ``MÃ©xico``)
is repaired with ftfy and the repair recorded in ``Article.encoding`` (``utf-8+ftfy``); text without mojibake
comes out unchanged, character for character.

Examples are short English and Spanish news sentences written by the tests; the mojibake is made the way it
happens in the wild, by decoding UTF-8 bytes as Windows-1252 (ftfy's ``sloppy-windows-1252`` codec, which also
maps the five bytes cp1252 leaves undefined). Two property tests (hypothesis) generate news-like text from an
English and Spanish vocabulary with accents, curly quotes, guillemets, dashes and ellipses.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401 - registers the sloppy-windows-1252 codec
import pytest
from ftfy.badness import MOJIBAKE_CATEGORIES, is_bad
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hotline.articles import Corpus, load_corpus
from hotline.facts import Article
from hotline.ingest.repair import MAYBE_MOJIBAKE, repair_mojibake

PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def no_text_date(text: str) -> tuple[dt.date | None, str | None]:
    return None, None


def load(folder: Path) -> Corpus:
    return load_corpus(folder, 2_000_000, date_from_text=no_text_date)


def only_article(corpus: Corpus) -> Article:
    assert corpus.rejections == []
    assert len(corpus.articles) == 1
    return corpus.articles[0]


def mojibake(text: str) -> str:
    """``text`` as it reads after its UTF-8 bytes were decoded as Windows-1252."""
    return text.encode("utf-8").decode("sloppy-windows-1252")


# --- repaired and recorded --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("The president didnâ€™t discuss Cuba.", "The president didn’t discuss Cuba."),
        ("Sheinbaum habló desde MÃ©xico.", "Sheinbaum habló desde México."),
        ("â€œWe had a good call,â€\x9d Trump said â€” again.", "“We had a good call,” Trump said — again."),
        ("Â¿Habló con Trump? Â¡SÃ­!", "¿Habló con Trump? ¡Sí!"),
        ("MÃƒÂ©xico", "México"),  # mojibake of mojibake
        ("He said \x93hello\x94", "He said “hello”"),  # Latin-1 read where cp1252 was meant
    ],
)
def test_mojibake_is_repaired(broken: str, fixed: str) -> None:
    assert repair_mojibake(broken) == (fixed, True)


def test_repaired_txt_records_ftfy_in_the_encoding(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Trump y Sheinbaum\nLa presidenta de MÃ©xico dijo que no, didnâ€™t.\n")
    article = only_article(load(tmp_path))
    assert article.text == "Trump y Sheinbaum\nLa presidenta de México dijo que no, didn’t.\n"
    assert article.encoding == "utf-8+ftfy"
    assert article.byte_size == len("Trump y Sheinbaum\nLa presidenta de MÃ©xico dijo que no, didnâ€™t.\n".encode())


def test_cp1252_file_with_mojibake_records_cp1252_and_ftfy(tmp_path: Path) -> None:
    # "habló" is a real cp1252 byte (so the file is not UTF-8); "MÃ©xico" is mojibake inside it.
    (tmp_path / "a.txt").write_bytes("Ebrard habló en MÃ©xico — “acuerdo”\n".encode("cp1252"))
    article = only_article(load(tmp_path))
    assert article.text == "Ebrard habló en México — “acuerdo”\n"
    assert article.encoding == "cp1252+ftfy"


def test_title_outlet_and_text_of_json_are_repaired(tmp_path: Path) -> None:
    obj = {"title": "Llamada con MÃ©xico", "source": "El PaÃ­s", "text": "Sin problemas — “bien”.", "url": "x"}
    (tmp_path / "a.json").write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    article = only_article(load(tmp_path))
    assert (article.title, article.outlet, article.text) == ("Llamada con México", "El País", "Sin problemas — “bien”.")
    assert article.encoding == "utf-8+ftfy"


def test_escaped_mojibake_in_jsonl_is_repaired_per_line(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "Trump didnâ€™t call."}), json.dumps({"text": "Trump didn’t call again."})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = load(tmp_path)
    assert [(a.text, a.encoding) for a in corpus.articles] == [
        ("Trump didn’t call.", "utf-8+ftfy"),
        ("Trump didn’t call again.", "utf-8"),
    ]


def test_title_derived_from_repaired_text(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Llamada con MÃ©xico\n\nTexto.\n", encoding="utf-8")
    article = only_article(load(tmp_path))
    assert article.title == "Llamada con México"
    assert article.encoding == "utf-8+ftfy"


# --- left alone -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Sheinbaum didn’t say “yes” — or ‘no’… «¿Qué?», dijo.",
        "Ciudad de México, 1º de mayo de 2025 – 25% de aranceles; 10°C; €5.",
        "São Paulo, ÁFRICA, Zürich, naïve, pingüino, Ñandú, MÉXICO.",
        "ﬁne ligature, ＦＵＬＬＷＩＤＴＨ, &amp; entity, e\u0301 decomposed, \x1b[1m escape",
        "habló\x81 con",  # a Latin-1 fallback keeps its C1 character
        "Plain ASCII with 'straight' \"quotes\" -- and dashes.",
    ],
)
def test_text_without_mojibake_is_unchanged(text: str) -> None:
    assert repair_mojibake(text) == (text, False)


def test_unrepaired_article_keeps_its_encoding(tmp_path: Path) -> None:
    text = "Sheinbaum habló con Trump — “acuerdo”.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    article = only_article(load(tmp_path))
    assert (article.text, article.encoding) == (text, "utf-8")


# --- the fast pre-check never hides what ftfy would see ----------------------------------------------------


def test_a_lone_non_ascii_character_is_never_bad_unless_the_pre_check_says_so() -> None:
    # Every character of the Basic Multilingual Plane up to U+2FFF and the end of the private use area, in the
    # ASCII contexts ftfy's patterns look at: a match needs the pre-check's characters or an adjacent pair.
    characters = [chr(code) for code in [*range(0x80, 0x3000), *range(0xF8F0, 0xFFFE)]]
    missed = [
        left + character + right
        for character in characters
        if not MAYBE_MOJIBAKE.search(character)
        for left in ("", "a", "A", " ", "\n", ".", "a ", "1")
        for right in ("", "a", " ", ".", "1", "a ")
        if is_bad(left + character + right)
    ]
    assert missed == []


mojibake_alphabet = st.sampled_from(
    sorted(
        {*"abcXYZ .,?!\n1'\"", *(chr(code) for code in range(0xA0, 0x180))}
        | {character for characters in MOJIBAKE_CATEGORIES.values() for character in characters if character != "-"}
    )
)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet=mojibake_alphabet, max_size=40))
def test_text_the_pre_check_passes_is_never_bad(text: str) -> None:
    if MAYBE_MOJIBAKE.search(text) is None:
        assert not is_bad(text)
        assert repair_mojibake(text) == (text, False)


PRE_CHECK_AS_DEFINED = re.compile(r"[\x80-\x9f\u0152\u0153\u00c2\u00c3]|[^\x00-\x7f]{2}")
"""The pre-check as its docstring states it: one of its characters, or two adjacent non-ASCII ones."""


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet=st.sampled_from([*"a .\n", "\x7f", "\x80", "\x9f", *"\xa0éÂÃŒœ“’", "😀"]), max_size=12))
def test_the_pre_check_passes_the_texts_its_definition_passes(text: str) -> None:
    assert (MAYBE_MOJIBAKE.search(text) is None) == (PRE_CHECK_AS_DEFINED.search(text) is None)


def test_the_pre_check_finds_a_pair_or_a_marker_anywhere_in_a_long_text() -> None:
    prose = "La presidenta habló con el primer ministro “por teléfono” — según dijo. " * 200
    assert MAYBE_MOJIBAKE.search(prose) is None
    for tail in ("MÃ©xico", "dijo el señ»", "\x93", "Œuvre", "Âge"):
        assert MAYBE_MOJIBAKE.search(prose + tail) is not None, tail
        assert MAYBE_MOJIBAKE.search(tail + prose) is not None, tail


# --- properties -------------------------------------------------------------------------------------------

VOCABULARY = (
    "the president said she didn’t discuss tariffs with Trump on Thursday call phone security border O’Brien",
    "la presidenta habló con Sheinbaum por teléfono sobre aranceles México Canadá Estados Unidos año pasado",
    "según dijo además también último próximo acuerdo reunión información comunicación llamó conversación",
    "pingüino vergüenza Ñandú niño señor mañana después días ocurrió régimen jóvenes Bogotá Perú Panamá",
    "D.C. U.S. EE.UU. T-MEC USMCA 25% 2025 1º 3ª 10°C €5 $10 rock’n’roll naïve café Zürich résumé",
)
WORDS = [word for line in VOCABULARY for word in line.split()]
word = st.builds(
    lambda w, case: getattr(w, case)(),
    st.sampled_from(WORDS),
    st.sampled_from(["strip", "strip", "lower", "upper", "title"]),
)
token = st.tuples(
    st.sampled_from(["", "", "", "“", "‘", "«", "(", "¿", "¡", '"', "'"]),
    word,
    st.sampled_from(["", "", "", "”", "’", "»", ")", "?", "!", '"', "'"]),
    st.sampled_from(["", "", "", ",", ".", ";", ":", "…", " —", "—", " –", "-"]),
    st.sampled_from([" ", " ", " ", "\n", "\n\n", " — ", " – ", "\t"]),
).map("".join)
news_text = st.lists(token, min_size=1, max_size=80).map("".join)


@PROPERTY
@given(text=news_text)
def test_news_text_without_mojibake_is_unchanged(text: str) -> None:
    assert repair_mojibake(text) == (text, False)


@PROPERTY
@given(text=news_text.filter(lambda text: not text.isascii()))
def test_mojibake_of_news_text_is_repaired_exactly(text: str) -> None:
    assert repair_mojibake(mojibake(text)) == (text, True)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=news_text.filter(lambda text: text.strip()))
def test_clean_news_files_load_unchanged(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "a.txt").write_bytes(text.encode("utf-8"))
        article = only_article(load(Path(folder)))
    assert (article.text, article.encoding) == (text, "utf-8")
