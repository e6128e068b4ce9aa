"""The phrase lists against consent banners written and translated by others:
the texts klaro and tarteaucitron ship in each language the phrase data
promises (tests/fixtures/snippets/consent-library-translations.json), on a page
with no platform id or class, so that only the text classifier can find them.

A banner is its notice sentence and its buttons in a plain block, as a
publisher-made banner would be, put inside the article after its first paragraph
(where extraction alone would keep it): it must go, reported by a classifier
rule, and every paragraph beside it must stay."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import pytest

from sample_article import CITY_COUNCIL
from unwall.pipeline import run

TRANSLATIONS = json.loads(
    (Path(__file__).parent / "fixtures" / "snippets" / "consent-library-translations.json").read_text("utf-8")
)
ARTICLE = CITY_COUNCIL


def _banner_id(banner: dict[str, Any]) -> str:
    return f"{banner['library']}-{banner['lang']}"


def _page(banner_html: str) -> str:
    first, *rest = (f"<p>{html.escape(p)}</p>" for p in ARTICLE)
    return (
        "<html><head><title>Budget vote</title></head><body><main><article><h1>Budget vote</h1>"
        f"{first}{banner_html}{''.join(rest)}</article></main></body></html>"
    )


@pytest.mark.parametrize("banner", TRANSLATIONS["banners"], ids=_banner_id)
def test_a_banner_without_platform_markup_is_removed_by_its_words(banner: dict[str, Any]) -> None:
    notice = "".join(f"<p>{html.escape(sentence)}</p>" for sentence in banner["notice"])
    buttons = "".join(f"<button type='button'>{html.escape(label)}</button>" for label in banner["buttons"])
    extraction = run(_page(f"<div class='notice-bar'>{notice}<div class='actions'>{buttons}</div></div>"))
    text = extraction.article.text
    for sentence in banner["notice"]:
        assert sentence not in text
    for paragraph in ARTICLE:
        assert paragraph in text
    rules = {removal.rule for removal in extraction.article.removed}
    assert any(rule.startswith("classifier.") for rule in rules), rules


# tarteaucitron's Vietnamese says only '<service> tắt' ('off'), the word of
# 'tóm tắt' (summary) in every highlights video's caption: no phrase of ours.
UNCAUGHT_PLACEHOLDERS = {"tarteaucitron-vi"}
EMBED_PLACEHOLDERS = [
    pytest.param(
        banner,
        id=_banner_id(banner),
        marks=[pytest.mark.xfail(strict=True)] if _banner_id(banner) in UNCAUGHT_PLACEHOLDERS else [],
    )
    for banner in TRANSLATIONS["banners"]
    if banner["embed_notice"]
]
VIDEO_URL = "https://www.youtube.com/embed/aqz-KE-bpKQ"


@pytest.mark.parametrize("banner", EMBED_PLACEHOLDERS)
def test_a_blocked_embed_placeholder_becomes_one_link_line(banner: dict[str, Any]) -> None:
    buttons = "".join(
        f"<button type='button'>{html.escape(label)}</button>" for label in banner["embed_buttons"]
    )
    placeholder = (
        f"<div class='video-wrapper' data-src='{VIDEO_URL}'><p>{html.escape(banner['embed_notice'])}</p>"
        f"{buttons}</div>"
    )
    article = run(_page(placeholder)).article
    assert banner["embed_notice"] not in article.text
    assert article.content_html.count("youtube.com/watch?v=aqz-KE-bpKQ") == 2  # href and link text
    assert "YouTube video:" in article.text
    for paragraph in ARTICLE:
        assert paragraph in article.text
    assert [removal.kind for removal in article.removed] == ["embed_notice"]


def test_a_sentence_about_something_disabled_beside_a_live_embed_stays() -> None:
    # The same words in the article's own prose, next to an embed that plays.
    sentence = "The council's streaming service is disabled during recess, so the video below is a recording."
    block = f"<figure><iframe src='{VIDEO_URL}'></iframe><figcaption>{sentence}</figcaption></figure>"
    article = run(_page(block)).article
    assert sentence in article.text
    assert article.removed == ()
