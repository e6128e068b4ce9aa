"""Stage 2, parse: the one and only parse of the page. Every later stage works on
this tree in place."""

from __future__ import annotations

import re

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from unwall import errors
from unwall.errors import UnwallError

# libxml2 caps nesting at 256 levels by itself (deeper markup is cut, not a
# crash); the element count is ours to bound, since every stage walks the tree.
DEFAULT_MAX_ELEMENTS = 1_000_000

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")

_PARSER = lxml.html.HTMLParser(
    remove_comments=True,
    remove_pis=True,
    default_doctype=False,
    collect_ids=False,
)


def parse_html(text: str, max_elements: int = DEFAULT_MAX_ELEMENTS) -> HtmlElement:
    # libxml2 refuses str input that declares an encoding; NULs end its input early.
    text = _XML_DECLARATION.sub("", text, count=1).replace("\x00", "\ufffd")
    try:
        root = lxml.html.document_fromstring(text, parser=_PARSER)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise UnwallError(errors.NO_ARTICLE, f"The page could not be parsed as HTML: {exc}", 422) from exc
    for count, _ in enumerate(root.iter(), start=1):
        if count > max_elements:
            raise UnwallError(
                errors.TOO_COMPLEX,
                f"The page has more than {max_elements} elements.",
                413,
            )
    return root
