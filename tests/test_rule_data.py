"""The rule data of `shared/rules/` (hand-written and generated): it matches its
schema, its ids are unique, its selectors compile, and no consent selector takes
an article paragraph of the Readability corpus with it."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from jsonschema import Draft202012Validator
from lxml.cssselect import CSSSelector
from lxml.etree import XPath

from unwall.pipeline.strip import MAX_RELATED_LABEL_CHARS
from unwall.rules import load_rules, matches_in_one_walk, selector_index

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "shared" / "rules"
GENERATED = RULES / "generated"
SCHEMA = json.loads((ROOT / "shared" / "schema" / "rules.schema.json").read_text("utf-8"))
CORPUS = Path(__file__).parent / "fixtures" / "readability"
CORPUS_PAGES = sorted(p.name for p in CORPUS.iterdir() if (p / "source.html").exists())

# Which definition of the schema each file is.
HAND_WRITTEN = {
    "consent-platforms.json": "consentRuleFile",
    "embed-notices.json": "embedNoticeFile",
    "boilerplate.json": "boilerplateFile",
    "phrases.json": "phrasesFile",
    "bylines.json": "bylineFile",
    "languages.json": "languageFile",
}
GENERATED_FILES = sorted(GENERATED.glob("*.json"))
ALL_FILES = [RULES / name for name in HAND_WRITTEN] + GENERATED_FILES
# A paragraph of Readability.js's expected output at least this long must survive.
MIN_PARAGRAPH = 60


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def definition(path: Path) -> str:
    return "consentRuleFile" if path.parent == GENERATED else HAND_WRITTEN[path.name]


def validator(name: str | None = None) -> Draft202012Validator:
    schema = SCHEMA if name is None else {**SCHEMA, "oneOf": [{"$ref": f"#/$defs/{name}"}]}
    return Draft202012Validator(schema)


def selector_rules(path: Path) -> list[dict[str, Any]]:
    return [rule for rule in load(path).get("rules", []) if "selectors" in rule]


def relative(path: Path) -> str:
    return str(path.relative_to(RULES))


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(SCHEMA)


def test_every_rule_file_is_covered() -> None:
    on_disk = set(RULES.glob("*.json")) | set(GENERATED.glob("*.json"))
    assert on_disk == set(ALL_FILES)
    assert {"consent-o-matic.json", "autoconsent.json"} <= {p.name for p in GENERATED_FILES}


@pytest.mark.parametrize("path", ALL_FILES, ids=relative)
def test_rule_file_validates_against_its_schema(path: Path) -> None:
    data = load(path)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator(definition(path)).iter_errors(data)]
    assert not errors, errors[:5]
    # ...and against the schema as a whole, which takes any rule file.
    assert validator().is_valid(data)


@pytest.mark.parametrize(
    "break_it",
    [
        lambda d: d["rules"][0].pop("source"),
        lambda d: d["rules"][0].update(id="OneTrust"),
        lambda d: d["rules"][0].update(kind="embed_notice"),
        lambda d: d["rules"][0].update(selectors=[]),
        lambda d: d["rules"][0]["selectors"].append(" #padded "),
        lambda d: d["rules"][0].update(extra=True),
    ],
    ids=["no-source", "bad-id", "wrong-kind", "no-selectors", "padded-selector", "unknown-field"],
)
def test_schema_rejects_a_broken_consent_rule(break_it: Any) -> None:
    data = copy.deepcopy(load(RULES / "consent-platforms.json"))
    break_it(data)
    assert not validator("consentRuleFile").is_valid(data)
    assert not validator().is_valid(data)


def test_rule_ids_are_unique_across_files() -> None:
    seen: dict[str, str] = {}
    duplicates = []
    for path in ALL_FILES:
        for rule in load(path).get("rules", []):
            if rule["id"] in seen:
                duplicates.append((rule["id"], seen[rule["id"]], relative(path)))
            seen[rule["id"]] = relative(path)
    assert not duplicates


def test_generated_ids_are_namespaced_by_upstream() -> None:
    prefixes = {
        "consent-o-matic.json": ("com.", "Consent-O-Matic"),
        "autoconsent.json": ("ac.", "autoconsent"),
    }
    for path in GENERATED_FILES:
        prefix, project = prefixes[path.name]
        for rule in load(path)["rules"]:
            assert rule["id"].startswith(prefix), rule["id"]
            assert project in rule["source"] and f'"{rule["platform"]}"' in rule["source"], rule["source"]


@pytest.mark.parametrize("path", [p for p in ALL_FILES if selector_rules(p)], ids=relative)
def test_every_selector_compiles(path: Path) -> None:
    for rule in selector_rules(path):
        for selector in rule["selectors"]:
            XPath(CSSSelector(selector).path)  # what cssselect compiles, lxml runs
    selector_index(selector_rules(path))  # and what unwall.rules builds of it


def test_generated_selectors_do_not_repeat_hand_written_ones() -> None:
    hand_written = {s for rule in selector_rules(RULES / "consent-platforms.json") for s in rule["selectors"]}
    for path in GENERATED_FILES:
        repeated = {s for rule in load(path)["rules"] for s in rule["selectors"]} & hand_written
        assert not repeated, (path.name, repeated)


def test_autoconsent_derived_file_carries_the_mpl() -> None:
    data = load(GENERATED / "autoconsent.json")
    assert "Mozilla Public License, v. 2.0" in data["description"]
    assert "LICENSE-autoconsent.txt" in data["description"]
    notice = (GENERATED / "LICENSE-autoconsent.txt").read_text("utf-8")
    assert "autoconsent.json" in notice and "https://mozilla.org/MPL/2.0/" in notice
    assert "Mozilla Public License Version 2.0" in notice and "Exhibit A" in notice  # the whole text
    notice_file = (ROOT / "NOTICE").read_text("utf-8")
    assert (
        "autoconsent.json" in notice_file and "shared/rules/generated/LICENSE-autoconsent.txt" in notice_file
    )


@pytest.mark.parametrize("language", sorted(load(RULES / "phrases.json")["languages"]))
def test_every_phrase_list_has_counter_examples(language: str) -> None:
    phrases = load(RULES / "phrases.json")["languages"][language]
    assert phrases["counter_examples"], language
    assert all(example.strip() for example in phrases["counter_examples"])


def test_load_rules_includes_every_generated_rule_after_the_hand_written_ones() -> None:
    index = load_rules().consent_dialogs
    ids = [rule.id for rule in index.rules]
    hand_written = [rule["id"] for rule in load(RULES / "consent-platforms.json")["rules"]]
    generated = [rule["id"] for path in GENERATED_FILES for rule in load(path)["rules"]]
    assert ids == hand_written + generated


def consent_selectors() -> list[tuple[str, str]]:
    """(rule id, selector) of every rule that removes a consent dialog unguarded."""
    return [
        (rule["id"], selector)
        for path in [RULES / "consent-platforms.json", *GENERATED_FILES]
        for rule in selector_rules(path)
        for selector in rule["selectors"]
    ]


@pytest.fixture(scope="module")
def compiled_consent_selectors() -> list[tuple[str, str, CSSSelector]]:
    return [(rule_id, selector, CSSSelector(selector)) for rule_id, selector in consent_selectors()]


@pytest.mark.parametrize("name", CORPUS_PAGES)
def test_no_consent_selector_holds_an_expected_paragraph(
    name: str, compiled_consent_selectors: list[tuple[str, str, CSSSelector]]
) -> None:
    """Consent selectors remove whole subtrees without the article guard of the
    other rules: one that is generic (`.modal`, `div[role=dialog]`) would eat articles."""
    folder = CORPUS / name
    expected = lxml.html.fromstring((folder / "expected.html").read_text("utf-8"))
    paragraphs = [" ".join(p.text_content().split()) for p in expected.iter("p")]
    paragraphs = [p for p in paragraphs if len(p) >= MIN_PARAGRAPH]
    page = lxml.html.fromstring((folder / "source.html").read_bytes())
    for rule_id, selector, matcher in compiled_consent_selectors:
        for element in matcher(page):
            text = " ".join(element.text_content().split())
            eaten = [p for p in paragraphs if p in text]
            assert not eaten, f"{rule_id} {selector!r} matches an element holding {eaten[0][:80]!r}"


# --- the index finds what cssselect finds -------------------------------------------

SYNTHETIC = """<html class="page-root"><body>
<div id="a"><div class="b">b</div><p>1</p><p>2</p></div><a>a</a><b>b</b><x></x><q></q><y></y>
<div data-x="one tok two"></div><div lang="en-GB"></div><div title="the end"></div><div title="a mid b"></div>
<ul><li class="z"></li><li></li></ul><span class="q"></span><span data-flag=""></span><span class="k"></span>
<section><dialog></dialog></section><div id="sp_message_container_12"></div>
<div class="klaro"><div class="cookie-notice"></div></div><div data-testid="cookieBanner"></div>
<div class="Banner CookieBannerContent__Container-x"></div>
<div aria-labelledby="cookie-preference-panel-title"></div><div consent-skip-blocker="1" data-bg="x"></div>
</body></html>"""
EXTRA_SELECTORS = [
    "a + b",
    "x ~ y",
    "#a > div.b",
    "p:nth-child(2)",
    "[data-x~=tok]",
    "[lang|=en]",
    "[title$=end]",
    "[title*=mid]",
    "li:not(.z)",
    "div, span.q",
    "[data-flag]",
    "html.page-root .k",
    "section dialog",
    "div[class^=CookieBanner]",
    "div[class*=CookieBanner]",
]


@pytest.mark.parametrize("name", ["synthetic", *CORPUS_PAGES[:10]])
def test_selector_index_matches_exactly_what_cssselect_matches(name: str) -> None:
    """`SelectorIndex` files each selector under a name its element must carry and
    tests single elements: it must find the very elements cssselect finds."""
    selectors = [selector for _, selector in consent_selectors()]
    selectors += [s for rule in selector_rules(RULES / "embed-notices.json") for s in rule["selectors"]]
    selectors += EXTRA_SELECTORS if name == "synthetic" else []
    raw = SYNTHETIC.encode() if name == "synthetic" else (CORPUS / name / "source.html").read_bytes()
    page = lxml.html.fromstring(raw)
    body = page.find("body")
    assert body is not None
    below_body = list(body.iterdescendants())  # kept alive: their id()s must stay distinct
    inside = {id(element) for element in below_body}
    index = selector_index(
        [{"id": f"t.{n}", "kind": "k", "platform": "p", "selectors": [s]} for n, s in enumerate(selectors)]
    )
    found = {id(element) for element, _ in index.matches(body)}
    for number, selector in enumerate(selectors):
        wanted = [element for element in CSSSelector(selector)(page) if id(element) in inside]
        for element in wanted:
            assert id(element) in found, f"{selector!r} misses {lxml.html.tostring(element)[:80]!r}"
        single = selector_index(
            [{"id": f"t.{number}", "kind": "k", "platform": "p", "selectors": [selector]}]
        )
        assert {id(e) for e, _ in single.matches(body)} == {id(e) for e in wanted}, selector


def test_an_element_two_rules_select_is_reported_under_the_earlier_rule() -> None:
    page = lxml.html.fromstring(
        '<html><body><div data-testid="cookie-wall" class="wall"><p>We use cookies.</p></div></body></html>'
    )
    body = page.find("body")
    assert body is not None
    rules = [
        {
            "id": "cmp.first",
            "kind": "consent_dialog",
            "platform": "A",
            "selectors": ["div.wall[data-testid]"],
        },
        {
            "id": "ac.second",
            "kind": "consent_dialog",
            "platform": "B",
            "selectors": ["[data-testid=cookie-wall]"],
        },
    ]
    ((_, rule),) = selector_index(rules).matches(body)
    assert rule.id == "cmp.first"
    ((_, rule),) = selector_index(rules[::-1]).matches(body)
    assert rule.id == "ac.second"


def test_one_walk_finds_what_each_index_finds_alone() -> None:
    rules = load_rules()
    for source in sorted(CORPUS.glob("*/source.html")):
        body = lxml.html.fromstring(source.read_bytes()).find("body")
        assert body is not None
        alive = list(body.iterdescendants())  # noqa: F841 (their id()s must stay distinct)
        consent, embeds = matches_in_one_walk((rules.consent_dialogs, rules.embed_notices), body)
        assert consent == rules.consent_dialogs.matches(body), source
        assert embeds == rules.embed_notices.matches(body), source


@pytest.mark.parametrize(
    ("selector", "local"),
    [
        (".cookie", True),
        ("#cmp", True),
        ("div.cookie-bar.open", True),
        ("[data-testid=cookie-banner]", True),
        ("#cmp > .bar", False),
        (".wall .notice", False),
        ("div:first-child", False),
        (".notice:not(.shown)", False),
    ],
)
def test_an_index_knows_whether_its_selectors_judge_an_element_alone(selector: str, local: bool) -> None:
    index = selector_index([{"id": "t", "kind": "k", "platform": "p", "selectors": [selector]}])
    assert index.local is local


def test_every_related_label_is_short_enough_for_the_classifier_to_read_it_alone() -> None:
    # A label longer than the classifier's limit for a lone label would never match.
    phrases = load(RULES / "phrases.json")["languages"]
    too_long = [
        label
        for language in phrases.values()
        for label in language.get("related", [])
        if len(label) + 1 > MAX_RELATED_LABEL_CHARS  # and its colon
    ]
    assert too_long == []
