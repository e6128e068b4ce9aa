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
    matcher: XPath


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

    def search_all(self, normalized_text: str) -> set[str]:
        if self.pattern is None:
            return set()
        return {match.group(0) for match in self.pattern.finditer(normalized_text)}

    def is_label(self, normalized_text: str) -> bool:
        return normalized_text in self.exact


@dataclass(frozen=True)
class RuleSet:
    consent_dialogs: tuple[SelectorRule, ...]
    embed_notices: tuple[SelectorRule, ...]
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
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in normalized)
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    return PhraseSet(pattern, frozenset(normalize_label(p) for p in normalized))


def _selector_rules(data: dict[str, Any]) -> tuple[SelectorRule, ...]:
    compiled = []
    for rule in data["rules"]:
        # One XPath per rule: the union of its selectors, evaluated in one pass.
        xpath = " | ".join(CSSSelector(selector).path for selector in rule["selectors"])
        compiled.append(SelectorRule(rule["id"], rule["kind"], rule["platform"], XPath(xpath)))
    return tuple(compiled)


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
        consent_dialogs=_selector_rules(consent),
        embed_notices=_selector_rules(embeds),
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
    )
