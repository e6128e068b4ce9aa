"""An article as CommonMark with GitHub tables.

The converter recurses along the tree, but never deeper than `MAX_DEPTH`: below
that a subtree is rendered as its plain text, so hostile nesting cannot exhaust
Python's recursion limit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urljoin

from lxml.html import HtmlElement

from unwall.model import Article
from unwall.render.text import (
    BLOCK_TAGS,
    LIST_TAGS,
    SKIPPED_TAGS,
    collapse_space,
    int_attr,
    meta_line_parts,
    preformatted_text,
    tag_of,
)

MAX_DEPTH = 120

_SKIPPED = SKIPPED_TAGS | {
    "audio", "button", "canvas", "embed", "input", "select", "source", "svg",
    "textarea", "track", "video",
}  # fmt: skip
_BLOCKS = BLOCK_TAGS | LIST_TAGS | {
    "dd", "dl", "dt", "li", "pre", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr",
}  # fmt: skip
_STRONG = frozenset({"strong", "b"})
_EMPHASIS = frozenset({"em", "i", "cite", "dfn", "var"})
_STRIKE = frozenset({"del", "s", "strike"})
_CODE = frozenset({"code", "kbd", "samp", "tt"})
_HEADINGS = {f"h{level}": level for level in range(1, 7)}

_LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel", "ftp"})
_IMAGE_SCHEMES = frozenset({"http", "https"})
_DATA_IMAGE = re.compile(r"data:image/(png|gif|jpe?g|webp|avif|bmp)[;,]", re.I)
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
# What a browser strips from both ends of a URL, and removes inside it.
_URL_EDGE = "".join(chr(code) for code in range(0x21))
_URL_INNER_STRIPPED = re.compile(r"[\t\n\r]")
_URL_ENCODED = re.compile(r"[\x00-\x20\x7f<>\\]")
_ENTITY_LIKE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")

_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_SPACE_RUN = re.compile(r" {2,}")
# Inline markup characters. An underscore between two letters or digits is
# left alone: CommonMark never reads it as emphasis, and snake_case stays legible.
_INLINE_SPECIAL = re.compile(
    r"[\\`*\[\]~]"
    r"|<(?=[A-Za-z/!?])"
    r"|&(?=#?[A-Za-z0-9]+;)"
    r"|(?<![^\W_])_|_(?![^\W_])"
)
# Text at the start of a line that would open a block construct.
_LINE_START = (
    (re.compile(r"^(#{1,6})(?=\s|$)"), r"\\\1"),
    (re.compile(r"^>"), r"\\>"),
    (re.compile(r"^([-+])(?=\s|$)"), r"\\\1"),
    (re.compile(r"^(\d{1,9})([.)])(?=\s|$)"), r"\1\\\2"),
    (re.compile(r"^(?=-{2,}\s*$|=+\s*$)"), r"\\"),
)
_BACKTICKS = re.compile(r"`+")
_LANGUAGE = re.compile(r"\b(?:language|lang)-([A-Za-z0-9_+#.\-]+)")

Kind = Literal["para", "list", "other"]


@dataclass(frozen=True)
class _Block:
    kind: Kind
    text: str


def render_markdown(article: Article, content: HtmlElement) -> str:
    """`article` as Markdown: title, meta line, source link, lead image, body."""
    base = article.url if article.url and _is_web_url(article.url) else None
    converter = _Converter(base)
    parts: list[str] = []
    title = _heading_text(escape_inline(collapse_space(article.title)))
    if title:
        parts.append(f"# {title}")
    meta = [escape_inline(part) for part in meta_line_parts(article)]
    if meta:
        parts.append(_wrap(" · ".join(meta), "*"))
    if base:
        parts.append(f"[Original article]({_destination(base)})")
    lead = article.lead_image
    if lead and not _body_shows(content, lead.url, base):
        image = converter.image(lead.url, lead.alt)
        if image:
            parts.append(image)
            caption = escape_inline(collapse_space(lead.caption))
            if caption:
                parts.append(_wrap(caption, "*"))
    parts.extend(block.text for block in converter.blocks(content, 0))
    return "\n\n".join(part.strip("\n") for part in parts if part.strip()) + "\n"


def escape_inline(text: str) -> str:
    return _INLINE_SPECIAL.sub(lambda match: "\\" + match.group(0), text)


def _escape_line_start(line: str) -> str:
    for pattern, replacement in _LINE_START:
        line = pattern.sub(replacement, line, count=1)
    return line


def _paragraph(raw: str) -> str:
    """Inline Markdown with "\\n" for each <br>, as one or more paragraphs."""
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in raw.split("\n"):
        line = _SPACE_RUN.sub(" ", line).strip()
        if line:
            current.append(_escape_line_start(line))
        elif current:
            # Two <br> in a row read as a paragraph break.
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return "\n\n".join("  \n".join(lines) for lines in paragraphs)


def _single_line(raw: str) -> str:
    return _SPACE_RUN.sub(" ", raw.replace("\n", " ")).strip()


def _heading_text(text: str) -> str:
    text = _single_line(text)
    # A trailing "#" run would be read as the heading's closing sequence.
    return text[:-1] + "\\#" if text.endswith("#") else text


def _wrap(inner: str, mark: str) -> str:
    """Emphasis markers hug the text: CommonMark ignores "** x**"."""
    core = inner.strip()
    if not core:
        return inner
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()) :]
    return f"{lead}{mark}{core}{mark}{trail}"


def _code_span(text: str) -> str:
    text = collapse_space(text)
    if not text:
        return ""
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _fenced(pre: HtmlElement) -> _Block | None:
    code = preformatted_text(pre)
    if not code.strip():
        return None
    longest = max((len(run) for run in _BACKTICKS.findall(code)), default=0)
    fence = "`" * max(3, longest + 1)
    return _Block("other", f"{fence}{_language(pre)}\n{code}\n{fence}")


def _language(pre: HtmlElement) -> str:
    for node in (pre, *pre.iterchildren("code")):
        match = _LANGUAGE.search(node.get("class", ""))
        if match:
            return match.group(1)
    return ""


def _is_web_url(url: str) -> bool:
    match = _SCHEME.match(url.strip(_URL_EDGE))
    return match is not None and match.group(1).lower() in {"http", "https"}


def _clean_url(raw: str | None, base: str | None) -> str | None:
    if not raw:
        return None
    url = _URL_INNER_STRIPPED.sub("", raw.strip(_URL_EDGE))
    if not url:
        return None
    if base and not _SCHEME.match(url):
        url = urljoin(base, url)
    return url


def safe_link(raw: str | None, base: str | None) -> str | None:
    """The URL when it may be a link target; None for javascript:, data: and kin."""
    url = _clean_url(raw, base)
    if url is None:
        return None
    match = _SCHEME.match(url)
    if match and match.group(1).lower() not in _LINK_SCHEMES:
        return None
    return url


def safe_image(raw: str | None, base: str | None) -> str | None:
    url = _clean_url(raw, base)
    if url is None:
        return None
    match = _SCHEME.match(url)
    if match is None or match.group(1).lower() in _IMAGE_SCHEMES:
        return url
    return url if _DATA_IMAGE.match(url) else None


def _destination(url: str) -> str:
    """A URL as a Markdown link destination that reads back as the same URL."""
    url = _URL_ENCODED.sub(lambda match: f"%{ord(match.group(0)):02X}", url)
    url = _ENTITY_LIKE.sub(r"\\&", url)
    return url.replace("(", "\\(").replace(")", "\\)")


def _body_shows(content: HtmlElement, image_url: str, base: str | None) -> bool:
    wanted = _clean_url(image_url, base)
    return any(_clean_url(img.get("src"), base) == wanted for img in content.iter("img"))


class _Converter:
    def __init__(self, base: str | None) -> None:
        self.base = base
        self.in_link = False
        self.strong = 0
        self.emphasis = 0

    # Blocks ---------------------------------------------------------------

    def blocks(self, node: HtmlElement, depth: int) -> list[_Block]:
        """The Markdown blocks of `node`'s children, loose text as paragraphs."""
        out: list[_Block] = []
        running: list[str] = [_text(node.text)]
        for child in node:
            tag = tag_of(child)
            if tag is not None and tag not in _SKIPPED:
                if tag in _BLOCKS:
                    _flush(running, out)
                    out.extend(self.block(child, tag, depth + 1))
                else:
                    running.append(self.inline(child, tag, depth + 1))
            running.append(_text(child.tail))
        _flush(running, out)
        return out

    def block(self, node: HtmlElement, tag: str, depth: int) -> list[_Block]:
        if depth > MAX_DEPTH:
            text = _paragraph(escape_inline(collapse_space(node.text_content())))
            return [_Block("para", text)] if text else []
        if tag in _HEADINGS:
            text = _heading_text(self.inline_children(node, depth))
            return [_Block("other", "#" * _HEADINGS[tag] + " " + text)] if text else []
        if tag in LIST_TAGS:
            return self.list_block(node, tag, depth)
        if tag == "li":
            return self.list_items([node], ordered=False, start=1, depth=depth)
        if tag == "pre":
            fenced = _fenced(node)
            return [fenced] if fenced else []
        if tag == "blockquote":
            return self.quote(node, depth)
        if tag == "table":
            return self.table(node, depth)
        if tag == "hr":
            return [_Block("other", "---")]
        if tag in {"figcaption", "caption"}:
            text = _paragraph(_wrap(self.inline_children(node, depth), "*"))
            return [_Block("para", text)] if text else []
        if tag == "dt":
            text = _paragraph(_wrap(self.inline_children(node, depth), "**"))
            return [_Block("para", text)] if text else []
        return self.blocks(node, depth)

    def list_block(self, node: HtmlElement, tag: str, depth: int) -> list[_Block]:
        items: list[HtmlElement] = []
        for child in node:
            child_tag = tag_of(child)
            if child_tag is not None and child_tag not in _SKIPPED:
                items.append(child)
        ordered = tag == "ol"
        start = int_attr(node, "start") if ordered else None
        return self.list_items(items, ordered, 1 if start is None else start, depth)

    def list_items(self, items: list[HtmlElement], ordered: bool, start: int, depth: int) -> list[_Block]:
        rendered: list[tuple[str, list[_Block]]] = []
        number = start
        for item in items:
            tag = tag_of(item)
            if tag in LIST_TAGS and rendered:
                # <ul><li>a</li><ul>…</ul></ul>: the stray list belongs to "a".
                rendered[-1][1].extend(self.block(item, tag or "", depth + 1))
                continue
            if ordered:
                value = int_attr(item, "value")
                number = number if value is None else value
            marker = f"{number}. " if ordered else "- "
            number += 1
            content = self.blocks(item, depth + 1) if tag == "li" else self.block(item, tag or "", depth + 1)
            if content:
                rendered.append((marker, content))
        if not rendered:
            return []
        loose = any(not _is_tight(content) for _, content in rendered)
        texts = [_list_item(marker, content) for marker, content in rendered]
        # Only a bullet list or one starting at 1 may interrupt a paragraph.
        kind: Kind = "list" if not ordered or start == 1 else "other"
        return [_Block(kind, ("\n\n" if loose else "\n").join(texts))]

    def quote(self, node: HtmlElement, depth: int) -> list[_Block]:
        inner = "\n\n".join(block.text for block in self.blocks(node, depth))
        if not inner:
            return []
        lines = [f"> {line}" if line else ">" for line in inner.split("\n")]
        return [_Block("other", "\n".join(lines))]

    def table(self, node: HtmlElement, depth: int) -> list[_Block]:
        out: list[_Block] = []
        for caption in node.iterchildren("caption"):
            out.extend(self.block(caption, "caption", depth + 1))
        rows = list(_table_rows(node))
        if _is_layout_table(node, rows):
            for row in rows:
                for cell in row:
                    out.extend(self.blocks(cell, depth + 2))
            return out
        grid = [self.table_row(row, depth + 2) for row in rows]
        grid = [cells for cells in grid if any(cells)]
        if not grid:
            return out
        width = max(len(cells) for cells in grid)
        lines = [_pipe_row(cells + [""] * (width - len(cells))) for cells in grid]
        lines.insert(1, _pipe_row(["---"] * width))
        out.append(_Block("other", "\n".join(lines)))
        return out

    def table_row(self, cells: list[HtmlElement], depth: int) -> list[str]:
        row: list[str] = []
        for cell in cells:
            text = _single_line(self.inline_children(cell, depth))
            row.append(text.replace("|", "\\|"))
            span = int_attr(cell, "colspan") or 1
            row.extend([""] * (min(span, 50) - 1))
        return row

    # Inline ---------------------------------------------------------------

    def inline_children(self, node: HtmlElement, depth: int) -> str:
        parts = [_text(node.text)]
        for child in node:
            tag = tag_of(child)
            if tag is not None and tag not in _SKIPPED:
                inline = self.inline(child, tag, depth + 1)
                # A block inside inline content still separates words.
                parts.append(f" {inline} " if tag in _BLOCKS else inline)
            parts.append(_text(child.tail))
        return "".join(parts)

    def inline(self, node: HtmlElement, tag: str, depth: int) -> str:
        if depth > MAX_DEPTH:
            return _text(node.text_content())
        if tag == "br":
            return "\n"
        if tag == "img":
            return self.image(node.get("src"), node.get("alt", ""))
        if tag in _CODE:
            return _code_span(node.text_content())
        if tag == "a":
            return self.link(node, depth)
        if tag in _STRONG and not self.strong:
            self.strong += 1
            try:
                return _wrap(self.inline_children(node, depth), "**")
            finally:
                self.strong -= 1
        if tag in _EMPHASIS and not self.emphasis:
            self.emphasis += 1
            try:
                return _wrap(self.inline_children(node, depth), "*")
            finally:
                self.emphasis -= 1
        if tag in _STRIKE:
            return _wrap(self.inline_children(node, depth), "~~")
        return self.inline_children(node, depth)

    def link(self, node: HtmlElement, depth: int) -> str:
        href = None if self.in_link else safe_link(node.get("href"), self.base)
        if href is None:
            return self.inline_children(node, depth)
        self.in_link = True
        try:
            label = self.inline_children(node, depth).replace("\n", " ")
        finally:
            self.in_link = False
        core = _single_line(label)
        if not core:
            return label
        lead = " " if label[:1].isspace() else ""
        trail = " " if label[-1:].isspace() else ""
        return f"{lead}[{core}]({_destination(href)}){trail}"

    def image(self, src: str | None, alt: str | None) -> str:
        url = safe_image(src, self.base)
        label = escape_inline(collapse_space(alt or ""))
        if url is None:
            return label
        return f"![{label}]({_destination(url)})"


def _text(text: str | None) -> str:
    return escape_inline(_HTML_SPACE.sub(" ", text)) if text else ""


def _flush(running: list[str], out: list[_Block]) -> None:
    text = _paragraph("".join(running))
    running.clear()
    if text:
        out.append(_Block("para", text))


def _is_tight(content: list[_Block]) -> bool:
    """One paragraph, optionally followed by sub-lists, fits a tight list item:
    a sub-list may interrupt a paragraph, other blocks may not."""
    return all(
        block.kind == "list" or (index == 0 and block.kind == "para") for index, block in enumerate(content)
    )


def _list_item(marker: str, content: list[_Block]) -> str:
    joiner = "\n" if _is_tight(content) else "\n\n"
    lines = joiner.join(block.text for block in content).split("\n")
    hang = " " * len(marker)
    rest = [hang + line if line else "" for line in lines[1:]]
    return "\n".join([marker + lines[0], *rest])


def _table_rows(table: HtmlElement) -> list[list[HtmlElement]]:
    rows: list[list[HtmlElement]] = []
    for child in table:
        tag = tag_of(child)
        if tag in {"thead", "tbody", "tfoot"}:
            rows.extend(_cells(row) for row in child.iterchildren("tr"))
        elif tag == "tr":
            rows.append(_cells(child))
    return rows


def _cells(row: HtmlElement) -> list[HtmlElement]:
    return [cell for cell in row if tag_of(cell) in {"td", "th"}]


def _is_layout_table(table: HtmlElement, rows: list[list[HtmlElement]]) -> bool:
    """A one-column table, or one holding tables, lays out a page; it is not data."""
    if all(len(cells) <= 1 for cells in rows):
        return True
    return any(next(cell.iter("table"), None) is not None for cells in rows for cell in cells)


def _pipe_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"
