"""Stage 6, sanitize: what leaves Unwall cannot run code, and its links do not
tell the sites they lead to where the reader came from.

Two layers: the tree is cut down to an allow-list (so Markdown and text, made
from the tree, carry no dangerous link either), then the serialized HTML goes
through nh3 (Rust's ammonia), a maintained sanitizer, as the last word.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
import nh3
from lxml.html import HtmlElement

from unwall.pipeline.embeds import EMBED_LINE_CLASS
from unwall.pipeline.normalize import is_tracking_pixel, spoken_alt, without_tracking_parameters

ALLOWED_TAGS: frozenset[str] = frozenset(
    (
        "a abbr b blockquote br caption cite code dd del details dfn div dl dt em figcaption "
        "figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp small span strong "
        "sub summary sup table tbody td tfoot th thead time tr u ul var wbr section article aside "
        "header footer main picture bdi bdo ruby rt rp"
    ).split()
)
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"lang", "dir", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "reversed", "type"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "p": {"class"},
    "pre": {"class"},
    "code": {"class"},
}
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
# Tags whose content is never shown to a reader, so goes with them.
DROP_WITH_CONTENT = frozenset(
    (
        "script style template iframe object embed form input button select textarea svg math "
        "noscript frame frameset applet base link meta title head dialog canvas video audio "
        "source track"
    ).split()
)
_CLASS_VALUES = frozenset({EMBED_LINE_CLASS})
# Obsolete tags that still mean something: Sphinx and older CMSs mark inline
# code with <tt>; unwrapped, `hg push` would read as prose.
RENAMED_TAGS = {"tt": "code", "strike": "s"}


# What a browser ignores when it reads a URL: C0 controls and spaces at either
# end, tabs and newlines anywhere ("java\tscript:" is javascript:).
_URL_EDGE = "".join(chr(code) for code in range(0x21))
_URL_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
# Characters lxml refuses in a name or value it is given (XML 1.0 forbids them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def is_safe_url(url: str) -> bool:
    url = _URL_TAB_OR_NEWLINE.sub("", url.strip(_URL_EDGE))
    if not url:
        return False
    if url.startswith("#"):
        return True
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return False
    return scheme in SAFE_SCHEMES


def sanitize_tree(content: HtmlElement) -> None:
    """Cut `content` down to the allow-list, in place."""
    _remove_control_characters(content)
    _move_misplaced_table_content(content)
    for element in reversed(list(content.iter())):
        if element is content:
            continue
        if not isinstance(element.tag, str):  # comments, processing instructions
            element.drop_tree()
            continue
        tag = element.tag.lower()
        if tag in RENAMED_TAGS:
            tag = element.tag = RENAMED_TAGS[tag]
        if tag in DROP_WITH_CONTENT:
            element.drop_tree()
            continue
        if tag not in ALLOWED_TAGS:
            element.drop_tag()
            continue
        if tag == "img" and is_tracking_pixel(element):
            # A beacon the reader page would load: it reports the reading to a
            # counter (kath.net's PayPal pixel), and shows nothing.
            element.drop_tree()
            continue
        _clean_attributes(element, tag)
        if tag == "img" and not element.get("src"):
            element.drop_tree()
        elif tag == "li" and _parent_tag(element) not in {"ul", "ol"}:
            # An item outside a list: libxml2 and html5ever close it in different
            # places, and it shows as a stray bullet.
            element.drop_tag()
        elif tag in _TABLE_ROW_PARTS and next(element.iterancestors("table"), None) is None:
            element.drop_tag()  # a row or cell outside a table: html5ever ignores the tag
        elif tag in _ENDED_BY_BLOCKS and any(True for _ in element.iterdescendants(*_ENDED_BY_BLOCKS[tag])):
            # A paragraph around blocks, a heading around a paragraph: libxml2
            # and html5ever end the outer element in different places. The
            # words stay, and the blocks.
            element.drop_tag()
        elif tag == "span" and any(isinstance(child.tag, str) and child.tag in _BLOCKS for child in element):
            # A span a template wraps the whole body in (Cosmopolitan's): a
            # browser lays its blocks out as blocks, a Markdown or text reader
            # of it would run them into one paragraph.
            element.tag = "div"
        elif tag in _CLOSED_BY_A_PARAGRAPH and element.find(".//p") is not None:
            # libxml2 ends these at a <p> where html5ever nests the <p> in them:
            # the output would read back as another tree. The paragraphs stay.
            element.drop_tag()
        elif tag in _BLOCKS and any(True for _ in element.iterancestors("pre")):
            element.drop_tag()  # markup inside a code block is read as its text
        elif tag == "pre" and _parent_tag(element) in {"ul", "ol"}:
            # libxml2 ends a list at a <pre> that html5ever keeps in it (left
            # there by an unwrapped table): it becomes an item of its own.
            element.addprevious(li := element.makeelement("li", {}))
            li.append(element)
        elif tag == "a" and element.find(".//table") is not None:
            element.drop_tag()  # likewise, at a <table>
        elif tag == "a" and (element.get("href") or "").strip(_URL_EDGE) in _NOWHERE:
            # A script's trigger ('<a href="#">' opening a lightbox, 'javascript:'
            # removed above): in the reader view it would only lead to the top
            # of the page. Its words and picture stay.
            element.drop_tag()
        elif tag == "table" and _is_empty(element):
            # Shows nothing, and parsers disagree on where an empty table sits
            # beside list items, so the output would not read back as itself.
            element.drop_tree()
    _join_split_runs(content)
    content.attrib.clear()


_NOWHERE = frozenset({"", "#", "#!"})
_CLOSED_BY_A_PARAGRAPH = frozenset({"b", "i", "s", "small", "u"})
_TABLE_ROW_PARTS = ("caption", "thead", "tbody", "tfoot", "tr", "td", "th")
# The block elements a parser ends a <p> at (HTML's list, which html5ever follows).
_BLOCKS = (
    "address", "article", "aside", "blockquote", "details", "div", "dl", "dd", "dt", "figure",
    "figcaption", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "ol", "p", "pre", "section", "summary", "table", "ul",
)  # fmt: skip
_IN_NO_HEADING = ("p", "table", "li", "h1", "h2", "h3", "h4", "h5", "h6")
_ENDED_BY_BLOCKS = {"p": _BLOCKS} | {
    heading: _IN_NO_HEADING for heading in ("h1", "h2", "h3", "h4", "h5", "h6")
}
# What each part of a table may hold; html5ever moves anything else out.
_TABLE_PARTS = {
    "table": frozenset({"caption", "colgroup", "thead", "tbody", "tfoot", "tr"}),
    "thead": frozenset({"tr"}),
    "tbody": frozenset({"tr"}),
    "tfoot": frozenset({"tr"}),
    "tr": frozenset({"td", "th"}),
}


# Inline styling an editor may split into touching runs of the same kind.
_RUNS = ("b", "strong", "i", "em", "u", "s", "mark")


def _join_split_runs(content: HtmlElement) -> None:
    """Touching runs of the same styling become one ('<strong><em>El </em></strong>
    <strong><em><a>estrecho</a></em></strong>', as rich-text editors save a line
    styled in pieces): Markdown's markers cannot touch ('***El*** ***[…]******'),
    and one run reads the same in HTML."""
    for run in list(content.iter(*_RUNS)):
        if run.getparent() is None:
            continue  # joined into the run before it
        following = run.getnext()
        while (
            not run.tail
            and following is not None
            and following.tag == run.tag
            and dict(following.attrib) == dict(run.attrib)
        ):
            _append_text(run, following.text)
            run.extend(list(following))
            run.tail = following.tail
            following.getparent().remove(following)
            following = run.getnext()


def _append_text(element: HtmlElement, text: str | None) -> None:
    if not text:
        return
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def drop_tracking_parameters(content: HtmlElement, is_tracking: re.Pattern[str]) -> None:
    """Each link's address without the query parameters that only track the click
    (`is_tracking` matches their names in lower case: 'utm_source', 'fbclid')."""
    for link in content.iter("a"):
        href = link.get("href")
        if href and "?" in href:
            link.set("href", without_tracking_parameters(href, is_tracking))


def _move_misplaced_table_content(content: HtmlElement) -> None:
    """Text and elements between a table's rows or cells are put before the
    table, in page order, as html5ever (and a browser) put them: left where
    libxml2 keeps them, the output would read back as another tree."""
    for table in list(content.iter("table")):
        if table.getparent() is None:
            continue
        misplaced: list[str | HtmlElement] = []
        _collect_misplaced(table, misplaced)
        for item in misplaced:
            if isinstance(item, str):
                previous = table.getprevious()
                if previous is not None:
                    previous.tail = f"{previous.tail or ''}{item}"
                else:
                    parent = table.getparent()
                    parent.text = f"{parent.text or ''}{item}"
            else:
                table.addprevious(item)


def _collect_misplaced(part: HtmlElement, misplaced: list[str | HtmlElement]) -> None:
    if (part.text or "").strip():
        misplaced.append(part.text or "")
    part.text = None
    for child in list(part):
        tail = child.tail if (child.tail or "").strip() else None
        if isinstance(child.tag, str) and child.tag in _TABLE_PARTS[part.tag]:
            if child.tag in _TABLE_PARTS:
                _collect_misplaced(child, misplaced)
            child.tail = None
            if tail:
                misplaced.append(tail)
        else:
            part.remove(child)  # its tail goes with it
            misplaced.append(child)


def _parent_tag(element: HtmlElement) -> str | None:
    parent = element.getparent()
    return parent.tag if parent is not None and isinstance(parent.tag, str) else None


def _is_empty(element: HtmlElement) -> bool:
    return not element.text_content().strip() and element.find(".//img") is None


def _remove_control_characters(content: HtmlElement) -> None:
    """libxml2 keeps C0 controls in text, but lxml refuses to write them back:
    unwrapping an element next to one (a <font> whose tail holds U+0001) would
    raise. They show nothing to a reader."""
    if not _NOT_XML.search(lxml.etree.tostring(content, method="text", encoding="unicode", with_tail=False)):
        return
    for node in content.iter():
        if node.text and _NOT_XML.search(node.text):
            node.text = _NOT_XML.sub("", node.text)
        if node is not content and node.tail and _NOT_XML.search(node.tail):
            node.tail = _NOT_XML.sub("", node.tail)


def _clean_attributes(element: HtmlElement, tag: str) -> None:
    allowed = ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(tag, set())
    # By (name, value) pairs: lxml refuses to look up or delete a name holding a
    # control character (`<img alt="x"\x01y>` parses into one), but reads it.
    attributes = element.attrib.items()
    src = element.get("src") if tag == "img" else None
    kept = [
        (name, spoken_alt(_NOT_XML.sub("", value), src) if name == "alt" else _NOT_XML.sub("", value))
        for name, value in attributes
        if name in allowed
        and not (name in URL_ATTRIBUTES and not is_safe_url(value))
        and not (name == "src" and not value.strip(_URL_EDGE).lower().startswith(("http://", "https://")))
        and not (name == "class" and value not in _CLASS_VALUES)
    ]
    if kept != attributes:
        element.attrib.clear()
        for name, value in kept:
            element.set(name, value)


# html5ever serializes a few trees (an <a> inside an <a>, a <pre> that opens
# with a newline) as markup that parses into another tree; cleaning again until
# the output is stable makes what a browser builds from it what was cleaned.
# Most bodies are stable after one pass (the second only confirms it);
# contrived markup took three in the property tests.
_MAX_CLEAN_PASSES = 4


def sanitize_html(html: str) -> str:
    """The serialized body through nh3, with the same allow-list."""
    cleaned = _clean(html)
    for _ in range(_MAX_CLEAN_PASSES - 1):
        again = _clean(cleaned)
        if again == cleaned:
            break
        cleaned = again
    return cleaned


# An empty table shows nothing, and parsers disagree on where one sits (html5ever
# moves stray text out of it, libxml2 keeps it in), so the output would not read
# back as itself. Matched on nh3's own output, where attribute values are quoted.
_EMPTY_TABLE = re.compile(r"<table(?: [a-z]+=\"[^\"]*\")*>\s*</table>")


# A parser drops the newline right after <pre> and html5ever does not write one
# back: each pass would take one more of a code block's leading blank lines.
_PRE_LEADING_NEWLINES = re.compile(r"(<pre(?: [a-z]+=\"[^\"]*\")*>)\n+")


def _clean(html: str) -> str:
    return _PRE_LEADING_NEWLINES.sub(r"\1", _EMPTY_TABLE.sub("", _nh3_clean(html)))


def _nh3_clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(SAFE_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
        clean_content_tags=set(DROP_WITH_CONTENT)
        - {"head", "title", "meta", "base", "link", "source", "track", "input", "frameset"},
        attribute_filter=_attribute_filter,
    )


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "class" and value not in _CLASS_VALUES:
        return None
    # nh3 checks the scheme of href and src only; `cite` would keep a javascript: URL.
    if attribute in URL_ATTRIBUTES and not is_safe_url(value):
        return None
    if attribute == "src" and not value.strip(_URL_EDGE).lower().startswith(("http://", "https://")):
        return None
    return value


def serialize(content: HtmlElement) -> str:
    """The body's inner HTML (without the wrapping div)."""
    parts = [html.escape(content.text, quote=False)] if content.text else []
    parts.extend(lxml.html.tostring(child, encoding="unicode") for child in content)
    return "".join(parts)
