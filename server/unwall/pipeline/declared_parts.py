"""Stage 4, extract: the parts of the article the page declares in its markup
and readability left out.

readability scores paragraphs; a recipe's ingredients and steps are lists,
often without a single <p> (15gram's <li itemprop="recipeIngredient">), or in
a box beside the one readability chose (Recipe.com's hRecipe ingredients): the
reader view showed a recipe's introduction and no recipe. What schema.org
microdata or a microformat names a part of the page's one work is the
article's, and is put back in the page's order, with the label over it.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree
from lxml.html import HtmlElement

from unwall.pipeline.extract import drop_hidden, lies_within
from unwall.pipeline.normalize import is_hidden
from unwall.rules import ArticleParts

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LISTS = frozenset({"ul", "ol"})
# The blocks a part is put back before: the first of them that the page shows after it.
_BLOCKS = frozenset(
    {"p", "div", "section", "ul", "ol", "dl", "table", "figure", "blockquote", "pre", *_HEADINGS}
)
# A label over a part ('Ingredients', 'Zutaten für 4 Personen') is a few words, not a sentence.
MAX_LABEL_CHARS = 60
# A part whose words the article shows this much of is there already: a list an
# introduction names an ingredient or two of ('olive oil') is not.
MAX_SHOWN_SHARE = 0.5
_SENTENCE_ENDS = (".", "!", "?", "。", "！", "？")


@dataclass(frozen=True)
class _Part:
    block: HtmlElement  # the list or box the marked elements sit in
    items: tuple[HtmlElement, ...]  # the marked elements


def restore_declared_parts(content: HtmlElement, root: HtmlElement, marks: ArticleParts) -> None:
    """Puts back into `content` the parts of the page's one declared work
    (marked in `root`) that it shows less than half of."""
    marked = _marked_elements(root, marks)
    if not marked:
        return
    scopes = {_scope_of(element, marks) for element in marked}
    if len(scopes) != 1 or None in scopes:
        return  # several works (a list of recipes), or a part outside any
    scope = scopes.pop()
    assert scope is not None
    if not lies_within(content, _words(scope.text_content())):
        return  # readability chose something other than that work
    shown = _words(content.text_content())
    for part in _parts(marked, scope):
        if _shown_share(part, shown) >= MAX_SHOWN_SHARE:
            continue  # readability kept it: nothing is doubled
        label = _label_of(part.block, scope)
        pieces = [copy.deepcopy(element) for element in (label, part.block) if element is not None]
        for piece in pieces:
            drop_hidden(piece)  # as readability's copy of the page was
        if label is not None and pieces[0].tag not in _HEADINGS:
            pieces[0].tag = "h3"
            pieces[0].attrib.clear()
        _insert_in_page_order(content, pieces, part.block.sourceline)


def _marked_elements(root: HtmlElement, marks: ArticleParts) -> list[HtmlElement]:
    found = []
    # libxml2 lists the few elements with a property or a class that may name a
    # part, in the page's order; walking every element of a large page in
    # Python cost a millisecond.
    for element in _candidates_xpath(marks.part_classes)(root):
        properties = (element.get("itemprop") or "").split()
        classes = (element.get("class") or "").lower().split()
        is_marked = any(name in marks.itemprops for name in properties) or any(
            name in marks.part_classes for name in classes
        )
        if is_marked and not is_hidden(element) and _words(element.text_content()):
            found.append(element)
    return found


@lru_cache(maxsize=4)
def _candidates_xpath(part_classes: frozenset[str]) -> etree.XPath:
    """The elements with a property, and those whose class attribute holds
    one of the names as a part of a word or whole (the names are compared after)."""
    named = " or ".join(f"contains(@class, '{name}')" for name in sorted(part_classes))
    return etree.XPath(f"//*[@itemprop] | //*[@class][{named}]" if named else "//*[@itemprop]")


def _scope_of(element: HtmlElement, marks: ArticleParts) -> HtmlElement | None:
    """The work a marked element is part of: its microdata item, or its microformat's root."""
    if element.get("itemprop"):
        return next((a for a in element.iterancestors() if a.get("itemscope") is not None), None)
    return next(
        (
            a
            for a in element.iterancestors()
            if any(name in marks.root_classes for name in (a.get("class") or "").lower().split())
        ),
        None,
    )


def _shown_share(part: _Part, shown: str) -> float:
    """How much of the part's text the article shows, read line by line (a
    marked box may hold the whole recipe, its headings and lists apart)."""
    lines = [line for item in part.items for line in map(_words, item.itertext()) if line]
    total = sum(map(len, lines))
    return sum(len(line) for line in lines if line in shown) / total if total else 1.0


def _parts(marked: list[HtmlElement], scope: HtmlElement) -> list[_Part]:
    """The marked elements grouped by the list they are items of (an
    ingredient marked on its <li>, or on a <span> inside it); a marked
    element in no list is a part of its own."""
    blocks: dict[HtmlElement, list[HtmlElement]] = {}
    for element in marked:
        block = next(
            (a for a in element.iterancestors() if a.tag in _LISTS and scope in a.iterancestors()),
            element,
        )
        blocks.setdefault(block, []).append(element)
    outermost = [
        _Part(block, tuple(items))
        for block, items in blocks.items()
        if not any(ancestor in blocks for ancestor in block.iterancestors())
    ]
    return outermost


def _label_of(block: HtmlElement, scope: HtmlElement) -> HtmlElement | None:
    """The heading or short line right before the part, in its box or a box
    around it that holds nothing else before it."""
    element = block
    while element is not scope and element.getparent() is not None:
        before = element.getprevious()
        while before is not None and (not isinstance(before.tag, str) or not _words(before.text_content())):
            before = before.getprevious()
        if before is not None:
            return before if _is_label(before) else None
        element = element.getparent()
    return None


def _is_label(element: HtmlElement) -> bool:
    if element.tag in _HEADINGS:
        return True
    text = _words(element.text_content())
    return (
        len(text) <= MAX_LABEL_CHARS
        and not text.endswith(_SENTENCE_ENDS)
        and element.find(".//a") is None
        and not any(child.tag in _BLOCKS for child in element.iterdescendants() if isinstance(child.tag, str))
    )


def _insert_in_page_order(content: HtmlElement, pieces: list[HtmlElement], line: int | None) -> None:
    """Before the first block of `content` that the page shows after `line`
    (each element keeps the line it was parsed on); at the end when none is,
    or the page gave no lines."""
    following = _first_block_after(content, line) if line is not None else None
    for piece in pieces:
        if following is not None:
            following.addprevious(piece)
        else:
            content.append(piece)


def _first_block_after(content: HtmlElement, line: int) -> HtmlElement | None:
    for element in content.iterdescendants():
        if not isinstance(element.tag, str) or element.tag not in _BLOCKS:
            continue
        if element.sourceline is not None and element.sourceline > line:
            return element
    return None


def _words(text: str) -> str:
    return " ".join(text.split())
