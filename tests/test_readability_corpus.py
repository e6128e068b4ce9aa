"""Pages from Readability.js's test suite (tests/fixtures/readability): no error,
a title wherever Readability.js found one, and the body keeps Readability.js's text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest

from unwall.pipeline import run

CORPUS = Path(__file__).parent / "fixtures" / "readability"
PAGES = sorted(p.name for p in CORPUS.iterdir() if (p / "source.html").exists())
# Readability.js's own tests resolve links against this address.
BASE_URL = "http://fakehost/test/page.html"
# Share of Readability.js's words (as a bag) that Unwall must keep on every page.
MIN_WORD_RECALL = 0.6


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


@pytest.mark.parametrize("name", PAGES)
def test_page_extracts_with_title_and_body(name: str) -> None:
    folder = CORPUS / name
    expected = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
    article = run((folder / "source.html").read_bytes(), BASE_URL).article
    if expected.get("title"):
        assert article.title.strip()
    expected_words = words(lxml.html.fromstring((folder / "expected.html").read_text("utf-8")).text_content())
    ours = set(words(article.text)) | set(words(article.title))
    if article.lead_image:
        ours |= set(words(article.lead_image.caption))
    recall = sum(1 for w in expected_words if w in ours) / max(len(expected_words), 1)
    assert recall >= MIN_WORD_RECALL, f"{name}: word recall {recall:.2f}"
    assert article.word_count > 0


CONSENT_KINDS = frozenset({"consent_dialog", "embed_notice"})


@pytest.mark.parametrize("name", PAGES)
def test_no_expected_paragraph_is_lost_to_a_consent_or_notice_rule(name: str) -> None:
    folder = CORPUS / name
    removed_text: list[str] = []

    def observe(element: lxml.html.HtmlElement, removal: object) -> None:
        if getattr(removal, "kind", None) in CONSENT_KINDS:
            removed_text.append(" ".join(element.text_content().split()))

    run((folder / "source.html").read_bytes(), BASE_URL, observer=observe)
    expected = lxml.html.fromstring((folder / "expected.html").read_text("utf-8"))
    paragraphs = [" ".join(p.text_content().split()) for p in expected.iter("p")]
    for paragraph in (p for p in paragraphs if len(p) >= 60):
        assert not any(paragraph in text for text in removed_text), f"{name}: lost {paragraph[:80]!r}"
