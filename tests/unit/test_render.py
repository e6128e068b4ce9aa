"""The render stage: plain text, Markdown and the reader HTML page."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import replace

import lxml.html
import pytest
from lxml.html import HtmlElement

from unwall.model import Article, LeadImage
from unwall.render import (
    content_to_text,
    reading_time_minutes,
    render_html_page,
    render_markdown,
    render_text,
    word_count,
)
from unwall.render.html_page import CONTENT_SECURITY_POLICY


def tree(html: str) -> HtmlElement:
    return lxml.html.fragment_fromstring(html, create_parent="div")


def deep_tree(levels: int, tags: tuple[str, ...]) -> HtmlElement:
    """Nesting far deeper than the parser allows, built through the API."""
    root = tree("")
    node = root
    for level in range(levels):
        child = lxml.html.Element(tags[level % len(tags)])
        child.text = f"w{level} "
        node.append(child)
        node = child
    return root


def article(**changes: object) -> Article:
    base = Article(
        url="https://news.example/2026/11/story",
        title="A Quiet Harbour",
        byline="Ada Lovelace",
        published="2026-11-28T09:30:00+01:00",
        site_name="The Example",
        lang="en",
        dir="ltr",
        excerpt="Boats, mostly.",
        lead_image=None,
        content_html="<p>Body text.</p>",
        text="Body text.",
        word_count=2,
        reading_time_minutes=1,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


# Plain text -----------------------------------------------------------------


def test_text_blocks_are_separated_by_one_blank_line_with_headings() -> None:
    content = tree(
        "<h2>The  harbour</h2><p>First   paragraph\n with <b>bold</b> words.</p>"
        "<div>Loose text in a div<p>nested paragraph</p>tail text</div>"
        "<blockquote><p>Quoted one.</p><p>Quoted two.</p></blockquote>"
        "<figure><img src='a.png'><figcaption>A caption.</figcaption></figure>"
    )
    assert content_to_text(content) == (
        "The harbour\n\n"
        "First paragraph with bold words.\n\n"
        "Loose text in a div\n\n"
        "nested paragraph\n\n"
        "tail text\n\n"
        "Quoted one.\n\n"
        "Quoted two.\n\n"
        "A caption."
    )


def test_text_has_no_leading_or_trailing_blank_lines_and_skips_scripts() -> None:
    content = tree(
        "\n\n<p>  </p><p>&nbsp;</p><p>Only <!-- hidden -->this.</p>"
        "<script>var x = 1;</script><style>p {}</style><p></p>\n"
    )
    assert content_to_text(content) == "Only this."


def test_text_lists_are_lines_with_markers_and_nesting() -> None:
    content = tree(
        "<p>Before.</p>"
        "<ul><li>Apples<ul><li>Green</li><li><p>Red</p><p>sweet</p></li></ul></li>"
        "<li>Pears</li></ul>"
        "<ol start='3'><li>Third</li><li>Fourth</li></ol>"
        "<p>After.</p>"
    )
    assert content_to_text(content) == (
        "Before.\n\n- Apples\n  - Green\n  - Red sweet\n- Pears\n\n3. Third\n4. Fourth\n\nAfter."
    )


def test_text_keeps_pre_verbatim() -> None:
    content = tree("<p>Run   this:</p><pre>\ndef f(x):\n    return  x * 2\n\n\nprint(f(1))</pre><p>Done.</p>")
    assert content_to_text(content) == ("Run this:\n\ndef f(x):\n    return  x * 2\n\n\nprint(f(1))\n\nDone.")


def test_text_pre_keeps_markup_text_and_breaks() -> None:
    content = tree("<pre><code><span>a  =</span> 1<br>b = 2</code></pre>")
    assert content_to_text(content) == "a  = 1\nb = 2"


def test_text_table_rows_and_line_breaks() -> None:
    content = tree(
        "<table><tr><th>City</th><th>Rain</th></tr>"
        "<tr><td>Oslo</td><td>12 mm</td></tr></table>"
        "<p>one<br>two<br><br>three</p>"
    )
    assert content_to_text(content) == "City | Rain\nOslo | 12 mm\n\none\ntwo\nthree"


def test_text_survives_a_very_deep_tree() -> None:
    content = deep_tree(5000, ("div", "span", "b"))
    text = content_to_text(content)
    assert text.startswith("w0")
    assert "w4999" in text


def test_word_count_latin_and_punctuation() -> None:
    assert word_count("") == 0
    assert word_count("Hello, world — it's   fine | ok") == 5


def test_word_count_counts_cjk_characters() -> None:
    assert word_count("日本語のテキストです。") == 10
    assert word_count("中文文本 and English") == 6
    # Korean is written with spaces, so its words count as words.
    assert word_count("한국어 문장 입니다") == 3


@pytest.mark.parametrize(
    ("text", "lang", "minutes"),
    [
        ("", "en", 0),
        ("— | —", "en", 0),
        ("word", "en", 1),
        ("word " * 238, "en", 1),
        ("word " * 239, "en", 2),
        # German is read more slowly than English, word by word.
        ("Wort " * 238, "de", 2),
        # A language the study did not measure reads at the default (192 a minute).
        ("slovo " * 576, "cs", 3),
        ("slovo " * 577, "cs", 4),
        # Chinese and Japanese by character; Japanese faster, told by its kana without a lang.
        ("字" * 532, "zh", 2),
        ("あ" * 373, None, 1),
        ("字" * 373, None, 2),
    ],
)
def test_reading_time_minutes(text: str, lang: str | None, minutes: int) -> None:
    assert reading_time_minutes(text, lang) == minutes


def test_render_text_format() -> None:
    result = render_text(article(text="First.\n\nSecond."))
    assert result == (
        "A Quiet Harbour\n"
        "Ada Lovelace · 28 November 2026 · The Example\n"
        "https://news.example/2026/11/story\n"
        "\n"
        "First.\n\nSecond.\n"
    )


def test_render_text_leaves_out_missing_fields() -> None:
    result = render_text(article(url=None, byline=None, published="last week", site_name=None, text="Hi."))
    assert result == "A Quiet Harbour\nlast week\n\nHi.\n"


# Markdown -------------------------------------------------------------------


def md(html: str, **changes: object) -> str:
    return render_markdown(article(**changes), tree(html))


def body(markdown: str) -> str:
    """The Markdown after the title, meta and source-link blocks."""
    return markdown.split("\n\n", 3)[3]


def test_markdown_header() -> None:
    result = md("<p>Text.</p>")
    assert result.startswith(
        "# A Quiet Harbour\n\n"
        "*Ada Lovelace · 28 November 2026 · The Example*\n\n"
        "[Original article](https://news.example/2026/11/story)\n\n"
        "Text.\n"
    )


def test_markdown_headings_paragraphs_and_emphasis() -> None:
    result = body(
        md(
            "<h2>Section</h2><p>Some <strong> bold </strong>and <em>italic</em> "
            "text.</p><h6>Small</h6><h3>We're number #</h3>"
        )
    )
    assert result == (
        "## Section\n\nSome **bold** and *italic* text.\n\n###### Small\n\n### We're number \\#\n"
    )


def test_markdown_lists_and_nested_lists() -> None:
    result = body(
        md(
            "<ul><li>Apples<ul><li>Green</li><li>Red</li></ul></li><li>Pears</li></ul>"
            "<ol start='9'><li>Nine<ol><li>Sub</li></ol></li><li>Ten</li></ol>"
        )
    )
    assert result == ("- Apples\n  - Green\n  - Red\n- Pears\n\n9. Nine\n   1. Sub\n10. Ten\n")


def test_markdown_loose_list_items_keep_paragraphs() -> None:
    result = body(md("<ul><li><p>One.</p><p>More.</p></li><li>Two.</li></ul>"))
    assert result == "- One.\n\n  More.\n\n- Two.\n"


def test_markdown_table_escapes_pipes() -> None:
    result = body(
        md(
            "<table><caption>Rain</caption>"
            "<thead><tr><th>City</th><th>mm | in</th></tr></thead>"
            "<tbody><tr><td>Oslo</td><td><b>12</b></td></tr>"
            "<tr><td colspan='2'>Total</td></tr></tbody></table>"
        )
    )
    assert result == ("*Rain*\n\n| City | mm \\| in |\n| --- | --- |\n| Oslo | **12** |\n| Total |  |\n")


def test_markdown_code_fence_is_longer_than_backticks_inside() -> None:
    code = "print('```')\n\n\nx = ````y````"
    result = body(md(f'<pre><code class="language-python">{code}</code></pre>'))
    assert result == f"`````python\n{code}\n`````\n"


def test_markdown_inline_code_with_backticks() -> None:
    result = body(md("<p>Use <code>a`b</code> and <code>`x`</code> here.</p>"))
    assert result == "Use ``a`b`` and `` `x` `` here.\n"


def test_markdown_links_and_images() -> None:
    result = body(
        md(
            '<p><a href="/about (us)">About</a> and <a href="https://x.example/?a=1&b=2">'
            'x</a> <img src="pic.png" alt="A [big] pic"></p>'
        )
    )
    assert result == (
        "[About](https://news.example/about%20\\(us\\)) and "
        "[x](https://x.example/?a=1&b=2) "
        "![A \\[big\\] pic](https://news.example/2026/11/pic.png)\n"
    )


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "  JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
    ],
)
def test_markdown_drops_dangerous_links_but_keeps_their_text(href: str) -> None:
    content = tree("<p>Click <a>here</a> now.</p>")
    anchor = next(content.iter("a"))
    anchor.set("href", href)
    result = render_markdown(article(), content)
    assert body(result) == "Click here now.\n"
    assert "script" not in result.lower()


def test_markdown_escapes_markdown_in_text() -> None:
    result = body(
        md(
            "<p># Not a heading</p><p>&gt; not a quote</p><p>- not a list</p>"
            "<p>1984. Not a list either</p><p>---</p>"
            "<p>Stars *a* _b_ [c](d) `e` &lt;script&gt; &amp;amp; snake_case 5 - 3</p>"
        )
    )
    assert result == (
        "\\# Not a heading\n\n"
        "\\> not a quote\n\n"
        "\\- not a list\n\n"
        "1984\\. Not a list either\n\n"
        "\\---\n\n"
        "Stars \\*a\\* \\_b\\_ \\[c\\](d) \\`e\\` \\<script> \\&amp; snake_case 5 - 3\n"
    )


def test_markdown_blockquote_hr_and_hard_break() -> None:
    result = body(md("<blockquote><p>First.</p><p>Second<br>line.</p></blockquote><hr><p>After</p>"))
    assert result == "> First.\n>\n> Second  \n> line.\n\n---\n\nAfter\n"


def test_markdown_figure_with_caption() -> None:
    result = body(
        md(
            '<figure><img src="https://cdn.example/a.jpg" alt="Boats">'
            "<figcaption>Boats at dawn.</figcaption></figure>"
        )
    )
    assert result == "![Boats](https://cdn.example/a.jpg)\n\n*Boats at dawn.*\n"


def test_markdown_lead_image_once() -> None:
    lead = LeadImage(url="https://cdn.example/lead.jpg", alt="Harbour", caption="Dawn.")
    result = md("<p>Text.</p>", lead_image=lead)
    assert result.count("![Harbour](https://cdn.example/lead.jpg)\n\n*Dawn.*") == 1
    shown_in_body = md('<p><img src="https://cdn.example/lead.jpg" alt="x"></p>', lead_image=lead)
    assert shown_in_body.count("lead.jpg") == 1


def test_markdown_output_shape() -> None:
    result = md("<p>a</p>\n\n\n<div>\n\n</div><p>b<br><br><br><br>c</p><p></p>")
    assert result.endswith("c\n")
    assert not result.endswith("\n\n")
    assert "\n\n\n" not in result


def test_markdown_survives_a_very_deep_tree() -> None:
    result = render_markdown(article(), deep_tree(5000, ("div", "blockquote", "em")))
    assert "w0" in result
    assert "w4999" in result


# HTML page ------------------------------------------------------------------


def test_page_escapes_every_field() -> None:
    evil = "<script>alert(1)</script>"
    page = render_html_page(
        article(
            title=evil,
            byline=evil,
            site_name=evil,
            published=evil,
            excerpt='"><script>alert(1)</script>',
            lang='en" onload="x',
            dir="rtl><script>",
            lead_image=LeadImage(url="https://cdn.example/a.jpg", alt=evil, caption=evil),
        )
    )
    assert "<script" not in page
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>" in page
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in page
    assert "<html>" in page  # invalid lang and dir are left out


def test_page_content_goes_in_as_is() -> None:
    content = '<p>Hello <a href="https://a.example/">there</a>.</p>'
    page = render_html_page(article(content_html=content))
    assert f'<main class="content">\n{content}\n</main>' in page


def test_page_csp_hash_matches_inline_style() -> None:
    page = render_html_page(article())
    styles = re.findall(r"<style>(.*?)</style>", page, re.S)
    assert len(styles) == 1
    digest = base64.b64encode(hashlib.sha256(styles[0].encode()).digest()).decode()
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert csp is not None
    policy = csp.group(1)
    assert policy == CONTENT_SECURITY_POLICY
    assert f"style-src 'sha256-{digest}'" in policy
    assert "default-src 'none'" in policy
    assert "img-src https: http: data:" in policy
    assert "base-uri 'none'" in policy and "form-action 'none'" in policy
    assert "unsafe-inline" not in page
    assert '<meta name="referrer" content="no-referrer">' in page
    assert '<meta charset="utf-8">' in page
    assert 'name="viewport"' in page


def test_page_has_dark_mode_and_print_styles() -> None:
    page = render_html_page(article())
    assert "@media (prefers-color-scheme: dark)" in page
    assert "@media print" in page
    assert "<script" not in page


def test_page_header_and_meta() -> None:
    page = render_html_page(article(reading_time_minutes=5, lang="pt-BR", dir="rtl"))
    assert page.startswith('<!DOCTYPE html>\n<html lang="pt-BR" dir="rtl">')
    assert '<p class="site">The Example</p>' in page
    # In a right-to-left page, each item's text keeps its own direction (<bdi>).
    assert '<span class="byline"><bdi>Ada Lovelace</bdi></span>' in page
    assert (
        '<time class="published" datetime="2026-11-28T09:30:00+01:00"><bdi>28 November 2026</bdi></time>'
    ) in page
    assert '<span class="reading-time"><bdi>5 min read</bdi></span>' in page
    assert (
        '<a class="source" href="https://news.example/2026/11/story" '
        'rel="noopener noreferrer"><bdi>Original article</bdi></a>'
    ) in page


def test_page_unparsed_date_and_unsafe_url() -> None:
    page = render_html_page(
        article(published="Tuesday morning", url="javascript:alert(1)", reading_time_minutes=0)
    )
    assert '<span class="published"><bdi>Tuesday morning</bdi></span>' in page
    assert "<time" not in page
    assert "Original article" not in page
    assert "min read" not in page
    assert "javascript" not in page


def test_page_lead_image_figure_once() -> None:
    lead = LeadImage(
        url="https://cdn.example/lead.jpg?w=1200&h=600",
        alt="The harbour",
        caption="Boats at dawn.",
        width=1200,
        height=600,
    )
    page = render_html_page(article(lead_image=lead))
    assert page.count('<figure class="lead">') == 1
    assert page.count("lead.jpg") == 1
    assert (
        '<figure class="lead"><img src="https://cdn.example/lead.jpg?w=1200&amp;h=600" '
        'alt="The harbour" width="1200" height="600">'
        "<figcaption>Boats at dawn.</figcaption></figure>"
    ) in page


def test_page_skips_lead_figure_when_body_shows_it() -> None:
    lead = LeadImage(url="https://cdn.example/lead.jpg?w=1&h=2", alt="x")
    content = '<figure><img src="https://cdn.example/lead.jpg?w=1&amp;h=2"></figure>'
    page = render_html_page(article(lead_image=lead, content_html=content))
    assert '<figure class="lead">' not in page
    assert page.count("lead.jpg") == 1


def test_html_page_names_a_site_signing_with_its_own_name_once() -> None:
    page = render_html_page(article(byline="Gazeta Telegraf", site_name="Gazeta Telegraf"))
    assert page.count("Gazeta Telegraf") == 1
    assert 'class="byline"' not in page
    assert 'class="byline"' in render_html_page(article())


@pytest.mark.parametrize("markdown", [True, False])
def test_markdown_and_text_name_a_site_signing_with_its_own_name_once(markdown: bool) -> None:
    # Weekly ASCII signs as 週刊アスキー, its site's name.
    def rendered(**changes: object) -> str:
        return md("<p>Text.</p>", **changes) if markdown else render_text(article(**changes))

    signed = rendered(byline="週刊アスキー", site_name="週刊アスキー")
    assert signed.count("週刊アスキー") == 1 and "28 November 2026 · 週刊アスキー" in signed
    assert "Ada Lovelace · 28 November 2026 · The Example" in rendered()


def test_ruby_readings_are_shown_apart_and_left_out_of_the_text() -> None:
    # NHK News Web Easy writes each kanji's reading above it.
    content = tree(
        "<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもの<ruby>法律<rt>ほうりつ</rt></ruby></p>"
    )
    assert content_to_text(content) == "子どもの法律"
