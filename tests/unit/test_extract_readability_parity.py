"""Stage 4, extract: the parts of readability-lxml that Unwall replaces must
give readability's own answers."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml.etree import tostring
from lxml.html import HtmlElement
from readability import Document
from readability.readability import REGEXES, clean

from unwall.pipeline.extract import (
    MAX_PICTURES_IN_A_ROW,
    _holds_block_tag,
    _is_section_heading_box,
    _is_short_list_of_words,
    _TreeDocument,
    readability_clean,
)
from unwall.pipeline.parse import parse_html

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

# Whitespace of every kind readability's patterns tell apart, and runs of it
# around the 255 characters where its first step starts to apply.
_PIECES = st.sampled_from([" ", "\t", "\n", "\r", "\xa0", "\u3000", "\x0b", "a", "b", ","])
_LENGTHS = st.sampled_from([1, 2, 3, 128, 254, 255, 256, 600])
_RUNS = st.builds(lambda piece, count: piece * count, _PIECES, _LENGTHS)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(_PIECES, _RUNS), max_size=12).map("".join))
def test_clean_is_readabilitys(text: str) -> None:
    assert readability_clean(text) == clean(text)


def test_clean_of_indented_markup_text() -> None:
    text = "\n" + " " * 300 + "Title\n\t\t  Body  text,\twith\u00a0 spaces " + "\t" * 260 + "end\n  "
    assert readability_clean(text) == clean(text)


def _readabilitys_block_search(div: HtmlElement) -> bool:
    markup = str(b"".join(tostring(child, encoding="utf-8") for child in div))
    return REGEXES["divToPElementsRe"].search(markup) is not None


def test_block_tags_are_found_as_readability_finds_them_in_the_markup() -> None:
    pages = sorted((FIXTURES / "readability").glob("*/source.html"))[:12]
    divs = 0
    for page in pages:
        for div in parse_html(page.read_text(encoding="utf-8")).iter("div"):
            assert _holds_block_tag(div) == _readabilitys_block_search(div), page
            divs += 1
    assert divs > 100


def test_clean_is_readabilitys_on_the_text_of_real_pages() -> None:
    pages = sorted((FIXTURES / "readability").glob("*/source.html"))[:10]
    texts = 0
    for page in pages:
        for element in parse_html(page.read_text(encoding="utf-8")).iter("div", "p", "a", "td", "li", "pre"):
            text = element.text_content()
            assert readability_clean(text) == clean(text), page
            texts += 1
    assert texts > 1000


def _quote_page(lead: str) -> HtmlElement:
    quote = "<blockquote><p>We will build the bridge by spring, whatever the weather.</p></blockquote>"
    nested = "<section><div><span>Short:</span></div><div><blockquote>x</blockquote></div></section>"
    return parse_html(
        f"<html><body><div><div><p>{lead}</p></div><div>{quote}</div>{nested}</div></body></html>"
    )


def _is_picture_without_text(block: HtmlElement) -> bool:
    """One picture, or a few side by side, and no text."""
    return 1 <= len(block.findall(".//img")) <= MAX_PICTURES_IN_A_ROW and not block.text_content().strip()


def test_preserved_elements_are_readabilitys_code_blocks_and_pictures() -> None:
    # Tables of contents and the lead-ins to quotes, on real pages and on pages made of them;
    # Unwall adds code blocks, blocks that hold pictures and no text, the
    # boxes of a section's heading, and short lists of words.
    pages = sorted((FIXTURES / "readability").glob("*/source.html"))
    roots = [parse_html(page.read_text(encoding="utf-8")) for page in pages]
    roots += [
        _quote_page("The mayor said on Tuesday evening, in front of the council:"),
        _quote_page("No colon"),
    ]
    leads = 0
    for root in roots:
        document = _TreeDocument(root, None)
        ours = set(document.get_preserved_elements(root))
        theirs = set(Document.get_preserved_elements(document, root))
        assert theirs <= ours
        for extra in ours - theirs:
            is_code = extra.find(".//pre") is not None
            assert (
                is_code
                or _is_picture_without_text(extra)
                or _is_section_heading_box(extra)
                or _is_short_list_of_words(extra, document.min_text_length)
            )
        leads += sum(1 for element in theirs if element.tag != "ul")
    assert leads > 0
