"""Stage 2, parse: the one parse of the page, bounded in size."""

from __future__ import annotations

import time

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml.html import HtmlElement, HtmlElementClassLookup

from unwall import errors
from unwall.errors import UnwallError
from unwall.pipeline.parse import DEFAULT_MAX_ELEMENTS, HTML_ELEMENT_CLASSES, parse_html

PAGE = (
    "<!DOCTYPE html><html lang='en'><head><title>The harbour</title>"
    "<meta name='description' content='Boats'></head><body><article><h1>The harbour</h1>"
    "<p>First paragraph with <a href='https://example.org/'>a link</a>.</p>"
    "<p>Second paragraph.</p></article></body></html>"
)


def paragraphs(root: HtmlElement) -> list[str]:
    return [p.text_content() for p in root.iter("p")]


def test_parses_an_ordinary_page() -> None:
    root = parse_html(PAGE)
    assert root.tag == "html"
    assert root.get("lang") == "en"
    assert root.findtext(".//title") == "The harbour"
    assert root.find(".//h1").text_content() == "The harbour"
    assert paragraphs(root) == ["First paragraph with a link.", "Second paragraph."]
    assert root.find(".//a").get("href") == "https://example.org/"


def test_comments_and_processing_instructions_are_dropped() -> None:
    root = parse_html("<html><body><!-- hidden --><?php echo 1; ?><p>kept</p></body></html>")
    assert paragraphs(root) == ["kept"]
    assert [element.tag for element in root.iter()] == ["html", "body", "p"]


def test_a_fragment_gets_html_and_body() -> None:
    root = parse_html("<p>Just a paragraph</p>")
    assert root.tag == "html"
    assert root.find("body/p").text_content() == "Just a paragraph"


@pytest.mark.parametrize(
    "declaration",
    [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<?xml version='1.0' encoding='ISO-8859-1'?>\n",
        '  \n<?xml version="1.0"?>',
        # a template repeats it
        '<?xml version="1.0" encoding="utf-8"?><?xml version="1.0" encoding="utf-8"?>',
    ],
)
def test_xml_declaration_at_the_start_is_accepted(declaration: str) -> None:
    # libxml2 refuses a str that declares an encoding; XHTML pages start with one.
    root = parse_html(declaration + PAGE)
    assert paragraphs(root) == ["First paragraph with a link.", "Second paragraph."]


def test_xhtml_page_with_declaration_and_namespace() -> None:
    page = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Strict and proper.</p></body></html>'
    )
    assert paragraphs(parse_html(page)) == ["Strict and proper."]


@pytest.mark.parametrize(
    "text",
    [
        "<html><body><p>before\x00after</p><p>second</p></body></html>",
        "\x00<html><body><p>beforeafter</p><p>second</p></body></html>",
        "<html><body><p>beforeafter</p>\x00\x00<p>second</p></body></html>",
    ],
)
def test_nul_characters_do_not_truncate(text: str) -> None:
    root = parse_html(text)
    content = root.text_content().replace("\ufffd", "")
    assert "beforeafter" in content
    assert content.endswith("second")
    assert "\x00" not in root.text_content()


def test_lone_surrogates_do_not_truncate() -> None:
    # JSON bodies may carry "\udcff" escapes; libxml2 stops reading at such a code point.
    root = parse_html("<html><body><p>before\udcff after</p><p>second paragraph</p></body></html>")
    assert paragraphs(root) == ["before\ufffd after", "second paragraph"]


def test_byte_order_marks_inside_the_page_are_no_text() -> None:
    root = parse_html("<html><body><p>First</p>\ufeff<div>Second\ufeff part</div></body></html>")
    assert "\ufeff" not in root.text_content()
    assert root.text_content() == "FirstSecond part"


def test_text_without_markup_is_read_as_paragraphs() -> None:
    text = "Kristen Wiig has had a summer.\r\n\r\nWiig smiles: 1 < 2 & that.\n  \n\nThe end."
    root = parse_html(text)
    assert [p.text_content() for p in root.iter("p")] == [
        "Kristen Wiig has had a summer.",
        "Wiig smiles: 1 < 2 & that.",
        "The end.",
    ]


_PLAIN_TEXT = st.characters(categories=("L", "N", "P", "Zs"), include_characters="\n")


@given(st.text(alphabet=_PLAIN_TEXT, max_size=300))
def test_any_text_without_markup_keeps_its_words_in_order(text: str) -> None:
    if not text.strip():
        return
    assert parse_html(text).text_content().split() == text.split()


def test_non_bmp_characters_survive() -> None:
    root = parse_html("<p>Emoji \U0001f600 and \U00020000 kanji</p><p>next</p>")
    assert paragraphs(root) == ["Emoji \U0001f600 and \U00020000 kanji", "next"]


@pytest.mark.parametrize(
    "void",
    [
        '<embed src="https://www.youtube.com/v/abcdefgh">',
        '<source srcset="https://cdn.example/a.webp" type="image/webp">',
        '<track src="https://cdn.example/subtitles.vtt">',
        "<wbr>",
        "<keygen>",
    ],
)
def test_void_elements_do_not_swallow_what_follows(void: str) -> None:
    # libxml2 parses these HTML5 void elements as containers; whatever followed
    # them would be removed along with them later.
    root = parse_html(
        f"<html><body><div><p>before</p>{void}tail <b>bold</b><p>after</p> end</div></body></html>"
    )
    element = root.find("body/div").getchildren()[1]
    assert element.text is None
    assert len(element) == 0
    assert element.tail == "tail "
    assert [child.tag for child in root.find("body/div")] == ["p", element.tag, "b", "p"]
    assert root.find("body/div").text_content() == "beforetail boldafter end"


def test_picture_sources_stay_siblings_of_the_image() -> None:
    root = parse_html(
        '<picture><source srcset="a.webp"><source srcset="b.jpg"><img src="c.jpg"></picture><p>after</p>'
    )
    picture = root.find(".//picture")
    assert [child.tag for child in picture] == ["source", "source", "img"]
    assert paragraphs(root) == ["after"]


def shape(element: HtmlElement) -> str:
    return element.tag + "".join(f"({shape(child)})" for child in element)


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        # Daring Fireball: a header row written without its <tr>, as HTML's parser completes it.
        (
            "<table><thead><th></th><th>Base</th></thead><tbody><tr><td>16e</td><td>7.8</td></tr></tbody></table>",
            "table(thead(tr(th)(th)))(tbody(tr(td)(td)))",
        ),
        # Loose cells make a row of their own before the next written row.
        ("<table><td>a</td><td>b</td><tr><td>c</td></tr></table>", "table(tr(td)(td))(tr(td))"),
        ("<table><tr><th>a</th></tr><tr><td>b</td></tr></table>", "table(tr(th))(tr(td))"),
    ],
)
def test_cells_outside_a_row_get_the_row_html_gives_them(table: str, expected: str) -> None:
    root = parse_html(f"<html><body>{table}</body></html>")
    assert shape(root.find(".//table")) == expected


def test_100000_nested_divs_neither_crash_nor_hang() -> None:
    depth = 100_000
    text = "<html><body><p>before</p>" + "<div>" * depth + "<p>deep</p>" + "</div>" * depth + "</body></html>"
    start = time.perf_counter()
    root = parse_html(text)
    elapsed = time.perf_counter() - start
    assert elapsed < 5
    # libxml2 caps the depth at 256 levels: the tree stays shallow...
    deepest = max(sum(1 for _ in element.iterancestors()) for element in root.iter())
    assert deepest <= 256
    # ...and what came before the deep markup is kept.
    assert paragraphs(root)[0] == "before"


def test_nesting_below_the_cap_is_kept_whole() -> None:
    depth = 200
    root = parse_html("<p>before</p>" + "<div>" * depth + "<p>deep</p>" + "</div>" * depth + "<p>after</p>")
    assert paragraphs(root) == ["before", "deep", "after"]


def test_more_elements_than_max_elements_is_too_complex() -> None:
    with pytest.raises(UnwallError) as caught:
        parse_html("<p>x</p>" * 2_000, max_elements=1_000)
    assert caught.value.code == errors.TOO_COMPLEX
    assert caught.value.status == 413
    assert "1000" in caught.value.message


def test_max_elements_counts_every_element_including_html_and_body() -> None:
    ten_paragraphs = "<p>x</p>" * 10  # + <html> + <body> = 12 elements
    assert len(list(parse_html(ten_paragraphs, max_elements=12).iter())) == 12
    with pytest.raises(UnwallError) as caught:
        parse_html(ten_paragraphs, max_elements=11)
    assert caught.value.code == errors.TOO_COMPLEX


def test_default_limit_is_a_million_elements() -> None:
    assert DEFAULT_MAX_ELEMENTS == 1_000_000


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "<!-- only a comment -->"])
def test_nothing_to_parse_is_a_documented_error(text: str) -> None:
    with pytest.raises(UnwallError) as caught:
        parse_html(text)
    assert caught.value.code == errors.NO_ARTICLE
    assert caught.value.status == 422


HTMLISH = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<div>",
                "</div>",
                "<table>",
                "<td>",
                "<script>",
                "</script>",
                "<!--",
                "-->",
                "<?xml version='1.0' encoding='utf-8'?>",
                "<!DOCTYPE html>",
                "<html>",
                "<body>",
                "&amp;",
                "&#0;",
                "&#xD800;",
                "<a href='x'>",
                "<",
                ">",
                "\x00",
                "\udcff",
                "\ud800",
                "\ufeff",
                "\x0c",
            ]
        ),
        st.text(max_size=10),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=200), HTMLISH))
def test_any_text_gives_a_tree_or_a_documented_error(text: str) -> None:
    try:
        root = parse_html(text)
    except UnwallError as error:
        assert error.code in {errors.NO_ARTICLE, errors.TOO_COMPLEX}
    else:
        assert isinstance(root, HtmlElement)
        assert root.tag == "html"
        assert "\x00" not in root.text_content()


def test_elements_get_lxml_htmls_classes() -> None:
    # The parser looks element classes up in C; they must be lxml.html's own.
    assert HtmlElementClassLookup._default_element_classes == HTML_ELEMENT_CLASSES
    markup = (
        "<html><body><form action='/s'><label>Q <input name='q'></label><select><option>a</option></select>"
        "<textarea>t</textarea></form><p>Text &amp; more</p></body></html>"
    )
    ours = parse_html(markup)
    theirs = lxml.html.document_fromstring(markup)
    assert [type(e) for e in ours.iter()] == [type(e) for e in theirs.iter()]
    assert {type(e).__name__ for e in ours.iter()} >= {"FormElement", "InputElement", "HtmlElement"}
