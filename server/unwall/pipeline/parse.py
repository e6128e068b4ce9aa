"""Stage 2, parse: the one and only parse of the page. Every later stage works on
this tree in place."""

from __future__ import annotations

import html
import re

import lxml.etree
import lxml.html
from lxml.html import (
    FormElement,
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HtmlProcessingInstruction,
    InputElement,
    LabelElement,
    SelectElement,
    TextareaElement,
)

from unwall import errors
from unwall.errors import UnwallError

# libxml2 caps nesting at 256 levels by itself (deeper markup is cut, not a
# crash); the element count is ours to bound, since every stage walks the tree.
DEFAULT_MAX_ELEMENTS = 1_000_000

# Templates sometimes repeat the declaration: libxml2 refuses the second one too.
_XML_DECLARATION = re.compile(r"^(?:\s*<\?xml[^>]*>)+")
# A lone surrogate (JSON's "\udcff" escapes make them) ends libxml2's input
# early, as a NUL does: the page would be cut short there, silently.
_SURROGATES = re.compile("[\ud800-\udfff]")
# libxml2 keeps the other C0 controls (and U+FFFE, U+FFFF) in text and attribute
# values, but lxml refuses to write them back: the first stage that moves a tail
# would raise. A browser shows none of them; form feed is HTML whitespace.
_NOT_XML_CHARS = tuple(chr(code) for code in (*range(0x01, 0x09), 0x0B, *range(0x0E, 0x20), 0xFFFE, 0xFFFF))
_NOT_XML = re.compile(f"[{''.join(_NOT_XML_CHARS)}]")

# libxml2's HTML parser predates these void elements and parses them as
# containers: everything after an <embed> or a <source> up to the end of its
# parent would become its content, and go with it when it is removed.
_VOID_ELEMENTS_PARSED_AS_CONTAINERS = ("embed", "source", "track", "wbr", "keygen")

# lxml.html's element classes (`HtmlElementClassLookup`'s defaults), looked up
# in C. lxml.html's own lookup is a Python method, called each time a Python
# object is made for an element: every walk of the tree does that for every
# element, and the pipeline walks it many times (a few percent of its time).
HTML_ELEMENT_CLASSES: dict[str, type[HtmlElement]] = {
    "form": FormElement,
    "input": InputElement,
    "label": LabelElement,
    "select": SelectElement,
    "textarea": TextareaElement,
}


def _element_class_lookup() -> lxml.etree.ElementNamespaceClassLookup:
    lookup = lxml.etree.ElementNamespaceClassLookup(
        lxml.etree.ElementDefaultClassLookup(
            element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
        )
    )
    lookup.get_namespace(None).update(HTML_ELEMENT_CLASSES)
    return lookup


_PARSER = lxml.html.HTMLParser(
    remove_comments=True,
    remove_pis=True,
    default_doctype=False,
    collect_ids=False,
)
_PARSER.set_element_class_lookup(_element_class_lookup())


def parse_html(text: str, max_elements: int = DEFAULT_MAX_ELEMENTS) -> HtmlElement:
    # libxml2 refuses str input that declares an encoding; NULs end its input early.
    text = _XML_DECLARATION.sub("", text, count=1).replace("\x00", "\ufffd")
    text = _without_lone_surrogates(text)
    text = _without_xml_incompatible(text)
    # Byte-order marks inside a page (a template included with its own) are no
    # text; the reader would show a block of nothing.
    text = text.replace("\ufeff", "")
    if text.strip() and _MARKUP.search(text) is None:
        text = plain_text_as_html(text)
    try:
        root = lxml.html.document_fromstring(text, parser=_PARSER)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise UnwallError(errors.NO_ARTICLE, f"The page could not be parsed as HTML: {exc}", 422) from exc
    _empty_void_elements(root)
    _rows_for_loose_cells(root)
    if _ELEMENT_COUNT(root) > max_elements:
        raise UnwallError(
            errors.TOO_COMPLEX,
            f"The page has more than {max_elements} elements.",
            413,
        )
    return root


# Counted by libxml2, without making a Python object of each element.
_ELEMENT_COUNT = lxml.etree.XPath("count(descendant-or-self::*)")


# A tag, a comment or a doctype: a page without any is plain text.
_MARKUP = re.compile(r"<[A-Za-z!/?]")
_BLANK_LINES = re.compile(r"\n[ \t\r]*\n\s*")


def plain_text_as_html(text: str) -> str:
    """Text sent with no markup at all (a saved .txt, a copied article): its
    paragraphs are its runs of lines between blank lines. Parsed as it is, it
    would be one paragraph the length of the page, which is no article."""
    paragraphs = (html.escape(part.strip()) for part in _BLANK_LINES.split(text))
    return "<html><body>" + "".join(f"<p>{part}</p>" for part in paragraphs if part) + "</body></html>"


def _without_lone_surrogates(text: str) -> str:
    try:
        text.encode("utf-8")  # a C-speed check; searching with the regex is slower
    except UnicodeEncodeError:
        return _SURROGATES.sub("\ufffd", text)
    return text


def _without_xml_incompatible(text: str) -> str:
    text = text.replace("\x0c", " ")
    # A substring test per character is a C scan, many times faster than the
    # regex over a page that (nearly always) holds none of them.
    if any(char in text for char in _NOT_XML_CHARS):
        return _NOT_XML.sub("", text)
    return text


def _empty_void_elements(root: HtmlElement) -> None:
    """Move what libxml2 put inside a void element back after it, in order."""
    for element in list(root.iter(*_VOID_ELEMENTS_PARSED_AS_CONTAINERS)):
        if element.text is None and not len(element):
            continue
        after = element.tail
        element.tail, element.text = element.text, None
        anchor = element
        for child in list(element):
            anchor.addnext(child)  # the child's tail travels with it
            anchor = child
        anchor.tail = (anchor.tail or "") + (after or "") or None


def _rows_for_loose_cells(root: HtmlElement) -> None:
    """Cells written straight into a table or its sections, with no row
    ('<thead><th>Base</th><th>Mesa</th></thead>', Daring Fireball): HTML's
    parser opens the row the markup left out, libxml2 leaves the cells
    loose, and a table's header read as a line of text above it."""
    opened: set[HtmlElement] = set()
    for cell in list(root.iter("td", "th")):
        section = cell.getparent()
        if section is None or section.tag not in _TABLE_SECTIONS:
            continue
        row = cell.getprevious()
        if row is None or row not in opened:
            row = cell.makeelement("tr", {})
            cell.addprevious(row)
            opened.add(row)
        row.append(cell)  # the cell's tail travels with it


_TABLE_SECTIONS = frozenset({"table", "thead", "tbody", "tfoot"})
