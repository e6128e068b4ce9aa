"""Stage 3, strip: take out what is not the article, before extraction, and say
what was taken (`Removal`) and by which rule.

Order matters and goes from most certain to least:
1. consent platforms' own containers (selectors from `shared/rules`),
2. their blocked-embed placeholders, and any remaining embed, become one link line,
3. landmarks that are never the article (nav, dialogs, complementary),
4. publisher boilerplate known by class or id (share bars, comments, related boxes),
5. the text classifier, block by block, for what carries no known name:
   consent banners, embed notices, read-more boxes and promos in many languages.
Rules 3 to 5 never remove a block that holds most of the page's text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import SplitResult, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from unwall.model import Removal
from unwall.pipeline.embeds import (
    canonical_embed_url,
    embed_line,
    embedded_url,
    is_widget,
    platform_label,
    video_of_still,
)
from unwall.pipeline.language import approximate_words, is_shifted_ciphertext
from unwall.pipeline.metadata import FRONT_PAGE_PATHS
from unwall.pipeline.normalize import comparable_words, lines_between_breaks
from unwall.rules import (
    ClassTokenRule,
    RuleSet,
    SelectorRule,
    element_name_runs,
    is_screen_reader_text,
    line_label_form,
    matches_in_one_walk,
    normalize_label,
    normalize_lines,
    normalize_text,
)

# Where a figure's screen-reader label sits: never a figcaption, whose text is
# the caption however short.
MEDIA_LABEL_TAGS = ("span", "div", "p", "small", "em", "strong", "b", "i")
# Never part of a reader view; removed without a report (they are not "junk the
# user saw", just machinery).
MACHINERY_TAGS = frozenset(
    {
        "script",
        "style",
        "template",
        "link",
        "input",
        "select",
        "textarea",
        "option",
        "svg",
        "canvas",
        "map",
        "object",
        "audio",
        "video",
        "track",
        "param",
    }
)
# Controls are machinery too, but a banner's buttons ('Accept all', 'Reject')
# are the classifier's best evidence: they go once the classifier has judged.
CONTROL_TAGS = frozenset({"button"})
EMBED_TAGS = frozenset({"iframe", "embed", "amp-iframe", "amp-youtube", "lite-youtube"})

# Blocks the classifier judges; inline elements are judged through their block.
CLASSIFIED_BLOCKS = frozenset(
    {
        "div",
        "section",
        "aside",
        "p",
        "dialog",
        "form",
        "footer",
        "header",
        "ul",
        "ol",
        "li",
        "table",
        "figure",
        "blockquote",
        "center",
        "details",
        "span",
        "a",
    }
)

# The longest ad or control label ('artikel wird nach der anzeige fortgesetzt'), with room.
MAX_LINE_LABEL_CHARS = 60
# The same before whitespace is collapsed: labels sit in indented markup.
MAX_RAW_LINE_LABEL_CHARS = 400
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")

# Elements a browser lays out as blocks: where one starts or ends, a reader sees
# a break, even when the markup has no whitespace there (minified pages).
LINE_BREAKING_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        # Buttons sit side by side, but each is its own label: "OK" and
        # "Decline" must not read as "OKDecline".
        "button",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)

# A block longer than this is a page region, not a banner or notice.
MAX_BANNER_CHARS = 4000
MAX_NOTICE_CHARS = 900
MAX_RELATED_CHARS = 500
MAX_PROMO_CHARS = 500
# A box of several paragraphs that asks for support in three of the promotion
# phrases at least ('Journalismus kostet', 'hinter einer Bezahlschranke',
# 'unterstütze uns': L-MAG's box, which readability took for the article).
MAX_APPEAL_CHARS = 1500
MIN_APPEAL_PHRASES = 3
# Another story appended after the article: what may come before its <h1>
# (a section's name, 'Next story'), and how much of the article must stand before it.
MAX_STORY_LABEL_CHARS = 120
MIN_ARTICLE_BEFORE_STORY_CHARS = 500
# A paragraph too short to hold the twelve words the ciphertext test needs.
MIN_CIPHERTEXT_CHARS = 80
# A story's headline, in words, as a related link words it.
MIN_LINKED_HEADLINE_WORDS = 4
MAX_LINKED_HEADLINE_WORDS = 25
MIN_SENTENCE_PARAGRAPH_CHARS = 80
MAX_SIBLINGS_TO_PROSE = 40
# A block of rel="tag" links alone: its text is the links' and their separators.
MIN_TAG_CLOUD_LINK_SHARE = 0.9
TAG_CLOUD_BOXES = frozenset({"div", "p", "span", "ul", "ol", "section", "footer", "nav", "aside"})
# A line of a post's categories and tags: its label, then links.
MAX_TAXONOMY_CHARS = 300
MIN_TAXONOMY_LINK_SHARE = 0.5
# The links a lone related label heads, in the block after it: mostly links, short.
MIN_LABELLED_LINKS_SHARE = 0.5
MAX_LABELLED_LINKS_CHARS = 1500
# 'Related: <headline>' as one link.
MAX_LABELLED_LINK_CHARS = 250
MIN_LABELLED_LINK_SHARE = 0.8
MAX_ERROR_REPORT_CHARS = 400
MAX_COPYRIGHT_CHARS = 300
MAX_AUTHOR_BOX_CHARS = 1500
MAX_COMMENT_LINK_CHARS = 40
# A line of meta around the article (byline, date, counts), not a sentence.
MAX_META_LINE_CHARS = 80
# A placeholder that carries its embed's address says a sentence and offers a button.
MAX_PLACEHOLDER_CHARS = 300
# Without a dialog phrase, a short block needs consent words and this many
# controls (DW's "More info" / "OK") to be a banner.
MAX_BARE_BANNER_CHARS = 400
MIN_BARE_BANNER_ACTIONS = 2
MAX_ACTION_LABEL_CHARS = 40
# The longest related label ('Das Thema könnte dich auch interessieren:') and then some.
MAX_RELATED_LABEL_CHARS = 60
MAX_ACTION_LABEL_WORDS = 4
# Share of a block's sentences that must be about consent before text alone removes it.
MIN_CONSENT_COVERAGE = 0.6
# A page-region guard: class and role rules never remove more than this share of the text.
MAX_GUARDED_SHARE = 0.5
# The prose guard (Readability's reasoning): this many paragraphs of this length,
# with little of the text in links, are an article, not a widget.
MIN_PROSE_PARAGRAPHS = 3
MIN_PROSE_PARAGRAPH_CHARS = 100
MIN_PROSE_CHARS = 500
MAX_PROSE_LINK_DENSITY = 0.25

# A sentence ends at a full stop and a space, or at a full-width stop that needs
# none: Japanese and Chinese write the next sentence right after '。'.
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…؟।])\s+|(?<=[。！？])\s*|\n+")
_LABEL_COLON = re.compile("[:：]")
_CONSENT_NAMES = re.compile(r"cookie|consent|gdpr|rgpd|dsgvo|cmp|privacy|datenschutz|didomi|tarteaucitron")
_FIXED_POSITION = re.compile(r"position\s*:\s*(fixed|sticky)", re.I)


@dataclass
class _Context:
    rules: RuleSet
    removals: list[Removal]
    page_text_length: int
    linked_embeds: set[str]
    observer: RemovalObserver | None = None
    # The page's text before stripping, for first looks that save a pass.
    page_text: str = ""
    # The elements around the article's headline: a page wrapper named like an
    # ad slot (Libération's div#ad-portal) holds the article, and stays.
    around_headline: frozenset[HtmlElement] = frozenset()


# Sees each removed subtree whole (the report keeps 120 characters): used by the
# quality scorer and tests to prove that no article text went with a rule.
RemovalObserver = Callable[[HtmlElement, Removal], None]


def strip_headline_badges(root: HtmlElement, badges: frozenset[str]) -> None:
    """A subscribers' badge inside a headline ('<h1>Didier Porte souhaite la
    Santé à Balkany <span class="label abo">Abonnés</span></h1>', Là-bas si
    j'y suis): read with it, the headline confirmed none of the page's
    titles. Run before the metadata is read."""
    for heading in root.iter("h1", "h2"):
        for badge in list(heading.iterdescendants(*_BADGE_HOLDERS)):
            if badge.getparent() is None or normalize_label(badge.text_content()) not in badges:
                continue
            # At either end of the headline ('Why <em>premium</em> coffee costs
            # more' is a word of it), and not all of it.
            headline, word = normalize_text(heading.text_content()), normalize_text(badge.text_content())
            if headline != word and (headline.startswith(word) or headline.endswith(word)):
                badge.drop_tree()


_BADGE_HOLDERS = ("span", "small", "sup", "mark", "em", "i", "b", "strong", "abbr")


def strip_page(
    root: HtmlElement,
    rules: RuleSet,
    observer: RemovalObserver | None = None,
    page_url: str | None = None,
    headline: HtmlElement | None = None,
) -> list[Removal]:
    """Remove non-article blocks from `root` in place; report each removal.
    `page_url`, the page's address, tells links to the site's own pages;
    `headline`, the article's <h1> (one the page's titles repeat), tells the
    stories a page appends after it."""
    site_domains = _site_domains(root, page_url)
    body = root.find("body")
    scope = body if body is not None else root
    page_text = scope.text_content()
    context = _Context(rules, [], max(len(" ".join(page_text.split())), 1), set(), observer, page_text)
    if headline is not None:
        context.around_headline = frozenset(headline.iterancestors())
    consent_matches, embed_matches = _selector_matches(scope, rules)
    _remove_selector_matches(scope, context, consent_matches)
    if embed_matches is None:
        embed_matches = rules.embed_notices.matches(scope)
    _replace_embed_notices(scope, context, embed_matches)
    _remove_print_copies(scope, context)
    _remove_signup_boxes(scope, context)  # before the machinery goes with its fields
    _remove_entry_forms(scope, context)
    _remove_video_titles(scope, context)  # before the machinery goes with the players
    _remove_titles_the_player_repeats(scope, context)
    _drop_machinery(scope, context)
    if headline is not None:  # before the named regions take the stories' bylines
        _remove_following_stories(scope, context, headline)
    _remove_named_regions(scope, context)
    _remove_author_cards(scope, context)
    _remove_named_author_cards(scope, context)
    _classify_blocks(scope, context)
    _remove_media_labels(scope, context)
    _remove_control_pictures(scope, context)
    _remove_screen_reader_headings(scope, context)
    _remove_comment_links(scope, context)
    links = _LINKS_WITH_HREF(scope)
    _remove_share_bars(scope, context, links)
    _remove_follow_boxes(scope, context, links)
    _remove_closing_handle_lines(scope, context)
    _remove_tag_clouds(scope, context)
    _remove_page_number_rows(scope, context)
    _remove_link_trails(scope, context, page_url)
    _remove_inline_post_pagers(scope, context)
    _remove_caption_controls(scope, context)
    _remove_ciphertext(scope, context)
    _remove_related_story_links(scope, context, site_domains, links)
    _remove_story_cards(scope, context, site_domains)
    _remove_neighbour_post_links(scope, context, links, page_url)
    _remove_arrow_links(scope, context)
    _remove_way_out_links(scope, context, page_url, site_domains)
    _remove_heading_permalinks(scope, context)
    _drop_controls(scope)
    _unwrap_forms(scope)
    return context.removals


# --- helpers ---------------------------------------------------------------


def _text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _block_text(element: HtmlElement, limit: int | None = None) -> str:
    """The text as a reader sees it: a line break where a block starts or ends.
    `text_content()` glues '…bridges.</p><p>Several…' into 'bridges.Several', so
    sentences and phrases would run across block borders. Newlines inside text
    nodes are only source formatting: they become spaces. An inline element
    that starts right after a word starts a word of its own: minified markup
    glues a label to its links ('<span>Tags</span><a>Parks</a>'), which the
    page's style sets apart. With `limit`, stops once that many characters
    are collected."""
    parts: list[str] = []
    size = 0
    for event, node in etree.iterwalk(element, events=("start", "end", "comment")):
        breaks = event != "comment" and node.tag in LINE_BREAKING_TAGS
        piece = node.text if event == "start" else node.tail if node is not element else None
        if breaks:
            parts.append("\n")
        elif event == "start":
            parts.append(" ")  # (runs of spaces collapse where the text is read)
        if piece:
            parts.append(piece.replace("\n", " "))
            size += len(piece.strip())
            if limit is not None and size >= limit:
                break
    return "".join(parts)


def _report_text(element: HtmlElement) -> str:
    return " ".join(_block_text(element, 2 * Removal.TEXT_LIMIT).split())[: Removal.TEXT_LIMIT]


def _record(context: _Context, element: HtmlElement, kind: str, rule: str) -> None:
    removal = Removal(kind=kind, rule=rule, text=_report_text(element))
    context.removals.append(removal)
    if context.observer is not None:
        context.observer(element, removal)


def _remove(element: HtmlElement) -> None:
    if element.getparent() is not None:
        element.drop_tree()


def _still_within(element: HtmlElement, scope: HtmlElement) -> bool:
    """Not gone with a box around it: a removed subtree keeps its document,
    so only the way up to `scope` tells."""
    return any(ancestor is scope for ancestor in element.iterancestors())


def _holds_article(element: HtmlElement, context: _Context) -> bool:
    length = len(_text(element))
    return length > 500 and length > MAX_GUARDED_SHARE * context.page_text_length


def _holds_prose(element: HtmlElement) -> bool:
    """Several long paragraphs with few links: what Readability scores as an
    article. No share bar, banner or read-more box looks like that, whatever its
    class or its words (an article about cookie law is full of consent words)."""
    paragraphs = 0
    prose_chars = 0
    for paragraph in element.iter("p"):
        length = len(_text(paragraph))
        if length >= MIN_PROSE_PARAGRAPH_CHARS:
            paragraphs += 1
            prose_chars += length
    if paragraphs < MIN_PROSE_PARAGRAPHS or prose_chars < MIN_PROSE_CHARS:
        return False
    return _link_text_length(element) <= MAX_PROSE_LINK_DENSITY * max(len(_text(element)), 1)


def _class_and_id_tokens(element: HtmlElement) -> list[str]:
    tokens = (element.get("class") or "").lower().split()
    element_id = (element.get("id") or "").lower().strip()
    if element_id:
        tokens.append(element_id)
    return tokens


# --- 1. consent platforms ---------------------------------------------------


SelectorMatches = list[tuple[HtmlElement, SelectorRule]]


def _selector_matches(scope: HtmlElement, rules: RuleSet) -> tuple[SelectorMatches, SelectorMatches | None]:
    """The consent platforms' containers and, when one walk can find them too,
    the embed notices (None: find them once the containers are gone). A walk
    costs more than the look-ups; the notices can be found before the containers
    go when each is known by its own names, which removing other elements does
    not change (those inside a removed container are skipped as detached)."""
    if rules.embed_notices.local:
        consent, embeds = matches_in_one_walk((rules.consent_dialogs, rules.embed_notices), scope)
        return consent, embeds
    return rules.consent_dialogs.matches(scope), None


def _remove_selector_matches(scope: HtmlElement, context: _Context, matches: SelectorMatches) -> None:
    for element, rule in matches:
        if element.getparent() is None or not _is_attached(element, scope):
            continue  # inside a container removed a moment ago
        _record(context, element, rule.kind, rule.id)
        _remove(element)


def _is_attached(element: HtmlElement, scope: HtmlElement) -> bool:
    return any(ancestor is scope for ancestor in element.iterancestors()) or element is scope


# --- 2. embeds ----------------------------------------------------------------


def _replace_embed_notices(scope: HtmlElement, context: _Context, matches: SelectorMatches) -> None:
    for element, rule in matches:
        if element.getparent() is None or not _is_attached(element, scope):
            continue
        _replace_with_embed_link(element, context, rule.id)
    for element in list(scope.iter(*EMBED_TAGS)):
        if element.getparent() is None:
            continue
        url = embedded_url(element, context.rules.embed_url_attributes)
        label = platform_label(url) if url and not is_widget(url) else None
        if url and label and url not in context.linked_embeds:
            context.linked_embeds.add(url)
            _put_embed_line(element, embed_line(url, label))
        _remove(element)
    _replace_video_stills(scope, context)
    _unquote_social_posts(scope, context)


def _replace_video_stills(scope: HtmlElement, context: _Context) -> None:
    """A player that waits for a click shows the video's still in a box
    without words ('<div class="youtube" data-youtube-id="…"><img
    src="//img.youtube.com/vi/…/hqdefault.jpg"></div>', The A.V. Club): no
    click plays it in a reader view, and the still alone would read as a
    picture of the article. It becomes the link to the video. A still in a
    link to another page is that page's teaser, and stays."""
    for img in list(scope.iter("img")):
        url = video_of_still(img.get("src"))
        if url is None or img.getparent() is None:
            continue
        link = next(img.iterancestors("a"), None)
        if (
            link is not None
            and video_of_still(link.get("href")) != url
            and platform_label(link.get("href") or "") is None
        ):
            continue
        box = img
        while (parent := box.getparent()) is not None and parent is not scope and parent.tag in STILL_BOXES:
            if _text(parent):
                break
            box = parent
        _record(context, box, "embed_notice", "embed.video-still")
        if url not in context.linked_embeds:
            context.linked_embeds.add(url)
            _put_embed_line(box, embed_line(url, platform_label(url) or "Video"))
        _remove(box)


STILL_BOXES = frozenset({"a", "div", "span", "picture", "figure", "p"})


def _unquote_social_posts(scope: HtmlElement, context: _Context) -> None:
    """A network's embed quote (blockquote.twitter-tweet, .instagram-media)
    waits for the network's script, which a reader view never runs. A tweet's
    quote holds its words: it stays a quote, without the class names that
    would make the extractor drop it. Another's holds the network's labels
    ('View this post on Instagram'): it becomes one link to the post."""
    keeps_text = context.rules.quoted_post_keeps_text
    posts: set[str] = set()
    for quote in list(scope.iter("blockquote")):
        classes = (quote.get("class") or "").split()
        kinds = [keeps_text[name] for name in classes if name in keeps_text]
        if not kinds or quote.getparent() is None:
            continue
        url = _quoted_post_url(quote, context.rules.quoted_post_permalink_attributes)
        if url:
            posts.add(_post_key(url))
        if kinds[0] and _text(quote):
            for attribute in ("class", "id"):
                quote.attrib.pop(attribute, None)
            continue
        _record(context, quote, "embed_notice", "embed.quoted-post")
        label = platform_label(url) if url else None
        if url and label and url not in context.linked_embeds:
            context.linked_embeds.add(url)
            _put_embed_line(quote, embed_line(url, label))
        _remove(quote)
    if posts:
        _drop_bare_addresses_of(scope, posts, context)


def _drop_bare_addresses_of(scope: HtmlElement, posts: set[str], context: _Context) -> None:
    """A post's address written as text beside its quote (Última Hora's editor
    leaves 'https://twitter.com/…/status/…' in a box above the tweet): the
    quote shows the post, and links to it."""
    for element in _OPENS_WITH_AN_ADDRESS(scope):
        if element.getparent() is None or element.tag == "a" or element.find(".//a") is not None:
            continue  # a link to the post is one (the line that stands for a quote)
        if next(element.iterancestors("a"), None) is not None:
            continue
        text = element.text_content().strip()
        if _BARE_ADDRESS.fullmatch(text) and _post_key(text) in posts:
            _record(context, element, "embed_notice", "embed.post-address")
            _remove(element)


def _post_key(url: str) -> str:
    """A post's address without its scheme, 'www.', query or fragment:
    the tweet's date links to it with '?ref_src=twsrc%5Etfw'."""
    parts = urlsplit(url)
    return f"{(parts.hostname or '').removeprefix('www.')}{parts.path.rstrip('/')}"


_OPENS_WITH_AN_ADDRESS = etree.XPath(".//*[starts-with(normalize-space(text()), 'http')]")


def _quoted_post_url(quote: HtmlElement, permalink_attributes: tuple[str, ...]) -> str | None:
    """The post's address: in the quote's permalink attribute, else its last
    link to the network (a tweet's date links to the tweet)."""
    for attribute in permalink_attributes:
        value = (quote.get(attribute) or "").strip()
        if value.startswith(("http://", "https://")):
            return canonical_embed_url(value)
    links = [link.get("href") or "" for link in quote.iter("a")]
    return next((href for href in reversed(links) if platform_label(href)), None)


def _put_embed_line(embed: HtmlElement, line: HtmlElement) -> None:
    """The link line takes the embed's place; a wrapper that held nothing but
    the embed (HORIZONT's div.MediaFacebook around an Instagram quote) gives
    way to it, since the extractor drops a box that is all link."""
    holder = embed
    while (parent := holder.getparent()) is not None and parent.tag in EMBED_WRAPPERS:
        if parent.getparent() is None or not _holds_only(parent, holder):
            break
        holder = parent
    holder.addprevious(line)
    if holder is not embed:
        line.tail, holder.tail = holder.tail, None
        _remove(holder)


EMBED_WRAPPERS = frozenset({"div", "span", "figure", "section"})


def _holds_only(parent: HtmlElement, child: HtmlElement) -> bool:
    """`parent` shows nothing but `child`: other children are scripts or empty."""
    if (parent.text or "").strip():
        return False
    for other in parent:
        if (other.tail or "").strip():
            return False
        if other is child or not isinstance(other.tag, str) or other.tag in NON_TEXT_TAGS:
            continue
        if other.text_content().strip() or next(other.iter("img", "iframe", "video"), None) is not None:
            return False
    return True


NON_TEXT_TAGS = frozenset({"script", "style", "noscript", "template"})


def _remove_print_copies(scope: HtmlElement, context: _Context) -> None:
    """A block shown only in print (a print copy of the article, with its
    byline and date again): the site's style sheet hides it on every screen,
    and a reader view, which does not apply it, would tell the article twice.
    Not a block that holds most of the page's text: then it is the article."""
    rules = context.rules
    for element in list(_NAMED_FOR_PRINT(scope)):
        if element.getparent() is None or not _is_print_only(element, rules):
            continue
        if len(_text(element)) > MAX_PRINT_COPY_SHARE * context.page_text_length:
            continue
        _record(context, element, "boilerplate", "landmark.print-only")
        _remove(element)


# Every print-only class names print: a first look in C.
_NAMED_FOR_PRINT = etree.XPath(".//@class[contains(., 'print')]/..")
MAX_PRINT_COPY_SHARE = 0.6


def _is_print_only(element: HtmlElement, rules: RuleSet) -> bool:
    names = (element.get("class") or "").lower().split()
    if not rules.print_only_classes.isdisjoint(names):
        return True
    return (
        rules.print_hiding_class in names
        and any(name.startswith(rules.print_showing_prefix) for name in names)
        and not any(name.startswith(rules.screen_showing_prefixes) for name in names)
    )


def _replace_with_embed_link(element: HtmlElement, context: _Context, rule_id: str) -> None:
    """A notice becomes a link to its embed when the address is in the markup
    of the notice or of its small wrapper; otherwise it is dropped."""
    search_root = element
    parent = element.getparent()
    if parent is not None and len(_text(parent)) <= MAX_NOTICE_CHARS:
        search_root = parent
    url = embedded_url(search_root, context.rules.embed_url_attributes)
    _record(context, element, "embed_notice", rule_id)
    if url and not is_widget(url) and url not in context.linked_embeds:
        label = platform_label(url) or "Embedded content"
        context.linked_embeds.add(url)
        _put_embed_line(element, embed_line(url, label))
    _remove(element)


# --- 3, 4. landmarks and names -------------------------------------------------


def _drop_machinery(scope: HtmlElement, context: _Context) -> None:
    for element in list(scope.iter(*MACHINERY_TAGS)):
        _remove(element)
    # Microdata written as text for machines ('<span itemprop="url">https://…</span>'),
    # which the page's style hides: a bare address, never a line of the article.
    for element in _MICRODATA_ADDRESSES(scope):
        if _BARE_ADDRESS.fullmatch((element.text or "").strip()):
            _remove(element)
    # So are schema.org's counts and ratings ('<span itemprop="reviewCount">52</span>
    # <span itemprop="ratingValue">4.77</span>' under Kwestia Smaku's recipe).
    for element in _MICRODATA_VALUES(scope):
        if element.get("itemprop", "").strip() in _COUNT_PROPERTIES:
            _remove(element)
    if "{{" in context.page_text:
        _drop_template_placeholders(scope)


def _remove_video_titles(scope: HtmlElement, context: _Context) -> None:
    """The title a page sets right above a video player ('En vidéo, 4 aliments
    à privilégier pour mieux dormir', Madame Figaro; 'VIDEO: …'): the reader
    view shows no player, and the title would head nothing, or the next
    paragraph. Only a title that says it is a video's: a section's heading
    may stand over a video too."""
    for video in list(scope.iter("video")):
        holder = video  # and the boxes that hold the player and nothing else
        while (parent := holder.getparent()) is not None and parent is not scope:
            beside = (child for child in parent if child is not holder)
            if (parent.text or "").strip() or any(_shows_something(child) for child in beside):
                break
            holder = parent
        title = holder.getprevious()
        while title is not None and not isinstance(title.tag, str):
            title = title.getprevious()  # a comment between them
        if title is None or title.tag not in _VIDEO_TITLE_TAGS:
            continue
        text = normalize_text(title.text_content())
        if 0 < len(text) <= MAX_VIDEO_TITLE_CHARS and context.rules.video_title_opening.match(text):
            _record(context, title, "boilerplate", "classifier.video-title")
            _remove(title)


def _remove_titles_the_player_repeats(scope: HtmlElement, context: _Context) -> None:
    """A line beside a video player that says the player's own title: ORF's
    box of a player (its data-title), an <h2> of the same words and a line
    about the clip; the Hamburger Abendblatt's paragraph over a Kaltura figure
    whose title and caption say it again. Once the player is gone the title
    heads nothing. A short box of the player, its title and a line goes whole;
    a line of the title right before the player's box goes."""
    for player in _VIDEO_NAMED(scope):
        if not _still_within(player, scope) or "video" not in element_name_runs(player):
            continue
        if len(_text(player)) > MAX_VIDEO_TITLE_CHARS:
            continue  # an article named for its video, not a player
        box = player
        while (parent := box.getparent()) is not None and parent is not scope:
            if len(_text(parent)) > MAX_VIDEO_BOX_CHARS:
                break
            box = parent
        titles = _player_titles(box)
        if not titles:
            continue
        if any(_said_plainly(line) in titles for line in box.iter(*_PLAIN_LINE_TAGS)):
            _record(context, box, "boilerplate", "classifier.video-box")
            _remove(box)
            continue
        before = box.getprevious()
        if before is not None and before.tag in _VIDEO_TITLE_TAGS and _said_plainly(before) in titles:
            _record(context, before, "boilerplate", "classifier.video-title")
            _remove(before)


def _player_titles(box: HtmlElement) -> set[str]:
    """What the player's box names its clip: a data-title, a caption, an element named a title."""
    titles = {" ".join(value.split()) for value in box.xpath(".//@data-title | @data-title")}
    for element in box.iter(etree.Element):
        if element.tag == "figcaption" or "title" in element_name_runs(element):
            titles.add(_text(element))
    return {comparable_words(title) for title in titles if 0 < len(title) <= MAX_VIDEO_TITLE_CHARS} - {""}


def _said_plainly(element: HtmlElement) -> str:
    return comparable_words(_text(element))


_VIDEO_NAMED = etree.XPath(".//*[contains(translate(@class, 'VIDEO', 'video'), 'video')]")
_PLAIN_LINE_TAGS = ("p", "h2", "h3", "h4", "h5", "h6")
MAX_VIDEO_BOX_CHARS = 400


def _shows_something(node: HtmlElement) -> bool:
    """Not a script, a style or a comment beside the player, nor their tails' spaces."""
    if (node.tail or "").strip():
        return True
    return isinstance(node.tag, str) and node.tag not in _UNSHOWN_BESIDE_A_PLAYER


_UNSHOWN_BESIDE_A_PLAYER = MACHINERY_TAGS - {"video", "audio", "iframe"}
_VIDEO_TITLE_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6", "p", "div", "span", "strong"})
MAX_VIDEO_TITLE_CHARS = 200


def _drop_template_placeholders(scope: HtmlElement) -> None:
    """A page sent before its scripts ran shows its templates' placeholders
    ('{{nrco.contentDetailController.content.title}}', AngularJS, Vue,
    Handlebars): machinery, never text a reader sees. Code samples keep theirs."""
    for text in _TEXT_WITH_PLACEHOLDERS(scope):
        holder = text.getparent()
        if holder is None or any(True for _ in holder.iterancestors(*_CODE_TAGS)) or holder.tag in _CODE_TAGS:
            continue
        if text.is_text:
            holder.text = _PLACEHOLDER.sub("", holder.text or "")
        elif text.is_tail:
            holder.tail = _PLACEHOLDER.sub("", holder.tail or "")


_TEXT_WITH_PLACEHOLDERS = etree.XPath(".//text()[contains(., '{{')]")
_PLACEHOLDER = re.compile(r"\{\{.*?\}\}", re.S)
_CODE_TAGS = ("pre", "code", "samp", "kbd", "textarea")


_MICRODATA_ADDRESSES = etree.XPath(".//*[@itemprop][not(*)][starts-with(normalize-space(), 'http')]")
_BARE_ADDRESS = re.compile(r"https?://\S+")
_MICRODATA_VALUES = etree.XPath(".//*[@itemprop][not(*)][string-length(normalize-space()) <= 12]")
# schema.org's properties of a count or a rating (AggregateRating, Rating, InteractionCounter, CreativeWork).
_COUNT_PROPERTIES = frozenset(
    {"ratingValue", "ratingCount", "reviewCount", "bestRating", "worstRating", "commentCount"}
    | {"userInteractionCount"}
)


def _drop_controls(scope: HtmlElement) -> None:
    for element in list(scope.iter(*CONTROL_TAGS)):
        _remove(element)


def _remove_control_pictures(scope: HtmlElement, context: _Context) -> None:
    """A picture whose text alternative is a control's label is the
    control's drawing ('Decrease Font', 'A A A', 'Increase Font': Fox News's
    text-size buttons over its story, pictures in links that run a script):
    it does nothing in a reader view, and the first of them was taken for
    the lead image."""
    for img in list(scope.iter("img")):
        alt = img.get("alt")
        if alt and img.getparent() is not None and line_label_form(alt) in context.rules.control_labels:
            link = img.getparent()
            box = link if link.tag == "a" and not _text(link) and len(link) == 1 else img
            _record(context, box, "boilerplate", "classifier.control-label")
            _remove(box)


def _remove_media_labels(scope: HtmlElement, context: _Context) -> None:
    """A figure's label for screen readers ('Image', 'Photo', 'Image caption'),
    hidden by the page's CSS, would read as a line of its own above the caption."""
    screen_reader_only = context.rules.screen_reader_classes
    for figure in scope.iter("figure"):
        for element in list(figure.iterdescendants(*MEDIA_LABEL_TAGS)):
            if element.getparent() is None or element.find(".//img") is not None:
                continue
            if normalize_label(element.text_content()) in context.rules.media_labels:
                _record(context, element, "boilerplate", "classifier.media-label")
                _remove(element)
            elif not screen_reader_only.isdisjoint((element.get("class") or "").lower().split()):
                _record(context, element, "boilerplate", "classifier.screen-reader-label")
                _remove(element)


def _remove_screen_reader_headings(scope: HtmlElement, context: _Context) -> None:
    """A heading the page's CSS keeps off the screen labels a widget for a
    listener ('Fotostrecke mit 4 Bildern' over ORF's gallery, 'Related
    stories'): shown in the reader view it reads as a section of the article."""
    for heading in list(scope.iter(*HEADING_TAGS)):
        if heading.getparent() is not None and is_screen_reader_text(heading):
            _record(context, heading, "boilerplate", "classifier.screen-reader-heading")
            _remove(heading)


def strip_line_labels(
    content: HtmlElement, rules: RuleSet, observer: RemovalObserver | None = None
) -> list[Removal]:
    """Ad and widget labels left in the extracted article (`_remove_line_labels`).
    Read there, not on the whole page: the test visits every element, and the
    article is a small part of the page (outside it, labels go with the rest)."""
    context = _Context(rules, [], 1, set(), observer)  # (no rule here weighs the page's length)
    _remove_line_labels(content, context)
    _remove_bracketed_ads(content, context)
    _remove_control_rows(content, context)
    _remove_closing_promo_line(content, context)
    return context.removals


def _remove_bracketed_ads(content: HtmlElement, context: _Context) -> None:
    """A block that opens with an ad label in brackets, the ad's text after it
    ('[advertisement] How are you showing off your awesome? Create a Stack
    Overflow Careers profile…' under Coding Horror's posts; '[PR]' before a
    Japanese site's paid line): the ad, labelled as one by the page."""
    for block in list(content.iter("p", "div", "td", "li")):
        if block.getparent() is None or next(block.iterdescendants(*_AD_BLOCK_TAGS), None) is not None:
            continue
        opening = _BRACKETED_OPENING.match(_text(block))
        if opening is not None and line_label_form(opening[1]) in context.rules.ad_labels:
            _record(context, block, "promo", "classifier.ad-label")
            _remove(block)


_AD_BLOCK_TAGS = ("p", "div", "td", "li", "table", "ul", "ol")
_BRACKETED_OPENING = re.compile(r"\s*[\[［【]([^\]］】]{2,30})[\]］】]\s*\S")


def _remove_control_rows(content: HtmlElement, context: _Context) -> None:
    """A line of a widget's labels parted by bars, dots or dashes ('Druckansicht |
    Artikel versenden | Tippfehler melden', kath.net): each a control of the
    page, all of them no line of the article."""
    # Only the blocks around a bar or a dot: libxml2 finds the few texts that hold one.
    blocks: dict[HtmlElement, None] = {}
    for mark in _CONTROL_ROW_MARK_TEXTS(content):
        holder = mark.getparent()
        if mark.is_tail:
            holder = holder.getparent()
        block = next(
            (b for b in itertools.chain([holder], holder.iterancestors()) if b.tag in CONTROL_ROW_BLOCKS),
            None,
        )
        if block is not None:
            blocks[block] = None
    for block in blocks:
        if len(block.text_content()) > MAX_RAW_CONTROL_ROW_CHARS:
            continue
        if block.getparent() is None or next(block.iterdescendants("p", "div", "li"), None) is not None:
            continue
        if _is_control_row(_text(block), context):
            _record(context, block, "boilerplate", "classifier.control-label")
            _remove(block)
            continue
        # The block's last line, after its last line break ('vor 5 Stunden in
        # Aktuelles<br><a>Druckansicht</a> | <a>Artikel versenden</a>').
        breaks = [child for child in block if child.tag == "br"]
        if not breaks:
            continue
        line = list(breaks[-1].itersiblings())
        words = (breaks[-1].tail or "") + "".join(_text(node) + (node.tail or "") for node in line)
        text = " ".join(words.split())
        if _is_control_row(text, context):
            _record(context, breaks[-1], "boilerplate", "classifier.control-label")
            for node in [breaks[-1], *line]:
                node.tail = None
                _remove(node)


def _is_control_row(text: str, context: _Context) -> bool:
    if len(text) > MAX_CONTROL_ROW_CHARS or not _CONTROL_ROW_SEPARATOR.search(text):
        return False
    parts = [part for part in _CONTROL_ROW_SEPARATOR.split(text) if part.strip()]
    return len(parts) >= 2 and all(line_label_form(part) in context.rules.control_labels for part in parts)


MAX_CONTROL_ROW_CHARS = 120
# A block's last line may be a row under a longer line: the block may be longer.
MAX_RAW_CONTROL_ROW_CHARS = 1000
CONTROL_ROW_BLOCKS = frozenset({"p", "div", "li", "span"})
_CONTROL_ROW_MARK_TEXTS = etree.XPath(
    ".//text()[contains(., '|') or contains(., '\u00b7') or contains(., '\u2022')"
    " or contains(., ' - ') or contains(., ' \u2013 ') or contains(., ' \u2014 ')]"
)


# Bars and dots, and dashes with a space either side ('VIEW GALLERY - 3 IMAGES', TweakTown).
_CONTROL_ROW_SEPARATOR = re.compile(r"\s[|·•\-–—]\s|\s*\|\s*")


def _remove_closing_promo_line(content: HtmlElement, context: _Context) -> None:
    """The article's last line, when it is the site's call ('Diskutieren Sie
    mit dem Autor - auf <a>Twitter</a> oder auf <a>Instagram</a>!', HORIZONT):
    a short promo that opens with its words. On the page it was a line of a
    block parted by <br>, which the block rules judge whole; extraction made
    it a paragraph, or it is still the block's last line."""
    last = next(
        (
            block
            for block in reversed(list(content.iter("p", "div")))
            if next(block.iterdescendants("p", "div"), None) is None and block.text_content().strip()
        ),
        None,
    )
    if last is None:
        return
    if last.find("br") is None:
        verdict = _closing_line_verdict(_text(last), context)
        if verdict is not None:
            _record(context, last, *verdict)
            _remove(last)
        return
    segments: list[list[HtmlElement]] = [[]]
    for child in last:
        if child.tag == "br":
            segments.append([child])
        else:
            segments[-1].append(child)
    for segment in reversed(segments[1:]):
        line = _segment_text(segment)
        if not line:
            continue
        verdict = _closing_line_verdict(line, context)
        if verdict is not None:
            _record(context, last, *verdict)
            for node in reversed(segment):
                node.tail = None
                _remove(node)
        return


def _closing_line_verdict(line: str, context: _Context) -> tuple[str, str] | None:
    """The site's short call; the publisher's notice ('[ⓒ 매일경제 & mk.co.kr,
    무단전재 및 재배포 금지]', a line of the block extraction made paragraphs);
    or the label of related links that went, as the block's last line after a
    <br> (phpspot's '…サンプルです<br><br>関連エントリ' above its list) or as
    loose text after the article's last rule, which extraction made a
    paragraph (1pezeshk's 'این نوشته‌ها را هم بخوانید' over the theme's list)."""
    normalized = normalize_text(line)
    if len(line) <= MAX_LINKED_PROMO_CHARS and context.rules.promo_phrases.opens(normalized):
        return "promo", "classifier.closing-promo-line"
    if len(line) <= MAX_COPYRIGHT_CHARS and _says_copyright(normalized, context):
        return "boilerplate", "classifier.closing-copyright-line"
    if context.rules.related_labels.is_label(normalize_label(line)):
        return "related", "classifier.closing-related-line"
    return None


def _segment_text(segment: list[HtmlElement]) -> str:
    """The text of a line: its <br>'s tail, then its elements with their tails."""
    opening, *rest = segment
    parts = [opening.tail or ""] + [element.text_content() + (element.tail or "") for element in rest]
    return " ".join("".join(parts).split())


def _remove_line_labels(scope: HtmlElement, context: _Context) -> None:
    """A block whose whole text is an ad slot's label ('Advertisement',
    'Anzeige') or a widget's ('Listen to this article', '5 min read', 'Print'):
    its ad was blocked, its control is gone or does nothing in a reader view,
    and the label alone reads as a line of the article. It goes with its empty
    slot. Not a heading ('Werbung' over a section), nor a word of a sentence
    ('Er erstattete <a>Anzeige</a> bei der Polizei'). libxml2 lists the
    elements with a short text of their own; the raw pattern rejects most."""
    rules = context.rules
    for element in _SHORT_TEXT_HOLDERS(scope):
        own = element.text or ""
        if 0 < len(element) <= MAX_LABEL_ICONS:  # an icon before the words ('<svg/>5 min read')
            own += "".join(child.tail or "" for child in element)
        own = own.strip()
        if len(own) > MAX_LINE_LABEL_CHARS or not rules.line_label_trigger.occurs_in_raw(own):
            continue
        if not _still_within(element, scope):
            continue  # gone with a label around it
        whole = element.text_content()
        if len(whole) > MAX_RAW_LINE_LABEL_CHARS:
            continue
        form = line_label_form(whole)
        if form in rules.ad_labels:
            kind, rule = "promo", "classifier.ad-label"
        elif form in rules.control_labels or form in rules.arrow_labels:
            kind, rule = "boilerplate", "classifier.control-label"
        else:
            continue
        # Up to the largest box that holds nothing else (the slot and its wrapper).
        box, in_block = element, element.tag in LINE_BREAKING_TAGS
        while (parent := box.getparent()) is not None and parent is not scope and parent.tag in LABEL_BOXES:
            if (
                len(parent.text_content()) > MAX_RAW_LINE_LABEL_CHARS
                or line_label_form(parent.text_content()) != form
                or _holds_media(parent)  # NDR's 'Bild vergrößern' in the picture's link: the picture stays
            ):
                break
            box = parent
            in_block = in_block or box.tag in LINE_BREAKING_TAGS
        parent = box.getparent()
        if parent is None or parent.tag in HEADING_TAGS or box.tag in HEADING_TAGS:
            continue
        if any(True for _ in box.iter(*HEADING_TAGS)) or _holds_media(box):
            continue
        # A block inside the box is a line of its own, whatever sits beside the box.
        # An arrow alone ('Next') may lead to the article's next page, and stays.
        if form in rules.arrow_labels or not (in_block or _is_own_line(box)):
            # The box may be one of a row of controls ('<div class="controls"><span>Previous</span>
            # <span>Next</span></div>' under the New York Daily News's gallery).
            row = _row_of_controls(box, scope, context) if kind == "boilerplate" else None
            if row is None:
                continue
            box = row
        _record(context, box, kind, rule)
        _remove(box)


def _row_of_controls(box: HtmlElement, scope: HtmlElement, context: _Context) -> HtmlElement | None:
    """The block around `box` when it holds nothing but a few elements, each
    a control's label, and no words between them. An empty one among them is
    a control's drawing (the slider of a switch), no label."""
    row = box.getparent()
    if row is None or row is scope or row.tag not in CONTROL_ROW_BLOCKS or (row.text or "").strip():
        return None
    controls = [child for child in row if isinstance(child.tag, str) and child.text_content().strip()]
    if not 2 <= len(controls) <= MAX_ROW_CONTROLS or any((child.tail or "").strip() for child in row):
        return None
    if _holds_media(row) or any(True for _ in row.iter(*HEADING_TAGS)):
        return None
    rules = context.rules
    forms = [line_label_form(control.text_content()) for control in controls]
    return row if all(form in rules.control_labels or form in rules.arrow_labels for form in forms) else None


MAX_ROW_CONTROLS = 6


def _holds_media(element: HtmlElement) -> bool:
    return any(True for _ in element.iter("img", "picture", "video"))


MAX_LABEL_ICONS = 3
_SHORT_TEXT_HOLDERS = etree.XPath(
    ".//*[text()[string-length(normalize-space()) > 1"
    f" and string-length(normalize-space()) <= {MAX_LINE_LABEL_CHARS}]]"
)
# Boxes that may hold a label and nothing else, and go with it.
LABEL_BOXES = frozenset(
    {
        "div",
        "aside",
        "section",
        "p",
        "span",
        "small",
        "figure",
        "center",
        "a",
        "b",
        "strong",
        "em",
        "i",
        "li",
        "ul",
    }
)


def _remove_named_regions(scope: HtmlElement, context: _Context) -> None:
    """Landmarks that are never the article, and boilerplate known by its class
    or id, in one walk."""
    rules = context.rules
    # Document order, listed by lxml in C; a removed element's subtree, the
    # elements listed right after it, is skipped.
    elements = list(scope.iterdescendants(etree.Element))
    position = 0
    while position < len(elements):
        element = elements[position]
        position += 1
        verdict = _landmark(element, rules)
        if verdict is None and element not in context.around_headline:
            named = _named_boilerplate(element, rules)
            if named is not None and (named.may_hold_prose or not _holds_prose(element)):
                verdict = named.kind, named.id
        if verdict is not None and not _holds_article(element, context):
            kind, rule = verdict
            # A related box's title named so, alone in its box ('<h4
            # class="related__title">Related Story</h4><a><h3>…</h3></a>',
            # Deadline): the teaser it heads goes with it.
            following = (
                _what_the_label_heads(element)
                if kind == "related" and _is_label_alone(element, rules)
                else []
            )
            _record(context, element, kind, rule)
            position += sum(1 for _ in element.iterdescendants(etree.Element))
            line = element.getparent()
            _remove(element)
            for block in following:
                _record(context, block, kind, rule)
                _remove(block)
            if line is not None and line is not scope and _is_label_left_alone(line):
                _record(context, line, kind, rule)
                _remove(line)


def _is_label_left_alone(line: HtmlElement) -> bool:
    """A line that held a label and what it labels, now without the latter
    (Tasty Recipes' '<li><strong>Author:</strong> <a class="…-author-name">',
    whose name the reader shows in its header): the label alone says nothing."""
    if line.tag not in LABELLED_LINE_TAGS or _holds_media(line):
        return False
    text = _text(line)
    return 0 < len(text) <= MAX_LINE_LABEL_CHARS and _LABEL_COLON.fullmatch(text[-1]) is not None


LABELLED_LINE_TAGS = frozenset({"li", "p", "dd", "div", "span"})


def _is_label_alone(element: HtmlElement, rules: RuleSet) -> bool:
    text = _text(element)
    return len(text) <= MAX_RELATED_LABEL_CHARS and rules.related_labels.is_label(normalize_label(text))


def _landmark(element: HtmlElement, rules: RuleSet) -> tuple[str, str] | None:
    role = (element.get("role") or "").lower()
    if element.tag in rules.remove_tags or role in rules.remove_roles or element.get("aria-modal") == "true":
        kind = "consent_dialog" if _looks_consent_named(element) else "boilerplate"
        return kind, f"landmark.{role or element.tag}"
    return None


def _named_boilerplate(element: HtmlElement, rules: RuleSet) -> ClassTokenRule | None:
    named = rules.boilerplate_rule_for(element_name_runs(element))
    if named is not None and element.tag in {"article", "main"} and not named.names_article_elements:
        return None
    return named


def _looks_consent_named(element: HtmlElement) -> bool:
    return any(_CONSENT_NAMES.search(token) for token in _class_and_id_tokens(element))


def _remove_comment_links(scope: HtmlElement, context: _Context) -> None:
    """'10 réactions', '3 Comments', 'Leave a comment': a short link to the page's
    comment section, which the reader view does not show. Only on a line of
    its own or in a short line of meta: inside a sentence, the words stay."""
    anchors = context.rules.comment_anchors
    for link in list(scope.iter("a")):
        href = link.get("href") or ""
        parent = link.getparent()
        if "#" not in href or href.rpartition("#")[2].lower() not in anchors or parent is None:
            continue
        if len(_text(link)) > MAX_COMMENT_LINK_CHARS or link.find(".//img") is not None:
            continue
        if _is_own_line(link) or len(_text(parent)) <= MAX_META_LINE_CHARS:
            _record(context, link, "comments", "classifier.comment-link")
            _remove(link)


def _remove_share_bars(scope: HtmlElement, context: _Context, links: list[HtmlElement]) -> None:
    """A row of links to share dialogs ('Facebook Twitter WhatsApp E-Mail',
    'Teilen Twittern Mailen'; `share_endpoints`), whatever its class names:
    the reader view shares nothing, and the names read as a line of the
    article. The row goes up to the largest box that holds nothing else but a
    label ('Share:') and buttons without an address; a share link inside a
    line of other text stays."""
    endpoints = context.rules.share_endpoints
    for link in links:
        href = (link.get("href") or "").strip().lower()
        if not _may_lead_to_share_dialog(href, context) or not endpoints.search(href):
            continue
        if link.getparent() is None:
            continue
        if not _still_within(link, scope):
            continue  # gone with a bar around it
        box = link
        while (
            (parent := box.getparent()) is not None
            and parent is not scope
            and _holds_only_share_links(parent, context)
        ):
            box = parent
        if box is link and not (_is_own_line(link) and len(_text(link)) <= MAX_SHARE_LINK_CHARS):
            continue
        _record(context, box, "boilerplate", "classifier.share-bar")
        _remove(box)


def _may_lead_to_share_dialog(href: str, context: _Context) -> bool:
    """A first look with string tests: the address's host, without 'www.' or
    'm.', is a share endpoint's, or its scheme is ('mailto:')."""
    if href.startswith(context.rules.share_schemes):
        return True
    host = href.partition("//")[2].partition("/")[0]
    return host in context.rules.share_hosts or host.partition(".")[2] in context.rules.share_hosts


def _holds_only_share_links(box: HtmlElement, context: _Context) -> bool:
    if box.tag not in SHARE_BAR_BOXES or _UNLINKED_PICTURES(box):
        return False  # a picture the links share is the article's
    text = _text(box)
    if len(text) > MAX_SHARE_BAR_CHARS:
        return False
    endpoints = context.rules.share_endpoints
    addresses = [(link.get("href") or "").strip().lower() for link in box.iter("a")]
    if not all(endpoints.search(address) or _NO_ADDRESS.match(address) for address in addresses):
        return False
    label = " ".join(" ".join(_TEXT_OUTSIDE_LINKS(box)).split())
    # A date or a count beside the links is the line's own ('June 8, 2015').
    return len(label) <= MAX_SHARE_LABEL_CHARS and not any(character.isdigit() for character in label)


_LINKS_WITH_HREF = etree.XPath(".//a[@href]")
SHARE_BAR_BOXES = LABEL_BOXES | {"ul", "ol", "li", "nav", "footer", "header"}
_UNLINKED_PICTURES = etree.XPath(".//img[not(ancestor::a)] | .//picture[not(ancestor::a)]")
# A button drawn as a link: 'Copy link', 'Print' beside the share links.
_NO_ADDRESS = re.compile(r"^(?:$|#|javascript:)")
MAX_SHARE_BAR_CHARS = 200
MAX_SHARE_LINK_CHARS = 40
# 'Share:', 'Diesen Artikel teilen', separators between the links.
MAX_SHARE_LABEL_CHARS = 40


def _remove_follow_boxes(scope: HtmlElement, context: _Context, links: list[HtmlElement]) -> None:
    """A box of links or addresses to the site's profiles on two social
    networks or more, and nothing else but a short label ('Follow us: Facebook
    Instagram', 'ติดตามประชาไทอัพเดท ได้ที่: เฟซบุ๊ก https://fb.me/prachatai
    ทวิตเตอร์ https://twitter.com/prachatai'): told by its addresses
    (`social_profiles`) in any language. A link to a post ('x.com/…/status/…')
    is a source the article cites, and a profile named in a sentence stays."""
    for start in _profile_address_holders(scope, context, links):
        if start.getparent() is None or not _is_attached(start, scope):
            continue  # gone with a box around it
        if not _holds_only_profiles(start, context):
            continue
        box = start
        while (
            (parent := box.getparent()) is not None
            and parent is not scope
            and parent.tag in SHARE_BAR_BOXES
            and _holds_only_profiles(parent, context)
        ):
            box = parent
        if len(_profile_networks(box, context)) >= MIN_FOLLOW_BOX_NETWORKS or box.tag == "aside":
            # An <aside> is set apart from the story: a profile and a label
            # are a follow box even on one network ('Like LifeBuzz on Facebook'
            # beside a video).
            _record(context, box, "promo", "classifier.follow-box")
            _remove(box)
        elif (line := _closing_follow_line(box)) is not None:
            _record(context, line, "promo", "classifier.follow-line")
            _remove(line)


def _closing_follow_line(box: HtmlElement) -> HtmlElement | None:
    """The article's last paragraph, a link to someone's profile and a few
    words around it: 'Follow <a href="twitter.com/jeffersongraham">Jefferson
    Graham</a> on Twitter.' (USA Today), 'Folgen Sie <a>…</a> auf X', in any
    language."""
    paragraph = box if box.tag == "p" else box.getparent()
    if paragraph is None or paragraph.tag != "p":
        return None
    if len(paragraph.findall(".//a")) != 1 or len(paragraph) > MAX_FOLLOW_LINE_ELEMENTS:
        return None
    words = ((paragraph.text or "") + "".join(child.tail or "" for child in paragraph)).split()
    closing = _in_paragraph_run(paragraph) and _closes_its_run(paragraph)
    return paragraph if 0 < len(words) <= MAX_FOLLOW_LINE_WORDS and closing else None


def _remove_closing_handle_lines(scope: HtmlElement, context: _Context) -> None:
    """The article's last paragraph, a short line naming a network and a handle
    on it, linked or not: 'Follow Lucia I. Suarez on Twitter @luciasuarezsang'
    (Fox News Latino), in any language."""
    if "@" not in context.page_text:
        return
    for paragraph in _PARAGRAPHS_WITH_AT(scope):
        text = _text(paragraph)
        if len(text) > MAX_HANDLE_LINE_CHARS or not _HANDLE.search(text):
            continue
        words = set(re.findall(r"[a-z]+", text.lower()))
        if words.isdisjoint(_network_names(context.rules.social_profile_hosts)):
            continue
        if _in_paragraph_run(paragraph) and _closes_its_run(paragraph):
            _record(context, paragraph, "promo", "classifier.follow-line")
            _remove(paragraph)


_PARAGRAPHS_WITH_AT = etree.XPath(".//p[contains(., '@')]")
_HANDLE = re.compile(r"(?<![\w.])@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}(?![\w@])")
MAX_HANDLE_LINE_CHARS = 100


@lru_cache(maxsize=4)
def _network_names(hosts: frozenset[str]) -> frozenset[str]:
    """'twitter' for twitter.com: the names a line writes the networks by (of
    three letters or more: 'x' is any letter)."""
    return frozenset(name for name in (host.partition(".")[0] for host in hosts) if len(name) >= 3)


MIN_FOLLOW_BOX_NETWORKS = 2
# 'Follow', 'on', 'Twitter.': the words around the name; a link and its line breaks.
MAX_FOLLOW_LINE_WORDS = 5
MAX_FOLLOW_LINE_ELEMENTS = 2
MAX_FOLLOW_BOX_CHARS = 400
# 'Follow us on social media:', the networks' names, separators.
MAX_FOLLOW_LABEL_CHARS = 80
# Profile addresses written out as text, as some sites do.
_WRITTEN_ADDRESS = re.compile(r"(?:https?://)?(?:www\.|m\.)?(?:[a-z0-9-]+\.)+[a-z]{2,}/[^\s<>\"'，。]*", re.I)


def _profile_address_holders(
    scope: HtmlElement, context: _Context, links: list[HtmlElement]
) -> list[HtmlElement]:
    """The links to a profile, and the elements whose own text writes one out."""
    on_a_network = _network_address_pattern(context.rules.social_profile_hosts).search
    holders = [
        link
        for link in links
        if on_a_network(href := link.get("href") or "") and _profile_network(href, context)
    ]
    if not _writes_a_profile_address(context.page_text, context):
        return holders
    for text in _TEXT_WITH_ADDRESSES(scope):
        parent = text.getparent()
        if parent is not None and parent.tag != "a" and _written_profile_networks(str(text), context):
            holders.append(parent)
    return holders


@lru_cache(maxsize=4)
def _network_address_pattern(hosts: frozenset[str]) -> re.Pattern[str]:
    """A first look at a link's address, in C: most pages hold thousands of
    links, and a few or none of them go to a network."""
    names = "|".join(re.escape(host) for host in sorted(hosts, key=len, reverse=True))
    return re.compile(rf"//(?:www\.|m\.)?(?:{names})/", re.I)


# An address written out names its scheme.
_TEXT_WITH_ADDRESSES = etree.XPath(".//text()[contains(., '://')]")


def _writes_a_profile_address(text: str, context: _Context) -> bool:
    """A first look at the page's text, before its text nodes are visited:
    some address written out after '://' is on a network's host."""
    start = text.find("://")
    while start != -1:
        host = text[start + 3 : start + 3 + MAX_HOST_CHARS].partition("/")[0].lower()
        if host.removeprefix("www.").removeprefix("m.") in context.rules.social_profile_hosts:
            return True
        start = text.find("://", start + 3)
    return False


MAX_HOST_CHARS = 40


def _profile_network(address: str, context: _Context) -> str | None:
    """The network whose profile the address names ('https://www.instagram.com/harbour'
    -> 'instagram.com'); None for any other address, a post's among them."""
    scheme, slashes, rest = address.strip().lower().partition("//")
    if not slashes or scheme not in {"", "http:", "https:"}:
        return None
    # The host by string tests first: most links go elsewhere.
    host = rest.partition("/")[0].partition("?")[0].partition("#")[0].rpartition("@")[2].partition(":")[0]
    host = host.removeprefix("www.").removeprefix("m.")
    if host not in context.rules.social_profile_hosts:
        return None
    try:
        path = [segment for segment in urlsplit("https://" + rest).path.split("/") if segment]
    except ValueError:
        return None
    if not path or len(path) > MAX_PROFILE_PATH_SEGMENTS:
        return None
    if any(segment in context.rules.social_post_path_words or segment.isdigit() for segment in path):
        return None
    return host


# 'youtube.com/channel/<id>', 'bsky.app/profile/<handle>'.
MAX_PROFILE_PATH_SEGMENTS = 3


def _written_profile_networks(text: str, context: _Context) -> set[str]:
    networks = set()
    for written in _WRITTEN_ADDRESS.findall(text):
        address = written if "//" in written else "https://" + written
        if network := _profile_network(address, context):
            networks.add(network)
    return networks


def _profile_networks(box: HtmlElement, context: _Context) -> set[str]:
    networks = {_profile_network(link.get("href") or "", context) for link in box.iter("a")}
    for text in box.itertext():
        networks |= _written_profile_networks(text, context)
    return {network for network in networks if network}


def _holds_only_profiles(box: HtmlElement, context: _Context) -> bool:
    """Links to profiles or to nowhere, pictures inside them (the networks'
    icons), written profile addresses, and a short label."""
    if _UNLINKED_PICTURES(box) or len(_text(box)) > MAX_FOLLOW_BOX_CHARS:
        return False
    for link in box.iter("a"):
        address = (link.get("href") or "").strip()
        if not (_NO_ADDRESS.match(address) or _profile_network(address, context)):
            return False
    label = _WRITTEN_ADDRESS.sub(" ", " ".join(_TEXT_OUTSIDE_LINKS(box)))
    return len(" ".join(label.split())) <= MAX_FOLLOW_LABEL_CHARS


def _remove_ciphertext(scope: HtmlElement, context: _Context) -> None:
    """Paragraphs a paywall ships enciphered (`is_shifted_ciphertext`): what
    the reader sees there is either the decoded text, for a subscriber, or
    nothing. A paragraph too short for the test goes when it carries the class
    names of those that passed it (Hamburger Abendblatt's 'p.obfuscated': a
    caption, a link's title)."""
    enciphered_classes = set()
    for block in _LONG_PARAGRAPHS(scope):
        if block.getparent() is None:
            continue
        text = block.text_content()
        if is_shifted_ciphertext(text):
            enciphered_classes.add(block.get("class") or "")
            _record(context, block, "boilerplate", "classifier.ciphertext")
            _remove(block)
    enciphered_classes.discard("")
    if not enciphered_classes:
        return
    for block in list(scope.iter("p")):
        if block.get("class") in enciphered_classes and block.getparent() is not None:
            _record(context, block, "boilerplate", "classifier.ciphertext")
            _remove(block)


# Selected by libxml2, which measures every paragraph's text without a Python object for each.
_LONG_PARAGRAPHS = etree.XPath(f".//p[string-length(normalize-space(.)) >= {MIN_CIPHERTEXT_CHARS}]")
_LINKS_WITH_REL = etree.XPath(".//a[@rel]")


def _is_tag_link(link: HtmlElement) -> bool:
    return "tag" in (link.get("rel") or "").lower().split()


def _remove_tag_clouds(scope: HtmlElement, context: _Context) -> None:
    """A block of a post's tag links and nothing else ('DDL filehost Kim DotCom'):
    rel="tag" (microformats.org/wiki/rel-tag), which WordPress writes on every
    tag and category link, says what they are without a 'Tags:' label."""
    boxes = {link.getparent() for link in _LINKS_WITH_REL(scope) if _is_tag_link(link)}
    # A list of tags: the box is the list.
    boxes = {box.getparent() if box is not None and box.tag == "li" else box for box in boxes}
    for box in boxes:
        if box is None or box.getparent() is None or box.tag not in TAG_CLOUD_BOXES:
            continue
        links = list(box.iter("a"))
        if len(links) < 2 or not all(_is_tag_link(link) for link in links):
            continue
        if _link_text_length(box) >= MIN_TAG_CLOUD_LINK_SHARE * len(_text(box)):
            _record(context, box, "navigation", "classifier.tag-cloud")
            _remove(box)


def _remove_link_trails(scope: HtmlElement, context: _Context, page_url: str | None) -> None:
    """'您所在的位置： 首页 > 快讯 > 公司', 'Home › News › Politics', 'Home | Video |
    World', 'News homepage / archives': a row of links, one of them to the
    front page or up to the section the page sits in, parted by separators,
    perhaps after a short label: a breadcrumb trail or the site's menu,
    whatever its class names."""
    page = _split_address(page_url)
    for link in scope.iter("a"):
        href = link.get("href") or ""
        if not (_is_front_page_address(href) or _is_section_above(href, page)):
            continue
        trail = link.getparent()
        while trail is not None and trail.tag in TRAIL_WRAPPERS and trail.getparent() is not None:
            trail = trail.getparent()
        if trail is None or trail.getparent() is None or trail.tag not in TAG_CLOUD_BOXES:
            continue
        # A trail is a few elements; the logo's link in a page's whole header is not one.
        if next(itertools.islice(trail.iter(), MAX_TRAIL_ELEMENTS, None), None) is not None:
            continue
        links = trail.findall(".//a")
        if len(links) < MIN_TRAIL_LINKS or len(trail.text_content()) > MAX_RAW_TRAIL_CHARS:
            continue
        rest = _TRAIL_LABEL.sub("", " ".join(_TEXT_OUTSIDE_LINKS(trail)), count=1)
        separators = _TRAIL_SEPARATOR.findall(rest)
        if len(separators) >= len(links) - 1 and not _TRAIL_SEPARATOR.sub("", rest).strip():
            _record(context, trail, "navigation", "classifier.link-trail")
            _remove(trail)


def _remove_inline_post_pagers(scope: HtmlElement, context: _Context) -> None:
    """'<em>≫次の記事</em><br><a>Stack Overflowが…</a>' at the end of Publickey's
    article, in the article's own box: a post pager's label on a line of its
    own, and the link to the next post on the line after it. The block
    classifier sees only the whole box; here they go line by line."""
    labels = context.rules.post_pager_labels
    for label in list(scope.iter("em", "strong", "b", "span", "small")):
        line_break = label.getnext()
        if len(label) or line_break is None or line_break.tag not in {"br", "a"}:
            continue
        if (label.tail or "").strip() or not labels.is_label(normalize_label(label.text or "")):
            continue
        link = line_break.getnext() if line_break.tag == "br" else line_break
        if link is None or link.tag != "a" or not link.get("href") or (link.tail or "").strip():
            continue
        if line_break is not link and (line_break.tail or "").strip():
            continue
        if len(_text(link)) > MAX_LABELLED_LINK_LINE_CHARS or not _is_own_line(label):
            continue
        _record(context, label, "navigation", "classifier.post-pager")
        for element in dict.fromkeys([label, line_break, link]):
            _remove(element)


def _remove_caption_controls(scope: HtmlElement, context: _Context) -> None:
    """A control's label opening a caption, with the separator after it (Ars
    Technica's '<a class="enlarge-link">Enlarge</a> <span>/</span> Dawn Canova,
    …'): a button of the page's viewer, not a word of the caption."""
    for caption in list(scope.iter("figcaption")):
        words = _FIRST_WORDS(caption)
        if not words or words[0].is_tail:
            continue
        first = words[0].getparent()
        if first.tag not in {"a", "button", "span"} or len(first):
            continue
        if line_label_form(_text(first)) not in context.rules.control_labels:
            continue
        separator = first.getnext()
        if (first.tail or "").strip():
            if not _CAPTION_SEPARATOR.match(first.tail or ""):
                continue
            first.tail = _CAPTION_SEPARATOR.sub("", first.tail or "", count=1)
        elif separator is not None and not len(separator) and _CAPTION_SEPARATOR.fullmatch(_text(separator)):
            separator.drop_tree()
        _record(context, first, "boilerplate", "classifier.control-label")
        _remove(first)


_FIRST_WORDS = etree.XPath("(.//text()[normalize-space()])[1]")
_CAPTION_SEPARATOR = re.compile(r"\s*[/|·•–—-]\s*")


def _is_own_front_page(href: str, site_domains: frozenset[str]) -> bool:
    """The site's own front page; another site's is a source the article names
    ('<a>UNESCO</a>')."""
    relative = href.startswith(("/", "./")) and not href.startswith("//")
    return _is_front_page_address(href) and (relative or _domain_of(href) in site_domains)


def _is_front_page_address(href: str) -> bool:
    """'/', 'https://www.stcn.com/', '//example.org/index.html': a site's front
    page. Plain string tests: a page has hundreds of links to look at."""
    href = href.strip()
    if href.startswith(("http://", "https://")):
        href = href.partition("//")[2]
    elif href.startswith("//"):
        href = href[2:]
    elif not href.startswith(("/", "./")):
        return False
    else:
        return href in FRONT_PAGE_PATHS
    host, _, path = href.partition("/")
    return bool(host) and not any(mark in host for mark in "?#") and "/" + path in FRONT_PAGE_PATHS


# A short label before the trail, ending with a colon ('You are here:', '当前位置：').
_TRAIL_LABEL = re.compile(r"^\s*[^:：>›»]{1,24}[:：]")
_TRAIL_SEPARATOR = re.compile(r"[>›»/|→·•]")
TRAIL_WRAPPERS = frozenset({"li", "span", "strong", "b"})
MAX_RAW_TRAIL_CHARS = 600  # before its indentation is collapsed
_TEXT_OUTSIDE_LINKS = etree.XPath(".//text()[not(ancestor::a)]")
MAX_TRAIL_ELEMENTS = 60
MIN_TRAIL_LINKS = 2


def _remove_page_number_rows(scope: HtmlElement, context: _Context) -> None:
    """'【1】【2】【3】【4】', '« 1 2 3 … 9 »': links to the other pages of a
    multi-page article, in a row of their own, whatever its class names. The
    reader view shows the page it was given; the row is navigation."""
    rows = {link.getparent() for link in _PAGE_NUMBER_LINKS(scope) if _is_page_number_link(link)}
    for row in rows:
        # A row of list items, or of links each in its own <span>: the row is their
        # parent, unless it holds more than the numbers (ITmedia's 'next page' link beside them).
        while row.tag in PAGE_NUMBER_WRAPPERS and (parent := row.getparent()) is not None:
            if not _is_page_number_text(_text(parent)):
                break
            row = parent
        if row.getparent() is None or row.tag not in TAG_CLOUD_BOXES or not _is_page_number_text(_text(row)):
            continue
        # Read per text node: '<a>1</a><a>2</a>' is pages 1 and 2, not 12.
        numbers = {int(number) for chunk in row.itertext() for number in re.findall(r"\d+", chunk)}
        links = sum(1 for link in _PAGE_NUMBER_LINKS(row) if _is_page_number_link(link))
        # Two pages, the one shown unlinked ('<strong>1</strong>|<a>2</a>', ITmedia): all the others linked.
        every_other_page = numbers == set(range(1, len(numbers) + 1)) and links == len(numbers) - 1
        if {1, 2} <= numbers and (links >= 2 or every_other_page):
            _record(context, row, "navigation", "classifier.page-numbers")
            _remove(row)


def _is_page_number_text(text: str) -> bool:
    return len(text) <= MAX_PAGE_NUMBER_ROW_CHARS and not _PAGE_ROW_MARKS.sub("", text)


def _is_page_number_link(link: HtmlElement) -> bool:
    """A link to another page whose text is a page's number, bracketed or not,
    or a script's control that shows it (a gallery's '<div onclick=…>2</div>', CNN)."""
    href = (link.get("href") or "").strip()
    if link.tag == "a" and (not href or href.startswith("#")):
        return False
    return _PAGE_NUMBER.fullmatch(link.text_content().strip()) is not None


_PAGE_NUMBER_LINKS = etree.XPath(
    ".//a[@href and string-length(normalize-space(.)) <= 4]"
    " | .//*[@onclick and not(self::a) and string-length(normalize-space(.)) <= 4]"
)
_PAGE_NUMBER = re.compile(r"[\[【(（]?\d{1,3}[\]】)）]?")
# What a row of page numbers holds besides its numbers: brackets, separators, arrows, an ellipsis.
_PAGE_ROW_MARKS = re.compile(r"[\d\s\[\]【】()（）|·•.,…/<>«»‹›←→-]+")
PAGE_NUMBER_WRAPPERS = frozenset({"li", "span", "strong", "b", "em"})
MAX_PAGE_NUMBER_ROW_CHARS = 80


def _remove_following_stories(scope: HtmlElement, context: _Context, headline: HtmlElement) -> None:
    """Stories a page appends after the article (infinite scroll, 'next story'),
    each under an <h1> of its own, with its own byline or date: readability
    would take the longest of them. A story's box is the largest one around
    its <h1> without the article's headline; it goes when the article's text
    stands before it. An <h1> in the article's own flow, or a section of the
    article under an <h1> (no byline, no date), stays."""
    if headline.getparent() is None:
        return
    around_headline = set(headline.iterancestors())
    headline_text = _text(headline).casefold()
    begun = False
    for heading in list(scope.iter("h1")):
        if heading is headline:
            begun = True
            continue
        text = _text(heading).casefold()
        if not begun or heading.getparent() is None or not text:
            continue
        if text in headline_text or headline_text in text:
            continue  # the headline again (a copy for search engines, a sticky bar)
        story = heading
        while story.getparent() is not None and story.getparent() not in around_headline:
            story = story.getparent()
        if story is heading or story.getparent() is None or not _is_a_story(story, heading):
            continue
        before = sum(len(_text(sibling)) for sibling in story.itersiblings(preceding=True))
        if before - len(_text(headline)) >= MIN_ARTICLE_BEFORE_STORY_CHARS:
            _record(context, story, "related", "classifier.following-story")
            _remove(story)


def _is_a_story(box: HtmlElement, heading: HtmlElement) -> bool:
    """Opens with its <h1> (after a label or a section's name) and signs itself:
    a byline, a date or an <article>."""
    opening = _text_before(box, heading, MAX_STORY_LABEL_CHARS + 1)
    if opening > MAX_STORY_LABEL_CHARS:
        return False
    return bool(_STORY_SIGNS(box))


_STORY_SIGNS = etree.XPath(
    "descendant-or-self::article | .//time | .//*[@rel='author'] | .//*[@itemprop='author']"
    " | .//*[contains(concat(' ', normalize-space(@class), ' '), ' byline ')]"
    " | .//*[contains(concat(' ', normalize-space(@class), ' '), ' author ')]"
)


def _text_before(box: HtmlElement, element: HtmlElement, limit: int) -> int:
    """How much text `box` holds before `element`, counted up to `limit`."""
    size = 0
    for _, node in etree.iterwalk(box, events=("start",)):
        if node is element:
            return size
        for piece in (node.text, node.tail if node is not box else None):
            size += len(piece.strip()) if piece else 0
        if size >= limit:
            return size
    return size


def _site_domains(root: HtmlElement, page_url: str | None) -> frozenset[str]:
    """The site's domains ('cnn.com' for www.cnn.com), from the page's address
    and the address it declares (a saved copy is read from elsewhere)."""
    addresses = [page_url or ""]
    head = root.find("head")
    for element in head.iter("meta", "link") if head is not None else ():
        if element.get("property") == "og:url":
            addresses.append(element.get("content") or "")
        elif "canonical" in (element.get("rel") or "").lower().split():
            addresses.append(element.get("href") or "")
    return frozenset(filter(None, (_domain_of(address) for address in addresses)))


def _domain_of(address: str) -> str | None:
    try:
        host = urlsplit(address.strip()).hostname or ""
    except ValueError:
        return None
    return _domain_of_host(host)


def _domain_of_host(host: str) -> str | None:
    labels = host.split(".")
    if len(labels) < 2:
        return None
    # 'bbc.co.uk', 'abc.net.au': a country's second level takes one label more.
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL_LABELS and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


_SECOND_LEVEL_LABELS = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "or", "ne", "go"})


def _remove_related_story_links(
    scope: HtmlElement, context: _Context, site_domains: frozenset[str], links: list[HtmlElement]
) -> None:
    """A line that is one link to another story of the same site, worded as a
    headline ('Fallecen Michele Sensi-Contugi … en un accidente', '[Read: Why
    Tunisia … suffers]'), after the article has begun: a read-more link without
    its label, its thumbnail inside the link or not. A sentence that is a link
    ('Click here for the second half of this story.'), a link to another site
    (a source), a link within the page and a heading stay."""
    if not site_domains:
        return
    for link in links:
        parent = link.getparent()
        if parent is None or parent.tag not in LINK_LINE_BOXES:
            continue  # (most links of a page are a list's items)
        text = _text(link)
        if not _reads_as_headline(text) or not _links_to_another_story(link, site_domains):
            continue
        line = _line_of_the_link(link, text)
        if line is None or not _is_attached(line, scope):
            continue
        if _follows_prose(line):
            _record(context, line, "related", "classifier.related-story-link")
            _remove(line)


def _remove_story_cards(scope: HtmlElement, context: _Context, site_domains: frozenset[str]) -> None:
    """A link around another story's card, its headline a heading and a line
    of the story under it ('<a href="…/deutsche-bahn-zugunfall-…"><h3>Dieser
    Mann setzt die Deutsche Bahn unter Druck</h3><p>Daniel Scheerer hat …</p>
    </a>', the Süddeutsche's teasers between paragraphs): the card goes, with
    the box that holds nothing else. A link around a heading alone stays."""
    if not site_domains:
        return
    for link in _LINKS_AROUND_HEADINGS(scope):
        if link.getparent() is None or not _is_attached(link, scope):
            continue
        heading = next(link.iter(*CARD_HEADINGS))
        text, headline = _text(link), _text(heading)
        if not headline or not len(headline) + MIN_CARD_SUMMARY_CHARS <= len(text) <= MAX_STORY_CARD_CHARS:
            continue
        if not _links_to_another_story(link, site_domains):
            continue
        card = link
        while (parent := card.getparent()) is not None and parent is not scope and _text(parent) == text:
            card = parent
        _record(context, card, "related", "classifier.story-card")
        _remove(card)


CARD_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_LINKS_AROUND_HEADINGS = etree.XPath(
    ".//h2/ancestor::a[@href] | .//h3/ancestor::a[@href] | .//h4/ancestor::a[@href]"
    " | .//h5/ancestor::a[@href] | .//h6/ancestor::a[@href]"
)
MIN_CARD_SUMMARY_CHARS = 40
MAX_STORY_CARD_CHARS = 600


LINK_LINE_BLOCKS = frozenset({"p", "div"})
LINK_LINE_BOXES = LINK_LINE_BLOCKS | {"span", "strong", "b", "em", "i", "small"}


def _line_of_the_link(
    link: HtmlElement,
    text: str,
    boxes: frozenset[str] = LINK_LINE_BOXES,
    lines: frozenset[str] = LINK_LINE_BLOCKS,
) -> HtmlElement | None:
    """The largest paragraph or box around the link that says nothing else,
    with no picture outside the link (one of the article's): the `boxes`
    that may wrap it, the one that makes a line of `lines`."""
    line = None
    element = link
    while (parent := element.getparent()) is not None and parent.tag in boxes:
        if not _says_only_the_link(_text(parent), text):
            break
        line = element = parent
    if line is None or line.tag not in lines:
        return None  # an emphasis inside a sentence
    if any(not _is_attached(image, link) for image in line.iter("img", "picture")):
        return None
    return line


def _remove_neighbour_post_links(
    scope: HtmlElement, context: _Context, links: list[HtmlElement], page_url: str | None
) -> None:
    """A link to the post before or after this one, as the page marks it:
    HTML's rel="prev" or rel="next", or a class named so ('<a class="previous">←
    <strong>Previous</strong>: Chasing Quick Fixes To Sustainability</a>',
    WordPress's div.nav-next), worded as a headline, on a line of its own. The
    marks need no language. A link to another page of this article is how the
    reader goes on reading ('Page 2: the council votes on the plan'), and a
    link inside a sentence stays with it."""
    page = _split_address(page_url)
    for link in links:
        if not _marks_a_neighbour_post(link) or not _is_attached(link, scope):
            continue
        text = _text(link)
        if not _reads_as_headline(text) or _is_a_page_of(link.get("href") or "", page):
            continue
        line = _line_of_the_link(link, text, NEIGHBOUR_LINK_LINES, NEIGHBOUR_LINK_LINES)
        if line is not None:  # else inside a sentence
            _record(context, line, "navigation", "classifier.post-pager")
            _remove(line)


NEIGHBOUR_LINK_LINES = frozenset({"p", "div", "span", "strong", "b", "em", "i", "small", "li", "nav"})


def _is_a_page_of(address: str, page: SplitResult | None) -> bool:
    """The address of another page of the article at `page`: the same path
    but for its page number ('/harbour-budget/2', '/harbour-budget-2',
    '?page=2')."""
    other = _split_address(address)
    if other is None or page is None or (other.netloc and other.netloc != page.netloc):
        return False
    return _PAGE_NUMBER_SUFFIX.sub("", other.path) == _PAGE_NUMBER_SUFFIX.sub("", page.path)


_PAGE_NUMBER_SUFFIX = re.compile(r"(?:[/_-]\d{1,3})?/?$")
# rel values (HTML's link types) and the class names' words ('nav-next', 'prevPost').
NEIGHBOUR_POST_WORDS = frozenset({"prev", "previous", "next"})


def _marks_a_neighbour_post(link: HtmlElement) -> bool:
    if not NEIGHBOUR_POST_WORDS.isdisjoint((link.get("rel") or "").lower().split()):
        return True
    holder = link.getparent()
    return not NEIGHBOUR_POST_WORDS.isdisjoint(element_name_runs(link)) or (
        holder is not None and not NEIGHBOUR_POST_WORDS.isdisjoint(element_name_runs(holder))
    )


def _says_only_the_link(line: str, link: str) -> bool:
    """The line's words are the link's, or a word or two and a colon or a bar
    before it ('Lea: <a>…</a>', 'Learn More:', every Weblogs site's 'En Xataka
    | <a>…</a>'), the label of a read-more link in any language, or an arrow
    that points to it ('>>> <a>…</a>', Télé-Loisirs)."""
    if line == link:
        return True
    if not line.endswith(link):
        return False
    before = line[: -len(link)]
    return _SHORT_LINK_LABEL.fullmatch(before) is not None or _POINTING_ARROW.fullmatch(before) is not None


_SHORT_LINK_LABEL = re.compile(r"[^\W\d_][^\d:：|]{0,20}(?:[:：]|\s\|)\s*")
_POINTING_ARROW = re.compile(r"(?:>{1,3}|»|→|⇒|▶|►|➜|➤)\s*")
_ONE_LINK_PARAGRAPHS = etree.XPath(".//p[count(.//a) = 1]")


def _remove_arrow_links(scope: HtmlElement, context: _Context) -> None:
    """A paragraph that is one link ending in an arrow ('点击进入“文艺星青年”>>',
    'Alle Artikel zum Thema »'): a call to go elsewhere on the site, not a
    sentence of the article, wherever it stands."""
    for paragraph in _ONE_LINK_PARAGRAPHS(scope):
        if paragraph.getparent() is None or paragraph.find(".//img") is not None:
            continue
        text = _text(paragraph)
        if not text.endswith(LINK_ARROWS) or approximate_words(text) > MAX_ARROW_LINK_WORDS:
            continue
        if ("«" in text and text.endswith("»")) or ("‹" in text and text.endswith("›")):
            continue  # a quotation's closing guillemet: '«Le port restera ouvert»'
        link = paragraph.find(".//a")
        if link is None or _text(link) != text or not (link.get("href") or "").strip():
            continue
        _record(context, paragraph, "navigation", "classifier.arrow-link")
        _remove(paragraph)


def _remove_way_out_links(
    scope: HtmlElement, context: _Context, page_url: str | None, site_domains: frozenset[str]
) -> None:
    """A line that is one short link to the site's front page, to the top of
    the page, or up to the section the page sits in ('Zur Startseite', 'Back
    to top', 'Zurück zur Übersicht', '返回首页'): a way out of the page, told
    by its address in any language. A bare '#' is a button drawn as a link
    ('Menu', 'Schließen'), which does nothing in a reader view. A link to
    another story or to another site's front page, a list's item (a table of
    contents) and a sentence stay."""
    page = _split_address(page_url)
    for line in itertools.chain(_ONE_LINK_PARAGRAPHS(scope), _ONE_LINK_DIVS(scope)):
        link = line.find(".//a")
        if link is None or line.getparent() is None:
            continue
        # The address first: it rules out nearly every line without reading its text.
        href = (link.get("href") or "").strip()
        if not (
            _is_own_front_page(href, site_domains) or _is_top_anchor(href) or _is_section_above(href, page)
        ):
            continue
        if line.find(".//img") is not None:
            continue
        text = _text(line)
        if not text or len(text) > MAX_WAY_OUT_CHARS or text.endswith((".", "!", "?", "。")):
            continue
        if normalize_label(_text(link)) == normalize_label(text):
            _record(context, line, "navigation", "classifier.way-out-link")
            _remove(line)
    _remove_back_to_top_links(scope, context)
    _remove_closing_home_links(scope, context, site_domains)


def _remove_heading_permalinks(scope: HtmlElement, context: _Context) -> None:
    """The mark a documentation generator puts in a heading to link to it
    ('<h2>Tutorial<a class="headerlink" href="#tutorial">¶</a></h2>', Sphinx;
    GitHub's '#' or link icon; '§' in API references). In a reader view it is
    a stray sign after every heading; a pilcrow or section sign linking within
    the page is one anywhere."""
    for link in _FRAGMENT_LINKS(scope):
        if link.getparent() is None or next(link.iter("img"), None) is not None:
            continue
        mark = _text(link)
        in_heading = next(link.iterancestors(*HEADING_LIKE_TAGS), None) is not None
        if _PERMALINK_SIGN.fullmatch(mark) or (in_heading and _HEADING_PERMALINK_MARK.fullmatch(mark)):
            _record(context, link, "navigation", "classifier.heading-permalink")
            _remove(link)


_FRAGMENT_LINKS = etree.XPath(".//a[starts-with(normalize-space(@href), '#')]")
HEADING_LIKE_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "dt", "caption", "figcaption")
_PERMALINK_SIGN = re.compile(r"\s*[¶§]\s*")
# Also nothing but an icon, '#' or a link sign, when in a heading.
_HEADING_PERMALINK_MARK = re.compile(r"\s*(?:[¶§#🔗⚓]\s*)?")


def _remove_back_to_top_links(scope: HtmlElement, context: _Context) -> None:
    """A link to the top of the page that shares its line with other words
    ('Textquelle: © LAOLA1.at <a href="#">Zum Seitenanfang »</a>'): the link
    alone goes when its words are a control's label ('Back to top'); other
    words linked to '#' may be a sentence's."""
    for link in _FRAGMENT_LINKS(scope):
        if link.getparent() is None or not _is_top_anchor((link.get("href") or "").strip()):
            continue
        text = _text(link)
        if len(text) <= MAX_WAY_OUT_CHARS and line_label_form(text) in context.rules.control_labels:
            _record(context, link, "navigation", "classifier.way-out-link")
            _remove(link)


def _remove_closing_home_links(scope: HtmlElement, context: _Context, site_domains: frozenset[str]) -> None:
    """A short link to the site's front page after the last sentence of a
    paragraph ('…仍将持续。<a href="http://www.qq.com/"><img>返回腾讯网首页>></a>',
    QQ's): the way out, appended to the article's last words."""
    for paragraph in _PARAGRAPHS_ENDING_IN_A_LINK(scope):
        link = paragraph[-1]
        # A tracking query ('?pref=article') leaves the address the front page's.
        href = (link.get("href") or "").strip().partition("?")[0]
        if (link.tail or "").strip() or not _is_own_front_page(href, site_domains):
            continue
        words = _text(link)
        before = _text(paragraph)[: -len(words)].rstrip() if words else ""
        if not words or len(words) > MAX_WAY_OUT_CHARS or not before.endswith(SENTENCE_ENDS):
            continue
        _record(context, link, "navigation", "classifier.way-out-link")
        _remove(link)


_PARAGRAPHS_ENDING_IN_A_LINK = etree.XPath(".//p[*[last()][self::a]]")
SENTENCE_ENDS = (".", "!", "?", "。", "！", "？", '"', "”", "」")


def _split_address(url: str | None) -> SplitResult | None:
    try:
        return urlsplit(url) if url else None
    except ValueError:
        return None


MAX_WAY_OUT_CHARS = 40
# Two paths, not a union: libxml2 merges a union's node sets slowly.
_ONE_LINK_DIVS = etree.XPath(".//div[count(*) = 1][a]")
_TOP_ANCHORS = frozenset({"", "top", "page", "header", "masthead", "wrapper", "container", "body"})


def _is_top_anchor(href: str) -> bool:
    """'#', '#top', '#page-top': the top of the page."""
    if not href.startswith("#"):
        return False
    fragment = href[1:].lower()
    return fragment in _TOP_ANCHORS or "top" in fragment.replace("-", " ").replace("_", " ").split()


def _is_section_above(href: str, page: SplitResult | None) -> bool:
    """'/news/local/' from '/news/local/2024/park.html': the index of a
    section the page sits in, on the same host."""
    if page is None or not href.startswith(f"{page.scheme}://{page.netloc}/"):
        return False
    try:
        link = urlsplit(href)
    except ValueError:
        return False
    if link.query or link.fragment or (link.hostname or "") != (page.hostname or ""):
        return False
    section = link.path if link.path.endswith("/") else link.path + "/"
    return section != "/" and page.path.startswith(section) and page.path != section


LINK_ARROWS = (">>", "»", "＞＞", "→", "›")
MAX_ARROW_LINK_WORDS = 15


def _reads_as_headline(text: str) -> bool:
    words = approximate_words(text)
    bare = text.strip('[]()«»"“”')
    if not MIN_LINKED_HEADLINE_WORDS <= words <= MAX_LINKED_HEADLINE_WORDS:
        return False
    return not bare.endswith((".", ":", ";", ","))


def _links_to_another_story(link: HtmlElement, site_domains: frozenset[str]) -> bool:
    if {"next", "prev"} & set((link.get("rel") or "").lower().split()):
        return False  # the article's next page
    try:
        address = urlsplit(link.get("href") or "")
    except ValueError:  # 'http://[broken': no address at all
        return False
    if address.scheme not in {"http", "https"} or address.path in {"", "/"}:
        return False
    return _domain_of_host(address.hostname or "") in site_domains


def _follows_prose(paragraph: HtmlElement) -> bool:
    """A prose paragraph stands before it: the article has begun."""
    for sibling in itertools.islice(paragraph.itersiblings(preceding=True), MAX_SIBLINGS_TO_PROSE):
        if sibling.tag != "p":
            continue
        length = len(_text(sibling))
        if length >= MIN_SENTENCE_PARAGRAPH_CHARS and _link_text_length(sibling) < length / 2:
            return True
    return False


def _remove_signup_boxes(scope: HtmlElement, context: _Context) -> None:
    """A box that asks for the reader's e-mail address: a newsletter's sign-up
    ('Sign up for our newsletter … [Your email] [Subscribe]'), a comment or
    log-in form. The field says what the box is in any language and under any
    class name; the box is what holds the field and a few lines around it."""
    for field in list(scope.iter("input")):
        if field.getparent() is None or not _asks_for_email(field):
            continue
        # An ASP.NET page is one <form>: a form holding much text is no sign-up box.
        form = next(field.iterancestors("form"), None)
        box = form if form is not None and len(_text(form)) <= MAX_SIGNUP_BOX_CHARS else field.getparent()
        if box is None or len(_text(box)) > MAX_SIGNUP_BOX_CHARS:
            continue
        while (
            (parent := box.getparent()) is not None
            and parent is not scope
            and len(_text(parent)) <= MAX_SIGNUP_BOX_CHARS
            and not _holds_prose(parent)
            and not _holds_article_text_beside(parent, box)
        ):
            box = parent
        if box is scope or box.getparent() is None:
            continue
        _record(context, box, "newsletter", "classifier.signup-box")
        _remove(box)


def _remove_entry_forms(scope: HtmlElement, context: _Context) -> None:
    """A small form with a field to type in: one to fill in ('Send this
    article by email', its 'Recipient's email address' and 'Your name'
    fields, on Channel 4 News; a log-in or a search box), never lines of the
    article. Its labels stayed when its fields went. A form that holds much
    text is an ASP.NET page, all of it one <form>, and stays."""
    for form in list(scope.iter("form")):
        if form.getparent() is None or len(_text(form)) > MAX_SIGNUP_BOX_CHARS:
            continue
        if any(_is_text_entry(field) for field in form.iter("input", "textarea")):
            _record(context, form, "boilerplate", "classifier.entry-form")
            _remove(form)


def _is_text_entry(field: HtmlElement) -> bool:
    return field.tag == "textarea" or (field.get("type") or "text").strip().lower() in _TEXT_ENTRY_TYPES


_TEXT_ENTRY_TYPES = frozenset({"text", "email", "search", "tel", "password", "url", "number"})


def _holds_article_text_beside(parent: HtmlElement, box: HtmlElement) -> bool:
    """Beside the box, a headline or a sentence-long paragraph: a short article
    (a brief of two paragraphs) with its sign-up form, which must not go with it."""
    for block in parent.iter("p", "h1", "h2"):
        if block is box or any(ancestor is box for ancestor in block.iterancestors()):
            continue
        if block.tag == "h1" or len(_text(block)) >= MIN_ARTICLE_LINE_CHARS:
            return True
    return False


# A paragraph this long is a sentence of an article, not a sign-up box's pitch.
MIN_ARTICLE_LINE_CHARS = 80


def _asks_for_email(field: HtmlElement) -> bool:
    if (field.get("type") or "").strip().lower() == "email":
        return True
    described = " ".join(field.get(name) or "" for name in ("name", "id", "placeholder", "autocomplete"))
    return "mail" in described.lower()


# A sign-up box's words: a heading, a line of pitch, a note on privacy.
MAX_SIGNUP_BOX_CHARS = 400


def _unwrap_forms(scope: HtmlElement) -> None:
    # ASP.NET and some CMSs wrap the whole page in a <form>: keep what it holds.
    for form in list(scope.iter("form", "label", "fieldset", "noscript")):
        if form.getparent() is not None:
            form.drop_tag()


# --- 5. the text classifier ------------------------------------------------------


def _classify_blocks(scope: HtmlElement, context: _Context) -> None:
    """Top-down: the first (outermost) block that qualifies goes whole, so a
    banner's buttons and sentences leave together while siblings stay. A short
    block without a single trigger phrase cannot hold one that qualifies, so
    its subtree is skipped: that keeps the pass close to linear."""
    stack = [child for child in reversed(scope) if isinstance(child.tag, str)]
    while stack:
        element = stack.pop()
        if element.getparent() is None:
            continue  # taken out with the block before it (a label's links)
        descend = True
        if element.tag in CLASSIFIED_BLOCKS:
            verdict, descend = _judge_block(element, context)
            # An appeal for support is written as prose, and is told by its words alone.
            prose_guarded = verdict is not None and verdict[1] != "classifier.appeal"
            if verdict is not None and (
                _holds_article(element, context) or (prose_guarded and _holds_prose(element))
            ):
                verdict = None  # the article, or a part of it: judge what it holds instead
            if verdict is not None and verdict[0] in {"promo", "related"} and element.tag in INLINE_BLOCKS:
                element = _line_around(element)
                if element is None:
                    continue
            if verdict is not None:
                kind, rule = verdict
                if kind == "embed_notice":
                    _replace_with_embed_link(element, context, rule)
                else:
                    going_with = _what_goes_with(element, rule)
                    _record(context, element, kind, rule)
                    _remove(element)
                    for block in going_with:
                        _record(context, block, kind, rule)
                        _remove(block)
                continue
        if descend:
            stack.extend(child for child in reversed(element) if isinstance(child.tag, str))


Verdict = tuple[str, str] | None
INLINE_BLOCKS = frozenset({"a", "span"})


def _what_goes_with(block: HtmlElement, rule: str) -> list[HtmlElement]:
    """The blocks a removed one takes along: what a lone related label heads,
    the heading of the comment section a notice opens."""
    if rule == "classifier.related-label":
        return _what_the_label_heads(block)
    if rule == "classifier.comment-notice":
        heading = _heading_right_above(block)
        return [heading] if heading is not None else []
    return []


def _line_around(element: HtmlElement) -> HtmlElement | None:
    """What goes with a promo or related link inside a paragraph: the whole
    paragraph when it is a short line ('[What you need to know to start the
    day: <a>Get New York Today in your inbox</a>.]'), for its other words are
    the link's label; nothing when it is long, since cutting the link out of
    a sentence would leave a broken one."""
    paragraph = next(element.iterancestors("p"), None)
    if paragraph is None:
        return element
    if len(_text(paragraph)) > MAX_LABELLED_LINK_LINE_CHARS:
        return None
    return paragraph


MAX_LABELLED_LINK_LINE_CHARS = 150


def _judge_block(element: HtmlElement, context: _Context) -> tuple[Verdict, bool]:
    """(what the block is, or None; whether its children are worth judging)."""
    # Cheap looks first (text_content() is C, and the raw pattern finds every
    # phrase that can be in the block's lines); the block's lines only then.
    trigger = context.rules.any_trigger
    raw_text = element.text_content()
    if len(raw_text) > MAX_BANNER_CHARS:
        # A page region, unless its length is indentation: measured with the
        # whitespace collapsed but before the rest of normalize_text(), which
        # costs more on a long text and never makes it shorter.
        if len(" ".join(raw_text.split())) > MAX_BANNER_CHARS:
            return None, True
    elif not trigger.occurs_in_raw(raw_text):
        # The copyright sign alone brings a block to the classifier only when
        # it is short enough to be a notice; a longer one may hold a notice.
        if not any(sign in raw_text for sign in COPYRIGHT_SIGNS):
            return None, False
        if len(" ".join(raw_text.split())) > MAX_COPYRIGHT_CHARS:
            return None, True
    flat = normalize_text(raw_text)
    if len(flat) > MAX_BANNER_CHARS:
        return None, True
    if not flat or not (trigger.occurs_in_raw(flat) or "©" in flat):
        return None, False
    text = normalize_lines(_block_text(element))
    if not (trigger.occurs_in(text) or context.rules.cookie_words.search(text) or "©" in text):
        return None, False
    return _classify_text_block(element, text, context), True


def _classify_text_block(element: HtmlElement, text: str, context: _Context) -> Verdict:
    length = len(text)
    rules = context.rules
    if length <= MAX_NOTICE_CHARS:
        notice_hits = rules.embed_notice_phrases.search_all(text)
        if (
            notice_hits
            and (len(notice_hits) >= 2 or (context.rules.cookie_words.search(text) and length <= 400))
            and _consent_coverage(text, context) >= 0.5
        ):
            return "embed_notice", "classifier.embed-notice"
        if notice_hits and length <= MAX_PLACEHOLDER_CHARS and _holds_known_embed(element, context):
            # 'Load external content from YouTube?' says little alone; in a
            # short block that carries the video's address, it is its placeholder.
            return "embed_notice", "classifier.embed-placeholder"
    if _is_consent_banner(element, text, context):
        return "consent_dialog", "classifier.consent-banner"
    if length <= MAX_RELATED_LABEL_CHARS and _is_lone_related_label(element, text, context):
        return "related", "classifier.related-label"
    if length <= MAX_RELATED_CHARS and _is_related_box(element, text, context):
        return "related", "classifier.related-box"
    if length <= MAX_TAXONOMY_CHARS and _is_taxonomy_line(element, text, context):
        return "navigation", "classifier.taxonomy-line"
    if length <= MAX_POST_PAGER_CHARS and _is_post_pager(element, text, context):
        return "navigation", "classifier.post-pager"
    if length <= MAX_BACK_LINK_CHARS and _is_back_link(element, text, context):
        return "navigation", "classifier.back-link"
    if length <= MAX_PROMO_CHARS and _is_promo(element, text, context):
        return "promo", "classifier.promo"
    if length <= MAX_APPEAL_CHARS and _is_appeal(element, text, context):
        return "promo", "classifier.appeal"
    if length <= MAX_ERROR_REPORT_CHARS and _is_error_report(element, text, context):
        return "boilerplate", "classifier.error-report"
    if length <= MAX_COMMENT_NOTICE_CHARS and _is_comment_notice(element, text, context):
        return "comments", "classifier.comment-notice"
    if length <= MAX_COPYRIGHT_CHARS and _is_copyright_notice(element, text, context):
        return "boilerplate", "classifier.copyright-notice"
    if length <= MAX_AUTHOR_BOX_CHARS and _is_author_box(element, text, context):
        return "author_box", "classifier.author-box"
    return None


def _holds_known_embed(element: HtmlElement, context: _Context) -> bool:
    url = embedded_url(element, context.rules.embed_url_attributes)
    return url is not None and platform_label(url) is not None and not is_widget(url)


def _consent_coverage(text: str, context: _Context) -> float:
    vocabulary = context.rules.consent_vocabulary
    sentences = [s for s in _SENTENCE_SPLIT.split(text) if s.strip()]
    total = sum(len(s) for s in sentences) or 1
    covered = sum(len(s) for s in sentences if vocabulary.occurs_in(s) or _is_label_run(s, context))
    return covered / total


def _is_label_run(sentence: str, context: _Context) -> bool:
    """A banner's controls side by side read as one sentence ('More info OK')."""
    actions = context.rules.action_labels
    if _is_action_label(normalize_label(sentence), context):
        return True
    return bool(actions.patterns) and not normalize_label(actions.without(sentence))


def _action_count(element: HtmlElement, context: _Context) -> int:
    count = 0
    for candidate in element.iter("a", "button", "span", "div", "li", "p", "strong", "b"):
        text = candidate.text_content()
        if 0 < len(text) <= MAX_ACTION_LABEL_CHARS and _is_action_label(normalize_label(text), context):
            count += 1
    return count


def _is_action_label(label: str, context: _Context) -> bool:
    """'Reject all', or a short label built on one ('OK, accept all', 'Deny all
    cookies', 'I decline'): banners word their buttons in endless variants of
    a few verbs, so a label list can only hold the verbs."""
    actions = context.rules.action_labels
    if actions.is_label(label):
        return True
    return len(label.split()) <= MAX_ACTION_LABEL_WORDS and actions.occurs_in(label)


def _has_consent_structure(element: HtmlElement) -> bool:
    role = (element.get("role") or "").lower()
    return (
        role in {"dialog", "alertdialog", "banner"}
        or element.get("aria-modal") == "true"
        or bool(_FIXED_POSITION.search(element.get("style") or ""))
        or _looks_consent_named(element)
    )


def _in_paragraph_run(element: HtmlElement) -> bool:
    """A <p> among several long paragraphs is article prose, even when it quotes a banner."""
    if element.tag != "p":
        return False
    parent = element.getparent()
    if parent is None:
        return False
    long_paragraphs = sum(
        1 for p in parent.iterchildren("p") if len(p.text_content()) > MIN_PROSE_PARAGRAPH_CHARS
    )
    return long_paragraphs >= 3


def _is_appeal(element: HtmlElement, text: str, context: _Context) -> bool:
    """A long appeal for support: three of its phrases, or two in the paragraph
    that closes the article ('Your financial contribution … Please consider
    making a contribution to Vox today.', after Vox's stories)."""
    hits = len(context.rules.promo_phrases.search_all(text))
    if hits >= MIN_APPEAL_PHRASES or hits < MIN_CLOSING_APPEAL_PHRASES:
        return hits >= MIN_APPEAL_PHRASES
    return element.tag == "p" and _in_paragraph_run(element) and _closes_its_run(element)


MIN_CLOSING_APPEAL_PHRASES = 2


def _closes_its_run(paragraph: HtmlElement) -> bool:
    """No paragraph with text follows it."""
    return not any(sibling.text_content().strip() for sibling in paragraph.itersiblings("p"))


def _is_comment_notice(element: HtmlElement, text: str, context: _Context) -> bool:
    """A comment section's form or rules ('Die Kommentare geben nicht
    notwendigerweise die Meinung der Redaktion wieder', 'Your email address
    will not be published'): off the article's paragraphs, or after them with
    nothing but more of the section's notices following."""
    notices = context.rules.comment_notice_phrases
    if not notices.occurs_in(text):
        return False
    if not _in_paragraph_run(element):
        return True
    return all(
        notices.occurs_in(normalize_text(following))
        for following in map(_text, element.itersiblings("p"))
        if following.strip()
    )


MAX_COMMENT_NOTICE_CHARS = 2000


def _heading_right_above(block: HtmlElement) -> HtmlElement | None:
    """The heading or short label right above a block, with no words between
    ('Lesermeinungen' over the rules of kath.net's comments)."""
    previous = block.getprevious()
    while previous is not None and (not isinstance(previous.tag, str) or previous.tag in {"br", "hr"}):
        if (previous.tail or "").strip():
            return None
        previous = previous.getprevious()
    if previous is None or (previous.tail or "").strip():
        return None
    text = _text(previous)
    if not text or len(text) > MAX_SECTION_LABEL_CHARS:
        return None
    return previous if previous.tag in HEADING_TAGS or not _SENTENCE_END.search(text) else None


MAX_SECTION_LABEL_CHARS = 60
_SENTENCE_END = re.compile(r"(?<!\.)[.!?。！？]$")


def _is_consent_banner(element: HtmlElement, text: str, context: _Context) -> bool:
    rules = context.rules
    dialog_hits = len(rules.dialog_phrases.search_all(text))
    length = len(text)
    if dialog_hits == 0 and (length > MAX_BARE_BANNER_CHARS or not context.rules.cookie_words.search(text)):
        return False
    actions = _action_count(element, context)
    structure = _has_consent_structure(element)
    if _in_paragraph_run(element) and not (actions or structure):
        return False
    if dialog_hits == 0:
        # Consent words and the controls of a banner, but none of its sentences.
        bare = actions >= MIN_BARE_BANNER_ACTIONS or (actions >= 1 and structure)
        return bare and _consent_coverage(text, context) >= MIN_CONSENT_COVERAGE
    dense = dialog_hits >= 2 and dialog_hits * 1000 / length >= 2
    supported = (actions >= 1 or structure) and length <= 1500
    if not (dense or supported):
        return False
    return _consent_coverage(text, context) >= MIN_CONSENT_COVERAGE


def _leading_label(element: HtmlElement) -> str:
    """The first words a reader sees in the block. Words for screen readers
    only are not seen: Le Monde's 'Lire aussi' box opens with its premium
    icon's 'Article réservé à nos abonnés' in a span.sr-only. An opening
    bracket set apart from the words it opens belongs to them: TIME's
    '(<strong>MORE:</strong> <a>…</a>)'."""
    chunks = _seen_text_chunks(element, _FIRST_TEXT_CHUNKS(element))
    first = next(chunks, "")
    if first.strip() in _OPENING_BRACKETS:
        return first.strip() + next(chunks, "")
    return first


_OPENING_BRACKETS = frozenset("([（【")


def _seen_text_chunks(element: HtmlElement, chunks: list[Any] | None = None) -> Iterator[str]:
    for chunk in _TEXT_CHUNKS(element) if chunks is None else chunks:
        holder = chunk.getparent()
        if holder is not None and chunk.is_tail:
            holder = holder.getparent()  # a tail is its parent's text
        if holder is not None and not _for_screen_readers(holder, element):
            yield str(chunk)


_TEXT_CHUNKS = etree.XPath(".//text()[normalize-space()]")
# A block's first words are among its first texts: libxml2 lists only those.
_FIRST_TEXT_CHUNKS = etree.XPath("(.//text()[normalize-space()])[position() <= 8]")


def _for_screen_readers(holder: HtmlElement | None, block: HtmlElement) -> bool:
    """`holder`, or an element between it and `block`, is text for screen readers only."""
    while holder is not None:
        if is_screen_reader_text(holder):
            return True
        if holder is block:
            return False
        holder = holder.getparent()
    return False


def _leading_label_before_colon(element: HtmlElement) -> str:
    """'Tags: python, docker' -> 'tags'; 'Über den Autor' -> 'über den autor'."""
    return normalize_label(_LABEL_COLON.split(_leading_label(element), maxsplit=1)[0])


def _link_text_length(element: HtmlElement) -> int:
    return sum(len(" ".join(a.text_content().split())) for a in element.iter("a"))


def _is_related_box(element: HtmlElement, text: str, context: _Context) -> bool:
    leading = _leading_label(element)
    label = normalize_label(leading)
    rest = max(len(text) - len(label), 1)
    if not context.rules.related_labels.is_label(label):
        if _is_open_related_label(label, context):
            # 'More from the speech' may head a section of the article: its
            # box is one of links.
            return _link_text_length(element) >= MIN_OPEN_RELATED_LINK_SHARE * rest
        return _is_labelled_link(element, leading, text, context)
    links = _link_text_length(element)
    # An <aside> is aside from the article by its own markup: labelled
    # 'Related', its teaser's words need not be links (Kinja's inset boxes:
    # headline, two lines of the other story, 'Read…').
    return links > 0 and (
        links / rest >= 0.4 or rest <= 200 or element.tag == "aside" or _is_teaser_list(element, text, label)
    )


def _is_open_related_label(label: str, context: _Context) -> bool:
    """'More from Harbour Times', 'Mehr von Jane Doe': a related label that
    names where the stories come from, in a few words."""
    return len(label.split()) <= MAX_OPEN_RELATED_LABEL_WORDS and context.rules.related_openings.opens(label)


MAX_OPEN_RELATED_LABEL_WORDS = 7
MIN_OPEN_RELATED_LINK_SHARE = 0.5


def _is_teaser_list(element: HtmlElement, text: str, label: str) -> bool:
    """Under the label, teasers whose every block links to its story, though
    most of its words are not links: a headline and a line of the story, then
    '【详细】' (People's Daily's 推荐阅读)."""
    if len(text) > MAX_TEASER_LIST_CHARS:
        return False
    blocks = [
        block
        for block in element.iter(*_TEASER_BLOCKS)
        if next(block.iterdescendants(*_TEASER_BLOCKS), None) is None
        and normalize_label(block.text_content()) not in {"", label}
    ]
    return len(blocks) >= 2 and all(block.find(".//a[@href]") is not None for block in blocks)


_TEASER_BLOCKS = ("p", "li", "dd", "h2", "h3", "h4", "h5", "h6")
MAX_TEASER_LIST_CHARS = 1500


def _is_post_pager(element: HtmlElement, text: str, context: _Context) -> bool:
    """'« Previous article', 'Nächster Beitrag: <a>…</a>', '上一篇：<a>…</a>': the
    links to the site's posts before and after this one, each led by its
    label. The label may be the link's words or stand before it; what is not
    a label is a link (a post title), so a sentence that opens with the words
    stays."""
    label = _leading_label_before_colon(element)
    if not context.rules.post_pager_labels.is_label(label):
        return False
    # More links are more than the posts either side: phpspot's column opens
    # with '前の記事 ≪：<a>…</a>' above the post, its links and related entries,
    # all within 400 characters of Japanese.
    if sum(1 for _ in itertools.islice(element.iter("a"), MAX_POST_PAGER_LINKS + 1)) > MAX_POST_PAGER_LINKS:
        return False
    links = _link_text_length(element)
    return links > 0 and links >= MIN_POST_PAGER_LINK_SHARE * (len(text) - len(label))


MAX_POST_PAGER_CHARS = 400  # two labels and two headlines
MAX_POST_PAGER_LINKS = 4  # before and after, and the index between them
MIN_POST_PAGER_LINK_SHARE = 0.5


def _is_back_link(element: HtmlElement, text: str, context: _Context) -> bool:
    """'Back to What We Do' (Amnesty), '← Zurück zur Übersicht': a link back
    to the section the page belongs to, alone on its line. A sentence that
    opens with the words, or a link in one, is the article's."""
    links = list(itertools.islice(element.iter("a"), 2))
    # 'Back to top' leads within the page: the way-out rule's.
    if len(links) != 1 or (links[0].get("href") or "#").lstrip().startswith("#"):
        return False
    label = normalize_label(text).lstrip(_BACK_ARROWS)
    if normalize_label(links[0].text_content()).lstrip(_BACK_ARROWS) != label:
        return False
    return len(label.split()) <= MAX_BACK_LINK_WORDS and context.rules.back_link_openings.opens(label)


MAX_BACK_LINK_CHARS = 80
MAX_BACK_LINK_WORDS = 7
_BACK_ARROWS = "←↩⟵<‹« "


def _is_taxonomy_line(element: HtmlElement, text: str, context: _Context) -> bool:
    """'Tags: python, docker', '| Abgelegt unter 1337, Coding, Spiele': a post's
    categories or tags, led by their label, the rest mostly links."""
    label = _leading_label_before_colon(element)
    if not context.rules.taxonomy_labels.is_label(label):
        return _is_block_of_labelled_links(element, text, context)
    if normalize_label(text) == label:
        # The label alone ('Topics', 'Tags:'), its links gone with a box of
        # their own; a heading names a section ('<h2>Themen</h2>').
        return not _is_in_heading(element)
    rest = len(text) - len(label)
    if rest <= 0:
        return False
    links = list(element.iter("a"))
    # rel="tag" (microformats.org/wiki/rel-tag), which WordPress writes on every
    # category and tag link, says so even beside a line of other text.
    if links and all(_is_tag_link(link) for link in links):
        return True
    return _link_text_length(element) >= MIN_TAXONOMY_LINK_SHARE * rest


def _is_block_of_labelled_links(element: HtmlElement, text: str, context: _Context) -> bool:
    """Lines parted by <br>s, each a short label and its links, one of them a
    post's tags (MacRumors: 'Related Roundup: iPad Pro', 'Tags: feng.com,
    Apple Pencil', 'Buyer's Guide: 12.9" iPad Pro' under its story)."""
    if element.find("br") is None:
        return False
    lines = [" ".join(line.split()) for line in lines_between_breaks(element)]
    lines = [line for line in lines if line]
    if len(lines) < 2:
        return False
    labels = [_LABEL_COLON.split(line, maxsplit=1)[0] for line in lines]
    if any(
        len(label) == len(line) or len(label.split()) > MAX_LINE_LABEL_WORDS
        for label, line in zip(labels, lines, strict=True)
    ):
        return False  # a line without a label: text of its own
    if not any(context.rules.taxonomy_labels.is_label(normalize_label(label)) for label in labels):
        return False
    rest = len(text) - sum(len(label) + 1 for label in labels)
    return rest > 0 and _link_text_length(element) >= MIN_TAXONOMY_LINK_SHARE * rest


MAX_LINE_LABEL_WORDS = 3


def _is_labelled_link(element: HtmlElement, leading: str, text: str, context: _Context) -> bool:
    """'Related: Chicago is America's most segregated city', the label inside
    the link: a short block that is all link, led by a related label and a colon."""
    label, *after = _LABEL_COLON.split(leading, maxsplit=1)
    if not after or len(text) > MAX_LABELLED_LINK_CHARS:
        return False
    if not context.rules.related_labels.is_label(normalize_label(label)):
        return False
    return _link_text_length(element) >= MIN_LABELLED_LINK_SHARE * len(text)


def _is_lone_related_label(element: HtmlElement, text: str, context: _Context) -> bool:
    """'Read more:' alone in its block: the label of the links that follow it,
    or left behind by a box whose links went. Not a heading: 'See also' names a
    section."""
    if not context.rules.related_labels.is_label(normalize_label(text)):
        # The label may follow words for screen readers only (Le Monde's
        # 'Article réservé à nos abonnés' before 'Lire aussi'), or a short
        # question ('Like this? You might also be interested in:', The Debrief).
        seen = " ".join(_seen_text_chunks(element))
        after_question = _SHORT_QUESTION.sub("", text, count=1)
        if not any(context.rules.related_labels.is_label(normalize_label(t)) for t in (seen, after_question)):
            return False
    return not _is_in_heading(element)


_SHORT_QUESTION = re.compile(r"^[^?？.!]{1,30}[?？]\s*")


def _is_in_heading(element: HtmlElement) -> bool:
    return element.tag in HEADING_TAGS or any(
        ancestor.tag in HEADING_TAGS for ancestor in element.iterancestors()
    )


def _what_the_label_heads(label: HtmlElement) -> list[HtmlElement]:
    """The blocks a lone 'Read more:' stands over: a list of links, or one
    teaser, a headline and a line of the story ending with its link
    ('ЧИТАЙТЕ ТАКЖЕ / <b>Оренбургские медики …</b> / В Оренбургской области …
    <a>Подробнее читайте»</a>', OrenBest)."""
    following = label.getnext()
    if following is None or not isinstance(following.tag, str):  # (a comment, when the parser kept them)
        return []
    if _is_link_list(following):
        return [following]
    teaser = following.getnext()
    if (
        teaser is None
        or following.tag not in TEASER_LINES
        or teaser.tag not in TEASER_LINES
        or not _reads_as_headline(_text(following))
        or len(_text(following)) > MAX_LABELLED_LINK_LINE_CHARS
        or len(_text(teaser)) > MAX_TEASER_CHARS
    ):
        return []
    return [following, teaser] if _ends_with_a_link(teaser) else []


TEASER_LINES = frozenset({"p", "div", "h2", "h3", "h4", "h5", "h6"})
MAX_TEASER_CHARS = 600


def _ends_with_a_link(block: HtmlElement) -> bool:
    """Its last words are a link's: 'Read more »' or the story's headline."""
    last = _LAST_WORDS(block)
    if not last:
        return False
    holder = last[0].getparent()
    if last[0].is_tail:
        holder = holder.getparent()  # the words follow that element, inside its parent
    return holder is not None and (holder.tag == "a" or next(holder.iterancestors("a"), None) is not None)


_LAST_WORDS = etree.XPath("(.//text()[normalize-space()])[last()]")


def _is_link_list(element: HtmlElement) -> bool:
    text_length = len(_text(element))
    if text_length == 0 or text_length > MAX_LABELLED_LINKS_CHARS or _holds_prose(element):
        return False
    return _link_text_length(element) >= MIN_LABELLED_LINKS_SHARE * text_length


def _is_promo(element: HtmlElement, text: str, context: _Context) -> bool:
    hits = context.rules.promo_phrases.search_all(text)
    if not hits:
        return False
    # An appeal that links to a donation platform is one, thanks and signature included.
    if len(hits) >= 2 or _links_to_donation_platform(element, context.rules.donation_hosts):
        return True
    if len(text) > MAX_LINKED_PROMO_CHARS:
        return False
    if not any(True for _ in element.iter("a")):
        # Without a link, only a call that opens with the words: set apart from
        # the article's paragraphs (heise's 'Dieser Beitrag stammt aus Ausgabe
        # 7/2019 … im heise shop erhältlich', over the issue's contents), or a
        # short one closing them ('Подписывайтесь на наш канал в Дзен').
        if not context.rules.promo_phrases.opens(text):
            return False
        if not _in_paragraph_run(element):
            return _stands_apart(element)
        return len(text) <= MAX_UNLINKED_PROMO_CHARS and _closes_its_run(element)
    # Among the article's paragraphs, a sentence may mention the words; the
    # site's call opens with them ('Síguenos en <a>Twitter</a>', 'Simak berita
    # dan artikel lainnya di <a>Google News</a>') or closes the article.
    return (
        not _in_paragraph_run(element) or _closes_its_run(element) or context.rules.promo_phrases.opens(text)
    )


MAX_LINKED_PROMO_CHARS = 250


def _stands_apart(block: HtmlElement) -> bool:
    """A paragraph in a box of its own, beside no other paragraph of prose."""
    if block.tag != "p":
        return False
    siblings = itertools.chain(block.itersiblings("p"), block.itersiblings("p", preceding=True))
    return not any(len(_text(sibling)) > MIN_PROSE_PARAGRAPH_CHARS for sibling in siblings)


MIN_PROSE_PARAGRAPH_CHARS = 100
MAX_UNLINKED_PROMO_CHARS = 100


def _links_to_donation_platform(element: HtmlElement, hosts: frozenset[str]) -> bool:
    for link in element.iter("a"):
        try:
            host = (urlsplit(link.get("href") or "").hostname or "").removeprefix("www.")
        except ValueError:
            continue
        if host in hosts or host.partition(".")[2] in hosts:
            return True
    return False


def _remove_author_cards(scope: HtmlElement, context: _Context) -> None:
    """The article's author described in microdata: a Person with a
    description, the bio (The Atlantic's '<address itemprop="author"
    itemscope itemtype="…/Person">': photo, 'Kaveh Waddell is a former staff
    writer at The Atlantic.', profile links). The byline is read before
    stripping; the bio is the page's author box, whatever its class names."""
    for card in _AUTHOR_CARDS(scope):
        if not _still_within(card, scope):
            continue  # gone with a card around it
        if len(_text(card)) <= MAX_AUTHOR_BOX_CHARS and not _holds_article(card, context):
            _record(context, card, "author_box", "classifier.author-card")
            _remove(card)


def _remove_named_author_cards(scope: HtmlElement, context: _Context) -> None:
    """A box that names the author on a line of its own, by the link the page
    marks as the author's (rel="author"), then tells about them in one
    paragraph that opens with the same name: the author box, whatever its class
    names (Tarnkappe's '<section id="author">': 'Über Sunny', then 'Sunny
    schreibt seit 2019 für die Tarnkappe…'). The byline is read before stripping."""
    for link in _AUTHOR_LINKS(scope):
        name = _text(link)
        line = next(link.iterancestors(*_LINE_TAGS), None)
        if (
            not name
            or line is None
            or len(_text(line)) > MAX_AUTHOR_LINE_CHARS
            or not _still_within(link, scope)
        ):
            continue
        card = line.getparent()
        while card is not None and card is not scope and card.tag not in {"article", "main", "body"}:
            if len(_text(card)) > MAX_AUTHOR_CARD_CHARS or card.find(".//h1") is not None:
                break
            if _tells_of(card, name, line):
                _record(context, card, "author_box", "classifier.named-author-card")
                _remove(card)
                break
            card = card.getparent()


def _tells_of(card: HtmlElement, name: str, name_line: HtmlElement) -> bool:
    """The card's one paragraph of prose, besides the line of the name, opens with the name."""
    told = [
        paragraph
        for paragraph in card.iter("p")
        if paragraph is not name_line and len(_text(paragraph)) >= MIN_ARTICLE_LINE_CHARS
    ]
    return len(told) == 1 and _text(told[0]).startswith(name + " ")


_AUTHOR_LINKS = etree.XPath(".//a[contains(concat(' ', normalize-space(@rel), ' '), ' author ')]")
_LINE_TAGS = ("p", "div", "h2", "h3", "h4", "h5", "h6", "span")
MAX_AUTHOR_LINE_CHARS = 60
MAX_AUTHOR_CARD_CHARS = 800


_AUTHOR_CARDS = etree.XPath(
    ".//*[@itemscope][contains(concat(' ', normalize-space(@itemprop), ' '), ' author ')]"
    "[.//*[@itemprop='description'][normalize-space()]]"
)


def _is_author_box(element: HtmlElement, text: str, context: _Context) -> bool:
    """'Über den Autor' and the author's bio under it, in one box: what the
    article is not, whatever the box's class names."""
    label = _leading_label_before_colon(element)
    return context.rules.author_box_labels.is_label(label) and len(text) > len(label) + 1


def _is_copyright_notice(element: HtmlElement, text: str, context: _Context) -> bool:
    """'© 2011 CNBC.com', 'Copyright 2011 World Publishing Co. All rights
    reserved. This material may not be published…': a block that opens with the
    copyright sign or word, or closes with a notice's words. A picture's credit
    in its caption ('© Alamy') is the caption's."""
    if element.find(".//img") is not None:
        return False
    self_and_ancestors = itertools.chain([element], element.iterancestors())
    if any(node.tag in {"figure", "figcaption"} for node in self_and_ancestors):
        return False
    if element.tag in {"span", "a"} and not _is_own_line(element):
        return False  # a part of a line: the line is judged whole
    return _says_copyright(text, context) or _is_copyright_sign_line(element, text.strip(_NOTICE_BRACKETS))


def _says_copyright(text: str, context: _Context) -> bool:
    """A notice's opening ('© 2011 CNBC.com', 'Copyright 2011') or its closing
    words ('All rights reserved'), in brackets or not."""
    text = text.strip(_NOTICE_BRACKETS)  # '[ⓒ MK스포츠, 무단전재 및 재배포 금지]'
    if _COPYRIGHT_OPENING.match(text):
        return True
    closing = text.rstrip(_NOTICE_END)
    return any(closing.endswith(phrase) for phrase in context.rules.copyright_phrases.search_all(closing))


def _is_copyright_sign_line(element: HtmlElement, text: str) -> bool:
    """A short line that opens with the sign and holds no sentence: a news
    feed's notice ('© dpa-infocom, dpa:240101-99-123456/2') or a credit whose
    picture is gone. Beside a picture, in its caption's box, the line is its
    credit, and stays."""
    if not text.startswith("©") or len(text) > MAX_SIGN_LINE_CHARS or "\n" in text:
        return False
    around = itertools.islice(element.iterancestors(), SIGN_LINE_PICTURE_LEVELS)
    return all(ancestor.find(".//img") is None for ancestor in around)


def _is_own_line(element: HtmlElement) -> bool:
    """No text shares the element's line: what comes right before and after it
    is a line break, a block, or nothing."""
    if (element.tail or "").strip():
        return False
    previous, following = element.getprevious(), element.getnext()
    parent = element.getparent()
    text_before = previous.tail if previous is not None else parent.text if parent is not None else None
    if (text_before or "").strip():
        return False
    return all(
        sibling is None or sibling.tag in LINE_BREAKING_TAGS  # <br> among them
        for sibling in (previous, following)
    )


# The sign with a year on its line ('© 2011 CNBC.com', '© Thomson Reuters 2020':
# a credit, '© Alamy', has none), or '(c)' or 'Copyright' right before a year or
# the sign: not 'Copyright law says…', nor a list's third item, '(c) the council'.
_COPYRIGHT_OPENING = re.compile(
    r"^(?:(?:™\s*&\s*)?©[^\n]*?(?<!\d)(?:19|20)\d\d(?!\d)|(?:\(c\)|copyright)\s*(?:©|\(c\))?\s*(?:19|20)\d\d|copyright\s*©)"
)
_NOTICE_END = " .!。©"
_NOTICE_BRACKETS = ' []()<>【】（）〈〉《》「」"“”'
MAX_SIGN_LINE_CHARS = 60
SIGN_LINE_PICTURE_LEVELS = 3  # the line, its caption's box, the picture's box
COPYRIGHT_SIGNS = ("©", "ⓒ", "Ⓒ")


def _is_error_report(element: HtmlElement, text: str, context: _Context) -> bool:
    """'Found a typo? Select it and press Ctrl+Enter': a box led by its label, or
    short and made of such phrases."""
    if _in_paragraph_run(element):
        return False
    phrases = context.rules.error_report_phrases
    if phrases.is_label(normalize_label(_leading_label(element))):
        return True
    return len(phrases.search_all(text)) >= 2
