"""Plain text of an article: the body as blocks, word counts, the text format.

The body walk keeps its own stack instead of recursing, so no tree shape can
exhaust Python's recursion limit.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from lxml.html import HtmlElement

from unwall.model import Article
from unwall.rules import reading_speeds
from unwall.writing_systems import CHINESE_AND_JAPANESE, KANA

# Elements whose text is never article prose.
# Ruby annotations ('rt', 'rp') are shown apart from the text they annotate: read
# inline they double the word ('子こども').
SKIPPED_TAGS = frozenset(
    {"script", "style", "template", "noscript", "head", "title", "iframe", "object", "rt", "rp"}
)

# Elements that end the running paragraph and start a new block.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center",
        "details", "dialog", "div", "fieldset", "figcaption", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
        "html", "legend", "main", "nav", "p", "search", "section", "summary",
    }
)  # fmt: skip
LIST_TAGS = frozenset({"ul", "ol", "menu", "dir"})
GROUP_TAGS = LIST_TAGS | {"table", "dl"}
LINE_TAGS = frozenset({"li", "tr", "dt", "dd"})
CELL_TAGS = frozenset({"td", "th"})

# HTML collapses only ASCII whitespace; a no-break space is meant to stay.
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip

# Ideographs, kana and their compatibility forms: scripts written without
# spaces, where one character is the closest thing to a word. Hangul is left
# out on purpose, since Korean separates words with spaces.
_CJK_CHAR = re.compile(f"[{CHINESE_AND_JAPANESE}]")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")

_BREAK = None  # a <br> in the running text; kept apart from source newlines


def collapse_space(text: str) -> str:
    return _HTML_SPACE.sub(" ", text).strip()


def tag_of(node: HtmlElement) -> str | None:
    """The lower-case tag name, or None for comments and processing instructions."""
    tag = node.tag
    return tag.lower() if isinstance(tag, str) else None


def preformatted_text(pre: HtmlElement) -> str:
    """The text of a <pre> as a browser shows it: verbatim, <br> as a newline."""
    parts: list[str] = []
    stack: list[tuple[HtmlElement, bool]] = [(pre, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            if node is not pre and node.tail:
                parts.append(node.tail)
            continue
        stack.append((node, True))
        tag = tag_of(node)
        if tag is None or tag in SKIPPED_TAGS:
            continue
        if tag == "br":
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        stack.extend((child, False) for child in reversed(node))
    # Browsers drop the newline right after <pre>; trailing space is never content.
    return "".join(parts).lstrip("\n").rstrip()


@dataclass
class _Line:
    """An open <li>, <tr>, <dt> or <dd>: text gathers here until it closes."""

    indent: str
    marker: str
    cells: int = 0
    started: bool = False


@dataclass
class _List:
    ordered: bool
    counter: int = 1


@dataclass
class _Writer:
    blocks: list[tuple[str, int | None]] = field(default_factory=list)
    running: list[str | None] = field(default_factory=list)
    lines: list[_Line] = field(default_factory=list)
    lists: list[_List] = field(default_factory=list)
    # Nesting of the mode-changing elements, innermost last: "line" or "group".
    modes: list[str] = field(default_factory=list)
    group: int | None = None
    groups_seen: int = 0
    group_depth: int = 0

    def add_text(self, text: str | None) -> None:
        if text:
            self.running.append(text)

    def flush(self) -> None:
        """End the running text: it becomes a block, or a line of a list or table."""
        segments = _segments(self.running)
        self.running.clear()
        if not segments:
            return
        line = self.lines[-1] if self.modes and self.modes[-1] == "line" else None
        if line is None:
            indent = "  " * max(len(self.lists) - 1, 0) if self.group else ""
            self.blocks.append(("\n".join(indent + s for s in segments), self.group))
            return
        hang = line.indent + " " * len(line.marker)
        first = hang if line.started else line.indent + line.marker
        line.started = True
        rest = [hang + s for s in segments[1:]]
        self.blocks.append(("\n".join([first + segments[0], *rest]), self.group))

    def add_block(self, text: str) -> None:
        if text:
            self.blocks.append((text, None))

    def open_group(self, tag: str) -> None:
        self.flush()
        if self.group is None:
            self.groups_seen += 1
            self.group = self.groups_seen
        self.group_depth += 1
        self.modes.append("group")
        if tag in LIST_TAGS:
            self.lists.append(_List(ordered=tag == "ol"))

    def close_group(self, tag: str) -> None:
        self.flush()
        self.modes.pop()
        self.group_depth -= 1
        if self.group_depth == 0:
            self.group = None
        if tag in LIST_TAGS:
            self.lists.pop()

    def open_line(self, node: HtmlElement, tag: str) -> None:
        self.flush()
        indent = "  " * max(len(self.lists) - 1, 0)
        marker = ""
        if tag == "li":
            marker = self._item_marker(node)
        elif tag == "dd":
            indent += "  "
        self.lines.append(_Line(indent=indent, marker=marker))
        self.modes.append("line")

    def close_line(self) -> None:
        self.flush()
        self.modes.pop()
        self.lines.pop()

    def open_cell(self) -> None:
        line = self.lines[-1] if self.lines else None
        if line is None:
            return
        if line.cells:
            self.running.append(" | ")
        line.cells += 1

    def soft_break(self) -> None:
        """A block inside a list item or cell: a space, so its words stay apart."""
        self.running.append(" ")

    def _item_marker(self, node: HtmlElement) -> str:
        if not self.lists:
            return "- "
        current = self.lists[-1]
        if not current.ordered:
            return "- "
        value = int_attr(node, "value")
        if value is not None:
            current.counter = value
        marker = f"{current.counter}. "
        current.counter += 1
        return marker

    def text(self) -> str:
        out: list[str] = []
        previous_group: int | None = None
        for index, (block, group) in enumerate(self.blocks):
            if index:
                tight = group is not None and group == previous_group
                out.append("\n" if tight else "\n\n")
            out.append(block)
            previous_group = group
        return "".join(out)


def _segments(running: list[str | None]) -> list[str]:
    """Running text split at <br>, each piece collapsed, empty pieces dropped."""
    segments: list[str] = []
    current: list[str] = []
    for piece in [*running, _BREAK]:
        if piece is _BREAK:
            line = collapse_space("".join(current)).strip()
            if line:
                segments.append(line)
            current = []
        else:
            current.append(piece)
    return segments


def int_attr(node: HtmlElement, name: str) -> int | None:
    try:
        return int(node.get(name, "").strip())
    except ValueError:
        return None


def content_to_text(content: HtmlElement) -> str:
    """Plain text of an article body: one blank line between blocks, list items
    and table rows on lines of their own, <pre> kept verbatim."""
    writer = _Writer()
    pre_depth = 0
    stack: list[tuple[HtmlElement, bool]] = [(content, False)]
    while stack:
        node, leaving = stack.pop()
        tag = tag_of(node)
        if leaving:
            if tag == "pre":
                pre_depth -= 1
                if pre_depth == 0:
                    writer.add_block(preformatted_text(node))
            elif pre_depth == 0 and tag is not None:
                _close(writer, node, tag)
            if node is not content and pre_depth == 0:
                writer.add_text(node.tail)
            continue
        stack.append((node, True))
        if tag is None or tag in SKIPPED_TAGS:
            continue
        if pre_depth:
            # The outermost <pre> reads its whole subtree itself when it closes.
            pre_depth += tag == "pre"
            stack.extend((child, False) for child in reversed(node))
            continue
        if tag == "pre":
            writer.flush()
            pre_depth = 1
            stack.extend((child, False) for child in reversed(node))
            continue
        _open(writer, node, tag)
        writer.add_text(node.text)
        stack.extend((child, False) for child in reversed(node))
    writer.flush()
    return writer.text()


def _open(writer: _Writer, node: HtmlElement, tag: str) -> None:
    if tag in GROUP_TAGS:
        writer.open_group(tag)
        if tag == "ol":
            start = int_attr(node, "start")
            writer.lists[-1].counter = 1 if start is None else start
    elif tag in LINE_TAGS:
        writer.open_line(node, tag)
    elif tag in CELL_TAGS:
        writer.open_cell()
    elif tag == "br":
        writer.running.append(_BREAK)
    elif tag in BLOCK_TAGS:
        if writer.modes and writer.modes[-1] == "line":
            writer.soft_break()
        else:
            writer.flush()


def _close(writer: _Writer, node: HtmlElement, tag: str) -> None:
    if tag in GROUP_TAGS:
        writer.close_group(tag)
    elif tag in LINE_TAGS:
        writer.close_line()
    elif tag in CELL_TAGS:
        writer.soft_break()
    elif tag in BLOCK_TAGS:
        if writer.modes and writer.modes[-1] == "line":
            writer.soft_break()
        else:
            writer.flush()


def word_count(text: str) -> int:
    """Words in `text`; in Chinese and Japanese each ideograph or kana counts as one."""
    cjk = len(_CJK_CHAR.findall(text))
    rest = _CJK_CHAR.sub(" ", text) if cjk else text
    # Tokens of punctuation only ("—", "|", "·") are not words.
    return cjk + sum(1 for token in rest.split() if _LETTER_OR_DIGIT.search(token))


def reading_time_minutes(text: str, lang: str | None = None, words: int | None = None) -> int:
    """Minutes a reader of the page's language takes to read `text`, at the
    speeds measured for it (languages.json's reading_speeds): words a minute,
    ideographs and kana a minute. Japanese reads faster than Chinese by
    character, German slower than English by word. `words`: `word_count(text)`,
    when the caller has it."""
    characters = 0 if text.isascii() else len(_CJK_CHAR.findall(text))
    words = (word_count(text) if words is None else words) - characters
    if words + characters <= 0:
        return 0
    speeds = reading_speeds()
    language = (lang or "").split("-")[0].lower()
    minutes = words / speeds.words_per_minute.get(language, speeds.default_words_per_minute)
    if characters:
        # A page that names no such language is Japanese if it holds kana.
        script_language = (
            language if language in speeds.characters_per_minute else "ja" if _KANA.search(text) else "zh"
        )
        minutes += characters / speeds.characters_per_minute.get(
            script_language, speeds.default_characters_per_minute
        )
    return max(1, math.ceil(minutes))


_KANA = re.compile(f"[{KANA}]")


def parse_date(value: str | None) -> date | datetime | None:
    """An ISO 8601 date or date-time, or None when `value` is not one."""
    if not value:
        return None
    cleaned = value.strip()
    try:
        if len(cleaned) <= 10:
            return date.fromisoformat(cleaned)
        return datetime.fromisoformat(cleaned)
    except ValueError:
        return None


def format_date(value: str | None) -> str:
    """ "28 November 2026" for an ISO date, else the value as given. Month names
    are spelled out here because strftime("%B") follows the process locale."""
    parsed = parse_date(value)
    if parsed is None:
        return (value or "").strip()
    return f"{parsed.day} {_MONTHS[parsed.month - 1]} {parsed.year}"


def shown_byline(article: Article) -> str:
    """The byline the result shows beside the site's name: none when the
    site signs with its own name ('Gazeta Telegraf', '週刊アスキー'), which
    is named once, as the site."""
    byline = collapse_space(article.byline or "")
    return "" if byline.casefold() == collapse_space(article.site_name or "").casefold() else byline


def meta_line_parts(article: Article) -> list[str]:
    """Byline, date and site, each once."""
    parts = (shown_byline(article), collapse_space(format_date(article.published)), article.site_name)
    return [collapse_space(part) for part in parts if part and part.strip()]


def render_text(article: Article) -> str:
    """The plain-text result: title, a meta line, the URL, a blank line, the body."""
    header = [collapse_space(article.title)]
    meta = meta_line_parts(article)
    if meta:
        header.append(" · ".join(meta))
    if article.url and article.url.strip():
        header.append(article.url.strip())
    head = "\n".join(line for line in header if line)
    body = article.text.strip("\n")
    if not body:
        return head + "\n" if head else ""
    return (head + "\n\n" + body + "\n") if head else body + "\n"
