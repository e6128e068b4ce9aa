"""Stage 6, sanitize: what leaves Unwall cannot run code.

Two layers: the tree is cut down to an allow-list (so Markdown and text, made
from the tree, carry no dangerous link either), then the serialized HTML goes
through nh3 (Rust's ammonia), a maintained sanitizer, as the last word.
"""

from __future__ import annotations

import html
from urllib.parse import urlsplit

import lxml.html
import nh3
from lxml.html import HtmlElement

ALLOWED_TAGS: frozenset[str] = frozenset(
    (
        "a abbr b blockquote br caption cite code dd del details dfn div dl dt em figcaption "
        "figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp small span strong "
        "sub summary sup table tbody td tfoot th thead time tr u ul var wbr section article aside "
        "header footer main picture bdi bdo"
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
_CLASS_VALUES = frozenset({"unwall-embed"})


def is_safe_url(url: str) -> bool:
    url = url.strip()
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
    for element in reversed(list(content.iter())):
        if element is content:
            continue
        if not isinstance(element.tag, str):  # comments, processing instructions
            element.drop_tree()
            continue
        tag = element.tag.lower()
        if tag in DROP_WITH_CONTENT:
            element.drop_tree()
            continue
        if tag not in ALLOWED_TAGS:
            element.drop_tag()
            continue
        _clean_attributes(element, tag)
        if tag == "img" and not element.get("src"):
            element.drop_tree()
    content.attrib.clear()


def _clean_attributes(element: HtmlElement, tag: str) -> None:
    allowed = ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(tag, set())
    for name in list(element.attrib):
        value = element.attrib[name]
        if (
            name not in allowed
            or (name in URL_ATTRIBUTES and not is_safe_url(value))
            or (name == "src" and not value.strip().lower().startswith(("http://", "https://")))
            or (name == "class" and value not in _CLASS_VALUES)
        ):
            del element.attrib[name]


def sanitize_html(html: str) -> str:
    """The serialized body through nh3, with the same allow-list."""
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
    if attribute == "src" and not value.strip().lower().startswith(("http://", "https://")):
        return None
    return value


def serialize(content: HtmlElement) -> str:
    """The body's inner HTML (without the wrapping div)."""
    parts = [html.escape(content.text, quote=False)] if content.text else []
    parts.extend(lxml.html.tostring(child, encoding="unicode") for child in content)
    return "".join(parts)
