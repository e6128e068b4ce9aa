"""Consent and notice stripping, measured.

    python benchmarks/consent_quality.py [--corpus DIR] [--json FILE]

Over the fixture pages (tests/fixtures/pages): leak rate (share of
`must_not_contain` strings found in any output) and article recall (share of
`must_contain` strings kept), overall, per language and per consent platform,
for Unwall and for readability-lxml alone. Over a corpus of Readability.js test
pages (default: tests/fixtures/readability; the full set lives in the team's
shared corpus): how many expected paragraphs a consent or notice rule removed
(the target is none).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lxml.html
from readability import Document

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "server"))

from unwall.errors import UnwallError  # noqa: E402
from unwall.formats import render  # noqa: E402
from unwall.model import Removal  # noqa: E402
from unwall.pipeline import run  # noqa: E402

PAGES = ROOT / "tests" / "fixtures" / "pages"
DEFAULT_CORPUS = ROOT / "tests" / "fixtures" / "readability"
CONSENT_KINDS = frozenset({"consent_dialog", "embed_notice"})
CORPUS_BASE_URL = "http://fakehost/test/page.html"


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


@dataclass
class PageScore:
    name: str
    lang: str
    platform: str
    leaked: int
    junk: int
    kept: int
    article: int


def unwall_outputs(source: bytes, url: str) -> str:
    extraction = run(source, url)
    answer = extraction.article.to_dict()
    del answer["removed"]  # the report of what went names the junk on purpose
    visible_html = lxml.html.document_fromstring(render(extraction, "html")).text_content()
    return " ".join(
        [
            json.dumps(answer, ensure_ascii=False),
            visible_html,
            render(extraction, "markdown"),
            render(extraction, "text"),
        ]
    )


def readability_output(source: bytes, url: str) -> str:
    document = Document(source, url=url)
    summary = lxml.html.fromstring(document.summary(html_partial=True)).text_content()
    return document.short_title() + " " + summary


def score_page(folder: Path, extractor: str) -> PageScore:
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    source = (folder / "source.html").read_bytes()
    try:
        output = (
            unwall_outputs(source, expected["url"])
            if extractor == "unwall"
            else readability_output(source, expected["url"])
        )
    except UnwallError:
        output = ""
    text = normalize(output)
    leaked = sum(1 for junk in expected["must_not_contain"] if normalize(junk) in text)
    kept = sum(1 for sentence in expected["must_contain"] if normalize(sentence) in text)
    return PageScore(
        folder.name,
        expected.get("lang", "?"),
        expected.get("platform", "?"),
        leaked,
        len(expected["must_not_contain"]),
        kept,
        len(expected["must_contain"]),
    )


def summarize(scores: list[PageScore]) -> dict[str, float]:
    junk = sum(s.junk for s in scores) or 1
    article = sum(s.article for s in scores) or 1
    return {
        "leak_rate": sum(s.leaked for s in scores) / junk,
        "recall": sum(s.kept for s in scores) / article,
        "pages": len(scores),
    }


def grouped(scores: list[PageScore], key: str) -> dict[str, dict[str, float]]:
    groups: dict[str, list[PageScore]] = defaultdict(list)
    for score in scores:
        groups[getattr(score, key)].append(score)
    return {name: summarize(group) for name, group in sorted(groups.items())}


def paragraphs_lost_to_consent_rules(corpus: Path) -> tuple[int, int, list[str]]:
    """(paragraphs checked, paragraphs lost, where) over a Readability.js-style corpus."""
    checked = lost = 0
    where: list[str] = []
    for folder in sorted(p for p in corpus.iterdir() if (p / "expected.html").exists()):
        removed: list[str] = []

        def observe(element: lxml.html.HtmlElement, removal: Removal, sink: list[str] = removed) -> None:
            if removal.kind in CONSENT_KINDS:
                sink.append(normalize(element.text_content()))

        with contextlib.suppress(UnwallError):  # a page with no article removes nothing worth checking
            run((folder / "source.html").read_bytes(), CORPUS_BASE_URL, observer=observe)
        expected = lxml.html.fromstring((folder / "expected.html").read_text("utf-8"))
        for paragraph in (normalize(p.text_content()) for p in expected.iter("p")):
            if len(paragraph) < 60:
                continue
            checked += 1
            if any(paragraph in text for text in removed):
                lost += 1
                where.append(f"{folder.name}: {paragraph[:70]}")
    return checked, lost, where


def measure(corpus: Path = DEFAULT_CORPUS) -> dict[str, Any]:
    folders = sorted(p for p in PAGES.iterdir() if (p / "expected.json").exists())
    results: dict[str, Any] = {}
    for extractor in ("unwall", "readability-lxml"):
        scores = [score_page(folder, extractor) for folder in folders]
        results[extractor] = {
            "overall": summarize(scores),
            "by_language": grouped(scores, "lang"),
            "by_platform": grouped(scores, "platform"),
        }
    checked, lost, where = paragraphs_lost_to_consent_rules(corpus)
    results["corpus"] = {"paragraphs_checked": checked, "paragraphs_lost": lost, "where": where}
    return results


def table(results: dict[str, Any]) -> str:
    lines = ["| extractor | group | pages | leak rate | article recall |", "|---|---|---:|---:|---:|"]
    for extractor in ("unwall", "readability-lxml"):
        data = results[extractor]
        rows = [("all", data["overall"])]
        rows += [(f"lang {k}", v) for k, v in data["by_language"].items()]
        rows += [(f"platform {k}", v) for k, v in data["by_platform"].items()]
        for group, value in rows:
            lines.append(
                f"| {extractor} | {group} | {value['pages']} | "
                f"{value['leak_rate']:.3f} | {value['recall']:.3f} |"
            )
    corpus = results["corpus"]
    lines.append("")
    lines.append(
        f"Corpus paragraphs lost to a consent or notice rule: {corpus['paragraphs_lost']} "
        f"of {corpus['paragraphs_checked']}"
    )
    lines.extend(f"- {where}" for where in corpus["where"])
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", type=Path, help="also write the full results here")
    args = parser.parse_args()
    results = measure(args.corpus)
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
