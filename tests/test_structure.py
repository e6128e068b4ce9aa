"""Article structure survives extraction: headings, figures with captions,
lists, quotes, tables and code, each in its place."""

from __future__ import annotations

from pathlib import Path

from unwall.formats import render
from unwall.pipeline import run

PAGE = (Path(__file__).parent / "fixtures" / "snippets" / "structures.html").read_bytes()


def test_structures_survive_in_place() -> None:
    extraction = run(PAGE, "https://news.example/a")
    content = extraction.content
    assert [h.text_content() for h in content.iter("h2", "h3")] == [
        "A figure",
        "A list",
        "A table",
        "Some code",
    ]
    assert content.find(".//figure/figcaption") is not None
    assert len(content.findall(".//ul/li")) == 3
    assert content.find(".//blockquote") is not None
    assert len(content.findall(".//table//td")) == 4
    assert 'return "world"' in content.find(".//pre").text_content()
    # The title is shown once, above the body, not again as its first heading.
    assert content.find(".//h1") is None


def test_a_section_picture_is_not_promoted_to_lead_image() -> None:
    extraction = run(PAGE, "https://news.example/a")
    assert extraction.article.lead_image is None
    markdown = render(extraction, "markdown")
    assert markdown.index("## A figure") < markdown.index(
        "![A chart](https://news.example/img/chart-800.png)"
    )


def test_an_opening_picture_becomes_the_lead_image_once() -> None:
    page = PAGE.replace(b"<h2>A figure</h2>\n<figure>", b"<figure>").replace(
        b"</figure>", b"</figure><h2>A figure</h2>", 1
    )
    extraction = run(page, "https://news.example/a")
    lead = extraction.article.lead_image
    assert lead is not None and lead.url == "https://news.example/img/chart-800.png"
    assert lead.caption == "Figure 1: the chart, with its caption." and (lead.width, lead.height) == (
        800,
        400,
    )
    assert not [img for img in extraction.content.iter("img")]
