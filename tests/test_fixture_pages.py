"""Realistic consent-walled pages (tests/fixtures/pages): the clean result keeps
the article, whole and in order, and no line of the junk, in every format."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from unwall.formats import render
from unwall.pipeline import Extraction, run

PAGES = Path(__file__).parent / "fixtures" / "pages"
PAGE_NAMES = sorted(p.name for p in PAGES.iterdir() if (p / "expected.json").exists())


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def load(name: str) -> tuple[dict[str, Any], Extraction]:
    expected = json.loads((PAGES / name / "expected.json").read_text(encoding="utf-8"))
    extraction = run((PAGES / name / "source.html").read_bytes(), expected["url"])
    return expected, extraction


@pytest.fixture(scope="module", params=PAGE_NAMES)
def page(request: pytest.FixtureRequest) -> tuple[dict[str, Any], Extraction]:
    return load(request.param)


def assert_in_order(text: str, fragments: list[str]) -> None:
    position = 0
    for fragment in fragments:
        found = text.find(normalize(fragment), position)
        assert found >= 0, f"missing or out of order: {fragment!r}"
        position = found + len(normalize(fragment))


def test_fixture_pages_exist() -> None:
    assert "frandroid-ai-summit-fr" in PAGE_NAMES
    assert len(PAGE_NAMES) >= 5


def test_article_text_is_whole_and_in_order(page: tuple[dict[str, Any], Extraction]) -> None:
    expected, extraction = page
    assert_in_order(normalize(extraction.article.text), expected["must_contain"])


def test_no_junk_in_any_format(page: tuple[dict[str, Any], Extraction]) -> None:
    expected, extraction = page
    article = extraction.article
    outputs = {name: render(extraction, name) for name in ("json", "html", "markdown", "text")}
    # The HTML page's visible text, so that markup cannot hide a leak from the check.
    outputs["html-visible"] = lxml.html.document_fromstring(outputs["html"]).text_content()
    # `removed` reports the junk on purpose (so a user can see what went); all else is output.
    answer = json.loads(outputs["json"])
    del answer["removed"]
    outputs["json-decoded"] = json.dumps(answer, ensure_ascii=False)
    for junk in expected["must_not_contain"]:
        for name, output in outputs.items():
            if name == "json":
                continue  # escaped; checked decoded
            assert normalize(junk) not in normalize(output), f"{junk!r} leaked into {name}"
    assert article.title


def test_metadata(page: tuple[dict[str, Any], Extraction]) -> None:
    expected, extraction = page
    article = extraction.article
    assert article.title == expected["title"]
    if expected.get("byline"):
        assert article.byline == expected["byline"]
    if expected.get("published"):
        assert article.published is not None
        assert article.published.startswith(expected["published"])
    if expected.get("lang"):
        assert article.lang is not None
        assert article.lang.lower().startswith(expected["lang"])


def test_lead_image_is_shown_once(page: tuple[dict[str, Any], Extraction]) -> None:
    expected, extraction = page
    article = extraction.article
    if expected.get("lead_image_url") is None:
        return
    assert article.lead_image is not None
    assert article.lead_image.url == expected["lead_image_url"]
    body_sources = [img.get("src") for img in extraction.content.iter("img")]
    assert expected["lead_image_url"] not in body_sources


def test_section_headings_survive_as_headings(page: tuple[dict[str, Any], Extraction]) -> None:
    expected, extraction = page
    headings = [normalize(h.text_content()) for h in extraction.content.iter("h2", "h3", "h4")]
    assert_in_order(" | ".join(headings), expected.get("headings", []))


def test_every_removal_is_reported_with_its_rule(page: tuple[dict[str, Any], Extraction]) -> None:
    _, extraction = page
    removed = extraction.article.removed
    assert removed, "a consent-walled page always has something removed"
    kinds = {r.kind for r in removed}
    assert "consent_dialog" in kinds
    for removal in removed:
        assert removal.rule and len(removal.text) <= 120


def test_frandroid_example_matches_the_annotated_extraction() -> None:
    """The team's annotated example: every kept line kept, every junk line gone."""
    _, extraction = load("frandroid-ai-summit-fr")
    article = extraction.article
    assert article.lead_image is not None
    assert article.lead_image.url.endswith("?resize=1200&key=e6befebb&watermark")
    text = article.text
    assert text.startswith("Le développement de l’intelligence artificielle")
    blocks = text.split("\n\n")
    assert "Une gouvernance internationale" in blocks
    assert "Une politique internationale divisée" in blocks
    kinds = {r.kind for r in article.removed}
    assert {"consent_dialog", "related", "promo"} <= kinds
    assert any("Ce contenu est bloqué" in r.text for r in article.removed)
