"""Part of stage 5 (enrich), run right after parsing: read what the page says
about itself (meta tags, JSON-LD, `<title>`, `<h1>`, bylines, `<time>`) before
stripping takes the evidence away. Pure reading; the tree is not changed."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin

from lxml.html import HtmlElement

from unwall.rules import element_name_runs

ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "blogposting",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "techarticle",
        "scholarlyarticle",
        "report",
        "liveblogposting",
        "webpage",
        "posting",
        "socialmediaposting",
        "medicalwebpage",
        "creativework",
        "recipe",
        "howto",
    }
)
BYLINE_CLASS = re.compile(r"(^|[-_ ])(byline|author|autor|auteur|writer|creator|signature)([-_ ]|$)", re.I)
NOT_BYLINE_CLASS = re.compile(r"comment|avatar|bio|box|related|photo|image|img|date|social|share", re.I)
# A standfirst (dek, chapô) often sits in the article header, outside the body
# that extraction keeps.
STANDFIRST_NAMES = frozenset(
    {
        "dek",
        "standfirst",
        "chapo",
        "chapeau",
        "lede",
        "lead",
        "intro",
        "summary",
        "subtitle",
        "sub-title",
        "subheadline",
        "subhead",
        "sub-headline",
        "teaser-text",
        "abstract",
        "excerpt",
        "deck",
        "strapline",
        "article-lead",
        "lead-text",
        "leadtext",
        "vorspann",
        "entradilla",
    }
)
# The opening picture comes right after the headline, before any section.
HERO_SEARCH_ELEMENTS = 8
SECTION_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
# Smaller declared sizes are avatars, icons and badges; unknown sizes pass.
HERO_MIN_WIDTH = 200
HERO_MIN_HEIGHT = 100
# Dates from these regions belong to other items, never to the article.
FOREIGN_REGION = re.compile(r"comment|related|recommend|sidebar|teaser|more-|footer|nav", re.I)


@dataclass(frozen=True)
class DeclaredImage:
    url: str
    width: int | None = None
    height: int | None = None
    alt: str = ""
    source: str = ""


@dataclass
class PageMetadata:
    meta: dict[str, str] = field(default_factory=dict)
    json_ld: list[dict[str, Any]] = field(default_factory=list)
    document_title: str = ""
    h1_texts: list[str] = field(default_factory=list)
    byline_texts: list[str] = field(default_factory=list)
    time_values: list[str] = field(default_factory=list)
    lang: str | None = None
    dir: str | None = None
    declared_images: list[DeclaredImage] = field(default_factory=list)
    base_url: str | None = None
    standfirst: str | None = None


def collect_metadata(root: HtmlElement, base_url: str | None) -> PageMetadata:
    metadata = PageMetadata(base_url=base_url)
    metadata.meta = _meta_tags(root)
    metadata.json_ld = list(_json_ld_objects(root))
    title = root.find(".//title")
    metadata.document_title = _clean(title.text_content()) if title is not None else ""
    metadata.h1_texts = [_clean(h1.text_content()) for h1 in root.iter("h1")][:5]
    metadata.byline_texts = _byline_texts(root)
    metadata.time_values = _time_values(root)
    metadata.lang = _lang(root, metadata.meta)
    metadata.dir = _dir(root)
    metadata.declared_images = _declared_images(root, metadata, base_url) + _hero_images(root)
    metadata.standfirst = _standfirst(root)
    return metadata


def _standfirst(root: HtmlElement) -> str | None:
    # iter() walks in document order; an XPath union of the same would sort
    # its merged node sets, which grows quadratically on large pages.
    for element in root.iter("p", "div", "h2", "span"):
        if not element.get("class") or STANDFIRST_NAMES.isdisjoint(element_name_runs(element)):
            continue
        text = _clean(element.text_content())
        links = sum(len(_clean(a.text_content())) for a in element.iter("a"))
        if 40 <= len(text) <= 700 and links < 0.3 * len(text) and not _inside_foreign_region(element):
            return text
    return None


def _hero_images(root: HtmlElement) -> list[DeclaredImage]:
    """The first image after the page's <h1>: the picture a story opens with,
    also when its figure sits in the header, outside the extracted body."""
    for heading in list(root.iter("h1"))[:3]:
        following = list(
            itertools.takewhile(
                lambda sibling: sibling.tag not in SECTION_HEADINGS,
                itertools.islice(heading.itersiblings(), HERO_SEARCH_ELEMENTS),
            )
        )
        parent = heading.getparent()
        if parent is not None and parent.tag in {"header", "div", "hgroup"}:
            following.extend(itertools.islice(parent.itersiblings(), 1))
        for element in following:
            image = _first_photo(element)
            if image is not None:
                return [image]
    return []


def _first_photo(element: HtmlElement) -> DeclaredImage | None:
    for img in element.iter("img"):
        src = (img.get("src") or "").strip()
        if not src.startswith(("http://", "https://")) or _inside_foreign_region(img):
            continue
        width, height = _to_int(img.get("width")), _to_int(img.get("height"))
        if (width or HERO_MIN_WIDTH) >= HERO_MIN_WIDTH and (height or HERO_MIN_HEIGHT) >= HERO_MIN_HEIGHT:
            return DeclaredImage(src, width, height, _clean(img.get("alt")), "hero")
    return None


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _meta_tags(root: HtmlElement) -> dict[str, str]:
    tags: dict[str, str] = {}
    for meta in root.iter("meta"):
        content = meta.get("content")
        if content is None:
            continue
        for key_attribute in ("property", "name", "itemprop", "http-equiv"):
            for key in (meta.get(key_attribute) or "").lower().split():
                tags.setdefault(key, _clean(content))
    return tags


def _json_ld_objects(root: HtmlElement) -> Iterator[dict[str, Any]]:
    for script in root.xpath("//script[@type='application/ld+json']"):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            try:  # a common publisher bug: trailing commas or stray control characters
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw), strict=False)
            except ValueError:
                continue
        yield from _flatten_json_ld(data)


def _flatten_json_ld(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 5:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten_json_ld(item, depth + 1)
    elif isinstance(data, dict):
        if "@graph" in data:
            yield from _flatten_json_ld(data["@graph"], depth + 1)
        if "@type" in data:
            yield data


def json_ld_types(node: dict[str, Any]) -> set[str]:
    types = node.get("@type")
    if isinstance(types, str):
        return {types.lower()}
    if isinstance(types, list):
        return {t.lower() for t in types if isinstance(t, str)}
    return set()


def article_json_ld(metadata: PageMetadata) -> dict[str, Any] | None:
    """The JSON-LD node that describes the article itself."""
    best: dict[str, Any] | None = None
    for node in metadata.json_ld:
        types = json_ld_types(node)
        if types & (ARTICLE_TYPES - {"webpage", "creativework"}):
            return node
        if best is None and types & ARTICLE_TYPES and ("headline" in node or "author" in node):
            best = node
    return best


def _byline_texts(root: HtmlElement) -> list[str]:
    found: list[str] = []
    for link in root.xpath("//*[@rel='author' or @itemprop='author']"):
        found.append(_clean(link.text_content()))
    for element in root.xpath("//*[@class or @id]"):
        if _is_byline_name(element.get("class") or "", element.get("id") or ""):
            text = _clean(element.text_content())
            if 0 < len(text) <= 100:
                found.append(text)
        if len(found) >= 8:
            break
    return [text for text in found if text]


@lru_cache(maxsize=4096)
def _is_byline_name(class_attribute: str, id_attribute: str) -> bool:
    names = f"{class_attribute} {id_attribute}"
    return bool(BYLINE_CLASS.search(names)) and not NOT_BYLINE_CLASS.search(names)


def _inside_foreign_region(element: HtmlElement) -> bool:
    for ancestor in element.iterancestors():
        names = f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}"
        if FOREIGN_REGION.search(names) or ancestor.tag in {"aside", "footer", "nav"}:
            return True
    return False


def _time_values(root: HtmlElement) -> list[str]:
    values: list[str] = []
    for element in root.xpath("//*[self::time or @itemprop='datePublished']"):
        if _inside_foreign_region(element):
            continue
        value = element.get("datetime") or element.get("content") or element.text_content()
        if value and value.strip():
            values.append(value.strip())
    return values[:5]


def _lang(root: HtmlElement, meta: dict[str, str]) -> str | None:
    lang = root.get("lang") or root.get("xml:lang")
    body = root.find("body")
    if not lang and body is not None:
        lang = body.get("lang")
    lang = lang or meta.get("content-language") or meta.get("og:locale") or meta.get("language")
    if not lang:
        return None
    lang = lang.strip().replace("_", "-").split(",")[0]
    return lang if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", lang) else None


def _dir(root: HtmlElement) -> str | None:
    body = root.find("body")
    for element in (root, body):
        if element is not None and (element.get("dir") or "").lower() in {"rtl", "ltr"}:
            return (element.get("dir") or "").lower()
    return None


def _to_int(value: Any) -> int | None:
    try:
        number = int(float(str(value).strip().removesuffix("px")))
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def _json_ld_image_urls(node: Any) -> Iterator[tuple[str, int | None, int | None]]:
    if isinstance(node, str):
        yield node, None, None
    elif isinstance(node, list):
        for item in node[:5]:
            yield from _json_ld_image_urls(item)
    elif isinstance(node, dict):
        url = node.get("url") or node.get("contentUrl")
        if isinstance(url, str):
            yield url, _to_int(node.get("width")), _to_int(node.get("height"))


def _declared_images(root: HtmlElement, metadata: PageMetadata, base_url: str | None) -> list[DeclaredImage]:
    meta = metadata.meta
    images: list[DeclaredImage] = []

    def add(url: str | None, width: int | None, height: int | None, alt: str, source: str) -> None:
        if not url or not url.strip() or url.strip().startswith("data:"):
            return
        absolute = urljoin(base_url, url.strip()) if base_url else url.strip()
        images.append(DeclaredImage(absolute, width, height, alt, source))

    add(
        meta.get("og:image:secure_url") or meta.get("og:image") or meta.get("og:image:url"),
        _to_int(meta.get("og:image:width")),
        _to_int(meta.get("og:image:height")),
        meta.get("og:image:alt", ""),
        "og:image",
    )
    add(
        meta.get("twitter:image") or meta.get("twitter:image:src"),
        None,
        None,
        meta.get("twitter:image:alt", ""),
        "twitter:image",
    )
    article = article_json_ld(metadata)
    if article is not None:
        for url, width, height in _json_ld_image_urls(article.get("image") or article.get("thumbnailUrl")):
            add(url, width, height, "", "json-ld")
    for link in root.xpath("//link[@rel='image_src']"):
        add(link.get("href"), None, None, "", "link:image_src")
    return images
