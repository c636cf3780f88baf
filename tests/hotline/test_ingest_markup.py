"""HTML a CMS export leaves in an article (``"body": "<p>...</p>"``) is read as plain text; plain text is untouched.

The texts are written here in the style of news sites' JSON exports.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hotline.articles import load_corpus
from hotline.ingest.markup import strip_markup

BODY = (
    "<p>SINGAPORE &ndash; Prime Minister Lawrence Wong spoke with New Zealand&rsquo;s Prime Minister Christopher "
    'Luxon by video call on Friday.</p>\n<figure><img src="wong.jpg" alt=""/><figcaption>PHOTO: MDDI'
    "</figcaption></figure>\n<p>The 40-minute call was the leaders&#8217; second this year.<br>They discussed "
    '<a href="/trade">trade</a> and <strong>defence</strong>.</p><script>track();</script>'
)


def test_paragraphs_and_line_breaks_are_kept_tags_and_captions_go() -> None:
    text, changed = strip_markup(BODY)
    assert changed
    assert text == (
        "SINGAPORE – Prime Minister Lawrence Wong spoke with New Zealand’s Prime Minister Christopher Luxon by "
        "video call on Friday.\n\nThe 40-minute call was the leaders’ second this year.\nThey discussed trade and "
        "defence."
    )


@pytest.mark.parametrize(
    "text",
    ["AT&T and Verizon shares rose 2% as x < y.", "Trump said tariffs <would> come; R&D spending rose", "<<EFE>>"],
)
def test_plain_text_is_untouched(text: str) -> None:
    assert strip_markup(text) == (text, False)


def test_character_references_without_tags_become_characters() -> None:
    text = "Carney&rsquo;s call with Starmer &amp; Macron"
    assert strip_markup(text) == ("Carney’s call with Starmer & Macron", True)


def test_a_json_export_with_html_in_its_body_and_title_is_read_as_text(tmp_path: Path) -> None:
    record = {"headline": "Wong, Luxon hold video call &ndash; second this year", "body": BODY, "date": "2025-09-27"}
    (tmp_path / "wong.json").write_text(json.dumps(record), encoding="utf-8")
    corpus = load_corpus(tmp_path, 10**7)
    (article,) = corpus.articles
    assert article.title == "Wong, Luxon hold video call – second this year"
    assert article.text.startswith("SINGAPORE – Prime Minister Lawrence Wong")
    assert "<" not in article.text
    assert "PHOTO" not in article.text


def test_a_body_of_markup_only_is_rejected_with_its_reason(tmp_path: Path) -> None:
    (tmp_path / "empty.json").write_text(json.dumps({"body": "<p> </p><figure><img src='x.jpg'/></figure>"}))
    corpus = load_corpus(tmp_path, 10**7)
    assert not corpus.articles
    assert [r.reason for r in corpus.rejections] == ["no text (only HTML markup)"]
