"""Realistic consent-walled pages (tests/fixtures/pages): the clean result keeps
the article, whole and in order, and no line of the junk, in every format.

`pages/KNOWN_FAILURES.json` lists what Unwall gets wrong today on some pages (leaked
junk strings, missing article sentences, wrong metadata, an unreported consent UI,
an error instead of an article). Those exact cases are expected failures, checked
strictly: when one of them starts working, the test fails and asks for the entry to
be removed, so the list stays accurate."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from unwall.errors import UnwallError
from unwall.formats import render
from unwall.pipeline import Extraction, run

PAGES = Path(__file__).parent / "fixtures" / "pages"
PAGE_NAMES = sorted(p.name for p in PAGES.iterdir() if (p / "expected.json").exists())
KNOWN_FAILURES: dict[str, dict[str, Any]] = json.loads(
    (PAGES / "KNOWN_FAILURES.json").read_text(encoding="utf-8")
)
KNOWN_KEYS = {"leaks", "missing", "metadata", "consent_dialog_not_reported", "error", "reason"}
METADATA_FIELDS = {"title", "byline", "published", "lang", "lead_image_url"}


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def load(name: str) -> tuple[dict[str, Any], Extraction]:
    expected = json.loads((PAGES / name / "expected.json").read_text(encoding="utf-8"))
    extraction = run((PAGES / name / "source.html").read_bytes(), expected["url"])
    return expected, extraction


def known(name: str) -> dict[str, Any]:
    return KNOWN_FAILURES.get(name, {})


def expect_failure(name: str, what: str) -> None:
    """Everything else on the page passed; the known failure is still there."""
    pytest.xfail(f"known failure ({what}): {known(name)['reason']}")


@pytest.fixture(scope="module", params=PAGE_NAMES)
def page(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any], Extraction]:
    name: str = request.param
    error = known(name).get("error")
    if error:
        with pytest.raises(UnwallError) as raised:
            load(name)
        assert raised.value.code == error, f"{name}: now fails with {raised.value.code!r}, not {error!r}"
        expect_failure(name, f"error {error}")
    expected, extraction = load(name)
    return name, expected, extraction


def assert_in_order(text: str, fragments: list[str]) -> None:
    position = 0
    for fragment in fragments:
        found = text.find(normalize(fragment), position)
        assert found >= 0, f"missing or out of order: {fragment!r}"
        position = found + len(normalize(fragment))


def test_fixture_pages_exist() -> None:
    assert "frandroid-ai-summit-fr" in PAGE_NAMES
    assert len(PAGE_NAMES) >= 5


def test_known_failures_name_real_cases() -> None:
    """Every entry names a page, a reason, and only strings and fields the page checks."""
    for name, entry in KNOWN_FAILURES.items():
        assert name in PAGE_NAMES, f"KNOWN_FAILURES.json names no page {name!r}"
        assert set(entry) <= KNOWN_KEYS, f"{name}: unknown keys {set(entry) - KNOWN_KEYS}"
        assert entry.get("reason"), f"{name}: a known failure needs a reason"
        expected = json.loads((PAGES / name / "expected.json").read_text(encoding="utf-8"))
        assert set(entry.get("leaks", [])) <= set(expected["must_not_contain"]), name
        assert set(entry.get("missing", [])) <= set(expected["must_contain"]), name
        assert set(entry.get("metadata", {})) <= METADATA_FIELDS, name
        for field_name in entry.get("metadata", {}):
            assert expected.get(field_name), f"{name}: {field_name} is not checked (null in expected.json)"
        if entry.get("consent_dialog_not_reported"):
            assert expected["platform"] != "none", name


def test_article_text_is_whole_and_in_order(page: tuple[str, dict[str, Any], Extraction]) -> None:
    name, expected, extraction = page
    text = normalize(extraction.article.text)
    missing = known(name).get("missing", [])
    assert_in_order(text, [s for s in expected["must_contain"] if s not in missing])
    if missing:
        for sentence in missing:
            assert normalize(sentence) not in text, (
                f"{name}: {sentence!r} is kept now: update KNOWN_FAILURES.json"
            )
        expect_failure(name, "missing article text")


def test_no_junk_in_any_format(page: tuple[str, dict[str, Any], Extraction]) -> None:
    name, expected, extraction = page
    article = extraction.article
    outputs = {name: render(extraction, name) for name in ("json", "html", "markdown", "text")}
    # The HTML page's visible text, so that markup cannot hide a leak from the check.
    outputs["html-visible"] = lxml.html.document_fromstring(outputs["html"]).text_content()
    # `removed` reports the junk on purpose (so a user can see what went); all else is output.
    answer = json.loads(outputs["json"])
    del answer["removed"]
    outputs["json-decoded"] = json.dumps(answer, ensure_ascii=False)
    known_leaks = known(name).get("leaks", [])
    checked = {
        key: normalize(output) for key, output in outputs.items() if key != "json"
    }  # json: checked decoded
    for junk in expected["must_not_contain"]:
        leaked_into = [key for key, output in checked.items() if normalize(junk) in output]
        if junk in known_leaks:
            assert leaked_into, f"{name}: {junk!r} no longer leaks: update KNOWN_FAILURES.json"
        else:
            assert not leaked_into, f"{junk!r} leaked into {', '.join(leaked_into)}"
    assert article.title
    if known_leaks:
        expect_failure(name, "junk leaks")


def test_metadata(page: tuple[str, dict[str, Any], Extraction]) -> None:
    name, expected, extraction = page
    article = extraction.article
    wrong: dict[str, Any] = known(name).get("metadata", {})
    actual = {
        "title": article.title,
        "byline": article.byline,
        "published": article.published,
        "lang": article.lang,
        "lead_image_url": article.lead_image.url if article.lead_image else None,
    }
    for field_name, value in wrong.items():
        now = actual[field_name]
        assert now == value, (
            f"{name}: {field_name} is {now!r}, not the known {value!r}: update KNOWN_FAILURES.json"
        )
    if expected.get("title") is not None and "title" not in wrong:
        assert article.title == expected["title"]
    if expected.get("byline") and "byline" not in wrong:
        assert article.byline == expected["byline"]
    if expected.get("published") and "published" not in wrong:
        assert article.published is not None
        assert article.published.startswith(expected["published"])
    if expected.get("lang") and "lang" not in wrong:
        assert article.lang is not None
        assert article.lang.lower().startswith(expected["lang"])
    if wrong:
        expect_failure(name, "metadata " + ", ".join(sorted(wrong)))


def test_lead_image_is_shown_once(page: tuple[str, dict[str, Any], Extraction]) -> None:
    name, expected, extraction = page
    article = extraction.article
    if expected.get("lead_image_url") is None or "lead_image_url" in known(name).get("metadata", {}):
        return
    assert article.lead_image is not None
    assert article.lead_image.url == expected["lead_image_url"]
    body_sources = [img.get("src") for img in extraction.content.iter("img")]
    assert expected["lead_image_url"] not in body_sources


def test_section_headings_survive_as_headings(page: tuple[str, dict[str, Any], Extraction]) -> None:
    _, expected, extraction = page
    headings = [normalize(h.text_content()) for h in extraction.content.iter("h2", "h3", "h4")]
    assert_in_order(" | ".join(headings), expected.get("headings", []))


def test_every_removal_is_reported_with_its_rule(page: tuple[str, dict[str, Any], Extraction]) -> None:
    name, expected, extraction = page
    removed = extraction.article.removed
    for removal in removed:
        assert removal.rule and len(removal.text) <= 120
    if expected["platform"] == "none":
        return  # a page without consent UI (an article-recall page) need not lose anything
    assert removed, "a consent-walled page always has something removed"
    kinds = {r.kind for r in removed}
    if known(name).get("consent_dialog_not_reported"):
        assert "consent_dialog" not in kinds, (
            f"{name}: its consent UI is reported now: update KNOWN_FAILURES.json"
        )
        expect_failure(name, "consent UI not reported")
    assert "consent_dialog" in kinds


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
