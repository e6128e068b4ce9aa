"""Rule data from `shared/rules/` (also read by the extension), compiled once
per process into matchers. Mechanism lives in `pipeline/strip.py`."""

from __future__ import annotations

import bisect
import json
import os
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any

import cssselect
from cssselect.xpath import ExpressionError
from lxml import etree
from lxml.cssselect import LxmlTranslator
from lxml.etree import XPath
from lxml.html import HtmlElement

from unwall.writing_systems import (
    CJK_PUNCTUATION,
    HALFWIDTH_AND_FULLWIDTH_FORMS,
    KATAKANA_MIDDLE_DOT,
    UNSPACED_LETTERS,
)

_PACKAGED_RULES = Path(__file__).resolve().parent / "shared" / "rules"
RULES_DIR_ENV = "UNWALL_RULES_DIR"


def rules_dir() -> Path:
    override = os.environ.get(RULES_DIR_ENV)
    return Path(override) if override else _PACKAGED_RULES


@dataclass(frozen=True)
class SelectorRule:
    id: str
    kind: str
    platform: str


@dataclass(frozen=True)
class AttributeGate:
    """Selectors filed under one attribute of the element they select: `pattern`
    finds, in the attribute's value, whether any of them can match (`[class^=cookie-]`,
    `[data-testid=cookie-banner]`); only then are their `tests` run."""

    pattern: re.Pattern[str]
    tests: tuple[tuple[SelectorRule, XPath], ...]


# Compared and hashed by identity: an index is built once per process, and
# what is computed from it can be cached under it (`_filed_names`).
@dataclass(frozen=True, eq=False)
class SelectorIndex:
    """Many selector rules, matched in one walk of the tree.

    Nearly every consent-platform selector is a bare `#id` or `.class`: those
    are looked up in dictionaries while walking the elements. Every other
    selector becomes a test of one element (`subject_predicate`), filed under a
    name the element it selects must carry: its id (`#x > .y`), else a class
    (`div.cookie-bar.open`), else an attribute and what its value must look like
    (`[data-testid=cookie-banner]`, `[class^=CookieBanner_]`). The walk runs a
    test only on elements that carry its name: a few dictionary look-ups and
    one regex per element however many selectors there are. (One XPath per
    selector, or one XPath of all of them, costs the XPath engine a step per
    selector per element: with a few hundred selectors, more than the rest of
    the pipeline.) Selectors whose element has no id, class or attribute at all
    (`dialog`, `#x div`) are joined into one XPath, evaluated once.
    """

    rules: tuple[SelectorRule, ...]
    by_id: dict[str, SelectorRule]
    by_class: dict[str, SelectorRule]
    complex_union: XPath | None
    # Per rule, a test of one element (`boolean(self::*[…])`) for `complex_union`'s matches.
    complex_by_rule: tuple[tuple[SelectorRule, XPath], ...]
    complex_by_id: dict[str, tuple[tuple[SelectorRule, XPath], ...]] = field(default_factory=dict)
    complex_by_class: dict[str, tuple[tuple[SelectorRule, XPath], ...]] = field(default_factory=dict)
    by_attribute: dict[str, AttributeGate] = field(default_factory=dict)
    rule_order: dict[str, int] = field(default_factory=dict)  # rule id -> position

    # Whether every selector judges an element by itself alone (its tag and its
    # attributes: no combinator, no structural pseudo-class). Then what the
    # index finds does not depend on what else is in the tree, or was taken out.
    local: bool = False

    def matches(self, scope: HtmlElement) -> list[tuple[HtmlElement, SelectorRule]]:
        """(element, first rule that matches it): those found in the walk in document
        order, then those of `complex_union` in document order."""
        return matches_in_one_walk((self,), scope)[0]

    def _rule_for(
        self, element: HtmlElement, names: list[str], element_id: str, classes: list[str]
    ) -> SelectorRule | None:
        """The first rule that matches `element` by its names, given its attribute
        names, id and classes."""
        rule = self.by_id.get(element_id)
        if rule is None:
            for name in classes:
                rule = self.by_class.get(name)
                if rule is not None:
                    return rule
        if rule is None and (self.complex_by_id or self.complex_by_class or self.by_attribute):
            candidates = [*self.complex_by_id.get(element_id, ())]
            for name in classes:
                candidates.extend(self.complex_by_class.get(name, ()))
            for name in names:
                gate = self.by_attribute.get(name)
                if gate is not None and gate.pattern.search(element.get(name) or ""):
                    candidates.extend(gate.tests)
            if candidates:
                # Filed under several names, the tests are checked in rule order.
                candidates.sort(key=lambda test: self.rule_order[test[0].id])
                rule = _first_passed(candidates, element)
        return rule

    def _add_union_matches(self, scope: HtmlElement, found: list[tuple[HtmlElement, SelectorRule]]) -> None:
        if self.complex_union is None:
            return
        candidates = self.complex_union(scope)
        if candidates:
            seen = {id(element) for element, _ in found}
            for element in candidates:
                if id(element) not in seen:
                    seen.add(id(element))
                    if (rule := _first_passed(self.complex_by_rule, element)) is not None:
                        found.append((element, rule))


def matches_in_one_walk(
    indexes: Sequence[SelectorIndex], scope: HtmlElement
) -> list[list[tuple[HtmlElement, SelectorRule]]]:
    """What each index's `matches` finds, from one walk of the tree: reading
    every element's names costs more than looking them up in the indexes."""
    found: list[list[tuple[HtmlElement, SelectorRule]]] = [[] for _ in indexes]
    filed = _filed_names(tuple(indexes))
    # Read into locals: this loop sees every element of the page.
    ids, class_names, attributes = filed.ids, filed.classes, filed.attributes
    id_gate, class_gate = filed.id_gate, filed.class_gate
    for element in scope.iterdescendants(_ELEMENTS):
        names = element.keys()
        if not names:
            continue
        element_id = element.get("id") or ""
        class_attribute = element.get("class") or ""
        classes = class_attribute.split()
        if (
            element_id not in ids
            and class_names.isdisjoint(classes)
            and attributes.isdisjoint(names)
            and not (element_id and id_gate and id_gate.search(element_id))
            and not (class_attribute and class_gate and class_gate.search(class_attribute))
        ):
            continue
        for index, index_found in zip(indexes, found, strict=True):
            rule = index._rule_for(element, names, element_id, classes)
            if rule is not None:
                index_found.append((element, rule))
    for index, index_found in zip(indexes, found, strict=True):
        index._add_union_matches(scope, index_found)
    return found


@dataclass(frozen=True)
class _FiledNames:
    """Every name some indexes file a rule under. Most elements carry none: they
    are passed over after a few set look-ups, without asking each index."""

    ids: frozenset[str]
    classes: frozenset[str]
    # Gated attributes other than id and class, which nearly every element has:
    # those two are passed over when their gates' patterns find nothing.
    attributes: frozenset[str]
    id_gate: re.Pattern[str] | None
    class_gate: re.Pattern[str] | None


@lru_cache(maxsize=16)
def _filed_names(indexes: tuple[SelectorIndex, ...]) -> _FiledNames:
    """Built once per process for each set of indexes (they are hashed by identity)."""
    gates = [index.by_attribute for index in indexes]
    return _FiledNames(
        ids=frozenset(name for index in indexes for name in (*index.by_id, *index.complex_by_id)),
        classes=frozenset(name for index in indexes for name in (*index.by_class, *index.complex_by_class)),
        attributes=frozenset(name for by_name in gates for name in by_name if name not in ("id", "class")),
        id_gate=_either([by_name["id"].pattern for by_name in gates if "id" in by_name]),
        class_gate=_either([by_name["class"].pattern for by_name in gates if "class" in by_name]),
    )


def _either(patterns: list[re.Pattern[str]]) -> re.Pattern[str] | None:
    if len(patterns) <= 1:
        return patterns[0] if patterns else None
    return re.compile("|".join(f"(?:{pattern.pattern})" for pattern in patterns))


def _first_passed(tests: Sequence[tuple[SelectorRule, XPath]], element: HtmlElement) -> SelectorRule | None:
    for rule, test in tests:
        if test(element):
            return rule
    return None


# Elements only, not comments or processing instructions.
_ELEMENTS = etree.Element
_SIMPLE_ID = re.compile(r"^#(-?[A-Za-z_][\w-]*)$")
_SIMPLE_CLASS = re.compile(r"^\.(-?[A-Za-z_][\w-]*)$")


@dataclass(frozen=True)
class ClassTokenRule:
    id: str
    kind: str
    tokens: frozenset[str]
    # Comment sections are prose by nature: the prose guard must not keep them.
    may_hold_prose: bool = False
    # The rule reads <article> and <main> elements too: others never do, as
    # WordPress names a post's <article> after its tags ('tag-comments').
    names_article_elements: bool = False


@dataclass(frozen=True)
class PhraseSet:
    """Phrases of one category across every language, as a few regexes: one per
    script of the phrases' first letters (see `script_groups`)."""

    # For normalized text, with word boundaries.
    patterns: tuple[re.Pattern[str], ...]
    exact: frozenset[str]
    # The same phrases for text that was not normalized (case, apostrophes,
    # spaces), without word boundaries: a quick first look that saves normalizing
    # text with no match. It finds every phrase `patterns` find in the text's
    # lines, even where text_content() glued a word of the next block to it.
    # The first of both is for the phrases that begin with an ASCII letter: the
    # only ones an ASCII text can hold.
    raw_patterns: tuple[re.Pattern[str], ...] = ()

    def occurs_in_raw(self, text: str) -> bool:
        if not self.raw_patterns:
            return False
        lowered = fold_marks(text.lower())
        return any(
            pattern.search(lowered) is not None for pattern in _for_scripts_of(lowered, self.raw_patterns)
        )

    def _patterns_for(self, normalized_text: str) -> tuple[re.Pattern[str], ...]:
        return _for_scripts_of(normalized_text, self.patterns)

    def search_all(self, normalized_text: str) -> set[str]:
        return {
            match.group(0)
            for pattern in self._patterns_for(normalized_text)
            for match in pattern.finditer(normalized_text)
        }

    def occurs_in(self, normalized_text: str) -> bool:
        return any(
            pattern.search(normalized_text) is not None for pattern in self._patterns_for(normalized_text)
        )

    def without(self, normalized_text: str) -> str:
        """The text with every phrase replaced by a space."""
        for pattern in self._patterns_for(normalized_text):
            normalized_text = pattern.sub(" ", normalized_text)
        return normalized_text

    def is_label(self, normalized_text: str) -> bool:
        return normalized_text in self.exact

    def opens(self, normalized_text: str) -> bool:
        """The text begins with a phrase, after any decoration ('» ', '📲 ')."""
        text = _LEADING_DECORATION.sub("", normalized_text)
        return any(pattern.match(text) is not None for pattern in self._patterns_for(text))


_LEADING_DECORATION = re.compile(r"^[\W_]+")


@dataclass(frozen=True)
class ArticleParts:
    """How a page marks the parts of its work: schema.org properties
    ('recipeIngredient'), and microformat classes inside their root ('ingredient' in 'hrecipe')."""

    itemprops: frozenset[str]
    part_classes: frozenset[str]
    root_classes: frozenset[str]


@dataclass(frozen=True)
class RuleSet:
    consent_dialogs: SelectorIndex
    embed_notices: SelectorIndex
    embed_url_attributes: tuple[str, ...]
    # A network's embed quote, by its class: whether it holds the post's own words.
    quoted_post_keeps_text: dict[str, bool]
    quoted_post_permalink_attributes: tuple[str, ...]
    boilerplate: tuple[ClassTokenRule, ...]
    remove_roles: frozenset[str]
    remove_tags: frozenset[str]
    dialog_phrases: PhraseSet
    action_labels: PhraseSet
    embed_notice_phrases: PhraseSet
    # 'More from …', 'Mehr von …': the opening of a related box's label that names a source.
    related_openings: PhraseSet
    # 'Back to', 'Zurück zur': the words that open a link back to the page's section.
    back_link_openings: PhraseSet
    # 'En vidéo, …', 'VIDEO: …': the opening of a title set over a video player.
    video_title_opening: re.Pattern[str]
    # '… Read More "What we do"', '… Weiterlesen': a template's link after a summary cut short.
    read_on_tail: re.Pattern[str]
    related_labels: PhraseSet
    # 'Previous article', 'Nächster Beitrag', '上一篇': a link's label to the site's post before or after.
    post_pager_labels: PhraseSet
    taxonomy_labels: PhraseSet
    promo_phrases: PhraseSet
    # Membership and donation platforms: a link to one seconds a promo phrase.
    donation_hosts: frozenset[str]
    # Class names of icon-font glyphs ('icon', 'material-icons').
    icon_classes: frozenset[str]
    # Class names of a picture that stands for a character ('emoji', SPIP's bullet 'puce').
    glyph_picture_classes: frozenset[str]
    # Class names of a code block's line numbers ('linenos', 'gutter').
    code_gutter_classes: frozenset[str]
    # Class names of a caption set as a paragraph beside its image ('wp-caption-text').
    caption_classes: frozenset[str]
    # A recipe's ingredients and steps, as the page's markup names them.
    article_parts: ArticleParts
    # Class names of text for screen readers only ('sr-only', 'off-screen').
    screen_reader_classes: frozenset[str]
    # Class names of a block shown only in print ('visible-print'), and the
    # display utilities that say so together ('d-none d-print-block').
    print_only_classes: frozenset[str]
    # The line a wire or a press office ends a story with ('(END)', '-30-').
    end_marks: frozenset[str]
    print_hiding_class: str
    print_showing_prefix: str
    screen_showing_prefixes: tuple[str, ...]
    # The in-page anchors of comment sections ('comments', 'respond').
    comment_anchors: frozenset[str]
    # Where a share button leads ('facebook.com/sharer', 'mailto:?'), one pattern,
    # and the hosts and schemes of those addresses, for a first look at a link.
    share_endpoints: re.Pattern[str]
    share_hosts: frozenset[str]
    share_schemes: tuple[str, ...]
    # Where a site keeps its profiles ('instagram.com'), and the path words of posts there ('status').
    social_profile_hosts: frozenset[str]
    social_post_path_words: frozenset[str]
    # The name (lower case) of a query parameter that only tracks ('utm_source', 'fbclid').
    tracking_parameter: re.Pattern[str]
    error_report_phrases: PhraseSet
    # 'Your email address will not be published', 'Comments are moderated': a comment form and its rules.
    comment_notice_phrases: PhraseSet
    copyright_phrases: PhraseSet
    author_box_labels: PhraseSet
    media_labels: frozenset[str]
    ad_labels: frozenset[str]
    control_labels: frozenset[str]
    # 'Previous', 'Next': a gallery's arrows, a widget's only in a row of controls.
    arrow_labels: frozenset[str]
    # 'Abonnés', 'Premium': a subscribers' badge set inside a headline.
    premium_badges: frozenset[str]
    consent_vocabulary: PhraseSet
    # Any phrase the classifier could act on, and the cookie stems: a block
    # without one is skipped.
    any_trigger: PhraseSet
    # What an element's own short text must hold to be judged an ad's or a
    # widget's label (its words are common: 'share'; read on the article only).
    line_label_trigger: PhraseSet
    # The word for cookies, as stems found inside words ('sīkdatnes',
    # 'evästeitä'), in normalized text: a short banner may hold only the word
    # and its buttons.
    cookie_words: re.Pattern[str]

    @cached_property
    def _boilerplate_positions(self) -> dict[str, int]:
        """Each token of a boilerplate rule -> the position of the first rule
        that lists it. A token of several words matches them written as one
        too ('entry-date' names IIJ's dl.entrydate, 'related-posts' a
        div.relatedposts): after every listed token, so one listed as such wins."""
        positions: dict[str, int] = {}
        for position, rule in enumerate(self.boilerplate):
            for token in rule.tokens:
                positions.setdefault(token, position)
        for position, rule in enumerate(self.boilerplate):
            for token in rule.tokens:
                if "-" in token:
                    positions.setdefault(token.replace("-", ""), position)
        return positions

    def boilerplate_rule_for(self, names: frozenset[str]) -> ClassTokenRule | None:
        """The first boilerplate rule that lists one of an element's `name_runs`."""
        positions = self._boilerplate_positions
        if positions.keys().isdisjoint(names):
            return None
        return self.boilerplate[min(positions[name] for name in names if name in positions)]


# Typographic apostrophes and the no-break space, as the phrases are written.
# Korean notices write the copyright sign as a circled letter ('ⓒ 연합뉴스').
_FOLDED = (("’", "'"), ("‘", "'"), ("ʼ", "'"), ("`", "'"), ("\u00a0", " "), ("ⓒ", "©"), ("Ⓒ", "©"))
_LABEL_PUNCTUATION = (
    " \t\n:;.,!?¿¡»«›‹>→-–—|•*\"'()[]"
    # Full-width and CJK punctuation ('【相关阅读】', '関連記事：'), Arabic and
    # Devanagari punctuation, and the invisible marks that bidirectional text
    # and byte-order marks leave at a label's edge.
    "：；。，、！？【】「」『』《》〈〉（）［］・…،؛؟।\u200e\u200f\u061c\ufeff"
    # The squares, triangles and bullets Japanese and Korean pages set before a label ('■関連リンク', '▶').
    "■□▼▽▲△▶▷►◆◇●○◎※☞"
    # Arrows pointing to the next or the previous page ('≫次の記事', '« Previous', '← Older'),
    # or up to the page's top ('Back to top ↑').
    "≫≪<←⇒⇐➜➔➤❯❮↑⬆⇧"
)


def normalize_text(text: str) -> str:
    """Lower case, typographic apostrophes folded, whitespace collapsed."""
    # Whitespace first (split() is C): a wrapper's text is mostly indentation.
    return fold_marks(_fold_apostrophes(" ".join(text.split())).lower())


def normalize_lines(text: str) -> str:
    """`normalize_text` line by line, empty lines dropped: the line breaks are the
    borders of blocks, which no sentence or phrase crosses."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return fold_marks(_fold_apostrophes("\n".join(line for line in lines if line)).lower())


def fold_marks(lowered: str) -> str:
    """Marks a phrase may or may not be written with. Turkish capital 'İ'
    lower-cases to 'i' followed by U+0307 COMBINING DOT ABOVE, so 'İlgili
    Haberler' would never match the phrase 'ilgili haberler': the dot goes.
    Arabic writes short vowels and tanween as optional marks ('اقرأ أيضًا',
    'اقرأ أيضاً', 'اقرأ أيضا'), and stretches words with tatweel: they go too.
    A text in ASCII (a constant-time test) has none to fold."""
    if lowered.isascii():
        return lowered
    if "\u0307" in lowered:
        lowered = lowered.replace("i\u0307", "i")
    if _ARABIC_MARKS.search(lowered):
        lowered = _ARABIC_MARKS.sub("", lowered)
    return lowered


_ARABIC_MARKS = re.compile("[\u0640\u064b-\u0652]")


def _fold_apostrophes(text: str) -> str:
    # A substring test and replace() per character folded are C scans;
    # translate() would cost a dictionary look-up per character of the text.
    for typographic, plain in _FOLDED:
        if typographic in text:
            text = text.replace(typographic, plain)
    return text


def normalize_label(text: str) -> str:
    """A button or box label without decoration: '» Lire aussi :' -> 'lire aussi'."""
    return normalize_text(text).strip(_LABEL_PUNCTUATION)


def line_label_form(text: str) -> str:
    """A label as the ad and control label lists write it: without decoration
    or colons, each number as '#' ('Lesezeit: 4 Min.' -> 'lesezeit # min')."""
    return " ".join(_NUMBER.sub("#", normalize_label(text).replace(":", " ").replace("：", " ")).split())


def _label_trigger(label: str) -> str:
    """What a text holding the label must contain: its longest part without a number."""
    return max((part.strip() for part in label.split("#")), key=len)


# A number with its thousands grouped ('1 447', '1,234', '1.234') is one number.
_NUMBER = re.compile(r"\d+(?:[ ,.\u00a0\u202f]\d{3})*(?!\d)")


_NAME_PARTS = re.compile(r"[-_]+")
# 'relatedArticleList', 'shareBar': camelCase names part their words with a capital.
CAMEL_CASE_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_ANY_APOSTROPHE = "['’‘ʼ`]"


def is_screen_reader_text(element: HtmlElement) -> bool:
    """Named as text for screen readers only ('sr-only', 'u-screen-reader-text'):
    the page's style sheet keeps it off the screen."""
    return bool(element.get("class")) and not load_rules().screen_reader_classes.isdisjoint(
        element_name_runs(element)
    )


def element_name_runs(element: HtmlElement) -> frozenset[str]:
    """`name_runs` of an element's class and id."""
    return _cached_name_runs(element.get("class") or "", element.get("id") or "")


@lru_cache(maxsize=8192)
def _cached_name_runs(class_attribute: str, id_attribute: str) -> frozenset[str]:
    # Pages repeat the same class strings thousands of times.
    tokens = class_attribute.split()
    if id_attribute.strip():
        tokens.append(id_attribute.strip())
    return frozenset(name_runs(tokens)) if tokens else frozenset()


def name_runs(tokens: list[str]) -> set[str]:
    """Each class or id, and every run of its parts, in lower case:
    'box-newsletter__title' -> {'box-newsletter__title', 'box', 'newsletter',
    'title', 'box-newsletter', ...}; 'relatedArticleList' -> {'relatedarticlelist',
    'related', 'related-article', ...}. Matching runs, never substrings, keeps
    'share' from matching 'shareholder'."""
    runs = {token.lower() for token in tokens}
    for token in tokens:
        parts = [part.lower() for part in _NAME_PARTS.split(CAMEL_CASE_BOUNDARY.sub("-", token)) if part]
        if len(parts) > 8:
            continue
        for start in range(len(parts)):
            for end in range(start + 1, len(parts) + 1):
                runs.add("-".join(parts[start:end]))
    return runs


def _combining_mark_ranges() -> list[tuple[int, int]]:
    """The runs of combining marks in the Basic Multilingual Plane."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x10000):
        if unicodedata.category(chr(code)).startswith("M"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return ranges


_COMBINING_MARKS = _combining_mark_ranges()
# Any combining mark: what an accent becomes once a text is decomposed (NFKD).
COMBINING_MARK = re.compile(
    "[" + "".join(f"\\u{start:04x}-\\u{end:04x}" for start, end in _COMBINING_MARKS) + "]"
)
# Marks that follow letters of any script: combining diacritics and their
# supplements, combining marks for symbols, half marks.
_INHERITED_MARKS = ((0x300, 0x36F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F))


def _word_char(letters: frozenset[str]) -> str:
    r"""A regex class for a character of a word written with `letters`.
    `\w` alone misses the combining marks that end many words (Devanagari
    vowel signs: 'कर' is not in 'करें'). Only the marks of the letters' own
    Unicode blocks (taken as their 256 code points) are listed, with those
    any letter takes: a class of every mark of Unicode, repeated at each first
    letter of each phrase set, made compiling the rules take a second."""
    blocks = {ord(letter) >> 8 for letter in letters}
    marks = [(start, end) for start, end in _COMBINING_MARKS if {start >> 8, end >> 8} & blocks]
    marks += [span for span in _INHERITED_MARKS if span not in marks]
    return "[\\w" + "".join(f"\\u{start:04x}-\\u{end:04x}" for start, end in sorted(marks)) + "]"


# Scripts written without spaces between words (Japanese, Chinese, Thai…), with
# their punctuation: a phrase in them starts and ends anywhere in a run of
# letters ('続きをお読みいただけます' after '登録すると'), so an edge of a phrase
# written in them needs no word boundary.
_UNSPACED_CHAR = f"[{UNSPACED_LETTERS}{CJK_PUNCTUATION}{KATAKANA_MIDDLE_DOT}{HALFWIDTH_AND_FULLWIDTH_FORMS}]"
_UNSPACED = re.compile(_UNSPACED_CHAR)


# A phrase is a word or words: not part of a longer word. In the regex of the
# phrases that begin with an ASCII letter, which runs on every text, the test
# of the letter before comes first: it turns most positions away before the
# alternatives are tried. In the other scripts' regexes it comes right after
# the first letter, so that the engine can skip a text without those letters
# at C speed.
def _word_start() -> str:
    return rf"(?<!{_word_char(frozenset('a'))})"


@cache
def _word_start_after(first_letter: str) -> str:
    if _UNSPACED.match(first_letter):
        return ""
    return rf"(?<!{_word_char(frozenset(first_letter))}.)"


def _phrase_end(phrases: list[str]) -> str:
    last_letters = frozenset(phrase[-1] for phrase in phrases)
    return rf"(?:(?!{_word_char(last_letters)})|(?<={_UNSPACED_CHAR}))"


def _share_endpoint_pattern(endpoints: list[str]) -> re.Pattern[str]:
    """An address (lower case) that leads to a share dialog: an endpoint right
    after the scheme's '//' and a 'www.' or a subdomain, or at the start
    ('mailto:?')."""
    if not endpoints:
        return re.compile(_NEVER)
    alternation = "|".join(re.escape(endpoint) for endpoint in sorted(endpoints, key=len, reverse=True))
    return re.compile(rf"^(?:[a-z][a-z0-9+.-]*:)?(?://(?:[a-z0-9-]+\.)*?)?(?:{alternation})")


def _name_pattern(names: list[str]) -> re.Pattern[str]:
    """Matches a whole name among `names`; one ending in '*' names a prefix ('utm_*')."""
    if not names:
        return re.compile(_NEVER)
    forms = (re.escape(name.removesuffix("*")) + (".*" if name.endswith("*") else "") for name in names)
    return re.compile("|".join(forms))


def _address_start(endpoint: str) -> str:
    """'facebook.com/sharer' -> 'facebook.com'; 'mailto:?' -> 'mailto:'."""
    return endpoint.split("/")[0].split("?")[0]


def _phrase_set(phrases: list[str]) -> PhraseSet:
    normalized = sorted({normalize_text(p) for p in phrases if p.strip()}, key=len, reverse=True)
    if not normalized:
        return PhraseSet((), frozenset())
    groups = script_groups(normalized)
    ascii_first, *others = groups
    patterns = [
        _word_start() + trie_pattern(ascii_first, _NORMALIZED_CHARS) + _phrase_end(ascii_first)
        if ascii_first
        else ""
    ]
    patterns += [
        trie_pattern(group, _NORMALIZED_CHARS, _word_start_after) + _phrase_end(group) if group else ""
        for group in others
    ]
    raw = [trie_pattern(group, _RAW_CHARS) if group else "" for group in groups]
    return PhraseSet(
        tuple(re.compile(pattern or _NEVER) for pattern in patterns),
        frozenset(normalize_label(p) for p in normalized),
        tuple(re.compile(pattern or _NEVER) for pattern in raw),
    )


_NEVER = "(?!)"


# Where the letters of each script after Latin begin: Greek, Cyrillic, Hebrew,
# Arabic, Devanagari, Thai, then Hangul, kana and Han. Before them, group 1 is
# ASCII and group 2 Latin's accented letters (with Vietnamese's, further on).
_SCRIPT_STARTS = (0x370, 0x400, 0x590, 0x600, 0x900, 0xE00, 0x1100)
_LATIN_EXTENDED_ADDITIONAL = range(0x1E00, 0x1F00)
# Letters of the scripts after Latin, not the punctuation and symbols between
# them ('“', '—', '€'): a text without them is Latin.
# Greek to Ethiopic (Armenian, the Indic scripts, Thai, Georgian...), Khmer,
# Georgian's capitals, then kana, Han and Hangul and the full-width forms.
_LETTERS_BEYOND_LATIN = re.compile(
    "[\u0370-\u137f\u1780-\u17ff\u1c90-\u1cbf\u3040-\ud7af\uf900-\ufaff\uff00-\uffef]"
)


def _script_group(letter: str) -> int:
    code = ord(letter)
    if code < 0x80:
        return 1
    if code < _SCRIPT_STARTS[0] or code in _LATIN_EXTENDED_ADDITIONAL:
        return 2
    return 3 + bisect.bisect_right(_SCRIPT_STARTS, code)


def _for_scripts_of(text: str, patterns: tuple[re.Pattern[str], ...]) -> tuple[re.Pattern[str], ...]:
    """The regexes of `script_groups` that `text` can match: an ASCII text only
    the first's, a Latin text (accents, curly quotes) the first two, at the
    cost of one scan in C instead of one per script."""
    if text.isascii():
        return patterns[:1]
    if _LETTERS_BEYOND_LATIN.search(text) is None:
        return patterns[:2]
    return patterns


def script_groups(normalized: list[str]) -> list[list[str]]:
    """The phrases by the script of their first letter, ASCII first and
    Latin's accented letters second (even when empty). re tries a position's
    alternatives one by one, so one regex for all would test the first letters
    of every script at every position of a Latin text (seven times slower,
    measured with 37 languages); a regex whose phrases all begin in a script
    the text does not use skips the text at C speed."""
    by_script: dict[int, list[str]] = {1: [], 2: []}
    for phrase in normalized:
        by_script.setdefault(_script_group(phrase[0]), []).append(phrase)
    return [phrases for _, phrases in sorted(by_script.items())]


# How a phrase character is matched in normalized text and in raw (lower-cased) text.
# Normalized text has single spaces, and line breaks only between blocks.
_NORMALIZED_CHARS = {" ": " "}
_RAW_CHARS = {" ": r"\s+", "'": _ANY_APOSTROPHE}


def trie_pattern(
    phrases: list[str], special: dict[str, str], after_first: Callable[[str], str] | None = None
) -> str:
    """One regex for many phrases, factored by common prefixes: hundreds of
    phrases in dozens of languages cost one character test per position of the
    text instead of one test per phrase. `after_first` gives what to test right
    after a phrase's first letter."""
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    quoted: dict[str, str] = {}

    def quote(char: str) -> str:
        if char not in quoted:
            quoted[char] = special.get(char, re.escape(char))
        return quoted[char]

    def build(node: dict[str, Any]) -> str:
        # Most of a trie is the single-letter chains of phrases' ends: walked
        # in a loop, not a call per letter.
        chain = []
        while len(node) == 1 and "" not in node:
            ((char, node),) = node.items()
            chain.append(quote(char))
        prefix = "".join(chain)
        branches = [quote(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return prefix
        optional = "" in node
        if len(branches) == 1 and not optional:
            return prefix + branches[0]
        return prefix + "(?:" + "|".join(branches) + ")" + ("?" if optional else "")

    if after_first is None:
        return build(trie)
    firsts = [quote(char) + after_first(char) + build(child) for char, child in sorted(trie.items()) if char]
    return "(?:" + "|".join(firsts) + ")"


def selector_index(rule_data: list[dict[str, Any]]) -> SelectorIndex:
    rules: list[SelectorRule] = []
    by_id: dict[str, SelectorRule] = {}
    by_class: dict[str, SelectorRule] = {}
    # Filed tests, in rule order: (rule, XPath source) per id, class or attribute name.
    by_id_tests: dict[str, list[tuple[SelectorRule, str]]] = {}
    by_class_tests: dict[str, list[tuple[SelectorRule, str]]] = {}
    by_attribute_tests: dict[str, list[tuple[SelectorRule, str]]] = {}
    attribute_patterns: dict[str, list[str]] = {}
    unfiled: list[tuple[SelectorRule, list[str]]] = []
    local = True
    for data in rule_data:
        rule = SelectorRule(data["id"], data["kind"], data["platform"])
        rules.append(rule)
        tests = []
        for selector in data["selectors"]:
            selector = selector.strip()
            if match := _SIMPLE_ID.match(selector):
                by_id.setdefault(match.group(1), rule)
            elif match := _SIMPLE_CLASS.match(selector):
                by_class.setdefault(match.group(1), rule)
            else:
                for parsed in cssselect.parse(selector):
                    local = local and _judges_element_alone(parsed.parsed_tree)
                    test = subject_predicate(parsed)
                    kind, name, pattern = _subject_name(parsed.parsed_tree)
                    if kind == "id":
                        by_id_tests.setdefault(name, []).append((rule, test))
                    elif kind == "class":
                        by_class_tests.setdefault(name, []).append((rule, test))
                    elif kind == "attribute":
                        by_attribute_tests.setdefault(name, []).append((rule, test))
                        attribute_patterns.setdefault(name, []).append(pattern)
                    else:
                        tests.append(test)
        if tests:
            unfiled.append((rule, tests))
    every_test = " or ".join(test for _, tests in unfiled for test in tests)
    return SelectorIndex(
        rules=tuple(rules),
        by_id=by_id,
        by_class=by_class,
        complex_union=XPath(f"descendant-or-self::*[{every_test}]") if every_test else None,
        complex_by_rule=tuple((rule, _element_test(tests)) for rule, tests in unfiled),
        complex_by_id=_compiled_tests(by_id_tests),
        complex_by_class=_compiled_tests(by_class_tests),
        by_attribute={
            name: AttributeGate(
                re.compile("|".join(sorted(set(attribute_patterns[name])))),
                _compiled_tests({name: tests})[name],
            )
            for name, tests in by_attribute_tests.items()
        },
        rule_order={rule.id: position for position, rule in reversed(list(enumerate(rules)))},
        local=local,
    )


def _judges_element_alone(tree: cssselect.parser.Tree) -> bool:
    """A compound of a tag, ids, classes and attribute tests only."""
    node: Any = tree
    while not isinstance(node, cssselect.parser.Element):
        if not isinstance(node, (cssselect.parser.Class, cssselect.parser.Hash, cssselect.parser.Attrib)):
            return False
        node = node.selector
    return True


def _element_test(tests: list[str]) -> XPath:
    return XPath(f"boolean({' or '.join(tests)})")


def _compiled_tests(
    filed: dict[str, list[tuple[SelectorRule, str]]],
) -> dict[str, tuple[tuple[SelectorRule, XPath], ...]]:
    """One test per (name, rule), the rules in their order."""
    compiled: dict[str, tuple[tuple[SelectorRule, XPath], ...]] = {}
    for name, tests in filed.items():
        per_rule: dict[SelectorRule, list[str]] = {}
        for rule, test in tests:
            per_rule.setdefault(rule, []).append(test)
        compiled[name] = tuple((rule, _element_test(rule_tests)) for rule, rule_tests in per_rule.items())
    return compiled


# What an attribute's value must look like for `[name OPERATOR value]` to match.
_VALUE_PATTERNS = {
    "exists": "{}",
    "=": r"\A{}\Z",
    "^=": r"\A{}",
    "$=": r"{}\Z",
    "*=": "{}",
    "~=": r"(?:\A|\s){}(?:\s|\Z)",
    "|=": r"\A{}(?:-|\Z)",
}
# The more an operator narrows the value, the fewer elements its gate lets through.
_OPERATOR_PREFERENCE = ("=", "~=", "|=", "^=", "$=", "*=", "exists")


def _subject_name(tree: cssselect.parser.Tree) -> tuple[str, str, str]:
    """What every element the selector matches carries: ('id', name, ''),
    ('class', name, ''), ('attribute', name, regex of its value), or ('', '', '')
    when its subject has none of them (`dialog`, `#x div`)."""
    node: Any = tree.subselector if isinstance(tree, cssselect.parser.CombinedSelector) else tree
    found_class = ""
    attributes: list[tuple[str, str, str]] = []
    while not isinstance(node, cssselect.parser.Element):
        if isinstance(node, cssselect.parser.Hash):
            return "id", node.id, ""
        if isinstance(node, cssselect.parser.Class):
            found_class = node.class_name
        elif isinstance(node, cssselect.parser.Attrib) and node.namespace is None:
            value = (node.value.value if node.value is not None else None) or ""
            if node.operator in _VALUE_PATTERNS and (value or node.operator == "exists"):
                attributes.append((node.operator, node.attrib, value))
        node = node.selector  # not into :not(): what it names, the element lacks
    if found_class:
        return "class", found_class, ""
    if attributes:
        operator, name, value = min(attributes, key=lambda a: _OPERATOR_PREFERENCE.index(a[0]))
        return "attribute", name, _VALUE_PATTERNS[operator].format(re.escape(value))
    return "", "", ""


# The translator `lxml.cssselect.CSSSelector` uses by default.
_CSS_TO_XPATH = LxmlTranslator()
# A combinator as the axis from the element on its right to the element on its left.
_COMBINATOR_AXES = {
    " ": "ancestor::",
    ">": "parent::",
    "~": "preceding-sibling::",
    "+": "preceding-sibling::*[1]/self::",
}


def subject_predicate(parsed: cssselect.Selector) -> str:
    """An XPath test that is true of exactly the elements a CSS selector matches,
    written from the element's side: '#a > div.b' -> "self::div[…' b '…][parent::*[@id = 'a']]".
    (`CSSSelector(...).path` walks down from the root instead, which cannot be run
    on one element, nor joined with other selectors into one pass.)"""
    if parsed.pseudo_element is not None:
        raise ExpressionError(f"pseudo-elements are not supported: {parsed!r}")
    return f"self::{_anchored_step(parsed.parsed_tree)}"


def _anchored_step(tree: cssselect.parser.Tree) -> str:
    """A compound selector as one location step (`div[cond]`), with a predicate for
    each combinator to its left ('A B' -> `B[ancestor::A]`)."""
    if isinstance(tree, cssselect.parser.CombinedSelector):
        axis = _COMBINATOR_AXES[tree.combinator]
        return f"{_anchored_step(tree.subselector)}[{axis}{_anchored_step(tree.selector)}]"
    return str(_CSS_TO_XPATH.xpath(tree))


@dataclass(frozen=True)
class ReadingSpeeds:
    """Silent reading speeds (languages.json's reading_speeds)."""

    words_per_minute: dict[str, int]
    characters_per_minute: dict[str, int]
    default_words_per_minute: int
    default_characters_per_minute: int


@lru_cache(maxsize=1)
def reading_speeds() -> ReadingSpeeds:
    data = read_rule_file("languages.json")["reading_speeds"]
    return ReadingSpeeds(
        dict(data["words_per_minute"]),
        dict(data["characters_per_minute"]),
        int(data["default_words_per_minute"]),
        int(data["default_characters_per_minute"]),
    )


def read_rule_file(name: str) -> dict[str, Any]:
    """One JSON file of the rule data (shared/rules), by its name there."""
    with open(rules_dir() / name, encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _generated_rules() -> list[dict[str, Any]]:
    """The rules of every `generated/*.json` (written by tools/rules/generate.py), by file name."""
    rules: list[dict[str, Any]] = []
    for path in sorted((rules_dir() / "generated").glob("*.json")):
        rules.extend(read_rule_file(f"generated/{path.name}")["rules"])
    return rules


@lru_cache(maxsize=1)
def load_rules() -> RuleSet:
    consent = read_rule_file("consent-platforms.json")
    embeds = read_rule_file("embed-notices.json")
    boilerplate = read_rule_file("boilerplate.json")
    phrases = read_rule_file("phrases.json")["languages"]

    def merged(category: str) -> list[str]:
        return [phrase for language in phrases.values() for phrase in language.get(category, [])]

    share_endpoints = boilerplate.get("share_endpoints", {}).get("endpoints", [])
    print_only = boilerplate.get("print_only_classes", {})
    article_parts = boilerplate.get("article_parts", {})
    return RuleSet(
        # Hand-written first: a selector both name is reported under the hand-written rule.
        consent_dialogs=selector_index(consent["rules"] + _generated_rules()),
        embed_notices=selector_index(embeds["rules"]),
        embed_url_attributes=tuple(embeds["embed_url_attributes"]),
        quoted_post_keeps_text={
            post["class"]: post["keeps_text"] for post in embeds.get("quoted_posts", {}).get("posts", [])
        },
        quoted_post_permalink_attributes=tuple(
            embeds.get("quoted_posts", {}).get("permalink_attributes", [])
        ),
        boilerplate=tuple(
            ClassTokenRule(
                r["id"],
                r["kind"],
                frozenset(t.lower() for t in r["tokens"]),
                r.get("may_hold_prose", False),
                r.get("names_article_elements", False),
            )
            for r in boilerplate["rules"]
        ),
        remove_roles=frozenset(boilerplate["roles"]["remove_roles"]),
        remove_tags=frozenset(boilerplate["roles"]["remove_tags"]),
        dialog_phrases=_phrase_set(merged("dialog")),
        action_labels=_phrase_set(merged("actions")),
        embed_notice_phrases=_phrase_set(merged("embed_notice")),
        related_labels=_phrase_set(merged("related")),
        related_openings=_phrase_set(merged("related_openings")),
        back_link_openings=_phrase_set(merged("back_links")),
        video_title_opening=_opening_pattern(merged("video_title_openings")),
        read_on_tail=_read_on_tail_pattern(merged("read_on")),
        post_pager_labels=_phrase_set(merged("post_pager")),
        taxonomy_labels=_phrase_set(merged("taxonomy")),
        promo_phrases=_phrase_set(merged("promo")),
        donation_hosts=frozenset(boilerplate.get("donation_hosts", {}).get("hosts", [])),
        icon_classes=frozenset(boilerplate.get("icon_classes", {}).get("classes", [])),
        glyph_picture_classes=frozenset(boilerplate.get("glyph_picture_classes", {}).get("classes", [])),
        code_gutter_classes=frozenset(boilerplate.get("code_gutter_classes", {}).get("classes", [])),
        caption_classes=frozenset(boilerplate.get("caption_classes", {}).get("classes", [])),
        article_parts=ArticleParts(
            itemprops=frozenset(article_parts.get("itemprops", [])),
            part_classes=frozenset(article_parts.get("part_classes", [])),
            root_classes=frozenset(article_parts.get("root_classes", [])),
        ),
        screen_reader_classes=frozenset(boilerplate.get("screen_reader_classes", {}).get("classes", [])),
        print_only_classes=frozenset(print_only.get("classes", [])),
        end_marks=frozenset(mark.casefold() for mark in boilerplate.get("end_marks", {}).get("marks", [])),
        print_hiding_class=print_only.get("screen_hiding", ""),
        print_showing_prefix=print_only.get("print_showing_prefix", ""),
        screen_showing_prefixes=tuple(print_only.get("screen_showing_prefixes", [])),
        comment_anchors=frozenset(boilerplate.get("comment_anchors", {}).get("anchors", [])),
        share_endpoints=_share_endpoint_pattern(share_endpoints),
        share_hosts=frozenset(host for host in map(_address_start, share_endpoints) if "." in host),
        share_schemes=tuple(start for start in map(_address_start, share_endpoints) if "." not in start),
        social_profile_hosts=frozenset(boilerplate.get("social_profiles", {}).get("hosts", [])),
        social_post_path_words=frozenset(boilerplate.get("social_profiles", {}).get("post_path_words", [])),
        tracking_parameter=_name_pattern(boilerplate.get("tracking_parameters", {}).get("names", [])),
        error_report_phrases=_phrase_set(merged("error_report")),
        comment_notice_phrases=_phrase_set(merged("comment_notice")),
        copyright_phrases=_phrase_set(merged("copyright")),
        author_box_labels=_phrase_set(merged("author_box")),
        media_labels=frozenset(normalize_label(label) for label in merged("media_labels")),
        ad_labels=frozenset(line_label_form(label) for label in merged("ad_labels")),
        control_labels=frozenset(line_label_form(label) for label in merged("control_labels")),
        arrow_labels=frozenset(line_label_form(label) for label in merged("arrow_labels")),
        premium_badges=frozenset(normalize_label(badge) for badge in merged("premium_badges")),
        consent_vocabulary=_phrase_set(merged("vocabulary") + merged("dialog")),
        line_label_trigger=_phrase_set(
            [
                _label_trigger(label)
                for label in merged("ad_labels") + merged("control_labels") + merged("arrow_labels")
            ]
        ),
        any_trigger=_phrase_set(
            merged("dialog")
            + merged("embed_notice")
            + merged("related")
            + merged("related_openings")
            + merged("back_links")
            + merged("post_pager")
            + merged("taxonomy")
            + merged("promo")
            + merged("error_report")
            + merged("comment_notice")
            + merged("copyright")
            + merged("author_box")
            + merged("cookie_stems")
        ),
        cookie_words=re.compile("|".join(re.escape(stem) for stem in merged("cookie_stems"))),
    )


def _opening_pattern(phrases: list[str]) -> re.Pattern[str]:
    """The phrases at the start of a normalized text, then a separator or the
    text's end: 'video: …', 'en vidéo, …', not 'video games'."""
    if not phrases:
        return re.compile(_NEVER)
    alternation = _alternation({normalize_text(phrase) for phrase in phrases})
    return re.compile(rf"^(?:{alternation})\s*(?:[,:：\-–—|»/.]|$)")


def _read_on_tail_pattern(labels: list[str]) -> re.Pattern[str]:
    """An ellipsis, then one of the labels and at most a title's words to the
    text's end: '… Read More "What we do"', '[…] Weiterlesen →'. Matched on the
    text as written, in any case."""
    if not labels:
        return re.compile(_NEVER)
    alternation = "|".join(re.escape(label) for label in sorted(set(labels), key=len, reverse=True))
    return re.compile(
        rf"(?:…|\.{{3}})[\])]?\s*[\[(«\"“]?\s*(?:{alternation})(?![^\W\d_]).{{0,{MAX_READ_ON_TITLE_CHARS}}}$",
        re.IGNORECASE | re.DOTALL,
    )


MAX_READ_ON_TITLE_CHARS = 120  # the post's title the label may name


def _bylines_alternation(*fields: str) -> str:
    """The fields' phrases in every language of `bylines.json`, as one alternation."""
    languages = read_rule_file("bylines.json")["languages"].values()
    phrases = {
        normalize_text(phrase)
        for language in languages
        for field in fields
        for phrase in language.get(field, [])
    }
    return _alternation(phrases)


def _alternation(phrases: set[str]) -> str:
    # Longest first, and any run of spaces between words.
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in ordered)


@lru_cache(maxsize=1)
def name_title_pattern() -> re.Pattern[str]:
    """A profession written before a name as a title ('Rechtsanwalt Sebastian
    Einbock'), in every language of `bylines.json`, when a name of two words
    follows; case-insensitive."""
    alternation = _bylines_alternation("name_titles")
    return re.compile(rf"^(?:{alternation})\.?\s+(?=\S+\s+\S)", re.I) if alternation else re.compile(_NEVER)


@lru_cache(maxsize=1)
def desk_name_pattern() -> re.Pattern[str]:
    """A word or phrase naming an editorial team ('National Desk', 'Redaktion'),
    as a whole word anywhere in a byline, in every language of `bylines.json`."""
    alternation = _bylines_alternation("desk_names")
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.I) if alternation else re.compile(_NEVER)


@lru_cache(maxsize=1)
def byline_role_pattern() -> re.Pattern[str]:
    """A job or desk that ends a byline after a comma or a dash ('Jane Doe, Staff
    Writer', 'Jane Doe - AP Technology Writer'), in every language of
    `bylines.json`; case-insensitive."""
    alternation = _bylines_alternation("roles")
    # A news agency's initials may lead the role ('- AP Technology Writers'),
    # written in capitals, as agencies sign.
    agency = r"(?:(?-i:[A-Z]{2,6})\s+)?"
    return re.compile(rf"(?:\s*,|\s+[-–—|·])\s*{agency}(?:{alternation})\s*$", re.I)


@lru_cache(maxsize=1)
def picture_credit_pattern() -> re.Pattern[str]:
    """A line that opens with the credit of a picture ('Photo by …', 'Foto: …'),
    in every language of `bylines.json`; case-insensitive."""
    return re.compile(rf"^(?:{_bylines_alternation('picture_credits')})(?![^\W_])", re.I)


@lru_cache(maxsize=1)
def date_prefix_pattern() -> re.Pattern[str]:
    """The words that open an article's date line ('Publié le', 'Stand:',
    '公開日'), in every language of `bylines.json`, with the separator after
    them; case-insensitive."""
    # Digits may follow at once ('公開日2019/05/01'); a letter would make another word.
    return re.compile(rf"^(?:{_bylines_alternation('date_prefixes')})(?![^\W\d_])\s*[:：]?\s*", re.I)


def is_relative_date(line: str) -> bool:
    """The line says when the page was published relative to now, and nothing
    more ('5 hours ago', 'Updated 2 hrs ago', 'vor 5 Stunden', '3小时前',
    'Yesterday, 18:02'): what a page's script writes for the date."""
    return _relative_date_pattern().fullmatch(normalize_text(line).rstrip(".")) is not None


@lru_cache(maxsize=1)
def _relative_date_pattern() -> re.Pattern[str]:
    """`bylines.json`'s relative_dates of every language, after a date prefix
    or not, over normalized text; each '#' a count or a clock time."""
    languages = read_rule_file("bylines.json")["languages"].values()
    phrases = {normalize_text(p) for language in languages for p in language.get("relative_dates", [])}
    if not phrases:
        return re.compile(_NEVER)
    pieces = (
        _COUNT_OR_CLOCK.join(r"\s+".join(map(re.escape, part.split())) for part in phrase.split("#"))
        for phrase in sorted(phrases, key=len, reverse=True)
    )
    prefixes = _bylines_alternation("date_prefixes")
    return re.compile(rf"(?:(?:{prefixes})\s*[:：]?\s*)?(?:{'|'.join(pieces)})")


# '5', '18:02', '6.30 pm', '5h30', after a comma or not ('Yesterday, 18:02').
_COUNT_OR_CLOCK = r"[\s,]*\d{1,4}(?:[:.h]\d{2})?\s*(?:[ap]\.?m\.?)?\s*"


@lru_cache(maxsize=1)
def desk_prefix_pattern() -> re.Pattern[str]:
    """Any editor or source prefix of `bylines.json` with its separator after
    it, anywhere in a lower-case text: 'editor:', not the word 'editor' in a
    sentence. Case-sensitive on purpose: re scans a long text for literals
    far faster so."""
    alternation = _bylines_alternation(*_DESK_PREFIX_FIELDS)
    return re.compile(rf"(?:{alternation})\s*[:：]" if alternation else r"(?!)")


@lru_cache(maxsize=1)
def desk_line_pattern() -> re.Pattern[str]:
    """A line that names the story's editors or its source and nothing else
    ('责任编辑：张迪', '(责编：汤诗瑶、丁涛)', '[责任编辑:肖春芳]', '本文来源：新京报'),
    in every language of `bylines.json` that has such prefixes; brackets around
    it are allowed."""
    alternation = _bylines_alternation(*_DESK_PREFIX_FIELDS)
    # A few names after the separator, parted by '、', commas, slashes or spaces: no sentence.
    name = r"[^\s、,，/。.!?！？:：\[\]【】()（）]{1,12}"
    names = rf"{name}(?:[\s、,，/]+{name}){{0,3}}"
    if not alternation:
        return re.compile(r"(?!)")
    return re.compile(rf"^[\[【(（]?\s*(?:(?:{alternation})\s*[:：]\s*{names}\s*){{1,4}}[\]】)）]?$", re.I)


_DESK_PREFIX_FIELDS = ("editor_prefixes", "source_prefixes")


@lru_cache(maxsize=1)
def name_suffixes() -> frozenset[str]:
    """The jobs written after a name with no comma ('기자', '특파원'), every language."""
    languages = read_rule_file("bylines.json")["languages"].values()
    return frozenset(normalize_text(s) for language in languages for s in language.get("name_suffixes", []))


@lru_cache(maxsize=1)
def original_title_pattern() -> re.Pattern[str]:
    """A note that gives a reposted story's original title ('原标题：视界丨…',
    '（原题为《是“收割韭菜”还是“回归理性”》）'): a prefix of `bylines.json`'s
    original_title_prefixes, in brackets or not, then a colon or the title's
    opening mark."""
    alternation = _bylines_alternation("original_title_prefixes")
    if not alternation:
        return re.compile(_NEVER)
    return re.compile(rf"^[\[【(（]?\s*(?:{alternation})\s*(?:[:：]|(?=[《“「]))", re.I)


@lru_cache(maxsize=1)
def original_title_prefix_pattern() -> re.Pattern[str]:
    """Any original-title prefix, anywhere: a first look at a whole text, which
    a pattern starting with the prefixes themselves makes quick."""
    alternation = _bylines_alternation("original_title_prefixes")
    # Without IGNORECASE: the prefixes are Chinese, and re scans for a literal faster.
    return re.compile(alternation if alternation else _NEVER)


@lru_cache(maxsize=1)
def placeholder_byline_names() -> frozenset[str]:
    """Account names that publishing systems give by default ('Super User'), casefolded."""
    names = read_rule_file("bylines.json").get("placeholder_names", {}).get("names", [])
    return frozenset(normalize_text(name).casefold() for name in names)


@lru_cache(maxsize=1)
def site_builder_words() -> re.Pattern[str]:
    """The words a web agency names itself with ('Agencja Reklamowa', 'Webdesign'), case-insensitive."""
    words = read_rule_file("bylines.json").get("site_builders", {}).get("words", [])
    alternation = "|".join(re.escape(normalize_text(word)) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternation})(?![^\W_])", re.I) if alternation else re.compile(_NEVER)


@lru_cache(maxsize=1)
def company_form_pattern() -> re.Pattern[str]:
    """A company's legal form as a word of its own ('Süddeutsche.de GmbH',
    'Example S.A.'), or run into the name in the scripts without spaces
    ('株式会社日本経済新聞社'). Case-sensitive: 'AB' is a form, 'ab' a word."""
    forms = read_rule_file("bylines.json").get("company_forms", {}).get("forms", [])
    pieces = [_company_form_piece(form) for form in sorted(forms, key=len, reverse=True)]
    return re.compile("|".join(pieces)) if pieces else re.compile(_NEVER)


def _company_form_piece(form: str) -> str:
    if _UNSPACED.search(form):
        return re.escape(form)
    piece = rf"(?<![^\W_]){re.escape(form)}(?![^\W_])"
    # 'James S.A. Corey', 'K.K. Sharma': a form written as initials, before a
    # name's next capitalized word, is a person's initials; a form ends the company's name.
    return piece + _NOT_BEFORE_A_NAME if _DOTTED_INITIALS.fullmatch(form) else piece


_DOTTED_INITIALS = re.compile(r"(?:[^\W\d_]\.)+")
_NOT_BEFORE_A_NAME = r"(?!\s+[A-ZÀ-ÖØ-ÞΑ-ΩА-Я])"


@lru_cache(maxsize=1)
def picture_agencies() -> tuple[frozenset[str], frozenset[str]]:
    """The picture libraries and the news agencies that sign picture credits
    ('Getty Images', 'AFP'), casefolded."""
    agencies = read_rule_file("bylines.json").get("picture_agencies", {})
    return (
        frozenset(normalize_text(name).casefold() for name in agencies.get("image_libraries", [])),
        frozenset(normalize_text(name).casefold() for name in agencies.get("news_agencies", [])),
    )


@lru_cache(maxsize=1)
def fact_labels() -> tuple[frozenset[str], frozenset[str]]:
    """The labels of the author and of the date in a page's list of facts
    ('Author', 'Autorin'; 'Date', 'Datum', 'Publié le'), in every language of
    `bylines.json`, as `normalize_label` writes them."""
    languages = list(read_rule_file("bylines.json")["languages"].values())
    authors = {normalize_label(p) for language in languages for p in language["prefixes"]}
    dates = {
        normalize_label(p)
        for language in languages
        for p in [*language.get("date_labels", []), *language.get("date_prefixes", [])]
    }
    return frozenset(authors), frozenset(dates)


@lru_cache(maxsize=1)
def bio_verb_pattern() -> re.Pattern[str]:
    """The verb a writer's bio goes on with after the name, in every language
    of `bylines.json` ('is', 'ist', 'est'), with the space before it."""
    verbs = _bylines_alternation("bio_verbs")
    return re.compile(rf"\s+(?:{verbs})\s", re.I) if verbs else re.compile(_NEVER)


@lru_cache(maxsize=1)
def date_after_name_pattern() -> re.Pattern[str]:
    """Where a byline's name ends, before the post's category and date it
    goes on with ('Michael Larabel in Valve on 1 June 2019 at 08:34 PM
    EDT', 'Jane Doe am 1. Juni 2019'): a joining word of `bylines.json`,
    then a date's first words, a number among the first three."""
    dates = _bylines_alternation("date_joiners")
    sections = _bylines_alternation("section_joiners")
    if not dates:
        return re.compile(_NEVER)
    section = rf"(?:(?:{sections})\s+[^,;|]{{1,40}}?\s+)?" if sections else ""
    return re.compile(rf"\s+{section}(?:{dates})\s+(?=(?:[^\W\d_]+\.?,?\s+){{0,2}}\d)", re.I)


@lru_cache(maxsize=1)
def byline_prefix_pattern() -> re.Pattern[str]:
    """The words that introduce a name in a byline, in every language of
    `bylines.json`, as one pattern anchored at the start of a byline."""
    languages = read_rule_file("bylines.json")["languages"].values()
    prefixes = {normalize_text(p) for language in languages for p in language["prefixes"]}
    particles = {p.strip() for language in languages for p in language.get("particles", [])}

    # A particle is a prefix when written in lower case ('di Mario Rossi') or when a
    # whole name follows ('Von Max Mustermann'); 'Di Maio' alone is a surname.
    capitalized = {particle.capitalize() for particle in particles}
    # A prefix written without spaces ('文／张三', '作者：李四', '取材・文＝山田太郎', '글=홍길동')
    # ends at its separator.
    separator = rf"(?:\s*:?\s+|(?<={_UNSPACED_CHAR})\s*[:：/／・|｜=＝]\s*)"
    return re.compile(
        rf"^(?:(?:(?i:{_alternation(prefixes)})|{_alternation(particles)}){separator}"
        rf"|(?:{_alternation(capitalized)})\s*:?\s+(?=\S+\s+\S))"
    )
