"""Stage 5, enrich: decide title, byline, date, site name, excerpt and the lead
image from the page's metadata and the extracted body, and keep the body from
repeating the title or the lead image."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any, Literal
from urllib.parse import urlsplit

from lxml.html import HtmlElement, builder

from unwall.model import LeadImage
from unwall.pipeline.calendars import local_calendar_date
from unwall.pipeline.language import (
    approximate_words,
    direction_of,
    guess_language,
    month_numbers,
    month_numbers_in,
)
from unwall.pipeline.metadata import (
    ACCOUNT_NAME_IN_BYLINE,
    AUTHOR_META_KEYS,
    CLOCK_TIME,
    COUNT_IN_BYLINE,
    PUBLISHED_META_KEYS,
    SECTION_HEADINGS,
    DeclaredImage,
    PageMetadata,
    article_json_ld,
    squeezed,
)
from unwall.pipeline.normalize import (
    EMAIL_ADDRESS,
    WORD_RUN,
    declared_side,
    element_right_before,
    int_attribute,
    is_plausible_photo,
    is_text_sized,
    largest_rendition,
    lines_between_breaks,
    parse_srcset,
    spoken_alt,
    text_without_annotations,
    tidy_caption_parts,
    url_path,
    width_in_address,
)
from unwall.rules import (
    COMBINING_MARK,
    bio_verb_pattern,
    byline_prefix_pattern,
    byline_role_pattern,
    company_form_pattern,
    date_after_name_pattern,
    date_prefix_pattern,
    desk_line_pattern,
    desk_name_pattern,
    desk_prefix_pattern,
    element_name_runs,
    fact_labels,
    is_relative_date,
    line_label_form,
    load_rules,
    name_suffixes,
    name_title_pattern,
    normalize_label,
    original_title_pattern,
    original_title_prefix_pattern,
    picture_agencies,
    picture_credit_pattern,
    placeholder_byline_names,
    site_builder_words,
)
from unwall.writing_systems import HANGUL_SYLLABLES, UNSPACED_LETTERS

TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|·|•|::|:|/|»|«|›|‹)\s+")
# Class names of a paragraph that holds the headline.
# Class names of a headline set as a paragraph, in the languages CMSs name them in.
TITLE_CLASS_WORDS = frozenset(
    {"title", "headline", "heading", "titulo", "titular", "titolo", "titre", "titel", "tytul", "baslik"}
)
# What a truncated title may end with, and what may follow a title that is no truncation.
ELLIPSIS = " .…"
SEPARATOR_START = re.compile(r"^\s*(?:\||-|–|—|·|•|::|:|/|»|«|›|‹|_|\[|\()")
# Heading permalinks that documentation generators put inside the heading.
HEADING_ANCHOR_MARK = re.compile(r"[\s¶#§]+$")
# A heading that short could be a site's logo rather than its headline.
MIN_CONFIRMING_HEADING_WORDS = 3
SHORT_TITLE_WORDS = 4
# Below this share of common words, two titles name different things.
MIN_TITLE_SIMILARITY = 0.5
# Day, month and year in digits, separated by slashes or dots, and not part of a longer
# run of numbers (a version, an IP address).
NUMERIC_DATE = re.compile(r"(?<!\d)(?<!\d[./])(\d{1,2})([./])(\d{1,2})\2((?:19|20)\d{2})(?!\d|[./]\d)")
YEAR_FIRST_DATE = re.compile(r"(?<![\d/.])((?:19|20)\d{2})([/.])(\d{1,2})\2(\d{1,2})(?![\d/.])")
# Korean and Hungarian write the year first, each number closed by a dot and
# a space: '2023. 2. 5. 11:40' (a Naver blog's date line), '2019. 07. 03.'.
SPACED_YEAR_FIRST_DATE = re.compile(r"(?<![\d.])((?:19|20)\d{2})\. (\d{1,2})\. (\d{1,2})\.(?!\d)")
# Chinese and Japanese '2019年5月1日', Korean '2019년 5월 1일'.
CJK_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")
# Day, month and a two-digit year: '15.05.20'.
TWO_DIGIT_YEAR_DATE = re.compile(r"(\d{1,2})([./])(\d{1,2})\2(\d{2})")
# Digits around, not word boundaries: CJK writes the year against its sign ('2019年').
DATE_IN_BYLINE = re.compile(r"(?<!\d)(?:1[89]|20)\d{2}(?!\d)|(?<!\d)\d{1,2}:\d{2}(?!\d)")
MIN_LEAD_IMAGE_SIDE = 200
MIN_CONTENT_IMAGE_SIDE = 120
OPENING_PARAGRAPHS = 3
EXCERPT_CHARS = 300
# A line of the body that repeats the byline or the date is short...
MAX_META_LINE_CHARS = 160
# The smallest headings too: TMZ sets its date and byline line in an <h5>
# ('11/28/2016 11:00 AM PST BY TMZ STAFF').
_META_LINE_TAGS = ("p", "div", "li", "time", "address", "span", "small", "h5", "h6")
_META_LINE_BLOCKS = ("p", "div", "address")
# How a byline joins its authors: 'A, B and C', 'A und B', 'A et B'...
BYLINE_NAME_SEPARATORS = re.compile(r",\s*|\s+(?:and|und|et|y|e|i|og|en)\s+")


@dataclass(frozen=True)
class Enrichment:
    title: str
    byline: str | None
    published: str | None
    site_name: str | None
    lang: str | None
    dir: str | None
    excerpt: str | None
    lead_image: LeadImage | None


def enrich(content: HtmlElement, metadata: PageMetadata) -> Enrichment:
    """Decide the article's metadata; removes the title heading and the lead
    image from `content` so that neither is shown twice."""
    article = article_json_ld(metadata) or {}
    site_name = choose_site_name(metadata, article)
    byline = choose_byline(metadata, article, site_name, _signatures(content, metadata.standfirst))
    title = choose_title(metadata, article, site_name)
    title = without_picture_credit(without_author_signature(title, byline))
    if names_only_the_site(title, site_name, metadata):
        lone_h2 = metadata.h2_texts[0] if len(metadata.h2_texts) == 1 else None
        # A heading of a word or two ('THANK YOU' over the last section of
        # EFF's annual report, the body's opening) is a section's, no headline.
        headlines = (
            heading
            for heading in (_opening_heading(content), lone_h2)
            if heading is not None and approximate_words(heading) >= MIN_CONFIRMING_HEADING_WORDS
        )
        title = next(headlines, title)
    elif (shown := _shown_after_section_label(title, _opening_headings(content))) is not None:
        # 'IIJ Security Diary: Masscan と ZMap によるスキャンの違い' declared, the
        # article's own <h3> the part after the blog's name: no <h1> said so.
        # The blog's name over it ('Security Diary', an <h2>) heads no section.
        _remove_opening_headings_within(content, title[: len(title) - len(shown)])
        title = shown
    remove_title_heading(content, title)
    remove_headline_kicker(content, metadata.headline_kicker)
    restore_standfirst(content, metadata.standfirst)
    remove_summary_the_opening_repeats(content)
    tidy_caption_parts(content)
    published = choose_published(metadata, article, content)
    # Before the lead image: a byline line above the body's first picture
    # would hide that the body opens with it.
    summaries = [metadata.standfirst, article.get("description"), *map(metadata.meta.get, SUMMARY_META_KEYS)]
    remove_repeated_meta(content, byline, published, [s for s in summaries if isinstance(s, str)])
    remove_opening_meta_lines(content, title, byline, published)
    remove_author_pictures(content, byline)
    lead_image = choose_lead_image(metadata, content)
    lead_image = without_alts_repeating_the_title(content, lead_image, title)
    remove_stray_picture_credits(content)
    remove_desk_lines(content)
    remove_closing_author_bio(content, byline)
    remove_closing_byline(content, byline)
    remove_closing_stamp(content, published)
    lang = page_language(metadata.lang, content)
    return Enrichment(
        title=title,
        byline=byline,
        published=published,
        site_name=site_name,
        lang=lang,
        dir=metadata.dir or direction_of(lang),
        excerpt=choose_excerpt(metadata, article, content, title, byline),
        lead_image=lead_image,
    )


def without_alts_repeating_the_title(
    content: HtmlElement, lead_image: LeadImage | None, title: str
) -> LeadImage | None:
    """A picture whose alternative text is the article's title describes
    nothing of itself: a CMS that fills every picture's with the title
    (QbitAI's ten pictures, each '中科闻歌发布智川X-Agent平台…') has a screen
    reader say the headline once per picture. Such an alt is left unsaid,
    in the body and on the lead image."""
    title_key = _comparable(title)
    if not title_key:
        return lead_image
    for img in content.iter("img"):
        if _comparable(img.get("alt") or "") == title_key:
            img.set("alt", "")
    if lead_image is not None and _comparable(lead_image.alt) == title_key:
        return replace(lead_image, alt="")
    return lead_image


def page_language(declared: str | None, content: HtmlElement) -> str | None:
    """What the page declares is what it is, but where English is on one side:
    a CMS's default ('en-US' in WordPress) that a site in another language
    never changed (Metro Bali, in Indonesian), or a site's language on a post
    written in English (Verfassungsblog's English editorials under lang="de").
    The guess reads the text only when it is clear; between two other
    languages the page's word stands."""
    if declared is None:
        return guess_language(content.text_content())
    text = content.text_content()
    guessed = guess_language(text[:LANGUAGE_CHECK_CHARS])
    if declared.lower().split("-")[0] != "en":
        # Its opening and its end in English, and nearly all its letters Latin:
        # not a quotation (Habr's Russian post around a long English one).
        english = (
            guessed == "en"
            and len(text) >= MIN_TEXT_TO_OVERRULE_CHARS
            and guess_language(text[-LANGUAGE_CHECK_CHARS:]) == "en"
            and _latin_share(text) >= MIN_LATIN_SHARE_OF_ENGLISH
        )
        return "en" if english else declared
    return guessed if guessed not in {None, "en"} else declared


# Enough words to tell English from the language of a mislabelled page.
LANGUAGE_CHECK_CHARS = 2000
MIN_LATIN_SHARE_OF_ENGLISH = 0.9
# A few English lines under another declared language may be a quotation or a summary.
MIN_TEXT_TO_OVERRULE_CHARS = 1000


def _latin_share(text: str) -> float:
    letters = _LETTER.findall(text)
    latin = sum(letter.isascii() or "\u00c0" <= letter <= "\u024f" for letter in letters)
    return float(latin) / max(len(letters), 1)


_LETTER = re.compile(r"[^\W\d_]")


def _clean(text: Any) -> str:
    return " ".join(str(text or "").split())


def _comparable(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


# --- title -----------------------------------------------------------------


def choose_site_name(metadata: PageMetadata, article: dict[str, Any]) -> str | None:
    publisher = article.get("publisher")
    publisher_name = publisher.get("name") if isinstance(publisher, dict) else None
    for candidate in (
        metadata.meta.get("og:site_name"),
        publisher_name,
        metadata.meta.get("application-name"),
    ):
        if candidate and _clean(candidate):
            return _site_name_of(_clean(candidate))
    return None


def _site_name_of(name: str) -> str:
    """A site that gives its address for its name ('https://www.horizont.net')
    is named by its host, as its readers write it ('horizont.net'); one that
    adds its motto in brackets is named without it ('ScanNetSecurity[国内最大級
    のサイバーセキュリティ専門ポータルサイト]')."""
    if (motto := _BRACKETED_MOTTO.search(name)) is not None and motto.start() > 0:
        return name[: motto.start()].strip()
    if (tagline := _SEPARATED_TAGLINE.search(name)) is not None:
        head, tail = name[: tagline.start()], name[tagline.end() :]
        if len(head.split()) <= MAX_SITE_NAME_WORDS and len(tail.split()) >= MIN_TAGLINE_WORDS:
            return head
    if not _WEB_ADDRESS.match(name):
        return name
    host = urlsplit(name if "//" in name else f"//{name}").hostname or ""
    return host.removeprefix("www.") or name


_WEB_ADDRESS = re.compile(r"(?:https?:)?//\S+$|www\.\S+$", re.I)
# A dash or a bar with spaces around it parts a name from what follows it: the
# site's tagline ('LinkNaija | Nigeria's popular news platform'), a signature.
_SPACED_DASH_OR_BAR = r"\s+[|–—-]\s+"
_SEPARATED_TAGLINE = re.compile(_SPACED_DASH_OR_BAR)
MAX_SITE_NAME_WORDS = 4
MIN_TAGLINE_WORDS = 3
_BRACKETED_MOTTO = re.compile(r"\s*(?:\[[^\]]{8,}\]|［[^］]{8,}］|【[^】]{8,}】)$")


def strip_site_from_title(
    title: str,
    site_name: str | None,
    document_title: str | None = None,
    hosts: frozenset[str] = frozenset(),
    site_heading: str | None = None,
    cut_unknown: bool = True,
) -> str:
    """'Headline | Site' -> 'Headline'; keeps titles that merely contain a dash.
    `document_title`, the page's <title>, when `title` is another declared title;
    `hosts`, the names in the page's address (`site_host_names`),
    which sites sign their titles with too ('Über uns | fairkom', '… - CHIP');
    `site_heading`, the site's name as its <h1> shows it ('Internet-Law »
    Headline'); `cut_unknown`, whether a segment that names no known site
    may be cut as an unknown site's name."""
    if site_name and (unsigned := _without_unspaced_signature(title, site_name)):
        return unsigned
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if site_name:
        kept = _without_signature(parts, _site_forms(site_name).__contains__)
        if kept:
            return _rejoin(title, kept)
    kept = _without_signature(parts, lambda segment: _names_host(segment, hosts))
    if kept:
        return _rejoin(title, kept)
    if site_heading:
        kept = _without_signature(parts, _site_forms(site_heading).__contains__)
        if kept:
            return _rejoin(title, kept)
    if site_name or not cut_unknown:
        # The page names its site and no segment is that name: every dash is the headline's own.
        return title
    return _strip_unknown_site(title, parts, document_title)


def _without_unspaced_signature(title: str, site_name: str) -> str | None:
    """'見出し｜ハーバー新聞', '标题_新华网', '見出し（ハーバー新聞）': the declared
    site's name at the title's end after a separator written without spaces,
    as East Asian titles write them, or in brackets; or at its start, before
    such a separator ('NEWS WEB EASY|子どもへの…', NHK)."""
    name = site_name.strip()
    if name and title.casefold().startswith(name.casefold()):
        opening = re.match(rf"\s*{re.escape(name)}\s*[{_UNSPACED_TITLE_SEPARATORS}]\s*", title, re.IGNORECASE)
        if opening is not None and title[opening.end() :].strip():
            return title[opening.end() :].strip()
    # A first look without a pattern: most titles do not end with the name.
    if name and not title.rstrip(" )）】]").casefold().endswith(name.casefold()):
        # '日本経済新聞 電子版' (the digital edition) signs '…：日本経済新聞'.
        name = name.split()[0] if " " in name else ""
    if not name or not title.rstrip(" )）】]").casefold().endswith(name.casefold()):
        return None
    site = re.escape(name)
    match = re.search(
        rf"\s*(?:[{_UNSPACED_TITLE_SEPARATORS}]\s*{site}|[(（【\[]\s*{site}\s*[)）】\]])\s*$",
        title,
        re.IGNORECASE,
    )
    if match is None or match.start() == 0:
        return None
    return title[: match.start()].strip()


_UNSPACED_TITLE_SEPARATORS = "｜|：:_・／/－\\-–—"


def _without_signature(parts: list[str], is_site: Callable[[str], bool]) -> list[str] | None:
    """The parts left when the site's name signs the title at its end (with
    whatever follows it: 'Headline » SciLogs - Wissenschaftsblogs') or at its
    start; a name with separators of its own ('Martina Berg - Lady 50plus') is
    read as one. None when no segment is the site's."""
    for start in range(1, len(parts)):
        for end in range(len(parts), start, -1):
            if is_site(_comparable_name(" ".join(parts[start:end]))):
                return parts[:start]
    for end in range(len(parts) - 1, 0, -1):
        if is_site(_comparable_name(" ".join(parts[:end]))):
            return parts[end:]
    return None


def _comparable_name(segment: str) -> str:
    """A site written as its domain ('MODEPILOT.de') is its name."""
    return _comparable(re.sub(r"\.[a-z]{2,6}$", "", segment.strip(), flags=re.IGNORECASE))


def site_host_names(labels: set[str]) -> frozenset[str]:
    """Of a page's host labels (`host_labels`), those that can name the site in
    its titles: 'fairkom' for www.fairkom.eu, 'rsingenieure' for
    rs-ingenieure.de (titles write 'RS Ingenieure'); not generic ones ('news',
    'blog') or numbers."""
    return frozenset(
        label.replace("-", "")
        for label in labels
        if len(label) >= 3 and label not in _GENERIC_HOST_LABELS and not label.isdigit()
    )


_GENERIC_HOST_LABELS = frozenset({"com", "org", "net", "gov", "edu", "blog", "blogs", "news", "amp"})


def _names_host(segment: str, names: frozenset[str]) -> bool:
    """`segment` in _comparable form: the host name itself ('chip', 'rs
    ingenieure'), or a short name holding it as a word ('stadt stuttgart')."""
    if not names:
        return False
    words = segment.split()
    return "".join(words) in names or (len(words) <= 2 and any(word in names for word in words))


def _site_forms(site_name: str) -> set[str]:
    """'Factorio.com' is 'Factorio' in a title; 'The Verge' may be 'Verge'."""
    site = _comparable(site_name)
    forms = {site, re.sub(r"^(?:the|www) ", "", site)}
    if re.search(r"\.[a-z]{2,6}$", site_name.strip().lower()):
        forms.add(re.sub(r"^www ", "", site.rsplit(" ", 1)[0]))
    return {form for form in forms if form}


def _strip_unknown_site(title: str, parts: list[str], document_title: str | None) -> str:
    """Without a site name: the last segment is cut (sites sign at the end), else the
    first; a result of a few words is more likely a cut headline, and the whole stays.
    A segment is cut from another title (og:title) only when the <title> has it as a
    segment too: a site signs its <title>, so what the <title> lacks ('How we designed
    ATF - an async task framework' beside '...: an async task framework - Dropbox')
    belongs to the headline."""
    signed = None
    if document_title and _comparable(document_title) != _comparable(title):
        signed = {_comparable(part) for part in TITLE_SEPARATORS.split(document_title)}
    candidate, cut = _rejoin(title, parts[:-1]), parts[-1]
    if approximate_words(candidate) < 3:
        candidate, cut = _rejoin(title, parts[1:]), parts[0]
    if signed is not None and _comparable(cut) not in signed:
        return title
    return candidate if approximate_words(candidate) > SHORT_TITLE_WORDS else title


def _rejoin(title: str, kept: list[str]) -> str:
    """Cut the original string between the first and last kept part, keeping its own separators."""
    start = title.find(kept[0])
    end = title.rfind(kept[-1]) + len(kept[-1])
    return title[start:end].strip() if start >= 0 and end > start else " ".join(kept)


def declared_titles(metadata: PageMetadata, article: dict[str, Any]) -> list[str]:
    """Titles the page declares, in the order of trust of Readability.js:
    structured data first, Dublin Core, Open Graph, then the rest."""
    meta = metadata.meta
    candidates = (
        _json_ld_title(article, metadata.document_title),
        meta.get("dc:title"),
        meta.get("dcterm:title"),
        meta.get("dcterms:title"),
        meta.get("og:title"),
        meta.get("weibo:article:title"),
        meta.get("title"),
        meta.get("twitter:title"),
        meta.get("parsely-title"),
        meta.get("sailthru:title"),
    )
    cleaned = (_clean(c) for c in candidates if isinstance(c, str))
    return list(dict.fromkeys(c for c in cleaned if 0 < len(c) <= 300 and not URL_SLUG.fullmatch(c)))


# A CMS that fills og:title with the page's address slug
# ('adac-kindersitztest-herbst-2018') declares no title.
URL_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+){2,}")


def _json_ld_title(article: dict[str, Any], document_title: str) -> str | None:
    """`headline`, unless `name` differs and is the one the <title> repeats
    (Wikipedia's headline is a description, its name the title)."""
    headline, name = article.get("headline"), article.get("name")
    if not isinstance(headline, str) or not _clean(headline):
        return name if isinstance(name, str) else None
    if not isinstance(name, str) or not _clean(name):
        return headline
    return name if similarity(name, document_title) > similarity(headline, document_title) else headline


def similarity(a: str, b: str) -> float:
    """Shared words over all words of both (Jaccard)."""
    words_a, words_b = set(_comparable(a).split()), set(_comparable(b).split())
    return len(words_a & words_b) / len(words_a | words_b) if words_a | words_b else 0.0


def without_picture_credit(title: str) -> str:
    """'…トランプ戦術の成否（写真＝ロイター）' (Nikkei): the credit of the
    picture the title was shared with, in brackets at its end."""
    match = _CLOSING_BRACKETS.search(title)
    if match is None or not picture_credit_pattern().match(match.group(1).strip()):
        return title
    return title[: match.start()].rstrip()


_CLOSING_BRACKETS = re.compile(r"\s*[(（]([^()（）]{1,40})[)）]\s*$")


def without_author_signature(title: str, byline: str | None) -> str:
    """'Koncesjonowana opozycja -Leszek Jażdżewski' (Liberté!): a title signed
    with its author's name after a dash or a bar, spaced or not, is the
    headline before it; the byline says who wrote it."""
    if not byline or not title.casefold().endswith(byline.casefold()):
        return title
    headline = title[: -len(byline)]
    match = _AUTHOR_SIGNATURE_MARK.search(headline)
    if match is None or approximate_words(headline[: match.start()]) < 2:
        return title
    return headline[: match.start()].strip()


_AUTHOR_SIGNATURE_MARK = re.compile(r"\s*[|–—-]\s*$")


def _signed_right_after(title: str, document_title: str) -> bool:
    """The <title> is this title, then a separator (and the site's signature), or nothing more."""
    if not document_title.casefold().startswith(title.casefold()):
        return False
    rest = document_title[len(title) :]
    return not rest.strip() or SEPARATOR_START.match(rest) is not None


def untruncated(candidate: str, others: list[str], document_title: str = "") -> str:
    """The longest other title that continues this one: 'Uncork the mystery' is
    'Uncork the mystery of Germany's Frühburgunder' cut short for a card. A title
    followed by a separator ('Headline | Site') is whole, and so is one the
    <title> signs right after: the heading that goes on names its section
    ('… clave para el éxito<br><small>Nacionales</small>')."""
    stem = candidate.rstrip(ELLIPSIS).casefold()
    if stem == candidate.casefold() and _signed_right_after(candidate, document_title):
        return candidate
    best = candidate
    for other in others:
        rest = other[len(stem) :] if other.casefold().startswith(stem) else ""
        if re.search(r"\w", rest) and not SEPARATOR_START.match(rest) and len(other) > len(best):
            best = other
    return best


def _page_title_before_signature(title: str, document_title: str) -> str:
    """'Voice interfaces • Dustin Curtis', declared, is signed: the page's own
    <title> says 'Voice interfaces'. Short titles count here, where the
    <title> itself is the evidence."""
    rest = title[len(document_title) :] if title.casefold().startswith(document_title.casefold()) else ""
    if document_title and SEPARATOR_START.match(rest) and len(document_title.split()) >= 2:
        return document_title
    return title


def without_suffix(candidate: str, others: list[str]) -> str:
    """The shortest other title that this one extends past a separator:
    'Headline » Local » News » Site' is 'Headline' with a breadcrumb."""
    best = candidate
    for other in others:
        rest = candidate[len(other) :] if candidate.casefold().startswith(other.casefold()) else ""
        if SEPARATOR_START.match(rest) and approximate_words(other) >= MIN_CONFIRMING_HEADING_WORDS:
            best = other if len(other) < len(best) else best
    return best


def choose_title(metadata: PageMetadata, article: dict[str, Any], site_name: str | None) -> str:
    title = _choose_title(metadata, article, site_name)
    if _unclosed_brackets(title):
        # A separator inside brackets cut a segment that is the headline's own
        # ('Zhi Neng Xiang Nian Ni (只能想念你 - 蕭敬騰)', chineselyrics4u).
        for whole in (*declared_titles(metadata, article), *metadata.h1_texts, metadata.document_title):
            if whole.startswith(title) and (closed := _closed_at(whole, len(title))) is not None:
                return closed
    return title


def _unclosed_brackets(text: str) -> int:
    depth = 0
    for character in text:
        if character in _OPENING_MARKS:
            depth += 1
        elif character in _CLOSING_MARKS and depth:
            depth -= 1
    return depth


def _closed_at(whole: str, start: int) -> str | None:
    """`whole` up to where the brackets open before `start` close, if they do."""
    for end in range(start, len(whole)):
        if whole[end] in _CLOSING_MARKS and not _unclosed_brackets(whole[: end + 1]):
            return whole[: end + 1]
    return None


_OPENING_MARKS = "([（【"
_CLOSING_MARKS = ")]）】"


def _choose_title(metadata: PageMetadata, article: dict[str, Any], site_name: str | None) -> str:
    headings = [HEADING_ANCHOR_MARK.sub("", h) for h in metadata.h1_texts]
    headings = [h for h in headings if 0 < len(h) <= 300]
    declared = declared_titles(metadata, article)
    document_title = _comparable(metadata.document_title)
    hosts = site_host_names(host_labels(metadata.base_url, metadata.meta.get("og:url")))
    # A heading the <title> repeats is what the page shows and names itself; the
    # earlier in the <title>, the likelier the headline (sites sign at the end).
    confirmed = [h for h in headings if _comparable(h) and _comparable(h) in document_title]
    confirmed.sort(key=lambda h: (document_title.find(_comparable(h)), -len(h)))
    substantial = [h for h in confirmed if approximate_words(h) >= MIN_CONFIRMING_HEADING_WORDS]
    own_heading = _heading_beside_site_title(
        declared[0] if declared else metadata.document_title, site_name, headings
    )
    if own_heading is not None:
        return own_heading
    if declared:
        first = _before_an_unescaped_quote(declared[0], metadata.document_title)
        whole = untruncated(first, declared + headings, metadata.document_title)
        # No <h1>: the post's <h2> may be the headline a suffix follows ('How To Pack
        # Everything…: The GQ Eye: GQ on Style: GQ', GQ's blog, its <h2 class="entry-title">).
        title = without_suffix(whole, declared + (headings or metadata.h2_texts))
        title = _page_title_before_signature(title, metadata.document_title)
        if (headline := _shown_after_section_label(title, headings)) is not None:
            return headline
        comparable = _comparable(title)
        shown = any(comparable == _comparable(h) for h in headings)
        if (opening_heading := _heading_opening(title, headings)) is not None:
            return opening_heading
        if shown and _signed_right_after(title, metadata.document_title):
            # 'Covid 19 : "le gouvernement doit…"' is the <h1>, and the <title>
            # signs right after it: a segment that names no site is the headline's.
            return strip_site_from_title(
                title, site_name, hosts=hosts, site_heading=metadata.site_heading, cut_unknown=False
            )
        if comparable in document_title or shown:
            return strip_site_from_title(
                title, site_name, metadata.document_title, hosts, metadata.site_heading
            )
        # The <title> and a heading agree on a text that shares few words with the
        # declared title: that one names something else (the site, a social-media pitch).
        if substantial and similarity(title, substantial[0]) < MIN_TITLE_SIMILARITY:
            return substantial[0]
        return strip_site_from_title(title, site_name, metadata.document_title, hosts, metadata.site_heading)
    # A short heading is the headline when the <title> opens with it ('Mozilla - Wikipedia'),
    # rather than a logo the <title> ends with ('Outside the web · V8').
    first_segment = _comparable(TITLE_SEPARATORS.split(metadata.document_title)[0])
    opening = [h for h in confirmed if _comparable(h) == first_segment]
    if substantial or opening:
        return (substantial or opening)[0]
    if (labelled := _heading_beside_labels(confirmed, metadata.document_title, site_name)) is not None:
        return labelled
    cut_short = metadata.document_title.strip()
    if cut_short and (whole := untruncated(cut_short, headings)) != cut_short:
        return whole  # the <title> cut at a length ('… ante el Cov'), the <h1> whole
    # No <h1>: an <h2> that is one segment of the <title> is the headline
    # ("Gregory Szorc's Digital Home | Mercurial's Journey to …", the post's <h2>).
    segments = {_comparable(segment): segment for segment in TITLE_SEPARATORS.split(metadata.document_title)}
    if len(segments) > 1:
        for heading in metadata.h2_texts:
            segment = segments.get(_comparable(heading))
            if segment is not None and approximate_words(heading) >= MIN_CONFIRMING_HEADING_WORDS:
                return segment.strip()
    if metadata.document_title:
        return strip_site_from_title(
            metadata.document_title, site_name, hosts=hosts, site_heading=metadata.site_heading
        )
    return headings[0] if headings else ""


def _heading_beside_labels(headings: list[str], document_title: str, site_name: str | None) -> str | None:
    """The <h1> that is a whole segment of the <title>, beside segments of a
    word each ('Blog - Schattiges Plätzchen', goodform.ch; 'News | …'): a
    section's label or the site's one-word name sits beside the headline,
    however few its words. Not the site's name as a heading (its logo)."""
    segments = [_comparable(segment) for segment in TITLE_SEPARATORS.split(document_title)]
    if len(segments) < 2:
        return None
    site = _comparable(site_name or "")
    for heading in headings:
        key = _comparable(heading)
        if key == site or key not in segments:
            continue
        if all(len(segment.split()) <= 1 for segment in segments if segment != key):
            return heading
    return None


def _heading_opening(title: str, headings: list[str]) -> str | None:
    """The <h1> that is the declared title's first segment, before the site's
    name ('Homo Brandenburgensis | Brandenburgische Landeszentrale für
    politische Bildung'): the headline, however few its words. Without the
    <h1> to say so, a short first segment is likelier a cut headline."""
    segments = TITLE_SEPARATORS.split(title)
    if len(segments) < 2:
        return None
    opening = _comparable(segments[0])
    return next((heading for heading in headings if opening and _comparable(heading) == opening), None)


def _shown_after_section_label(title: str, headings: list[str]) -> str | None:
    """'Chronik: Lotte Tobisch ist tot' declared, 'Lotte Tobisch ist tot' the
    <h1> (ORF, the section set as a kicker above it): the headline the page
    shows is the title, without its section's label."""
    labelled = _SECTION_LABEL.match(title)
    if labelled is None or len(labelled["label"].split()) > MAX_SECTION_LABEL_WORDS:
        return None
    rest = _comparable(labelled["rest"])
    return next((heading for heading in headings if rest and _comparable(heading) == rest), None)


_SECTION_LABEL = re.compile(r"(?P<label>[^\W\d_][^:：\d]{0,29}?)\s*[:：]\s+(?P<rest>.+)")
MAX_SECTION_LABEL_WORDS = 3


def _before_an_unescaped_quote(declared: str, document_title: str) -> str:
    """A meta tag's title ends where a quote its template did not escape ends
    the attribute ('content="Senador … califica a Biden de "incapacitado""',
    El Universal): the <title> that goes on from it with that quote is whole."""
    if document_title.startswith(declared) and _QUOTE_AFTER_CUT.match(document_title, len(declared)):
        return document_title
    return declared


_QUOTE_AFTER_CUT = re.compile(r'\s*"\w')


def _heading_beside_site_title(title: str, site_name: str | None, headings: list[str]) -> str | None:
    """A title that opens with the site's name and has no headline after a
    separator ('HANNAS KRYPINHälsa och träningsglädje', a blog's name and
    tagline, an SEO plugin's default) names the site, not the article: the
    article's <h1> does, when it is a headline the title does not hold."""
    site = _comparable(site_name or "")
    if not site or not _comparable(title).startswith(site) or TITLE_SEPARATORS.search(title):
        return None
    if _without_unspaced_signature(title, site_name or "") is not None:
        return None  # a headline after the name and a separator
    return next(
        (
            heading
            for heading in headings
            if approximate_words(heading) >= MIN_CONFIRMING_HEADING_WORDS
            and _comparable(heading) not in _comparable(title)
        ),
        None,
    )


def names_only_the_site(title: str, site_name: str | None, metadata: PageMetadata) -> bool:
    """A page whose every title is the site's name ('carta.info'), or that has none."""
    comparable = _comparable_name(title)
    if not comparable:
        return True
    hosts = site_host_names(host_labels(metadata.base_url, metadata.meta.get("og:url")))
    return (site_name is not None and comparable in _site_forms(site_name)) or _names_host(comparable, hosts)


def _opening_headings(content: HtmlElement) -> list[str]:
    """The headings the article opens with, before any paragraph."""
    headings = []
    for element in content.iter("h1", "h2", "h3", "p"):
        text = _clean(element.text_content())
        if element.tag == "p":
            if text:
                break
        elif 0 < len(text) <= 300:
            headings.append(text)
    return headings


def _remove_opening_headings_within(content: HtmlElement, label: str) -> None:
    """The headings before the first paragraph that say part of `label`."""
    said = _comparable(label)
    for element in list(content.iter("h1", "h2", "h3", "p")):
        text = _comparable(element.text_content())
        if element.tag == "p":
            if text:
                return
        elif text and text in said:
            element.drop_tree()


def _opening_heading(content: HtmlElement) -> str | None:
    """The heading the article opens with, before any paragraph."""
    return next(iter(_opening_headings(content)), None)


def remove_title_heading(content: HtmlElement, title: str) -> None:
    """The reader page shows the title once, above the body."""
    target = _comparable(title)
    if not target:
        return
    heading = _heading_repeating(content, target)
    if heading is not None:
        kicker = element_right_before(heading, content)
        if kicker is not None and _is_kicker(kicker):
            kicker.drop_tree()
        heading.drop_tree()
        return
    # A headline set as a paragraph named for it ('<p class="title">'), or behind
    # a label ('（原标题：…）', the original title of a syndicated story, here the
    # same), where the text begins.
    opening = next((p for p in content.iter("p") if _clean(p.text_content())), None)
    if opening is None:
        return
    text = _clean(opening.text_content())
    named = _comparable(text) == target and not TITLE_CLASS_WORDS.isdisjoint(element_name_runs(opening))
    # The headline without the media tag the title ends with ('… с Новым годом. ФОТО', URA.RU).
    untagged = _without_media_tag(title)
    named = named or (untagged != title and _comparable(text) == _comparable(untagged))
    labelled = _LABELLED_LINE.match(text.strip(BRACKETS))
    if named or (labelled is not None and _comparable(labelled.group(1)) == target):
        opening.drop_tree()


def _heading_repeating(content: HtmlElement, target: str) -> HtmlElement | None:
    """The first <h1> or <h2>, when it says the title; or a heading that says
    it before the first paragraph: the Press-Enterprise's photo box opens with
    the headline as its <h3>, Mozilla's advisories set the series' name as the
    <h1> over the headline's <h2>. A heading further on is a section's."""
    opening = True
    top_headings = 0
    for element in content.iter("h1", "h2", "h3", "h4", "h5", "h6", "p"):
        if element.tag == "p":
            opening = opening and not _clean(element.text_content())
            continue
        said = (_comparable(element.text_content()), _comparable(_without_inner_kicker(element)))
        says_title = target in said
        if element.tag in {"h1", "h2"}:
            top_headings += 1
            if says_title and (top_headings == 1 or opening):
                return element
            if top_headings == MAX_HEADINGS_OVER_TITLE + 1 or not opening:
                return None  # the title repeated comes first, or right under a series' name
            continue
        if says_title and opening:
            return element
    return None


MAX_HEADINGS_OVER_TITLE = 1


def _without_inner_kicker(heading: HtmlElement) -> str:
    """The headline's text after the topic label its first element sets before
    it ('<h1><span class="roofline">Wow, wow, wow!</span>Manuela Reimann: …</h1>',
    wunderweib.de): the label runs into the headline as text."""
    if (heading.text or "").strip() or len(heading) == 0 or not isinstance(heading[0].tag, str):
        return ""
    label = heading[0].text_content()
    if not _clean(label) or len(_clean(label)) > MAX_KICKER_CHARS:
        return ""
    return str(heading.text_content()).lstrip()[len(label.lstrip()) :]


def _without_media_tag(title: str) -> str:
    """'Нюша поддержала Putin Team… с Новым годом. ФОТО' -> '… с Новым годом.':
    the word for a photo or a video that a headline ends with, in brackets or
    after a separator (media_labels, every language)."""
    match = _LAST_TITLE_WORD.search(title)
    if match is None or normalize_label(match.group("tag")) not in load_rules().media_labels:
        return title
    return title[: match.start()].rstrip(" -–—|:")


_LAST_TITLE_WORD = re.compile(r"[\s(\[]+(?P<tag>[^\W\d_]+)[)\]]?\s*$")


def remove_headline_kicker(content: HtmlElement, kicker: str) -> None:
    """The topic's label the page set right above its headline, opening the
    body without it (Libération's 'Diplomatie': readability kept the label's
    box and not the <h1>, which the reader page shows as the title)."""
    if not kicker:
        return
    opening = next(_blocks_with_text(content), None)
    if opening is not None and _clean(opening.text_content()) == kicker and _is_kicker(opening):
        opening.drop_tree()


def _is_kicker(element: HtmlElement) -> bool:
    """A topic's label set right above the headline ('Corona', 'Analyse',
    'Exklusiv'): a few words, no number, no sentence, no byline. Without its
    headline, which the reader page shows as the title, it would open the body."""
    if not isinstance(element.tag, str) or element.tag in {"img", "figure", "picture"}:
        return False
    text = _clean(element.text_content())
    if not text or len(text) > MAX_KICKER_CHARS or len(text.split()) > MAX_KICKER_WORDS:
        return False
    if any(character.isdigit() for character in text) or text.endswith((".", "!", "?", "。")):
        return False
    return element.find(".//img") is None and byline_prefix_pattern().match(text) is None


MAX_KICKER_CHARS = 30
MAX_KICKER_WORDS = 4


# A short label, a colon, then the line's text: 'Original title: …', '原标题：…'.
_LABELLED_LINE = re.compile(r"^[^:：]{1,20}[:：]\s*(.+)$")
BRACKETS = " ()（）[]【】"


def remove_summary_the_opening_repeats(content: HtmlElement) -> None:
    """A summary over the article that its first paragraph repeats word for
    word ('<strong>摘要：</strong>2014年8月22日，由北京知道创宇…' on CSDN, then
    the paragraph that opens with the same sentences) is read once; so is
    the opening cut short for a teaser, which one of the first paragraphs
    goes on from ('人们对于讨厌的事物总是能很有共同话题...', Qdaily, two
    lines above)."""
    blocks = [block for block in content.iter("p", "div", "li") if not _holds_lines(block)]
    texts = [(block, _clean(block.text_content())) for block in blocks]
    texts = [(block, text) for block, text in texts if text][: 1 + TEASER_REPEATING_PARAGRAPHS]
    if len(texts) < 2:
        return
    (summary, text), *following = texts
    labelled = _LABELLED_LINE.match(text)
    said = labelled.group(1) if labelled else text
    cut = _CUT_MARK.search(said)
    said = _comparable(said[: cut.start()] if cut else said)
    if approximate_words(text) < MIN_REPEATED_SUMMARY_WORDS:
        return
    repeating = following if cut else following[:1]
    if any(said != _comparable(opening) and said in _comparable(opening) for _, opening in repeating):
        summary.drop_tree()


MIN_REPEATED_SUMMARY_WORDS = 8
TEASER_REPEATING_PARAGRAPHS = 3


def remove_repeated_meta(
    content: HtmlElement, byline: str | None, published: str | None, summaries: list[str] | None = None
) -> None:
    """The reader page shows byline and date above the body: a line of the body
    that says only them ('Von Jonas Feldmann 02.04.2025, 06:00 Uhr', '3 July
    2019'), before the article's first paragraph, goes. The standfirst, which
    the page's `summaries` say word for word, is no paragraph of the article:
    Los Andes sets byline and date under it. A date said relative to now
    ('5 hours ago') says the date too, known or not."""
    names = _byline_names(byline)
    standfirsts = {squeezed(summary) for summary in summaries or []}
    begun = False
    for block in list(content.iter(*_META_LINE_TAGS)):
        if block.getparent() is None:
            continue
        wrapper = _holds_lines(block)  # judged by its own lines
        if begun and (wrapper or not _opens_with_date_prefix(block)):
            continue  # (its text is not needed to tell where the article begins)
        text = _clean(block.text_content())
        if len(text) > MAX_META_LINE_CHARS:
            begun = begun or (block.tag == "p" and squeezed(text) not in standfirsts)
            continue
        if wrapper:
            continue
        # Once the article has begun, only a line that says it is the date goes
        # ('Publié le 29/10/2012' at the end): a bare date there may be the
        # date of what the text tells.
        says_only = (
            _says_only(text, names, published)
            or (bool(byline) and _byline_line_name(text) == byline)
            or _says_only_with_its_update(block, names, published)
        )
        if text and (not begun or _is_date_line(text)) and says_only:
            block.drop_tree()
        elif not begun and published and date_prefix_pattern().fullmatch(text):
            # 'Updated', left when its date went with the page's timestamp markup.
            block.drop_tree()


def remove_author_pictures(content: HtmlElement, byline: str | None) -> None:
    """The writer's small portrait, its alternative text the byline's name
    (The Debrief's 42×42 'placeholder-author' above the headline): the
    author card's picture, left when its line went. The reader page names
    the author above the body. A picture without a caption only: a photo
    of the person the story is about is captioned or large."""
    names = {name.casefold() for name in _byline_names(byline) if _is_full_name(name)}
    if not names:
        return
    for img in list(content.iter("img")):
        if not _names_a_writer(_clean(img.get("alt")).casefold(), names) or img.getparent() is None:
            continue
        figure = next(img.iterancestors("figure"), None)
        if figure is not None and _clean(figure.text_content()).casefold() not in names | {""}:
            continue
        longest = _longest_declared_side(img)
        if (longest is not None and longest <= MAX_AUTHOR_PICTURE_SIDE) or (
            longest is None and _AUTHOR_PICTURE.search(_picture_description(img))
        ):
            _drop_with_name_card(img, names, content)


def _picture_description(img: HtmlElement) -> str:
    """What the markup says of a picture: its address and alternative text,
    and the names of the boxes it sits in (Sports Illustrated's writer's
    portrait, alt 'Austin Murphy', in 'div.partial.headshot.image')."""
    parts = [img.get("src"), img.get("alt"), img.get("class")]
    parts += [box.get("class") for box in itertools.islice(img.iterancestors(), PICTURE_BOX_LEVELS)]
    return " ".join(part for part in parts if part)


PICTURE_BOX_LEVELS = 3  # a link or a lazy loader's box, then the portrait's own


MAX_AUTHOR_PICTURE_SIDE = 160


def _names_a_writer(alt: str, names: set[str]) -> bool:
    """The alternative text is a writer's name, perhaps after or before a few
    words that say whose picture it is (Drupal's 'Bild des Benutzers Phyllis
    Kuhn', the file's name 'Joanne Anderson mug shot 2011.jpg' on gulflive)."""
    return any(
        alt == name
        or (alt.endswith(" " + name) and len(alt[: -len(name)].split()) <= MAX_PICTURE_OF_WORDS)
        or (alt.startswith(name + " ") and len(alt[len(name) :].split()) <= MAX_PICTURE_OF_WORDS)
        for name in names
    )


MAX_PICTURE_OF_WORDS = 4
_AUTHOR_PICTURE = re.compile(r"avatar|author|profile|placeholder|gravatar|mug.?shot|head.?shot", re.I)


def _drop_with_name_card(img: HtmlElement, names: set[str], content: HtmlElement) -> None:
    """The portrait, with the box around it that says nothing but the writer's
    name (gulflive's '<span class="caption">Joanne Anderson</span>' beside it)."""
    card = None
    for ancestor in img.iterancestors():
        if ancestor is content or ancestor.tag not in NAME_CARD_BOXES:
            break
        text = _clean(ancestor.text_content()).casefold()
        if text and text not in names:
            break
        if text:
            card = ancestor
    if card is None:
        _drop_with_empty_wrappers(img)
    else:
        card.drop_tree()  # its tail stays


NAME_CARD_BOXES = frozenset({"a", "span", "div", "figure", "p"})


def _drop_with_empty_wrappers(element: HtmlElement) -> None:
    """The element and the wrappers (a link, a span, a figure) that held nothing else."""
    while (parent := element.getparent()) is not None and parent.tag in {"a", "span", "picture", "figure"}:
        if sum(1 for child in parent if isinstance(child.tag, str)) > 1:
            break
        if _clean(parent.text) or any(_clean(child.tail) for child in parent):
            break
        element = parent
    element.drop_tree()


def _byline_names(byline: str | None) -> list[str]:
    # Not an initial ('J.'), but a Chinese name of two characters ('李四').
    return [
        name
        for name in BYLINE_NAME_SEPARATORS.split(byline or "")
        if len(name) > 2 or (len(name) == 2 and not _is_cased(name))
    ]


def remove_opening_meta_lines(
    content: HtmlElement, title: str, byline: str | None, published: str | None
) -> None:
    """An old template writes the article as one block of lines parted by
    <br>, opening with the headline, the byline and the date again ('DOW
    Jones – Jahresendrally adé?!<br>von Nicolas Schlippe<br>Samstag
    22.12.2012<br><br>Rückblick: …'). The reader page shows them above the
    body: the opening lines that say only them go, up to the first that says
    more."""
    opening = next(
        (
            block
            for block in content.iter("p", "div")
            if next(block.iterdescendants("p", "div"), None) is None and _clean(block.text_content())
        ),
        None,
    )
    if opening is None or opening.find(".//br") is None:
        return
    names = _byline_names(byline)
    lines = [_clean(line) for line in lines_between_breaks(opening)]
    last_meta_break = None
    for position, text in enumerate(lines):
        if position >= MAX_OPENING_META_LINES:
            return  # a list of lines, not a header
        if text and not (_repeats_title(text, title) or _says_only(text, names, published)):
            break
        last_meta_break = position
    # Line k ends at the block's k-th <br>; text must follow the last one dropped.
    if last_meta_break is None or not any(lines[last_meta_break + 1 :]):
        return
    _drop_through(list(opening.iter("br"))[last_meta_break], opening)


MAX_OPENING_META_LINES = 6


def _repeats_title(line: str, title: str) -> bool:
    """The headline again, in other punctuation or accents ('DOW Jones –
    Jahresendrally adé?!' for 'DOW Jones - Jahresendrally ade?! - Tagesanalyse'),
    perhaps without the title's last segment."""
    words, title_words = _folded_words(line), _folded_words(title)
    return len(words) >= MIN_TITLE_LINE_WORDS and title_words[: len(words)] == words


MIN_TITLE_LINE_WORDS = 3


def _drop_through(marker: HtmlElement, block: HtmlElement) -> None:
    """Everything of `block` before `marker`, and `marker`, goes; its tail stays."""
    node = marker
    while node is not block:
        parent = node.getparent()
        if parent is None:
            return
        for sibling in list(node.itersiblings(preceding=True)):
            parent.remove(sibling)
        parent.text = None
        node = parent
    marker.drop_tree()


def remove_closing_stamp(content: HtmlElement, published: str | None) -> None:
    """The article's last line, when it says only the date the page declares,
    with its time and the count of its views ('9 жовтня 2020, 09:51 6424',
    '7 октября 2020   Просмотров: 1 447'): the page's footer stamp, shown as
    the date above the body."""
    if published is None:
        return
    last = _last_text_block(content)
    if last is None or last.find(".//img") is not None:
        return
    text = _clean(last.text_content())
    if len(text) > MAX_META_LINE_CHARS:
        return
    stamp = text if _is_bare_date(text) else _VIEW_COUNT.sub("", text)
    if _is_bare_date(stamp) and _says_only(stamp, [], published):
        last.drop_tree()


def _is_bare_date(text: str) -> bool:
    """A date and a time and nothing else: no word but a month's name."""
    months = month_numbers()
    return all(word.casefold() in months for word in re.findall(r"[^\W\d_]{2,}", text))


# A count of views after the date: a number, after a word and a colon or not.
_VIEW_COUNT = re.compile(r"\s+(?:[^\W\d_]+:?\s*)?\d{1,3}(?:[\s.,]?\d{3})*\s*$")


def _last_text_block(content: HtmlElement) -> HtmlElement | None:
    """The last line of the article: the last block of its text that holds no block."""
    for block in reversed(list(content.iter(*_META_LINE_BLOCKS))):
        if block is not content and not _holds_lines(block) and block.text_content().strip():
            return block
    return None


def remove_closing_author_bio(content: HtmlElement, byline: str | None) -> None:
    """The author's bio that closes the article: its last paragraph opens with
    a name of the byline, set apart by a comma, a dash or a bracket, or in a
    bold or italic of its own ('<strong>Dominika Rafalska</strong>, doktor nauk
    humanistycznych…', 'Jane Doe (@jane) covers the harbour'), or on a line of
    its own above the author's role. The reader page names the author above
    the body: this is the page's author box without the class name that
    would have told it."""
    names = [name for name in BYLINE_NAME_SEPARATORS.split(byline or "") if _is_full_name(name)]
    if not names:
        return
    paragraphs = [p for p in content.iter("p") if p.text_content().strip()]
    if not paragraphs:
        return
    last = paragraphs[-1]
    text = _clean(last.text_content())
    if len(text) > MAX_AUTHOR_BIO_CHARS or not _clean(content.text_content()).endswith(text):
        return  # text follows it: not the article's end
    # A byline in capitals ('DAVID BORNSTEIN', the Times' Opinionator) names
    # the writer its bio writes as 'David Bornstein'. Folded text is read
    # throughout: folding may change a length ('ß' folds to 'ss').
    folded = text.casefold()
    for name in names:
        # How to reach the writer ('Matt Friedman may be reached at mfriedman@….
        # Follow him on Twitter', NJ.com; 'Correspondent Joanne Anderson may be
        # reached at …', gulflive): the name and an address, in any language.
        name = name.casefold()
        reach = bool(name in folded and len(text) <= MAX_CONTACT_LINE_CHARS and EMAIL_ADDRESS.search(text))
        if not (folded.startswith(name) or reach):
            continue
        if (
            reach
            or _BIO_AFTER_NAME.match(folded[len(name) :])
            or _opens_with_emphasized(last, name)
            or _clean(lines_between_breaks(last)[0]).casefold() == name  # a card: 'Jane Doe<br>Redaktion'
            # '<em>David Bornstein is the author of …</em>', set apart in italics.
            or (_is_wholly_emphasized(last) and bio_verb_pattern().match(folded, len(name)) is not None)
        ):
            _drop_bio_with_its_card(last, name)
            return


def _is_wholly_emphasized(paragraph: HtmlElement) -> bool:
    """All the paragraph's words in italics or bold: set apart from the
    article's. A link inside may carry its own ('<i>… consulting at </i><a><i>
    GrowMap.com</i></a><i>. She also …</i>', Fox Business's bios)."""
    if len(paragraph) == 0 or (paragraph.text or "").strip():
        return False
    return all(not (child.tail or "").strip() and _is_emphasized(child) for child in paragraph)


def _is_emphasized(element: HtmlElement) -> bool:
    if element.tag in _NAME_EMPHASIS:
        return True
    return element.tag == "a" and _is_wholly_emphasized(element)


def _drop_bio_with_its_card(bio: HtmlElement, name: str) -> None:
    """The bio, the writer's portrait right before it (its alternative text
    the name), and the rule that set them apart, when nothing follows them."""
    before = bio.getprevious()
    bio.drop_tree()
    if before is not None and _is_portrait_of(before, name):
        portrait, before = before, before.getprevious()
        portrait.drop_tree()
    if before is not None and before.tag == "hr" and before.getnext() is None:
        before.drop_tree()  # it set the bio apart, and would end the article


def _is_portrait_of(block: HtmlElement, name: str) -> bool:
    images = [block] if block.tag == "img" else list(block.iter("img"))
    return (
        len(images) == 1
        and _clean(images[0].get("alt")).casefold() == name
        and not _clean(block.text_content())
    )


def remove_closing_byline(content: HtmlElement, byline: str | None) -> None:
    """The article's last line, when it signs with the byline the reader page
    shows above the body, and says nothing else ('[류영상 기자
    ifyouare@mkinternet.com]' under Maeil Business's stories, 'Von Jane Doe')."""
    names = _byline_names(byline)
    last = _last_text_block(content) if names else None
    if last is None or last.find(".//img") is not None:
        return
    text = _clean(last.text_content())
    if len(text) <= MAX_CLOSING_BYLINE_CHARS and _byline_line_name(text.strip(BRACKETS)) in names:
        last.drop_tree()


MAX_CLOSING_BYLINE_CHARS = 80


def _opens_with_emphasized(paragraph: HtmlElement, name: str) -> bool:
    first = paragraph[0] if len(paragraph) else None
    return (
        first is not None
        and first.tag in _NAME_EMPHASIS
        and not (paragraph.text or "").strip()
        and _clean(first.text_content()).casefold() == name.casefold()
    )


MAX_AUTHOR_BIO_CHARS = 600
MAX_CONTACT_LINE_CHARS = 300
_NAME_EMPHASIS = frozenset({"strong", "b", "em", "i"})
_BIO_AFTER_NAME = re.compile(r"\s*[,،，(（]|\s+[-–—]\s")


def _is_full_name(name: str) -> bool:
    """Two words at least ('Jane Doe'), or two letters of a script without spaces ('李四')."""
    name = name.strip()
    return len(name.split()) >= 2 if _is_cased(name) else len(name) >= MIN_UNCASED_NAME_CHARS


def _says_only_with_its_update(block: HtmlElement, names: list[str], published: str | None) -> bool:
    """Lines parted by <br>: one says only the byline or the date, the others
    are update stamps ('úterý 20. března 2018, 8:47<br>(Aktualizováno: úterý
    20. března 2018, 9:17)'); the reader page shows the date it was published."""
    if published is None:
        return False
    if block.find(".//br") is None and _PARTS_OF_A_LINE.search(block.text_content()) is None:
        return False
    lines = [
        _clean(part).strip(BRACKETS)
        for line in lines_between_breaks(block)
        for part in _PARTS_OF_A_LINE.split(line)
    ]
    lines = [line for line in lines if line]
    says_only = [_says_only(line, names, published) for line in lines]
    if len(lines) < 2 or not any(says_only):
        return False
    return all(said or _is_update_stamp(line) for said, line in zip(says_only, lines, strict=True))


# 'Publicado: 8 de octubre de 2020 | Última actualización: …', 'postado em 04/05/2022 05:49
# / atualizado em …': stamps parted on one line (a date's own slashes have no spaces around).
_PARTS_OF_A_LINE = re.compile(r"\s+[|/]\s+")


def _is_update_stamp(line: str) -> bool:
    """'Aktualizováno: úterý 20. března 2018, 9:17', 'Updated 9:17 AM': a date
    prefix, then a date or a time."""
    match = date_prefix_pattern().match(line)
    return match is not None and _only_date_words(line) and bool(re.search(r"\d", line[match.end() :]))


def _opens_with_date_prefix(block: HtmlElement) -> bool:
    """A first look, before the text is cleaned (most blocks are the article's
    paragraphs, which open with no date prefix)."""
    return date_prefix_pattern().match(block.text_content().lstrip()) is not None


def _holds_lines(block: HtmlElement) -> bool:
    return any(True for _ in block.iterdescendants(*_META_LINE_BLOCKS))


def _says_only(text: str, names: list[str], published: str | None) -> bool:
    rest, named = text, False
    if names:
        rest = byline_prefix_pattern().sub("", text.strip())
        for name in names:
            if name.casefold() in rest.casefold():
                rest, named = re.sub(re.escape(name), " ", rest, flags=re.I), True
        if named and is_relative_date(rest.strip(_SEPARATING_MARKS)):
            return True  # 'Par Jean Dupont, il y a 3 heures' (whose 'y' would read as an 'and')
        if named and _only_job_and_relative_date(rest):
            return True  # 'Lena deCasparis | Contributing Writer | 5 days ago'
        # Without the names, the 'and' between them says nothing either.
        rest = BYLINE_NAME_SEPARATORS.sub(" ", f" {rest} ") if named else text
    if not named:
        # 'von am 20.06.2018': a byline whose name was left empty, and the date.
        rest = byline_prefix_pattern().sub("", rest.strip(), count=1)
    rest = re.sub(r"^[\W_]+|[\W_]+$", "", rest)
    if not rest:
        return named
    if is_relative_date(rest):
        return True  # '5 hours ago', '· vor 3 Stunden': the date, as the page's script tells it
    # 'postado em 04/05/2022 05:49': the date after its prefix, whose order of day and month the prefix hid.
    rest = date_prefix_pattern().sub("", rest, count=1)
    if published is not None and _is_clock_time_of(rest, published):
        return True  # La Cuarta's '07:59 hs' under the standfirst: the time the page declares
    if published is None or not _only_date_words(rest) or (not names and _names_an_author(rest)):
        return False
    return (normalize_date(rest) or "")[:10] == published[:10] or _is_short_form_of(rest, published)


def _only_job_and_relative_date(rest: str) -> bool:
    """What a byline line holds besides the names, parted by bars or bullets:
    the writer's job and the date said relative to now, one of them at least."""
    parts = [part.strip() for part in _BARS_AND_BULLETS.split(rest)]
    said = [part for part in parts if part]
    role = byline_role_pattern()
    return bool(said) and all(
        is_relative_date(part) or role.fullmatch(f", {part}") is not None for part in said
    )


_BARS_AND_BULLETS = re.compile(r"[|•·]")


def _is_clock_time_of(text: str, published: str) -> bool:
    """A clock time alone, the hour and minute of the declared timestamp as the page wrote it."""
    clock = _CLOCK_TIME.fullmatch(text)
    declared = _DECLARED_CLOCK.search(published)
    return (
        clock is not None
        and declared is not None
        and ((int(clock[1]), int(clock[2])) == (int(declared[1]), int(declared[2])))
    )


_CLOCK_TIME = re.compile(r"(\d{1,2})[:.h](\d{2})(?:[:.]\d{2})?\s*(?:[ap]\.?m|uhr|hs?|hrs)?", re.I)
_DECLARED_CLOCK = re.compile(r"T(\d{2}):(\d{2})")


def _is_short_form_of(text: str, published: str) -> bool:
    """'15.05.20', '5/15/20', '12 jan 23' or '03/05/2022 20:36' for 2020-05-15,
    2023-01-12 or 2022-05-03: the year in two digits, or the day and month in
    an order the page's language does not tell, is too ambiguous to read a
    date from, but says the date the page declares. A time may follow."""
    if len(published) < 10 or not published[:10].replace("-", "").isdigit():
        return False
    declared_year, declared_month, declared_day = (int(part) for part in published[:10].split("-"))
    if worded := WORDED_TWO_DIGIT_YEAR_DATE.match(text):
        day, month, year = worded.groups()
        return (
            bool(_TIME_ALONE.fullmatch(text[worded.end() :]))
            and (int(day), int(year)) == (declared_day, declared_year % 100)
            and _may_name_month(month, declared_month)
        )
    match = NUMERIC_DATE.match(text) or TWO_DIGIT_YEAR_DATE.match(text)
    if match is None or not _TIME_ALONE.fullmatch(text[match.end() :]):
        return False
    first, second, year = (int(part) for part in match.group(1, 3, 4))
    return year in {declared_year, declared_year % 100} and (first, second) in {
        (declared_day, declared_month),
        (declared_month, declared_day),
    }


# Day, a month's name or its first letters, and a two-digit year: '12 jan 23'.
WORDED_TWO_DIGIT_YEAR_DATE = re.compile(r"(\d{1,2})\.?\s+([^\W\d_]{3,})\.?\s+'?(\d{2})(?!\d)")
# A date line's time: '20:36', '9.17 Uhr', '5h27' (Portuguese and French hours), after a comma or a bar.
_TIME_ALONE = re.compile(r"[\s,|]*(?:\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|uhr|h)?)?\s*", re.I)


def _may_name_month(word: str, month: int) -> bool:
    """'jan', 'janv', 'Januar': a month's name in some language, or its first letters."""
    word = word.casefold()
    return any(name.startswith(word) for name, number in month_numbers().items() if number == month)


def _names_an_author(text: str) -> bool:
    """A date line that also credits someone, on a page whose byline is not
    known ('11.09.2011, 16:20 von jovelstefan'), is kept for the name."""
    return any(after.strip() for after in _after_byline_prefixes(text))


def _after_byline_prefixes(text: str) -> Iterator[str]:
    """What follows each byline prefix that starts a word of `text` ('von
    jovelstefan' -> 'jovelstefan'), but for a date's words: Spanish and
    Portuguese dates write 'de' before the month ('3 de julio de 2019'), and
    'de' opens bylines too."""
    months = month_numbers()
    for start in re.finditer(r"(?<!\S)\S", text):
        if (prefix_end := _byline_prefix_end(text[start.start() :])) is not None:
            after = text[start.start() + prefix_end :]
            first_word = after.split(maxsplit=1)[0].strip(".,").casefold() if after.strip() else ""
            if first_word not in months and not first_word[:1].isdigit():
                yield after


def _only_date_words(text: str) -> bool:
    """What is left is a date and its time ('02.04.2025, 06:00 Uhr'), not a sentence."""
    return len(re.findall(r"[^\W\d_]{4,}", text)) <= 3


def remove_stray_picture_credits(content: HtmlElement) -> None:
    """A picture's credit on a line of its own outside any figure ('Foto: dpa',
    'Photo: AP/Jane Doe'): its picture went (a lazy placeholder, the lead image
    shown above the body) or stands apart from it, and the line reads as a
    paragraph of the article."""
    credit = picture_credit_pattern()
    for block in list(content.iter("p", "div", "small", "h6", "span")):
        if block.tag == "span" and not _is_loose_line(block):
            continue  # a word of its line (asked first: a page has many spans)
        # Wrappers first: reading each one's text would be quadratic in a deep nest.
        if block.getparent() is None or _holds_lines(block) or block.find(".//img") is not None:
            continue
        if len(block) and block[-1].tag == "br":
            _drop_closing_credit_line(block)
        opening = block.text_content().lstrip().lstrip(_CREDIT_BRACKETS)
        if opening.startswith("©") and _is_sign_credit(_clean(opening)):
            # '© privat': the credit its picture, taken out as the lead image, left behind.
            if not _beside_a_picture(block):
                block.drop_tree()
            continue
        if not credit.match(opening) and not _may_name_agencies(opening):
            continue
        if any(ancestor.tag in {"figure", "figcaption"} for ancestor in block.iterancestors()):
            continue
        text = _clean(block.text_content())
        # A picture library's name alone ('Getty Images') credits a picture too.
        if is_agency_credit(text) or text.casefold() in picture_agencies()[0]:
            if not _beside_a_picture(block):
                block.drop_tree()
            continue
        # '(Credit: Pixabay/CC0 Public Domain)', '（写真：時事）': the credit in brackets.
        if text[:1] in _CREDIT_BRACKETS and text[-1:] in ")]）】":
            text = text[1:-1].strip()
        if _is_labelled_credit(text):
            block.drop_tree()


def _is_loose_line(span: HtmlElement) -> bool:
    """A span set between blocks, a line of its own (ExtremeTech's 'Credit:
    Microsoft' under its hero picture, left loose when its box was unwrapped)."""
    parent = span.getparent()
    if parent is None or (span.tail or "").strip():
        return False
    before = span.getprevious()
    if before is None:
        opens_its_line = not (parent.text or "").strip()
    else:
        opens_its_line = before.tag in _META_LINE_BLOCKS and not (before.tail or "").strip()
    # The walk through the parent's blocks last: most spans sit inside a line.
    return opens_its_line and _holds_lines(parent)


def _is_sign_credit(text: str) -> bool:
    """The copyright sign and a name or two, nothing more ('© privat', '© Jane Doe')."""
    return len(text.split()) <= MAX_SIGN_CREDIT_WORDS and not text.rstrip().endswith((".", "!", "?"))


MAX_SIGN_CREDIT_WORDS = 4


def _is_labelled_credit(text: str) -> bool:
    """'Foto: dpa', 'Fot. Krystian Maj/KPRM': a picture credit's label, then its source."""
    match = picture_credit_pattern().match(text)
    return match is not None and len(text) <= MAX_CREDIT_LINE_CHARS and _names_a_source(text[match.end() :])


def _drop_closing_credit_line(block: HtmlElement) -> None:
    """The last of a block's lines, parted by <br>, when it credits a picture
    ('Źródło: PAP<br>Fot: Krystian Maj/KPRM' under a Polish article): the
    source above it signs the text, and stays."""
    last = block[-1]
    if not _is_labelled_credit(_clean(last.tail)):
        return
    last.tail = None
    last.drop_tree()


def remove_desk_lines(content: HtmlElement) -> None:
    """A line naming the editors who handled the story ('责任编辑：张迪',
    '(责编：汤诗瑶、丁涛)'), which closes most Chinese news articles, or the
    outlet it came from ('本文来源：新京报'): the desk's record, not the
    article's text or its byline. Indonesian articles close with the desk's
    initials instead ('(nwy/ita)')."""
    desk_line = desk_line_pattern()
    # One look at the whole text: most pages name no editor this way.
    whole = content.text_content()
    if original_title_prefix_pattern().search(whole):
        _remove_original_title_notes(content)
    if not desk_prefix_pattern().search(whole.lower()) and not _DESK_INITIALS.search(whole.rstrip()[-40:]):
        return
    for block in list(content.iter("p", "div", "span")):
        if block.getparent() is None or _holds_lines(block) or block.find(".//img") is not None:
            continue
        text = _clean(block.text_content())
        if len(text) <= MAX_DESK_LINE_CHARS and (desk_line.match(text) or _DESK_INITIALS.fullmatch(text)):
            block.drop_tree()


MAX_DESK_LINE_CHARS = 60


def _remove_original_title_notes(content: HtmlElement) -> None:
    """The note giving a reposted story's original title, as its first or last
    line ('原标题：视界丨这个中国人习以为常的地方…')."""
    note = original_title_pattern()
    lines = (block for block in content.iter("p", "div") if not _holds_lines(block))
    texts = [(block, text) for block in lines if (text := _clean(block.text_content()))]
    for block, text in {id(block): (block, text) for block, text in texts[:1] + texts[-1:]}.values():
        short = len(text) <= MAX_ORIGINAL_TITLE_NOTE_CHARS and block.find(".//img") is None
        if short and note.match(text):
            block.drop_tree()


MAX_ORIGINAL_TITLE_NOTE_CHARS = 120
# Two to five lower-case letters each, parted by slashes, in brackets: no sentence.
# '(nwy/ita)' closes Indonesian stories, 'aja/PAP' Polish ones: the writer's
# initials, then the desk's or the agency's, bracketed or not.
_DESK_INITIALS = re.compile(
    r"(?:\(\s*[a-z]{2,5}(?:\s*/\s*[a-z]{2,5})+\s*\)|(?<![\w/])[a-z]{2,5}(?:/(?:[a-z]{2,5}|[A-Z]{2,5}))+)$"
)


def _names_a_source(rest: str) -> bool:
    """After the credit's word, a mark ('Foto: dpa', 'Photo © Jane Doe',
    'Bild/Grafik: …') or a byline prefix and a name ('Illustration by Mike
    Nudelman'), not the rest of a sentence ('Photos by the river show …')."""
    if _CREDIT_SEPARATOR.match(rest):
        return True
    prefix = byline_prefix_pattern().match(rest.lstrip())
    if prefix is None:
        return False
    name = rest.lstrip()[prefix.end() :].strip()
    words = name.split()
    # A photographer's handle on a picture library ('Photo by ev on Unsplash').
    if 2 < len(words) <= MAX_CREDITED_NAME_WORDS + 2 and words[-1].casefold() in picture_agencies()[0]:
        return True
    return 0 < len(words) <= MAX_CREDITED_NAME_WORDS and all(word[:1].isupper() for word in words)


# '=' in Korean credits ('사진=연합뉴스'); a licence's mark may come first ('Photo (cc) : svenwerk').
_CREDIT_SEPARATOR = re.compile(r"(?:\s*\((?:cc|c|©)\))?\s*[:：©/|=]", re.I)
MAX_CREDIT_LINE_CHARS = 100
_CREDIT_BRACKETS = "([（【"


def _may_name_agencies(text: str) -> bool:
    """A first look: a short line with a slash in it, or as short as a picture
    library's name."""
    return len(text) <= MAX_CREDIT_LINE_CHARS + 20 and (
        "/" in text[:MAX_CREDIT_LINE_CHARS] or len(text.strip()) <= MAX_LIBRARY_NAME_CHARS
    )


MAX_LIBRARY_NAME_CHARS = 40


def is_agency_credit(text: str) -> bool:
    """Names between slashes, one of them a news agency or a picture library,
    with a picture library or a photographer's name among them: 'Mandel Ngan /
    AFP / Getty Images', 'REUTERS/Jane Doe', 'evgenyb/iStock/Getty Images'.
    Agencies alone ('AFP/Reuters', 'dpa/lni') sign the text, not a picture."""
    if len(text) > MAX_CREDIT_LINE_CHARS:
        return False
    parts = [part.strip() for part in text.split("/")]
    if len(parts) < 2 or not all(parts) or any(len(part.split()) > MAX_CREDITED_NAME_WORDS for part in parts):
        return False
    if any(_SENTENCE_MARK.search(part) for part in parts):
        return False
    libraries, agencies = picture_agencies()
    signers = [part.casefold() for part in parts]
    if any(signer in libraries for signer in signers):
        return True
    return any(signer in agencies for signer in signers) and any(
        _is_person_name(part) for part, signer in zip(parts, signers, strict=True) if signer not in agencies
    )


def _is_person_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= MAX_CREDITED_NAME_WORDS and all(word[:1].isupper() for word in words)


def _beside_a_picture(block: HtmlElement) -> bool:
    """The credit shares its wrapper with its picture: it is the picture's caption."""
    parent = block.getparent()
    return parent is not None and parent.find(".//img") is not None


# A sentence's marks: a credit is names ('AP Photo/J. Scott Applewhite'), not a
# clause ('We met him in Paris, then…', 'It rained. Then…').
_SENTENCE_MARK = re.compile(r"[,;:!?]|[^\W\d_]{2}\.(?:\s|$)")


def restore_standfirst(content: HtmlElement, standfirst: str | None) -> None:
    """Put back a standfirst that sat in the article header, outside the body:
    a paragraph, or a list when it was one of points (one a line). One the
    body holds set as a heading (Libération's h2.article-standfirst, three
    lines of prose; The Verge's, CityLab's) is read as the paragraph it is,
    where it opens the body and is as long as prose: a heading further on,
    or a short one, is a section's (Le Monde's 'article__sub-title', LWN's
    linked titles)."""
    # The topic's label may come first (Libération's 'Diplomatie').
    for opening in itertools.islice(_blocks_with_text(content), 2):
        if opening.tag in SECTION_HEADINGS and _reads_as_prose(opening):
            opening.tag = "p"
        if not _is_kicker(opening):
            break
    # Without spaces: text_content() glues a list's points ('…armasSu pareja…').
    if not standfirst or squeezed(standfirst) in squeezed(content.text_content()):
        return
    points = standfirst.split("\n")
    lead = builder.UL(*(builder.LI(point) for point in points)) if len(points) > 1 else builder.P(standfirst)
    content.insert(0, lead)


def _reads_as_prose(heading: HtmlElement) -> bool:
    """Many words, mostly not a link, not a numbered item's heading (BuzzFeed's
    '3. She wrote: …' opens a list of them)."""
    text = _clean(heading.text_content())
    if _NUMBERED_ITEM.match(text):
        return False
    links = sum(len(_clean(link.text_content())) for link in heading.iter("a"))
    return approximate_words(text) >= MIN_PROSE_HEADING_WORDS and links < len(text) / 2


_NUMBERED_ITEM = re.compile(r"\d+\s*[.):]")


MIN_PROSE_HEADING_WORDS = 15  # a headline rarely runs past a dozen words


# --- byline and date -------------------------------------------------------------


def _names(author: Any, nodes: dict[str, dict[str, Any]]) -> list[str]:
    """The names of a JSON-LD author: a text, a Person, a list of either, or a
    reference to a Person elsewhere in the page's graph ({"@id": ...}, as
    WordPress SEO plugins write it)."""
    if isinstance(author, str):
        return [author]
    if isinstance(author, dict):
        name = author.get("name")
        if not (isinstance(name, str) and name.strip()) and isinstance(author.get("@id"), str):
            name = nodes.get(author["@id"], {}).get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(author, list):
        return [name for item in author[:6] for name in _names(item, nodes)]
    return []


def _nodes_by_id(metadata: PageMetadata) -> dict[str, dict[str, Any]]:
    return {node["@id"]: node for node in metadata.json_ld if isinstance(node.get("@id"), str)}


_BYLINE_BRACKETS = {"[": "]", "［": "］", "《": "》", "〈": "〉", "【": "】"}


def clean_byline(text: str | None) -> str | None:
    # 'Dana A. Ford , James Corey': a space the markup left before a comma (a name in <strong>).
    text = _SPACE_BEFORE_COMMA.sub(r"\1", _clean(text)).strip(" ,;|-–—·•")
    # '👤by BWW News Desk' (BroadwayWorld): the icon a theme draws before the name is no word of it.
    text = _without_opening_pictographs(text)
    # ITmedia's '[田中宏昌，ITmedia]', ScanNetSecurity's '《ScanNetSecurity》':
    # the whole byline in brackets.
    if text[:1] in _BYLINE_BRACKETS and text[-1:] == _BYLINE_BRACKETS[text[:1]]:
        text = text[1:-1].strip()
    # 'Photo by Jane Doe' credits the picture, not the article.
    if picture_credit_pattern().match(text):
        return None
    text = byline_prefix_pattern().sub("", text + " ").strip(" ,;|-–—·•")
    # 'Lena deCasparis | Contributing Writer | 5 days ago': the date, as the
    # page's script tells it, set apart after the name and the job.
    if (last_part := _LAST_SET_APART_PART.search(text)) is not None and is_relative_date(last_part[1]):
        text = text[: last_part.start()]
    # 'Politik · Jochen Bittner': the section's name, set before the names.
    text = SECTION_BEFORE_BYLINE.sub("", text)
    # 'Rechtsanwalt Sebastian Einbock': a profession written as a title.
    text = name_title_pattern().sub("", text, count=1)
    # 'Jane Doe, Staff Writer' is Jane Doe: a job is no part of the name.
    text = byline_role_pattern().sub("", text).strip(" ,;|-–—·•")
    # 'Deutsche Welle (www.dw.com)': an address in brackets after the name.
    text = _BRACKETED_ADDRESS.sub("", text)
    # An author card's button after the name ('中国广州发布 关注': Follow).
    text = _without_closing_control_label(text)
    # 'Darcie Moran | dmoran@mlive.com': the writer's address, set apart after the name.
    text = _ADDRESS_AFTER_NAME.sub("", text)
    # 'Michael Larabel in Valve on 1 June 2019 at 08:34 PM EDT': a blog theme's
    # meta line, the name joined to the category and the date.
    if (joined := date_after_name_pattern().search(text)) is not None and joined.start() > 0:
        text = text[: joined.start()]
    # 'ZDNet Japan Staff 2019年04月28日 08時00分': the date and time written after the name.
    if (dated := _TRAILING_DATE.search(text)) is not None and re.search(r"[^\W\d_]", text[: dated.start()]):
        text = text[: dated.start()]
    # 'Ángeles Escrivá | Madrid': the place the story was written, set apart.
    if (place := PLACE_AFTER_NAME.search(text)) is not None and " " in text[: place.start()]:
        text = text[: place.start()]
    if not text or len(text) > 100 or text.startswith(("http://", "https://", "/")):
        return None
    # A web address alone is a site's, often the agency that built it ('www.chamigonet.com.ar'
    # in Informe Corrientes' meta author), not a writer's name.
    if WEB_ADDRESS.fullmatch(text):
        return None
    # A social account's handle ('@NatGeoUK' as National Geographic's article:author)
    # names an account, not a writer.
    if _HANDLE.fullmatch(text) or _BRACKETED_EMAIL.fullmatch(text):
        return None
    # A name has letters: '104363', a CMS's account number in meta author, names no one.
    if not re.search(r"[^\W\d_]", text):
        return None
    if text.casefold() in placeholder_byline_names() or site_builder_words().search(text):
        return None
    # The publishing company in meta author ('Süddeutsche.de GmbH, Munich, Germany').
    if company_form_pattern().search(text):
        return None
    # A year or a clock time is no part of a name: that text is a dateline, or a name
    # run together with one, and a later candidate is cleaner.
    if DATE_IN_BYLINE.search(text):
        return None
    # Nor is a count: a profile card's karma, rating and followers ('8,0 Карма
    # 0,0 Рейтинг 3 Подписчики Maxime'), a comment count beside the name.
    if COUNT_IN_BYLINE.search(text) or ACCOUNT_NAME_IN_BYLINE.search(text):
        return None
    return text


def _without_opening_pictographs(text: str) -> str:
    """The text after the symbols that open it (pictographs, dingbats: '👤',
    '✍', '✎'), with the joiners and variation selectors written between them."""
    start = 0
    while start < len(text) and _is_pictograph_or_space(text[start]):
        start += 1
    return text[start:] if start < len(text) else text


def _is_pictograph_or_space(character: str) -> bool:
    return unicodedata.category(character) == "So" or character in _PICTOGRAPH_JOINERS or character.isspace()


_PICTOGRAPH_JOINERS = "\u200d\ufe0e\ufe0f"
_HANDLE = re.compile(r"@[\w.]+")
# An address, perhaps in brackets; one set apart after a name, perhaps as a link.
_BRACKETED_EMAIL = re.compile(rf"\(?{EMAIL_ADDRESS.pattern}\)?")
_ADDRESS_AFTER_NAME = re.compile(rf"(?<=\w)\s*(?:[|,·•–—-]\s*|\(\s*)(?:mailto:)?{EMAIL_ADDRESS.pattern}\)?$")
# A numeric date ('2019年04月28日', '2019/04/28', '28.04.2019') and perhaps its time, ending the text.
_TRAILING_DATE = re.compile(
    r"[\s,|·•–—-]+(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
    r"(?:,?\s*\d{1,2}\s*[:：時]\s*\d{2}\s*分?(?:\s*[ap]\.?m\.?)?)?\s*$",
    re.I,
)
_SPACE_BEFORE_COMMA = re.compile(r"\s+([,，;])")
WEB_ADDRESS = re.compile(
    r"www\.[\w-]+(?:\.[\w-]+)+/?|[\w-]+(?:\.[\w-]+)*\."
    r"(?:com|net|org|info|io|co|tv|de|fr|es|it|ar|br|uk|ru|ch|at|nl|pl|jp|cn|in|au|ca|mx|cl|pe|pt|be|se|no|dk|fi|cz)"
    r"(?:\.[a-z]{2})?/?",
    re.IGNORECASE,
)
_BRACKETED_ADDRESS = re.compile(
    r"\s*[(\[](?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/?[)\]]$", re.I
)


def _without_closing_control_label(text: str) -> str:
    name, _, last = text.rpartition(" ")
    if name and line_label_form(last) in load_rules().control_labels:
        return name.rstrip(" ,;|-–—·•")
    return text


_LAST_SET_APART_PART = re.compile(r"\s+[|•·]\s+([^|•·]+)$")
# A name of two words at least, a bar or bullet, then one word, or two joined
# by a short lower-case particle ('Palma de Mallorca', 'Frankfurt am Main').
PLACE_AFTER_NAME = re.compile(
    r"(?<=\w)\s+[|•·]\s+[^\W\d_][\w.'-]*(?:\s+[^\W\d_A-Z]{1,3}\s+[^\W\d_][\w.'-]*)?$"
)
# One word, a middle dot, bar or bullet, then a name of two words at least.
SECTION_BEFORE_BYLINE = re.compile(r"^\w+\s+[·|•]\s+(?=\S+\s+\S)")


def choose_byline(
    metadata: PageMetadata,
    article: dict[str, Any],
    site_name: str | None = None,
    signatures: Iterable[str | None] = (),
) -> str | None:
    """The article's author, in Readability.js's order of trust: structured
    data, Dublin Core, then the rest; last, the `signatures` the article's own
    text carries, read only when nothing before names anyone."""
    meta = metadata.meta
    authors = _names(article.get("author"), _nodes_by_id(metadata))
    json_ld_names = [n for n in (_clean(n) for n in authors) if n]
    json_ld_byline = ", ".join(dict.fromkeys(json_ld_names)) if json_ld_names else None
    # The publisher named as the author (Der Spiegel's JSON-LD: the Organization
    # 'SPIEGEL ONLINE' for both; Deutsche Welle's meta author and publisher)
    # signs when no one else does.
    publisher = next(iter(_names(article.get("publisher"), {})), None)
    by_publisher = (
        json_ld_byline is not None
        and publisher is not None
        and _comparable(json_ld_byline) == _comparable(publisher)
    )
    publishers = {_comparable(clean_byline(meta.get(key)) or "") for key in PUBLISHER_META_KEYS} - {""}
    meta_authors = [meta.get(key) for key in AUTHOR_META_KEYS]
    publisher_authors = [a for a in meta_authors if a and _comparable(clean_byline(a) or "") in publishers]
    before = itertools.chain(
        [None if by_publisher else json_ld_byline],
        (author for author in meta_authors if author not in publisher_authors),
        metadata.byline_texts,
        [labelled_fact(metadata, "author")],
        (_name_credited_in(line, metadata.lang) for line in metadata.header_lines),
        [_name_above_date_line(metadata.header_lines, metadata.lang)],
    )
    after = itertools.chain(publisher_authors, [json_ld_byline if by_publisher else None])
    handles = host_labels(metadata.base_url, metadata.meta.get("og:url"), article.get("url"))

    def names(candidates: Iterable[str | None]) -> Iterator[str]:
        for candidate in candidates:
            byline = clean_byline(candidate)
            # A one-word author that is a label of the page's own host ('mcupdate'
            # on mcupdate.tumblr.com), or the site's address, is the account or
            # the site, which names no one.
            if not byline or _names_the_site(byline, site_name, handles):
                continue
            if _is_site_address(byline, site_name) or _ACCOUNT_HANDLE.fullmatch(byline):
                continue
            named = _without_signature_of_site(byline, site_name, site_host_names(handles))
            if named and not _DESK_SIGNS.fullmatch(named):
                yield named

    # A team ('National Desk', cleveland.com's meta author; the site's own
    # name) signs when no person does: the writer's signature under the story comes first, and
    # nothing weaker (a header's line, the publisher).
    def is_team(name: str) -> bool:  # a desk, or the site signing its own name
        return bool(desk_name_pattern().search(name)) or _comparable(name) == _comparable(site_name or "")

    named = list(names(before))
    # The site's brand in one meta tag ('heise online' as heise.de's DC.creator)
    # yields to a person another names (its meta author 'Denis Dilba').
    desk = next((name for name in named if not _opens_with_host_label(name, handles)), None)
    if desk is not None and is_team(desk):
        # The site signing its meta author yields to a person another tag
        # names (Architectural Digest's parsely-page: 'Mayer Rus'), or a
        # byline box that says 'By' (ABC News's 'By Josh Haskell, David
        # Caplan…'); not to a box's other lines ('Visa alla inlägg av …', a
        # link to the author's posts) nor to a loose line of the header.
        signed_boxes = [text for text in metadata.byline_texts if byline_prefix_pattern().match(text)]
        declared = list(names(itertools.chain([json_ld_byline], meta_authors, signed_boxes)))
        desk = next((name for name in declared if not is_team(name)), None)
    desk = desk if desk is not None and not is_team(desk) else next(iter(named), None)
    if desk is not None and not is_team(desk):
        return _with_co_authors(desk, named)
    signed = list(names(signatures))  # the opening's and the closing's
    person = next((name for name in signed if not is_team(name)), None)
    return person or desk or next(iter(signed), None) or next(names(after), None)


def _with_co_authors(byline: str, candidates: list[str]) -> str:
    """The meta tag may name the first author alone where the byline box names
    them all ('Cyrus Engineer', then 'Cyrus Engineer & Sophie Alexander',
    Daily Star): the list that goes on from the name is the byline."""
    for candidate in candidates:
        if candidate.startswith(byline) and _MORE_NAMES.match(candidate, len(byline)):
            return candidate
    return byline


# '&' or 'and' before the next name: after a comma a job may come ('Jane Doe, Senior Technologist').
_MORE_NAMES = re.compile(r"\s*(?:&|\s(?:and|und|et|y|e|i|og|en)\s)\s*[^\W\d_]")


# Meta tags that summarize the article.
SUMMARY_META_KEYS = ("description", "og:description", "twitter:description")
# Meta tags that name the publisher (Dublin Core's written with a dot or a colon).
PUBLISHER_META_KEYS = ("publisher", "dc:publisher", "dcterms:publisher")


# Editors' initials in lower case ('ok, jap' on Novinky, 'nwy/ita'): the desk
# signs, and the reader learns no one's name from it.
_DESK_SIGNS = re.compile(r"[a-z]{1,4}(?:\s*[,/;]\s*[a-z]{1,4})*")


# A login's handle in the meta author (Bodybuilding.com's 'heather.eastman.1232',
# 'jdoe_87'): lower case words joined by dots or underscores, no name as shown.
_ACCOUNT_HANDLE = re.compile(r"@?[a-z0-9]+(?:[._][a-z0-9]+)+")


def _is_site_address(byline: str, site_name: str | None) -> bool:
    """The site's name and where it is ('SPIEGEL ONLINE, Hamburg, Germany' in
    Der Spiegel's meta author): the publisher's address, not a signature."""
    name, comma, place = byline.partition(",")
    return bool(site_name and comma and place.strip()) and _comparable(name) == _comparable(site_name or "")


def _opens_with_host_label(byline: str, handles: set[str]) -> bool:
    """A name of several words whose first is a label of the page's host: the
    site's brand ('heise online', 'SPIEGEL ONLINE', 'ZEIT ONLINE' on their own
    hosts). A person whose surname names a blog's host opens with a given name."""
    first, _, rest = byline.partition(" ")
    return bool(rest) and first.casefold().rstrip(".,:") in handles


def _names_the_site(byline: str, site_name: str | None, handles: set[str]) -> bool:
    """The byline is one word that is a label of the page's own host, or the
    site's own address ('BRIGITTE.de' on brigitte.de). A site's name written
    out ('BBC News') is how some publishers sign, and stays."""
    if " " in byline:
        return False
    if byline.islower() and len(byline) >= MIN_ACCOUNT_NAME_CHARS:
        # An account named after the site ('sporades' on sporadestv.com, whose
        # name is 'Sporades TV'): a person signs with a capital.
        site_words = set(_comparable(site_name or "").split())
        if byline in site_words or any(handle.startswith(byline) for handle in handles):
            return True
    return byline.casefold() in handles or (
        SITE_ADDRESS.fullmatch(byline) is not None and _comparable_name(byline) in site_host_names(handles)
    )


MIN_ACCOUNT_NAME_CHARS = 4


SITE_ADDRESS = re.compile(r"(?:www\.)?[\w-]+\.[a-z]{2,6}", re.I)


def _name_credited_in(line: str, lang: str | None) -> str | None:
    """The name a date line near the headline credits ('11.05.2012, 10:22 von
    jovelstefan', 'Tuesday 15 October 2019 by Bradley M. Kuhn'): the words
    after a byline prefix, up to a separator, a number or the line's end. A
    line without a date is no date line ('killed by gunfire in Gaza')."""
    if picture_credit_pattern().match(line):
        return None
    if (name := _byline_line_name(line)) is not None:
        return name
    for after in _after_byline_prefixes(line):
        if not _is_cased(after):
            uncased = _uncased_name(after)
            if uncased is not None:
                return uncased if normalize_date(line, lang) is not None else None
            continue
        end = _CREDITED_NAME_END.search(after)
        name, when = (after[: end.start()], after[end.start() :]) if end else (after, "")
        name, when = _month_back_to_its_date(name.strip(), when)
        if not MIN_CREDITED_NAME_WORDS <= len(name.split()) <= MAX_CREDITED_NAME_WORDS:
            continue
        if normalize_date(line, lang) is not None:
            return name
        # 'By Jane Doe, 5 hours ago': a byline line, then the date said relative to now.
        if is_relative_date(when.strip(_SEPARATING_MARKS)):
            return _byline_line_name(line[: len(line) - len(when)].strip())
        return None
    return None


_SEPARATING_MARKS = " |•·,;/-–—"


def _month_back_to_its_date(name: str, when: str) -> tuple[str, str]:
    """'Jack Davis December', '23, 2016 at 7:18am': the month that opens the
    date goes back to it, when the rest names none ('by Jack Davis December 23,
    2016', Western Journalism); 'Theresa May', '23 June 2019' stays."""
    words, _, last = name.rpartition(" ")
    months = month_numbers()
    if not words or last.casefold().rstrip(".,") not in months:
        return name, when
    if any(word.casefold().strip(".,") in months for word in when.split()):
        return name, when
    return words, f"{last} {when}"


def _name_above_date_line(lines: list[str], lang: str | None) -> str | None:
    """Under the headline, a line of a name alone right above the date line
    ('Dewi Nur Harasha Alias' / 'Fri Oct 09 2020', Astro Awani): the byline
    without a prefix. A name is two to four words, each a capital and small
    letters, no number; a date line says a date and nothing else."""
    for line, following in itertools.pairwise(lines):
        if _is_plain_name(line) and _only_date_words(following) and normalize_date(following, lang):
            return line
    return None


def _is_plain_name(line: str) -> bool:
    """'Dewi Nur Harasha Alias', 'Jean-Luc Dupont', "Mary O'Neil"; not 'AFP',
    'Politik inland', 'Seite 2'."""
    words = line.split(" ")
    return MIN_PLAIN_NAME_WORDS <= len(words) <= MAX_PLAIN_NAME_WORDS and all(
        part[:1].isupper() and part[1:].islower() and part.isalpha()
        for word in words
        for part in _NAME_PART_SEPARATORS.split(word)
    )


_NAME_PART_SEPARATORS = re.compile(r"[-'’]")
MIN_PLAIN_NAME_WORDS = 2
MAX_PLAIN_NAME_WORDS = 4


def _is_cased(text: str) -> bool:
    """Written in a script with capitals (Latin, Greek, Cyrillic, Armenian)."""
    return any(letter.lower() != letter.upper() for letter in text)


def _name_before_job(line: str) -> str | None:
    """A Korean byline: a name, the outlet, the job, an address ('홍길동 기자',
    '김재호 MK스포츠 기자(greatnemo@maekyung.com)', '[피닉스(미국)=김재호 MK스포츠
    특파원]'): the name, the line's first word, of a script without capitals."""
    text = _BRACKETED_EMAIL.sub(" ", line).strip(" []()<>")
    text = text.rpartition("=")[2].strip()  # after a dateline's place ('피닉스(미국)=')
    words = text.split()
    if not MIN_JOB_LINE_WORDS <= len(words) <= MAX_JOB_LINE_WORDS or words[-1] not in name_suffixes():
        return None
    name = words[0]
    if not name.isalpha() or _is_cased(name) or not MIN_UNCASED_NAME_CHARS <= len(name) <= MAX_NAME_CHARS:
        return None
    return name


# The name and the job, with up to two words of the outlet's name between them.
MIN_JOB_LINE_WORDS = 2
MAX_JOB_LINE_WORDS = 4
MIN_UNCASED_NAME_CHARS = 2
MAX_NAME_CHARS = 4


def _longest_capitalized_run(words: list[str]) -> int:
    run = longest = 0
    for word in words:
        run = run + 1 if word[0].isupper() else 0
        longest = max(longest, run)
    return longest


def _byline_line_name(line: str) -> str | None:
    """A line that is a byline prefix and a name, nothing more ('By Jane Doe',
    'Par Jean Dupont et Marie Curie', 'Автор: Иван Петров', '文：山田太郎',
    'بقلم: محمد علي'): a byline set near the headline without a byline's class
    name. In a cased script each word of the name is capitalized, but for
    particles and 'and' between them: 'By land and by sea' opens a standfirst.
    An uncased script's name follows the prefix's separator and is a few short
    words without a sentence's punctuation, up to the next label or a bracket
    (`_uncased_name`); there the prefix may follow the outlet's name, written
    as one word with it ('新华社记者 张三 李四', '澎湃新闻记者 段彦超 廖艳').
    A signature's dash before it and the writer's handle after it go ('-- By
    Michael Russell Follow @tdmrussell', cleveland.com)."""
    line = _SIGNATURE_HANDLE.sub("", _SIGNATURE_DASH.sub("", line))
    prefix_end = _byline_prefix_end(line)
    if prefix_end is None:
        return _name_before_job(line)
    name = name_title_pattern().sub("", line[prefix_end:].strip(), count=1)
    if not _is_cased(name):
        return _uncased_name(name)
    words = name.replace(",", " ").split()
    if not words or len(words) > MAX_BYLINE_LINE_WORDS or _NOT_IN_A_NAME.search(name):
        return None
    capitalized = [word for word in words if word[0].isupper()]
    joined = all(word in capitalized or len(word) <= MAX_NAME_PARTICLE_CHARS for word in words)
    ends_named = words[0] in capitalized and words[-1] in capitalized
    # One person's name is a few words: more in a row is a name and a job
    # ('Patti Domm<br>CNBC Executive News Editor', read as one line).
    if not (joined and ends_named and _longest_capitalized_run(words) <= MAX_CREDITED_NAME_WORDS):
        return None
    return name if len(capitalized) >= MIN_CREDITED_NAME_WORDS else None


def _uncased_name(text: str) -> str | None:
    """The names that open `text` in a script without capitals: a few short
    words, up to a label's separator or a bracket ('石佳/中国青年报' -> '石佳',
    '石佳（中国青年报）' -> '石佳'). A word that holds a separator after a name
    is the next label ('张三 图/李四' -> '张三', '王五 通讯员：赵六' -> '王五').
    None for a sentence: a long word, or a sentence's marks."""
    names: list[str] = []
    for word in _NAME_LIST_SEPARATORS.sub(" ", text).split():
        label_end = _UNCASED_NAME_END.search(word)
        if label_end is not None:
            if not names:
                names.append(word[: label_end.start()])
            break
        names.append(word)
    name = " ".join(names)
    if not names or len(names) > MAX_CREDITED_NAME_WORDS or _NOT_IN_A_NAME.search(name):
        return None
    if any(not MIN_UNCASED_NAME_CHARS <= len(word) <= MAX_UNCASED_NAME_CHARS for word in names):
        return None
    return name


_SIGNATURE_DASH = re.compile(r"^\s*(?:--+|[–—])\s*")
_SIGNATURE_HANDLE = re.compile(
    r"(?:\s+(?:follow|folgen|suivre|seguir|segui)(?:\s+\w+){0,2})?\s+@\w{1,30}\s*$", re.I
)


def _byline_prefix_end(text: str) -> int | None:
    """Where a byline prefix that opens `text` ends. In a script without
    spaces the prefix may follow the outlet's name, written as one word with
    it ('新华社记者 张三', '本报记者 李四')."""
    prefix = byline_prefix_pattern()
    if match := prefix.match(text):
        return match.end()
    if _is_cased(text[:MAX_UNSPACED_OUTLET_CHARS]):
        return None
    outlet = _UNSPACED_OUTLET.match(text)
    for start in range(1, outlet.end() + 1 if outlet else 0):
        if match := prefix.match(text[start:]):
            return start + match.end()
    return None


MAX_BYLINE_LINE_WORDS = 8
# An outlet's name run into the prefix: a few letters of a script without
# spaces, or a title between title marks ('《棱镜》作者 周纯', Tencent's column).
MAX_UNSPACED_OUTLET_CHARS = 8
_UNSPACED_OUTLET = re.compile(
    rf"《[^》]{{1,{MAX_UNSPACED_OUTLET_CHARS}}}》|[^\W\d_]{{1,{MAX_UNSPACED_OUTLET_CHARS}}}"
)
# 'de', 'van', 'von der', 'and', 'et', 'und', 'y': lower case between the names.
MAX_NAME_PARTICLE_CHARS = 3
MAX_UNCASED_NAME_CHARS = 8
# Between the names of a list ('张三、李四'), and where a name ends before a
# label or a bracket ('石佳/中国青年报', '石佳（中国青年报）').
_NAME_LIST_SEPARATORS = re.compile("[、,，]")
_UNCASED_NAME_END = re.compile(r"[/／|｜:：(（\[【]")
# A sentence's or a date's marks; an initial's dot ('Bradley M. Kuhn') is a name's.
_NOT_IN_A_NAME = re.compile(r"[\d!?;:。，、！？；：\"“”«»()（）]|[^\W\d_]{2}\.")


# What ends a name in a date line: a separator, a number (the date), a bracket.
_CREDITED_NAME_END = re.compile(r"\s*(?:[|•·,;/(\[]|\s[-–—]\s|\d)")
# A first name and a last name at least: one word after a prefix is as often
# a word of the page ('Text Size' read as German 'Text: Size') as a name.
MIN_CREDITED_NAME_WORDS = 2
MAX_CREDITED_NAME_WORDS = 4


# Full-width and ideographic commas too ('田中宏昌，ITmedia').
# A dash, bar or slash with a space on each side sets a part of a byline apart.
_SET_APART = re.compile(r"\s[-–—|/]\s")
_LAST_BYLINE_PART = re.compile(rf"^(?P<names>.+?)\s*(?:[,，、]|{_SET_APART.pattern})\s*(?P<last>[^,，、]+)$")
_FIRST_BYLINE_PART = re.compile(rf"^(?P<first>[^,]+?){_SET_APART.pattern}(?P<names>.+)$")


def _without_signature_of_site(byline: str, site_name: str | None, hosts: frozenset[str]) -> str | None:
    """'Dana Ford and Tom Watkins, CNN' on CNN's own page is Dana Ford and Tom
    Watkins: the site after the names, or before them ('unocero - Alberto
    Ávila'), or a part that ends with it ('Matt Friedman | NJ Advance Media
    for NJ.com'), says nothing the page does not. The site before its tagline
    ('L-MAG – Das Magazin für Lesben') names no one: None."""

    def names_the_site(part: str) -> bool:
        # The site and its print title after a bar ('NOLA.com | The Times-Picayune'),
        # or an affiliation that ends with the site ('NJ Advance Media for NJ.com').
        part = _SET_APART.split(part, maxsplit=1)[0]
        comparable = _comparable_name(part)
        in_host = "".join(comparable.split()) in hosts
        forms = _site_forms(site_name) if site_name else set()
        return comparable in forms or any(comparable.endswith(" " + form) for form in forms) or in_host

    match = _LAST_BYLINE_PART.match(byline)
    if match is not None and names_the_site(match["last"]):
        return match["names"]
    match = _FIRST_BYLINE_PART.match(byline)
    if match is not None and names_the_site(match["first"]):
        return match["names"] if _is_person_name(match["names"]) else None
    return byline


def host_labels(*urls: Any) -> set[str]:
    """The words of the page's host names, from its address and the addresses
    it declares, without 'www' and the top-level domain."""
    labels: set[str] = set()
    for url in urls:
        if not isinstance(url, str):
            continue
        try:
            host = urlsplit(url.strip()).hostname or ""
        except ValueError:
            continue
        labels.update(host.casefold().split(".")[:-1])
    return labels - {"", "www"}


def normalize_date(value: str | None, lang: str | None = None) -> str | None:
    """Any common date notation to ISO 8601; None when it is not a date. `lang`,
    the page's language, decides the order of a numeric date such as 03/04/2020."""
    text = _clean(value)
    if not text:
        return None
    if (local := local_calendar_date(text)) is not None:
        return _iso(datetime(local.year, local.month, local.day), True)
    if _UNIX_TIME.fullmatch(text):
        # Seconds (or milliseconds) since 1970, as some publishing systems
        # write article:published_time ('1602226800', info.elblag.pl).
        return _iso(datetime.fromtimestamp(int(text[:10]), UTC), False)
    iso = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", text.replace("Z", "+00:00").replace(" ", "T", 1))
    iso = _ZONE_NAME.sub(_zone_offset, iso)
    for candidate in (iso, text):
        try:
            parsed = datetime.fromisoformat(candidate)
        except ValueError:
            continue
        return _iso(parsed, len(candidate) <= 10)
    try:
        return _iso(_on_the_twelve_hour_clock(parsedate_to_datetime(text), text), False)
    except (TypeError, ValueError, IndexError):
        pass
    match = re.search(r"\b\d{4}-\d{2}-\d{2}(?=\b|T)", text)
    if match:
        try:  # a date-shaped string is no date until the calendar agrees ('2024-13-45')
            return _iso(datetime.fromisoformat(match.group(0)), True)
        except ValueError:
            return None
    if match := YEAR_FIRST_DATE.search(text):  # '2019/06/27' (Google Scholar's citation dates)
        return _calendar_day(int(match[1]), int(match[3]), int(match[4]))
    if match := SPACED_YEAR_FIRST_DATE.search(text):
        return _calendar_day(int(match[1]), int(match[2]), int(match[3]))
    if match := CJK_DATE.search(text):
        return _calendar_day(int(match[1]), int(match[2]), int(match[3]))
    return _numeric_date(text, lang) or _worded_date(text, lang)


def _on_the_twelve_hour_clock(parsed: datetime, text: str) -> datetime:
    """The mail-date reader takes 'December 20, 2023 8:09:56 PM' for 8:09 in
    the morning: it reads no 'AM' or 'PM'."""
    marker = CLOCK_TIME.search(text)
    if marker is None or not marker["half"] or parsed.hour != int(marker["hour"]):
        return parsed
    return parsed.replace(hour=_hour_of_the_day(parsed.hour, marker["half"]))


def _hour_of_the_day(hour: int, half: str | None) -> int:
    """'8 PM' is 20, '12 AM' is 0; without a half of the day, the hour as written."""
    if not half or hour > 12:
        return hour
    afternoon = half[0] in "pP"
    return hour % 12 + (12 if afternoon else 0)


# From 2001-09-09 to 2286: ten digits of seconds, or thirteen of milliseconds.
_UNIX_TIME = re.compile(r"[1-9]\d{9}(?:\d{3})?")
# A time zone named after the time ('2021-01-03T17:40:00EET', lsm.lv's JSON-LD):
# UTC is an offset; another name is not one offset everywhere ('EST' is
# Australia's and America's), so the time stays local.
_ZONE_NAME = re.compile(r"(?<=\d:\d\d)\s*([A-Z]{2,5})$")


def _zone_offset(match: re.Match[str]) -> str:
    return "+00:00" if match[1] in {"UTC", "GMT", "UT"} else ""


@lru_cache(maxsize=1)
def _worded_date_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    names = "|".join(sorted(map(re.escape, month_numbers()), key=len, reverse=True))
    # A month may be named twice, in two calendars' names ('28 آب/اغسطس 2013').
    names = f"(?:{names})(?:/(?:{names}))?"
    # '5 December 2018', '14 janvier 2020', '5. März 2018', '5 de diciembre de 2018', "1er d'agost",
    # '5th October 2020', '3rd of June 2020', and dotted without spaces: '21.dez.2018' (Folha)
    day_first = re.compile(
        rf"(?<!\d)(\d{{1,2}})(?:(?:\.|er|º|o|st|nd|rd|th)?\s+(?:de\s+|d'|of\s+)?|\.)({names})"
        rf"(?:\.?,?\s+(?:de\s+)?|\.)(\d{{4}})(?!\d)",
        re.I,
    )
    # 'December 5, 2018', 'Dec. 5th 2018'
    month_first = re.compile(rf"\b({names})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.I)
    # Hungarian '2019. július 3.', Lithuanian '2019 m. liepos 3 d.'
    year_first = re.compile(rf"(?<!\d)(\d{{4}})(?:\.|\s+m\.)?\s+({names})\s+(\d{{1,2}})(?!\d)", re.I)
    return day_first, month_first, year_first


def _worded_date(text: str, lang: str | None = None) -> str | None:
    """A date with its month in words, in the languages of languages.json."""
    day_first, month_first, year_first = _worded_date_patterns()
    numbers = month_numbers_in(lang)
    if match := day_first.search(text):
        day, month, year = match.group(1), match.group(2), match.group(3)
    elif match := month_first.search(text):
        month, day, year = match.group(1), match.group(2), match.group(3)
    elif match := year_first.search(text):
        year, month, day = match.group(1), match.group(2), match.group(3)
    else:
        return None
    number = numbers.get(month.partition("/")[0].lower())
    return _calendar_day(int(year), number, int(day)) if number else None


def _numeric_date(text: str, lang: str | None) -> str | None:
    """'14/01/2020' or '14.01.2020' (a `<time datetime>` written as the page shows it).

    Which number is the day: most of the world writes day first, and a dotted date
    (14.01.2020) is day first everywhere it is used; month first (01/14/2020) is the
    United States' order. So: a number above 12 can only be the day; when both could
    be, the day comes first unless the page is in English without a region, or
    United States English, where the month does. A page that declares no language
    gets no date from an ambiguous one: no date is better than the wrong month.
    """
    match = NUMERIC_DATE.search(text)
    if not match:
        return None
    first, separator, second, year = int(match[1]), match[2], int(match[3]), int(match[4])
    if first > 12 or separator == ".":
        day, month = first, second
    elif second > 12:
        day, month = second, first
    elif first == second:
        day, month = first, second
    elif not lang:
        return None
    elif re.fullmatch(r"en(-us)?", lang.strip().lower().replace("_", "-")):
        day, month = second, first
    else:
        day, month = first, second
    return _calendar_day(year, month, day)


def _calendar_day(year: int, month: int, day: int) -> str | None:
    """The ISO date of a day the calendar has ('31/02/2020', '13/13/2020' are none)."""
    try:
        return _iso(datetime(year, month, day), True)
    except ValueError:
        return None


def _iso(parsed: datetime, date_only: bool) -> str | None:
    if not 1990 <= parsed.year <= datetime.now(UTC).year + 1:
        return None
    return parsed.date().isoformat() if date_only else parsed.isoformat()


def choose_published(
    metadata: PageMetadata, article: dict[str, Any], content: HtmlElement | None = None
) -> str | None:
    meta = metadata.meta
    candidates = [
        article.get("datePublished"),
        *(meta.get(key) for key in PUBLISHED_META_KEYS),
        article.get("dateCreated"),
        *metadata.time_values,
    ]
    for candidate in _filed_month_first(candidates, metadata):
        if isinstance(candidate, str):
            published = normalize_date(candidate, metadata.lang)
            if published:
                return in_the_shown_zone(published, metadata.shown_times, metadata.lang)
    # A date line says more than its date ('Submitted on Mon, 2019-01-21 13:49').
    for value in metadata.time_values:
        found = ISO_DATE_IN_TEXT.search(value)
        if found and (published := normalize_date(found.group(0), metadata.lang)):
            return published
    for line in metadata.header_lines:
        if published := normalize_date(line, metadata.lang):
            return published
    labelled = labelled_fact(metadata, "date")
    if labelled and (published := normalize_date(labelled, metadata.lang)):
        return published
    # The post's footer tells in a sentence: its first date is the post's.
    for line in metadata.footer_lines:
        if published := _worded_date(line, metadata.lang) or _numeric_date(line, metadata.lang):
            return published
    dated_line = _date_line_in(content, metadata.lang) if content is not None else None
    return dated_line or date_in_url(metadata.base_url)


def labelled_fact(metadata: PageMetadata, kind: Literal["author", "date"]) -> str | None:
    """The value a list of facts about the article gives under the author's
    or the date's label ('<strong>Date</strong> 19.01.2020'). Only a list that
    labels the author is the article's: a list of an event's or a product's
    facts may give a date, and no author."""
    authors, dates = fact_labels()
    wanted = authors if kind == "author" else dates
    for facts in metadata.fact_lists:
        labels = [normalize_label(label) for label, _ in facts]
        if authors.isdisjoint(labels):
            continue
        for label, (_, value) in zip(labels, facts, strict=True):
            if label in wanted:
                return value
    return None


def _filed_month_first(candidates: list[Any], metadata: PageMetadata) -> list[Any]:
    """When the address files the story under a month ('/2014/05/') that the
    first declared date contradicts, a later candidate in that month comes
    first: GQ's blog template declares the blog's own start ('2009-09-02')
    as every post's article:published_time, its parsely-page the post's."""
    filed = _MONTH_IN_URL_PATH.search(url_path(metadata.base_url))
    if filed is None:
        return candidates
    texts = [candidate for candidate in candidates if isinstance(candidate, str)]
    dates = [(text, date) for text in texts if (date := normalize_date(text, metadata.lang))]
    if not dates:
        return candidates
    month = f"{filed[1]}-{int(filed[2]):02d}"
    if dates[0][1].startswith(month):
        return candidates
    agreeing = next((candidate for candidate, date in dates if date.startswith(month)), None)
    return candidates if agreeing is None else [agreeing, *candidates]


_MONTH_IN_URL_PATH = re.compile(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/")


def in_the_shown_zone(published: str, shown_times: list[str], lang: str | None) -> str:
    """A time declared in UTC, said in the zone of the page's own date line
    when that line shows the same instant ('3/5/2022 22:41' under El Deber's
    headline for 'Wed, 04 May 2022 02:41:00 GMT'): the reader sees the day
    the page shows, not the next one."""
    if not published.endswith("+00:00"):
        return published
    instant = datetime.fromisoformat(published)
    to_the_minute = instant.replace(second=0, microsecond=0, tzinfo=None)
    for line in shown_times:
        shown = _shown_date_and_time(line, lang)
        if shown is None:
            continue
        offset = shown - to_the_minute
        if not offset:
            break  # the page shows the time in UTC
        if _is_a_zone_offset(offset):
            return instant.astimezone(timezone(offset)).isoformat()
    return published


def _is_a_zone_offset(offset: timedelta) -> bool:
    """UTC-12:00 to UTC+14:00: whole hours, or the zones off by a half or
    three quarters of an hour (India's +05:30, Nepal's +05:45); another
    difference is between two other times (a date line's update)."""
    if abs(offset) > MAX_ZONE_OFFSET:
        return False
    minutes = int(offset.total_seconds()) // 60
    return minutes % 60 == 0 or minutes in ZONES_OFF_THE_HOUR


MAX_ZONE_OFFSET = timedelta(hours=14)
# In minutes: Newfoundland, Marquesas, Iran, Afghanistan, India, Nepal, Myanmar,
# Eucla, South Australia, Lord Howe, Chatham (the IANA time zone database).
ZONES_OFF_THE_HOUR = frozenset({-210, -570, 210, 270, 330, 345, 390, 525, 570, 630, 765})


def _shown_date_and_time(line: str, lang: str | None) -> datetime | None:
    """The day and the clock time a line shows ('24 de agosto, 2026 - 23h23'), or None."""
    clock = CLOCK_TIME.search(line)
    day = normalize_date(line, lang)
    if clock is None or day is None:
        return None
    hour = _hour_of_the_day(int(clock["hour"]), clock["half"])
    return datetime.fromisoformat(day[:10]).replace(hour=hour, minute=int(clock["minute"]))


def _date_line_in(content: HtmlElement, lang: str | None) -> str | None:
    """The date of the article's own date line, wherever the page put it
    ('Publié le 29/10/2012 Mis à jour le 29/10/2012 à 14h03', at Slate.fr's
    article end): a short line that opens with a date prefix and says no more."""
    for block in content.iter(*_META_LINE_TAGS):
        if _holds_lines(block) or not _opens_with_date_prefix(block):
            continue
        text = _clean(block.text_content())
        if len(text) > MAX_META_LINE_CHARS:
            continue
        first, *updates = _PARTS_OF_A_LINE.split(text)
        if not _is_date_line(first) or not all(_is_update_stamp(update) for update in updates):
            continue
        if published := normalize_date(first, lang):
            return published
    return None


def _is_date_line(text: str) -> bool:
    return date_prefix_pattern().match(text) is not None and _only_date_words(text)


ISO_DATE_IN_TEXT = re.compile(r"\b\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\b")
# Blogs and news sites file articles by day: /2012/05/11/parken-in-paris/,
# /2019-12-02-health-workers/. A year and a month alone (/2016/12/) are no day.
DATE_IN_URL_PATH = re.compile(r"/((?:19|20)\d{2})([/-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)")


def date_in_url(url: str | None) -> str | None:
    """The day an address files its article under, as an ISO date."""
    match = DATE_IN_URL_PATH.search(url_path(url))
    return _calendar_day(int(match[1]), int(match[3]), int(match[4])) if match else None


def choose_excerpt(
    metadata: PageMetadata,
    article: dict[str, Any],
    content: HtmlElement,
    title: str | None = None,
    byline: str | None = None,
) -> str | None:
    meta = metadata.meta
    # In the order of trust of the titles: structured data, Dublin Core, Open
    # Graph, then the rest. A CMS fills the plain ones with the opening
    # paragraph when the editor wrote no summary (ACLU's); the structured
    # data holds the summary they wrote.
    descriptions = [
        _as_written(_clean(candidate), metadata)
        for candidate in (
            article.get("description"),
            meta.get("dc:description"),
            meta.get("dcterm:description"),
            meta.get("dcterms:description"),
            meta.get("og:description"),
            meta.get("description"),
            meta.get("twitter:description"),
        )
        if isinstance(candidate, str) and _clean(candidate)
    ]
    opening = _opening_paragraph(content)
    article_text = content.text_content() if descriptions else ""
    # A desk's note of a reposted story's original title ('原标题：…') says
    # nothing of the story; nor does the headline again (Sina's og:description).
    descriptions = [
        description
        for description in (
            _summary_within(description, title, byline, opening, article_text)
            for description in descriptions
            if not original_title_pattern().match(description)
        )
        if not _restates_the_headline(description, title)
        and not _CONTINUATION.match(description)
        and not _is_keyword_list(description)
    ]
    descriptions = list(dict.fromkeys(descriptions))  # pages repeat one in several tags
    article_words = set(_folded_words(article_text))
    unspaced = any(_UNSPACED_SCRIPT.search(description) for description in descriptions)
    article_pairs = _letter_pairs(article_text) if unspaced else set()
    telling = [
        description
        for description in descriptions
        if _tells_the_article(description, article_words, article_pairs)
        and not _describes_the_site(description, metadata, article_words)
        and not _cut_from_the_opening(description, opening)
    ]

    # One too short to judge that shares no word with the article yields (CRIC's
    # DC.Description, the site's slogan 'Le média qui soulève du lourd', beside
    # its summary); one written whole beats one cut short for a card ('… Sierra
    # Leone has...').
    def rank(description: str) -> tuple[bool, bool]:
        unrelated = not _long_enough_to_judge(description) and not _shares_a_word(description, article_words)
        return unrelated, _CUT_MARK.search(description) is not None

    for description in sorted(telling, key=rank):
        cut = _CUT_MARK.search(description)
        if cut is None:
            return description
        # The other descriptions or the opening paragraph may hold it whole.
        stem = description[: cut.start()] + "…"
        whole = untruncated(stem, [*descriptions, *([opening] if opening else [])])
        return _plainly_cut(whole if whole != stem and len(whole) <= EXCERPT_CHARS else description)
    if opening is None:
        return None
    return _shortened(opening)


def _summary_within(
    description: str, title: str | None, byline: str | None, opening: str | None, article_text: str
) -> str:
    """The summary a description holds, without the headline, the byline or a
    signature around it, and without a lead-in the article does not keep."""
    summary = _before_a_closing_byline(
        _after_the_byline(_after_the_headline(description, title), byline), byline
    )
    return _from_the_opening(summary, opening, article_text)


def _restates_the_headline(description: str, title: str | None) -> bool:
    """The headline again, or some of its words again and no other
    ('Lady Gaga Took 50 Selfies For Shiseido Campaign' under 'Lady Gaga Took
    50 Selfies For New Shiseido Campaign', Grazia's og:description): it says
    nothing more. (A script without spaces is compared whole.)"""
    if not title:
        return False
    if squeezed(description) == squeezed(title):
        return True
    if _UNSPACED_SCRIPT.search(description):
        return False
    words = _folded_words(description)
    return bool(words) and set(words) <= set(_folded_words(title))


# A description that opens where another text stopped ('...and she will also be
# its photographer.', Grazia's, going on from the headline) is no summary alone.
_CONTINUATION = re.compile(r"\s*(?:\.{3}|…)")


def _from_the_opening(description: str, opening: str | None, article_text: str) -> str:
    """A description a CMS cut from the page's text, which opened with a short
    line the article does not keep, a picture's credit run into the first
    paragraph ('Source: thinkstockDecember 28, 2014: Markets opened lower…',
    247wallst's WordPress excerpt): from the opening paragraph's first words on."""
    if opening is None:
        return description
    start = description.find(opening[:MIN_OPENING_PARAGRAPH_CHARS])  # an opening is at least that long
    if start <= 0 or start > MAX_DATELINE_CHARS:
        return description
    if description[:start].strip() in article_text:
        return description  # a dateline or label the article keeps
    return description[start:]


def _cut_from_the_opening(description: str, opening: str | None) -> bool:
    """The opening paragraph's first few words, cut where the paragraph goes
    on, with no mark of the cut: the site's own truncation ('Unter diesem
    Motto findet am 14.' on the Piraten's page), or a quotation mark that
    ended the attribute early ('(Aug. 13) -- Declaring ' on AOL News). The
    paragraph, shortened, says what the description meant to. A longer
    description the opening goes on from is a standfirst the page repeats
    with its byline (the Guardian's), and stands. Words are counted where
    spaces part them."""
    if opening is None or _UNSPACED_SCRIPT.search(description):
        return False
    if len(description.split()) >= MIN_SUMMARY_WORDS:
        return False
    start = opening.find(description)
    return 0 <= start <= MAX_DATELINE_CHARS and len(opening) > start + len(description)


# Fewer words than this are no summary; a dateline ('WASHINGTON ') may come before the words.
MIN_SUMMARY_WORDS = 8
MAX_DATELINE_CHARS = 40


def _is_keyword_list(description: str) -> bool:
    """Words and short phrases parted by commas, no sentence: the story's
    keywords in its description (the Press-Enterprise's 'perris, police,
    exchange, thought, gunfire, …' after the headline), which tell a search
    engine what it is about and a reader nothing."""
    if _SENTENCE_END.search(description):
        return False
    items = [item.split() for item in _LIST_COMMA.split(description)]
    return len(items) >= MIN_KEYWORDS and all(0 < len(words) <= MAX_KEYWORD_WORDS for words in items)


_LIST_COMMA = re.compile(r"[,，、;]")
_SENTENCE_END = re.compile(r"[.!?。！？](?:\s|$)")
MIN_KEYWORDS = 5
MAX_KEYWORD_WORDS = 3


def _after_the_headline(description: str, title: str | None) -> str:
    """A description that opens with the headline and a separator before its
    summary ('短缺药品保供稳价 全力保障临床用药需求 ---记者17日从…', Xinhua):
    the summary."""
    if not title or not description.casefold().startswith(title.casefold()):
        return description
    separator = _HEADLINE_SEPARATOR.match(description, len(title))
    if separator is None or separator.end() == len(description):
        return description
    return description[separator.end() :]


def _after_the_byline(description: str, byline: str | None) -> str:
    """A description a plugin cut from the body's first words, its byline line
    first ('Von Gregory Lipinski Herr Vilanek, in Deutschland…', meedia.de):
    the words after the byline."""
    prefix_end = _byline_prefix_end(description)
    if not byline or prefix_end is None:
        return description
    rest = description[prefix_end:].lstrip()
    if not rest.startswith(byline) or not rest[len(byline) :].strip():
        return description
    return rest[len(byline) :].lstrip(" ,.;:–—-")


def _before_a_closing_byline(description: str, byline: str | None) -> str:
    """A description signed after a dash, perhaps with its section after
    another ('… top stocks to buy for 2015.  - Motley Fool Staff - Tech and
    Telecom', the Motley Fool): the summary before the signature."""
    if not byline:
        return description
    signature = re.search(
        rf"{_SPACED_DASH_OR_BAR}{re.escape(byline)}(?:{_SPACED_DASH_OR_BAR}.{{0,{MAX_SIGNED_SECTION_CHARS}}})?$",
        description,
    )
    if signature is None or len(description[: signature.start()].split()) < MIN_SUMMARY_WORDS:
        return description
    return description[: signature.start()]


MAX_SIGNED_SECTION_CHARS = 40


# A mark, not a space: 'Harbour gets a breakwater after the storms' goes on from the headline.
_HEADLINE_SEPARATOR = re.compile(r"\s*[-–—|:：]+\s*")


# Where a description is cut short: '...', '…', '(...)', '[…]'.
_CUT_MARK = re.compile(r"\s*(?:[(\[]\s*(?:\.{3}|…)\s*[)\]]|\.{3}|…)$")


def _plainly_cut(text: str) -> str:
    """A cut marked as a quotation's ('(...)', '[…]') marked as a cut: an
    ellipsis, or nothing after a whole sentence."""
    cut = _CUT_MARK.search(text)
    if cut is None or text.endswith(("...", "…")):
        return text
    shown = text[: cut.start()]
    return shown if shown.endswith((".", "!", "?", "。", "！", "？")) else shown + "…"


def _as_written(description: str, metadata: PageMetadata) -> str:
    """The description without what a template added: the site's name before a
    colon or dash ('JPNN.com : Anggota DPR…'), or the whole said twice
    (Nature's dc.description), the markup of one taken from the body
    ('<p><strong>Die Potenziale…', NWX's JSON-LD), and the link to the whole
    post after a cut ('… Read More')."""
    if "<" in description:
        # A block's or a break's tag parts words; an inline one ('<strong>') is inside them.
        text = _MARKUP_TAG.sub(lambda tag: " " if _BLOCK_TAG.match(tag[0]) else "", description)
        description = _clean(text)
    if (read_on := load_rules().read_on_tail.search(description)) is not None:
        # A template's link to the whole post after the cut ('… Read More "What we do"').
        description = description[: read_on.start()].rstrip(" [(") + "…"
    words = description.split()
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:]:
        description = " ".join(words[:half])
    label = _SITE_LABEL.match(description)
    if label is not None:
        names = site_host_names(host_labels(metadata.base_url, metadata.meta.get("og:url")))
        if label.group(2) == "|" or _comparable_name(label.group(1)).replace(" ", "") in names:
            # A bar parts a label from what follows, not words of a sentence
            # (PSL's 'Université | Le décret…', the section's name).
            description = description[label.end() :]
    if len(description) > MAX_DESCRIPTION_CHARS:
        # The whole article poured into the tag by a template (Drupal's
        # default summary on PSL, Orange's): shortened as the opening is.
        return _shortened(description)
    return description


# Readability.js's longest, an opening paragraph, has 1,031 characters.
MAX_DESCRIPTION_CHARS = 1200


def _shortened(text: str) -> str:
    return text if len(text) <= EXCERPT_CHARS else text[:EXCERPT_CHARS].rsplit(" ", 1)[0] + "…"


_MARKUP_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_BLOCK_TAG = re.compile(r"</?(?:p|br|div|li|ul|ol|h[1-6]|blockquote|tr|td)\b", re.IGNORECASE)
# A name of one or two words (a domain among them) before a colon or a dash.
_SITE_LABEL = re.compile(r"(\S+(?:\s\S+)?)\s*([:\-–—|])\s+(?=\w)")


def _signatures(content: HtmlElement, standfirst: str | None) -> Iterator[str | None]:
    """The names the article's text signs with, read one by one as needed."""
    yield signature_opening_the_article(content, standfirst)
    yield signature_closing_the_opening(content)
    yield signature_closing_the_article(content)


def signature_opening_the_article(content: HtmlElement, standfirst: str | None = None) -> str | None:
    """A line of a byline prefix and a name among the article's first lines
    ('Courtesy of Forests News', then 'Written by: Julie Mollins', The
    Planetary Press's reprints). The page's standfirst may come before it
    (meedia.de's teaser, then '<em>Von Gregory Lipinski</em>'): the text has
    not begun there."""
    teaser = squeezed(standfirst) if standfirst else None
    for line in itertools.islice(_line_texts(content.iter(*_LINE_TAGS)), SIGNED_OPENING_LINES):
        if teaser and squeezed(line) == teaser:
            continue
        if len(line) > MAX_SIGNATURE_CHARS:
            return None  # the text has begun: a credit below it is some other's
        if (name := _byline_line_name(line)) is not None:
            return name
    return None


SIGNED_OPENING_LINES = 3


def signature_closing_the_article(content: HtmlElement) -> str | None:
    """A line of a byline prefix and a name among the article's last lines
    ('Auteur : Kossivi Tiassou', then 'Edition : M-A. Pioerron', under
    Deutsche Welle's stories)."""
    last_first = reversed(list(content.iter(*_LINE_TAGS)))
    for line in itertools.islice(_line_texts(last_first), SIGNED_CLOSING_LINES):
        if len(line) <= MAX_SIGNATURE_CHARS and (name := _byline_line_name(line)) is not None:
            return name
    return None


def _line_texts(blocks: Iterable[HtmlElement]) -> Iterator[str]:
    """The texts of the blocks that hold no other line block, empty ones passed over."""
    for block in blocks:
        if next(block.iterdescendants(*_LINE_TAGS), None) is None and (text := _clean(block.text_content())):
            yield text


SIGNED_CLOSING_LINES = 3
_LINE_TAGS = ("p", "div", "li", "dd", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption")


def signature_closing_the_opening(content: HtmlElement) -> str | None:
    """The writer's name signing one of the article's opening paragraphs after
    its last sentence, as German teasers end ('… da sammeln sich auch die
    Geier. Von Armin Schwibach', kath.net, under a line of the story's meta
    data): read when nothing else names anyone."""
    for opening in itertools.islice(_opening_paragraphs(content), SIGNED_OPENINGS):
        last = _AFTER_LAST_SENTENCE.search(opening)
        if last is not None and len(last.group(1)) <= MAX_SIGNATURE_CHARS:
            name = _byline_line_name(last.group(1))
            if name is not None:
                return name
    return None


_AFTER_LAST_SENTENCE = re.compile(r"[.!?…»“”\"]\s+([^.!?…]+)$")
MAX_SIGNATURE_CHARS = 60
SIGNED_OPENINGS = 2


def _opening_paragraph(content: HtmlElement) -> str | None:
    return next(_opening_paragraphs(content), None)


def _opening_paragraphs(content: HtmlElement) -> Iterator[str]:
    """The texts of the article's paragraphs long enough to say something, in order."""
    for paragraph in content.iter("p"):
        text = _clean(text_without_annotations(paragraph))
        if len(text) >= MIN_OPENING_PARAGRAPH_CHARS and not _FACT_LINE.fullmatch(text):
            yield text


MIN_OPENING_PARAGRAPH_CHARS = 40
# A fact under its label, no sentence ('Blister’s Measured Tip-to-Tail Length:
# 184.1 cm' atop a ski review's specs, 'Cooking time: 45 minutes'): a line of
# a table of facts says nothing of the article.
_FACT_LINE = re.compile(r"[^.!?:：。]{1,60}[:：]\s*(?:[^.!?。]|\.(?=\d)){1,40}")


def _describes_the_site(description: str, metadata: PageMetadata, article_words: set[str]) -> bool:
    """A description that names the site by its host and says little else
    ('CARTA online' on carta.info), or the site's own blurb on every page
    ('Meet high-quality contents on KBS WORLD Radio in 11 languages, including
    news…' on a KBS story), most of whose words are not the article's. (Words
    of scripts without spaces are runs of letters: their blurbs are not judged.)"""
    words = _folded_words(description)
    hosts = host_labels(metadata.base_url, metadata.meta.get("og:url")) - _GENERIC_HOST_LABELS
    if not any(word in hosts for word in words):
        return False
    if len(words) < MIN_DESCRIPTION_WORDS:
        return True
    if _UNSPACED_SCRIPT.search(description):
        return False
    words = [word for word in words if len(word) >= MIN_DESCRIPTION_WORD_CHARS]
    return sum(word in article_words for word in words) < MIN_SITE_BLURB_SHARE * len(words)


# A summary that names its site still tells the article in half its words.
MIN_SITE_BLURB_SHARE = 0.5


def _tells_the_article(description: str, article_words: set[str], article_pairs: set[str]) -> bool:
    """A description in the article's own words. A site's tagline, or a theme's
    template that runs the site's name after a few words ('Την ενεργοποίηση των
    Sporades TV-ΣΚΙΑΘΟΣ, ΣΚΟΠΕΛΟΣ…'), shares few of them. Scripts without
    spaces between words are read by pairs of letters: Shanxi's government
    portal describes itself on every page ('山西省人民政府网是…'), sharing a
    tenth of its pairs with a story, where a summary shares half or more."""
    if not _long_enough_to_judge(description):
        return True
    if _UNSPACED_SCRIPT.search(description):
        pairs = _letter_pairs(description)
        return sum(pair in article_pairs for pair in pairs) >= MIN_DESCRIPTION_SHARE * len(pairs)
    words = _description_words(description)
    return sum(word in article_words for word in words) >= MIN_DESCRIPTION_SHARE * len(words)


def _shares_a_word(description: str, article_words: set[str]) -> bool:
    return _UNSPACED_SCRIPT.search(description) is not None or any(
        word in article_words for word in _description_words(description)
    )


def _long_enough_to_judge(description: str) -> bool:
    if _UNSPACED_SCRIPT.search(description):
        return len(_letter_pairs(description)) >= MIN_DESCRIPTION_WORDS
    return len(_description_words(description)) >= MIN_DESCRIPTION_WORDS


def _description_words(description: str) -> list[str]:
    return [word for word in _folded_words(description) if len(word) >= MIN_DESCRIPTION_WORD_CHARS]


def _letter_pairs(text: str) -> set[str]:
    """Each two letters in a row, within a run of letters."""
    return {run[i : i + 2] for run in WORD_RUN.findall(text.casefold()) for i in range(len(run) - 1)}


def _folded_words(text: str) -> list[str]:
    """Words without case or accents, so that 'KALIYOR' is 'kalıyor' and the
    Devanagari vowel signs stay inside their words."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ı", "i"))
    return WORD_RUN.findall(COMBINING_MARK.sub("", decomposed))


MIN_DESCRIPTION_WORD_CHARS = 4
# Korean parts its words with spaces but joins its particles to them ('서울에서'
# is 'in Seoul'): a description's words seldom meet the article's whole.
_UNSPACED_SCRIPT = re.compile(f"[{UNSPACED_LETTERS}{HANGUL_SYLLABLES}]")
MIN_DESCRIPTION_WORDS = 5
MIN_DESCRIPTION_SHARE = 0.3


# --- lead image ---------------------------------------------------------------------


def image_key(url: str) -> str:
    """What stays the same across a CMS's resized copies of one image:
    the path without size suffixes, extension or query. The ARD broadcasters'
    CMS names each rendition after a '_v-' ('drosten152_v-contentxl.jpg',
    'drosten152_v-einspaltig.jpg'); others mark a size with a letter or two
    (Impress Watch's 'a30tm1_s.jpg', Flickr's '_m', Bootstrap's '-lg'). An
    image CDN may sign each rendition with a hash of its own after the name
    (heise's 'A192528_large_Audi-3-700-86e317e6b44fd5cf.jpeg'): a name long
    enough to tell pictures apart loses it."""
    try:
        path = urlsplit(url).path
    except ValueError:
        path = url
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
    signed = _RENDITION_HASH.search(stem)
    if signed is not None and signed.start() >= MIN_NAME_BEFORE_HASH:
        stem = stem[: signed.start()]
    return re.sub(
        r"(-|_)?(\d{2,5}x\d{2,5}|scaled|large|medium|small|thumb(nail)?)$|_v-[a-z0-9]+$|[-_](?:[smlt]|xs|sm|md|lg|xl)$",
        "",
        stem,
    )


# Hex with a digit and a letter, so that a date or a word is no hash.
_RENDITION_HASH = re.compile(r"[-_.](?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{8,40}$")
MIN_NAME_BEFORE_HASH = 8


def _img_urls(img: HtmlElement) -> list[str]:
    urls = [img.get("src") or ""]
    urls.extend(url for url, _ in parse_srcset(img.get("srcset") or ""))
    return [u for u in urls if u]


def _caption_of(img: HtmlElement) -> tuple[HtmlElement, str]:
    """The element that shows this image (its figure, if any) and its caption."""
    for ancestor in img.iterancestors():
        if ancestor.tag == "figure":
            return ancestor, _figure_caption(ancestor)
        if ancestor.tag not in {"a", "picture", "span", "div", "p"}:
            break
        text = _clean(ancestor.text_content())
        figure = next(ancestor.iterancestors("figure"), None)
        if text and figure is not None and len(figure.findall(".//img")) == 1:
            # The picture's wrapper holds its credit beside it, in the figure
            # (BBC's span.story-image-copyright, on every language service).
            return figure, _figure_caption(figure)
        # A <figcaption> in a <div> that stands for the figure (Infobae's).
        caption = ancestor.find("figcaption")
        if (
            caption is not None
            and text == _clean(caption.text_content())
            and len(ancestor.findall(".//img")) == 1
        ):
            return ancestor, _caption_text(caption)
        if text:
            break
    return img, ""


def _figure_caption(figure: HtmlElement) -> str:
    """The figure's caption, and the credit it sets outside the caption (beside
    the picture, above the caption) after it, as a caption's own credit reads."""
    caption = figure.find(".//figcaption")
    text = _caption_text(caption) if caption is not None else ""
    credit = _clean(
        " ".join(
            piece for piece in figure.xpath(".//text()[not(ancestor::figcaption)]") if isinstance(piece, str)
        )
    )
    if credit and len(credit) <= MAX_FIGURE_CREDIT_CHARS and credit not in text:
        return f"{text} {credit}".strip()
    return text


# Longer text in a figure than a credit is the figure's own (a quote, a chart's note).
MAX_FIGURE_CREDIT_CHARS = 80


def _caption_text(caption: HtmlElement) -> str:
    """A caption's words, a line break read as a space: the credit is often
    set on a line of its own ('Arbeitswelt.<br><span>Foto: …</span>', ChannelPartner)."""
    return _clean(" ".join(lines_between_breaks(caption)))


def _content_image_size(img: HtmlElement) -> int | None:
    width, height = declared_side(img, "width"), declared_side(img, "height")
    srcset_widths = [w for _, w in parse_srcset(img.get("srcset") or "") if w > 10]
    if width is None and srcset_widths:
        width = int(max(srcset_widths))
    if width is None and height is None:
        return None
    return min(side for side in (width, height) if side is not None)


def _opening_images(content: HtmlElement) -> list[HtmlElement]:
    """Images before the first section heading and the third paragraph: a
    picture further down illustrates its section, and stays there."""
    images: list[HtmlElement] = []
    paragraphs = 0
    for element in content.iter("img", "p", "h2", "h3", "h4", "h5", "h6"):
        if element.tag == "img":
            images.append(element)
        elif element.tag == "p":
            paragraphs += len(element.text_content()) > 40
            if paragraphs >= OPENING_PARAGRAPHS:
                break
        else:
            break
    return images


def _is_site_picture(url: str, site_labels: set[str], page_url: str | None = None) -> bool:
    """An image named after the site ('habr.png' on habr.com, 'example-og-1200x630.jpg'
    on example.org, 'df-wide-card.png' on Daring Fireball), or only with words
    every page could share ('banner.png') outside the article's own folder: the
    picture every page of the site shares, not the story's."""
    path = urlsplit(url).path
    stem = path.rpartition("/")[2].rpartition(".")[0].casefold()
    # A build's fingerprint for caching after a dot ('mozilla-256.4720741d4108.jpg',
    # Django's and webpack's) names no picture; a hash in the name may be the picture's own.
    stem = _FINGERPRINT.sub("", stem)
    name, *rest = re.split(r"[-_.]+", stem) or [""]
    if name in site_labels and all(part in _SITE_PICTURE_WORDS or _SIZE.fullmatch(part) for part in rest):
        return True
    parts = [name, *rest]
    return (
        all(part in _SITE_PICTURE_WORDS or _SIZE.fullmatch(part) for part in parts)
        and any(part in _SITE_CARD_WORDS for part in parts)
        and _is_site_folder(path, urlsplit(page_url or "").path)
    )


_FINGERPRINT = re.compile(r"\.(?=[a-f]*\d)(?=\d*[a-f])[0-9a-f]{8,}$")  # hex digits, some of each kind


def _is_site_folder(image_path: str, page_path: str) -> bool:
    """A folder of the site's own pictures ('/images/', '/assets/img/'). Not one
    dated or numbered for an upload ('/2019/04/mr1/facebook.jpg': CityLab's
    card of one story), nor one of the page's address ('/posts/buy-wisely/')."""
    folders = [folder.casefold() for folder in image_path.split("/")[:-1] if folder]
    if len(folders) > MAX_SITE_FOLDER_DEPTH or any(character.isdigit() for character in "".join(folders)):
        return False
    return not any(segment.casefold() in folders for segment in page_path.split("/") if segment)


MAX_SITE_FOLDER_DEPTH = 3


def _site_initials(site_name: str | None) -> set[str]:
    """'Daring Fireball' -> {'df'}: a site's pictures are often named with them."""
    words = [word for word in re.split(r"[\W_]+", site_name or "") if word]
    return {"".join(word[0] for word in words).casefold()} if len(words) >= 2 else set()


_SITE_CARD_WORDS = frozenset(
    {"og", "opengraph", "share", "social", "default", "fb", "facebook", "twitter", "card", "banner", "logo"}
)
_SITE_PICTURE_WORDS = _SITE_CARD_WORDS | {"preview", "image", "img", "wide"}
_SIZE = re.compile(r"\d+(?:x\d+)?")


def choose_lead_image(metadata: PageMetadata, content: HtmlElement) -> LeadImage | None:
    images_in_body = [img for img in content.iter("img") if _img_urls(img)]
    site_labels = host_labels(metadata.base_url, metadata.meta.get("og:url")) - _GENERIC_HOST_LABELS
    site_labels |= _site_initials(metadata.meta.get("og:site_name"))
    for declared in metadata.declared_images:
        if not is_plausible_photo(declared.url):
            continue
        if _is_site_picture(declared.url, site_labels, metadata.base_url):
            continue
        declared = _widest_declared_rendition(declared, metadata.declared_images)
        if declared.width and declared.width < MIN_LEAD_IMAGE_SIDE:
            continue
        key = image_key(declared.url)
        match = next(
            (img for img in images_in_body if any(image_key(u) == key for u in _img_urls(img))), None
        )
        if match is None and (hero := _hero_picture(content, metadata.standfirst)) is not None:
            if not any(_named_alike(declared.url, url) for url in _img_urls(hero)):
                # The page shows another picture under its headline than the
                # one it declares for sharing (a card, a crop): the reader sees
                # the page's own, with its caption, and not the two.
                return _lead_from_body(hero)
            # A rendition of the declared picture ('13SUDAN-1-master768.jpg'
            # for '13SUDAN-1-facebookJumbo.jpg'): shown once, with its caption.
            match = hero
        url, alt, width, height = declared.url, declared.alt, declared.width, declared.height
        caption = _page_caption_of(declared, metadata, content) if match is None else ""
        if match is not None:
            shown, caption = _caption_of(match)
            alt = alt or _clean(match.get("alt"))
            if _shown_wider(match, declared.url):
                # The card's thumbnail ('…-pm.png?w=150') of a picture the page shows wider.
                url, width, height = largest_rendition(match)
            elif not (width or height):  # both sides from one rendition, never one of each
                width, height = int_attribute(match, "width"), int_attribute(match, "height")
            if shown.getparent() is not None:
                # An empty figure left behind is a gap above the first paragraph (Nature's
                # '<figure><div class="embed"><img><figcaption>').
                _drop_with_empty_wrappers(shown)
        return LeadImage(url=url, alt=spoken_alt(alt, url), caption=caption, width=width, height=height)
    for img in _opening_images(content):
        if _may_lead(img):
            return _lead_from_body(img)
    return None


def _page_caption_of(declared: DeclaredImage, metadata: PageMetadata, content: HtmlElement) -> str:
    """The caption of the page's figure that shows the declared picture, where
    the figure is not in the extracted body (a hero figure in the header): by
    its address, or by another declared address of it ('…_article_main.jpg'
    shared, '…_1200w.jpg' declared in JSON-LD and shown). A name too short to
    tell pictures apart ('lead_large.jpg', '1200x675') matches none."""
    keys = {image_key(declared.url)} | {
        image_key(other.url)
        for other in metadata.declared_images
        if other.source != "hero" and _named_alike(declared.url, other.url)
    }
    keys = {key for key in keys if len(key) >= MIN_CAPTION_KEY_CHARS}
    caption = next(
        (
            caption
            for addresses, caption in metadata.figure_captions
            if any(image_key(address) in keys for address in addresses)
        ),
        "",
    )
    # Read once: a caption the body shows (under another copy of the picture) is not repeated.
    return "" if caption and caption in _clean(content.text_content()) else caption


MIN_CAPTION_KEY_CHARS = 6


def _widest_declared_rendition(declared: DeclaredImage, others: list[DeclaredImage]) -> DeclaredImage:
    """A wider declared copy of a picture whose address names a width too
    narrow for the reader's column: the Daily Star shares '…/173x216/180904.jpg'
    on Facebook and '…/620x/180904.jpg' on Twitter. A copy wide enough stays as
    declared: a wider one may be another crop ('1200x630' beside '1400x1400')."""
    width = width_in_address(declared.url)
    if width is None or width >= MIN_COLUMN_WIDE_LEAD:
        return declared
    key = image_key(declared.url)
    for other in others:
        other_width = width_in_address(other.url)
        if other_width is not None and other_width > width and image_key(other.url) == key:
            alt, width = declared.alt or other.alt, other_width
            declared = DeclaredImage(other.url, other.width, other.height, alt, other.source)
    return declared


MIN_COLUMN_WIDE_LEAD = 600


def _shown_wider(img: HtmlElement, declared_url: str) -> bool:
    """The body shows the declared picture wider than the declared copy's
    address says it is, and that is too narrow for the column."""
    declared_width = width_in_address(declared_url)
    if declared_width is None or declared_width >= MIN_COLUMN_WIDE_LEAD:
        return False
    shown_url, shown_width, _ = largest_rendition(img)
    shown_width = shown_width or width_in_address(shown_url)
    return shown_width is not None and shown_width > declared_width


def _may_lead(img: HtmlElement) -> bool:
    """A photo large enough to head the article. A GIF or SVG of unknown size
    is most often a spacer or an icon, unless its alt text describes a picture."""
    src = img.get("src") or ""
    size = _content_image_size(img)
    if not is_plausible_photo(src) or (size is not None and size < MIN_CONTENT_IMAGE_SIDE):
        return False
    if is_text_sized(img):
        return False
    if size is None and re.search(r"\.(gif|svg)(\?|$)", src, re.I):
        return approximate_words(img.get("alt") or "") >= MIN_DESCRIBING_ALT_WORDS
    return True


MIN_DESCRIBING_ALT_WORDS = 3


def _lead_from_body(img: HtmlElement) -> LeadImage:
    """The body's picture as the lead image, taken out of the body with its figure."""
    shown, caption = _caption_of(img)
    url, width, height = largest_rendition(img)
    alt = spoken_alt(_clean(img.get("alt")), url)
    lead = LeadImage(url=url, alt=alt, caption=caption, width=width, height=height)
    if shown.getparent() is not None:
        shown.drop_tree()
    return lead


def _hero_picture(content: HtmlElement, standfirst: str | None) -> HtmlElement | None:
    """The picture that opens the body, before its first paragraph (the
    standfirst aside), alone in its figure: the picture the page shows under
    its headline."""
    standfirst_words = _comparable(standfirst) if standfirst else None
    for element in content.iter("img", *_TEXT_BLOCKS):
        if element.tag != "img":
            text = _comparable(element.text_content())
            if text and text != standfirst_words:
                return None
            continue
        if not _may_lead(element) or _is_small_square(element):
            return None
        shown, _ = _caption_of(element)
        alone = shown is element or len(shown.findall(".//img")) == 1
        return element if alone and not _in_a_box_of_its_own(shown, content) else None
    return None


def _in_a_box_of_its_own(shown: HtmlElement, content: HtmlElement) -> bool:
    """The picture sits in a box with other text, not among the article's
    paragraphs: a magazine's cover beside the issue's blurb (heise's 'Dieser
    Beitrag stammt aus Ausgabe 7/2019 …'), no picture of the article. The
    first wrapper around it with other text tells: the article's flow holds
    paragraphs of prose."""
    own_text = _clean(shown.text_content())
    for ancestor in shown.iterancestors():
        if ancestor is content:
            return False
        if _clean(ancestor.text_content()) == own_text:
            continue
        prose = sum(
            len(_clean(p.text_content())) >= MIN_PROSE_CHARS
            for p in ancestor.iter("p")
            if not any(a is shown for a in p.iterancestors())
        )
        return prose < MIN_FLOW_PARAGRAPHS
    return False


MIN_PROSE_CHARS = 80
MIN_FLOW_PARAGRAPHS = 2


def _is_small_square(img: HtmlElement) -> bool:
    """Declared no wider nor taller than an author's picture at the top of a post:
    not the picture the page shows under its headline."""
    longest = _longest_declared_side(img)
    return longest is not None and longest < MIN_LEAD_IMAGE_SIDE


def _longest_declared_side(img: HtmlElement) -> int | None:
    sides = [side for side in (declared_side(img, "width"), declared_side(img, "height")) if side]
    return max(sides) if sides else None


def _named_alike(address: str, other: str) -> bool:
    """Two files named alike up to a separator, as a CMS names the renditions
    of one picture ('16864611_304.jpg', '16864611_303.jpg';
    'db-dealprof-facebookJumbo.jpg', 'db-dealprof-master315.jpg'): a few
    letters more than a camera's 'IMG_' or 'DSC_'."""
    pairs = zip(_file_stem(address), _file_stem(other), strict=False)
    shared = "".join(a for a, _ in itertools.takewhile(lambda pair: pair[0] == pair[1], pairs))
    named = shared[: max(shared.rfind(mark) for mark in "-_.")]
    return sum(character.isalnum() for character in named) >= MIN_SHARED_NAME_CHARS


MIN_SHARED_NAME_CHARS = 5


def _file_stem(address: str) -> str:
    try:
        path = urlsplit(address).path
    except ValueError:
        path = address
    return path.rpartition("/")[2].rpartition(".")[0].casefold()


_TEXT_BLOCKS = ("p", "li", "blockquote", "pre", "table", "h1", "h2", "h3", "h4", "h5", "h6")


def _blocks_with_text(content: HtmlElement) -> Iterator[HtmlElement]:
    """The body's blocks of text that say something, in order."""
    return (block for block in content.iter(*_TEXT_BLOCKS) if _clean(block.text_content()))
