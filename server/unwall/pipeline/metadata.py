"""Part of stage 5 (enrich), run right after parsing: read what the page says
about itself (meta tags, JSON-LD, `<title>`, `<h1>`, bylines, `<time>`) before
stripping takes the evidence away. Pure reading; the tree is not changed."""

from __future__ import annotations

import copy
import html
import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from unwall.pipeline.language import approximate_words
from unwall.pipeline.normalize import (
    LINE_BREAK,
    declared_side,
    element_right_before,
    is_hidden,
    is_plausible_photo,
    is_text_sized,
    largest_rendition,
    links_elsewhere,
    parse_srcset,
    text_without_annotations,
    tidy_caption_parts,
    width_in_address,
)
from unwall.rules import (
    CAMEL_CASE_BOUNDARY,
    byline_prefix_pattern,
    element_name_runs,
    is_screen_reader_text,
    line_label_form,
    load_rules,
)
from unwall.writing_systems import UNSPACED_LETTERS

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
# With their plurals: SPIP's span.auteurs ('par <span class="auteurs">Didier Roy</span>');
# 'firma', the signature in Spanish and Italian (El Mundo's p.firma).
_BYLINE_CLASS_WORDS = "bylines?|authors?|autor(?:e|en|es|i)?|auteurs?|writers?|creators?|signature|firmas?"
BYLINE_CLASS = re.compile(rf"(^|[-_ ])({_BYLINE_CLASS_WORDS})([-_ ]|$)", re.I)
# BYLINE_CLASS's words anywhere: a quick first look at a class or id value.
BYLINE_WORDS = re.compile(_BYLINE_CLASS_WORDS, re.I)
# `follow`: a "follow this author" widget lists other people's names and posts;
# `note`: an author's note is text by the author, not their name. Blogger's
# themes name every line of a post's details 'byline' ('byline post-location',
# 'post-labels', 'post-timestamp', 'post-icons'): only the author's names one.
# Those words end a name; Drupal's 'field-label-hidden' names an author's field.
NOT_BYLINE_CLASS = re.compile(
    r"comment|avatar|bio|box|related|photo|image|img|date|social|share|follow|note|"
    r"(?:location|labels?|timestamp|icons?)(?![^\s])",
    re.I,
)
# A standfirst (dek, chapô) often sits in the article header, outside the body
# that extraction keeps. Named in the newsroom's own language too: perex (Czech,
# Slovak), ingress (Scandinavian, Finnish 'ingressi'), Vorspann (German),
# entradilla, sumario, bajada and copete (Spanish), sommario (Italian), linha fina
# (Portuguese), subtítulo (Spanish, Portuguese: Campo Grande News' p.SubTitulo),
# sottotitolo (Italian), spot (Turkish: a news CMS's div.spot under the <h1>).
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
        "perex",
        "ingress",
        "ingressi",
        "sumario",
        "bajada",
        "copete",
        "sommario",
        "linha-fina",
        "subtitulo",
        "sub-titulo",
        "sottotitolo",
        "spot",
    }
)
# The opening picture comes right after the headline, before any section.
HERO_SEARCH_ELEMENTS = 8
SECTION_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
# Smaller declared sizes are avatars, icons and badges; unknown sizes pass.
HERO_MIN_WIDTH = 200
HERO_MIN_HEIGHT = 100
# Dates and bylines from these regions belong to other items, never to the article
# ('events': a calendar of coming events beside it, each with its date).
FOREIGN_REGION = re.compile(r"comment|related|recommend|sidebar|teaser|more-|footer|nav|events", re.I)
FOREIGN_TAGS = frozenset({"aside", "footer", "nav"})
# A quoted post keeps its own time: Instagram's and Mastodon's embeds are a
# <blockquote> that ends with when the post was made. Dates and the lines
# around the headline are not read there.
DATE_FOREIGN_TAGS = FOREIGN_TAGS | {"blockquote"}
# The article's own footer (WordPress's footer.entry-footer, article_footer,
# Movable Type's asset-footer: its templates call an entry an asset) holds
# its date and author, not another page's.
ARTICLE_FOOTER = re.compile(r"(?<![^\W_])(?:article|entry|post|story|asset)[-_]?footer(?![^\W_])", re.I)
# Blogs put the post's own byline in an <aside> of meta data as often as in its header.
FOREIGN_TAGS_FOR_BYLINES = frozenset({"footer", "nav"})
# Metadata is read before stripping, so a consent dialog is still in the tree:
# its summary text must never become the article's standfirst or byline.
CONSENT_REGION = re.compile(r"consent|cookie|gdpr|(^|[\W_])cmp\d*([\W_]|$)", re.I)
DIALOG_ROLES = frozenset({"dialog", "alertdialog"})
# Inside a byline box, the element that holds the name alone (hCard, microdata).
BYLINE_NAME_PATHS = (
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' fn ')]",
    ".//*[@itemprop='name']",
)
# Parts of a byline box that are not the name: when, where, the author's job, links to follow.
NOT_NAME_PART = re.compile(
    r"date|time|ago|publish|updated|dateline|role|job|position|title|bio|follow|twitter|social|share|email|avatar|photo|image",
    re.I,
)
MAX_BYLINE_CHARS = 100
NOT_NAME_TAGS = frozenset(
    {"time", "img", "svg", "button", "script", "style", "noscript", "figure", "picture"}
)
# Class and id names of the box that shows the site's name (WordPress themes:
# site-title, site-branding; blogs: blog-title, blogname).
SITE_IDENTITY_NAMES = frozenset(
    {"site-title", "site-name", "sitename", "site-logo", "logo", "site-branding", "branding"}
    | {"blog-title", "blogname"}
)
# A headline is a few words at least.
MIN_HEADLINE_WORDS = 3
# A site's name is a few words; more is a headline however the heading is marked.
MAX_SITE_NAME_WORDS = 8
# The paths of a site's front page.
FRONT_PAGE_PATHS = frozenset({"", "/", "./", "/index.html", "/index.htm", "/index.php"})
# The marks a sentence ends with, closing quotes included, in the scripts of
# the languages Unwall reads.
SENTENCE_ENDINGS = (".", "!", "?", "…", "»", "”", '"', "。", "！", "？", "؟", "।")
# How much text may lie between the headline and its standfirst: a byline, a
# date, share labels and a breadcrumb, not an article.
STANDFIRST_MAX_DISTANCE_CHARS = 600
CAPTION_NAME = re.compile(r"caption|credit", re.I)
# A block holding a picture or a player is a lead asset, its text a caption.
NOT_IN_STANDFIRST_TAGS = ("figure", "figcaption", "img", "picture", "video", "iframe")
INVISIBLE_TEXT_TAGS = frozenset({"script", "style", "noscript", "template"})
# Meta tags that name the author (enrich reads them in its own order of trust).
AUTHOR_META_KEYS = (
    "dc:creator",
    "dcterm:creator",
    "dcterms:creator",
    "author",
    "parsely-author",
    "article:author",
    "og:article:author",
    "sailthru:author",
)
# Meta tags that give the publication date, most specific first. The later
# ones are vendors' and older CMSs' names (Politico's publish_date,
# BusinessWeek's pub_date, Google Scholar's citation_publication_date), as
# htmldate's list of date attributes also names them.
PUBLISHED_META_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "dcterms.date",
    "pubdate",
    "publish-date",
    "publish_date",
    "published-date",
    "date_published",
    "publication_date",
    "publishdate",
    "pub_date",
    "og:published_time",
    "article:published",
    "article.published",
    "citation_publication_date",
    "citation_date",
    "originalpublicationdate",
    "date",
)
# Language declarations in meta tags, most specific first.
LANGUAGE_META_KEYS = (
    "content-language",
    "dc.language",
    "dcterms.language",
    "og:locale",
    "language",
)


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
    # The site's name set as an <h1> ('<h1 class="site-title">').
    site_heading: str | None = None
    # The article's <h1>, when the page's titles repeat it: where the article
    # begins (strip tells other stories on the page by it).
    titled_headline: HtmlElement | None = None
    # The short line set right above that headline (a topic's label, 'Diplomatie').
    headline_kicker: str = ""
    # The first two <h2> texts: a page titled only with its site's name and
    # one <h2> gives its article's heading there.
    h2_texts: list[str] = field(default_factory=list)
    byline_texts: list[str] = field(default_factory=list)
    time_values: list[str] = field(default_factory=list)
    # Short lines around the headline, where a page without a declared date
    # or byline writes them ('11.05.2012, 10:22 von Stefan', 'jeudi 13 juin 2019').
    header_lines: list[str] = field(default_factory=list)
    # The text of the post's own footer, where old blog themes tell when it
    # was written ('This entry was posted on Monday, December 14th, 2015 …').
    footer_lines: list[str] = field(default_factory=list)
    # The page's lists of facts, each a list of (label, value) pairs as the
    # page writes them: '<li><strong>Date</strong> 19.01.2020</li>
    # <li><strong>Author</strong> Ben Knight</li>' beside Deutsche Welle's stories.
    fact_lists: list[list[tuple[str, str]]] = field(default_factory=list)
    # Lines around the headline that tell a clock time, read where the page
    # declares its date in UTC: the page's own zone shows there ('3/5/2022
    # 22:41' on El Deber, which declares 'Wed, 04 May 2022 02:41:00 GMT').
    shown_times: list[str] = field(default_factory=list)
    lang: str | None = None
    dir: str | None = None
    declared_images: list[DeclaredImage] = field(default_factory=list)
    # The pictures the page shows in its figures, read before stripping: their
    # addresses and caption ('…_1200w.jpg', 'Predio fumigado… Foto: Ricardo Correa').
    figure_captions: list[tuple[tuple[str, ...], str]] = field(default_factory=list)
    base_url: str | None = None
    standfirst: str | None = None
    # The box the standfirst was read from: stripped as a promo, it was a
    # pitch set as one ('cron.weekly is a newsletter… Subscribe below!').
    standfirst_box: HtmlElement | None = None


def collect_metadata(root: HtmlElement, base_url: str | None) -> PageMetadata:
    metadata = PageMetadata(base_url=base_url)
    metadata.meta = _with_parsely_page(_meta_tags(root))
    metadata.json_ld = [*_json_ld_objects(root), *_distill_front_matter(root)]
    title = root.find(".//title")
    metadata.document_title = _clean(title.text_content()) if title is not None else ""
    # The site's name set as an <h1> is no title candidate: the <title> and
    # the declared titles name the article better.
    headings = list(itertools.islice(root.iter("h1"), 5))
    site_named = frozenset(h1 for h1 in headings if _names_the_site(h1))
    metadata.h1_texts = [_clean(text_without_annotations(h1)) for h1 in headings if h1 not in site_named]
    metadata.site_heading = _site_heading(headings)
    metadata.h2_texts = [text for text in (_clean(h2.text_content()) for h2 in root.iter("h2")) if text][:2]
    titles = [_clean(t).casefold() for t in (metadata.meta.get("og:title"), metadata.document_title) if t]
    titles = [title for title in titles if title]  # an empty title is in every text
    headline = _headline(headings, site_named, titles)
    if (
        headline is None
        or headline in site_named
        or not _in_titles(_clean(headline.text_content()).casefold(), titles)
    ):
        # No <h1>, the site's name in one (Qdaily's hidden h1), or one the
        # titles do not repeat (a section's, 'love-hina.ch News - News-Archiv'):
        # the headline may be shown as another block.
        shown = _shown_headline(root, metadata.document_title, site_named)
        if shown is not None:
            metadata.h1_texts.append(_clean(text_without_annotations(shown)))
            # The site's name is no headline to read the story's date and byline around.
            headline = shown if headline is None or headline in site_named else headline
    # A live blog's entries may each have an <h1>, a time and a byline: they are
    # its article, not stories appended after it.
    if headline is not None and _repeats_a_title(headline, titles) and not _is_live_blog(metadata):
        metadata.titled_headline = headline
        metadata.headline_kicker = _line_right_above(headline)
    # A region named like a sidebar or a footer that holds the headline is the
    # article's own layout (WordPress themes that call the main column 'sidebar').
    article_regions = frozenset(headline.iterancestors()) if headline is not None else frozenset()
    metadata.byline_texts = _byline_texts(root, article_regions, _headline_words(headline))
    declares_a_date = _declares_a_date(metadata)
    time_elements = _time_elements(root, article_regions)
    metadata.time_values = _time_values(root, time_elements, declares_a_date, article_regions)
    # Read only where the page declares no date or names no author otherwise.
    if headline is not None and (
        not (declares_a_date or metadata.time_values)
        or not (metadata.byline_texts or _declares_an_author(metadata))
    ):
        metadata.header_lines = _lines_around(headline, article_regions)
    if not (declares_a_date or metadata.time_values):
        metadata.footer_lines = _post_footer_lines(root, article_regions)
    metadata.fact_lists = _fact_lists(root, article_regions)
    if headline is not None and _declares_a_utc_time(metadata):
        lines = metadata.header_lines or _lines_around(headline, article_regions)
        timed_lines = [line for line in lines if CLOCK_TIME.search(line)]
        metadata.shown_times = timed_lines + _time_texts(time_elements)
    metadata.lang = _lang(root, metadata.meta) or _json_ld_language(metadata)
    metadata.dir = _dir(root)
    metadata.declared_images = _declared_images(root, metadata, base_url) + _hero_images(root, base_url)
    metadata.figure_captions = _figure_captions(root, base_url)
    subtitle = _subtitle_heading(headline) if headline is not None and headline not in site_named else None
    metadata.standfirst_box, metadata.standfirst = _standfirst(root)
    metadata.standfirst = metadata.standfirst or subtitle
    if metadata.standfirst is None and headline is not None:
        description = metadata.meta.get("description") or metadata.meta.get("og:description")
        metadata.standfirst = _described_opening(headline, description)
    return metadata


def _described_opening(headline: HtmlElement, description: str | None) -> str | None:
    """The first paragraph under the headline, when the page's description
    opens with its words: the story's opening, whatever box it sits in. A CMS
    may set it apart from the rest (TYPO3's content elements on
    demokratiewebstatt.at: the <h1> and its first paragraph in one <article>,
    the text in the next), and the extracted body may leave it behind."""
    if not description:
        return None
    for element, _ in _following(headline, STANDFIRST_MAX_DISTANCE_CHARS):
        if element.tag != "p":
            continue
        text = _clean(_visible_text(element))
        if len(text) < MIN_DESCRIBED_OPENING_CHARS:
            continue
        return text if squeezed(description).startswith(squeezed(text)) else None
    return None


MIN_DESCRIBED_OPENING_CHARS = 40


def squeezed(text: str) -> str:
    """The text's letters and digits alone, in lower case: how two copies of
    a text compare whatever their spacing and punctuation."""
    return re.sub(r"[\W_]+", "", text.lower())


def _subtitle_heading(headline: HtmlElement) -> str | None:
    """A standfirst set as the heading right under the headline ('<h1>Tapie,
    Mougeotte et La Provence…</h1><h2>L'ex-président de l'OM … en dégager la
    signification.</h2>'): written as sentences, where a section heading is a
    few words without a full stop."""
    subtitle = headline.getnext()
    if subtitle is None or subtitle.tag not in {"h2", "h3"}:
        return None
    text = _clean(_visible_text(subtitle))
    links = sum(len(_clean(a.text_content())) for a in subtitle.iter("a"))
    if not 40 <= len(text) <= 700 or links >= 0.3 * len(text) or len(text.split()) < 6:
        return None
    if not text.endswith(SENTENCE_ENDINGS) or _cannot_open_the_story(subtitle):
        return None
    return text


def _standfirst(root: HtmlElement) -> tuple[HtmlElement | None, str | None]:
    headings = list(root.iter("h1"))[:3]
    # iter() walks in document order; an XPath union of the same would sort
    # its merged node sets, which grows quadratically on large pages.
    for element in root.iter(*_STANDFIRST_TAGS):
        names = element.get("class")  # (most elements have none: the cheap look first)
        if not names or STANDFIRST_NAMES.isdisjoint(element_name_runs(element)):
            continue
        if (text := _standfirst_text(element)) is None:
            continue
        if headings and not any(_in_header_of(heading, element) for heading in headings):
            continue
        if _cannot_open_the_story(element) or any(True for _ in element.iter(*NOT_IN_STANDFIRST_TAGS)):
            continue
        if not _inside_foreign_region(element) and not _inside_consent_dialog(element):
            return element, _inner_standfirst(element) or text
    return None, None


def _inner_standfirst(box: HtmlElement) -> str | None:
    """A lead box may hold the standfirst beside an aside of its own
    ('Themenseiten zu diesem Artikel: …', HORIZONT): the innermost standfirst
    in it is the text."""
    inner = [d for d in box.iterdescendants(*_STANDFIRST_TAGS) if _is_standfirst(d)]
    innermost = (
        d for d in inner if not any(other in inner for other in d.iterdescendants(*_STANDFIRST_TAGS))
    )
    return next((_standfirst_text(d) for d in innermost), None)


def _is_standfirst(element: HtmlElement) -> bool:
    return (
        _named_standfirst(element)
        and _standfirst_text(element) is not None
        and not _cannot_open_the_story(element)
    )


_STANDFIRST_TAGS = ("p", "div", "h2", "span")


def _named_standfirst(element: HtmlElement) -> bool:
    return bool(element.get("class")) and not STANDFIRST_NAMES.isdisjoint(element_name_runs(element))


def _standfirst_text(element: HtmlElement) -> str | None:
    """The text of a standfirst: a sentence or a few, mostly not links. A list
    of points (El Mundo's 'subtitulo') keeps a line for each point. A date
    set inside it is no word of it (National Geographic UK's deck ends with
    its span.ngart-hl__date 'Monday, 6 January 2020', run into the sentence)."""
    element = _without_dates(element)
    text = _clean(_visible_text(element))
    links = sum(len(_clean(a.text_content())) for a in element.iter("a"))
    if not (40 <= len(text) <= 700 and links < 0.3 * len(text)):
        return None
    points = [point for point in (_clean(_visible_text(item)) for item in element.iter("li")) if point]
    # Every word inside a point: no word of the box outside its list.
    if len(points) >= 2 and "".join("".join(points).split()) == "".join(text.split()):
        return "\n".join(points)
    return text


def _without_dates(element: HtmlElement) -> HtmlElement:
    """The element, or a copy of it without the <time> and date-named
    elements inside it."""
    if not any(_names_a_date(inner) for inner in element.iterdescendants()):
        return element
    copy_of_it = copy.deepcopy(element)
    for inner in list(copy_of_it.iterdescendants()):
        if _names_a_date(inner):
            inner.drop_tree()  # its tail stays
    return copy_of_it


def _names_a_date(element: HtmlElement) -> bool:
    if element.tag == "time":
        return True
    return bool(element.get("class")) and not DATE_NAMES.isdisjoint(element_name_runs(element))


# A class name's part that names a date ('ngart-hl__date', 'article-date', 'pubdate').
DATE_NAMES = frozenset({"date", "pubdate", "timestamp", "datetime", "dateline"})


def _in_header_of(heading: HtmlElement, element: HtmlElement) -> bool:
    """`element` follows the headline with little text between them: a standfirst
    sits under its headline, where a promo named `lede` in a sidebar, after the
    article, does not."""
    return _text_between(heading, element, STANDFIRST_MAX_DISTANCE_CHARS) is not None


def _text_between(start: HtmlElement, end: HtmlElement, limit: int) -> int | None:
    """About how many characters of text lie between `start` and `end` in
    document order (tails counted as their element is met); None when `end`
    does not follow `start` or more than `limit` lie between."""
    return next((between for element, between in _following(start, limit) if element is end), None)


def _following(start: HtmlElement, limit: int) -> Iterator[tuple[HtmlElement, int]]:
    """The elements after `start` in document order, each with about how many
    characters of text lie between `start` and it, until more than `limit` have."""
    between = 0
    for node in itertools.chain([start], start.iterancestors()):
        between += len(node.tail.strip()) if node.tail else 0
        for sibling in node.itersiblings():
            for inner in sibling.iter():
                yield inner, between
                if isinstance(inner.tag, str) and inner.tag not in INVISIBLE_TEXT_TAGS:
                    between += len(inner.text.strip()) if inner.text else 0
                between += len(inner.tail.strip()) if inner.tail else 0
                if between > limit:
                    return


def _cannot_open_the_story(element: HtmlElement) -> bool:
    """A hidden widget, or a photo's caption, is not what the story opens with;
    nor is the line of a card that is one link (a banner for the site's
    cookbook under A Couple Cooks' headline: 'Discover 100 best-ever recipes
    in our new cookbook', named 'cookbook-banner__subhead'), unless the link
    holds the headline too (Apartment Therapy's title and subtitle link to the post)."""
    for node in itertools.chain([element], element.iterancestors()):
        if node.tag in {"figure", "figcaption"} or is_hidden(node):
            return True
        if node.tag == "a" and node.find(".//h1") is None:
            return True
        if CAPTION_NAME.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
    return False


def _visible_text(element: HtmlElement) -> str:
    """Text a reader sees: not the code of a <script> or <style> inside. (A walk,
    not a recursion: a page may nest blocks thousands deep.)"""
    parts = []
    hidden_depth = 0
    for event, node in etree.iterwalk(element, events=("start", "end", "comment")):
        if event == "comment":
            parts.append(node.tail or "" if hidden_depth == 0 else "")
            continue
        invisible = isinstance(node.tag, str) and node.tag in INVISIBLE_TEXT_TAGS
        if event == "start":
            if invisible:
                hidden_depth += 1
            elif hidden_depth == 0 and isinstance(node.tag, str):
                parts.append(node.text or "")
            continue
        if invisible:
            hidden_depth -= 1
        if node is not element and hidden_depth == 0:
            parts.append(node.tail or "")
    return "".join(parts)


def _hero_images(root: HtmlElement, base_url: str | None = None) -> list[DeclaredImage]:
    """The first image after the page's <h1>: the picture a story opens with,
    also when its figure sits in the header, outside the extracted body."""
    for heading in list(root.iter("h1"))[:3]:
        siblings = list(itertools.islice(heading.itersiblings(), HERO_SEARCH_ELEMENTS))
        # An <h2> right under the headline is its deck (Media One's
        # 'h2.article-description', The Hindu's 'h2.sub-title'), not the next
        # section's. A smaller heading there may head the story's first part.
        deck = siblings[:1] if siblings and siblings[0].tag == "h2" else []
        following = deck + list(
            itertools.takewhile(lambda sibling: sibling.tag not in SECTION_HEADINGS, siblings[len(deck) :])
        )
        parent = heading.getparent()
        if parent is not None and parent.tag in {"header", "div", "hgroup"} and _is_headline_box(parent):
            following.extend(itertools.islice(parent.itersiblings(), 1))
        for element in [*following, *_above_in_article_header(heading)]:
            image = _first_photo(element, base_url)
            if image is not None:
                return [image]
    return []


def _above_in_article_header(heading: HtmlElement) -> list[HtmlElement]:
    """What comes before the headline in the <header> of its <article>: the
    cover picture a theme sets above the title (The New Republic's
    div.article-cover in header.article-header-wrap). A page's own <header>,
    outside any <article>, holds the site's logo instead."""
    header = next(heading.iterancestors("header"), None)
    if header is None or next(header.iterancestors("article"), None) is None:
        return []
    above: list[HtmlElement] = []
    node = heading
    while node is not header and (parent := node.getparent()) is not None:
        above.extend(reversed(list(node.itersiblings(preceding=True))))
        node = parent
    return above


def _line_right_above(headline: HtmlElement) -> str:
    """The text of the element right before the headline, out of the boxes the
    headline opens, when it is short enough to be a topic's label."""
    before = element_right_before(headline, headline.getroottree().getroot().find("body"))
    if before is None or not isinstance(before.tag, str):
        return ""
    text = _clean(before.text_content())
    return text if len(text) <= MAX_KICKER_LINE_CHARS else ""


MAX_KICKER_LINE_CHARS = 40


def _is_headline_box(box: HtmlElement) -> bool:
    """The box holds the headline and the lines around it (a kicker, the
    standfirst, the byline), and the picture may follow the box. A box that
    holds the story as well is followed by the page's next column (B.A.U.M.'s
    brochure beside a story in div#large)."""
    return len(" ".join(_visible_text(box).split())) <= MAX_HEADLINE_BOX_CHARS


MAX_HEADLINE_BOX_CHARS = 800


def _first_photo(element: HtmlElement, base_url: str | None = None) -> DeclaredImage | None:
    """The first picture big enough for a story's (a relative address is read
    from the page's: Última Hora's '/sfAttachPlugin/getCachedContent/…png')."""
    for img in element.iter("img"):
        src = (img.get("src") or "").strip()
        src = urljoin(base_url or "", src) if src else ""
        if not is_plausible_photo(src) or _inside_foreign_region(img):
            continue  # the author's placeholder in the byline over the picture (Media One)
        if _in_teaser_link(img) or _in_teaser_list(img) or _in_ad_slot(img, element):
            continue
        if _byline_box(img) is not None:
            continue  # the writer's portrait beside the name (Bloomberg's a.byline-details__photo)
        if line_label_form(img.get("alt") or "") in load_rules().control_labels or _runs_a_script(img):
            continue  # a control's drawing: Fox News's 'Decrease Font', its carousel's dots
        if next(img.iterancestors("form"), None) is not None or is_text_sized(img):
            continue  # a comment form's code to type in (love-hina.ch's '/code.php?id=…'), a button, an icon
        # Else the width its address asks of the image server: a blurred placeholder
        # the page swaps for the picture ('…?w=50' in Quartz's img.progressive-image-thumbnail).
        width = declared_side(img, "width") or width_in_address(src)
        height = declared_side(img, "height")
        if (width or HERO_MIN_WIDTH) >= HERO_MIN_WIDTH and (height or HERO_MIN_HEIGHT) >= HERO_MIN_HEIGHT:
            url, rendition_width, rendition_height = largest_rendition(img)
            url = urljoin(base_url or "", url)
            return DeclaredImage(url, rendition_width, rendition_height, _clean(img.get("alt")), "hero")
    return None


def _runs_a_script(img: HtmlElement) -> bool:
    """The picture is a link that runs a script ('javascript:void(0)'), not one to a page or a file."""
    link = next(img.iterancestors("a"), None)
    return link is not None and (link.get("href") or "").strip().lower().startswith("javascript:")


def _figure_captions(root: HtmlElement, base_url: str | None) -> list[tuple[tuple[str, ...], str]]:
    """The page's first captioned figures, their pictures' addresses (the
    <img>'s and its <picture>'s sources) and caption: a story's hero figure
    often sits in the page's header, outside the extracted body (la diaria's,
    above its headline), and its caption and credit go with the lead image."""
    figures = []
    boxes = itertools.chain(
        ((figure, figure.find(".//figcaption")) for figure in root.iter("figure")),
        _captioned_picture_boxes(root),
    )
    for figure, caption in itertools.islice(boxes, MAX_CAPTIONED_FIGURES):
        if caption is None or _inside_foreign_region(figure):
            continue
        if any(True for _ in caption.iter("h1", "h2")):
            continue  # the headline set over its picture (24horas.cl), no caption
        parted = copy.deepcopy(caption)
        parted.tag = "figcaption"  # a caption named so is tidied as one
        tidy_caption_parts(parted)
        text = _clean(parted.text_content())
        addresses = [
            urljoin(base_url or "", url)
            for element in figure.iter("img", "source")
            for url in [element.get("src") or "", *(u for u, _ in parse_srcset(element.get("srcset") or ""))]
            if url.strip() and not url.strip().startswith("data:")
        ]
        if text and addresses:
            figures.append((tuple(addresses), text))
    return figures


MAX_CAPTIONED_FIGURES = 12


def _captioned_picture_boxes(root: HtmlElement) -> Iterator[tuple[HtmlElement, HtmlElement]]:
    """A box of one picture and, right after it, a line named as its caption, not
    set as a figure (The Hindu's '<div class="article-picture top-pic"><div
    class="picture">…</div><p class="caption">Chandok said … | Photo Credit:
    REUTERS</p></div>', above the body): the box and its caption."""
    caption_classes = load_rules().caption_classes
    for caption in _CAPTION_NAMED(root):
        picture = caption.getprevious()
        box = caption.getparent()
        if picture is None or box is None or box.tag == "figure" or caption.tag == "figcaption":
            continue
        if len(picture.xpath(".//img")) != 1 or _clean(picture.text_content()):
            continue
        if not caption_classes.isdisjoint(element_name_runs(caption)):
            yield box, caption


# A first sieve for a caption's name; the rules' list decides.
_CAPTION_NAMED = etree.XPath(
    ".//*[@class][contains(translate(@class, 'CAPTION', 'caption'), 'caption')"
    " or contains(translate(@class, 'CREDIT', 'credit'), 'credit')]"
)


def _in_teaser_link(img: HtmlElement) -> bool:
    """The picture shares its link with a headline: another story's teaser
    ('<a><img><span>当年万人逃港事件…</span></a>' under Hexun's story), not the
    story's own picture, which links to a larger view or to nothing."""
    link = next(img.iterancestors("a"), None)
    if link is None:
        return False
    if len(_clean(link.text_content())) >= MIN_TEASER_HEADLINE_CHARS:
        return True
    # Or the headline is a link of its own to the same page, in the teaser's
    # box ('<a href=X><img></a><p><a href=X>The Big Picture…</a></p>', E!'s rail).
    address, box = (link.get("href") or "").strip(), link.getparent()
    if box is None or not links_elsewhere(img):
        return False
    return any(
        other is not link
        and (other.get("href") or "").strip() == address
        and len(_clean(other.text_content())) >= MIN_TEASER_HEADLINE_CHARS
        for other in box.iter("a")
    )


MIN_TEASER_HEADLINE_CHARS = 8


def _in_teaser_list(img: HtmlElement) -> bool:
    """The picture is an item of a list and links to another page: a column of
    teasers (news.cn's '深度观察' beside the story). A gallery's items link to
    their pictures, or to nothing."""
    return next(img.iterancestors("li"), None) is not None and links_elsewhere(img)


def _in_ad_slot(img: HtmlElement, block: HtmlElement) -> bool:
    """Inside `block`, in a box named as an ad or a promotion (Changde's
    'div.ad-pc' banner right under the headline): no story's picture. Other
    names do not count: QQ wraps its story's picture in a share widget's
    'div.mbArticleSharePic'."""
    rules = load_rules()
    for ancestor in itertools.chain([img], img.iterancestors()):
        rule = rules.boilerplate_rule_for(element_name_runs(ancestor))
        if rule is not None and rule.kind == "promo":
            return True
        if ancestor is block:
            return False
    return False


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _meta_tags(root: HtmlElement) -> dict[str, str]:
    tags: dict[str, str] = {}
    metas = [
        meta
        for meta in root.iter("meta")
        if _clean(meta.get("content")) and not (meta.get("itemprop") and _in_listed_item(meta))
    ]
    # `property` is how RDFa and Open Graph name a value; `name="og:title"` is a
    # common misspelling, and yields to it when both are present.
    authors: dict[tuple[str, str], list[str]] = {}
    for key_attribute in ("property", "name", "itemprop", "http-equiv"):
        for meta in metas:
            for key in (meta.get(key_attribute) or "").lower().split():
                content = _once_escaped(_clean(meta.get("content")))
                tags.setdefault(key, content)
                tags.setdefault(meta_key_alias(key), content)
                for spelling in {key, meta_key_alias(key)} & _AUTHOR_KEYS:
                    authors.setdefault((key_attribute, spelling), []).append(content)
    # A story of several authors names each in a tag of its own (Open Graph
    # allows an array: Euronews's two article:author tags), all of them under
    # the attribute that named the first. Profile addresses are left as they
    # were; names written 'Kooman, F.' are parted by semicolons.
    for (_, key), names in authors.items():
        distinct = list(dict.fromkeys(names))
        if len(distinct) < 2 or distinct[0] != tags.get(key):
            continue
        if any(_AUTHOR_ADDRESS.match(name) for name in distinct):
            continue
        tags[key] = ("; " if any("," in name for name in distinct) else ", ").join(distinct)
    return tags


_AUTHOR_ADDRESS = re.compile(r"https?:|www\.|@|/", re.I)
_AUTHOR_KEYS = frozenset(AUTHOR_META_KEYS)


def _in_listed_item(element: HtmlElement) -> bool:
    """Microdata of an item in a list (schema.org's ItemList, a feed widget's
    '<li itemprop="itemListElement"><a>31 Hilarious Kids…</a><meta
    itemprop="datePublished">', Fox News Latino): the listed story's, not the page's."""
    return any(
        "itemlistelement" in (ancestor.get("itemprop") or "").lower()
        or _LIST_ITEM_TYPE.search(ancestor.get("itemtype") or "") is not None
        for ancestor in element.iterancestors()
    )


def _in_site_banner(element: HtmlElement) -> bool:
    """Inside the site's banner (ARIA's role="banner": the logo, the search
    box), where a clock shows today's date ('jueves, 09 enero 2014', Última
    Hora's header): the day of the visit, not the article's."""
    return any(box.get("role") == "banner" for box in (element, *element.iterancestors()))


_LIST_ITEM_TYPE = re.compile(r"schema\.org/(?:ItemList|ListItem)\b", re.I)


def _with_parsely_page(tags: dict[str, str]) -> dict[str, str]:
    """Parse.ly's older tag holds its fields as one JSON object ('<meta
    name="parsely-page" content='{"pub_date": "2014-05-23T17:30:00.000Z",
    "author": "John Jannuzzi", …}'>', GQ, the Daily Star): read as the
    parsely-pub-date and parsely-author tags its newer form writes."""
    data = _lenient_json(tags.get("parsely-page", ""))
    if not isinstance(data, dict):
        return tags
    fields = {"parsely-pub-date": data.get("pub_date"), "parsely-author": data.get("author")}
    extra = {key: value.strip() for key, value in fields.items() if isinstance(value, str) and value.strip()}
    return {**extra, **tags}  # a tag of the newer form, when present, wins


def _once_escaped(value: str) -> str:
    """A value escaped twice by its template ('content="&amp;ldquo;People…'),
    which the parser decodes once to '&ldquo;People…': readers want the quote."""
    return _clean(html.unescape(value)) if _ENTITY.search(value) else value


_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,6}|#x[0-9A-Fa-f]{2,5});")


def meta_key_alias(key: str) -> str:
    """Dublin Core and some vendors write `dc.title` as often as `dc:title`:
    both spellings are stored, so a look-up need name only one."""
    prefix, separator, rest = key.partition(":")
    if separator and "." not in prefix:
        return f"{prefix}.{rest}"
    prefix, separator, rest = key.partition(".")
    return f"{prefix}:{rest}" if separator else key


def _json_ld_objects(root: HtmlElement) -> Iterator[dict[str, Any]]:
    for script in root.xpath("//script[@type='application/ld+json']"):
        raw = _unwrap_script(script.text or "")
        if not raw:
            continue
        data = _lenient_json(raw)
        if data is None:
            continue
        # Blogger writes the ampersand of an entity as a JSON escape ('I\u0026#39;ve').
        if "&" in raw or "\\u0026" in raw.lower():
            data = _unescape_strings(data)
        yield from _flatten_json_ld(data)


def _distill_front_matter(root: HtmlElement) -> Iterator[dict[str, Any]]:
    """The Distill template's front matter ('<d-front-matter><script
    id="distill-front-matter" type="text/json">{"title": …, "authors":
    [{"author": "Guilherme Penedo"}], "published": "May 28, 2024"}', the
    research blogs built on distill.pub's template, such as Hugging Face's
    FineWeb report) as the article's structured data: its script fills the
    byline and the date in the browser, so the page's HTML names no one."""
    for script in root.xpath("//d-front-matter/script[@type='text/json']"):
        data = _lenient_json(_unwrap_script(script.text or ""))
        if not isinstance(data, dict):
            continue
        authors = data.get("authors")
        names = [a.get("author") for a in authors if isinstance(a, dict)] if isinstance(authors, list) else []
        yield {
            "@type": "Article",
            "headline": data.get("title"),
            "description": data.get("description"),
            "datePublished": data.get("published"),
            "author": [{"@type": "Person", "name": name} for name in names if isinstance(name, str)],
        }


def _lenient_json(raw: str) -> Any:
    """JSON as templates write it: publishers' common bugs are trailing commas,
    stray control characters, and values printed without their quotes
    ('"datePublished": 2023-01-12T06:18:10-03:00,') or the comma after them.
    None when it stays unreadable."""
    try:
        return json.loads(raw)
    except ValueError:
        pass
    repaired = _TRAILING_COMMA.sub(r"\1", raw)
    quoted = _MISSING_COMMA.sub(r"\1,\2", _BARE_VALUE.sub(_quoted_bare_value, repaired))
    for text in (repaired, quoted):
        try:
            return json.loads(text, strict=False)
        except ValueError:
            continue
    return None


_TRAILING_COMMA = re.compile(r",\s*([}\]])")
# A value after a key that is no string, object or array, up to the end of its
# line or the next comma, brace or bracket: a number, true, false, null, or text
# missing its quotes.
_BARE_VALUE = re.compile(r'("\s*:\s*)([^\s"{\[][^,}\]\n]*?)(?=\s*[,}\]\n])')
# A value's end, then the next key on a line of its own, with no comma between.
_MISSING_COMMA = re.compile(r'([\w"}\]])(\s*\n\s*"[^"\n]*"\s*:)')
_JSON_LITERAL = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null")


def _quoted_bare_value(match: re.Match[str]) -> str:
    key, value = match.groups()
    return key + (value if _JSON_LITERAL.fullmatch(value) else json.dumps(value))


def _unescape_strings(data: Any, depth: int = 0) -> Any:
    """A script's text is never entity-decoded by the parser, yet WordPress and
    others write JSON-LD strings HTML-escaped ("O&#039;Donnell", "&#8216;Sex
    Simulation Game&#8217;"): readers want the characters."""
    if isinstance(data, str):
        return html.unescape(data) if "&" in data else data
    if depth > 8:
        return data
    if isinstance(data, list):
        return [_unescape_strings(item, depth + 1) for item in data]
    if isinstance(data, dict):
        return {key: _unescape_strings(value, depth + 1) for key, value in data.items()}
    return data


def _unwrap_script(text: str) -> str:
    """XHTML-minded templates wrap inline JSON in `<![CDATA[ ]]>` or an HTML comment."""
    text = text.strip()
    text = re.sub(r"^(?://\s*)?(?:<!\[CDATA\[|<!--)", "", text).strip()
    return re.sub(r"(?://\s*)?(?:\]\]>|-->)$", "", text).strip()


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


def _is_live_blog(metadata: PageMetadata) -> bool:
    return any("liveblogposting" in json_ld_types(node) for node in metadata.json_ld)


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


def _byline_texts(
    root: HtmlElement,
    article_regions: frozenset[HtmlElement] = frozenset(),
    headline_words: frozenset[str] = frozenset(),
) -> list[str]:
    found: list[list[str]] = []
    # Co-authors marked one by one in a single box ('By <a rel=author>A</a> and
    # <a rel=author>B</a>') are one byline: names of the same kind (author units,
    # or the same class) found in the same box are joined; a job title is another kind.
    by_box: dict[tuple[HtmlElement, str], list[str]] = {}
    for element in _byline_candidates(root):
        if not _is_byline_element(element) or _holds_inner_byline(element):
            continue
        if _inside_foreign_region(element, FOREIGN_TAGS_FOR_BYLINES, article_regions, headline_words):
            continue
        if _inside_consent_dialog(element) or _in_quotation_box(element) or _is_line_of_tags(element):
            continue
        text = _byline_name(element)
        if not 0 < len(text) <= MAX_BYLINE_CHARS:
            continue
        box = _byline_box(element)
        key = (box, "" if _is_author_unit(element) else f"class:{element.get('class')}")
        if box is not None and key in by_box:
            if text not in by_box[key]:
                by_box[key].append(text)
            continue
        found.append([text])
        if box is not None:
            by_box[key] = found[-1]
        if len(found) >= 8:
            break
    return [", ".join(names) for names in found]


def _is_line_of_tags(element: HtmlElement) -> bool:
    """Links to the post's tags and nothing else named as a byline (Blogger's
    '<span class="byline post-labels"><a rel="tag">MongoDB</a> <a rel="tag">pecl</a>…'):
    topics, not its author."""
    links = list(element.iter("a"))
    return bool(links) and all("tag" in (link.get("rel") or "").lower().split() for link in links)


def _in_quotation_box(element: HtmlElement) -> bool:
    """Inside a quotation or a box named as one: its 'author' is who is quoted
    (National Geographic's '<div class="pull-quote"><blockquote>…</blockquote>
    <div class="pull-quote__author"><span class="author">Boris Kingma</span>'),
    not who wrote the story."""
    for ancestor in itertools.chain([element], element.iterancestors()):
        if ancestor.tag == "blockquote":
            return True
        if _QUOTE_BOX.search(f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}"):
            return True
    return False


# 'pull-quote', 'pullquote', 'quote-box', 'blockquote': a quotation's box; not 'quoted-price', 'quotes'.
_QUOTE_BOX = re.compile(r"(?<![^\W_])(?:pull[-_]?|block)?quote(?:[-_]?box)?(?![^\W_])", re.I)


def _byline_candidates(root: HtmlElement) -> list[HtmlElement]:
    """The elements that may be byline elements, in document order: author
    units, and those whose class or id holds one of BYLINE_CLASS's words.
    The class and id values are scanned as strings; a Python object is made
    only for the few elements they point to."""
    candidates: dict[HtmlElement, None] = {}
    may_name_a_byline = BYLINE_WORDS.search
    # A page repeats the same class values hundreds of times: each is read once.
    verdicts: dict[str, bool] = {}
    for value in _NAMES_AND_AUTHOR_MARKS(root):
        # Each value knows its attribute's name and its element.
        if value.attrname in {"class", "id"}:
            names = verdicts.get(value)
            if names is None:
                names = verdicts[value] = may_name_a_byline(value) is not None
            if not names:
                continue
        candidates[value.getparent()] = None
    return list(candidates)


# In document order: class and id values, and the attributes that mark an
# author (rel=author, microdata). One location path, not a union of several:
# libxml2 merges the node sets of a union in time that grows with their product.
_NAMES_AND_AUTHOR_MARKS = etree.XPath(
    "//@*[name()='class' or name()='id' or name()='itemprop' or (name()='rel' and .='author')]"
)


def _byline_box(element: HtmlElement) -> HtmlElement | None:
    """The nearest enclosing byline element, within a few levels."""
    for ancestor in itertools.islice(element.iterancestors(), 4):
        if ancestor.tag in {"body", "html"}:
            break
        if _is_byline_element(ancestor):
            return ancestor
    return None


def _is_byline_element(element: HtmlElement) -> bool:
    if _is_author_unit(element):
        return True
    return _is_byline_name(element.get("class") or "", element.get("id") or "")


def _is_author_unit(element: HtmlElement) -> bool:
    return element.get("rel") == "author" or "author" in (element.get("itemprop") or "").split()


def _holds_inner_byline(element: HtmlElement) -> bool:
    """A byline box whose inner byline element holds the name (its box adds dates,
    'updated' notes, jobs): the inner one is read instead. A microdata or rel author
    is one unit ('Martin Untersinger (avec Damien Leloup)'). An empty inner one
    (the Süddeutsche's ul.authorProfiles, filled by a script) holds no name, nor
    one that holds only the word introducing it (Marketplace's Drupal field
    'byline-description': 'by', the name a link beside it)."""
    if _is_author_unit(element):
        return False
    return any(
        _is_byline_element(inner) and byline_prefix_pattern().sub("", inner.text_content() + " ").strip()
        for inner in element.iterdescendants()
        if isinstance(inner.tag, str)
    )


def _byline_name(element: HtmlElement) -> str:
    for path in BYLINE_NAME_PATHS:
        names = [_clean(name.text_content()) for name in element.xpath(path)]
        names = [name for name in names if name]
        if names:
            return ", ".join(dict.fromkeys(names))
    # A byline box written as lines ('Written by A<br>Edited by B', 'By A<br>March 25,
    # 2015', 'By A, MA<br>Health News', a name and a tagline in blocks of their own)
    # names its author on the first line that holds more than the word introducing
    # it; the lines after add an editor, a date, a desk.
    # A long box is prose (a notice, a bio) that has a line break, not a byline.
    text = "".join(_name_parts(element))
    if len(_clean(text)) > MAX_BYLINE_CHARS:
        return _clean(text)
    lines = [_clean(line) for line in text.split(LINE_BREAK)]
    line = next((line for line in lines if _names_someone(line)), "")
    if COUNT_IN_BYLINE.search(line) or any(COUNT_IN_BYLINE.fullmatch(other) for other in lines):
        # A profile card, its counts beside the name or on lines of their own ('8,0
        # / Карма / 0,0 / Рейтинг / 3 Подписчики Maxime'): the name is the link to
        # the profile it names.
        return _profile_link_name(element) or line
    return line


# A number on its own: no part of a name, but a count.
COUNT_IN_BYLINE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?![\w.,])")
# A word run into a number, as a publishing system's accounts are named
# ('Wunderweib1', 'editor2'): no one's name. Capitals before the digits make a
# station's or a product's name ('SWR3'), which may sign a story.
ACCOUNT_NAME_IN_BYLINE = re.compile(r"(?<![\w])[^\W\d_]*[^\W\d_A-Z]\d+(?!\w)")


def _profile_link_name(element: HtmlElement) -> str | None:
    """The text of a link whose address ends with that text ('/users/Maxime/'
    -> 'Maxime', '/author/jane-doe' -> 'Jane Doe'), or that leads to an
    author's page ('/author/ljazdzewski/' -> 'Leszek Jażdżewski'). A tag's or
    a section's link is named after its address too ('/tag/fundusz-odbudowy/',
    Liberté!), and names no one."""
    for link in element.iter("a"):
        name = _clean(link.text_content())
        path = (link.get("href") or "").partition("?")[0].rstrip("/")
        *folders, slug = urlsplit(path).path.casefold().split("/") or [""]
        if not name or not TAXONOMY_FOLDERS.isdisjoint(folders):
            continue
        if _slug_words(slug) == _slug_words(name) or (folders and folders[-1] in AUTHOR_FOLDERS):
            return name
    return None


# The folders of a site's addresses that list a tag's, a topic's or a section's stories.
TAXONOMY_FOLDERS = frozenset(
    {"tag", "tags", "category", "categories", "topic", "topics", "section", "sections", "kategoria", "temat"}
    | {"thema", "themen", "rubrique", "etiqueta", "etiquetas", "argomenti", "tema", "temas", "tagi"}
)
# ... and those of an author's page.
AUTHOR_FOLDERS = frozenset(
    {"author", "authors", "autor", "autoren", "auteur", "auteurs", "autore", "autori", "autores"}
    | {"people", "profile", "profiles", "users", "user", "journalist", "journalists", "redakteur"}
)


def _slug_words(text: str) -> str:
    return " ".join(re.split(r"[\s_.+-]+", unquote(text).casefold())).strip()


def _names_someone(line: str) -> bool:
    return bool(re.search(r"[^\W\d_]", byline_prefix_pattern().sub("", line + " ")))


def _name_parts(element: HtmlElement) -> Iterator[str]:
    """The element's text without the parts that say when, or who the author is besides a name;
    a line break is kept as LINE_BREAK."""
    yield element.text or ""
    for child in element:
        if child.tag == "br":
            yield LINE_BREAK
        elif isinstance(child.tag, str) and child.tag not in NOT_NAME_TAGS and not _is_extra(child):
            # A block is a line of its own: the author's tagline under the name
            # ('<strong>linksc</strong><p>Creating Search Engine API</p>', HackerNoon).
            block = child.tag in LINE_BLOCK_TAGS
            yield LINE_BREAK if block else ""
            yield from _name_parts(child)
            yield LINE_BREAK if block else ""
        yield child.tail or ""


LINE_BLOCK_TAGS = frozenset({"p", "div", "li", "h2", "h3", "h4", "h5", "h6"})


def _is_extra(element: HtmlElement) -> bool:
    names = f"{element.get('class') or ''} {element.get('id') or ''} {element.get('itemprop') or ''}"
    if NOT_NAME_PART.search(names):
        return True
    # Text for screen readers only: the name again (ARTE Radio's 'Kristen
    # Falc'hon<span class="u-screen-reader-text">Kristen Falc'hon</span>'), or a label.
    return is_screen_reader_text(element)


@lru_cache(maxsize=4096)
def _is_byline_name(class_attribute: str, id_attribute: str) -> bool:
    # camelCase names are words too: 'FeatureByline', 'authorName'.
    names = CAMEL_CASE_BOUNDARY.sub("-", f"{class_attribute} {id_attribute}")
    return bool(BYLINE_CLASS.search(names)) and not NOT_BYLINE_CLASS.search(names)


def _inside_consent_dialog(element: HtmlElement) -> bool:
    """The element or an ancestor is a modal dialog or a consent platform's container."""
    for node in itertools.chain([element], element.iterancestors()):
        if node.tag in {"body", "html"}:
            break  # a page-wide class such as `has-cookie-banner` says nothing of this element
        if (node.get("role") or "").lower() in DIALOG_ROLES:
            return True
        if (node.get("aria-modal") or "").lower() == "true":
            return True
        if CONSENT_REGION.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
    return False


def _inside_foreign_region(
    element: HtmlElement,
    tags: frozenset[str] = FOREIGN_TAGS,
    article_regions: frozenset[HtmlElement] = frozenset(),
    headline_words: frozenset[str] = frozenset(),
) -> bool:
    """Inside a region named or tagged as another than the article's; a name
    whose region words the headline's own name carries too (`headline_words`)
    is the story's layout (horizont.net's guest pieces: 'h1.ArticleHeaderComment_headline'
    beside 'div.ArticleHeaderComment_metaData' and its author)."""
    for ancestor in element.iterancestors():
        if ancestor.tag in {"body", "html"}:
            break  # a page-wide class such as `sidebar-primary` names the layout, not a region
        if ancestor in article_regions:
            break  # this ancestor and those above hold the headline
        names = f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}"
        if ARTICLE_FOOTER.search(names) or _is_footer_of_headline_article(ancestor, names, article_regions):
            continue
        if _is_foreign(ancestor, names, tags) and not _named_like_headline(
            ancestor, names, tags, headline_words
        ):
            return True
    return False


def _named_like_headline(
    element: HtmlElement, names: str, tags: frozenset[str], headline_words: frozenset[str]
) -> bool:
    """Foreign by no tag, and by no region word the headline's name lacks."""
    return bool(headline_words) and element.tag not in tags and _foreign_words(names) <= headline_words


def _headline_words(headline: HtmlElement | None) -> frozenset[str]:
    """The region words of the headline's own class and id ('teaser' in the CDU's 'blog_teaser_headline')."""
    if headline is None:
        return frozenset()
    return frozenset(_foreign_words(f"{headline.get('class') or ''} {headline.get('id') or ''}"))


def _is_footer_of_headline_article(
    element: HtmlElement, names: str, article_regions: frozenset[HtmlElement]
) -> bool:
    """A footer inside the <article> that holds the headline is that article's
    own, whatever its name (Central's div.content-footer: tags, date, views)."""
    other_names = names.lower().replace("footer", "")
    if (element.tag != "footer" and other_names == names.lower()) or FOREIGN_REGION.search(other_names):
        return False  # no footer, or one of comments or related stories
    return any(article in article_regions for article in element.iterancestors("article"))


def _foreign_words(names: str) -> set[str]:
    """The words in a class or id that name another region than the article."""
    return {word.casefold() for word in FOREIGN_REGION.findall(names)}


def _is_foreign(element: HtmlElement, names: str, tags: frozenset[str]) -> bool:
    """Named or tagged as another region than the article (`names`: its class and id)."""
    return FOREIGN_REGION.search(names) is not None or element.tag in tags


# Date lines that are not <time> elements: Drupal's "Submitted on Mon,
# 2019-01-21 13:49" (span.submitted-by, div.submitted), Blogger's date
# headers, hAtom's <abbr class="published" title="2016-12-23T05:11:00-05:00">
# (microformats.org/wiki/hatom), the name of HTML5's withdrawn pubdate
# attribute (span.pubdate, Central's '9 жовтня 2020, 09:51'), 'data' (date in
# Portuguese, Italian, Polish, Romanian and Russian: 3rm.info's div.post-data)
# and plainly named ones.
DATE_LINE_CLASSES = frozenset(
    {
        "post-data",
        "news-data",
        "article-data",
        "data-publicacao",
        "data-pubblicazione",
        "data-publikacji",
        "pubdate",
        "pub-date",
        "publish-date",
        "publication-date",
        "submitted",
        "submitted-by",
        "post-date",
        "entry-date",
        "article-date",
        "date-published",
        "date-header",
        "published",
        "dt-published",
    }
)
# A <time> that marks itself as the date of a change (itemprop=dateModified)
# is not the date the article was published. (Selecting the attributes and
# going up to their elements walks the tree twice as fast as testing each
# element; the union is in document order.)
_TIME_ELEMENTS = etree.XPath("//time[not(@itemprop='dateModified')] | //@itemprop[.='datePublished']/..")
# Read only on a page that declares no date otherwise: a substring test per
# class attribute, then the class names.
_DATE_LINES = etree.XPath(
    "//@class[contains(., 'date') or contains(., 'Date') or contains(., 'data') or contains(., 'submitted')"
    " or contains(., 'published')]/.."
)
_JOINED_DATE_LINE_CLASSES = frozenset(name.replace("-", "") for name in DATE_LINE_CLASSES if "-" in name)
# Around the headline: the few elements before it (a kicker with the date) and
# those after it up to this much text (byline, date, share labels; not the body).
HEADER_TEXT_CHARS = 400
HEADER_ELEMENTS_BEFORE = 3
# A line is a date line when it is this short: a sentence that holds a date
# ('On 27 September 2016 the court...') tells of an event, not of the article.
DATE_LINE_MAX_CHARS = 80
# The same line before its whitespace is collapsed: indentation can be long.
MAX_RAW_DATE_LINE_CHARS = 2000


def _is_date_line(element: HtmlElement, article: HtmlElement | None) -> bool:
    # article_date, post_date, PublishDate
    names = [
        CAMEL_CASE_BOUNDARY.sub("-", name).lower()
        for name in (element.get("class") or "").replace("_", "-").split()
    ]
    if not DATE_LINE_CLASSES.isdisjoint(names):
        return True
    # The same names written as one word ('entrydate': IIJ's dl.entrydate,
    # 'postdate'); one word, not other parts run together ('article__data' is
    # InfoQ's article body, not its 'article-data').
    if not _JOINED_DATE_LINE_CLASSES.isdisjoint(names):
        return True
    # Plainly 'date' names an event's dates in a sidebar as well ('September
    # 12—14, 2011') or an update ('date updated'): only the date line inside
    # the headline's own <article> is the article's (8 Sidor's p.date under its text).
    return names == ["date"] and article is not None and any(a is article for a in element.iterancestors())


def _time_elements(root: HtmlElement, article_regions: frozenset[HtmlElement]) -> list[HtmlElement]:
    """The page's <time> and datePublished elements, outside comments, sidebars and related items."""
    return [
        e
        for e in _TIME_ELEMENTS(root)
        if not _inside_foreign_region(e, DATE_FOREIGN_TAGS, article_regions)
        and not _in_listed_item(e)
        and not _in_site_banner(e)
    ]


def _time_values(
    root: HtmlElement,
    time_elements: list[HtmlElement],
    declares_a_date: bool,
    article_regions: frozenset[HtmlElement] = frozenset(),
) -> list[str]:
    elements = time_elements
    if not elements and not declares_a_date:
        article = next((region for region in article_regions if region.tag == "article"), None)
        elements = [
            e
            for e in _DATE_LINES(root)
            # hAtom's 'published' on Substack's headline names the post, not its
            # date. (Blogger's date line is an <h2 class="date-header">.)
            if e.tag != "h1"
            and _is_date_line(e, article)
            and not _in_table(e, article_regions)
            and not _inside_foreign_region(e, DATE_FOREIGN_TAGS, article_regions)
            and not _in_site_banner(e)
        ]
    values: list[str] = []
    for element in elements:
        value = (
            element.get("datetime")
            or element.get("content")
            or _data_attribute_date(element)
            or element.text_content()
        )
        if element.tag == "abbr" and element.get("title"):
            # hAtom's <abbr> gives the date exactly in its title, which some
            # themes fill with words ('Sonntag, Dezember 16th, 2012'): the
            # text it shows comes next.
            values.append(element.get("title", "").strip())
        if value and value.strip():
            values.append(value.strip())
    return values[:5]


def _data_attribute_date(element: HtmlElement) -> str | None:
    """A <time> that shows an age ('4 hours ago') may keep its moment in a
    data attribute of the site's own instead of datetime (247Sports'
    data-published="2016-12-09 09:13:00Z")."""
    if element.tag != "time":
        return None
    for name, value in element.attrib.items():
        if str(name).startswith("data-") and _STARTS_WITH_ISO_DATE.match(str(value).strip()):
            return str(value).strip()
    return None


_STARTS_WITH_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\b")


def _time_texts(time_elements: list[HtmlElement]) -> list[str]:
    """What the page's <time> elements show, where it differs from their
    machine-readable value ('<time datetime="2014-12-19T04:38Z">December 18,
    2014 11:38pm</time>'): the time in the page's own zone."""
    texts = (_clean(element.text_content()) for element in time_elements)
    shown = [text for text in texts if CLOCK_TIME.search(text) and len(text) <= DATE_LINE_MAX_CHARS]
    return shown[:MAX_TIME_TEXTS]


MAX_TIME_TEXTS = 5


def _in_table(element: HtmlElement, article_regions: frozenset[HtmlElement]) -> bool:
    """In an infobox or a data table, a date is a fact of the subject (a
    release, a birth), not of the article. A table that holds the headline,
    or one line, is the page's layout."""
    tables = itertools.chain([element] if element.tag == "table" else [], element.iterancestors("table"))
    return any(table not in article_regions and not _lays_out_a_line(table) for table in tables)


def _lays_out_a_line(table: HtmlElement) -> bool:
    """One row with one cell of text: a line set beside empty cells (Informe
    Corrientes' date beside its share buttons). A fact has its label's cell
    and its value's ('Initial release | February 28, 1998')."""
    rows = table.xpath("./tr | ./*/tr")
    return len(rows) == 1 and sum(1 for cell in rows[0] if cell.text_content().strip()) == 1


def _headline(
    h1s: list[HtmlElement], site_named: frozenset[HtmlElement], titles: list[str]
) -> HtmlElement | None:
    """The article's <h1> among the page's first ones: the first one that the
    page's title repeats (a site's name set in an <h1>, `site_named`, is not the
    article's), else the first one inside an <article>, else the first one with text."""
    headings = [(h1, _clean(h1.text_content()).casefold()) for h1 in h1s]
    # The site's name set in an <h1> is in the page's title too: it is
    # considered after the article's own headings (a sort keeps their order).
    headings = [(h1, text) for h1, text in headings if text]
    headings.sort(key=lambda pair: pair[0] in site_named)
    titled = (h1 for h1, text in headings if _in_titles(text, titles))
    in_article = (h1 for h1, _ in headings if any(True for _ in h1.iterancestors("article")))
    for candidates in (titled, in_article, (h1 for h1, _ in headings)):
        headline = next(candidates, None)
        if headline is not None:
            return headline
    return None


def _shown_headline(
    root: HtmlElement, document_title: str, site_named: frozenset[HtmlElement]
) -> HtmlElement | None:
    """On a page without an <h1>, the element whose whole text is the <title>
    up to a separator, spaced or not ('<div class="h-title">' for
    '法国全国大罢工再次严重影响交通-新华网'), outside links (a list of the
    site's stories names the article too) and outside the site's name set as
    an <h1>, `site_named` (Última Hora's logo repeats each story's title in a
    span for search engines)."""
    # The <title> may open with its section's name ('News - Site Update - … - Love Hina'),
    # or the site's; a hyphen inside a word ('CDU-Fraktion im Erfurter Stadtrat - …') cuts nothing.
    first_cut = next((cut for cut in _TITLE_CUTS.finditer(document_title) if not _joins_a_word(cut)), None)
    starts = [0, first_cut.end()] if first_cut is not None else [0]
    openings: set[str] = set()
    probes: list[str] = []
    for start in starts:
        rest = document_title[start:]
        own = {rest[: cut.start()].strip() for cut in _TITLE_CUTS.finditer(rest)} | {rest.strip()}
        own = {opening for opening in own if approximate_words(opening) >= MIN_HEADLINE_WORDS}
        if own:
            openings |= own
            probes.append(min(own, key=len)[:SHOWN_HEADLINE_PROBE_CHARS])
    body = root.find("body")
    for probe in probes:
        for text_node in _TEXTS_HOLDING(body if body is not None else root, start=probe):
            element = text_node.getparent()
            for candidate in itertools.chain([element], itertools.islice(element.iterancestors(), 2)):
                if candidate.tag in {"a", "title", "option", *INVISIBLE_TEXT_TAGS}:
                    break
                text = candidate.text_content()
                if len(text) > MAX_SHOWN_HEADLINE_CHARS:
                    break
                if _clean(text) in openings:
                    ancestors = candidate.iterancestors()
                    if any(ancestor.tag == "a" or ancestor in site_named for ancestor in ancestors):
                        break
                    return candidate
    return None


# Where a <title> may be cut: its separators, spaced or not (Chinese sites
# write '标题_频道_网站'), a colon after a word of a script that parts no
# words with spaces or its closing bracket ('…描画できる「Treeviz」:phpspot開発日誌'),
# and a space between two such characters ('…开展调研工作 东区办事处_中山网').
_TITLE_CUTS = re.compile(
    rf"\s*(?:[|｜_\-–—·•»«›‹/]|::)\s*|\s+:\s+|(?<=[{UNSPACED_LETTERS}」』）])\s*[:：]\s*"
    rf"|(?<=[{UNSPACED_LETTERS}])\s+(?=[{UNSPACED_LETTERS}])"
)


def _joins_a_word(cut: re.Match[str]) -> bool:
    """A bare hyphen between two letters: the parts of one word."""
    text, start, end = cut.string, cut.start(), cut.end()
    return (
        cut.group() == "-"
        and start > 0
        and end < len(text)
        and text[start - 1].isalpha()
        and text[end].isalpha()
    )


_TEXTS_HOLDING = etree.XPath("(.//text()[contains(., $start)])[position() <= 20]")
SHOWN_HEADLINE_PROBE_CHARS = 12
MAX_SHOWN_HEADLINE_CHARS = 300


def _repeats_a_title(heading: HtmlElement, titles: list[str]) -> bool:
    """The heading is a headline the titles repeat, not a name they end with
    ('CRIC' in 'Putsh en cours à Radio Kaleïdoscope - CRIC')."""
    text = _clean(heading.text_content()).casefold()
    return approximate_words(text) >= MIN_HEADLINE_WORDS and _in_titles(text, titles)


def _in_titles(text: str, titles: list[str]) -> bool:
    """`text` (casefolded) is one of the titles, or a part of one, or holds one."""
    return any(text in title or title in text for title in titles)


# rel="home", alone or among others ('start home').
_LINKS_HOME_BY_REL = etree.XPath(".//a[contains(concat(' ', normalize-space(@rel), ' '), ' home ')]")


def _names_the_site(heading: HtmlElement) -> bool:
    """A heading that is the site's name (`_is_site_identity`), or that sits in
    the page's banner."""
    return _is_site_identity(heading) or any(
        (ancestor.get("role") or "").lower() == "banner" for ancestor in heading.iterancestors()
    )


def _is_site_identity(heading: HtmlElement) -> bool:
    """A heading that links home, or that it or its box is named for the site's
    name (WordPress's site-title in site-branding)."""
    if _LINKS_HOME_BY_REL(heading) or _is_link_home(heading):
        return True
    return any(
        not SITE_IDENTITY_NAMES.isdisjoint(element_name_runs(element))
        for element in itertools.chain([heading], itertools.islice(heading.iterancestors(), 2))
    )


def _site_heading(headings: list[HtmlElement]) -> str | None:
    """The site's name as its <h1> shows it, for pages that declare none."""
    for heading in headings:
        text = _clean(heading.text_content())
        if text and len(text.split()) <= MAX_SITE_NAME_WORDS and _is_site_identity(heading):
            return text
    return None


def _is_link_home(heading: HtmlElement) -> bool:
    """A heading that is one link to a site's front page ('<h1><a
    href="https://blog.example">Blog</a></h1>'): an article's headline links to
    the article, if anywhere."""
    links = heading.findall(".//a")
    if len(links) != 1 or _clean(links[0].text_content()) != _clean(heading.text_content()):
        return False
    try:
        address = urlsplit(links[0].get("href") or "")
    except ValueError:  # 'http://[broken': no address at all
        return False
    # An empty address is the page itself.
    return address.path in FRONT_PAGE_PATHS and not address.query and bool(address.netloc or address.path)


def _lines_around(headline: HtmlElement, article_regions: frozenset[HtmlElement]) -> list[str]:
    """The short texts of the elements just before the headline and of those
    after it, within the article's header."""
    before = list(itertools.islice(headline.itersiblings(preceding=True), HEADER_ELEMENTS_BEFORE))
    lines: list[str] = []
    # A site may name its story's parts with a word that elsewhere names another
    # region: the CDU's Erfurt group sets 'div.blog_teaser_headline' between
    # 'blog_teaser_firstline' (its date line) and 'blog_teaser_text'.
    headline_words = _headline_words(headline)
    after = (element for element, _ in _following(headline, HEADER_TEXT_CHARS))
    for element in [*reversed(before), *after]:
        if not isinstance(element.tag, str) or element.tag in INVISIBLE_TEXT_TAGS:
            continue
        raw = element.text_content()
        # A block that holds the article is read once in C, never cleaned.
        if len(raw) > MAX_RAW_DATE_LINE_CHARS or _in_table(element, article_regions):
            continue
        # A script beside a byline ('cnnAuthor = "By Ed Hornick";') is no text of the line.
        if element.find(".//script") is not None or element.find(".//style") is not None:
            raw = _visible_text(element)
        text = _clean(raw)
        short = text and len(text) <= DATE_LINE_MAX_CHARS and text not in lines
        own_names = f"{element.get('class') or ''} {element.get('id') or ''}"
        foreign = _is_foreign(element, own_names, DATE_FOREIGN_TAGS)
        foreign = foreign and not _named_like_headline(element, own_names, DATE_FOREIGN_TAGS, headline_words)
        if (
            short
            and not foreign
            and not _inside_foreign_region(element, DATE_FOREIGN_TAGS, article_regions)
            and not _in_site_banner(element)
        ):
            lines.append(text)
            # A line a reader sees may go on after the element, in loose words:
            # '<small>posted on <time>2026-06-15</time></small> by Rafael
            # Antonio Pineda' (Anime News Network).
            if element.tag in LINE_OPENING_TAGS and (element.tail or "").strip():
                line = _clean(f"{raw} {element.tail}")
                if len(line) <= DATE_LINE_MAX_CHARS and line not in lines:
                    lines.append(line)
    return lines


LINE_OPENING_TAGS = frozenset({"small", "span", "time", "b", "strong", "em", "i"})


def _fact_lists(root: HtmlElement, article_regions: frozenset[HtmlElement]) -> list[list[tuple[str, str]]]:
    """The lists whose items each set a label in bold before a value, or
    pair terms with definitions, outside comments, related stories and consent
    dialogs: what a label means is the rules' to say (enrich reads an
    author's and a date's)."""
    lists: dict[HtmlElement, list[tuple[str, str]]] = {}
    items = itertools.chain(_BOLD_LABELLED_ITEMS(root), _DEFINED_TERMS(root))
    for item in itertools.islice(items, MAX_LABELLED_ITEMS):
        if item.tag == "li":
            if (item.text or "").strip():
                continue  # words before the bold: a sentence, not a label
            label = next(child for child in item if isinstance(child.tag, str))
            value = _text_after(label)
        else:
            label, value = item, item.getnext().text_content()
        label_text = _clean(label.text_content())
        # The colon may follow the bold ('<b>Author</b>: Jane Doe').
        value_text = _clean(value).lstrip(":： ")
        if not label_text or not value_text or len(value_text) > MAX_BYLINE_CHARS:
            continue
        if _inside_foreign_region(item, FOREIGN_TAGS_FOR_BYLINES, article_regions):
            continue
        if not _inside_consent_dialog(item):
            lists.setdefault(item.getparent(), []).append((label_text, value_text))
    return [facts for facts in lists.values() if len(facts) >= MIN_FACTS_IN_A_LIST]


# Two location paths, not a union: libxml2 merges a union's node sets in
# time that grows with their product.
_BOLD_LABELLED_ITEMS = etree.XPath("//li[*[1][self::strong or self::b]]")
_DEFINED_TERMS = etree.XPath("//dl/dt[following-sibling::*[1][self::dd]]")
MAX_LABELLED_ITEMS = 60
MIN_FACTS_IN_A_LIST = 2


def _text_after(element: HtmlElement) -> str:
    """The text that follows `element` inside its parent."""
    pieces = [element.tail or ""]
    for sibling in element.itersiblings():
        pieces += [sibling.text_content(), sibling.tail or ""]
    return "".join(pieces)


def _post_footer_lines(root: HtmlElement, article_regions: frozenset[HtmlElement]) -> list[str]:
    """The short texts of the post's own footers (WordPress's entry-footer and
    postmetadata, 'post-footer'), not those inside comments or a sidebar."""
    lines = []
    for element in _POST_FOOTER_CANDIDATES(root):
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        if not (ARTICLE_FOOTER.search(names) or POST_METADATA.search(names)):
            continue
        raw = element.text_content()
        if len(raw) > MAX_RAW_DATE_LINE_CHARS or _inside_foreign_region(
            element, DATE_FOREIGN_TAGS, article_regions
        ):
            continue
        text = _clean(raw)
        if text and len(text) <= MAX_POST_FOOTER_CHARS:
            lines.append(text)
    return lines[:MAX_POST_FOOTERS]


# One location path: a union would merge its node sets in time that grows with their product.
_POST_FOOTER_CANDIDATES = etree.XPath(
    "//@*[(name()='class' or name()='id') and (contains(., 'ooter') or contains(., 'metadata'))]/.."
)
# WordPress's classic themes: p.postmetadata under the post.
POST_METADATA = re.compile(r"(?<![^\W_])post[-_]?metadata(?![^\W_])", re.I)
MAX_POST_FOOTER_CHARS = 500
MAX_POST_FOOTERS = 2


def _declares_an_author(metadata: PageMetadata) -> bool:
    """A person named as the author in the meta tags or the structured data;
    not an empty tag, a profile's address, nor an organization (24horas.cl
    declares '' and its Facebook page, and its JSON-LD names the site: the
    agency's name under its headline signs the story)."""
    if any(_is_author_name(metadata.meta.get(key)) for key in AUTHOR_META_KEYS):
        return True
    return any(_is_person(node.get("author")) for node in metadata.json_ld)


def _is_author_name(value: Any) -> bool:
    """A text, not empty, not a profile's address."""
    return isinstance(value, str) and bool(value.strip()) and not _WEB_ADDRESS.match(value.strip())


def _is_person(author: Any) -> bool:
    if isinstance(author, list):
        return any(_is_person(one) for one in author)
    if isinstance(author, dict):
        kinds = author.get("@type")
        kinds = " ".join(kinds) if isinstance(kinds, list) else str(kinds or "")
        return "Organization" not in kinds and _is_author_name(author.get("name"))
    return _is_author_name(author)


_WEB_ADDRESS = re.compile(r"(?:https?:)?//|www\.", re.I)


def _declares_a_date(metadata: PageMetadata) -> bool:
    """A publication date in the page's meta tags or structured data."""
    return any(key in metadata.meta for key in PUBLISHED_META_KEYS) or any(
        "datePublished" in node or "dateCreated" in node for node in metadata.json_ld
    )


def _declares_a_utc_time(metadata: PageMetadata) -> bool:
    """A declared publication time in UTC ('2022-05-04T02:41:00Z', '… GMT')."""
    declared = [metadata.meta.get(key) for key in PUBLISHED_META_KEYS] + [
        node.get("datePublished") for node in metadata.json_ld
    ]
    return any(isinstance(value, str) and _UTC_TIME.search(value) for value in declared)


_UTC_TIME = re.compile(r"\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:Z|[+-]00:?00|GMT|UTC)\s*$", re.I)
# A clock time as a page shows it: '22:41', '23h23', '12.09 Uhr', '11:38pm',
# '06:28 p. m.'; a dotted pair is no time when a date goes on after it ('09.10.2020').
CLOCK_TIME = re.compile(
    r"(?<![\d.:])(?P<hour>[01]?\d|2[0-3])\s?(?::|h|\.)\s?(?P<minute>[0-5]\d)(?![\d.]\d)(?::\d\d)?"
    r"(?:\s?(?P<half>[aApP]\.?\s?[mM]\.?)(?![a-zA-Z]))?"
)


def _lang(root: HtmlElement, meta: dict[str, str]) -> str | None:
    lang = root.get("lang") or root.get("xml:lang")
    body = root.find("body")
    if not lang and body is not None:
        lang = body.get("lang")
    for key in LANGUAGE_META_KEYS:
        lang = lang or meta.get(key)
    if not lang:
        return None
    lang = lang.strip().replace("_", "-").split(",")[0]
    return lang if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", lang) else None


def _json_ld_language(metadata: PageMetadata) -> str | None:
    article = article_json_ld(metadata)
    language = article.get("inLanguage") if article else None
    if isinstance(language, str) and re.fullmatch(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*", language.strip()):
        return language.strip().replace("_", "-")
    return None


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
