"""Stage 4, extract: find the article in the stripped tree with readability-lxml,
then repair what it is known to get wrong for a reader view.

readability-lxml works on our tree (no second parse) and hands back its
result as a tree (no serialize-and-reparse); see `_TreeDocument`.
"""

from __future__ import annotations

import copy
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lxml import etree
from lxml.etree import tostring, tounicode
from lxml.html import HtmlElement, fragment_fromstring
from readability import Document
from readability.readability import REGEXES, Unparseable

from unwall import errors
from unwall.errors import UnwallError
from unwall.pipeline.embeds import is_embed_line
from unwall.pipeline.language import approximate_words
from unwall.pipeline.normalize import (
    EMAIL_ADDRESS,
    NOT_A_PHOTO,
    WORD_RUN,
    comparable_words,
    declared_at_most,
    int_attribute,
    is_hidden,
    is_picture_file_name,
    lines_between_breaks,
    links_elsewhere,
    url_path,
)
from unwall.rules import element_name_runs, line_label_form, load_rules

# readability-lxml's `clean()`, the text its link density is measured on. Its
# three patterns each rescan every whitespace run, the middle one backtracking
# through indentation, and ran on every block's whole text: the largest cost of
# extraction. Their combined effect is per maximal whitespace run, so one scan
# that visits only runs a pattern could change (two or more characters, or one
# that is not a space) gives the same text: see `_cleaned_run`.
_CHANGEABLE_WHITESPACE = re.compile(r"\s{2,}|[^\S ]")
# readability's first step: a run this long becomes this many spaces.
_LONG_RUN = 255

# Below this much text (and without an image) there is no article to show.
MIN_ARTICLE_CHARS = 80

# readability falls back to the whole <body> when no block stands out. After
# stripping, a short body is the article itself (a note, a short post); a long
# one is a page of many things, and showing it all would not be a reader view.
# When the page marks its one article container, that container is the answer
# (an article written as text and <br>s, not paragraphs, has no block to score).
MAX_WHOLE_BODY_CHARS = 3000

# readability scores paragraphs, so an article written as lists (release notes,
# changelogs, link roundups) loses to one captioned figure inside it. When the
# page marks a single article container and readability's choice holds less than
# this share of its text, the container (already stripped of junk) is the article.
# Kept low: a choice of a fifth of the container is readability leaving out a
# gallery or a list of other stories, rightly.
MIN_SHARE_OF_ARTICLE_CONTAINER = 0.1
MIN_ARTICLE_CONTAINER_CHARS = 1000
ARTICLE_CONTAINER_XPATH = "//*[@itemprop='articleBody'] | //article"

# readability-lxml's cleaning drops any <div> with under 25 characters of text
# and no image: a two-line code sample in its wrapper <div>s (Sphinx and most
# static-site generators wrap them) goes with the empty shells it was meant to
# catch. Code is never junk.
# readability takes the best block's siblings only when they are paragraphs or
# score well themselves: a list, quote, code sample or table between two kept
# paragraphs is left out, and the text around it reads "your options are:" and
# then nothing. Between two kept siblings, these are the article's own flow.
ENCLOSED_FLOW_TAGS = frozenset(
    {"blockquote", "ul", "ol", "dl", "pre", "table", "figure", "h2", "h3", "h4", "h5", "h6"}
)
MAX_ENCLOSED_LINK_DENSITY = 0.5
MAX_ENCLOSED_SHARE = 0.5
# Text a figure's wrapper may hold besides the caption: a label such as "Image".
MAX_FIGURE_WRAPPER_TEXT_CHARS = 20
# A "read more" expander wraps the rest of an article in a box of its own, with
# the opening paragraphs outside it: readability takes the box's content and
# never sees them, because they are not its siblings. When what the wrapper
# holds besides the article is a button and an ad slot, the paragraphs right
# beside the wrapper are the article's too.
MAX_WRAPPER_LEFTOVER_CHARS = 100
# Readability.js's bonus for a sibling with the best candidate's class, and
# readability's bar for a sibling: this share of the best score, at least the floor.
SAME_CLASS_SIBLING_BONUS = 0.2
SIBLING_SCORE_SHARE = 0.2
SIBLING_SCORE_FLOOR = 10
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_ALL_HEADINGS = _HEADINGS | {"h1"}

# Readability.js's weight for a link within the page ("#section-2": a heading's
# permalink or back-reference, a footnote mark) against one that leads away.
IN_PAGE_LINK_WEIGHT = 0.3
# readability's test of a sibling paragraph: long with few links, or short with
# none and a full stop.
SIBLING_PARAGRAPH_CHARS = 80
MAX_SIBLING_PARAGRAPH_LINK_DENSITY = 0.25
_SENTENCE_END = re.compile(r"\.( |$)")
_NOT_IN_A_PARAGRAPH = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "article", "header", "footer", "table", "ul", "ol"}
)

# Elements that carry meaning even when empty of text.
_KEEP_EMPTY = frozenset({"img", "br", "hr", "td", "th", "picture", "source", "figure"})
_BLOCKS_THAT_MAY_EMPTY = (
    "p",
    "div",
    "span",
    "section",
    "li",
    "ul",
    "ol",
    "figure",
    "figcaption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "strong",
    "em",
    "b",
    "i",
    "blockquote",
    "header",
    "footer",
)


PROGRAMMING_ERRORS = (TypeError, AttributeError, NameError, KeyError, IndexError, AssertionError)
_LISTS = frozenset({"ul", "ol"})
_SCORED_TABLE_PARTS = frozenset({"tbody", "thead", "tfoot", "tr"})
_MEDIA_TAGS = frozenset({"figure", "figcaption", "picture", "img"})
# Whitespace, and the characters that show nothing: a paragraph of zero-width
# spaces (Naver's editor writes one between every two paragraphs) is empty.
INVISIBLE_CHARACTERS = " \t\n\r\f\v\xa0\u200b\u200c\u200d\u2060\ufeff\u3000"
# Smaller than this on a side, an image is an icon, a button or a pixel.
MIN_PICTURE_SIDE = 100


class _TreeDocument(Document):  # type: ignore[misc]
    """readability-lxml's `Document`, fed a tree and returning one.

    readability re-reads its input for a second, gentler pass when the first
    finds too little, and each pass changes the tree it reads: each gets a
    private copy, so the page's own tree stays as the page made it (for that
    retry, and for the declared article container afterwards). One copy on
    most pages, and no parsing at all.
    """

    def __init__(self, root: HtmlElement, url: str | None) -> None:
        super().__init__(root, url=None, min_text_length=25, retry_length=250)
        self._passes = 0
        self.extracted: HtmlElement | None = None
        self.fell_back_to_body = False
        self._merge_segments = True
        self._linked_section_headings: frozenset[HtmlElement] = frozenset()

    def _parse(self, input: HtmlElement) -> HtmlElement:
        self._passes += 1
        doc = copy.deepcopy(input)
        drop_hidden(doc)
        return doc

    def get_article(
        self,
        candidates: dict[HtmlElement, dict[str, object]],
        best_candidate: dict[str, object],
        html_partial: bool = False,
    ) -> HtmlElement:
        best_candidate = _fuller_candidate(candidates, best_candidate, self.class_weight)
        best_candidate = _inner_candidate(candidates, best_candidate, self.class_weight)
        best = best_candidate["elem"]
        assert isinstance(best, HtmlElement)
        cell = _dominant_cell(best, candidates, best_candidate) if best.tag == "tr" else None
        if cell is not None:
            # A layout row: the article's cell between the sidebars' (kath.net).
            best = cell
            best_candidate = candidates[cell]
        elif best.tag in _SCORED_TABLE_PARTS:
            # readability scores <td>s, so a long table's body can win: taken
            # alone, its rows lose their <table> and the text around the table
            # (a list article's introduction) is never looked at. The block
            # that holds the table is the article, as Readability.js finds.
            table = next(best.iterancestors("table"), None)
            holder = table.getparent() if table is not None else None
            if holder is not None and holder.tag not in {"body", "html"}:
                best = holder
                best_candidate = {**best_candidate, "elem": holder}
        # The only child of its box stands for the box (Readability.js does
        # so): the article's other parts may be the box's siblings, as a
        # CMS's content elements are, each in its own box (TYPO3's
        # div.csc-default around each pair of paragraphs on L-MAG).
        headed = _headed_section_of(best)
        climbed = headed if headed is not None else _box_standing_for(best, candidates, best_candidate)
        if climbed is not best:
            best = climbed
            best_candidate = {**best_candidate, "elem": climbed}
        parent = best.getparent()
        siblings = list(parent) if parent is not None else []
        _favour_siblings_named_alike(candidates, best_candidate)
        sections = _article_sections(candidates, best, best_candidate, headed=headed is not None)
        # The sections are the article's segments: readability must not also
        # merge pieces of them into its best block.
        self._merge_segments = sections is None
        media_beside = _media_beside_candidates(candidates)
        media_before = _media_before_wrapped_candidates(candidates)
        best_opening = best[0] if len(best) else None
        article: HtmlElement = super().get_article(candidates, best_candidate, html_partial)
        _bring_media_along(media_beside)
        _bring_wrapped_media_along(media_before, best, best_opening)
        if parent is not None:
            self._keep_sibling_paragraphs(article, parent, siblings)
            self._keep_enclosed_flow(article, parent, siblings)
            self._keep_paragraphs_beside_wrapper(article, parent)
        if sections is not None:
            sections.restore(article, best, best_opening)
        return article

    def merge_article_segments(
        self, candidates: dict[HtmlElement, dict[str, Any]], best_candidate: dict[str, Any], threshold: float
    ) -> None:
        if self._merge_segments:
            super().merge_article_segments(candidates, best_candidate, threshold)

    def _keep_paragraphs_beside_wrapper(self, article: HtmlElement, wrapper: HtmlElement) -> None:
        if wrapper.getparent() is None or len(_words(wrapper.text_content())) > MAX_WRAPPER_LEFTOVER_CHARS:
            return
        before = list(
            itertools.takewhile(self._is_outside_paragraph, _with_text(wrapper.itersiblings(preceding=True)))
        )
        after = list(itertools.takewhile(self._is_outside_paragraph, _with_text(wrapper.itersiblings())))
        for paragraph in before:
            article.insert(0, paragraph)
        for paragraph in after:
            article.append(paragraph)

    def _is_outside_paragraph(self, element: HtmlElement) -> bool:
        return element.tag == "p" and self._reads_as_paragraph(element)

    def _keep_sibling_paragraphs(
        self, article: HtmlElement, parent: HtmlElement, siblings: list[HtmlElement]
    ) -> None:
        # readability judges a sibling <p> by its text up to its first tag: "Using
        # Mercurial with <tt>evolve</tt> to share..." read as 21 characters with
        # no full stop, and the paragraph was left out. Judged on all its text,
        # as Readability.js does, in the page's order.
        restored = {
            sibling
            for sibling in siblings
            if sibling.getparent() is parent
            and (paragraph := _as_paragraph(sibling)) is not None
            and self._reads_as_paragraph(paragraph)
        }
        if not restored:
            return
        for sibling in siblings:
            if sibling.getparent() is article or sibling in restored:
                article.append(sibling)

    def _reads_as_paragraph(self, paragraph: HtmlElement) -> bool:
        # A <p> the parser let a headline and a dateline into is a header.
        if any(
            isinstance(node.tag, str) and node.tag in _NOT_IN_A_PARAGRAPH
            for node in paragraph.iterdescendants()
        ):
            return False
        text = readability_clean(paragraph.text_content() or "")
        link_density = self.get_link_density(paragraph)
        if len(text) > SIBLING_PARAGRAPH_CHARS:
            return link_density < MAX_SIBLING_PARAGRAPH_LINK_DENSITY
        return bool(text) and link_density == 0 and _SENTENCE_END.search(text) is not None

    def _keep_enclosed_flow(
        self, article: HtmlElement, parent: HtmlElement, siblings: list[HtmlElement]
    ) -> None:
        taken = [sibling.getparent() is article for sibling in siblings]
        if taken.count(True) < 2:
            return
        last_taken_index = max(index for index, was_taken in enumerate(taken) if was_taken)
        # A gallery or a list of other stories can sit between two parts of an
        # article too; what is restored stays small beside the article itself.
        max_restored_chars = MAX_ENCLOSED_SHARE * len(_words(article.text_content()))
        anchor: HtmlElement | None = None
        pending_heading: HtmlElement | None = None
        for index, sibling in enumerate(siblings[: last_taken_index + 1]):
            if taken[index]:
                if pending_heading is not None and anchor is not None:
                    anchor.addnext(pending_heading)
                anchor, pending_heading = sibling, None
                continue
            if anchor is None or sibling.getparent() is not parent:
                continue
            if sibling.tag not in ENCLOSED_FLOW_TAGS and not _is_figure_wrapper(sibling):
                continue
            if sibling.tag in _HEADINGS:
                # A heading belongs to what follows it: kept only if that is kept.
                pending_heading = sibling
                continue
            if (
                len(_words(sibling.text_content())) <= max_restored_chars
                and self.get_link_density(sibling) <= MAX_ENCLOSED_LINK_DENSITY
            ):
                if pending_heading is not None:
                    anchor.addnext(pending_heading)
                    anchor = pending_heading
                anchor.addnext(sibling)
                anchor = sibling
            pending_heading = None

    def get_preserved_elements(self, node: HtmlElement) -> dict[HtmlElement, bool]:
        # readability's own: tables of contents, and the lead-in to a quote ("He
        # wrote:"). Its test of a lead-in read the whole text of every ancestor
        # of every block, once per block; each element is now read once, and only
        # where a quote follows.
        preserved: dict[HtmlElement, bool] = {
            ul: True for ul in self.tags(node, "ul") if self.is_toc_list(ul)
        }
        # readability drops a block with no text unless long paragraphs stand
        # beside it: a picture in its own <div> between two short paragraphs
        # went. Readability.js keeps a block with one picture.
        for img in node.iter("img"):
            block = _picture_block_of(img, node)
            if block is None:
                continue
            # The blocks around the picture, not the buttons and overlays beside it.
            for wrapper in img.iterancestors("div", "section"):
                preserved[wrapper] = True
                if wrapper is block:
                    break
        # An embedded video's or post's box is kept as a picture's is: named
        # 'media-video' (readability weighs 'media' against a box), its line
        # and the player's buttons were all the box held (LifeBuzz).
        for line in node.iterdescendants("p"):
            if is_embed_line(line):
                for wrapper in _embed_wrappers(line, node):
                    preserved[wrapper] = True
        # A section's heading in a box of its own is too short a block for
        # readability ('Ingredients' in Tasty Recipes' header box, beside its
        # 'Scale' buttons): the boxes that hold the heading and nothing else stay.
        for heading in node.iter(*_HEADINGS):
            for wrapper in heading.iterancestors("div", "section"):
                if wrapper is node or not _is_section_heading_box(wrapper):
                    break
                preserved[wrapper] = True
        # readability drops any block shorter than 25 characters, lists too;
        # Readability.js keeps a list. A short list of words, no links or
        # controls, is the writer's: Mozilla's advisories give 'Fixed in' as
        # '<dd><ul><li>Firefox for iOS 124</li></ul></dd>'.
        for short_list in self.tags(node, "ul", "ol"):
            if _is_short_list_of_words(short_list, self.min_text_length):
                preserved[short_list] = True
        if node.find(".//blockquote") is not None:
            leads: dict[HtmlElement, bool] = {}
            for block in self.tags(node, "div", "section"):
                if any(
                    self._leads_a_quote(lead, leads)
                    for lead in itertools.chain([block], block.iterancestors())
                ):
                    preserved[block] = True
        # Only the wrappers of a <pre> can be code blocks: walk up from each.
        for pre in node.iter("pre"):
            for block in pre.iterancestors():
                if block is node or block in preserved:
                    break
                if block.tag not in {"div", "section"}:
                    continue
                if not _is_code_block(block):
                    break
                # Named like a sidebar or a widget: readability's judgement stands.
                if self.class_weight(block) >= 0:
                    preserved[block] = True
        return preserved

    def _leads_a_quote(self, lead: HtmlElement, known: dict[HtmlElement, bool]) -> bool:
        if lead not in known:
            following = lead.getnext()
            known[lead] = (
                following is not None
                and following.find(".//blockquote") is not None
                and (lead.text_content() or "").rstrip().endswith(":")
                and len(readability_clean(lead.text_content() or "")) >= self.min_text_length
            )
        return known[lead]

    def sanitize(
        self, node: HtmlElement, candidates: dict[HtmlElement, dict[str, Any]], keep_all_images: bool = False
    ) -> str:
        # readability drops a candidate whose score is below zero, and every list
        # starts at -3: a list whose items are short paragraphs ("<li><p>A
        # caption</p></li>", steps of a recipe) was lost whole. Like
        # Readability.js, a list is judged by its name, its links and its counts.
        not_lists = {elem: score for elem, score in candidates.items() if elem.tag not in _LISTS}
        headed_before = _headings_over_something(node)
        # readability drops a heading that is mostly a link; Readability.js keeps
        # it. A linked heading over a paragraph of prose heads a section: a
        # newsletter's item (cron.weekly's '<h2><a>GitHub is now free for
        # teams</a></h2><p>This is a pretty big move…').
        self._linked_section_headings = _linked_headings_over_prose(node)
        try:
            cleaned: str = super().sanitize(node, not_lists, keep_all_images)
        finally:
            self._linked_section_headings = frozenset()
        # A heading over a list of links readability dropped ('Mehr zum Thema
        # auf UEPO.de', 'See also') would head nothing, or the next section.
        headed_after = _headings_over_something(node)
        emptied = [
            heading for heading, held in headed_before.items() if held and not headed_after.get(heading)
        ]
        for heading in emptied:
            if heading.getparent() is not None:
                _drop_keeping_word_break(heading)
        return node.text_content() if emptied else cleaned

    def score_paragraphs(self) -> dict[HtmlElement, dict[str, Any]]:
        # readability 0.9's, with the faster `clean`, and without describing
        # each candidate for a debug log line nobody reads.
        candidates: dict[HtmlElement, dict[str, Any]] = {}
        ordered = []
        for elem in self.tags(self._html(), "p", "pre", "td", "blockquote"):
            parent_node = elem.getparent()
            if parent_node is None:
                continue
            grand_parent_node = parent_node.getparent()

            inner_text = readability_clean(elem.text_content() or "")
            inner_text_len = len(inner_text)
            if inner_text_len < self.min_text_length:
                continue

            if parent_node not in candidates:
                candidates[parent_node] = self.score_node(parent_node)
                ordered.append(parent_node)
            if grand_parent_node is not None and grand_parent_node not in candidates:
                candidates[grand_parent_node] = self.score_node(grand_parent_node)
                ordered.append(grand_parent_node)

            content_score: float = 1
            content_score += len(inner_text.split(","))
            content_score += min((inner_text_len / 100), 3)
            candidates[parent_node]["content_score"] += content_score
            if grand_parent_node is not None:
                candidates[grand_parent_node]["content_score"] += content_score / 2.0

        # A link inside nested candidates is measured once, not once per candidate.
        link_lengths: dict[HtmlElement, float] = {}
        for elem in ordered:
            candidates[elem]["content_score"] *= 1 - self.get_link_density(elem, link_lengths)
        return candidates

    def class_weight(self, e: HtmlElement) -> int:
        # A heading's id that spells its own words ('scaleway-arm64-…-com-en-docs',
        # as Markdown writers make them) is no name a designer gave: its words
        # ('com-', 'comment') say nothing of what the heading is. Its class still does.
        if e.tag in _ALL_HEADINGS and _id_spells_own_words(e):
            return _name_weight(e.get("class"))
        weight: int = super().class_weight(e)
        return weight

    def get_link_density(
        self, elem: HtmlElement, link_lengths: dict[HtmlElement, float] | None = None
    ) -> float:
        # readability's own, with the faster `clean`, and, as in Readability.js,
        # a link within the page ("#section-2": a heading's permalink or
        # back-reference, a footnote mark) weighs less than a link away from it.
        # So does a link in a quotation of someone's words: a quoted post's
        # mentions, its address and its date's permalink (Deadline's tweets)
        # are the post's, and its box is no list of links.
        # `link_lengths` keeps each link's weighed length while the tree does not change.
        if elem in self._linked_section_headings:
            return 0.0
        link_length = 0.0
        quotations: dict[HtmlElement, bool] = {}  # each quote's words are read once per call
        for link in elem.iterdescendants("a"):
            length = link_lengths.get(link) if link_lengths is not None else None
            if length is None:
                weighs_less = (
                    _is_in_page(link)
                    or _in_quotation_of_words(link, quotations)
                    or self._heads_a_section(link)
                    or _shows_its_address(link)
                )
                length = readability_text_length(link) * (IN_PAGE_LINK_WEIGHT if weighs_less else 1)
                if link_lengths is not None:
                    link_lengths[link] = length
            link_length += length
        return link_length / max(readability_text_length(elem), 1)

    def _heads_a_section(self, link: HtmlElement) -> bool:
        """A section's title linked to its source: the section's, not a list of links."""
        if not self._linked_section_headings:
            return False
        return any(heading in self._linked_section_headings for heading in link.iterancestors(*_HEADINGS))

    def remove_unlikely_candidates(self) -> None:
        # readability's own, but only elements with a class or an id are looked
        # at (the others have no name to judge), and each name is judged once.
        # A link is never dropped for its name, as in Readability.js: the words
        # of a sentence sit in it (a glossary's `class="popup"` links).
        for elem in self.html.xpath(".//*[@class or @id]"):
            names = f"{elem.get('class', '')} {elem.get('id', '')}"
            if (elem.tag in _HEADINGS and _SUBHEADING_NAME.search(names)) or (
                _HEADER_WORD.search(names) and _is_section_heading_box(elem)
            ):
                # A heading named as a section's is no page header: ChannelPartner's
                # are 'header_EL_subheadingN1006A', O'Reilly's 'subheaders'. Nor is a
                # section's heading, or its box, named 'header' over the section it
                # heads: the recipe cards' 'Ingredients' (WP Recipe Maker's
                # h3.wprm-recipe-header, Tasty Recipes' div.tasty-recipes-ingredients-header).
                # A heading so named over a list of links heads a widget's
                # ('mrw-header': the Seattle Times' 'Most Read Business Stories').
                names = _HEADER_WORD.sub(" ", names)
            if _SOCIAL_POST_NAME.search(names) and elem.find(".//blockquote") is not None:
                # readability takes 'twitter' for a widget's name; around a quote,
                # it names the post the article quotes (Deadline's 'embed-twitter').
                # Readability.js dropped the word from its list.
                names = _SOCIAL_POST_NAME.sub(" ", names)
            if (
                _is_unlikely_name(names)
                and elem.tag not in ("html", "body", "a")
                and not elem.xpath("ancestor-or-self::pre | ancestor-or-self::code")
                and not elem.xpath(
                    "descendant-or-self::main | descendant-or-self::article | descendant-or-self::math"
                )
            ):
                elem.drop_tree()

    def transform_misused_divs_into_paragraphs(self) -> None:
        # readability's own. Its first loop searched the serialized markup of
        # each <div>'s children for a block tag, serializing the whole tree
        # once per level of nesting; the start tags are all the pattern can
        # find there (text and attribute values are escaped), so it is given
        # those alone.
        for elem in self.tags(self.html, "div"):
            if not _holds_block_tag(elem):
                elem.tag = "p"
        # An <article> or <section> may hold its text as a <div> does, in runs
        # parted by <br>s (RBB TODAY's article.arti-body): unwrapped, no
        # paragraph of it is scored, and a teaser beside it wins.
        for elem in self.tags(self.html, "div", "article", "section"):
            _wrap_inline_runs(elem)

    def get_clean_html(self) -> str:
        # readability only measures this string to decide on a retry.
        self.extracted = self.html
        if self.html is not None and self.html.tag == "body":
            self.fell_back_to_body = True
        text: str = self.html.text_content() if self.html is not None else ""
        return text


@dataclass
class _Sections:
    """The other <section>s of an article whose best block is the only child of
    one (Medium splits a story into sections between rules): readability looks
    at the best block's siblings, and it has none."""

    before: list[HtmlElement]
    after: list[HtmlElement]

    def restore(self, article: HtmlElement, best: HtmlElement, opening: HtmlElement | None) -> None:
        """Around the best block, where the page had them. What readability
        put at the best block's start from before it (its 'editorial leads':
        Condé Nast Traveler's standfirst above the first section) opens the
        article, before the sections that came before the best one."""
        if best.getparent() is not article:
            for section in reversed(self.before):
                article.insert(0, section)
            article.extend(self.after)
            return
        leads = []
        if self.before and opening is not None:
            leads = list(itertools.takewhile(lambda child: child is not opening, best))
        for section in self.before:
            best.addprevious(section)
        for section in reversed(self.after):
            best.addnext(section)
        for lead in reversed(leads):
            article.insert(0, lead)


def _is_short_list_of_words(short_list: HtmlElement, min_length: int) -> bool:
    if next(short_list.iter("a", "button", "input", "select", "img"), None) is not None:
        return False
    return 0 < len(readability_clean(short_list.text_content())) < min_length


def _dominant_cell(
    row: HtmlElement, candidates: dict[HtmlElement, dict[str, Any]], best_candidate: dict[str, Any]
) -> HtmlElement | None:
    """The cell of a winning row that scores nearly as much as the row: the
    page is laid out in the row's cells, and that one holds the article."""
    score = float(best_candidate["content_score"])
    for cell in row.iterchildren("td"):
        candidate = candidates.get(cell)
        if candidate is not None and float(candidate["content_score"]) >= MIN_DOMINANT_CELL_SHARE * score:
            return cell
    return None


MIN_DOMINANT_CELL_SHARE = 0.9


def _box_standing_for(
    best: HtmlElement, candidates: dict[HtmlElement, dict[str, Any]], best_candidate: dict[str, Any]
) -> HtmlElement:
    """The box `best` is the only child of, up through such boxes, when a
    sibling of that box scores as part of the article: the way readability
    joins siblings then reaches it. Otherwise `best` itself: its box's
    neighbours are the page's, and taking the box in changes nothing good."""
    box = best
    while (holder := box.getparent()) is not None and holder.tag not in {"body", "html"} and len(holder) == 1:
        box = holder
    if box is best or box.getparent() is None:
        return best
    threshold = max(MIN_SIBLING_SCORE, SIBLING_SCORE_SHARE * float(best_candidate["content_score"]))
    siblings = itertools.chain(box.itersiblings(preceding=True), box.itersiblings())
    joins = any(
        float(candidates.get(sibling, {}).get("content_score", 0)) >= threshold for sibling in siblings
    )
    return box if joins else best


def _favour_siblings_named_alike(
    candidates: dict[HtmlElement, dict[str, Any]], best_candidate: dict[str, object]
) -> None:
    """Readability.js's bonus, which readability lacks: a sibling named like
    the best block (Squarespace's div.sqs-block.html-block, one per stretch
    of text between the pictures) scores a fifth of the best score on top,
    so the short stretches join the long ones."""
    best, best_score = best_candidate["elem"], best_candidate["content_score"]
    assert isinstance(best, HtmlElement) and isinstance(best_score, float | int)
    name = _class_name(best)
    parent = best.getparent()
    if not name or parent is None:
        return
    bonus = SAME_CLASS_SIBLING_BONUS * best_score
    for sibling in parent:
        if sibling is not best and _class_name(sibling) == name and sibling in candidates:
            scored = candidates[sibling]
            candidates[sibling] = {**scored, "content_score": float(scored["content_score"]) + bonus}
    for sibling, score in _scores_held_by_siblings_named_alike(best, candidates).items():
        candidates[sibling] = {"elem": sibling, "content_score": score + bonus}


def _scores_held_by_siblings_named_alike(
    box: HtmlElement, candidates: dict[HtmlElement, dict[str, Any]]
) -> dict[HtmlElement, float]:
    """The siblings of `box` named like it (the same classes, however spaced)
    that readability left unscored, and the best score of a block inside
    each, when they hold more of the scores than the siblings named
    otherwise: Tennis.com sets each stretch of a story between its ads and
    embeds in a box of boxes, 'div.d3-l-grid--outer > … > div.oc-c-body-part
    > p', deeper than readability scores, so only the first stretch was its
    article."""
    name, parent = _class_name(box), box.getparent()
    if not name or parent is None:
        return {}
    held = _best_scores_by_child(candidates, parent)
    alike = sum(max(score, 0) for sibling, score in held.items() if _class_name(sibling) == name)
    otherwise = sum(max(score, 0) for sibling, score in held.items() if _class_name(sibling) != name)
    if alike <= otherwise:
        return {}
    return {
        sibling: score
        for sibling, score in held.items()
        if sibling is not box and _class_name(sibling) == name and sibling not in candidates and score > 0
    }


def _headed_section_of(best: HtmlElement) -> HtmlElement | None:
    """The <section> `best` is the text of, when the section's other children
    are only its heading and its pictures (Condé Nast Traveler's '<section>
    <h2>Topolina</h2><div>…text…</div><div><img></div></section>', one per
    shop): the section is the unit whose siblings readability may join, and
    each keeps its heading and picture."""
    section = best.getparent()
    if section is None or not (section.tag == "section" or _is_box_among_named_alike(section)):
        return None
    others = [child for child in section if child is not best and isinstance(child.tag, str)]
    if not others or not any(child.tag in _ALL_HEADINGS for child in others):
        return None
    beside = sum(len(child.text_content().strip()) for child in others if child.tag not in _ALL_HEADINGS)
    return section if beside <= MAX_TEXT_BESIDE_SECTION_TEXT else None


MAX_TEXT_BESIDE_SECTION_TEXT = 200


def _is_box_among_named_alike(box: HtmlElement) -> bool:
    """A <div> with a sibling of the same class: one of a run of boxes that
    stand for sections (Static Media's 'div.news-article' on Glam, one per
    styled look: its heading, its picture and credit, its text)."""
    name = _class_name(box)
    if box.tag != "div" or not name:
        return False
    siblings = itertools.chain(box.itersiblings(preceding=True), box.itersiblings())
    return any(sibling.tag == "div" and _class_name(sibling) == name for sibling in siblings)


def _class_name(element: HtmlElement) -> str:
    return " ".join((element.get("class") or "").split())


# readability's own measure of a sibling worth joining to the best block.
MIN_SIBLING_SCORE = 10
SIBLING_SCORE_SHARE = 0.2


def _fuller_candidate(
    candidates: dict[HtmlElement, dict[str, Any]],
    best_candidate: dict[str, Any],
    class_weight: Callable[[HtmlElement], float],
) -> dict[str, Any]:
    """A short block that wins by its name alone (a video's caption in a
    sidebar's div.content, +25 for 'content', over DER SONNTAG's article in
    div.full_articel, misspelt and unweighted) yields to a block that scores
    more on its paragraphs and holds several times its text: elsewhere, or
    around it (a book's facts in div.panel-body, inside the box of its
    description, on Beltz's pages)."""
    best = best_candidate["elem"]
    best_chars = len(_words(best.text_content()))
    if best_chars >= MAX_SHORT_BEST_CHARS:
        return best_candidate
    best_own_score = float(best_candidate["content_score"]) - class_weight(best)
    fuller = [
        candidate
        for element, candidate in candidates.items()
        if float(candidate["content_score"]) - class_weight(element) > best_own_score
        and element is not best
        and len(_words(element.text_content())) >= max(MIN_FULLER_TEXT_RATIO * best_chars, MIN_FULLER_CHARS)
    ]
    return max(fuller, key=lambda candidate: float(candidate["content_score"]), default=best_candidate)


MAX_SHORT_BEST_CHARS = 300


def _inner_candidate(
    candidates: dict[HtmlElement, dict[str, Any]],
    best_candidate: dict[str, Any],
    class_weight: Callable[[HtmlElement], float],
) -> dict[str, Any]:
    """A wrapper that wins by its name (+25 for div#content) over the block
    inside it that holds most of its text and scores more on its paragraphs:
    the inner block is the article, the wrapper's other children the page's
    (B.A.U.M.'s div#right column of contacts and downloads)."""
    best = best_candidate["elem"]
    weight = class_weight(best)
    if weight <= 0:
        return best_candidate
    own_score = float(best_candidate["content_score"]) - weight
    best_chars = len(_words(best.text_content()))
    inner = [
        candidates[child]
        for child in best
        if child in candidates
        and float(candidates[child]["content_score"]) - max(class_weight(child), 0) > own_score
        and len(_words(child.text_content())) >= MIN_INNER_TEXT_SHARE * best_chars
    ]
    if len(inner) != 1 or _shows_something_before(best, inner[0]["elem"]):
        # What stands above the inner block is the article's own: its
        # headline, its lead picture and caption (Breitbart's <article>).
        return best_candidate
    return inner[0]


MIN_INNER_TEXT_SHARE = 0.6


def _shows_something_before(box: HtmlElement, inner: HtmlElement) -> bool:
    if (box.text or "").strip():
        return True
    for child in box:
        if child is inner:
            return False
        if (child.tail or "").strip() or _words(child.text_content()) or child.tag in _SHOWN_MEDIA:
            return True
        if next(child.iter(*_SHOWN_MEDIA), None) is not None:
            return True
    return False


MIN_FULLER_TEXT_RATIO = 4
MIN_FULLER_CHARS = 500


def _article_sections(
    candidates: dict[HtmlElement, dict[str, Any]],
    best: HtmlElement,
    best_candidate: dict[str, object],
    headed: bool = False,
) -> _Sections | None:
    """The best block's sibling <section>s that score as part of the article,
    when the best block is the only child of a section, or is a section of a
    heading and its text (`headed`): readability's own joining of siblings
    misses sections whose paragraphs sit deeper than it scores."""
    section = best
    while (above := section.getparent()) is not None and above.tag not in {"body", "html"}:
        if sum(1 for child in above if isinstance(child.tag, str)) != 1:
            break
        section = above
    parent = section.getparent()
    # HTML's own <section>s; a <div> only as a section of a heading and its
    # text among boxes named alike (`headed`): one named a block may be a
    # gallery or a quote box, which readability's merging of segments handles better.
    if (
        (section is best and not headed)
        or (section.tag != "section" and not (headed and _is_box_among_named_alike(section)))
        or parent is None
        or parent.tag in {"body", "html"}
    ):
        return None
    best_score = best_candidate["content_score"]
    assert isinstance(best_score, float | int)
    scores = _section_scores(candidates, section, float(best_score), parent)
    threshold = max(SIBLING_SCORE_FLOOR, SIBLING_SCORE_SHARE * best_score)
    chosen = [sibling for sibling, score in scores.items() if score >= threshold]
    if not chosen:
        return None
    position = parent.index(section)
    return _Sections(
        before=[s for s in chosen if parent.index(s) < position],
        after=[s for s in chosen if parent.index(s) > position],
    )


def _section_scores(
    candidates: dict[HtmlElement, dict[str, Any]],
    section: HtmlElement,
    best_score: float,
    parent: HtmlElement,
) -> dict[HtmlElement, float]:
    """The article section's sibling <section>s, in page order, scored as
    Readability.js scores siblings: readability scores a paragraph's parent and
    grandparent only, so a section whose paragraphs sit deeper scores as well as
    the best candidate inside it; one named exactly like the article's section
    gets a fifth of the best score on top."""
    inside = _best_scores_by_child(candidates, parent)
    name = _class_name(section)
    scores: dict[HtmlElement, float] = {}
    for sibling in parent:
        if sibling is section or sibling.tag != section.tag:
            continue
        if section.tag != "section" and _class_name(sibling) != name:
            continue  # of boxes, only those named alike
        score = inside.get(sibling, 0.0)
        if name and _class_name(sibling) == name:
            score += SAME_CLASS_SIBLING_BONUS * best_score
        scores[sibling] = score
    return scores


def _best_scores_by_child(
    candidates: dict[HtmlElement, dict[str, Any]], parent: HtmlElement
) -> dict[HtmlElement, float]:
    """Each child of `parent` that is or holds a scored block, and the best score among them."""
    best: dict[HtmlElement, float] = {}
    for candidate, scored in candidates.items():
        node = candidate
        while (above := node.getparent()) is not None and above is not parent:
            node = above
        if above is parent:
            best[node] = max(best.get(node, float("-inf")), float(scored["content_score"]))
    return best


def _id_spells_own_words(element: HtmlElement) -> bool:
    words = WORD_RUN.findall(element.text_content().casefold())[:MAX_SLUG_WORDS]
    id_words = WORD_RUN.findall((element.get("id") or "").casefold())
    return len(words) >= 2 and id_words[: len(words)] == words


MAX_SLUG_WORDS = 4


def _name_weight(names: str | None) -> int:
    """readability's weight of a class or an id: -25 for a sidebar's words, +25 for an article's."""
    if not names:
        return 0
    return 25 * (bool(REGEXES["positiveRe"].search(names)) - bool(REGEXES["negativeRe"].search(names)))


def _linked_headings_over_prose(root: HtmlElement) -> frozenset[HtmlElement]:
    """The headings with a link right above a paragraph of prose, or above a
    picture or a player over it (The A.V. Club's '<h4>The ending,
    <a>Whiplash</a></h4>' over the scene's clip and the text on it)."""
    headings = set()
    for heading in root.iter(*_HEADINGS):
        paragraph = heading.getnext()
        for _ in range(MAX_MEDIA_UNDER_A_HEADING):
            if paragraph is None or paragraph.tag in _HEADINGS or (paragraph.tail or "").strip():
                break
            if not is_embed_line(paragraph) and (
                paragraph.tag == "p" or readability_clean(paragraph.text_content()).strip()
            ):
                break
            paragraph = paragraph.getnext()  # a picture, a player or the link left for it
        if paragraph is None or paragraph.tag != "p" or (heading.tail or "").strip():
            continue
        if heading.find(".//a") is None:
            continue
        text = readability_clean(paragraph.text_content())
        linked = sum(len(readability_clean(link.text_content())) for link in paragraph.iter("a"))
        if len(text) >= SIBLING_PARAGRAPH_CHARS and linked / len(text) < MAX_SIBLING_PARAGRAPH_LINK_DENSITY:
            headings.add(heading)
    return frozenset(headings)


MAX_MEDIA_UNDER_A_HEADING = 2


def _headings_over_something(root: HtmlElement) -> dict[HtmlElement, bool]:
    """Each heading in the tree: whether words or a picture stand between it and
    the next heading."""
    over_something: dict[HtmlElement, bool] = {}
    current: HtmlElement | None = None
    within_current: set[HtmlElement] = set()
    for element in root.iter():
        if element.tag in _HEADINGS:
            current = element
            within_current = set(element.iterdescendants())
            over_something[current] = bool((element.tail or "").strip())
            continue
        if current is None or element in within_current or over_something[current]:
            continue
        # A tail follows its element's subtree, which may hold the next heading:
        # only a leaf's tail is surely before it.
        tail = (element.tail or "").strip() if len(element) == 0 else ""
        text = (element.text or "").strip() if isinstance(element.tag, str) else ""
        if element.tag in _SHOWN_MEDIA or tail or text:
            over_something[current] = True
    return over_something


def _is_figure_wrapper(block: HtmlElement) -> bool:
    """A <div> that holds a figure, or a picture (Squarespace's image block),
    and besides its caption next to no text (a player's "Image" label): the
    figure is the article's, its wrapper is markup."""
    if block.tag not in {"div", "section"}:
        return False
    if block.find(".//figure") is None and block.find(".//img") is None:
        return False
    return _text_besides_captions(block) <= MAX_FIGURE_WRAPPER_TEXT_CHARS


def _text_besides_captions(block: HtmlElement) -> int:
    """How many characters of text `block` holds outside its figures'
    captions (and outside <noscript>, whose markup libxml2 keeps as text)."""
    hidden = itertools.chain(block.iter("figcaption"), block.iter("noscript"))
    return len(_words(block.text_content())) - sum(len(_words(element.text_content())) for element in hidden)


def _media_beside_candidates(
    candidates: dict[HtmlElement, dict[str, Any]],
) -> dict[HtmlElement, tuple[HtmlElement, list[HtmlElement]]]:
    """Each candidate followed by pictures: its parent, and those pictures."""
    beside: dict[HtmlElement, tuple[HtmlElement, list[HtmlElement]]] = {}
    for candidate in candidates:
        parent = candidate.getparent()
        if parent is None:
            continue
        media = list(
            itertools.takewhile(lambda sibling: sibling.tag in _MEDIA_TAGS, candidate.itersiblings())
        )
        if media:
            beside[candidate] = (parent, media)
    return beside


def _bring_media_along(media_beside: dict[HtmlElement, tuple[HtmlElement, list[HtmlElement]]]) -> None:
    # readability merges the segments of an article (the steps of a how-to)
    # into its best one, but moves only each segment, not the photo and caption
    # beside it in the step.
    for segment, (parent, media) in media_beside.items():
        if segment.getparent() is parent:
            continue
        anchor = segment
        for element in media:
            if element.getparent() is parent:
                anchor.addnext(element)
                anchor = element


def _media_before_wrapped_candidates(
    candidates: dict[HtmlElement, dict[str, Any]],
) -> dict[HtmlElement, tuple[HtmlElement | None, list[HtmlElement]]]:
    """Block editors (Naver's SmartEditor, and others like it) give each text
    block and each picture a component of its own, wrappers in wrappers:
    readability merges the text blocks and never sees the pictures between
    them. Each candidate that is alone in its wrappers, with the pictures just
    before its outermost one: its parent, and those pictures."""
    before: dict[HtmlElement, tuple[HtmlElement | None, list[HtmlElement]]] = {}
    for candidate in candidates:
        wrapper = _outermost_sole_wrapper(candidate)
        if wrapper is candidate:
            continue  # its siblings are readability's to judge
        media = list(itertools.takewhile(_is_picture_block, wrapper.itersiblings(preceding=True)))
        if media:
            before[candidate] = (candidate.getparent(), media[::-1])
    return before


def _outermost_sole_wrapper(element: HtmlElement) -> HtmlElement:
    wrapper = element
    parent = wrapper.getparent()
    while parent is not None and parent.tag in {"div", "section"} and len(parent) == 1:
        if (parent.text or "").strip() or (wrapper.tail or "").strip():
            break
        wrapper, parent = parent, parent.getparent()
    return wrapper


def _is_picture_block(block: HtmlElement) -> bool:
    """A picture, or a block that holds one picture and no text but its caption
    ('Bild vergrößern', '123 KB', 'Slideshow (14 Images)' beside a picture are
    a widget's) and its overlays: a box of its own beside the picture with a
    few characters (the count of a gallery's pictures over TweakTown's, '3'),
    which readability then drops as it drops any short box."""
    if block.tag in _MEDIA_TAGS:
        return True
    if block.tag not in {"div", "section", "p"} or len(block.xpath(".//img")) != 1:
        return False
    overlay_chars = sum(len(_words(overlay.text_content())) for overlay in _overlays(block))
    return _text_besides_captions(block) == overlay_chars


def _overlays(block: HtmlElement) -> list[HtmlElement]:
    return [
        child
        for child in block
        if child.tag in {"div", "span"}
        and child.find(".//img") is None
        and child.find(".//figcaption") is None
        and len(_words(child.text_content())) <= MAX_OVERLAY_CHARS
    ]


MAX_OVERLAY_CHARS = 3


def _picture_block_of(img: HtmlElement, article: HtmlElement) -> HtmlElement | None:
    """The outermost block around `img` that holds it and no text but a
    caption, when the picture is one of the article's: not a pixel, an icon
    or a teaser's."""
    if not _may_be_article_picture(img):
        return None
    block = None
    for ancestor in img.iterancestors():
        if ancestor is article or ancestor.tag not in {"div", "section", "a", "span", "p", "picture"}:
            break
        if ancestor.tag in {"div", "section"}:
            if not (_is_picture_block(ancestor) or _is_picture_row(ancestor)):
                break
            block = ancestor
    return block


def _embed_wrappers(line: HtmlElement, article: HtmlElement) -> list[HtmlElement]:
    """The boxes around an embed line, from the line out, that hold no other
    embed and no text beside the line's but a few words of the player's
    widgets ('Like on Facebook')."""
    words = len(line.text_content().split())
    wrappers: list[HtmlElement] = []
    for ancestor in line.iterancestors():
        if ancestor is article or ancestor.tag not in {"div", "section"}:
            break
        if len(ancestor.text_content().split()) - words > MAX_WIDGET_WORDS or any(
            other is not line and is_embed_line(other) for other in ancestor.iter("p")
        ):
            break
        wrappers.append(ancestor)
    return wrappers


MAX_WIDGET_WORDS = 4


def _is_picture_row(block: HtmlElement) -> bool:
    """A few of the article's pictures side by side and no text but their
    captions (Impress Watch's two product photos in one div.row)."""
    images = block.xpath(".//img")
    return (
        2 <= len(images) <= MAX_PICTURES_IN_A_ROW
        and all(_may_be_article_picture(img) for img in images)
        and _text_besides_captions(block) == 0
    )


# More pictures than this in one block are a gallery or a wall of teasers.
MAX_PICTURES_IN_A_ROW = 4


def _may_be_article_picture(img: HtmlElement) -> bool:
    """Not a pixel, an icon or a teaser's picture."""
    if any(_to_int(img.get(side)) < MIN_PICTURE_SIDE for side in ("width", "height") if img.get(side)):
        return False
    return not NOT_A_PHOTO.search(img.get("src") or "") and not links_elsewhere(img)


def _to_int(value: str | None) -> int:
    digits = re.match(r"\s*(\d+)", value or "")
    return int(digits.group(1)) if digits else 0


def _bring_wrapped_media_along(
    media_before: dict[HtmlElement, tuple[HtmlElement | None, list[HtmlElement]]],
    best: HtmlElement,
    best_opening: HtmlElement | None,
) -> None:
    for segment, (parent, media) in media_before.items():
        if segment is best:
            # The best block stays where it is; the segments merged before
            # its own first child are in front of the pictures.
            if best_opening is None or best_opening.getparent() is not best:
                continue
            anchor = best_opening
        elif segment.getparent() is parent:
            continue  # not merged: where it was, with its pictures
        else:
            anchor = segment
        for element in media:
            anchor.addprevious(element)


def _is_in_page(link: HtmlElement) -> bool:
    return (link.get("href") or "").lstrip().startswith("#")


def _shows_its_address(link: HtmlElement) -> bool:
    """A paragraph of a link alone whose words are its own address
    ('<p><a>https://code.visualstudio.com/</a></p>' under OSS News's paragraph
    on the editor): the article cites a source, as a footnote does, where a
    menu or a list of stories names pages by their titles."""
    address = _bare_address(link.get("href") or "")
    if len(address) < MIN_SHOWN_ADDRESS_CHARS or _bare_address(link.text_content()) != address:
        return False
    paragraph = link.getparent()
    if paragraph is None or paragraph.tag != "p":
        return False
    return _bare_address(paragraph.text_content()) == address


def _bare_address(text: str) -> str:
    """'https://www.example.org/' and 'example.org' alike: without scheme, 'www.' and closing slash."""
    address = text.strip().lower()
    for prefix in ("https://", "http://", "www."):
        address = address.removeprefix(prefix)
    return address.rstrip("/")


MIN_SHOWN_ADDRESS_CHARS = 6  # 'x.org/': shorter is no address


def _in_quotation_of_words(link: HtmlElement, verdicts: dict[HtmlElement, bool]) -> bool:
    """In a <blockquote> that says something besides its links: a quotation,
    not a box of links set as one (WordPress's embedded post is a quoted title)."""
    quote = next(link.iterancestors("blockquote"), None)
    if quote is None:
        return False
    if quote not in verdicts:
        said = "".join(quote.xpath(".//text()[not(ancestor::a)]"))
        verdicts[quote] = len(readability_clean(said)) >= MIN_QUOTED_WORDS_CHARS
    return verdicts[quote]


MIN_QUOTED_WORDS_CHARS = 20


def _with_text(elements: Iterator[HtmlElement]) -> Iterator[HtmlElement]:
    """Empty ad slots and spacers between blocks are passed over."""
    return (element for element in elements if element.text_content().strip())


_HEADER_WORD = re.compile("header", re.I)
# A heading over a list of links heads a widget's list ('Most Read Stories').
MAX_HEADED_LINK_SHARE = 0.5
# A heading's box holds the heading, or its box and a box of controls beside it.
MAX_HEADING_BOX_PARTS = 2
_SOCIAL_POST_NAME = re.compile("tweet|twitter", re.I)
_SUBHEADING_NAME = re.compile(r"sub[-_]?head", re.I)


def _is_section_heading_box(box: HtmlElement) -> bool:
    """A heading (h2 to h6, no link), or a box that holds one and nothing
    else but a control's label (Tasty Recipes' 'Scale' beside 'Ingredients'),
    over something it heads that is not a list of links (a widget's)."""
    parts = sum(1 for child in box if isinstance(child.tag, str))
    if box.tag not in _HEADINGS and parts > MAX_HEADING_BOX_PARTS:
        return False  # a block of many parts, told before its text is read: most blocks hold a heading
    heading = box if box.tag in _HEADINGS else next(box.iterdescendants(*_HEADINGS), None)
    if heading is None or heading.find(".//a") is not None:
        return False
    text = _words(heading.text_content())
    rest = _words(box.text_content()).replace(text, " ", 1).strip()
    if not text or (rest and line_label_form(rest) not in load_rules().control_labels):
        return False
    following = box.getnext()
    while following is not None and not isinstance(following.tag, str):
        following = following.getnext()
    if following is None or not (headed := readability_text_length(following)):
        return False
    linked = sum(readability_text_length(link) for link in following.iter("a"))
    return linked < MAX_HEADED_LINK_SHARE * headed


@lru_cache(maxsize=4096)
def _is_unlikely_name(names: str) -> bool:
    """readability's test of an element's "class id" for an unlikely candidate."""
    return len(names) >= 2 and bool(
        REGEXES["unlikelyCandidatesRe"].search(names) and not REGEXES["okMaybeItsACandidateRe"].search(names)
    )


@lru_cache(maxsize=1024)
def _is_block_tag(tag: str) -> bool:
    return REGEXES["divToPElementsRe"].search(f"<{tag}>") is not None


def _holds_block_tag(elem: HtmlElement) -> bool:
    """Whether readability's pattern finds a block tag in the markup of `elem`'s children."""
    for node in elem.iterdescendants():
        if isinstance(node.tag, str):
            if _is_block_tag(node.tag):
                return True
        elif REGEXES["divToPElementsRe"].search(str(tostring(node, encoding="utf-8"))):
            return True  # a comment or processing instruction is written as it is
    return False


_INLINE_TAGS = frozenset(
    {"a", "b", "cite", "code", "em", "font", "i", "small", "span", "strong", "sub", "sup", "u"}
)


def _wrap_inline_runs(elem: HtmlElement) -> None:
    """The second loop of readability-lxml 0.9's `transform_misused_divs_into_paragraphs`:
    a <div>'s loose text and runs of inline children become <p>s, a <br> or a
    block ending each run. Unlike readability-lxml, the text after a <br> or a
    block opens the run that follows it: 'Morales had just signed on to guard
    <a>Queen Miri</a>, the $70 million yacht' stays one paragraph, where
    readability-lxml cut it into three around the link."""
    children = list(elem)
    paragraph = None
    if elem.text and elem.text.strip():
        p = fragment_fromstring("<p/>")
        p.text = elem.text
        elem.text = None
        elem.insert(0, p)
        paragraph = p

    for child in children:
        inline = child.tag in _INLINE_TAGS and not REGEXES["divToPElementsRe"].search(
            tounicode(child, method="html")
        )
        if inline:
            if paragraph is None:
                paragraph = fragment_fromstring("<p/>")
                child.addprevious(paragraph)
            paragraph.append(child)  # its tail goes along
            continue
        paragraph = None
        if child.tail and child.tail.strip():
            paragraph = fragment_fromstring("<p/>")
            paragraph.text = child.tail
            child.tail = None
            child.addnext(paragraph)
        if child.tag == "br":
            child.drop_tree()


def readability_clean(text: str) -> str:
    """Exactly `readability.readability.clean(text)`, in one scan."""
    if len(text) < _LONG_RUN and "\n" not in text and "\t" not in text and "  " not in text:
        return text.strip()
    return _CHANGEABLE_WHITESPACE.sub(_cleaned_run, text).strip()


def _cleaned_run(match: re.Match[str]) -> str:
    """What readability's three steps make of one maximal whitespace run:
    255+ characters become 255 spaces, then one space (step 1, then 3); a run
    holding a newline becomes that newline (step 2); otherwise step 3, whose
    pattern `\\t|[ \\t]{2,}` turns each tab into a space, except where a space
    starts a run of spaces and tabs: that whole run is one space."""
    run = match.group()
    if len(run) >= _LONG_RUN:
        return " "
    if "\n" in run:
        return "\n"
    out = []
    index, end = 0, len(run)
    while index < end:
        char = run[index]
        if char == " " and index + 1 < end and run[index + 1] in " \t":
            index += 1
            while index < end and run[index] in " \t":
                index += 1
            out.append(" ")
            continue
        out.append(" " if char == "\t" else char)
        index += 1
    return "".join(out)


def readability_text_length(element: HtmlElement) -> int:
    """Exactly `readability.readability.text_length(element)`."""
    return len(readability_clean(element.text_content() or ""))


def extract_article(root: HtmlElement) -> HtmlElement:
    """The article's body as a `<div>` tree; `no_article` when there is none."""
    document = _TreeDocument(root, None)
    try:
        document.summary(html_partial=True)
    except Unparseable as exc:
        # readability wraps every exception, our subclass's bugs too: those are
        # not a page without an article, and must not be answered as one.
        if isinstance(exc.__context__, PROGRAMMING_ERRORS):
            raise exc.__context__ from None
        raise UnwallError(errors.NO_ARTICLE, f"No article could be extracted: {exc}", 422) from exc
    content = document.extracted
    if content is None:
        raise UnwallError(errors.NO_ARTICLE, "The page holds no article: no block of text stands out.", 422)
    declared = _declared_article(root)
    if declared is not None and (document.fell_back_to_body or declared.holds_small_part(content)):
        drop_hidden(declared.element)
        content = declared.element
    elif document.fell_back_to_body and len(content.text_content()) > MAX_WHOLE_BODY_CHARS:
        raise UnwallError(errors.NO_ARTICLE, "The page holds no article: no block of text stands out.", 422)
    _tidy(content)
    if not has_article_substance(content):
        # readability's cleaning can empty a short article it scored well: a
        # few sentences of Japanese and a list of links (IIJ's blog) read as a
        # link farm, and <article> kept only its headline. The page's one
        # article container, short as it is, is the article then.
        short = _declared_article(root, min_chars=MIN_ARTICLE_CHARS)
        if short is not None and short.element is not content:
            drop_hidden(short.element)
            content = short.element
            _tidy(content)
    if not has_article_substance(content):
        raise UnwallError(errors.NO_ARTICLE, "The page holds no article: too little text.", 422)
    if not is_written(content):
        message = "The page holds no article: no sentence in its text (a page its scripts fill in?)."
        raise UnwallError(errors.NO_ARTICLE, message, 422)
    return content


def _tidy(content: HtmlElement) -> None:
    """The extracted block as the body's <div>, without layout tables, empty
    elements or the labels of what readability left out after it."""
    if content.tag != "div":
        content.tag = "div"
    content.attrib.clear()
    unwrap_layout_tables(content)
    remove_empty_elements(content)
    drop_trailing_announcements(content)


@dataclass(frozen=True)
class _DeclaredArticle:
    element: HtmlElement
    text: str  # its words, read once

    def holds_small_part(self, extracted: HtmlElement) -> bool:
        """Readability's choice is a small part of the container, and inside it."""
        if len(_words(extracted.text_content())) >= MIN_SHARE_OF_ARTICLE_CONTAINER * len(self.text):
            return False
        return lies_within(extracted, self.text)


def _declared_article(
    root: HtmlElement, min_chars: int = MIN_ARTICLE_CONTAINER_CHARS
) -> _DeclaredArticle | None:
    """The one article container the page marks, when it holds enough text.
    Several (a list page, a live blog of <article> entries) say nothing about
    which one is the story."""
    containers = root.xpath(ARTICLE_CONTAINER_XPATH)
    outermost = [c for c in containers if not any(a in containers for a in c.iterancestors())]
    if len(outermost) != 1:
        return None
    text = _words(outermost[0].text_content())
    return _DeclaredArticle(outermost[0], text) if len(text) >= min_chars else None


def lies_within(extracted: HtmlElement, container_text: str) -> bool:
    """Whether readability's choice is a part of the container, not something
    elsewhere on the page. Read piece by piece: readability puts pieces next to
    each other that the page had apart (a heading and a paragraph of a video
    box), so the choice's text as a whole need not occur in the container."""
    pieces = [_words(piece) for piece in extracted.itertext()]
    pieces = [piece for piece in pieces if piece]
    inside = sum(len(piece) for piece in pieces if piece in container_text)
    return inside >= 0.8 * sum(len(piece) for piece in pieces)


def _is_code_block(block: HtmlElement) -> bool:
    """A wrapper whose text is all in preformatted code."""
    text = _words(block.text_content())
    code = " ".join(_words(pre.text_content()) for pre in _outermost(block, "pre"))
    return bool(text) and _words(code) == text


def _outermost(block: HtmlElement, *tags: str) -> list[HtmlElement]:
    """The `tags` elements inside `block` that no other of them contains."""
    found = [element for element in block.iter(*tags) if element is not block]
    members = set(found)
    return [element for element in found if not _has_ancestor_in(element, members, block)]


def _has_ancestor_in(element: HtmlElement, members: set[HtmlElement], block: HtmlElement) -> bool:
    for ancestor in element.iterancestors():
        if ancestor is block:
            return False
        if ancestor in members:
            return True
    return False


def _as_paragraph(element: HtmlElement) -> HtmlElement | None:
    """A <p>, or the one paragraph a <div> holds and nothing else ('<div
    class="firstPar"><p>…</p></div>', as the Telegraph wrapped an article's
    opening): Readability.js reads such a <div> as its paragraph."""
    if element.tag == "p":
        return element
    if element.tag != "div" or len(element) != 1 or (element.text or "").strip():
        return None
    child = element[0]
    return child if child.tag == "p" and not (child.tail or "").strip() else None


def drop_hidden(tree: HtmlElement) -> None:
    """What the page hides (`hidden`, `display: none`) is not read."""
    for element in tree.xpath(".//*[@hidden] | .//*[@style]"):
        if is_hidden(element) and element.getparent() is not None:
            element.drop_tree()


def _words(text: str) -> str:
    return " ".join(text.split())


def drop_slide_leftovers(content: HtmlElement) -> None:
    """What a slideshow's script fills in or acts on, left as text: a slide's
    file name written as its title ('gwyneth-paltrow-vanity-fair-640-ss03.jpg',
    Vanity Fair), and in a figure, a counter's ' / ' without its numbers."""
    for element in list(content.iter(*_LEFTOVER_HOLDERS)):
        if element.getparent() is None or next(element.iter(*_SHOWN_MEDIA), None) is not None:
            continue
        if next(element.iterancestors("pre", "code"), None) is not None:
            continue  # in code, a line of punctuation ('});') is code
        text = element.text_content().strip()
        if not text:
            continue
        if is_picture_file_name(text) or (
            _NO_WORD.fullmatch(text) and next(element.iterancestors("figure"), None) is not None
        ):
            _drop_keeping_word_break(element)


_LEFTOVER_HOLDERS = ("p", "div", "span", "figcaption", "li")
_NO_WORD = re.compile(r"[^\w]+")


def drop_icon_glyphs(content: HtmlElement, icon_classes: frozenset[str]) -> None:
    """Icon-font glyphs ('<span class="icon">S</span>', a magnifier in the
    page's font; '<i class="material-icons">arrow_forward</i>') are pictures,
    not words: without the font they read as stray letters."""
    for element in list(content.iter()):
        names = (element.get("class") or "").lower().split()
        if icon_classes.isdisjoint(names) or element.getparent() is None:
            continue
        glyph = (element.text_content() or "").strip()
        # Only Material's fonts draw a glyph from a word.
        ligature = any(name.startswith("material-") for name in names) and _LIGATURE_NAME.fullmatch(glyph)
        if len(glyph) <= MAX_GLYPH_CHARS or ligature:
            _drop_keeping_word_break(element)


def read_glyph_pictures(content: HtmlElement, glyph_classes: frozenset[str]) -> None:
    """A picture that stands for a character in the text ('<img class="emoji"
    alt="😀">', SPIP's bullet '<img class="puce" width="8" height="11"
    alt="-">') is read as that character: as a picture it showed in Markdown
    and plain text as an image link before each line. A small one with no text
    alternative is decoration. Pictures described in words ('PDF', 'Tweet')
    stay pictures."""
    for img in list(content.iter("img")):
        names = (img.get("class") or "").lower().split()
        small = declared_at_most(img, MAX_GLYPH_PICTURE_SIDE)
        if (not small and glyph_classes.isdisjoint(names)) or img.getparent() is None:
            continue
        alt = " ".join((img.get("alt") or "").split())
        if len(alt) > MAX_GLYPH_PICTURE_ALT_CHARS or WORD_RUN.search(alt):
            continue
        img.text = alt  # the tag goes, the character and the words after it stay
        img.drop_tag()


def drop_icon_files(content: HtmlElement) -> None:
    """A picture whose file is an SVG named as an icon (ADAC's magnifier
    '…/icons/icon-zoom-in.svg' in the link to a larger photo, '…/icon-tipp.svg'
    over its box of tips) is the page's decoration, not the article's. Alone
    in a link it says where the link goes: its text alternative stays as the
    link's words."""
    for img in list(content.iter("img")):
        if img.getparent() is None or not _is_icon_file(img.get("src") or ""):
            continue
        link = next(img.iterancestors("a"), None)
        if link is not None and not _words(link.text_content()) and len(link.findall(".//img")) == 1:
            img.text = " ".join((img.get("alt") or "").split())
            img.drop_tag()
        else:
            img.drop_tree()  # its tail stays


def _is_icon_file(address: str) -> bool:
    path = url_path(address).lower()
    return path.endswith(".svg") and _ICON_WORD.search(path) is not None


_ICON_WORD = re.compile(r"(?<![a-z])icons?(?![a-z])")


# About a line of text high: a bullet, a smiley, an icon beside a link.
MAX_GLYPH_PICTURE_SIDE = 20
# An emoji of several code points ('👩‍👩‍👧'), a text smiley (':-)').
MAX_GLYPH_PICTURE_ALT_CHARS = 8


def mark_captioned_figures(content: HtmlElement, caption_classes: frozenset[str]) -> None:
    """A box that holds one image and one short text beside it, named as a
    caption or repeating the image's description ('<div><img alt="Tapie en
    2008. REUTERS/Benoit Tessier"><p>- Tapie en 2008. REUTERS/Benoit Tessier
    -</p></div>', WordPress's wp-caption), is a figure and its caption: the
    caption goes with the image, and does not read as a paragraph."""
    _unlist_lone_pictures(content)
    for img in list(content.iter("img")):
        _make_figure_of_box(img, content, _INLINE_WRAPPERS, caption_classes)
        if next(img.iterancestors("figure"), None) is None:
            # The image in boxes of its own, a named caption beside the outermost
            # (NDR: '<div><a><div><img></div></a><p><span class="caption">…').
            _make_figure_of_box(img, content, _BLOCK_WRAPPERS, caption_classes, named_only=True)
        if next(img.iterancestors("figure"), None) is None:
            _take_in_caption_box_after(img, content, caption_classes)
    for figure in list(content.iter("figure")):
        _credit_into_caption(figure)
        _drop_caption_copies(figure)


def _drop_caption_copies(figure: HtmlElement) -> None:
    """A block beside a figure that says its caption again, and nothing else
    but a control's label, is the caption's other copy: NPR writes each caption
    under its picture with 'hide caption' and 'toggle caption' buttons, then
    the credit alone, then in its lightbox, whose picture and caption stay.
    The block must say most of the caption: a line before it that shares a
    few of its words ('London, England.') is the article's."""
    caption = figure.find("figcaption")
    if caption is None:
        return
    said = set(comparable_words(caption.text_content()).split())
    if len(said) < MIN_CAPTION_COPY_WORDS:
        return
    for block in (figure.getprevious(), figure.getnext()):
        if block is None or not isinstance(block.tag, str) or block.tag in {"figure", "table", "ul", "ol"}:
            continue
        if next(block.iter(*_SHOWN_MEDIA), None) is not None:
            continue
        words = _words_besides_control_labels(block)
        if words and words <= said and len(words) >= CAPTION_COPY_SHARE * len(said):
            block.drop_tree()  # its tail stays


def _words_besides_control_labels(block: HtmlElement) -> set[str]:
    """The block's words, less those of its elements that are a control's whole label ('hide caption')."""
    if len(block.text_content()) > MAX_CAPTION_COPY_CHARS:
        return set()
    controls = load_rules().control_labels
    copied = copy.deepcopy(block)
    for element in list(copied.iterdescendants()):
        if isinstance(element.tag, str) and line_label_form(element.text_content()) in controls:
            element.drop_tree()
    return set(comparable_words(copied.text_content()).split())


MIN_CAPTION_COPY_WORDS = 3
CAPTION_COPY_SHARE = 2 / 3
MAX_CAPTION_COPY_CHARS = 900  # three captions at most


def _credit_into_caption(figure: HtmlElement) -> None:
    """A short line a figure sets beside its picture, outside its caption (the
    New York Daily News's '<span class="a-credit">Kevin C. Downs/for New York
    Daily News</span>' between the picture and the figcaption): the picture's
    credit, read at the end of the caption, not as words beside the picture."""
    captions = [child for child in figure if child.tag == "figcaption"]
    if len(captions) != 1:
        return
    caption = captions[0]
    for child in list(figure):
        if child is caption or child.tag not in _CREDIT_TAGS or (child.tail or "").strip():
            continue
        credit = " ".join(child.text_content().split())
        shows_media = next(child.iter(*_SHOWN_MEDIA), None) is not None
        if not credit or len(credit) > MAX_LOOSE_CREDIT_CHARS or shows_media:
            continue
        child.drop_tree()
        if len(caption):
            caption[-1].tail = f"{(caption[-1].tail or '').rstrip()} "
        else:
            caption.text = f"{(caption.text or '').rstrip()} "
        line = caption.makeelement("span", {})
        line.text = credit
        caption.append(line)


_CREDIT_TAGS = frozenset({"span", "small", "p", "div", "cite"})
MAX_LOOSE_CREDIT_CHARS = 120


_INLINE_WRAPPERS = frozenset({"a", "picture", "span"})
_BLOCK_WRAPPERS = _INLINE_WRAPPERS | {"div"}


def _make_figure_of_box(
    img: HtmlElement,
    content: HtmlElement,
    wrappers: frozenset[str],
    caption_classes: frozenset[str],
    named_only: bool = False,
) -> None:
    """The box around the image (in its `wrappers`) becomes a figure when it
    holds a caption beside the image, or is followed by one; `named_only`:
    only a caption named so, beside the image."""
    image = _outermost_wrapper(img, wrappers)
    box = image.getparent()
    if box is None or box is content:
        return
    parts = [child for child in box if isinstance(child.tag, str) and not _is_mark(child)]
    if (box.text or "").strip() or any((part.tail or "").strip() for part in parts):
        return
    if box.tag == "span" and not named_only:
        _lift_figure_out_of_paragraph(box, image, parts, caption_classes)
        return
    if box.tag not in {"div", "p"}:
        return
    if len(parts) == 1 and not named_only:
        # The image alone in its box, its caption the box's next block (8 Sidor's
        # p.image-text): the caption's name alone says what it is.
        _take_in_caption_after(box, caption_classes)
        return
    if len(parts) > 2 and not named_only:
        _gather_named_captions(box, image, parts, caption_classes)
        return
    if len(parts) != 2:
        return
    caption = parts[1] if parts[0] is image else parts[0]
    if caption.tag not in CAPTION_TAGS or not _is_one_line(caption):
        return
    text = _words(caption.text_content())
    if not 0 < len(text) <= MAX_CAPTION_CHARS:
        return
    named = _is_named_caption(caption, caption_classes)
    if not named and (named_only or not _repeats_description(img, text)):
        return
    box.tag, caption.tag = "figure", "figcaption"
    _strip_caption_dashes(caption, text)
    _drop_edge_line_breaks(caption)


def drop_pull_quotes(content: HtmlElement) -> None:
    """A quotation that repeats a sentence of a paragraph beside it, word for
    word, is a pull quote set large for the eye (GaijinPot's '<blockquote>In
    a culture that values social harmony…' above the paragraph that says it):
    a reader would read the sentence twice. A box of the quote and the name
    of who said it is one too (horizont.net's 'div.Quote', its text read as a
    paragraph). A quotation the article does not repeat is one it quotes, and stays."""
    for quote in list(content.iter("blockquote", "div", "aside")):
        said = _pulled_words(quote)
        if quote is content or len(said) < MIN_PULL_QUOTE_CHARS:
            continue
        neighbours = [
            *itertools.islice(quote.itersiblings(preceding=True), PULL_QUOTE_REACH),
            *itertools.islice(quote.itersiblings(), PULL_QUOTE_REACH),
        ]
        if any(block.tag == "p" and said in comparable_words(block.text_content()) for block in neighbours):
            quote.drop_tree()  # its tail stays


def _pulled_words(box: HtmlElement) -> str:
    """The words a box sets large: a quotation's, or its longest paragraph's
    when what else the box says is no more than who said it."""
    if box.tag == "blockquote":
        return "" if box.find(".//blockquote") is not None else comparable_words(box.text_content())
    paragraphs = [child for child in box if child.tag == "p"]
    if not paragraphs:
        return ""
    longest = max((paragraph.text_content() for paragraph in paragraphs), key=len)
    words = comparable_words(longest)
    source = len(comparable_words(box.text_content())) - len(words)
    return words if source <= MAX_PULL_QUOTE_SOURCE_CHARS else ""


# A sentence at least; the blocks before and after the quote it may repeat.
MIN_PULL_QUOTE_CHARS = 40
PULL_QUOTE_REACH = 3
# Who said it ('Martin Gerecke', 'Jane Doe, the harbour master').
MAX_PULL_QUOTE_SOURCE_CHARS = 60


def drop_repeated_blocks(content: HtmlElement) -> None:
    """A block that says again, word for word, what the block just before it
    said is a template's copy, not writing: a gallery's title written once per
    slide for its script to show one (CNN's 'Weather threatens holiday plans'
    fourteen times), a heading given twice for two screen sizes. The first stays.
    A paragraph said twice, or the same words linking to two places, the writer wrote."""
    for block in list(content.iter(*REPEATABLE_BLOCKS)):
        before = block.getprevious()
        if before is None or before.tag != block.tag or (before.tail or "").strip():
            continue
        if next(block.iterancestors("pre", "code"), None) is not None or _shows_media(block, before):
            continue
        said = comparable_words(block.text_content())
        if not 0 < len(said) <= MAX_REPEATED_LINE_CHARS or said != comparable_words(before.text_content()):
            continue
        if _link_targets(block) == _link_targets(before):
            block.drop_tree()  # its tail stays
    _drop_headings_repeated_per_slide(content)
    _drop_deck_repeated_by_body(content)
    _drop_words_shown_twice(content)


def _drop_words_shown_twice(content: HtmlElement) -> None:
    """A word set twice back to back, nothing between, one copy for each
    screen size and the style sheet hiding the other: Futura's glossary link
    and the plain word after it ('<span class="tooltip…"><a>amalgame</a></span>
    <span>amalgame</span>', without the line break) read 'amalgameamalgame'.
    Of two inline siblings with the same words, no space between and a link
    in one of them, the second goes; words repeated in writing are spaced
    ('very, very'), and a link is not written twice."""
    for element in list(content.iter(*_TWIN_INLINE_TAGS)):
        before = element.getprevious()
        if before is None or before.tag not in _TWIN_INLINE_TAGS or before.tail:
            continue
        words = element.text_content()
        if len(words.strip()) < MIN_TWIN_CHARS or not any(character.isalpha() for character in words):
            continue
        if words != before.text_content() or element.getparent() is None:
            continue
        if any(True for pair in (before, element) for _ in pair.iter("a")):
            element.drop_tree()  # its tail stays


_TWIN_INLINE_TAGS = ("span", "a", "em", "strong", "b", "i")
MIN_TWIN_CHARS = 2


def _drop_headings_repeated_per_slide(content: HtmlElement) -> None:
    """A heading that each item of a list says again, word for word, is the
    gallery's title written into every slide (Deutsche Welle's 'Racist,
    ruthless, cruel: Germany's colonial history' over each of twelve pictures):
    the first item's stays. It takes three items in a row: two that share a
    heading may be the writer's."""
    repeated: list[HtmlElement] = []  # decided before any goes: each item is read beside both neighbours
    for item in content.xpath(".//li[following-sibling::*[1][self::li]][preceding-sibling::*[1][self::li]]"):
        for heading in item.iter(*_ALL_HEADINGS):
            said = comparable_words(heading.text_content())
            if not 0 < len(said) <= MAX_REPEATED_LINE_CHARS:
                continue
            earlier, later = item.getprevious(), item.getnext()
            if _same_headings(earlier, heading.tag, said) and (
                copies := _same_headings(later, heading.tag, said)
            ):
                repeated += [heading, *copies]
    for heading in dict.fromkeys(repeated):
        heading.drop_tree()


def _drop_deck_repeated_by_body(content: HtmlElement) -> None:
    """An opening paragraph that the body's own box opens with again is the
    page's deck, its summary set over the story, copied from the story's first
    paragraph (Fox News's AP stories: 'NEW DELHI (AP) — Police say 28 people…'
    twice). The body's copy stays. The same words twice in one box are left to
    drop_repeated_blocks' stricter reading."""
    # A paragraph around another (the parser's reading of <p><div><p>…) is not a second copy.
    leaves = (p for p in content.iter("p") if next(p.iterdescendants("p"), None) is None)
    paragraphs = list(
        itertools.islice((p for p in leaves if p.text_content().strip()), 1 + MAX_PARAGRAPHS_TO_BODY_COPY)
    )
    if len(paragraphs) < 2 or _shows_media(paragraphs[0]):
        return
    deck, *following = paragraphs
    said = comparable_words(deck.text_content())
    if len(said) < MIN_DECK_CHARS:
        return
    for paragraph in following:
        if paragraph.getparent() is deck.getparent():
            continue
        if comparable_words(paragraph.text_content()) == said:
            _detach_keeping_tail(deck)
            return


MAX_PARAGRAPHS_TO_BODY_COPY = 3
MIN_DECK_CHARS = 60  # a sentence: a short line ('Updated', a place) may well come twice


def _same_headings(item: HtmlElement, tag: str, said: str) -> list[HtmlElement]:
    return [heading for heading in item.iter(tag) if comparable_words(heading.text_content()) == said]


REPEATABLE_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption")
MAX_REPEATED_LINE_CHARS = 120


def _link_targets(element: HtmlElement) -> list[str]:
    return [link.get("href") or "" for link in element.iter("a")]


def _shows_media(*elements: HtmlElement) -> bool:
    return any(next(element.iter(*_SHOWN_MEDIA), None) is not None for element in elements)


def _unlist_lone_pictures(content: HtmlElement) -> None:
    """A list of one item that holds a picture and at most a caption (Mynavi's
    'ul.photo_table'): no list to a reader, but a box for the figure rules."""
    # Not a sub-list: a picture under a point belongs to that point.
    for item in content.xpath("(.//ul | .//ol)[not(ancestor::li)]/li[count(../*) = 1]"):
        images = item.xpath(".//img")
        if len(images) != 1 or not _may_be_article_picture(images[0]):
            continue
        # Words of the item's own are a list's line, its picture an emoji or a formula.
        if (item.text or "").strip() or any((child.tail or "").strip() for child in item):
            continue
        if len(_words(item.text_content())) > MAX_CAPTION_CHARS:
            continue
        item.getparent().tag, item.tag = "div", "div"
        item.getparent().attrib.clear()


def _gather_named_captions(
    box: HtmlElement, image: HtmlElement, parts: list[HtmlElement], caption_classes: frozenset[str]
) -> None:
    """The image and several lines each named a caption or a credit (Business
    Insider's '<img><p class="source">Reuters</p><p class="caption">Google,
    1999</p>'): a figure, its lines one caption."""
    lines = [part for part in parts if part is not image]
    if image not in parts or not _are_named_caption_lines(lines, caption_classes):
        return
    _make_caption_of_lines(box, lines)


def _are_named_caption_lines(lines: list[HtmlElement], caption_classes: frozenset[str]) -> bool:
    """A few one-line blocks, each named a caption or a credit, short enough together for a caption."""
    if not 0 < len(lines) <= MAX_CAPTION_PARTS:
        return False
    if not all(line.tag in CAPTION_TAGS and _is_one_line(line) for line in lines):
        return False
    if not all(_is_named_caption(line, caption_classes) for line in lines):
        return False
    return len(_words(" ".join(line.text_content() for line in lines))) <= MAX_CAPTION_CHARS


def _make_caption_of_lines(box: HtmlElement, lines: list[HtmlElement]) -> None:
    """`box` becomes a figure, `lines` moved into its caption, one a line."""
    caption = etree.SubElement(box, "figcaption")
    for number, line in enumerate(lines):
        if number:
            etree.SubElement(caption, "br")
        caption.append(line)  # (moves it)
        line.tag, line.tail = "span", " "  # a line of the caption, a word apart in its text
    box.tag = "figure"


MAX_CAPTION_PARTS = 3


def _take_in_caption_box_after(
    img: HtmlElement, content: HtmlElement, caption_classes: frozenset[str]
) -> None:
    """The image's own boxes, then a box of lines each named a caption or a
    credit (the Press-Enterprise's photo box: '<div class="gContent"><div><img>
    </div></div><div class="gBottom"><div><p class="cutline">Judy Avalos, 20,
    …</p><p class="credit">RIVERSIDE COUNTY …</p></div></div>'): the
    outermost of the image's boxes is the figure, the lines its caption."""
    image = _outermost_wrapper(img, _BLOCK_WRAPPERS)
    after = image.getnext()
    if image is img or image is content or image.tag != "div" or after is None or (image.tail or "").strip():
        return
    holder = after
    while holder.tag == "div" and len(holder) == 1 and not _words(holder.text or ""):
        if _words(holder[0].tail or ""):
            return
        holder = holder[0]
    lines = [child for child in holder if isinstance(child.tag, str)]
    if _words(holder.text or "") or any(_words(line.tail or "") for line in lines):
        return
    if not _are_named_caption_lines(lines, caption_classes):
        return
    _make_caption_of_lines(image, lines)
    _detach_keeping_tail(after)


def _lift_figure_out_of_paragraph(
    box: HtmlElement, image: HtmlElement, parts: list[HtmlElement], caption_classes: frozenset[str]
) -> None:
    """An image and its named caption lines set in a span at the start of a
    paragraph (Business Insider's older '<p><em><span class="image"><img><span
    class="source">Reuters</span><span class="caption">…</span></span>The UK
    may…'): a figure before the paragraph. Left inline, the credit, the
    caption and the paragraph's first sentence ran together as one line
    ('…/REUTERSA Sukhoi Su-24 …rangeThe UK may…')."""
    paragraph = next(box.iterancestors("p"), None)
    if paragraph is None or len(parts) < 2 or image not in parts:
        return
    if any(_words(str(text)) for text in box.xpath("preceding::text()") if _within(text, paragraph)):
        return  # the picture within a sentence: moving it would part the words
    _gather_named_captions(box, image, parts, caption_classes)
    if box.tag != "figure":
        return
    holder = box.getparent()
    _detach_keeping_tail(box)
    paragraph.addprevious(box)
    while holder is not None and holder is not paragraph and not _words(holder.text_content()):
        if holder.find(".//img") is not None:
            break
        outer = holder.getparent()
        holder.drop_tree()  # an empty wrapper the figure left; its tail stays
        holder = outer


def _within(text: Any, element: HtmlElement) -> bool:
    """A text node (an element's text or its tail) read inside `element`."""
    holder = text.getparent()
    if holder is None:
        return False
    if text.is_tail:
        holder = holder.getparent()
    return holder is element or any(ancestor is element for ancestor in holder.iterancestors())


def _detach_keeping_tail(element: HtmlElement) -> None:
    """Takes `element` out of its parent; the text after it stays where it was."""
    tail, element.tail = element.tail or "", None
    previous, parent = element.getprevious(), element.getparent()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    elif parent is not None:
        parent.text = (parent.text or "") + tail
    if parent is not None:
        parent.remove(element)


def _is_named_caption(caption: HtmlElement, caption_classes: frozenset[str]) -> bool:
    """Named a caption, or wrapping the one element that is: readability puts a
    paragraph around the Washington Post's '<span class="pb-caption">'. Or a
    line of a few spans, one of them named so (ExtremeTech's '<span>Windows 10
    has hundreds of millions of users still…</span> <span class="credit">Credit:
    Microsoft</span>')."""
    if not caption_classes.isdisjoint(element_name_runs(caption)):
        return True
    inner = caption[0] if len(caption) == 1 and not (caption.text or "").strip() else None
    if inner is not None:
        return not caption_classes.isdisjoint(element_name_runs(inner))
    spans = [child for child in caption if isinstance(child.tag, str)]
    return (
        1 < len(spans) <= MAX_CAPTION_PARTS
        and all(span.tag == "span" and not len(span) for span in spans)
        and any(not caption_classes.isdisjoint(element_name_runs(span)) for span in spans)
    )


def _is_mark(element: HtmlElement) -> bool:
    """A line break, an anchor that only marks a place ('<a name="1c16…"></a>'
    before the Washington Post's photos), microdata's '<meta itemprop="image">'
    beside the picture (Daily Star): nothing a reader sees."""
    if element.tag in {"br", "meta", "link"}:
        return True
    return element.tag == "a" and element.get("href") is None and len(element) == 0 and not element.text


def _take_in_caption_after(box: HtmlElement, caption_classes: frozenset[str]) -> None:
    """The box's next block is its image's caption when named as one, or when it
    is a short line centred or greyed under it, as Chinese publishing systems set
    a caption ('<p style="text-align: center">姚明场边支招周琦。视频截图</p>',
    '<span style="color: rgb(128, 128, 128);">共享充电宝。视觉中国 资料</span>')."""
    caption = box.getnext()
    if caption is None or (box.tail or "").strip() or caption.tag not in CAPTION_TAGS:
        return
    if not _is_one_line(caption) or caption.find(".//a") is not None:
        return
    text = _words(caption.text_content())
    named = not caption_classes.isdisjoint(element_name_runs(caption))
    looks_apart = (_is_centred(caption) and not _centres_its_text(caption)) or _is_greyed(caption)
    set_apart = looks_apart and len(text) <= MAX_SET_APART_CAPTION_CHARS
    if not (named or set_apart) or not 0 < len(text) <= MAX_CAPTION_CHARS:
        return
    box.tail, caption.tail = caption.tail, None
    box.append(caption)
    box.tag, caption.tag = "figure", "figcaption"
    _strip_caption_dashes(caption, text)
    _drop_edge_line_breaks(caption)


def _is_centred(element: HtmlElement) -> bool:
    style = re.sub(r"\s+", "", (element.get("style") or "").lower())
    return "text-align:center" in style or (element.get("align") or "").lower() == "center"


# A line set apart under a picture, centred or grey, is its caption up to this length.
MAX_SET_APART_CAPTION_CHARS = 120


def _is_greyed(line: HtmlElement) -> bool:
    """Written in grey, by the line's own style or that of the one element that
    holds its words: the page shows it apart from the black prose."""
    inner = line[0] if len(line) == 1 and not (line.text or "").strip() else None
    return any(
        _GREY.search(re.sub(r"\s+", "", (element.get("style") or "").lower())) is not None
        for element in (line, inner)
        if element is not None
    )


# 'color:gray', 'color:#888', 'color:#999999', 'color:rgb(128,128,128)': equal
# channels between dark grey and light grey; black text and white are no greys.
_GREY_LEVEL = r"(?:6[0-9a-f]|[7-9a-b][0-9a-f]|c[0-8])"
_GREY = re.compile(
    r"(?<![-\w])color:(?:gr[ae]y|darkgr[ae]y|dimgr[ae]y"
    r"|#([6-9a-c])\1\1(?![0-9a-f])"
    r"|#(" + _GREY_LEVEL + r")\2\2(?![0-9a-f])"
    r"|rgb\((1[0-9][0-9]|9[6-9]),\3,\3\))"
)


def _centres_its_text(line: HtmlElement) -> bool:
    """The next paragraph of text is centred too: the page centres its prose
    (a photo blog's lines under each picture), and a centred line is no caption."""
    for following in itertools.islice(line.itersiblings(), MAX_SIBLINGS_TO_NEXT_TEXT):
        if following.tag == "p" and following.find(".//img") is None and _words(following.text_content()):
            return _is_centred(following)
    return False


MAX_SIBLINGS_TO_NEXT_TEXT = 6


def join_datelines(content: HtmlElement) -> None:
    """A dateline set as a block of its own before a paragraph ('<p><cite>New
    York CNN —</cite></p><p>Donald Trump brought…'): on the page it runs into
    the paragraph, alone it reads as a stray line. Its words open the paragraph."""
    for block in list(content.iter("p", "div")):
        following = block.getnext()
        if following is None or following.tag != "p" or block.getparent() is None:
            continue
        text = _words(block.text_content())
        if len(text) > MAX_DATELINE_CHARS or block.find(".//img") is not None:
            continue
        if not _DATELINE_END.search(text):
            continue
        following.text = f"{text} {(following.text or '').lstrip()}"
        block.drop_tree()


def join_step_numbers(content: HtmlElement) -> None:
    """A step's number set as a block of its own before the step's text
    (Recipe.com's '<div class="stepbystep">1.&nbsp;</div><div
    class="instruction">Preheat oven…</div>'): alone, '1.' reads as a line
    of its own. It opens the step's paragraph, as the page shows it."""
    for block in list(content.iter("p", "div")):
        following = block.getnext()
        if following is None or following.tag != "p" or block.getparent() is None or len(block):
            continue
        number = _words(block.text or "")  # (a no-break space is whitespace to split())
        if not _STEP_NUMBER.fullmatch(number) or not _words(following.text_content()):
            continue
        following.text = f"{number} {(following.text or '').lstrip()}"
        block.drop_tree()


_STEP_NUMBER = re.compile(r"\d{1,3}[.)]")


def join_split_tables(content: HtmlElement) -> None:
    """Tables set one after another, nothing between them, with the same columns,
    are one table its publishing system wrote row by row (SPIP closes a table at
    each blank line of its markup: La Vie des idées' fifteen one-row tables under
    a header table). Apart, each takes its own column widths and the columns do
    not line up. A later table with a caption or a header of its own starts anew."""
    for table in list(content.iter("table")):
        if table.getparent() is None or table.find(".//table") is not None:
            continue
        columns = _column_count(table)
        while columns >= 2 and (following := table.getnext()) is not None and following.tag == "table":
            if (table.tail or "").strip() or following.find(".//table") is not None:
                break
            if following.find("caption") is not None:
                break
            if following.find("thead") is not None and not _holds_only_a_totals_row(following):
                break
            if _column_count(following) != columns:
                break
            body = _last_row_group(table)
            for row in list(following.iter("tr")):
                body.append(row)
            table.tail = following.tail
            following.getparent().remove(following)


def _holds_only_a_totals_row(table: HtmlElement) -> bool:
    """One row, set as a header, of a label and numbers: the totals SPIP writes
    last, as a table of their own ('Ensemble des revues classées … | 1636 |
    3191 | …', La Vie des idées); a header names its columns."""
    rows = list(table.iter("tr"))
    if len(rows) != 1:
        return False
    cells = [_words(cell.text_content()) for cell in rows[0] if cell.tag in {"td", "th"}]
    return len(cells) >= 2 and all(_NUMBER_CELL.fullmatch(cell) for cell in cells[1:])


_NUMBER_CELL = re.compile(r"[-+\u2212]?\d[\d\s.,']*%?")  # \s: the thousands' spaces, no-break ones too


def _column_count(table: HtmlElement) -> int:
    """The widest row's cells, each counted by its colspan."""
    return max(
        (
            sum(int_attribute(cell, "colspan") or 1 for cell in row if cell.tag in {"td", "th"})
            for row in table.iter("tr")
        ),
        default=0,
    )


def _last_row_group(table: HtmlElement) -> HtmlElement:
    """Where rows go at the table's end: its last <tbody>, a new one after a header alone."""
    bodies = table.findall("tbody")
    if bodies and bodies[-1].getnext() is None:
        return bodies[-1]
    if table.find("tr") is not None and not bodies:
        return table
    body = table.makeelement("tbody", {})
    table.append(body)
    return body


# 'New York CNN —', 'KABUL, Afghanistan (AP) --', 'Mangupura, (Metrobali.com)-':
# letters, then a dash that ends the block, spaced or right after the agency's bracket.
MAX_DATELINE_CHARS = 50
_DATELINE_END = re.compile(r"[^\W\d_][^—–]*(?:\s(?:—|–|--)|\)\s*(?:-|—|–|--))$")


# Where pages put a caption beside its image, and how long one may be.
CAPTION_TAGS = frozenset({"p", "span", "div", "small", "em", "i", "cite"})
MAX_CAPTION_CHARS = 300
NOT_IN_CAPTION_TAGS = (
    *("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table"),
    *("blockquote", "pre", "figure", "img", "picture", "video", "iframe"),
)
# An image's own description shorter than this says too little to match a caption by.
MIN_MATCHED_DESCRIPTION_CHARS = 10
_CAPTION_DASHES = re.compile(r"^\s*[-–—]\s+(.+?)\s+[-–—]\s*$")


def _outermost_wrapper(element: HtmlElement, wrappers: frozenset[str]) -> HtmlElement:
    """`element`, or the outermost of the wrappers that hold it and nothing else
    (a <picture>'s <source> elements are the image's other files)."""
    while True:
        parent = element.getparent()
        if parent is None or parent.tag not in wrappers or _words(parent.text_content()):
            return element
        others = [child for child in parent if child is not element]
        if others and not (parent.tag == "picture" and all(other.tag == "source" for other in others)):
            return element
        element = parent


def _is_one_line(caption: HtmlElement) -> bool:
    """Text and inline markup, or one paragraph of it: not a teaser box with
    its headings, lists and images. Boxes around the one line are no blocks of
    their own (Stanford Medicine's '<div class="caption-container"><div
    class="caption"><p>…')."""
    while len(caption) == 1 and caption[0].tag == "div":
        if _words((caption.text or "") + (caption[0].tail or "")):
            break
        caption = caption[0]
    blocks = sum(1 for _ in caption.iterdescendants(*NOT_IN_CAPTION_TAGS))
    # (An image counts among the blocks: a lone <p> child leaves room for none.)
    return blocks == 0 or (blocks == 1 and caption.find("p") is not None)


def _drop_edge_line_breaks(caption: HtmlElement) -> None:
    """A <br> before the caption's first words or after its last would give it an empty line."""
    while len(caption) and caption[0].tag == "br" and not (caption.text or "").strip():
        caption[0].drop_tree()
    while len(caption) and caption[-1].tag == "br" and not (caption[-1].tail or "").strip():
        caption[-1].drop_tree()


def _repeats_description(img: HtmlElement, caption: str) -> bool:
    description = _words(img.get("alt") or img.get("title") or "")
    return len(description) >= MIN_MATCHED_DESCRIPTION_CHARS and description.casefold() in caption.casefold()


def _strip_caption_dashes(caption: HtmlElement, text: str) -> None:
    """'- Tapie en 2008. REUTERS/Benoit Tessier -': dashes that set a caption
    apart on the page are no part of it. Only a caption of plain text is
    rewritten."""
    match = _CAPTION_DASHES.match(text)
    if match and not len(caption):
        caption.text = match.group(1)


# An icon font's character, or its ligature's name ('arrow_forward', 'search').
MAX_GLYPH_CHARS = 2
_LIGATURE_NAME = re.compile(r"[a-z]+(?:_[a-z]+)*")


def remove_empty_elements(content: HtmlElement) -> None:
    """Readability and stripping leave empty shells behind; innermost first."""
    for element in reversed(list(content.iter(*_BLOCKS_THAT_MAY_EMPTY))):
        if element is content or element.getparent() is None:
            continue
        text = element.text_content() or ""
        if text.strip(INVISIBLE_CHARACTERS):
            continue
        if any(child.tag in _KEEP_EMPTY for child in element.iter()):
            continue
        if text and next(element.iterancestors("pre"), None) is not None:
            element.drop_tag()  # an indent: in code every space counts
            continue
        _drop_keeping_word_break(element)


def _drop_keeping_word_break(element: HtmlElement) -> None:
    """`misguided<em> </em>policy`: the empty shell's space is the only thing
    between two words, so it stays."""
    tail = element.tail or ""
    if element.text_content() and not tail[:1].isspace():
        element.tail = " " + tail
    element.drop_tree()


# A heading, or a short line ending in a colon, as the article's last words
# announces what was removed after it: 'External links', 'Editors'
# Recommendations:', 'Empfehlungen von Tomislav:'. No article ends on one.
MAX_ANNOUNCEMENT_CHARS = 100
MAX_LABEL_WORDS = 7
# Two hashtags or more and nothing else: each opens with a letter ('#1' is a number).
_HASHTAG_LINE = re.compile(r"(?:#[^\W\d_][^\s#,，、]*[\s,，、]*){2,}")
MAX_HASHTAG_LINE_CHARS = 300
_ANNOUNCING_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "li", "strong", "b")
_SHOWN_MEDIA = frozenset(
    {"img", "picture", "video", "audio", "iframe", "table", "pre", "figure", "svg", "math"}
)


def drop_trailing_announcements(content: HtmlElement) -> None:
    for _ in range(4):  # labels above what was removed, and a heading above them
        last = _last_words(content)
        if last is None or not (_announces(last) or _ends_the_story(last)):
            return
        last.drop_tree()
        remove_empty_elements(content)


def drop_stray_rules(content: HtmlElement) -> None:
    """A horizontal rule with nothing shown before it, after it, or between it
    and the previous rule: what it set apart went (Vox's rule above its
    support appeal was left closing the article). A rule may be written as a
    paragraph of marks ('--' above the Los Angeles Times' writer's address,
    '* * *')."""
    rules_since_shown: list[HtmlElement] = []
    stray: list[HtmlElement] = []
    shown_yet = False
    for element in content.iter():
        if element.tag == "hr" or _is_written_rule(element):
            if not shown_yet or rules_since_shown:
                stray.append(element)  # before anything, or a second rule in a row
            rules_since_shown.append(element)
        elif element.tag in _SHOWN_MEDIA or (isinstance(element.tag, str) and (element.text or "").strip()):
            shown_yet, rules_since_shown = True, []
        if (element.tail or "").strip():
            shown_yet, rules_since_shown = True, []
    stray.extend(rule for rule in rules_since_shown if rule not in stray)  # after everything
    for rule in stray:
        rule.drop_tree()


def rank_headings_below_title(content: HtmlElement) -> None:
    """The reader page sets the title as its one <h1>: an article that heads
    its sections with <h1>s (a blog's captions, a book's chapters) has each
    of its headings moved one rank down, so that they rank below the title
    and keep their order among themselves (an <h6> stays one)."""
    if content.find(".//h1") is None:
        return
    for heading in list(content.iter(*_ALL_HEADINGS)):
        if heading.tag != "h6":
            heading.tag = f"h{int(heading.tag[1]) + 1}"


def _is_written_rule(element: HtmlElement) -> bool:
    marks = element.text or ""
    return element.tag == "p" and len(element) == 0 and _WRITTEN_RULE.fullmatch(marks) is not None


# Dashes, stars, bullets or the like, a few and nothing else ('--', '* * *', '———').
_WRITTEN_RULE = re.compile(r"\s*(?:[-–—*•·~_=#§]\s*){1,12}")


def _last_words(content: HtmlElement) -> HtmlElement | None:
    """The innermost block holding the content's last words, when nothing shown
    (a picture, a table) comes after it."""
    text = _words(content.text_content())
    for element in _from_the_end(content):
        if element.tag in _SHOWN_MEDIA:
            return None
        if element is content or element.tag not in _ANNOUNCING_BLOCKS:
            continue
        words = _words(element.text_content())
        if words:
            return element if text.endswith(words) else None
    return None


def _from_the_end(root: HtmlElement) -> Iterator[HtmlElement]:
    """`root.iter()` backwards, lazily: the last words are near the end, and
    listing the whole tree to reverse it costs a Python object per element."""
    pending: list[tuple[HtmlElement, bool]] = [(root, False)]
    while pending:
        element, expanded = pending.pop()
        if expanded:
            yield element
            continue
        pending.append((element, True))
        pending.extend((child, False) for child in element)


def _announces(block: HtmlElement) -> bool:
    words = _words(block.text_content())
    if len(words) <= MAX_HASHTAG_LINE_CHARS and _HASHTAG_LINE.fullmatch(words):
        return True  # the post's hashtags, its tags line in blogs ('#우유,#인류,#키')
    if len(words) > MAX_ANNOUNCEMENT_CHARS:
        return False
    if block.tag in _HEADINGS or block.tag == "h1" or _is_run_in_heading(block):
        return True
    # A label, not a sentence that ends on a colon ('check out the footage below:').
    return words.endswith((":", "：")) and len(words.split()) <= MAX_LABEL_WORDS


def _ends_the_story(block: HtmlElement) -> bool:
    """A wire's end mark ('(END)', '-30-'), or the writer's e-mail address
    alone (Yonhap closes 'kokobj@yna.co.kr', then '(END)')."""
    lines = [line for line in map(_words, lines_between_breaks(block)) if line]
    end_marks = load_rules().end_marks
    return bool(lines) and all(
        line.casefold() in end_marks or EMAIL_ADDRESS.fullmatch(line) is not None for line in lines
    )


def _is_run_in_heading(block: HtmlElement) -> bool:
    """Bold text that is a whole paragraph, as blogs write their headings
    ('<p><strong>Weblinks</strong></p>'): the paragraph or its bold part."""
    paragraph = block.getparent() if block.tag in _BOLD else block
    if paragraph is None or paragraph.tag != "p" or (paragraph.text or "").strip():
        return False
    children = [child for child in paragraph if isinstance(child.tag, str)]
    if len(children) != 1 or children[0].tag not in _BOLD or (children[0].tail or "").strip():
        return False
    words = _words(children[0].text_content())
    # A closing line set in bold is said, not announced ('Guten Appetit!',
    # '【…未经授权，不得转载。】'): a heading holds no sentence's punctuation.
    return len(words.split()) <= MAX_LABEL_WORDS and _SENTENCE_PUNCTUATION.search(words) is None


_BOLD = frozenset({"strong", "b"})
_SENTENCE_PUNCTUATION = re.compile(r"[.!?…,;。！？，；、]")


# Tables that lay a page out rather than hold data (older sites set their whole
# article in one cell): a reader shows their cells as the blocks they are. After
# Readability.js's _markDataTables, kept cautious: what marks data (a caption,
# header cells, a summary) keeps a table a table.
LAYOUT_CELL_CHARS = 300
_DATA_TABLE_MARKS = etree.XPath("boolean(@summary or caption or thead or tfoot or .//th)")
_ROW_CELLS = etree.XPath("./tr/td | ./*/tr/td")


def unwrap_layout_tables(content: HtmlElement) -> None:
    """Each layout table becomes its cells, in order, as <div>s; nested tables
    first. A table that sets one picture above or beside its caption becomes
    that figure."""
    for table in reversed(list(content.iter("table"))):
        if table.getparent() is None:
            continue
        if _is_picture_table(table):
            _make_figure_of(table)
            continue
        if not _is_layout_table(table):
            continue
        cells = _ROW_CELLS(table)
        parent = table.getparent()
        position = parent.index(table)
        for offset, cell in enumerate(cells):
            cell.tag = "div"
            cell.attrib.clear()
            parent.insert(position + offset, cell)
        table.drop_tree()  # its tail stays


def _is_layout_table(table: HtmlElement) -> bool:
    if (table.get("role") or "").lower() in {"presentation", "none"} or table.get("datatable") == "0":
        return True
    if _DATA_TABLE_MARKS(table):
        return False
    if any(True for _ in table.iterdescendants("table")):
        return True
    rows = table.xpath("./tr | ./*/tr")
    if rows and all(len(_ROW_CELLS_OF(row)) == 1 for row in rows):
        return True  # one column: its cells read the same one after another
    return any(len(_words(cell.text_content())) >= LAYOUT_CELL_CHARS for cell in _ROW_CELLS(table))


_ROW_CELLS_OF = etree.XPath("./td")


def _is_picture_table(table: HtmlElement) -> bool:
    """One picture and a short text in a few cells, nothing else: how older
    sites box a photo with its caption and credit (LiveScience's '<table><tr>
    <td><img></td><tr><td>Magic mushrooms can…<span>Credit: …</span></td>')."""
    images = list(table.iter("img"))
    cells = _ROW_CELLS(table)
    if len(images) != 1 or not 2 <= len(cells) <= MAX_PICTURE_TABLE_CELLS or _DATA_TABLE_MARKS(table):
        return False
    if any(True for _ in table.iterdescendants("table")) or not _may_be_article_picture(images[0]):
        return False
    return 0 < len(_words(table.text_content())) <= MAX_CAPTION_CHARS


# A picture, its caption and its credit; more cells lay out more than a figure.
MAX_PICTURE_TABLE_CELLS = 4


def _make_figure_of(table: HtmlElement) -> None:
    """The table becomes a figure: its picture, then every other cell's content
    as one caption, in order."""
    img = next(table.iter("img"))
    picture = _outermost_wrapper(img, _INLINE_WRAPPERS)
    figure = etree.Element("figure")
    caption = etree.SubElement(figure, "figcaption")
    for cell in _ROW_CELLS(table):
        if picture in cell.iterdescendants():
            picture.drop_tree()  # its tail stays in the cell
        cell.tag = "div"
        cell.attrib.clear()
        caption.append(cell)
    figure.insert(0, picture)
    picture.tail = None
    figure.tail = table.tail
    table.getparent().replace(table, figure)


def has_article_substance(content: HtmlElement) -> bool:
    text_length = len(" ".join(content.text_content().split()))
    if text_length >= MIN_ARTICLE_CHARS:
        return True
    return text_length > 0 and any(True for _ in content.iter("img"))


def is_written(content: HtmlElement) -> bool:
    """A short text without one sentence or picture is what is left of a page
    whose story its scripts load: a masthead, an imprint's names and phone
    numbers (El Peruano), a menu."""
    if any(True for _ in content.iter("img")):
        return True
    if len(" ".join(content.text_content().split())) >= MAX_UNWRITTEN_CHARS:
        return True
    lines = list(_block_lines(content))
    return any(_holds_a_sentence(line) or _is_unstopped_sentence(line) for line in lines) or _is_verse(lines)


def _is_verse(lines: list[str]) -> bool:
    """Lines of words that end no sentence, one after another: a song's
    lyrics or a poem set without punctuation (chineselyrics4u's pinyin). A
    menu's lines are a few words, an imprint's hold numbers."""
    verses = (
        line
        for line in lines
        if approximate_words(line) >= MIN_SENTENCE_WORDS and not any(c.isdigit() for c in line)
    )
    return sum(1 for _ in itertools.islice(verses, MIN_VERSE_LINES)) >= MIN_VERSE_LINES


MIN_VERSE_LINES = 4


# A text this long is an article even if no line of it ends as a sentence
# does (a poem, a list of links the page is about).
MAX_UNWRITTEN_CHARS = 1000
MIN_SENTENCE_WORDS = 5


def _block_lines(content: HtmlElement) -> Iterator[str]:
    """The lines of each block that holds no other block: its text, parted
    where a <br> ends a line."""
    for block in content.iter(*_LINE_BLOCKS):
        if not any(True for _ in block.iterdescendants(*_LINE_BLOCKS)):
            yield from lines_between_breaks(block)


_LINE_BLOCKS = (
    *("p", "div", "li", "dd", "dt", "td", "th", "blockquote", "pre", "figcaption", "caption"),
    *("section", "article", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6"),
)


def _is_unstopped_sentence(line: str) -> bool:
    """A line of prose written without its full stop: many words, most in
    lower case (Mozilla's security advisories: 'Dragging Javascript URLs to
    the address bar could cause them to be loaded, bypassing restrictions and
    security protections'). A menu's line is its items' capitalized names."""
    words = line.split()
    if len(words) < MIN_UNSTOPPED_SENTENCE_WORDS:
        return False
    return sum(word[0].islower() for word in words) * 2 >= len(words)


MIN_UNSTOPPED_SENTENCE_WORDS = 12


def _holds_a_sentence(line: str) -> bool:
    """Five words or more up to a mark that ends a sentence. The word before
    the mark is no abbreviation ('Av.', 'S.A.'): an address or a company's
    name is not a sentence."""
    for end in _SENTENCE_END_MARK.finditer(line):
        before = line[: end.start()]
        words = before.split()
        if not words or approximate_words(before) < MIN_SENTENCE_WORDS:
            continue
        if end.group() in _FULL_WIDTH_ENDS or (len(words[-1]) >= 2 and "." not in words[-1]):
            return True
    return False


# Full-width marks need no space after them; the others do, or a closing quote
# and a space ('3.5', 'example.com' and 'S.A.' end no sentence).
_FULL_WIDTH_ENDS = "。！？"
_SENTENCE_END_MARK = re.compile(f"[{_FULL_WIDTH_ENDS}]|" r"[.!?…؟।۔።։]+(?=[\"'”’»)\]」』]*(?:\s|$))")
