#!/usr/bin/env python3
"""Generate `shared/rules/generated/*.json`: consent-platform container selectors
derived from two public rule sets, filtered so that they are safe to apply to
any page.

    python tools/rules/generate.py --consent-o-matic DIR --autoconsent DIR
    python tools/rules/generate.py --fetch-autoconsent        # runs `npm pack`
    python tools/rules/generate.py --autoconsent DIR --check  # exit 1 if stale

- Consent-O-Matic (MIT): DIR holds `Rules.json` (and a README or `.git` that
  names the commit). Per CMP entry: the CSS selectors of
  `detectors[].presentMatcher` / `showingMatcher` and the `hide` targets of the
  `HIDE_CMP` method.
- DuckDuckGo autoconsent (MPL-2.0): DIR is the unpacked npm package
  `@duckduckgo/autoconsent` (the `package/` folder of `npm pack`). Per JSON
  rule in `rules/autoconsent/`: `prehideSelectors` and the `exists`/`visible`
  checks of `detectCmp`/`detectPopup`. The site rules of `rules/generated/` are
  read only for bare container ids.

Output: `consent-o-matic.json` and `autoconsent.json` in the shape of
`shared/rules/consent-platforms.json`, plus each upstream licence beside them
(`autoconsent.json` is MPL-2.0, file-level). A summary of what was kept and
what each filter dropped goes to stderr. The output is deterministic: the same
inputs give byte-identical files.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cssselect import parser as css
from cssselect.parser import SelectorError
from cssselect.xpath import ExpressionError
from lxml.cssselect import CSSSelector
from lxml.etree import XPath, XPathError

ROOT = Path(__file__).resolve().parents[2]
RULES_DIR = ROOT / "shared" / "rules"
HAND_WRITTEN = RULES_DIR / "consent-platforms.json"
OUTPUT_DIR = RULES_DIR / "generated"
# Where the team keeps its copy of Consent-O-Matic (beside the repository).
DEFAULT_CONSENT_O_MATIC = ROOT.parent / "shared" / "rulesets" / "consent-o-matic"
AUTOCONSENT_PACKAGE = "@duckduckgo/autoconsent"

COM_URL = "https://github.com/cavi-au/Consent-O-Matic"
AUTOCONSENT_URL = "https://github.com/duckduckgo/autoconsent"

# --- what a selector must name to be kept --------------------------------------

# Words that make a class, id or attribute consent-related. `cmp` only at the
# start of a word and not as `cmpnt` (an abbreviation of "component").
CONSENT_WORDS = re.compile(r"cookie|consent|gdpr|rgpd|dsgvo|ccpa|lgpd|eprivacy|(?<![a-z])cmp(?!nt)")
# 'Privacy' also names privacy-policy pages ('.privacy-container' may hold the whole
# policy): it counts only beside a word of a dialog in the same compound selector
# ('.privacy-cp-wall', 'div[role=dialog][aria-label^="Privacy"]').
WEAK_CONSENT_WORDS = re.compile(r"privacy|datenschutz")
DIALOG_WORDS = frozenset(
    "banner bar modal dialog overlay popup wall prompt alert layer box backdrop underlay settings "
    "preferences choices manager center centre".split()
)
# Consent platforms' own prefixes (team notes, section 2), matched as a whole
# run of a name's parts ('as-oil' matches 'as-oil-content-overlay', 'oil' alone
# would match 'oil-prices'); names of five letters or more also as substrings.
VENDOR_WORDS = frozenset(
    "onetrust optanon cybot cookiebot usercentrics didomi sourcepoint sp-message qc-cmp2 quantcast "
    "truste trustarc cky cmplz complianz brlbs borlabs klaro orejime tarteaucitron axeptio sirdata "
    "sd-cmp tcc coi ccc osano termly iubenda iub lanyard ketch transcend moove evidon ezoic ppms "
    "tealium truyo uniconsent appconsent cookiefirst cookiescript cookieyes as-oil wpgdprc".split()
)
# Parts of a rule's name that say nothing about a vendor: a site-independent
# autoconsent rule named 'cookie-banner-popup' must not make '.popup' specific.
GENERIC_WORDS = frozenset(
    "banner bar modal dialog overlay popup pop up wrapper container notice notification box layer window "
    "root content message module panel prompt alert sdk main inner body widget wall backdrop underlay "
    "mount host frame iframe section portal page site app api button btn legacy new old v1 v2 v3 mobile "
    "desktop com www net org io de fr it nl uk es be pt eu us co jp dk se no tv the and test control "
    "manager management tool center centre policy settings preferences choices options open visible "
    "show hidden info law plugin wp wordpress js css data generic custom opt in out optin optout auto "
    "deny accept reject simple default theme".split()
)
# Words of a clickable control: a control is not the dialog, and removing it
# alone leaves the dialog's text on the page.
BUTTON_WORDS = frozenset(
    "btn button accept reject decline agree allow deny dismiss close refuse save toggle switch checkbox "
    "cta submit ok yes".split()
)
CLICKABLE_TAGS = frozenset({"a", "button", "input", "select", "option", "label", "summary", "textarea"})
# Elements whose removal would take the whole page.
PAGE_ROOT_TAGS = frozenset({"html", "body", "head"})
# Elements that are never a visible container.
NON_CONTAINER_TAGS = frozenset(
    {"script", "style", "link", "meta", "title", "noscript", "template", "img", "svg", "picture"}
)
# ...and names of such elements: '#blocksy-ext-cookies-consent-styles-css' is a <link>,
# '.evidon-footer-image' a logo.
NON_CONTAINER_LAST_WORDS = frozenset({"css", "js", "style", "styles", "stylesheet", "script"})
NON_CONTAINER_WORDS = frozenset({"image", "img", "logo", "icon"})
# Attribute values that are addresses, not names: `a[href*=cookie-policy]` is a link, not a dialog.
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "action", "srcdoc"})

_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_COMMIT = re.compile(r"\b[0-9a-f]{40}\b")


def name_parts(name: str) -> list[str]:
    """'CybotCookiebotDialog' -> ['cybot', 'cookiebot', 'dialog']; 'sp_message' -> ['sp', 'message']."""
    return [part for part in _NON_ALNUM.split(_CAMEL_BOUNDARY.sub("-", name).lower()) if part]


def name_runs(name: str) -> set[str]:
    parts = name_parts(name)[:12]
    return {
        "-".join(parts[start:end]) for start in range(len(parts)) for end in range(start + 1, len(parts) + 1)
    }


# --- reading one selector ---------------------------------------------------------


@dataclass
class Compound:
    """One compound selector (`div#a.b[c]:not(.d)`), what the filters look at."""

    tag: str | None = None  # None: '*'
    ids: list[str] = field(default_factory=list)
    classes: list[str] = field(default_factory=list)
    attributes: list[tuple[str, str | None]] = field(default_factory=list)  # (name, value)
    pseudo_classes: list[str] = field(default_factory=list)

    def names(self) -> list[str]:
        """Ids, classes, attribute names and the values of attributes that are not addresses
        (what is inside `:not()` is left out: it names what the element is not)."""
        names = [*self.ids, *self.classes]
        for attribute, value in self.attributes:
            if attribute not in {"id", "class"}:
                names.append(attribute)
            if value and attribute not in URL_ATTRIBUTES:
                names.append(value)
        return names

    @property
    def is_bare(self) -> bool:
        return not (self.ids or self.classes or self.attributes)


def _compound(tree: css.Tree) -> Compound:
    compound = Compound()
    node: Any = tree
    while not isinstance(node, css.Element):
        if isinstance(node, css.Hash):
            compound.ids.append(node.id)
        elif isinstance(node, css.Class):
            compound.classes.append(node.class_name)
        elif isinstance(node, css.Attrib):
            value = node.value.value if node.value is not None else None
            compound.attributes.append((node.attrib.lower(), value))
        elif isinstance(node, css.Negation):
            compound.pseudo_classes.append("not")
        elif isinstance(node, css.Pseudo):
            compound.pseudo_classes.append(node.ident.lower())
        elif isinstance(node, css.Function):
            compound.pseudo_classes.append(node.name.lower())
        elif isinstance(node, css.Relation):
            compound.pseudo_classes.append("has")
        else:  # :is(), :where()
            compound.pseudo_classes.append(type(node).__name__.lower())
        node = node.selector
    compound.tag = node.element.lower() if node.element else None
    return compound


def _chain(tree: css.Tree) -> list[tuple[str, Compound]]:
    """[(combinator before it, compound), ...] from left to right; the last is the subject."""
    if isinstance(tree, css.CombinedSelector):
        return [*_chain(tree.selector), (tree.combinator, _compound(tree.subselector))]
    return [("", _compound(tree))]


def split_selector_list(text: str) -> list[str]:
    """'a, b[c=","], d:not(e, f)' -> ['a', 'b[c=","]', 'd:not(e, f)']: split at top-level commas."""
    parts: list[str] = []
    depth, quote, start = 0, "", 0
    for index, char in enumerate(text):
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [" ".join(part.split()) for part in parts if part.strip()]


def compiles(selector: str) -> bool:
    """Compiled as `unwall.rules.selector_index` compiles it: cssselect's XPath, then lxml's XPath
    (':contains()' passes cssselect but calls an lxml-internal function a plain XPath lacks)."""
    try:
        XPath(CSSSelector(selector).path)
    except (SelectorError, ExpressionError, XPathError):
        return False
    return True


# --- upstream rules ---------------------------------------------------------------


@dataclass
class Candidate:
    selector: str
    # Set when the upstream step itself disqualifies the selector (see `PRE_FILTERS`).
    dropped_because: str | None = None


@dataclass
class UpstreamRule:
    id: str
    platform: str
    source: str
    candidates: list[Candidate]
    # Selectors the rule clicks: buttons, never containers.
    clicked: frozenset[str] = frozenset()
    # Parts of a site-independent rule's name that name its vendor ('axeptio').
    vendor_words: frozenset[str] = frozenset()
    # Site rules of rules/generated/: only bare consent-named ids are taken.
    ids_only: bool = False


# Why a selector is dropped, in the order the filters run. Each reason is counted.
PRE_FILTERS = {
    "xpath": "an XPath expression (autoconsent 'xpath/…'), not CSS",
    "inside-host": "a later part of an autoconsent selector array: it is inside the shadow root or "
    "iframe of the array's first part, which is the container (capture.js inlines open shadow roots "
    "into their host; iframe documents are not captured)",
    "iframe-only": "matches only inside an iframe document (Consent-O-Matic iframeFilter, autoconsent "
    "runContext main:false), which the captured page does not contain",
    "text-filtered": "Consent-O-Matic target narrowed by its text (textFilter): the selector alone "
    "matches more than the dialog ('title', '#cmpContainer button')",
    "negated-check": "autoconsent check for absence (negated, check:none): names a state, not the dialog",
    "test-rule": "autoconsent's rules for its own test page",
}
FILTERS = {
    "not-compilable": "lxml.cssselect cannot compile it (':visible', '::shadow', ':contains()', '>>>')",
    "has-pseudo": "':has()': its subject is an ancestor chosen by what it contains "
    "('div:has(> p > a[href*=cookies])' also matches an article that links to a cookie policy)",
    "page-root": "subject is html, body or head: removing it removes the page ('body.cookie-open')",
    "not-a-container": "subject is script, style, link, meta, title, noscript, template or an image, or "
    "is named like one ('…-styles-css', '.evidon-footer-image'): not a dialog",
    "clickable": "subject is a control (a, button, input; 'btn', 'accept', 'reject' in its name, or the "
    "rule clicks it): the dialog is its container, removing the control leaves the text",
    "generic-subject": "subject has no id, class or attribute ('dialog', '#x div', 'body > div:first-child')",
    "not-consent-specific": "names nothing consent-related or vendor-specific ('.modal', '.overlay', "
    "'[role=dialog]', '#main', '.fullpageCover')",
    "site-rule-not-id": "site rule of autoconsent rules/generated/ that is not a bare consent-named id",
    "duplicate-of-hand-written": "already in consent-platforms.json",
    "inside-hand-written": "matches only inside (or on) an element a consent-platforms.json #id/.class "
    "selector removes already ('#cmpbox .cmpmore', '#ccc[open]')",
    "duplicate-of-earlier-file": "already in consent-o-matic.json (autoconsent.json is deduplicated "
    "against it, so that dropping the MPL file loses nothing the MIT file has)",
    "inside-earlier-file": "matches only inside an element a consent-o-matic.json #id/.class removes",
    "duplicate-in-file": "an earlier rule of the same file has it",
    "inside-same-file": "matches only inside an element an #id/.class selector of the same file removes",
}


def _analyse(selector: str, rule: UpstreamRule) -> str | None:
    """The first filter that drops `selector`, or None when it is kept."""
    # unwall.rules compiles every selector at start-up: one it cannot compile would stop the service.
    if not compiles(selector):
        return "not-compilable"
    (parsed,) = css.parse(selector)
    if parsed.pseudo_element is not None:
        return "not-compilable"
    chain = _chain(parsed.parsed_tree)
    # ':has()' selects an ancestor by its content: an article linking to a cookie policy qualifies.
    if any("has" in compound.pseudo_classes for _, compound in chain):
        return "has-pseudo"
    subject = chain[-1][1]
    # Site rules of rules/generated/ are DOM paths recorded on one site ('body > div:nth-child(3) >
    # button'): only a bare, consent-named id says what the container is.
    if rule.ids_only and not (
        len(chain) == 1 and len(subject.ids) == 1 and not subject.classes and not subject.attributes
    ):
        return "site-rule-not-id"
    # Removing <body> or <html> (a state class of an open dialog) removes the page.
    if subject.tag in PAGE_ROOT_TAGS:
        return "page-root"
    # A script, stylesheet or logo says a platform is present, not where its dialog is.
    if subject.tag in NON_CONTAINER_TAGS or any(_names_non_container(name) for name in subject.names()):
        return "not-a-container"
    # A button is inside the dialog: removing it alone leaves the dialog's text.
    if _is_clickable(subject, selector, rule):
        return "clickable"
    # 'dialog', '#x div', 'body > div:first-child': any element of that kind on any page.
    if subject.is_bare:
        return "generic-subject"
    # '.modal', '.overlay', '[role=dialog]', '#main': the names of half the web's layouts.
    if not _is_consent_specific(chain, rule):
        return "not-consent-specific"
    return None


def _names_non_container(name: str) -> bool:
    parts = name_parts(name)
    return bool(parts) and (
        parts[-1] in NON_CONTAINER_LAST_WORDS or not NON_CONTAINER_WORDS.isdisjoint(parts)
    )


def _is_clickable(subject: Compound, selector: str, rule: UpstreamRule) -> bool:
    if subject.tag in CLICKABLE_TAGS or selector in rule.clicked:
        return True
    if ("role", "button") in subject.attributes:
        return True
    for name in subject.names():
        lowered = name.lower()
        if "btn" in lowered or "button" in lowered or not BUTTON_WORDS.isdisjoint(name_parts(name)):
            return True
    return False


def _names_consent(names: Iterable[str], vendor_words: frozenset[str]) -> bool:
    """Whether the names of one compound selector name consent or a vendor."""
    names = list(names)
    parts = {part for name in names for part in name_parts(name)}
    if any(WEAK_CONSENT_WORDS.search(name.lower()) for name in names) and not parts.isdisjoint(DIALOG_WORDS):
        return True
    for name in names:
        lowered = name.lower()
        if CONSENT_WORDS.search(lowered):
            return True
        runs = name_runs(name)
        if not runs.isdisjoint(vendor_words) or not runs.isdisjoint(VENDOR_WORDS):
            return True
        squashed = _NON_ALNUM.sub("", lowered)
        if any(len(word) >= 5 and word.replace("-", "") in squashed for word in vendor_words | VENDOR_WORDS):
            return True
    return False


def _is_consent_specific(chain: list[tuple[str, Compound]], rule: UpstreamRule) -> bool:
    """The subject names consent or a vendor; or it is named as a container (wrapper, modal, …)
    and sits inside an element that does. Only ancestors count, not siblings ('#x ~ div')."""
    subject = chain[-1][1]
    vendor_words = rule.vendor_words
    if _names_consent(subject.names(), vendor_words):
        return True
    subject_parts = {part for name in subject.names() for part in name_parts(name)}
    if subject_parts.isdisjoint(GENERIC_WORDS):
        return False
    # chain[index][0] is the combinator between chain[index - 1] and chain[index].
    for index in range(len(chain) - 1, 0, -1):
        if chain[index][0] in {"+", "~"}:
            return False
        if _names_consent(chain[index - 1][1].names(), vendor_words):
            return True
    return False


def _containers(selector: str) -> tuple[set[str], set[str]]:
    """Ids and classes of the compounds that contain (or are) the subject: every element the
    selector matches is inside (or is) an element with each of them."""
    (parsed,) = css.parse(selector)
    ids: set[str] = set()
    classes: set[str] = set()
    for combinator, compound in reversed(_chain(parsed.parsed_tree)):
        ids.update(compound.ids)
        classes.update(compound.classes)
        if combinator in {"+", "~"}:
            break
    return ids, classes


# The selectors `unwall.rules.selector_index` looks up by id or class name.
_SIMPLE_ID = re.compile(r"#-?[A-Za-z_][\w-]*")
_SIMPLE_CLASS = re.compile(r"\.-?[A-Za-z_][\w-]*")


def is_simple(selector: str) -> bool:
    return bool(_SIMPLE_ID.fullmatch(selector) or _SIMPLE_CLASS.fullmatch(selector))


@dataclass
class Known:
    """Selectors of files already written, to deduplicate against."""

    label: str  # 'hand-written', 'earlier-file', 'same-file'
    selectors: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)

    def add(self, selector: str) -> None:
        self.selectors.add(selector)
        if _SIMPLE_ID.fullmatch(selector):
            self.ids.add(selector[1:])
        elif _SIMPLE_CLASS.fullmatch(selector):
            self.classes.add(selector[1:])

    def covers(self, selector: str) -> bool:
        ids, classes = _containers(selector)
        return not ids.isdisjoint(self.ids) or not classes.isdisjoint(self.classes)


@dataclass
class Generated:
    name: str  # file stem
    rules: list[dict[str, Any]]
    dropped: Counter[str]
    candidates: int
    upstream_rules: int


def select(name: str, upstream: list[UpstreamRule], earlier: list[Known]) -> Generated:
    """Apply the filters to every candidate of every rule; deduplicate against `earlier` and
    within the file (simple #id/.class selectors first, so complex ones they cover go)."""
    dropped: Counter[str] = Counter()
    candidates = 0
    kept_by_rule: dict[str, list[str]] = {}
    for rule in sorted(upstream, key=lambda r: r.id):
        seen: set[str] = set()
        kept: list[str] = []
        for candidate in rule.candidates:
            if candidate.selector in seen:
                continue  # the same selector in prehide, detectCmp and detectPopup
            seen.add(candidate.selector)
            candidates += 1
            reason = candidate.dropped_because or _analyse(candidate.selector, rule)
            if reason is None:
                reason = _duplicate(candidate.selector, earlier, check_covered=True)
            if reason is not None:
                dropped[reason] += 1
            else:
                kept.append(candidate.selector)
        kept_by_rule[rule.id] = kept
    same_file = Known("same-file")
    for kept in kept_by_rule.values():
        for selector in kept:
            same_file.add(selector)
    rules: list[dict[str, Any]] = []
    taken: set[str] = set()
    for rule in sorted(upstream, key=lambda r: r.id):
        selectors: list[str] = []
        for selector in kept_by_rule[rule.id]:
            if selector in taken:
                dropped["duplicate-in-file"] += 1
            elif not is_simple(selector) and same_file.covers(selector):
                dropped["inside-same-file"] += 1
            else:
                taken.add(selector)
                selectors.append(selector)
        if selectors:
            rules.append(
                {
                    "id": rule.id,
                    "platform": rule.platform,
                    "kind": "consent_dialog",
                    "selectors": selectors,
                    "source": rule.source,
                }
            )
    return Generated(name, rules, dropped, candidates, len(upstream))


def _duplicate(selector: str, earlier: list[Known], check_covered: bool) -> str | None:
    for known in earlier:
        if selector in known.selectors:
            return f"duplicate-of-{known.label}"
        if check_covered and known.covers(selector):
            return f"inside-{known.label}"
    return None


def known_from(label: str, rules: Iterable[dict[str, Any]]) -> Known:
    known = Known(label)
    for rule in rules:
        for selector in rule["selectors"]:
            known.add(" ".join(selector.split()))
    return known


# --- Consent-O-Matic ----------------------------------------------------------------


def rule_id(prefix: str, name: str) -> str:
    slug = "-".join(name_parts(name))
    if not slug:
        raise ValueError(f"rule name {name!r} has no letters or digits")
    return f"{prefix}.{slug}"


def consent_o_matic_commit(directory: Path) -> str:
    """The upstream commit: from git when DIR is a clone, else from its README."""
    if (directory / ".git").exists():
        result = subprocess.run(
            ["git", "-C", str(directory), "rev-parse", "HEAD"], capture_output=True, text=True, check=False
        )
        if result.returncode == 0:
            return result.stdout.strip()
    for readme in sorted(directory.glob("README*")):
        if match := _COMMIT.search(readme.read_text(encoding="utf-8")):
            return match.group(0)
    raise SystemExit(f"{directory}: no .git and no README naming the commit; pass --consent-o-matic-commit")


def _com_targets(node: Any) -> Iterator[dict[str, Any]]:
    """Targets of a matcher (one or a list) or of a HIDE_CMP action (hide, or a list of actions)."""
    if isinstance(node, list):
        for item in node:
            yield from _com_targets(item)
    elif isinstance(node, dict):
        if node.get("type") == "list":
            yield from _com_targets(node.get("actions"))
        elif node.get("type") in {"css", "hide"} and isinstance(node.get("target"), dict):
            yield node["target"]


def _com_candidates(target: dict[str, Any]) -> list[Candidate]:
    reason: str | None = None
    if target.get("iframeFilter"):
        reason = "iframe-only"
    elif target.get("textFilter"):
        reason = "text-filtered"
    selectors = split_selector_list(str(target.get("selector") or ""))
    parent = target.get("parent")
    if isinstance(parent, dict) and parent.get("selector"):
        # Scoped to a parent: the parent's selector, then the target inside it.
        selectors = [
            f"{outer} {inner}"
            for outer in split_selector_list(str(parent["selector"]))
            for inner in selectors
        ]
    return [Candidate(selector, reason) for selector in selectors]


def read_consent_o_matic(directory: Path, commit: str | None) -> list[UpstreamRule]:
    data: dict[str, Any] = json.loads((directory / "Rules.json").read_text(encoding="utf-8"))
    commit = commit or consent_o_matic_commit(directory)
    rules: list[UpstreamRule] = []
    for name, entry in data.items():
        candidates: list[Candidate] = []
        for detector in entry.get("detectors") or []:
            for key in ("presentMatcher", "showingMatcher"):
                for target in _com_targets(detector.get(key)):
                    candidates.extend(_com_candidates(target))
        for method in entry.get("methods") or []:
            if method.get("name") == "HIDE_CMP":
                for target in _com_targets(method.get("action")):
                    candidates.extend(_com_candidates(target))
        rules.append(
            UpstreamRule(
                id=rule_id("com", name),
                platform=name,
                source=f'Consent-O-Matic ({COM_URL}, MIT License), Rules.json, rule "{name}", '
                f"commit {commit}",
                candidates=candidates,
            )
        )
    return _unique_ids(rules)


def _unique_ids(rules: list[UpstreamRule]) -> list[UpstreamRule]:
    counts = Counter(rule.id for rule in rules)
    clashes = sorted(rule_id for rule_id, count in counts.items() if count > 1)
    if clashes:
        raise SystemExit(f"two upstream rules give the same id: {clashes}")
    return rules


# --- autoconsent ------------------------------------------------------------------------

_AUTOCONSENT_CLICKS = ("click", "waitForThenClick")
_AUTOCONSENT_SECTIONS = ("detectCmp", "detectPopup", "optIn", "optOut", "test", "intermediate")


def _steps(steps: Any) -> Iterator[dict[str, Any]]:
    """Every step, nested ones too (any, if/then/else)."""
    if not isinstance(steps, list):
        return
    for step in steps:
        if not isinstance(step, dict):
            continue
        yield step
        yield from _steps(step.get("any"))
        yield from _steps(step.get("then"))
        yield from _steps(step.get("else"))
        if isinstance(step.get("if"), dict):
            yield from _steps([step["if"]])


def _element_selector(value: Any) -> list[Candidate]:
    """An ElementSelector: a string (maybe 'xpath/…', maybe a comma list) or an array of them,
    each applied inside the first match of the one before."""
    parts = value if isinstance(value, list) else [value]
    candidates: list[Candidate] = []
    for position, part in enumerate(str(p) for p in parts):
        if part.startswith("xpath/"):
            candidates.append(Candidate(part, "xpath"))
            continue
        reason = "inside-host" if position > 0 else None
        candidates.extend(Candidate(selector, reason) for selector in split_selector_list(part))
    return candidates


def _clicked(rule: dict[str, Any]) -> frozenset[str]:
    clicked: set[str] = set()
    for section in _AUTOCONSENT_SECTIONS:
        for step in _steps(rule.get(section)):
            for key in _AUTOCONSENT_CLICKS:
                if key in step:
                    clicked.update(c.selector for c in _element_selector(step[key]))
    return frozenset(clicked)


def _autoconsent_candidates(rule: dict[str, Any]) -> list[Candidate]:
    candidates: list[Candidate] = []
    for prehide in rule.get("prehideSelectors") or []:
        candidates.extend(Candidate(selector) for selector in split_selector_list(str(prehide)))
    for section in ("detectCmp", "detectPopup"):
        for step in _steps(rule.get(section)):
            for key in ("exists", "visible"):
                if key not in step:
                    continue
                found = _element_selector(step[key])
                if step.get("negated") or step.get("check") == "none":
                    found = [Candidate(c.selector, c.dropped_because or "negated-check") for c in found]
                candidates.extend(found)
    return candidates


def autoconsent_version(package: Path) -> str:
    data: dict[str, Any] = json.loads((package / "package.json").read_text(encoding="utf-8"))
    if data.get("name") != AUTOCONSENT_PACKAGE:
        raise SystemExit(f"{package}: package.json is not {AUTOCONSENT_PACKAGE}")
    return str(data["version"])


def read_autoconsent(package: Path) -> list[UpstreamRule]:
    version = autoconsent_version(package)
    rules: list[UpstreamRule] = []
    for folder, ids_only in (("autoconsent", False), ("generated", True)):
        for path in sorted((package / "rules" / folder).glob("*.json")):
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            name = str(data["name"])
            candidates = _autoconsent_candidates(data)
            context = data.get("runContext") or {}
            if context.get("main") is False:
                candidates = [Candidate(c.selector, c.dropped_because or "iframe-only") for c in candidates]
            if name.lower().startswith("test page"):
                candidates = [Candidate(c.selector, "test-rule") for c in candidates]
            # A rule for one site (urlPattern) may use the site's own names: its name is no vendor.
            site_independent = not context.get("urlPattern") and not ids_only
            vendor_words = (
                frozenset(part for part in name_parts(name) if len(part) >= 3 and part not in GENERIC_WORDS)
                if site_independent
                else frozenset()
            )
            rules.append(
                UpstreamRule(
                    id=rule_id("ac", name),
                    platform=name,
                    source=(
                        f"DuckDuckGo autoconsent {version} ({AUTOCONSENT_URL}, npm {AUTOCONSENT_PACKAGE}, "
                        f'MPL-2.0), rules/{folder}/{path.name}, rule "{name}"'
                    ),
                    candidates=candidates,
                    clicked=_clicked(data),
                    vendor_words=vendor_words,
                    ids_only=ids_only,
                )
            )
    return _unique_ids(rules)


def fetch_autoconsent(workdir: Path, version: str | None) -> Path:
    """`npm pack` the package into `workdir` and unpack it; returns the package folder."""
    spec = f"{AUTOCONSENT_PACKAGE}@{version}" if version else AUTOCONSENT_PACKAGE
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("--fetch-autoconsent needs npm on PATH")
    result = subprocess.run(
        [npm, "pack", spec, "--silent"], cwd=workdir, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"npm pack {spec} failed:\n{result.stderr}")
    (tarball,) = workdir.glob("*.tgz")
    with tarfile.open(tarball) as archive:
        archive.extractall(workdir, filter="data")
    return workdir / "package"


# --- output ---------------------------------------------------------------------------

COM_DESCRIPTION = (
    "GENERATED by tools/rules/generate.py from Consent-O-Matic's Rules.json (MIT License, see "
    "LICENSE-consent-o-matic.txt); do not edit, regenerate. Container selectors of consent platforms "
    "(detector and HIDE_CMP selectors), filtered to those that compile, name something consent-related "
    "or vendor-specific and are not buttons, and deduplicated against consent-platforms.json."
)
AUTOCONSENT_DESCRIPTION = (
    "GENERATED by tools/rules/generate.py from DuckDuckGo autoconsent's rules (rules/autoconsent/*.json, "
    "npm @duckduckgo/autoconsent {version}); do not edit, regenerate. This Source Code Form is subject to "
    "the terms of the Mozilla Public License, v. 2.0. If a copy of the MPL was not distributed with this "
    "file, You can obtain one at https://mozilla.org/MPL/2.0/ (see LICENSE-autoconsent.txt). Container "
    "selectors of consent platforms (prehideSelectors and exists/visible checks of detectCmp/detectPopup), "
    "filtered to those that compile, name something consent-related or vendor-specific and are not "
    "buttons, and deduplicated against consent-platforms.json and consent-o-matic.json."
)

AUTOCONSENT_NOTICE = """\
shared/rules/generated/autoconsent.json
=======================================

This file is derived from the rule files rules/autoconsent/*.json (and, for a
few bare container ids, rules/generated/*.json) of DuckDuckGo autoconsent,
version {version} of the npm package @duckduckgo/autoconsent:
  {url}
Those rule files are licensed under the Mozilla Public License, version 2.0,
and so is shared/rules/generated/autoconsent.json:

  This Source Code Form is subject to the terms of the Mozilla Public
  License, v. 2.0. If a copy of the MPL was not distributed with this
  file, You can obtain one at https://mozilla.org/MPL/2.0/.

The file is its own Source Code Form (JSON data; it names, per rule, the
upstream file and rule it was derived from). It was produced by
tools/rules/generate.py of the Unwall repository, which keeps the CSS selectors
of the upstream rules that name a consent dialog's container and drops the
rest. The MPL-2.0 applies to this file only (file-level copyleft); the rest of
Unwall is under its own licence (LICENSE, NOTICE).

The full text of the Mozilla Public License 2.0, as shipped in the
@duckduckgo/autoconsent package (LICENSE), follows.

"""

COM_NOTICE = """\
shared/rules/generated/consent-o-matic.json
===========================================

This file is derived from Rules.json of Consent-O-Matic, commit
{commit}:
  {url}
Consent-O-Matic is licensed under the MIT License.
It was produced by tools/rules/generate.py of the Unwall repository, which keeps
the CSS selectors of the upstream rules that name a consent dialog's container
and drops the rest. Consent-O-Matic's licence follows.

"""


def render(description: str, rules: list[dict[str, Any]]) -> str:
    # One-space indent, like the hand-written files.
    return json.dumps({"description": description, "rules": rules}, indent=1, ensure_ascii=False) + "\n"


def write_or_check(files: dict[Path, str], check: bool) -> int:
    stale = [path for path, text in files.items() if not path.exists() or path.read_text("utf-8") != text]
    if check:
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)}", file=sys.stderr)
        return 1 if stale else 0
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    return 0


def report(generated: Generated) -> str:
    selectors = sum(len(rule["selectors"]) for rule in generated.rules)
    simple = sum(1 for rule in generated.rules for selector in rule["selectors"] if is_simple(selector))
    lines = [
        f"{generated.name}.json: {len(generated.rules)} rules "
        f"(of {generated.upstream_rules} upstream rules), "
        f"{selectors} selectors ({simple} bare #id/.class, {selectors - simple} other); "
        f"{generated.candidates} candidates (distinct per rule), {sum(generated.dropped.values())} dropped:",
    ]
    descriptions = {**PRE_FILTERS, **FILTERS}
    for reason in descriptions:
        if generated.dropped[reason]:
            lines.append(f"  {generated.dropped[reason]:5d}  {reason}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--consent-o-matic",
        type=Path,
        default=DEFAULT_CONSENT_O_MATIC,
        metavar="DIR",
        help="folder with Consent-O-Matic's Rules.json (default: ../shared/rulesets/consent-o-matic "
        "beside the repository)",
    )
    parser.add_argument("--consent-o-matic-commit", help="upstream commit, when DIR has no .git or README")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--autoconsent", type=Path, metavar="DIR", help="unpacked npm package @duckduckgo/autoconsent"
    )
    source.add_argument(
        "--fetch-autoconsent",
        nargs="?",
        const="",
        metavar="VERSION",
        help="run `npm pack @duckduckgo/autoconsent[@VERSION]` into a temporary folder and use that",
    )
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file is stale")
    parser.add_argument("--explain", action="store_true", help="print what each filter means")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="unwall-autoconsent-") as workdir:
        package = (
            args.autoconsent
            if args.autoconsent is not None
            else fetch_autoconsent(Path(workdir), args.fetch_autoconsent or None)
        )
        com_dir: Path = args.consent_o_matic
        commit = args.consent_o_matic_commit or consent_o_matic_commit(com_dir)
        version = autoconsent_version(package)
        hand_written = json.loads(HAND_WRITTEN.read_text(encoding="utf-8"))["rules"]
        known = known_from("hand-written", hand_written)

        com = select("consent-o-matic", read_consent_o_matic(com_dir, commit), [known])
        autoconsent = select(
            "autoconsent", read_autoconsent(package), [known, known_from("earlier-file", com.rules)]
        )
        files = {
            OUTPUT_DIR / "consent-o-matic.json": render(COM_DESCRIPTION, com.rules),
            OUTPUT_DIR / "LICENSE-consent-o-matic.txt": COM_NOTICE.format(url=COM_URL, commit=commit)
            + (com_dir / "LICENSE").read_text(encoding="utf-8"),
            OUTPUT_DIR / "autoconsent.json": render(
                AUTOCONSENT_DESCRIPTION.format(version=version), autoconsent.rules
            ),
            OUTPUT_DIR / "LICENSE-autoconsent.txt": AUTOCONSENT_NOTICE.format(
                version=version, url=AUTOCONSENT_URL
            )
            + (package / "LICENSE").read_text(encoding="utf-8"),
        }
        status = write_or_check(files, args.check)
    print(report(com), file=sys.stderr)
    print(report(autoconsent), file=sys.stderr)
    if args.explain:
        for reason, text in {**PRE_FILTERS, **FILTERS}.items():
            print(f"{reason}: {text}", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
