"""The reader pipeline: decode → parse → strip → extract → enrich → sanitize →
render. Each stage is a module of this package; `run` is the only place that
knows their order. The HTTP service and the CLI both call `run`."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from lxml.html import HtmlElement

from unwall import errors
from unwall.errors import UnwallError
from unwall.model import Article, Removal
from unwall.pipeline.declared_parts import restore_declared_parts
from unwall.pipeline.decode import decode_html
from unwall.pipeline.enrich import enrich
from unwall.pipeline.extract import (
    drop_icon_files,
    drop_icon_glyphs,
    drop_pull_quotes,
    drop_repeated_blocks,
    drop_slide_leftovers,
    drop_stray_rules,
    drop_trailing_announcements,
    extract_article,
    join_datelines,
    join_split_tables,
    join_step_numbers,
    mark_captioned_figures,
    rank_headings_below_title,
    read_glyph_pictures,
)
from unwall.pipeline.mathml import linearize_math
from unwall.pipeline.metadata import collect_metadata
from unwall.pipeline.normalize import (
    flatten_code_lines,
    make_urls_absolute,
    resolve_lazy_images,
    unhide_article,
)
from unwall.pipeline.parse import DEFAULT_MAX_ELEMENTS, parse_html
from unwall.pipeline.sanitize import drop_tracking_parameters, sanitize_html, sanitize_tree, serialize
from unwall.pipeline.strip import RemovalObserver, strip_headline_badges, strip_line_labels, strip_page
from unwall.render.text import content_to_text, reading_time_minutes, word_count
from unwall.rules import load_rules

FORMATS = ("json", "html", "markdown", "text")


class _StageClock:
    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        if self.timings is None:
            yield
            return
        start = time.perf_counter()
        try:
            yield
        finally:
            self.timings[stage] = self.timings.get(stage, 0.0) + time.perf_counter() - start


@dataclass(frozen=True)
class Extraction:
    """The article and its sanitized body tree (Markdown is rendered from the tree)."""

    article: Article
    content: HtmlElement


def run(
    page: str | bytes,
    url: str | None = None,
    *,
    content_type: str | None = None,
    max_elements: int = DEFAULT_MAX_ELEMENTS,
    observer: RemovalObserver | None = None,
    timings: dict[str, float] | None = None,
) -> Extraction:
    """The whole pipeline. `timings`, when given, receives seconds per stage
    (for the benchmarks; the stages' order is only written here)."""
    clock = _StageClock(timings)
    with clock("decode"):
        text = decode_html(page, content_type) if isinstance(page, bytes) else page
        if not text.strip():
            raise UnwallError(errors.EMPTY_BODY, "The page is empty.", 400)
    with clock("parse"):
        root = parse_html(text, max_elements=max_elements)
    with clock("strip"):
        flatten_code_lines(root, load_rules().code_gutter_classes)
        unhide_article(root)
        linearize_math(root)
        resolve_lazy_images(root)
        base_url = make_urls_absolute(root, url)
        strip_headline_badges(root, load_rules().premium_badges)
    with clock("enrich"):  # read now: stripping takes the evidence away
        metadata = collect_metadata(root, base_url)
    with clock("strip"):
        promos: list[HtmlElement] = []
        removed = strip_page(
            root, load_rules(), _noting_promos(promos, observer), base_url, metadata.titled_headline
        )
        if metadata.standfirst_box is not None and _within_any(metadata.standfirst_box, promos):
            metadata.standfirst = None  # a pitch in the standfirst's place
    with clock("extract"):
        content = extract_article(root)
        restore_declared_parts(content, root, load_rules().article_parts)
    with clock("strip"):  # what only the article's own lines tell (ad and widget labels)
        labels = strip_line_labels(content, load_rules(), observer)
        removed += labels
    with clock("extract"):
        if labels:  # a heading over a widget's last line ('Comments') announced it
            drop_trailing_announcements(content)
        drop_icon_glyphs(content, load_rules().icon_classes)
        read_glyph_pictures(content, load_rules().glyph_picture_classes)
        drop_icon_files(content)
        drop_slide_leftovers(content)
        mark_captioned_figures(content, load_rules().caption_classes)
        drop_pull_quotes(content)
        drop_repeated_blocks(content)
        join_datelines(content)
        join_step_numbers(content)
        join_split_tables(content)
    with clock("enrich"):
        enrichment = enrich(content, metadata)
    with clock("extract"):  # after enrich, whose removals may leave a rule alone
        drop_stray_rules(content)
        rank_headings_below_title(content)
    with clock("sanitize"):
        sanitize_tree(content)
        drop_tracking_parameters(content, load_rules().tracking_parameter)
        content_html = sanitize_html(serialize(content))
    with clock("render"):
        body_text = content_to_text(content)
        words = word_count(body_text)
    article = Article(
        url=url,
        title=enrichment.title,
        byline=enrichment.byline,
        published=enrichment.published,
        site_name=enrichment.site_name,
        lang=enrichment.lang,
        dir=enrichment.dir,
        excerpt=enrichment.excerpt,
        lead_image=enrichment.lead_image,
        content_html=content_html,
        text=body_text,
        word_count=words,
        reading_time_minutes=reading_time_minutes(body_text, enrichment.lang, words),
        removed=tuple(removed),
    )
    return Extraction(article=article, content=content)


def _noting_promos(promos: list[HtmlElement], observer: RemovalObserver | None) -> RemovalObserver:
    def observe(element: HtmlElement, removal: Removal) -> None:
        if removal.kind == "promo":
            promos.append(element)
        if observer is not None:
            observer(element, removal)

    return observe


def _within_any(element: HtmlElement, boxes: list[HtmlElement]) -> bool:
    found = set(boxes)
    return element in found or any(ancestor in found for ancestor in element.iterancestors())


def warm_up() -> None:
    """Runs the pipeline once on a small built-in article. The rule patterns
    compile when a page first asks for them: without this, a worker's first
    page took ten times as long as the next (0.3 s against 0.03 s for a news
    article), and that was the first click of the day."""
    run(WARM_UP_PAGE, WARM_UP_URL)


WARM_UP_URL = "https://example.org/news/2025/04/02/bridges-reopen"
# The parts most pages have: a consent banner, metadata, a byline and date
# line, paragraphs, a figure with its credit, a section heading, a related link.
_WARM_UP_PARAGRAPH = "<p>" + "The council met on Tuesday to discuss the budget and its bridges. " * 4 + "</p>"
WARM_UP_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Bridges reopen | Example News</title>
<meta property="og:title" content="Bridges reopen">
<meta property="og:image" content="https://example.org/images/bridge-1200.jpg">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-04-02T06:00:00Z">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Bridges reopen"}}</script>
</head><body>
<div id="cookie-banner" class="consent">We use cookies to improve your experience.
<button>Accept all</button><button>Reject</button></div>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Bridges reopen</h1><p class="byline">By Jane Doe</p>
<time datetime="2025-04-02">2 April 2025</time>
{_WARM_UP_PARAGRAPH}
<figure><img src="/images/bridge.jpg" width="1200" height="800" alt="The bridge">
<figcaption>The old bridge at dawn. Photo: Jane Doe</figcaption></figure>
<h2>What comes next</h2>{_WARM_UP_PARAGRAPH}{_WARM_UP_PARAGRAPH}
<p>Read more: <a href="/news/2025/04/01/budget">The budget</a></p></article>
<footer>© 2025 Example News. All rights reserved.</footer></body></html>"""
