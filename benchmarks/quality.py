"""Extraction quality against Readability.js's expected output, side by side
with readability-lxml alone and trafilatura (a dev-only comparison).

    python benchmarks/quality.py [--corpus DIR] [--out DIR]

Per page: title exact match (and exact after removing the site name, since
Readability.js keeps suffixes such as " | eHow" that Unwall drops on purpose),
byline exact match where the expected metadata has one (and exact on the name
alone, since Readability.js keeps the "By" before it and the lines after it,
such as a date, that Unwall drops on purpose) and "invented" where it has none
and the page's own metadata (`author` meta tags, JSON-LD `author`, microdata
`itemprop=author`) names nobody either,
language, published date (same day), excerpt exact match, and body precision /
recall / F1 on word 4-gram shingles (order matters) and as a bag of words; the
lead image: given on every page that declares one (`og:image`, JSON-LD
`image`), and on the others, when given, one of the article's images (the
expected article's `<img>`s, compared without query strings). Prints a table;
with --out writes one JSON file per page (what each extractor returned and its
scores) so a regression can be opened and read.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import lxml.html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "server"))

from unwall.errors import UnwallError  # noqa: E402
from unwall.pipeline import run  # noqa: E402

DEFAULT_CORPUS = ROOT / "tests" / "fixtures" / "readability"
BASE_URL = "http://fakehost/test/page.html"


@dataclass
class Extracted:
    title: str | None
    byline: str | None
    lang: str | None
    published: str | None
    excerpt: str | None
    text: str
    lead_image: str | None = None


@dataclass
class Scores:
    title: bool
    title_without_site: bool
    byline: bool | None  # None: no byline expected
    byline_name: bool | None
    byline_invented: bool
    lang: bool | None
    published: bool | None
    excerpt: bool | None
    shingle_precision: float
    shingle_recall: float
    shingle_f1: float
    bag_precision: float
    bag_recall: float
    bag_f1: float
    lead_image_where_declared: bool | None  # None: the page declares no image
    lead_image_in_article: bool | None  # None: declared, or no lead image given
    failed: bool


def words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text or "").lower())


def shingles(tokens: list[str], size: int = 4) -> Counter[tuple[str, ...]]:
    if len(tokens) < size:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def prf(ours: Counter[Any], expected: Counter[Any]) -> tuple[float, float, float]:
    overlap = sum((ours & expected).values())
    precision = overlap / max(sum(ours.values()), 1)
    recall = overlap / max(sum(expected.values()), 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def same(a: str | None, b: str | None) -> bool:
    return " ".join((a or "").split()).casefold() == " ".join((b or "").split()).casefold()


def without_site(title: str | None, site: str | None) -> str:
    """Both sides compared without a trailing or leading site name segment:
    the longest segment is the headline."""
    # Chinese and Japanese titles are signed without spaces ('标题_频道_网站').
    cjk = "\u3040-\u30ff\u3400-\u9fff"
    unspaced = rf"(?<=[{cjk}？！」》）])[_|｜-](?=[{cjk}])"
    parts = re.split(rf"\s+(?:\||-|–|—|·|::|_|»)\s+|\s*\[[^\]]+\]\s*$|{unspaced}", title or "")
    parts = [p for p in parts if p and p.strip()]
    if len(parts) > 1 and site:
        parts = [p for p in parts if p.strip().casefold() != site.strip().casefold()] or parts
    return max(parts, key=len) if parts else ""


@dataclass(frozen=True)
class Reference:
    """What the page and Readability.js's output say, to score against."""

    metadata: dict[str, Any]
    text: str
    declares_image: bool
    article_images: frozenset[str]
    declared_authors: frozenset[str] = frozenset()


def _image_key(url: str) -> str:
    return url.split("?", 1)[0].split("#", 1)[0].rstrip("/")


def reference(folder: Path) -> Reference:
    metadata = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
    expected_html = (folder / "expected.html").read_text("utf-8")
    expected = lxml.html.fromstring(expected_html)
    expected.make_links_absolute(BASE_URL, resolve_base_href=False)
    images = frozenset(_image_key(src) for src in expected.xpath("//img/@src") if src.strip())
    source = lxml.html.fromstring((folder / "source.html").read_bytes())
    og_image = source.xpath("//meta[@property='og:image' or @name='og:image']/@content")
    json_ld = " ".join(source.xpath("//script[@type='application/ld+json']/text()"))
    declares = any(value.strip() for value in og_image) or '"image"' in json_ld
    return Reference(metadata, html_text(expected_html), declares, images, declared_authors(source, json_ld))


AUTHOR_META_KEYS = frozenset(
    {"author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator"}
)


def declared_authors(source: lxml.html.HtmlElement, json_ld: str) -> frozenset[str]:
    """Names the page's metadata gives as its author, lower-cased."""
    names = {
        " ".join(meta.get("content", "").split()).casefold()
        for meta in source.iter("meta")
        if AUTHOR_META_KEYS & {(meta.get(key) or "").lower() for key in ("name", "property")}
    }
    # Microdata: <span itemprop="author"> around a name (Blogger, WordPress themes).
    for unit in source.xpath("//*[contains(concat(' ', normalize-space(@itemprop), ' '), ' author ')]"):
        name_parts = unit.xpath(".//*[@itemprop='name']")
        texts = [part.get("content") or part.text_content() for part in name_parts] or [unit.text_content()]
        names.update(" ".join(text.split()).casefold() for text in texts)
    for match in re.finditer(r'"author"\s*:\s*(\{[^}]*\}|\[[^\]]*\]|"[^"]*")', json_ld):
        names.update(name.casefold() for name in re.findall(r'"name"\s*:\s*"([^"]+)"', match.group(1)))
        if match.group(1).startswith('"'):
            names.add(match.group(1).strip('"').casefold())
    return frozenset(name for name in names if name)


# Tags that end a line when a browser lays the page out; text_content() alone would
# glue "ipsum<br>dolor" or "</p><p>" neighbours into one word on either side.
_LINE_BREAKING_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul".split()
)


def html_text(fragment: str) -> str:
    """The words of an HTML fragment, with a line break wherever a block ends."""
    root = lxml.html.fromstring(fragment)
    for element in root.iter():
        if element.tag in _LINE_BREAKING_TAGS:
            element.tail = "\n" + (element.tail or "")
    return root.text_content()


def byline_name(byline: str | None) -> str:
    """The name a byline gives: without a leading 'By' ('Par', 'Von', 'Written by')
    and its first line only ('By Jane Doe\n  March 25, 2015' -> 'Jane Doe')."""
    text = re.sub(r"^\s*(?:written\s+by|by|par|von|por)\s*:?\s+", "", byline or "", flags=re.I)
    return next((line for line in text.splitlines() if line.strip()), "")


def score(extracted: Extracted | None, ref: Reference) -> Scores:
    expected, expected_text = ref.metadata, ref.text
    if extracted is None:
        extracted = Extracted(None, None, None, None, None, "")
        failed = True
    else:
        failed = False
    exp_words, our_words = words(expected_text), words(extracted.text)
    sp, sr, sf = prf(shingles(our_words), shingles(exp_words))
    bp, br, bf = prf(Counter(our_words), Counter(exp_words))
    site = expected.get("siteName")
    expected_date = (expected.get("publishedTime") or "")[:10]
    return Scores(
        title=same(extracted.title, expected.get("title")),
        title_without_site=same(
            without_site(extracted.title, site), without_site(expected.get("title"), site)
        ),
        byline=same(extracted.byline, expected["byline"]) if expected.get("byline") else None,
        byline_name=(
            same(byline_name(extracted.byline), byline_name(expected["byline"]))
            if expected.get("byline")
            else None
        ),
        byline_invented=bool(extracted.byline)
        and not expected.get("byline")
        and (extracted.byline or "").casefold() not in ref.declared_authors,
        lang=(same((extracted.lang or "")[:2], expected["lang"][:2]) if expected.get("lang") else None),
        published=((extracted.published or "")[:10] == expected_date) if expected_date else None,
        excerpt=same(extracted.excerpt, expected["excerpt"]) if expected.get("excerpt") else None,
        shingle_precision=sp,
        shingle_recall=sr,
        shingle_f1=sf,
        bag_precision=bp,
        bag_recall=br,
        bag_f1=bf,
        lead_image_where_declared=bool(extracted.lead_image) if ref.declares_image else None,
        lead_image_in_article=(
            _image_key(extracted.lead_image) in ref.article_images
            if extracted.lead_image and not ref.declares_image
            else None
        ),
        failed=failed,
    )


def unwall_extract(page: bytes) -> Extracted | None:
    try:
        article = run(page, BASE_URL).article
    except UnwallError:
        return None
    # The body's own text, as the expected article's is read: the plain-text format's
    # list numbers and table rules are not words of the article.
    text = html_text(article.content_html)
    if article.lead_image and article.lead_image.caption:
        text = article.lead_image.caption + "\n\n" + text
    lead_image = article.lead_image.url if article.lead_image else None
    return Extracted(
        article.title, article.byline, article.lang, article.published, article.excerpt, text, lead_image
    )


def readability_extract(page: bytes) -> Extracted | None:
    from readability import Document

    try:
        document = Document(page, url=BASE_URL)
        body = html_text(document.summary(html_partial=True))
        return Extracted(document.short_title(), document.author() or None, None, None, None, body)
    except Exception:  # a peer failing on a page is a data point
        return None


def trafilatura_extract(page: bytes) -> Extracted | None:
    try:
        import trafilatura
    except ImportError:
        return None
    try:
        result = trafilatura.bare_extraction(
            page.decode("utf-8", "replace"), url=BASE_URL, with_metadata=True
        )
    except Exception:  # a peer failing on a page is a data point
        return None
    if result is None:
        return None
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    return Extracted(
        data.get("title"),
        data.get("author"),
        data.get("language"),
        data.get("date"),
        data.get("description"),
        data.get("text") or "",
        data.get("image"),
    )


EXTRACTORS: dict[str, Callable[[bytes], Extracted | None]] = {
    "unwall": unwall_extract,
    "readability-lxml": readability_extract,
    "trafilatura": trafilatura_extract,
}


def rate(values: list[bool | None]) -> float:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else float("nan")


def summarize(all_scores: list[Scores]) -> dict[str, float]:
    return {
        "pages": len(all_scores),
        "failed": sum(s.failed for s in all_scores),
        "title": rate([s.title for s in all_scores]),
        "title_without_site": rate([s.title_without_site for s in all_scores]),
        "byline": rate([s.byline for s in all_scores]),
        "byline_name": rate([s.byline_name for s in all_scores]),
        "byline_invented": sum(s.byline_invented for s in all_scores) / len(all_scores),
        "lang": rate([s.lang for s in all_scores]),
        "published": rate([s.published for s in all_scores]),
        "excerpt": rate([s.excerpt for s in all_scores]),
        "shingle_f1_mean": statistics.mean(s.shingle_f1 for s in all_scores),
        "shingle_f1_median": statistics.median(s.shingle_f1 for s in all_scores),
        "shingle_precision": statistics.mean(s.shingle_precision for s in all_scores),
        "shingle_recall": statistics.mean(s.shingle_recall for s in all_scores),
        "bag_f1_mean": statistics.mean(s.bag_f1 for s in all_scores),
        "lead_image_where_declared": rate([s.lead_image_where_declared for s in all_scores]),
        "lead_image_in_article": rate([s.lead_image_in_article for s in all_scores]),
    }


def evaluate(corpus: Path, extractors: list[str], out: Path | None = None) -> dict[str, dict[str, float]]:
    per_extractor: dict[str, list[Scores]] = {name: [] for name in extractors}
    for folder in sorted(p for p in corpus.iterdir() if (p / "expected-metadata.json").exists()):
        page = (folder / "source.html").read_bytes()
        ref = reference(folder)
        record: dict[str, Any] = {"page": folder.name, "expected": ref.metadata}
        for name in extractors:
            extracted = EXTRACTORS[name](page)
            scores = score(extracted, ref)
            per_extractor[name].append(scores)
            record[name] = {"extracted": asdict(extracted) if extracted else None, "scores": asdict(scores)}
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            (out / f"{folder.name}.json").write_text(
                json.dumps(record, indent=1, ensure_ascii=False), "utf-8"
            )
    return {name: summarize(scores) for name, scores in per_extractor.items()}


def table(results: dict[str, dict[str, float]]) -> str:
    columns = [
        ("title", "title"),
        ("title_without_site", "title (no site)"),
        ("byline", "byline"),
        ("byline_name", "byline (name)"),
        ("byline_invented", "byline invented"),
        ("lang", "lang"),
        ("published", "date"),
        ("excerpt", "excerpt"),
        ("shingle_f1_mean", "body F1 (4-gram)"),
        ("shingle_precision", "P"),
        ("shingle_recall", "R"),
        ("bag_f1_mean", "body F1 (bag)"),
        ("lead_image_where_declared", "lead image (declared)"),
        ("lead_image_in_article", "lead image (else, in article)"),
    ]
    lines = [
        "| extractor | " + " | ".join(label for _, label in columns) + " | failed |",
        "|---|" + "---:|" * (len(columns) + 1),
    ]
    for name, summary in results.items():
        cells = ["n/a" if summary[key] != summary[key] else f"{summary[key]:.3f}" for key, _ in columns]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {int(summary['failed'])} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, help="write one JSON file of results per page here")
    parser.add_argument("--only", nargs="*", choices=list(EXTRACTORS), default=list(EXTRACTORS))
    args = parser.parse_args()
    results = evaluate(args.corpus, args.only, args.out)
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
