"""Rule data from `shared/rules/` (also read by the extension), compiled once
per process into matchers. Mechanism lives in `pipeline/strip.py`."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml.cssselect import CSSSelector
from lxml.etree import XPath
from lxml.html import HtmlElement

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
class SelectorIndex:
    """Many selector rules, matched in one walk of the tree.

    Nearly every consent-platform selector is a bare `#id` or `.class`: those
    are looked up in dictionaries while walking the elements that have an id or
    a class. The rest are joined into one XPath union, evaluated once; only when
    it matches is each rule's own XPath asked which rule it was.
    """

    rules: tuple[SelectorRule, ...]
    by_id: dict[str, SelectorRule]
    by_class: dict[str, SelectorRule]
    complex_union: XPath | None
    complex_by_rule: tuple[tuple[SelectorRule, XPath], ...]

    def matches(self, scope: HtmlElement) -> list[tuple[HtmlElement, SelectorRule]]:
        """(element, first rule that matches it), in document order."""
        found: list[tuple[HtmlElement, SelectorRule]] = []
        for element in _NAMED_ELEMENTS(scope):
            rule = self.by_id.get(element.get("id") or "")
            if rule is None:
                for name in (element.get("class") or "").split():
                    rule = self.by_class.get(name)
                    if rule is not None:
                        break
            if rule is not None:
                found.append((element, rule))
        if self.complex_union is not None and self.complex_union(scope):
            seen = {id(element) for element, _ in found}
            for rule, matcher in self.complex_by_rule:
                for element in matcher(scope):
                    if id(element) not in seen:
                        seen.add(id(element))
                        found.append((element, rule))
        return found


_NAMED_ELEMENTS = XPath(".//*[@id or @class]")
_SIMPLE_ID = re.compile(r"^#(-?[A-Za-z_][\w-]*)$")
_SIMPLE_CLASS = re.compile(r"^\.(-?[A-Za-z_][\w-]*)$")


@dataclass(frozen=True)
class ClassTokenRule:
    id: str
    kind: str
    tokens: frozenset[str]


@dataclass(frozen=True)
class PhraseSet:
    """Phrases of one category across every language, as one regex."""

    pattern: re.Pattern[str] | None
    exact: frozenset[str]
    # The same phrases for text that was not normalized (case, apostrophes,
    # spaces): a quick first look that saves normalizing text with no match.
    raw_pattern: re.Pattern[str] | None = None

    def occurs_in_raw(self, text: str) -> bool:
        return self.raw_pattern is not None and self.raw_pattern.search(text.lower()) is not None

    def search_all(self, normalized_text: str) -> set[str]:
        if self.pattern is None:
            return set()
        return {match.group(0) for match in self.pattern.finditer(normalized_text)}

    def occurs_in(self, normalized_text: str) -> bool:
        return self.pattern is not None and self.pattern.search(normalized_text) is not None

    def is_label(self, normalized_text: str) -> bool:
        return normalized_text in self.exact


@dataclass(frozen=True)
class RuleSet:
    consent_dialogs: SelectorIndex
    embed_notices: SelectorIndex
    embed_url_attributes: tuple[str, ...]
    boilerplate: tuple[ClassTokenRule, ...]
    remove_roles: frozenset[str]
    remove_tags: frozenset[str]
    dialog_phrases: PhraseSet
    action_labels: PhraseSet
    embed_notice_phrases: PhraseSet
    related_labels: PhraseSet
    promo_phrases: PhraseSet
    consent_vocabulary: PhraseSet
    # Any phrase the classifier could act on: a block without one is skipped.
    any_trigger: PhraseSet


_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "\u00a0": " "})
_LABEL_PUNCTUATION = " \t\n:;.,!?»«›‹>→-–—|•*\"'()[]"


def normalize_text(text: str) -> str:
    """Lower case, typographic apostrophes folded, whitespace collapsed."""
    return _SPACES.sub(" ", text.translate(_APOSTROPHES)).strip().lower()


def normalize_label(text: str) -> str:
    """A button or box label without decoration: '» Lire aussi :' -> 'lire aussi'."""
    return normalize_text(text).strip(_LABEL_PUNCTUATION)


_NAME_PARTS = re.compile(r"[-_]+")
_ANY_APOSTROPHE = "['’‘ʼ`]"


def element_name_runs(element: HtmlElement) -> frozenset[str]:
    """`name_runs` of an element's class and id."""
    return _cached_name_runs(element.get("class") or "", element.get("id") or "")


@lru_cache(maxsize=8192)
def _cached_name_runs(class_attribute: str, id_attribute: str) -> frozenset[str]:
    # Pages repeat the same class strings thousands of times.
    tokens = class_attribute.lower().split()
    if id_attribute.strip():
        tokens.append(id_attribute.lower().strip())
    return frozenset(name_runs(tokens)) if tokens else frozenset()


def name_runs(tokens: list[str]) -> set[str]:
    """Each class or id, and every run of its parts: 'box-newsletter__title' ->
    {'box-newsletter__title', 'box', 'newsletter', 'title', 'box-newsletter', ...}.
    Matching runs, never substrings, keeps 'share' from matching 'shareholder'."""
    runs = set(tokens)
    for token in tokens:
        parts = [part for part in _NAME_PARTS.split(token) if part]
        if len(parts) > 8:
            continue
        for start in range(len(parts)):
            for end in range(start + 1, len(parts) + 1):
                runs.add("-".join(parts[start:end]))
    return runs


def _phrase_set(phrases: list[str]) -> PhraseSet:
    normalized = sorted({normalize_text(p) for p in phrases if p.strip()}, key=len, reverse=True)
    if not normalized:
        return PhraseSet(None, frozenset())
    pattern = re.compile(rf"(?<!\w){trie_pattern(normalized, _NORMALIZED_CHARS)}(?!\w)")
    raw_pattern = re.compile(rf"(?<!\w){trie_pattern(normalized, _RAW_CHARS)}(?!\w)")
    return PhraseSet(pattern, frozenset(normalize_label(p) for p in normalized), raw_pattern)


# How a phrase character is matched in normalized text and in raw (lower-cased) text.
_NORMALIZED_CHARS = {" ": r"\s+"}
_RAW_CHARS = {" ": r"\s+", "'": _ANY_APOSTROPHE}


def trie_pattern(phrases: list[str], special: dict[str, str]) -> str:
    """One regex for many phrases, factored by common prefixes: hundreds of
    phrases in fourteen languages cost one character test per position of the
    text instead of one test per phrase."""
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [
            special.get(char, re.escape(char)) + build(child) for char, child in sorted(node.items()) if char
        ]
        if not branches:
            return ""
        optional = "" in node
        if len(branches) == 1 and not optional:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if optional else "")

    return build(trie)


def selector_index(rule_data: list[dict[str, Any]]) -> SelectorIndex:
    rules: list[SelectorRule] = []
    by_id: dict[str, SelectorRule] = {}
    by_class: dict[str, SelectorRule] = {}
    complex_paths: list[tuple[SelectorRule, list[str]]] = []
    for data in rule_data:
        rule = SelectorRule(data["id"], data["kind"], data["platform"])
        rules.append(rule)
        paths = []
        for selector in data["selectors"]:
            selector = selector.strip()
            if match := _SIMPLE_ID.match(selector):
                by_id.setdefault(match.group(1), rule)
            elif match := _SIMPLE_CLASS.match(selector):
                by_class.setdefault(match.group(1), rule)
            else:
                paths.append(CSSSelector(selector).path)
        if paths:
            complex_paths.append((rule, paths))
    union = " | ".join(path for _, paths in complex_paths for path in paths)
    return SelectorIndex(
        rules=tuple(rules),
        by_id=by_id,
        by_class=by_class,
        complex_union=XPath(union) if union else None,
        complex_by_rule=tuple((rule, XPath(" | ".join(paths))) for rule, paths in complex_paths),
    )


def _read(name: str) -> dict[str, Any]:
    with open(rules_dir() / name, encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


@lru_cache(maxsize=1)
def load_rules() -> RuleSet:
    consent = _read("consent-platforms.json")
    embeds = _read("embed-notices.json")
    boilerplate = _read("boilerplate.json")
    phrases = _read("phrases.json")["languages"]

    def merged(category: str) -> list[str]:
        return [phrase for language in phrases.values() for phrase in language.get(category, [])]

    return RuleSet(
        consent_dialogs=selector_index(consent["rules"]),
        embed_notices=selector_index(embeds["rules"]),
        embed_url_attributes=tuple(embeds["embed_url_attributes"]),
        boilerplate=tuple(
            ClassTokenRule(r["id"], r["kind"], frozenset(t.lower() for t in r["tokens"]))
            for r in boilerplate["rules"]
        ),
        remove_roles=frozenset(boilerplate["roles"]["remove_roles"]),
        remove_tags=frozenset(boilerplate["roles"]["remove_tags"]),
        dialog_phrases=_phrase_set(merged("dialog")),
        action_labels=_phrase_set(merged("actions")),
        embed_notice_phrases=_phrase_set(merged("embed_notice")),
        related_labels=_phrase_set(merged("related")),
        promo_phrases=_phrase_set(merged("promo")),
        consent_vocabulary=_phrase_set(merged("vocabulary") + merged("dialog")),
        any_trigger=_phrase_set(
            merged("dialog") + merged("embed_notice") + merged("related") + merged("promo")
        ),
    )
