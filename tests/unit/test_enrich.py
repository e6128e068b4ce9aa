"""Stage 5, enrich (and metadata, read before stripping): title, byline, date,
site name and the lead image."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml.html import HtmlElement

from unwall.model import LeadImage
from unwall.pipeline import run
from unwall.pipeline.enrich import (
    Enrichment,
    choose_lead_image,
    clean_byline,
    enrich,
    host_labels,
    normalize_date,
    remove_closing_byline,
    remove_desk_lines,
    remove_repeated_meta,
    remove_stray_picture_credits,
    site_host_names,
    strip_site_from_title,
    without_author_signature,
    without_picture_credit,
)
from unwall.pipeline.metadata import PageMetadata, _lenient_json, article_json_ld, collect_metadata
from unwall.pipeline.normalize import tidy_caption_parts
from unwall.rules import read_rule_file

PAGE_URL = "https://news.example/2024/03/harbour"
PARAGRAPH = (
    "<p>The harbour master said the new breakwater would protect the fishing fleet from the winter storms "
    "that flooded the quay twice last year.</p>"
)


def page(head: str = "", body: str = "") -> tuple[HtmlElement, PageMetadata]:
    root = lxml.html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")
    return root, collect_metadata(root, PAGE_URL)


def json_ld(data: Any) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def enriched(head: str, article: str) -> tuple[Enrichment, HtmlElement]:
    root, metadata = page(head, f"<article>{article}</article>")
    content = root.find(".//article")
    return enrich(content, metadata), content


# --- title ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        (
            "Council approves the harbour budget | The Example",
            "The Example",
            "Council approves the harbour budget",
        ),
        (
            "Council approves the harbour budget | The Example",
            "the example",
            "Council approves the harbour budget",
        ),
        (
            "The Example - Council approves the harbour budget",
            "The Example",
            "Council approves the harbour budget",
        ),
        (
            "Council approves the harbour budget – The Example",
            "The Example",
            "Council approves the harbour budget",
        ),
        ("Council approves the harbour budget — The Example", None, "Council approves the harbour budget"),
        ("Council approves the harbour budget | The Example", None, "Council approves the harbour budget"),
        ("The Example | Council approves the harbour budget", None, "Council approves the harbour budget"),
        # A headline's own dash stays when the site segment is cut.
        ("Brexit deal - what it means for you - BBC News", "BBC News", "Brexit deal - what it means for you"),
        ("Q&A: the budget explained | The Guardian", "The Guardian", "Q&A: the budget explained"),
        # Hyphens and colons inside words are no separators.
        ("Spider-Man: the musical returns to Broadway", None, "Spider-Man: the musical returns to Broadway"),
        ("Jean-Paul Sartre, a life in letters", "Books Weekly", "Jean-Paul Sartre, a life in letters"),
        ("Covid-19 in 2024: what we know", None, "Covid-19 in 2024: what we know"),
        ("Short title", "The Example", "Short title"),
        ("The Example", "The Example", "The Example"),
        # Two short segments: no way to tell which is the site, keep both.
        ("Harbour news - The Example", None, "Harbour news - The Example"),
        # The site is known and is no segment: the dashes are the headline's own.
        (
            "Covid-19 - what we know about the new variant",
            "Daily News",
            "Covid-19 - what we know about the new variant",
        ),
        ("Minister resigns - and nobody cares", "The Daily", "Minister resigns - and nobody cares"),
        # East Asian titles sign without spaces around the separator, or in brackets.
        ("港の穀物ターミナルが公園に｜ハーバー新聞", "ハーバー新聞", "港の穀物ターミナルが公園に"),
        ("港口公园计划公布_新华网", "新华网", "港口公园计划公布"),
        ("港の穀物ターミナルが公園に（ハーバー新聞）", "ハーバー新聞", "港の穀物ターミナルが公園に"),
        (
            "Old grain terminal to become a park (The Example)",
            "The Example",
            "Old grain terminal to become a park",
        ),
        # The site's name inside the headline is the headline's.
        ("新华网记者走访港口", "新华网", "新华网记者走访港口"),
    ],
)
def test_strip_site_from_title(title: str, site: str | None, expected: str) -> None:
    assert strip_site_from_title(title, site) == expected


def test_an_address_slug_declared_as_the_title_is_no_title() -> None:
    result, _ = enriched(
        '<title>ADAC Kindersitz-Test 2018 | ADAC</title><meta property="og:url" content="https://www.adac.de/t">'
        '<meta property="og:title" content="adac-kindersitztest-herbst-2018">',
        PARAGRAPH,
    )
    assert result.title == "ADAC Kindersitz-Test 2018"
    # A lower-case headline with spaces, or a short hyphenated name, is a title.
    result, _ = enriched('<meta property="og:title" content="x-ray vision for e-bikes">', PARAGRAPH)
    assert result.title == "x-ray vision for e-bikes"


@pytest.mark.parametrize(
    ("title", "site", "url", "expected"),
    [
        # Two short segments, one of them the host's name.
        ("Über uns | fairkom", None, "https://www.fairkom.eu/about", "Über uns"),
        ("Ear Candy! | Novalanalove", None, "https://novalanalove.com/ear-candy/", "Ear Candy!"),
        ("Tragwerksplanung | RS Ingenieure", None, "https://rs-ingenieure.de/leistungen", "Tragwerksplanung"),
        ("Bohnenviertel - Stadt Stuttgart", None, "https://www.stuttgart.de/bohnenviertel", "Bohnenviertel"),
        # The site's name differs from how it signs: the host decides.
        (
            "Aldi Beef Maker Test - CHIP",
            "CHIP Online",
            "https://www.chip.de/test/x.html",
            "Aldi Beef Maker Test",
        ),
        # The host names the signature's first part; what follows it goes too.
        (
            "Die Ablehnung der Gendersprache » SciLogs - Wissenschaftsblogs",
            "Die Engelbart-Galaxis",
            "https://scilogs.spektrum.de/engelbart-galaxis/x/",
            "Die Ablehnung der Gendersprache",
        ),
        # A site name with a dash of its own, and a site written as its domain.
        (
            "Mystery bag - jede Frau braucht eins! - Martina Berg - Lady 50plus",
            "Martina Berg - Lady 50plus",
            None,
            "Mystery bag - jede Frau braucht eins!",
        ),
        (
            "Ein Presse-Event der Extraklasse | MODEPILOT.de",
            "Modepilot",
            None,
            "Ein Presse-Event der Extraklasse",
        ),
        # A headline's segment that names the host's city is no signature.
        (
            "Festival opens in the old town - Stuttgart mayor speaks",
            "Amtsblatt",
            "https://www.stuttgart.de/",
            "Festival opens in the old town - Stuttgart mayor speaks",
        ),
        # An address without a name (an IP) says nothing.
        ("Harbour news - The Example", None, "http://127.0.0.1:8642/x", "Harbour news - The Example"),
    ],
)
def test_strip_site_from_title_with_the_pages_address(
    title: str, site: str | None, url: str | None, expected: str
) -> None:
    assert strip_site_from_title(title, site, hosts=site_host_names(host_labels(url))) == expected


@pytest.mark.parametrize(
    ("title", "document_title", "expected"),
    [
        # The <title> signs with the segment: it is the site's, and is cut.
        (
            "Council approves the harbour budget | Harbour Times",
            "Council approves the harbour budget | Harbour Times",
            "Council approves the harbour budget",
        ),
        (
            "Council approves the harbour budget | Harbour Times",
            "Council approves the harbour budget for 2025 | Harbour Times",
            "Council approves the harbour budget",
        ),
        # The <title> lacks it: the segment is part of the headline.
        (
            "How we designed Dropbox’s ATF - an async task framework",
            "How we designed Dropbox ATF: an async task framework - Dropbox",
            "How we designed Dropbox’s ATF - an async task framework",
        ),
        # No <title> to compare with: the last segment is taken for the site.
        (
            "Council approves the harbour budget | Harbour Times",
            "",
            "Council approves the harbour budget",
        ),
    ],
)
def test_unknown_site_segment_is_cut_only_when_the_document_title_signs_with_it(
    title: str, document_title: str, expected: str
) -> None:
    assert strip_site_from_title(title, None, document_title) == expected


def test_og_title_keeps_a_segment_the_document_title_does_not_sign_with() -> None:
    head = (
        "<title>How we designed Dropbox ATF: an async task framework - Dropbox</title>"
        '<meta property="og:title" content="How we designed Dropbox’s ATF - an async task framework">'
    )
    result, _ = enriched(head, f"<h1>How we designed Dropbox ATF: an async task framework</h1>{PARAGRAPH}")
    assert result.title == "How we designed Dropbox’s ATF - an async task framework"


def test_title_prefers_the_declared_headline_the_h1_repeats() -> None:
    head = (
        "<title>Council approves the harbour budget | The Example</title>"
        '<meta property="og:title" content="Council approves the harbour budget">'
        '<meta property="og:site_name" content="The Example">'
    )
    result, content = enriched(head, f"<h1>Council approves the harbour budget</h1>{PARAGRAPH}")
    assert result.title == "Council approves the harbour budget"
    assert result.site_name == "The Example"
    # The title is shown once, above the body.
    assert content.find(".//h1") is None


# --- dates ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05T10:20:30Z", "2024-03-05T10:20:30+00:00"),
        ("2024-03-05T10:20:30+0100", "2024-03-05T10:20:30+01:00"),
        ("2024-03-05T10:20:30-0530", "2024-03-05T10:20:30-05:30"),
        ("2024-03-05T10:20:30+01:00", "2024-03-05T10:20:30+01:00"),
        ("2024-03-05 10:20:30", "2024-03-05T10:20:30"),
        ("2024-03-05", "2024-03-05"),
        ("  2024-03-05  ", "2024-03-05"),
        ("Tue, 05 Mar 2024 10:20:30 +0000", "2024-03-05T10:20:30+00:00"),
        ("Tue, 05 Mar 2024 10:20:30 GMT", "2024-03-05T10:20:30+00:00"),
        ("Tue, 05 Mar 2024 10:20:30 +0100", "2024-03-05T10:20:30+01:00"),
        ("Published on 2024-03-05 by the desk", "2024-03-05"),
        # A zone's name after the time: UTC is an offset, another name leaves the time local.
        ("2021-01-03T17:40:00EET", "2021-01-03T17:40:00"),
        ("2021-01-03 17:40:00 GMT", "2021-01-03T17:40:00+00:00"),
        ("2021-01-03T17:40:00+02:00 (EET)", "2021-01-03"),
        # Unix time, in seconds or milliseconds (info.elblag.pl's article:published_time).
        ("1602226800", "2020-10-09T07:00:00+00:00"),
        ("1602226800000", "2020-10-09T07:00:00+00:00"),
        ("9999999999", None),
        ("garbage", None),
        ("yesterday", None),
        ("", None),
        ("   ", None),
        (None, None),
        ("1800-01-01", None),
        ("1800-01-01T00:00:00Z", None),
        ("Wed, 01 Jan 1800 00:00:00 GMT", None),
        ("2999-01-01", None),
        # A date-shaped string is checked against the calendar.
        ("2024-13-45", None),
        # The mail-date reader reads no half of the day (Royal Road's 'December 20, 2023 8:09:56 PM').
        ("Wednesday, December 20, 2023 8:09:56 PM", "2023-12-20T20:09:56"),
        ("Wednesday, December 20, 2023 12:09:56 AM", "2023-12-20T00:09:56"),
        ("Wednesday, December 20, 2023 12:09:56 PM", "2023-12-20T12:09:56"),
    ],
)
def test_normalize_date(value: str | None, expected: str | None) -> None:
    assert normalize_date(value) == expected


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        # A number above 12 can only be the day, whatever the language.
        ("14/01/2020", "fr", "2020-01-14"),
        ("14/01/2020", "en-US", "2020-01-14"),
        ("14/01/2020", None, "2020-01-14"),
        ("01/14/2020", "en", "2020-01-14"),
        ("01/14/2020", "de", "2020-01-14"),
        # A dotted date is day first wherever it is written.
        ("14.01.2020", "de", "2020-01-14"),
        ("03.04.2020", "en", "2020-04-03"),
        ("3.4.2020", None, "2020-04-03"),
        # Both could be the month: day first, except in (US) English.
        ("03/04/2020", "fr", "2020-04-03"),
        ("03/04/2020", "en-GB", "2020-04-03"),
        ("03/04/2020", "en-US", "2020-03-04"),
        ("03/04/2020", "en", "2020-03-04"),
        ("05/05/2020", None, "2020-05-05"),
        # Without a language an ambiguous date is no date: better none than the wrong month.
        ("03/04/2020", None, None),
        # As a page shows it, with words or a time around it.
        ("Publié le 14/01/2020 à 06:50", "fr", "2020-01-14"),
        (" 14/01/2020 ", "fr", "2020-01-14"),
        # The calendar has to agree.
        ("31/02/2020", "fr", None),
        ("13/13/2020", "fr", None),
        ("14.13.2020", "de", None),
        ("14/01/1850", "fr", None),
        # Not dates: a longer run of numbers (a version, an address), a two-digit year.
        ("1.14.01.2020", "fr", None),
        ("14/01/2020/3", "fr", None),
        ("14/01/20", "fr", None),
    ],
)
def test_normalize_numeric_date(value: str, lang: str | None, expected: str | None) -> None:
    assert normalize_date(value, lang) == expected


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        # Abbreviated month names of date stamps (Infobae, Folha de S.Paulo), dotted without spaces.
        ("24 Ago, 2026 06:28 p. m.", "es", "2026-08-24"),
        ("21.dez.2018 às 10h55", "pt", "2018-12-21"),
        ("12 févr. 2021", "fr", "2021-02-12"),
        ("3 set 2019", "it", "2019-09-03"),
        # Croatian's nominative (Poslovni.hr).
        ("06. kolovoz 2020. u 14:53", "hr", "2020-08-06"),
        # One name, two months: the page's language tells which.
        ("5 listopada 2020", "pl", "2020-11-05"),
        ("5. listopada 2020.", "hr", "2020-10-05"),
    ],
)
def test_normalize_worded_date(value: str, lang: str, expected: str) -> None:
    assert normalize_date(value, lang) == expected


def test_day_first_time_element_gives_the_date() -> None:
    body = '<article><time datetime="14/01/2020">14/01/2020</time>' + PARAGRAPH + "</article>"
    root = lxml.html.document_fromstring(f'<html lang="fr"><head></head><body>{body}</body></html>')
    result = enrich(root.find(".//article"), collect_metadata(root, PAGE_URL))
    assert result.published == "2020-01-14"


def test_the_date_of_a_comment_a_related_item_or_an_event_is_not_the_article_date() -> None:
    body = (
        f"<article>{PARAGRAPH}</article>"
        '<div class="comments"><time datetime="15/01/2020">15/01/2020</time></div>'
        '<div class="related-posts"><time datetime="16/01/2020">16/01/2020</time></div>'
        # A calendar of coming events beside the article (Der Sonntag's widget_events).
        '<div class="widget_events"><ul><li><time datetime="2019-12-11T00:00:00+01:00">11.12.2019</time>'
        "</li></ul></div>"
    )
    root = lxml.html.document_fromstring(f'<html lang="fr"><head></head><body>{body}</body></html>')
    result = enrich(root.find(".//article"), collect_metadata(root, PAGE_URL))
    assert result.published is None


@pytest.mark.parametrize(
    ("head", "byline"),
    [
        # One tag per author (Euronews's article:author; Dublin Core's creators).
        (
            '<meta property="article:author" content="Méabh Mc Mahon">'
            '<meta property="article:author" content="Aida Sanchez Alonso">',
            "Méabh Mc Mahon, Aida Sanchez Alonso",
        ),
        (
            '<meta name="DC.creator" content="Kooman, F.">'
            '<meta name="DC.creator" content="Jong, Michiel de">',
            "Kooman, F.; Jong, Michiel de",
        ),
        # The same field under two attributes: the first stands (Readability.js's test page).
        (
            '<meta property="dc:creator" content="Jane Doe"><meta name="dc:creator" content="John Roe">',
            "Jane Doe",
        ),
        # Profile addresses name no one: the name elsewhere does.
        (
            '<meta property="article:author" content="https://www.facebook.com/a">'
            '<meta property="article:author" content="https://www.facebook.com/b">'
            '<meta name="author" content="Jane Doe">',
            "Jane Doe",
        ),
    ],
)
def test_each_author_named_in_a_tag_of_their_own_is_named(head: str, byline: str) -> None:
    result, _ = enriched(head, PARAGRAPH)
    assert result.byline == byline


PARSELY_PAGE = (
    '<meta name=\'parsely-page\' content=\'{"title": "How To Pack",'
    ' "pub_date": "2014-05-23T17:30:00.000Z", "author": "John Jannuzzi"}\'>'
)


def test_parse_ly_s_page_object_names_the_date_and_the_author() -> None:
    result, _ = enriched(PARSELY_PAGE, PARAGRAPH)
    assert result.published == "2014-05-23T17:30:00+00:00"
    assert result.byline == "John Jannuzzi"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # GQ's blog declares the blog's first day for every post; the address
        # files the post in May 2014, and Parse.ly's date agrees with it.
        ("https://www.gq.com/style/blogs/the-gq-eye/2014/05/how-to-pack.html", "2014-05-23T17:30:00+00:00"),
        # An address without a month, or one no candidate agrees with: the order of trust.
        ("https://www.gq.com/style/blogs/the-gq-eye/how-to-pack.html", "2009-09-02T00:00:00-04:00"),
        ("https://www.gq.com/style/blogs/the-gq-eye/2016/01/how-to-pack.html", "2009-09-02T00:00:00-04:00"),
    ],
)
def test_a_declared_date_the_address_contradicts_yields_to_one_agreeing(url: str, expected: str) -> None:
    head = '<meta property="article:published_time" content="2009-09-02T00:00:00-04:00">' + PARSELY_PAGE
    assert published_of(f"<article>{PARAGRAPH}</article>", head, lang="en", url=url) == expected


@pytest.mark.parametrize("article_date", ["", '<time datetime="2014-01-08">8 de enero de 2014</time>'])
def test_the_site_banner_s_clock_is_not_the_article_date(article_date: str) -> None:
    # Última Hora: today's date beside the logo and the search box.
    banner = (
        '<header id="head" role="banner"><a href="/">Ultima Hora</a><form><input name="terms"></form>'
        '<div class="fecha"><time datetime="jueves, 09 enero 2014 10:21">jueves, 09 enero 2014</time></div>'
        "</header>"
    )
    article = f"<article><h1>Anticorrupción decidirá</h1>{article_date}{PARAGRAPH}</article>"
    page = f"<html lang='es'><head></head><body>{banner}{article}</body></html>"
    root = lxml.html.document_fromstring(page)
    result = enrich(root.find(".//article"), collect_metadata(root, PAGE_URL))
    assert result.published == ("2014-01-08" if article_date else None)


@pytest.mark.parametrize("listed_date", ["meta", "time"])
def test_the_date_of_a_story_in_a_listed_feed_is_not_the_article_date(listed_date: str) -> None:
    # Fox News Latino: a widget lists other sites' stories as schema.org
    # ItemList items, each with its datePublished, before the article's own.
    tag = (
        '<meta itemprop="datePublished" content="2014-11-20T16:00:49Z">'
        if listed_date == "meta"
        else '<time itemprop="datePublished" datetime="2014-11-20T16:00:49Z">20 Nov</time>'
    )
    feed = (
        '<ul itemscope itemtype="http://schema.org/ItemList"><li itemprop="itemListElement">'
        f'<a href="https://elsewhere.example/kids">31 Hilarious Kids</a>{tag}</li></ul>'
    )
    date = '<time itemprop="datePublished" datetime="2014-12-29T16:00-05:00">Dec 29</time>'
    article = f"<article>{date}{PARAGRAPH}</article>"
    root = lxml.html.document_fromstring(f"<html lang='en'><head></head><body>{feed}{article}</body></html>")
    result = enrich(root.find(".//article"), collect_metadata(root, PAGE_URL))
    assert result.published == "2014-12-29T16:00:00-05:00"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('<span class="submitted-by">Submitted on Mon, 2019-01-21 13:49</span>', "2019-01-21"),
        ('<div class="submitted">Gespeichert von rasos am 24. Juli 2017 - 18:55</div>', "2017-07-24"),
        ('<span class="post-date">8. Dezember 2012</span>', "2012-12-08"),
        ("<p>Veröffentlicht: 8. Dezember 2012, 15:54 | Aktualisiert: 9. Dezember 2012</p>", "2012-12-08"),
    ],
)
def test_a_date_line_without_a_time_element_gives_the_date(line: str, expected: str) -> None:
    body = f"<article>{line}{PARAGRAPH}</article>"
    root = lxml.html.document_fromstring(f'<html lang="de"><head></head><body>{body}</body></html>')
    result = enrich(root.find(".//article"), collect_metadata(root, PAGE_URL))
    assert result.published is not None and result.published.startswith(expected)


def test_a_date_line_in_the_comments_is_not_the_article_date() -> None:
    body = (
        f'<article>{PARAGRAPH}</article><div class="comments"><span class="submitted">2020-01-15</span></div>'
    )
    root = lxml.html.document_fromstring(f"<html><head></head><body>{body}</body></html>")
    result = enrich(root.find(".//article"), collect_metadata(root, PAGE_URL))
    assert result.published is None


def test_a_line_named_date_in_the_headline_s_article_gives_the_date() -> None:
    # 8 Sidor: the date under the text, in the <article> of the headline.
    headline = "<h1>De skrev SOS med is</h1>"
    article = f'<article>{headline}{PARAGRAPH * 3}<p class="date">17 mars 2026</p></article>'
    assert published_of(article, lang="sv") == "2026-03-17"


@pytest.mark.parametrize(
    "body",
    [
        # A sidebar's events, and a line named for an update: not the article's date.
        f"<article><h1>De skrev SOS med is</h1>{PARAGRAPH * 3}</article>"
        '<div class="events"><div class="date">12 september 2011</div></div>',
        f"<article><h1>De skrev SOS med is</h1>{PARAGRAPH * 3}"
        '<span class="date updated">15 februari 2012</span></article>',
    ],
)
def test_a_line_named_date_elsewhere_gives_no_date(body: str) -> None:
    assert published_of(body, lang="sv") is None


def published_of(body: str, head: str = "", lang: str = "de", url: str = PAGE_URL) -> str | None:
    root = lxml.html.document_fromstring(f'<html lang="{lang}"><head>{head}</head><body>{body}</body></html>')
    content = root.find(".//article")
    content = content if content is not None else root.find("body")
    return enrich(content, collect_metadata(root, url)).published


@pytest.mark.parametrize(
    ("footer", "expected"),
    [
        # WordPress's classic theme.
        (
            '<p class="postmetadata">This entry was posted on Monday, December 14th, 2015 at 2:48 pm'
            " and is filed under Arduino.</p>",
            "2015-12-14",
        ),
        (
            '<div class="post-footer">Dieser Artikel wurde am 14. Dezember 2015 um 14:48 von'
            ' <a href="/author/admin/">Heiner</a> geschrieben.</div>',
            "2015-12-14",
        ),
        ('<footer class="entry-footer">Publié le 14/12/2015 dans Arduino</footer>', "2015-12-14"),
        # A comment's footer is the comment's.
        ('<div class="comments"><div class="entry-footer">15. Dezember 2015 um 11:21</div></div>', None),
    ],
)
def test_the_post_s_footer_dates_a_page_that_declares_no_date(footer: str, expected: str | None) -> None:
    body = f"<article><h1>Eine Virtual Wall</h1>{PARAGRAPH}{footer}</article>"
    assert published_of(body, lang="fr") == expected


def test_a_movable_type_entry_s_footer_dates_it() -> None:
    # klimawandel-global.de: Movable Type calls an entry an 'asset'; its footer,
    # after the entry's body, says who wrote it and when.
    footer = (
        '<div class="asset-footer"><div class="asset-meta">Von Christian am 03.05.2013, 11:51 |'
        ' <a href="#comments">0 Meinungen</a></div></div>'
    )
    body = f"<div class='asset'><h1>Elektromobilität</h1><article>{PARAGRAPH}</article>{footer}</div>"
    assert published_of(body) == "2013-05-03"


def test_the_time_of_a_quoted_post_is_not_the_article_date() -> None:
    # Instagram's embed: a <blockquote> that ends with when the post was made.
    embed = (
        '<blockquote class="instagram-media"><p>A post shared by <a href="https://www.instagram.com/x/">X</a>'
        ' on <time datetime="2018-03-12T19:30:12+00:00">Mar 12, 2018</time></p></blockquote>'
    )
    assert published_of(f"<article><h1>Parken in Paris</h1>{PARAGRAPH}{embed}{PARAGRAPH}</article>") is None
    dated = '<div class="PublishDate">29. Januar 2019</div>'
    published = published_of(f"<article><h1>Parken in Paris</h1>{dated}{PARAGRAPH}{embed}</article>")
    assert published == "2019-01-29"


@pytest.mark.parametrize(
    "name",
    ["https://www.horizont.net", "https://www.horizont.net/", "www.horizont.net", "//horizont.net"],
)
def test_a_site_named_by_its_address_is_named_by_its_host(name: str) -> None:
    result, _ = enriched(f'<meta property="og:site_name" content="{name}">', PARAGRAPH)
    assert result.site_name == "horizont.net"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ScanNetSecurity[国内最大級のサイバーセキュリティ専門ポータルサイト]", "ScanNetSecurity"),
        ("Harbour Times 【the city's own paper since 1851】", "Harbour Times"),
        # A short bracket is part of the name.
        ("Harbour Times [UK]", "Harbour Times [UK]"),
    ],
)
def test_a_site_named_with_its_motto_in_brackets_is_named_without_it(name: str, expected: str) -> None:
    result, _ = enriched(f'<meta property="og:site_name" content="{name}">', PARAGRAPH)
    assert result.site_name == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # Aktuálně.cz, Mozilla Hacks, Yahoo News, LinkNaija: the name, a dash or bar, what the site is.
        ("Aktuálně.cz - Víte, co se právě děje", "Aktuálně.cz"),
        ("Mozilla Hacks – the Web developer blog", "Mozilla Hacks"),
        ("LinkNaija | Nigeria's popular news platform", "LinkNaija"),
        # Two names, or a name and a place, are the site's whole name.
        ("Stuff - NZ", "Stuff - NZ"),
        ("Harbour Times | Weekend Edition", "Harbour Times | Weekend Edition"),
        (
            "The Harbour Times of the North Coast - Local news for you",
            "The Harbour Times of the North Coast - Local news for you",
        ),
    ],
)
def test_a_site_named_with_its_tagline_after_a_dash_is_named_without_it(name: str, expected: str) -> None:
    result, _ = enriched(f'<meta property="og:site_name" content="{name}">', PARAGRAPH)
    assert result.site_name == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # hAtom (microformats): the exact date in the <abbr>'s title, or its text.
        ('<abbr class="published" title="2016-12-23T05:11:00-05:00">5:11 AM</abbr>', "2016-12-23"),
        ('<abbr class="published" title="Sonntag, Dezember 16th, 2012">16.12.2012</abbr>', "2012-12-16"),
        # Blogger's date header, and underscores for hyphens.
        ("<h2 class='date-header'><span>Friday, December 23, 2016</span></h2>", "2016-12-23"),
        ('<p class="article_date">Letzte Aktualisierung: 18.01.2018</p>', "2018-01-18"),
        # 'data' is the date in Portuguese, Italian, Polish and Russian (3rm.info).
        ('<div class="post-data">7 октября 2020 <b>Просмотров:</b> 1 447</div>', "2020-10-07"),
        # camelCase class names (HORIZONT).
        ('<div class="PublishDate"><span>Dienstag,</span> <span>29. Januar 2019</span></div>', "2019-01-29"),
    ],
)
def test_microformat_and_blog_date_lines_give_the_date(line: str, expected: str) -> None:
    published = published_of(f"<article><h1>Parken in Paris</h1>{line}{PARAGRAPH}</article>")
    assert published is not None and published.startswith(expected)


def test_a_time_showing_an_age_gives_the_moment_its_data_attribute_keeps() -> None:
    # 247Sports: no datetime, the moment in a data attribute of the site's own.
    line = '<time data-published="2016-12-09 09:13:00Z"> 4 hours ago</time>'
    assert published_of(f"<article><h1>Houston hires a coach</h1>{line}{PARAGRAPH}</article>") == (
        "2016-12-09T09:13:00+00:00"
    )


def test_a_date_line_named_in_one_word_gives_the_date() -> None:
    # IIJ's diary: its date and author in dl.entrydate, over an <h3> headline.
    line = '<dl class="entrydate"><dt>Diary</dt><dd>│2019年02月13日 Masafumi Negishi│</dd></dl>'
    published = published_of(f"<article>{line}<h3>Masscan and ZMap</h3>{PARAGRAPH}</article>", lang="ja")
    assert published is not None and published.startswith("2019-02-13")


def test_other_names_run_together_make_no_date_line() -> None:
    # InfoQ's article body is div.article__data ('article-data' names a date
    # line in Portuguese): its opening link names the date of the original.
    header = (
        '<h1>Never-Slow Mode</h1><div class="article__metadata">'
        '<p class="article__readTime date">2019年2月27日</p></div>'
    )
    body = '<div class="article__data"><p><a href="/x"><em>原文(投稿日：2019/02/16)へのリンク</em></a></p>'
    published = published_of(f"<article>{header}{body}{PARAGRAPH}</div></article>", lang="ja")
    assert published is not None and published.startswith("2019-02-27")


def test_a_headline_named_published_is_no_date_line() -> None:
    # Substack names its headline 'post-title published': the date shown under it is read.
    published = published_of(
        '<div><h1 class="post-title published">A model that produces code</h1>'
        "<div class='byline-wrapper'><div><a href='/@g'>Gary Marcus</a></div>"
        "<div>May 01, 2026</div></div></div>"
        f"<article>{PARAGRAPH}</article>"
    )
    assert published is not None and published.startswith("2026-05-01")


@pytest.mark.parametrize(
    ("around_headline", "expected"),
    [
        ("<h1>Parken in Paris</h1><small>11.05.2012, 10:22 von Stefan</small>", "2012-05-11"),
        ('<div class="meta">30.07.2019</div><h1>Wasserstoff als Schlüsseltechnologie</h1>', "2019-07-30"),
        ("<div><h1>Schattiges Plätzchen</h1></div><div><span>27.06.2018 09:54</span></div>", "2018-06-27"),
        ("<h1>Antonin Bernanos</h1><p><span>jeudi 13 juin 2019</span></p>", "2019-06-13"),
        # A layout table that holds the headline is no infobox, nor is a table of one
        # row beside it (Informe Corrientes' date and share buttons).
        ("<table><tr><td><h1>Weekly</h1><div>25. März 2015</div></td></tr></table>", "2015-03-25"),
        (
            "<h1>Obras en Yapeyú</h1><table><tr><td><div>Viernes, 30 de abril de 2021</div>"
            "</td><td></td></tr></table>",
            "2021-04-30",
        ),
    ],
)
def test_a_short_date_line_around_the_headline_gives_the_date(around_headline: str, expected: str) -> None:
    assert published_of(f"<article>{around_headline}{PARAGRAPH}</article>") == expected


@pytest.mark.parametrize(
    ("declared", "shown", "expected"),
    [
        # El Deber: a UTC time after midnight is the evening before in Bolivia.
        ("Wed, 04 May 2022 02:41:00 GMT", "3/5/2022 22:41", "2022-05-03T22:41:00-04:00"),
        ("2026-08-25T04:23:56.352Z", "24 de agosto, 2026 - 23h23", "2026-08-24T23:23:56.352000-05:00"),
        ("2014-12-19T04:38:49+00:00", "December 18, 2014 | 11:38pm", "2014-12-18T23:38:49-05:00"),
        ("2019-10-19T10:09:10Z", "19.10.2019 12.09", "2019-10-19T12:09:10+02:00"),
        ("2021-03-02T04:15:00Z", "2 March 2021, 09:45 IST", "2021-03-02T09:45:00+05:30"),
        # The page shows UTC, or a time of something else: the declared time stays as it is.
        ("2022-05-04T02:41:00Z", "04/05/2022 02:41", "2022-05-04T02:41:00+00:00"),
        ("2022-05-04T02:41:00Z", "Updated 4 May 2022, 09:03", "2022-05-04T02:41:00+00:00"),
        ("2022-05-04T02:41:00Z", "1 May 2022, 02:41", "2022-05-04T02:41:00+00:00"),
        # A time declared with its own offset is the page's word.
        ("2022-05-03T22:41:00-04:00", "4/5/2022 02:41", "2022-05-03T22:41:00-04:00"),
    ],
)
def test_a_utc_time_is_said_in_the_zone_the_page_shows(declared: str, shown: str, expected: str) -> None:
    head = f'<meta property="article:published_time" content="{declared}">'
    body = f"<article><h1>Autos robados</h1><div><span>{shown}</span></div>{PARAGRAPH}</article>"
    assert published_of(body, head, lang="es") == expected


def test_a_time_elements_shown_text_gives_the_zone_and_the_first_shown_time_decides() -> None:
    head = '<meta property="article:published_time" content="2019-01-03T07:00:02Z">'
    guardian = '<time datetime="2019-01-03T07:00:02Z">Thu 3 Jan 2019 <span>02.00 EST</span></time>'
    body = f"<article><h1>Winter storm</h1><p>{guardian}</p>{PARAGRAPH}</article>"
    assert published_of(body, head, lang="en") == "2019-01-03T02:00:02-05:00"
    # Folha: the article's own time shows the declared one as it is; the related
    # stories' times after it tell nothing of the zone.
    times = "<time>21.dez.2018 às 07h00</time> <time>21.dez.2018 às 05h00</time>"
    body = f"<article><h1>Tite fica</h1><p>{times}</p>{PARAGRAPH}</article>"
    head = '<meta property="article:published_time" content="2018-12-21T07:00:00Z">'
    assert published_of(body, head, lang="pt") == "2018-12-21T07:00:00+00:00"


def test_a_date_in_a_sentence_or_an_infobox_near_the_headline_is_no_publication_date() -> None:
    sentence = "<p>Am 27. September 2016 hat das Gericht in Macenta den Fall eines Wilderers verhandelt.</p>"
    infobox = "<table class='infobox'><tr><td>Initial release</td><td>February 28, 1998</td></tr></table>"
    assert published_of(f"<article><h1>Ein Wilderer verurteilt</h1>{sentence}{PARAGRAPH}</article>") is None
    assert published_of(f"<article><h1>Mozilla</h1>{infobox}{PARAGRAPH}</article>", lang="en") is None


def test_the_headline_is_the_h1_the_page_title_repeats() -> None:
    body = (
        "<h1>Pflanzen · Forschung · Landwirtschaft</h1><div>12.12.2012</div>"
        f"<div><h1>Afrikanische Schweinepest</h1><p>(18.01.2018)</p>{PARAGRAPH}</div>"
    )
    head = "<title>Afrikanische Schweinepest - Aktuell - transgen.de</title>"
    assert published_of(body, head) == "2018-01-18"


def test_a_date_in_a_region_named_like_a_sidebar_that_holds_the_headline_is_read() -> None:
    # A WordPress theme that calls its main column 'sidebar'.
    article = (
        '<article><div id="sidebar"><header><h1>The First Decade</h1>'
        '<time datetime="2019-07-13T15:52:31+02:00">Sa 13 Jul 2019</time></header>'
        f"{PARAGRAPH}</div></article>"
        '<div id="sidebar-2"><time datetime="2020-01-01">1 Jan 2020</time></div>'
    )
    assert published_of(article) == "2019-07-13T15:52:31+02:00"
    sidebar_only = f"<article><h1>The First Decade</h1>{PARAGRAPH}</article>" + article.split("</article>")[1]
    assert published_of(sidebar_only) is None


def test_the_article_s_own_footer_gives_its_date_and_the_page_footer_does_not() -> None:
    own = '<div class="article_footer"><p class="article_date">Letzte Aktualisierung: 18.01.2018</p></div>'
    page_footer = '<div class="site-footer"><span class="post-date">1. Januar 2020</span></div>'
    assert published_of(f"<article><h1>Schweinepest</h1>{PARAGRAPH}{own}</article>") == "2018-01-18"
    assert published_of(f"<article><h1>Schweinepest</h1>{PARAGRAPH}</article>{page_footer}") is None


@pytest.mark.parametrize(
    ("footer", "expected"),
    [
        # Central (Ukraine): the footer of the headline's <article>, by any name.
        ('<div class="content-footer"><span class="pubdate">9 жовтня 2020, 09:51</span></div>', "2020-10-09"),
        ('<footer><span class="pubdate">9 жовтня 2020, 09:51</span></footer>', "2020-10-09"),
        # A footer of its comments or related stories is theirs.
        ('<div class="comments-footer"><span class="pubdate">9 жовтня 2020, 09:51</span></div>', None),
        ('<div class="related-footer"><span class="pubdate">9 жовтня 2020, 09:51</span></div>', None),
    ],
)
def test_a_footer_inside_the_headline_s_article_is_its_own(footer: str, expected: str | None) -> None:
    assert published_of(f"<article><h1>Covid</h1>{PARAGRAPH}{footer}</article>", lang="uk") == expected


def test_a_meta_tag_whose_name_holds_date_is_no_declared_date() -> None:
    # 'msvalidate.01' declares nothing: the date line is still read.
    head = '<meta name="msvalidate.01" content="50E1A575351256764C63F2F05C39C3F3">'
    body = f"<article><h1>Schattiges Plätzchen</h1><span>27.06.2018 09:54</span>{PARAGRAPH}</article>"
    assert published_of(body, head) == "2018-06-27"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://www.jovelstefan.de/2012/05/11/parken-in-paris/", "2012-05-11"),
        ("https://blog.wikimedia.org/2018/06/28/interactive-maps/", "2018-06-28"),
        ("https://example.org/en/2019-12-02-health-workers-in-syria/", "2019-12-02"),
        ("http://blog.python.org/2016/12/python-360-is-now-available.html", None),  # no day
        ("https://example.org/2019/02/30/no-such-day/", None),
        ("https://example.org/archive/1234/56/78/", None),
    ],
)
def test_the_day_an_address_files_its_article_under_comes_last(url: str, expected: str | None) -> None:
    assert published_of(f"<article><h1>Parken in Paris</h1>{PARAGRAPH}</article>", url=url) == expected


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ('<meta name="publish_date" content="Sat, 09 Oct 2010 07:15:45 EST">', "2010-10-09T07:15:45-05:00"),
        ('<meta name="pub_date" content="20100812">', "2010-08-12"),
        ('<meta name="citation_publication_date" content="2019/06/27">', "2019-06-27"),
    ],
)
def test_vendors_names_for_the_publication_date_are_read(meta: str, expected: str) -> None:
    assert published_of(f"<article>{PARAGRAPH}</article>", meta, lang="en") == expected


def test_a_time_that_marks_a_change_is_not_the_publication_date() -> None:
    head = '<meta name="publish_date" content="05/08/2014 07:01:00">'
    changed = '<time datetime="2016-09-14T07:07:00-04:00" itemprop="dateModified">Sep 14, 2016</time>'
    assert published_of(f"<article>{changed}{PARAGRAPH}</article>", head, lang="en") == "2014-05-08"


def test_a_declared_date_wins_over_the_address() -> None:
    head = '<meta property="article:published_time" content="2012-05-12T08:00:00+02:00">'
    url = "http://www.jovelstefan.de/2012/05/11/parken-in-paris/"
    assert published_of(f"<article>{PARAGRAPH}</article>", head, url=url) == "2012-05-12T08:00:00+02:00"


def title_of(body: str, head: str, url: str = "http://carta.info/der-neue-trend/") -> str:
    root = lxml.html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")
    return enrich(root.find(".//article"), collect_metadata(root, url)).title


@pytest.mark.parametrize(
    ("declared", "title"),
    [
        # chineselyrics4u: the dash inside the brackets is the song's, not a site's.
        (
            "Zhi Neng Xiang Nian Ni - Jam Hsiao (只能想念你 - 蕭敬騰)",
            "Zhi Neng Xiang Nian Ni - Jam Hsiao (只能想念你 - 蕭敬騰)",
        ),
        ("Harbour budget passes (vote - 12 to 3)", "Harbour budget passes (vote - 12 to 3)"),
        # A site's name after brackets that close is still cut.
        ("Harbour budget passes (again) - Harbour Times", "Harbour budget passes (again)"),
    ],
)
def test_a_title_is_not_cut_inside_its_brackets(declared: str, title: str) -> None:
    head = f'<meta property="og:title" content="{declared}"><title>Lyrics: {declared}</title>'
    if "Harbour Times" in declared:
        head += '<meta property="og:site_name" content="Harbour Times">'
    assert title_of(f"<article>{PARAGRAPH}</article>", head) == title


def test_a_declared_title_cut_by_a_quote_it_did_not_escape_is_read_whole_from_the_title() -> None:
    # El Universal: content="Senador … de "incapacitado"" ends the attribute at the quote.
    head = (
        '<meta property="og:title" content="Senador republicano califica a Biden de "incapacitado"">'
        '<title>Senador republicano califica a Biden de "incapacitado"</title>'
    )
    assert (
        title_of(f"<article>{PARAGRAPH}</article>", head)
        == 'Senador republicano califica a Biden de "incapacitado"'
    )


@pytest.mark.parametrize(
    ("h1", "expected"),
    [
        # ORF: the section's name a kicker above the <h1>, and the declared title's label.
        ("Lotte Tobisch ist tot", "Lotte Tobisch ist tot"),
        # An <h1> that is not the rest after the label: the declared title stays.
        ("Lotte Tobisch", "Chronik: Lotte Tobisch ist tot"),
    ],
)
def test_a_section_s_label_before_the_shown_headline_is_no_part_of_the_title(h1: str, expected: str) -> None:
    head = "<title>Chronik: Lotte Tobisch ist tot - wien.ORF.at</title>"
    head += '<meta property="og:title" content="Chronik: Lotte Tobisch ist tot">'
    body = f"<article><p>Chronik</p><h1>{h1}</h1>{PARAGRAPH}</article>"
    assert title_of(body, head, url="https://wien.orf.at/stories/3017660/") == expected


@pytest.mark.parametrize(
    ("document_title", "h1", "expected"),
    [
        # goodform.ch: the section's one-word label, then the post's short <h1>.
        ("Blog - Schattiges Plätzchen", "Schattiges Plätzchen", "Schattiges Plätzchen"),
        # Beside a segment of several words, a short <h1> may be a logo: the title stays.
        ("Outside the web · V8", "V8", "Outside the web · V8"),
    ],
)
def test_a_short_h1_beside_a_section_s_one_word_label_is_the_headline(
    document_title: str, h1: str, expected: str
) -> None:
    body = f"<article><h1>{h1}</h1>{PARAGRAPH}</article>"
    assert title_of(body, f"<title>{document_title}</title>") == expected


def test_a_blog_s_name_before_the_article_s_own_heading_is_no_part_of_the_title() -> None:
    # IIJ's diary: no <h1> but the logo; the blog's name an <h2>, the post's headline an <h3>.
    title = "IIJ Security Diary: Masscan と ZMap によるスキャンの違い"
    head = f'<title>{title}</title><meta property="og:title" content="{title}">'
    body = f"<h2>Security Diary</h2><h3>Masscan と ZMap によるスキャンの違い</h3>{PARAGRAPH}"
    result, content = enriched(head, body)
    assert result.title == "Masscan と ZMap によるスキャンの違い"
    assert [element.tag for element in content] == ["p"]  # neither heading left above the text
    # Another heading under the label: the declared title stays, and so do the headings.
    result, content = enriched(head, f"<h2>Security Diary</h2><h3>Masscan</h3>{PARAGRAPH}")
    assert result.title == title
    assert [element.tag for element in content] == ["h2", "h3", "p"]


def test_a_heading_of_two_words_opening_a_page_titled_by_its_site_is_no_headline() -> None:
    # EFF's annual report: its site name is its title, and its last section opens the body.
    head = (
        '<meta property="og:site_name" content="EFF\'s 2015 Annual Report">'
        '<meta property="og:title" content="EFF\'s 2015 Annual Report">'
    )
    result, _ = enriched(head, f"<h2>THANK YOU</h2>{PARAGRAPH}")
    assert result.title == "EFF's 2015 Annual Report"
    result, _ = enriched(head, f"<h2>What we did for your privacy</h2>{PARAGRAPH}")
    assert result.title == "What we did for your privacy"


def test_a_headline_with_a_colon_of_its_own_keeps_it() -> None:
    # 'Xbox One X review: A console…': the words before the colon are the headline's, and shown.
    head = '<meta property="og:title" content="Xbox One X review: A console that keeps up">'
    body = f"<article><h1>Xbox One X review: A console that keeps up</h1>{PARAGRAPH}</article>"
    assert title_of(body, head) == "Xbox One X review: A console that keeps up"


def test_a_page_titled_with_its_site_s_name_takes_its_article_s_heading() -> None:
    head = "<title>carta.info</title>"
    opening = f"<article><h2>Der neue Trend: Muss- statt Wunschkoalition</h2>{PARAGRAPH}</article>"
    assert title_of(opening, head) == "Der neue Trend: Muss- statt Wunschkoalition"
    # The heading outside the extracted article: the page's one <h2>.
    outside = f"<h1><a href='/'>carta</a></h1><h2>Der neue Trend</h2><article>{PARAGRAPH}</article>"
    assert title_of(outside, head) == "Der neue Trend"
    # Two <h2>s: nothing says which is the article's.
    assert title_of(outside + "<h2>Archiv</h2>", head) == "carta.info"


def test_a_title_that_is_the_site_s_name_and_tagline_yields_to_the_article_s_h1() -> None:
    # A blog's SEO plugin: <title> and og:title are the blog's name run into its tagline.
    site = "HANNAS KRYPINHälsa och träningsglädje"
    head = f'<title>{site}</title><meta property="og:title" content="{site}">'
    head += '<meta property="og:site_name" content="HANNAS KRYPIN">'
    body = f'<article><h1 class="entry-title">Att andas i fyrkant</h1>{PARAGRAPH}</article>'
    assert title_of(body, head) == "Att andas i fyrkant"
    # A site's name before a separator and the headline: the headline, as before.
    signed = "<title>HANNAS KRYPIN | Box breathing i fyra steg</title>"
    signed += '<meta property="og:site_name" content="HANNAS KRYPIN">'
    assert title_of(body, signed) == "Box breathing i fyra steg"


@pytest.mark.parametrize(
    "site_heading",
    [
        '<h1 id="header"><a href="https://www.internet-law.example">Internet-Law</a></h1>',
        '<h1><a href="/" title="Home">Historische Wehranlage e.V.</a></h1>',
        '<h1 class="site-title">Internet-Law</h1>',
    ],
)
def test_the_site_s_name_set_as_an_h1_is_no_title_and_is_cut_from_the_page_title(site_heading: str) -> None:
    name = "Historische Wehranlage e.V." if "Wehranlage" in site_heading else "Internet-Law"
    for head in (
        f"<title>{name} » Verstößt der Ausschluss von Pseudonymen gegen Recht?</title>",
        f"<title>Verstößt der Ausschluss von Pseudonymen gegen Recht? › {name}</title>",
    ):
        body = f'{site_heading}<h3><a href="/2011/07/pseudonymen.html">Verstößt</a></h3>{LONG_ARTICLE}'
        assert title_of(body, head) == "Verstößt der Ausschluss von Pseudonymen gegen Recht?"


def test_a_headline_that_links_to_its_article_is_still_the_headline() -> None:
    body = f'<h1><a href="/2011/07/pseudonymen.html">Pseudonyme bei Google+</a></h1>{LONG_ARTICLE}'
    assert title_of(body, "<title>Pseudonyme bei Google+ | Internet-Law</title>") == "Pseudonyme bei Google+"


def test_a_declared_title_signed_after_the_page_s_own_title_loses_the_signature() -> None:
    body = f"<article>{PARAGRAPH}</article>"
    signed = '<meta property="og:title" content="Voice interfaces &bull; Dustin Curtis">'
    assert title_of(body, signed + "<title>Voice interfaces</title>") == "Voice interfaces"
    # One word of <title> says too little: 'Brexit' is a section as often as a headline.
    explained = '<meta property="og:title" content="Brexit - the deal explained">'
    assert title_of(body, explained + "<title>Brexit</title>") == "Brexit - the deal explained"


@pytest.mark.parametrize("name", ["title", "titulo"])  # Informe Corrientes names it in Spanish
def test_a_headline_set_as_a_paragraph_named_for_it_is_not_shown_twice(name: str) -> None:
    head = "<title>Was heißt Sozialismus für Sie, Kevin Kühnert?</title>"
    headline = f'<p class="{name}">Was heißt Sozialismus für Sie, Kevin Kühnert?</p>'
    body = f"<article>{headline}{PARAGRAPH * 3}</article>"
    root = lxml.html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")
    content = root.find(".//article")
    enrich(content, collect_metadata(root, PAGE_URL))
    assert "Kühnert" not in content.text_content()


def test_an_opening_paragraph_that_says_the_title_stays_unless_named_for_it() -> None:
    # A post without a title of its own: its <title> is its first sentence.
    head = "<title>Went to the harbour today.</title>"
    body = f"<article><p>Went to the harbour today.</p>{PARAGRAPH * 3}</article>"
    root = lxml.html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")
    content = root.find(".//article")
    enrich(content, collect_metadata(root, PAGE_URL))
    assert "Went to the harbour today." in content.text_content()


@pytest.mark.parametrize(
    ("title", "opening", "stays"),
    [
        # URA.RU: the headline as the opening paragraph, without the title's media tag.
        (
            "Нюша поздравила больных детей с Новым годом. ФОТО",
            "Нюша поздравила больных детей с Новым годом.",
            False,
        ),
        ("Пожар в центре Екатеринбурга. ВИДЕО", "Пожар в центре Екатеринбурга.", False),
        # No media word: the post's first sentence as its <title> stays its first sentence.
        ("Went to the harbour today. Again", "Went to the harbour today.", True),
    ],
)
def test_an_opening_paragraph_that_says_the_title_without_its_media_tag_goes(
    title: str, opening: str, stays: bool
) -> None:
    body = f"<article><p>{opening}</p>{PARAGRAPH * 3}</article>"
    root = lxml.html.document_fromstring(
        f"<html><head><title>{title}</title></head><body>{body}</body></html>"
    )
    content = root.find(".//article")
    enrich(content, collect_metadata(root, PAGE_URL))
    assert (opening in content.text_content()) is stays


@pytest.mark.parametrize(
    ("kicker", "stays"),
    [
        ('<span class="article__header__kicker">Corona</span>', False),
        ("<p>Environment</p>", False),
        # A longer line or a sentence says more than a topic.
        ("<p>Ein Bericht aus dem Hamburger Hafen</p>", True),
        ("<p>The port was busy.</p>", True),
    ],
)
def test_a_kicker_above_the_headline_goes_with_it(kicker: str, stays: bool) -> None:
    head = "<title>Warum Mangos teurer sind</title>"
    _, content, kept = opening_line_kept(head, kicker, f"<h2>Warum Mangos teurer sind</h2>{PARAGRAPH}")
    assert kept == stays
    assert "Warum Mangos" not in content.text_content()


@pytest.mark.parametrize(
    ("headline", "stays"),
    [
        # Skateboard MSM: the kicker beside the box the headline opens.
        ("<div class='title'><h2>Warum Mangos teurer sind</h2><p>Die Ernte war klein</p></div>", False),
        # A word before the headline in its box is no kicker beside it.
        ("<div>Neu: <h2>Warum Mangos teurer sind</h2></div>", True),
    ],
)
def test_a_kicker_beside_the_box_the_headline_opens_goes_with_it(headline: str, stays: bool) -> None:
    head = "<title>Warum Mangos teurer sind</title>"
    kicker = "<h4><a href='/news'>News</a></h4>"
    _, content, kept = opening_line_kept(head, kicker, f"{headline}{PARAGRAPH}")
    assert kept == stays
    assert "Warum Mangos" not in content.text_content()


@pytest.mark.parametrize(
    ("opening", "rest", "stays"),
    [
        # The Press-Enterprise: the headline again as the <h3> of the photo box the story opens with.
        ('<div class="gallery"><h3>Warum Mangos teurer sind</h3><img src="m.jpg"></div>', PARAGRAPH, False),
        ("<h4>Warum Mangos teurer sind</h4>", PARAGRAPH, False),
        # After the first paragraph a lower heading is a section's, even one the title repeats.
        (PARAGRAPH, f"<h3>Warum Mangos teurer sind</h3>{PARAGRAPH}", True),
        # Mozilla's advisories: the series' name as the <h1>, the headline as the <h2> under it.
        ("<h1>Obst-Bericht 2024-17</h1>", f"<h2>Warum Mangos teurer sind</h2>{PARAGRAPH}", False),
        # Under two headings, or after the text, an <h2> is a section's.
        (
            "<div><h1>Obst-Bericht</h1><h2>2024-17</h2></div>",
            f"<h2>Warum Mangos teurer sind</h2>{PARAGRAPH}",
            True,
        ),
        (
            f"<div><h1>Obst-Bericht</h1>{PARAGRAPH}</div>",
            f"<h2>Warum Mangos teurer sind</h2>{PARAGRAPH}",
            True,
        ),
    ],
)
def test_a_lower_heading_that_says_the_title_before_the_text_goes(
    opening: str, rest: str, stays: bool
) -> None:
    head = "<title>Warum Mangos teurer sind</title>"
    _, content, _ = opening_line_kept(head, opening, rest)
    assert ("Warum Mangos" in content.text_content()) is stays


STANDFIRST_SENTENCE = (
    "The harbour master says the new breakwater will protect the fishing fleet from the storms that "
    "flooded the quay twice last year."
)


@pytest.mark.parametrize(
    ("opening", "is_paragraph"),
    [
        # A standfirst set as a heading (The Verge's, CityLab's, Libération's h2.article-standfirst).
        (f"<h2>{STANDFIRST_SENTENCE}</h2>", True),
        # After the topic's label that stood over the headline (Libération's 'Diplomatie').
        (f"<div><p>Diplomatie</p><h2>{STANDFIRST_SENTENCE}</h2></div>", True),
        # A section's heading, short; a numbered item's heading (BuzzFeed's lists).
        ("<h2>The new breakwater and the fleet</h2>", False),
        (f"<h2>3. {STANDFIRST_SENTENCE}</h2>", False),
        # A linked title (LWN's weekly edition).
        (f"<h2><a href='/Articles/1/'>{STANDFIRST_SENTENCE}</a></h2>", False),
    ],
)
def test_a_standfirst_set_as_the_opening_heading_is_a_paragraph(opening: str, is_paragraph: bool) -> None:
    _, content = enriched("<title>Breakwater</title>", f"{opening}{PARAGRAPH}")
    marker = lxml.html.fragment_fromstring(opening).text_content()[-25:]
    block = next(block for block in content.iter("h2", "p") if marker in block.text_content())
    assert (block.tag == "p") is is_paragraph


def test_a_long_heading_further_on_heads_its_section() -> None:
    _, content = enriched(
        "<title>Breakwater</title>", f"{PARAGRAPH}<h2>{STANDFIRST_SENTENCE}</h2>{PARAGRAPH}"
    )
    assert content.find(".//h2") is not None


@pytest.mark.parametrize(
    ("body_opening", "goes"),
    [
        # Readability kept the label's box and not the headline (Libération's 'Diplomatie').
        ("<p>Diplomatie</p>", True),
        # Another short line, or the label said again further on, stays.
        ("<p>Analyse</p>", False),
    ],
)
def test_the_label_set_over_the_headline_goes_when_the_body_opens_with_it(
    body_opening: str, goes: bool
) -> None:
    page_body = (
        "<header><div class='subhead'>Diplomatie</div><h1>Trump et Xi, tentative de flirt</h1></header>"
        f"<div class='story'>{body_opening}{PARAGRAPH}<p>Diplomatie</p>{PARAGRAPH}</div>"
    )
    root, metadata = page("<title>Trump et Xi, tentative de flirt</title>", page_body)
    content = root.find(".//div[@class='story']")
    enrich(content, metadata)
    texts = [p.text_content() for p in content.iter("p")]
    opening = lxml.html.fragment_fromstring(body_opening).text_content()
    assert (texts[0] != opening) is goes
    assert texts.count("Diplomatie") == 1  # said again further on, it stays


def test_a_headline_with_its_topic_label_inside_goes_as_the_title() -> None:
    # wunderweib.de: the label is the headline's first element, run into it.
    head = "<title>Manuela Reimann: Hochzeit in Bayern!</title>"
    headline = '<h1><span class="roofline">Wow, wow, wow!</span>Manuela Reimann: Hochzeit in Bayern!</h1>'
    _, content, kept = opening_line_kept(head, headline, PARAGRAPH)
    assert not kept and "Wow" not in content.text_content()


def test_a_headline_that_says_more_than_the_title_stays() -> None:
    head = "<title>Hochzeit in Bayern</title>"
    headline = "<h1><span>Manuela Reimann und Konny feiern eine</span>Hochzeit in Bayern</h1>"
    _, _, kept = opening_line_kept(head, headline, PARAGRAPH)
    assert kept


def opening_line_kept(head: str, opening: str, rest: str) -> tuple[Enrichment, HtmlElement, bool]:
    """Enrich an article of `opening` and `rest`: the result, the body, and
    whether the opening line's words are still in the body."""
    result, content = enriched(head, f"{opening}{rest}")
    line = lxml.html.fragment_fromstring(opening).text_content()
    return result, content, line in content.text_content()


def test_a_real_title_is_not_replaced_by_the_opening_heading() -> None:
    body = f"<article><h2>Erstens</h2>{PARAGRAPH}</article>"
    assert title_of(body, "<title>Der neue Trend | carta.info</title>") == "Der neue Trend"


# --- byline ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("by  Jane\n  Doe", "Jane Doe"),
        ("BY JANE DOE", "JANE DOE"),
        ("By: Jane Doe", "Jane Doe"),
        ("Written by Jane Doe", "Jane Doe"),
        ("Par Marie Curie", "Marie Curie"),
        ("par Marie Curie, ", "Marie Curie"),
        ("Von Max Mustermann", "Max Mustermann"),
        ("Autor/in: Korinna Hennig", "Korinna Hennig"),
        ("Autor*in: Kim Muster", "Kim Muster"),
        ("Por Ana García", "Ana García"),
        ("— Jane Doe", "Jane Doe"),
        ("Jane Doe", "Jane Doe"),
        # Names that start like a prefix are names.
        ("Byron Smith", "Byron Smith"),
        ("Parker Lewis", "Parker Lewis"),
        ("Vonda Shepard", "Vonda Shepard"),
        # A job or desk after the name is no part of it; a degree and co-authors are kept.
        ("By Jane Doe, Staff Writer", "Jane Doe"),
        ("Jane Doe - Senior Correspondent", "Jane Doe"),
        ("Jane Doe | editor-in-chief", "Jane Doe"),
        ("Max Mustermann – Redakteur", "Max Mustermann"),
        ("Par Jean Dupont, envoyé spécial", "Jean Dupont"),
        ("Brenda Goodman, MA", "Brenda Goodman, MA"),
        # Beyond Europe: a prefix written without spaces ends at its separator.
        ("文／张三", "张三"),
        ("作者：李四", "李四"),
        ("记者 王五", "王五"),
        ("执笔/叨叨姐", "叨叨姐"),
        ("筆者：山田太郎", "山田太郎"),
        ("文涛", "文涛"),  # a surname, not the prefix 文
        ("بقلم: محمد علي", "محمد علي"),
        ("מאת דני כהן", "דני כהן"),
        ("Oleh Budi Santoso", "Budi Santoso"),
        ("Budi Santoso, wartawan", "Budi Santoso"),
        ("โดย สมชาย ใจดี", "สมชาย ใจดี"),
        ("Jane Doe, John Roe", "Jane Doe, John Roe"),
        ("Editor", "Editor"),
        ("Jane Editorson", "Jane Editorson"),
        ("https://news.example/authors/jane-doe", None),
        ("http://news.example/authors/jane-doe", None),
        ("/authors/jane-doe", None),
        ("By https://news.example/authors/jane-doe", None),
        ("", None),
        ("   ", None),
        (None, None),
        ("x" * 101, None),
        # A picture's credit, and the name of an account nobody renamed, name no author.
        ("Photo by барон Н.Н.Торнау, public domain.", None),
        ("Foto: dpa", None),
        ("Super User", None),
        ("User Admin", None),
        # Albanian (Gazeta Telegraf): the prefix alone names no one.
        ("Nga Arben Hoxha", "Arben Hoxha"),
        # tagesschau.de: the correspondent whose reporting the story was written from.
        ("Mit Informationen von Christoph Heinzle", "Christoph Heinzle"),
        ("Nga", None),
        # A company's legal form: the publisher, not an author.
        ("Süddeutsche.de GmbH, Munich, Germany", None),
        # A publishing house by its name's word (El País's meta author).
        ("Ediciones El País", None),
        ("Rowohlt Verlag", None),
        # A legal form's letters as a person's initials, before the name goes on (CNN, 2013).
        ("James S.A. Corey", "James S.A. Corey"),
        ("K.K. Sharma", "K.K. Sharma"),
        ("Grupo Example S.A.", None),
        ("Example S.A. de C.V.", None),
        # A space the markup left before a comma.
        ("By Dana A. Ford , Tom Watkins, CNN", "Dana A. Ford, Tom Watkins, CNN"),
        ("The Editorial Board", "The Editorial Board"),
        # An address in brackets after the name; an agency's name in brackets stays.
        ("Deutsche Welle (www.dw.com)", "Deutsche Welle"),
        ("Jane Doe (AP)", "Jane Doe (AP)"),
        # The agency that built the site, in meta author (info.elblag.pl).
        ("Agencja Reklamowa GABO -  ", None),
        ("Webdesign Müller", None),
        ("admin", None),
        # An account's number, not a name.
        ("104363", None),
        ("#42", None),
        # A system's account named with a number (wunderweib.de's JSON-LD author);
        # a station's name in capitals may sign a story.
        ("Wunderweib1", None),
        # A social account's handle (National Geographic UK's article:author).
        ("@NatGeoUK", None),
        ("editor2", None),
        ("SWR3", "SWR3"),
        ("R2-D2", "R2-D2"),
        ("Photon Smith", "Photon Smith"),
        # A role, with a news agency's initials before it.
        ("JORDAN ROBERTSON and RACHEL METZ - AP Technology Writers", "JORDAN ROBERTSON and RACHEL METZ"),
        ("DAVID LIEBERMAN, Executive Editor", "DAVID LIEBERMAN"),
        ("Lilian Alemagna, envoyée spéciale", "Lilian Alemagna"),
        ("Ann Writer", "Ann Writer"),
        # The section's name before the names.
        ("Politik · Jochen Bittner, Tina Hildebrandt", "Jochen Bittner, Tina Hildebrandt"),
        ("Opinion | Jane Doe", "Jane Doe"),
        ("Jane · Doe", "Jane · Doe"),
        # An author card's follow button after the name (The Paper).
        ("中国广州发布 关注", "中国广州发布"),
        ("Jane Doe Follow", "Jane Doe"),
        # The place the story was written, after a bar (El Mundo); an outlet's name stays.
        ("Ángeles Escrivá | Madrid", "Ángeles Escrivá"),
        ("Jane Doe • Berlin", "Jane Doe"),
        ("Jane Doe | The Harbour Times", "Jane Doe | The Harbour Times"),
        # A place of two words joined by a particle; then the date (Última Hora).
        ("Patricio Candia | Palma de Mallorca | 08/01/2014", "Patricio Candia"),
        ("Jane Doe | Frankfurt am Main", "Jane Doe"),
        # The whole byline in brackets (ITmedia).
        ("[Jane Doe, ITmedia]", "Jane Doe, ITmedia"),
        ("［田中宏昌，ITmedia］", "田中宏昌，ITmedia"),
        # A blog theme's meta line: the name, then the category and the date (Phoronix).
        ("Written by Michael Larabel in Valve on 1 June 2019 at 08:34 PM EDT.", "Michael Larabel"),
        ("Posted by Jane Doe on Monday, June 1, 2019", "Jane Doe"),
        ("Von Max Mustermann am 1. Juni 2019", "Max Mustermann"),
        ("Par Jeanne Martin dans Politique le 3 mars 2020", "Jeanne Martin"),
        ("By Jane Doe on the harbour", "Jane Doe on the harbour"),
        # In the double angle brackets of a publication's name (ScanNetSecurity, RBB TODAY).
        ("《ScanNetSecurity》", "ScanNetSecurity"),
        ("《KT》", "KT"),
        ("《Jane Doe", "《Jane Doe"),
        # A web address alone: the agency that built the site (Informe Corrientes).
        ("www.chamigonet.com.ar", None),
        ("chamigonet.com.ar", None),
        ("Dr.Dre", "Dr.Dre"),
        # The job and the date said relative to now, set apart after the name (The Debrief).
        ("Lena deCasparis | Contributing Writer | 5 days ago", "Lena deCasparis"),
        ("Jane Doe · vor 3 Stunden", "Jane Doe"),
        ("Jane Doe | 2019", None),
        # The writer's address set apart after the name (MLive); an address alone names no one.
        ("Darcie Moran | dmoran@mlive.com", "Darcie Moran"),
        ("Jane Doe (jane.doe@example.co.uk)", "Jane Doe"),
        ("newsroom@example.org", None),
        # The date and time written after the name (ZDNet Japan's p.author), numerically.
        ("ZDNet Japan Staff 2019年04月28日 08時00分", "ZDNet Japan Staff"),
        ("Jane Doe | 28.04.2019, 14:05", "Jane Doe"),
        ("By Jane Doe, 12/05/2019 8:30 pm", "Jane Doe"),
        # A date alone, in any script, names no one.
        ("2019年04月28日", None),
        # A profession written as a title before the name (JuraForum); a doctor's degree stays.
        ("Rechtsanwalt Sebastian Einbock", "Sebastian Einbock"),
        ("Von Rechtsanwältin Dr. Jane Doe", "Dr. Jane Doe"),
        ("Notar", "Notar"),
        # The icon a theme draws before the name (BroadwayWorld's '👤by'), with its joiners.
        ("👤by BWW News Desk", "BWW News Desk"),
        ("✍️ Jane Doe", "Jane Doe"),
        ("👤", None),
    ],
)
def test_clean_byline(value: str | None, expected: str | None) -> None:
    assert clean_byline(value) == expected


# --- JSON-LD -------------------------------------------------------------------------------------------

GRAPH = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "WebSite", "name": "The Example", "url": "https://news.example/"},
        {"@type": "WebPage", "name": "Harbour page", "url": PAGE_URL},
        {
            "@type": ["NewsArticle", "Article"],
            "headline": "Council approves the harbour budget",
            "datePublished": "2024-03-05T10:20:30+0100",
            "author": [
                {"@type": "Person", "name": "Ada Lovelace"},
                {"@type": "Person", "name": "Charles Babbage"},
                {"@type": "Person", "name": "Ada Lovelace"},
            ],
            "publisher": {"@type": "Organization", "name": "The Example"},
        },
    ],
}


def test_json_ld_graph_with_list_type_gives_the_article_node() -> None:
    _, metadata = page(json_ld(GRAPH))
    article = article_json_ld(metadata)
    assert article is not None
    assert article["headline"] == "Council approves the harbour budget"


def test_json_ld_author_list_becomes_one_byline() -> None:
    result, _ = enriched(json_ld(GRAPH) + '<meta name="author" content="Desk">', PARAGRAPH)
    assert result.byline == "Ada Lovelace, Charles Babbage"
    assert result.published == "2024-03-05T10:20:30+01:00"
    assert result.site_name == "The Example"
    assert result.title == "Council approves the harbour budget"


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("Ada Lovelace", "Ada Lovelace"),
        ({"@type": "Person", "name": "By Ada Lovelace"}, "Ada Lovelace"),
        (["Ada Lovelace", "Charles Babbage"], "Ada Lovelace, Charles Babbage"),
        ([{"name": "Ada Lovelace"}, "Charles Babbage"], "Ada Lovelace, Charles Babbage"),
    ],
)
def test_json_ld_author_shapes(author: Any, expected: str) -> None:
    data = {"@context": "https://schema.org", "@type": "BlogPosting", "headline": "H", "author": author}
    result, _ = enriched(json_ld(data), PARAGRAPH)
    assert result.byline == expected


def test_json_ld_author_given_by_reference_is_resolved_in_the_graph() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Article",
                "headline": "H",
                "author": {"@id": "https://news.example/#/schema/person/ada"},
            },
            {"@type": ["Person"], "@id": "https://news.example/#/schema/person/ada", "name": "Ada Lovelace"},
        ],
    }
    result, _ = enriched(json_ld(graph), PARAGRAPH)
    assert result.byline == "Ada Lovelace"
    # A reference to nothing in the page gives no name.
    graph["@graph"] = graph["@graph"][:1]
    result, _ = enriched(json_ld(graph), PARAGRAPH)
    assert result.byline is None


def test_json_ld_with_trailing_commas_is_still_read() -> None:
    raw = '{"@type": "NewsArticle", "headline": "H", "author": {"name": "Ada Lovelace",},}'
    result, _ = enriched(f'<script type="application/ld+json">{raw}</script>', PARAGRAPH)
    assert result.byline == "Ada Lovelace"


def test_json_ld_with_values_printed_without_quotes_is_still_read() -> None:
    # Rádio Aliança's template prints dates and addresses bare, and drops a comma.
    raw = """{"@type": "NewsArticle", "headline": "H",
        "datePublished": 2023-01-12T06:18:10-03:00,
        "author": {"@type": "Person", "name": "Jocimar Soares"},
        "image": {"url": https://cdn.example/news/1.jpg
          "height": 1200, "width": 900}}"""
    result, _ = enriched(f'<script type="application/ld+json">{raw}</script>', PARAGRAPH)
    assert (result.byline, result.published) == ("Jocimar Soares", "2023-01-12T06:18:10-03:00")
    assert result.lead_image is not None and result.lead_image.url == "https://cdn.example/news/1.jpg"


_BARE_WORDS = st.from_regex(r"[A-Za-z][\w:/.+-]{0,20}", fullmatch=True).filter(
    lambda word: word not in {"true", "false", "null"}
)


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(st.from_regex(r"@?[A-Za-z]{1,10}", fullmatch=True), _BARE_WORDS, min_size=1, max_size=6),
    st.sampled_from([", ", ",\n  ", "\n  "]),
)
def test_json_ld_values_printed_without_quotes_are_read_as_text(data: dict[str, str], separator: str) -> None:
    raw = "{" + separator.join(f'"{key}": {value}' for key, value in data.items()) + "}"
    assert _lenient_json(raw) == data


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_any_script_text_is_read_as_json_or_none(text: str) -> None:
    data = _lenient_json(text)  # never raises
    assert data is None or isinstance(json.dumps(data), str)


OPENING_LINES = (
    "<p><span><strong>DOW Jones &ndash; Jahresendrally ad&eacute;?!</strong><br> </span>"
    "<span>von Nicolas Schlippe</span><br><span>Samstag 22.12.2012</span><br><br>"
    "<span>Kursstand aktuell: 13190,84</span><br><br><span>R&uuml;ckblick: Der DOW Jones befindet sich"
    " aktuell noch weit entfernt von seinen Jahresh&ouml;chstst&auml;nden.</span></p>"
)


def test_opening_lines_that_repeat_title_byline_and_date_go() -> None:
    # Tagesausblick: the article is one block of lines parted by <br>.
    head = (
        "<title>DOW Jones - Jahresendrally ade?! - Tagesanalyse</title>"
        '<meta name="author" content="Nicolas Schlippe">'
        '<meta property="article:published_time" content="2012-12-22">'
    )
    _, content = enriched(head, OPENING_LINES + PARAGRAPH)
    assert content.text_content().strip().startswith("Kursstand aktuell: 13190,84")
    assert "Rückblick" in content.text_content()


@pytest.mark.parametrize(
    ("head", "opening"),
    [
        # Another author, another day: the title line goes, the lines that say more stay.
        (
            "<title>DOW Jones - Jahresendrally ade?! - Tagesanalyse</title>"
            '<meta name="author" content="Jane Doe">'
            '<meta property="article:published_time" content="2012-12-21">',
            "von Nicolas Schlippe",
        ),
        # Another title: the first line is the article's.
        (
            '<title>Harbour budget approved</title><meta name="author" content="Nicolas Schlippe">'
            '<meta property="article:published_time" content="2012-12-22">',
            "DOW Jones",
        ),
    ],
)
def test_opening_lines_that_say_more_stay(head: str, opening: str) -> None:
    _, content = enriched(head, OPENING_LINES + PARAGRAPH)
    assert content.text_content().strip().startswith(opening)


def test_meta_values_escaped_twice_are_read_as_characters() -> None:
    # Die Weltwoche: content="… financially. &amp;ldquo;People want …&amp;rdquo;"
    head = (
        '<meta property="og:description" content="Forbes says the presidency hurt him. '
        '&amp;ldquo;People want to wait and see.&amp;rdquo; He gave AT&amp;T as an example.">'
    )
    _, metadata = page(head, PARAGRAPH)
    assert metadata.meta["og:description"] == (
        "Forbes says the presidency hurt him. \u201cPeople want to wait and see.\u201d"
        " He gave AT&T as an example."
    )


def test_json_ld_strings_written_html_escaped_are_read_as_characters() -> None:
    raw = (
        '{"@type": "NewsArticle", "headline": "Ransomware spreads via &#8216;game&#8217; links",'
        ' "author": {"name": "Lindsey O&#039;Donnell"}}'
    )
    result, _ = enriched(f'<script type="application/ld+json">{raw}</script>', PARAGRAPH)
    assert result.byline == "Lindsey O'Donnell"
    assert result.title == "Ransomware spreads via \u2018game\u2019 links"


def test_json_ld_entities_whose_ampersand_is_a_json_escape_are_read_as_characters() -> None:
    # Blogger: '"description": "For the past few months I\u0026#39;ve been…"'.
    raw = r'{"@type": "BlogPosting", "headline": "Drivers", "author": {"name": "Hannes O\u0026#39;Neil"}}'
    result, _ = enriched(f'<script type="application/ld+json">{raw}</script>', PARAGRAPH)
    assert result.byline == "Hannes O'Neil"


def test_a_byline_field_holding_only_by_leaves_the_name_to_its_box() -> None:
    # Marketplace's Drupal field 'byline-description' says 'by'; the name is a link beside it.
    box = (
        "<div class='byline'><div class='field-name-field-byline-description field-label-hidden'>"
        "<div class='field-items'><div class='field-item'>by</div></div></div> "
        "<a href='/people/david-gura'>David Gura</a></div>"
    )
    _, metadata = page("", f"<h1>Are smart guns ready for market?</h1>{box}{PARAGRAPH}")
    assert metadata.byline_texts == ["David Gura"]


@pytest.mark.parametrize(
    ("details", "byline"),
    [
        # Blogger's theme names each line of a post's details 'byline': its labels and its place.
        (
            "<span class='byline post-labels'><span class='byline-label'></span>"
            "<a href='/search/label/MongoDB' rel='tag'>MongoDB</a> <a href='/l/pecl' rel='tag'>pecl</a>"
            "</span><span class='byline post-location'>Location: Sunnyvale, CA, USA</span>",
            None,
        ),
        # Links to the post's tags and nothing else, whatever the line's name.
        ("<p class='byline'><a href='/tag/hamburg' rel='tag'>Hamburg Harbour</a></p>", None),
        (
            "<span class='byline post-author vcard'><span class='byline-label'>Posted by</span> "
            "<span class='fn'>Hannes Magnusson</span></span><span class='byline post-labels'>"
            "<a href='/search/label/pecl' rel='tag'>pecl</a></span>",
            "Hannes Magnusson",
        ),
    ],
)
def test_lines_of_a_post_s_details_named_byline_name_only_its_author(
    details: str, byline: str | None
) -> None:
    result, _ = enriched("", f"<h1>Next Generation Driver</h1>{details}{PARAGRAPH}")
    assert result.byline == byline


@pytest.mark.parametrize(
    "company",
    [
        "Süddeutsche.de GmbH, Munich, Germany",
        "Example News Ltd",
        "Grupo Example S.A.",
        "株式会社エグザンプル",
    ],
)
def test_a_company_in_meta_author_yields_to_the_byline_box(company: str) -> None:
    # The Süddeutsche: its meta author is the publisher; the box names the author,
    # beside a list of profiles that a script fills.
    box = (
        '<section class="authors"><div class="authorProfileContainer">'
        '<ul class="authorProfiles"><li></li></ul>'
        "<span><strong>Von <span>Markus Balser</span></strong></span></div></section>"
    )
    result, _ = enriched(
        f'<meta name="author" content="{company}">', f"<h1>Flixbus attackiert</h1>{box}{PARAGRAPH}"
    )
    assert result.byline == "Markus Balser"


@pytest.mark.parametrize(
    ("head", "box", "byline"),
    [
        # Der Spiegel: the publisher as the JSON-LD author and in meta author with its
        # address; the names under the story sign it.
        (
            json_ld(
                {
                    "@type": "NewsArticle",
                    "headline": "Ein Albtraum",
                    "author": [{"@type": "Organization", "name": "SPIEGEL ONLINE"}],
                    "publisher": {"@type": "Organization", "name": "SPIEGEL ONLINE"},
                }
            )
            + '<meta name="author" content="SPIEGEL ONLINE, Hamburg, Germany">'
            + '<meta property="og:site_name" content="SPIEGEL ONLINE">',
            '<div class="dig-autoren">Von Clemens Höges</div>',
            "Clemens Höges",
        ),
        # Nobody else signs: the publisher does.
        (
            json_ld({"@type": "NewsArticle", "author": {"name": "BBC"}, "publisher": {"name": "BBC"}}),
            "",
            "BBC",
        ),
        # Deutsche Welle: meta author and publisher name the broadcaster; its
        # stories close with the writer's and the editor's lines.
        (
            '<meta name="publisher" content="Deutsche Welle (www.dw.com)">'
            '<meta name="author" content="Deutsche Welle (www.dw.com)">',
            "<div><p>Auteur : Kossivi Tiassou</p><p>Edition : M-A. Pioerron</p></div>",
            "Kossivi Tiassou",
        ),
        (
            '<meta name="DC.publisher" content="Europa Press">'
            '<meta name="DC.creator" content="Europa Press">',
            "",
            "Europa Press",
        ),
        # heise.de: DC.creator names the site's brand (its host's label first), the meta author the writer.
        (
            '<meta name="DC.creator" content="News online"><meta name="author" content="Denis Dilba">',
            "",
            "Denis Dilba",
        ),
        ('<meta name="DC.creator" content="News online">', "", "News online"),
        # A writer whose surname is the host's label is a person.
        (
            '<meta name="DC.creator" content="Jane News"><meta name="author" content="Denis Dilba">',
            "",
            "Jane News",
        ),
    ],
)
def test_the_publisher_as_author_yields_to_a_person(head: str, box: str, byline: str) -> None:
    result, _ = enriched(head, f"<h1>Ein Albtraum</h1>{PARAGRAPH}{box}")
    assert result.byline == byline


@pytest.mark.parametrize(
    ("header", "byline"),
    [
        # Astro Awani: a name alone above the date line.
        ("<div>Dewi Nur Harasha Alias</div><div>Fri Oct 09 2020</div>", "Dewi Nur Harasha Alias"),
        ("<p>Jean-Luc Dupont</p><p>9 octobre 2020</p>", "Jean-Luc Dupont"),
        # Not a name: a section in capitals, a label with a number, a line without a date after it.
        ("<div>POLITIK INLAND</div><div>Fri Oct 09 2020</div>", None),
        ("<div>Seite 2</div><div>Fri Oct 09 2020</div>", None),
        ("<div>Dewi Nur Harasha Alias</div><div>Pulau Pinang</div>", None),
    ],
)
def test_a_name_alone_above_the_date_line_is_the_byline(header: str, byline: str | None) -> None:
    result, _ = enriched("", f"<h1>Tiada petugas di Penjara Reman positif</h1>{header}{PARAGRAPH}")
    assert result.byline == byline


def test_byline_falls_back_to_meta_then_page_markup() -> None:
    result, _ = enriched('<meta name="author" content="By Jane Doe">', PARAGRAPH)
    assert result.byline == "Jane Doe"
    result, _ = enriched("", f'<p class="byline">Par Marie Curie</p>{PARAGRAPH}')
    assert result.byline == "Marie Curie"


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # The name alone, not the date or the job beside it in the author box.
        (
            '<div class="author"><a class="author__name">Aleš Vávra</a>'
            '<div class="author__date">před 2 hodinami</div></div>',
            "Aleš Vávra",
        ),
        (
            '<div class="meta-author-wrapped">geschrieben von <span class="vcard author">'
            '<span class="fn"><a href="/autor/mne">Meike Neitz</a></span></span></div>',
            "Meike Neitz",
        ),
        ('<p class="byline">écrit par Marie Curie</p>', "Marie Curie"),
        ('<p class="byline">scritto da Primo Levi</p>', "Primo Levi"),
        ('<p class="byline">di Primo Levi</p>', "Primo Levi"),
        # Plone's documentByLine.
        (
            '<div class="documentByLine"><span class="documentAuthor">erstellt von '
            '<a href="https://gay.example/author/dominique">Dominique</a> —</span></div>',
            "Dominique",
        ),
        ('<p class="byline">Di Maio</p>', "Di Maio"),
        (
            '<h6 class="byline"><em class="byline__by">By</em> '
            '<span class="byline__author">Jo Sokol</span></h6>',
            "Jo Sokol",
        ),
        # A box written as lines names its author on the first: then come an editor, a date, a desk.
        ('<p class="byline author">Written by Rob Ewaschuk<br>Edited by Betsy Beyer</p>', "Rob Ewaschuk"),
        ('<div class="byline">By <b>Nathan Willis</b><br>March 25, 2015</div>', "Nathan Willis"),
        ('<div class="byline">By<br>Scott Cunningham</div>', "Scott Cunningham"),
        ('<p class="byline">By Brenda Goodman, MA<br>Health News</p>', "Brenda Goodman, MA"),
        # camelCase class names are read as words.
        ('<div class="FeatureByline">By <b>Nathan Willis</b></div>', "Nathan Willis"),
        ('<span class="postAuthor">Ada Lovelace</span>', "Ada Lovelace"),
        # Plural names (SPIP's span.auteurs).
        ('<div class="dates">par <span class="auteurs">Didier Roy</span>, 21 juin 2018</div>', "Didier Roy"),
        # Co-authors marked one by one in one box make one byline; a job title beside them does not join.
        (
            '<div class="byline">By <a rel="author" href="/a">Ada Lovelace</a> and '
            '<a rel="author" href="/b">Charles Babbage</a></div>',
            "Ada Lovelace, Charles Babbage",
        ),
        (
            '<div class="byline">By <a class="author" href="/a">Ada Lovelace</a>, '
            '<a class="author" href="/b">Charles Babbage</a></div>',
            "Ada Lovelace, Charles Babbage",
        ),
        (
            '<div class="author"><a class="author-link" href="/a">Ben Silverman</a>'
            '<div class="author-title">Games Editor</div></div>',
            "Ben Silverman",
        ),
        # A microdata author is one unit, co-authors included.
        (
            '<span itemprop="author"><a class="auteur">Martin Untersinger</a> (avec Damien Leloup)</span>',
            "Martin Untersinger (avec Damien Leloup)",
        ),
        # The name again for screen readers (ARTE Radio), or a label for them.
        (
            '<p class="authors">Un documentaire de <a class="authors__name" href="/a">Kristen Falc’hon'
            '<span class="u-screen-reader-text">Kristen Falc’hon</span></a></p>',
            "Kristen Falc’hon",
        ),
        ('<div class="byline"><span class="sr-only">Author:</span> Ada Lovelace</div>', "Ada Lovelace"),
    ],
)
def test_byline_from_page_markup(markup: str, expected: str) -> None:
    result, _ = enriched("", markup + PARAGRAPH)
    assert result.byline == expected


@pytest.mark.parametrize(
    "markup",
    [
        # Novinky: the editors' initials and the outlet.
        '<p class="articleAuthors"> ok, jap<span>, </span><a href="http://www.novinky.cz">Novinky</a></p>',
        '<p class="byline">nwy/ita</p>',
    ],
)
def test_editors_initials_are_no_byline(markup: str) -> None:
    result, _ = enriched('<meta property="og:site_name" content="Novinky">', markup + PARAGRAPH)
    assert result.byline is None


@pytest.mark.parametrize(
    "markup",
    [
        # An author's note is text by the author, not a name.
        '<div class="author-note"><p>*****Notes*****</p></div>',
        # A long box with line breaks is prose (here a dialog about authors), not a byline.
        '<div id="become-an-approved-author"><div>Your account is not approved yet.<br>'
        "To become an approved author, you must have a minimum of two articles in your account.<br>"
        "The articles must be complete and ready to be published.</div></div>",
        # Camel case makes no word of a longer one.
        '<span class="AuthorityScore">Ada Lovelace</span>',
        # National Geographic: the 'author' of a pull quote is who is quoted.
        '<div class="pull-quote"><blockquote>I totally agree with my wife.</blockquote>'
        '<div class="pull-quote__author"><span class="author">Boris Kingma</span></div></div>',
        "<blockquote><p>The harbour is ours.</p>"
        '<footer><span class="author">Ada Lovelace</span></footer></blockquote>',
    ],
)
def test_no_byline_from_markup(markup: str) -> None:
    result, _ = enriched("", markup + PARAGRAPH)
    assert result.byline is None


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # The account in the page's own address names no one.
        (
            '<meta property="og:url" content="https://mcupdate.tumblr.com/post/1">'
            + json_ld({"@type": "SocialMediaPosting", "author": "mcupdate"}),
            None,
        ),
        (
            json_ld(
                {"@type": "BlogPosting", "url": "https://mcupdate.tumblr.com/post/1", "author": "McUpdate"}
            ),
            None,
        ),
        # ... and yields to a name further down the list.
        (
            '<meta property="og:url" content="https://news.example/a"><meta name="author" content="news">'
            '<meta property="article:author" content="Ada Lovelace">',
            "Ada Lovelace",
        ),
        # A name of several words, or a word the address lacks, is kept.
        (
            '<meta property="og:url" content="https://ada.example/a">'
            '<meta name="author" content="Ada Lovelace">',
            "Ada Lovelace",
        ),
        (
            '<meta property="og:url" content="https://news.example/a"><meta name="author" content="Ada">',
            "Ada",
        ),
        # The site's address names no one; its name written out is how it signs.
        (
            '<meta property="og:url" content="https://www.brigitte.de/a">'
            '<meta name="author" content="BRIGITTE.de">',
            None,
        ),
        (
            '<meta property="og:url" content="https://www.bbc.co.uk/news/a">'
            '<meta name="author" content="BBC News">',
            "BBC News",
        ),
        # A blog named after its author.
        (
            '<meta property="og:url" content="https://hakibenita.com/a">'
            '<meta name="author" content="Haki Benita">',
            "Haki Benita",
        ),
        # An account named after the site, by a word of its name or the start of its address.
        (
            '<meta property="og:url" content="https://sporadestv.com/a">'
            '<meta property="og:site_name" content="Sporades TV"><meta name="author" content="sporades">',
            None,
        ),
        (
            '<meta property="og:url" content="https://harbourtimes.example/a">'
            '<meta name="author" content="harbour">',
            None,
        ),
        # A name with its capital is a person's.
        (
            '<meta property="og:url" content="https://harbourtimes.example/a">'
            '<meta name="author" content="Harbour">',
            "Harbour",
        ),
    ],
)
def test_byline_that_is_the_pages_own_host_names_no_one(head: str, expected: str | None) -> None:
    result, _ = enriched(head, PARAGRAPH)
    assert result.byline == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # Bodybuilding.com's structured data: the writer's login, then her name.
        (
            json_ld({"@type": "Article", "author": "heather.eastman.1232"})
            + '<meta name="author" content="Heather Eastman">',
            "Heather Eastman",
        ),
        ('<meta name="author" content="jdoe_87">', None),
        # A name with initials is written with spaces and capitals.
        ('<meta name="author" content="J. R. Doe">', "J. R. Doe"),
    ],
)
def test_a_login_s_handle_names_no_one(head: str, expected: str | None) -> None:
    result, _ = enriched(head, PARAGRAPH)
    assert result.byline == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # The page's own site after the names, by its name or its address.
        (
            '<meta property="og:site_name" content="CNN">'
            '<meta name="author" content="Dana Ford and Tom Watkins, CNN">',
            "Dana Ford and Tom Watkins",
        ),
        (
            '<meta property="og:url" content="https://www.heise.de/a">'
            '<meta name="author" content="Ada Lovelace - heise">',
            "Ada Lovelace",
        ),
        # Before the name (unocero); before a tagline it names no one.
        (
            '<meta property="og:site_name" content="unocero">'
            '<meta name="author" content="unocero - Alberto Ávila">',
            "Alberto Ávila",
        ),
        (
            '<meta property="og:site_name" content="L-MAG">'
            '<meta name="author" content="L-MAG – Das Magazin für Lesben">',
            None,
        ),
        # The site and its print title after a bar (Advance Local's NOLA.com).
        (
            '<meta property="og:site_name" content="NOLA.com">'
            '<meta name="author" content="Keith Spera, NOLA.com | The Times-Picayune">',
            "Keith Spera",
        ),
        # An affiliation that ends with the site (Advance Local's NJ.com).
        (
            '<meta property="og:site_name" content="NJ.com">'
            '<meta name="author" content="Matt Friedman | NJ Advance Media for NJ.com">',
            "Matt Friedman",
        ),
        # Another organization is information: a wire service, a partner.
        (
            '<meta property="og:site_name" content="CNN"><meta name="author" content="Jane Doe, Reuters">',
            "Jane Doe, Reuters",
        ),
    ],
)
def test_the_pages_own_site_after_the_names_is_dropped(head: str, expected: str | None) -> None:
    result, _ = enriched(head, PARAGRAPH)
    assert result.byline == expected


@pytest.mark.parametrize(
    ("box", "expected"),
    [
        # Daily Star: the meta tag names the first author, the byline box both.
        (
            '<a class="author" href="/j/ce">Cyrus Engineer & Sophie Alexander</a>',
            "Cyrus Engineer & Sophie Alexander",
        ),
        (
            '<a class="author" href="/j/ce">Cyrus Engineer and Sophie Alexander</a>',
            "Cyrus Engineer and Sophie Alexander",
        ),
        # A box that says more after the name, but no other name, does not widen it (ACLU).
        ('<span class="author">Cyrus Engineer, Senior Staff Technologist, ACLU</span>', "Cyrus Engineer"),
    ],
)
def test_the_byline_box_s_co_authors_widen_a_meta_tag_s_first_author(box: str, expected: str) -> None:
    body = f'<div class="byline">By {box}</div>{PARAGRAPH}'
    result, _ = enriched('<meta name="author" content="Cyrus  Engineer">', body)
    assert result.byline == expected


def test_a_picture_credit_in_an_author_box_yields_to_the_author() -> None:
    body = (
        '<div class="author-credentials"><p><a href="/f">Photo</a> by Jane Roe, public domain.</p></div>'
        f'<article><p class="byline">By Joe Matazzoni</p>{PARAGRAPH}</article>'
    )
    result, _ = enriched("", body)
    assert result.byline == "Joe Matazzoni"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("<div><span>By Urs Gassner</span> | <span>27.06.2018 09:54</span></div>", "Urs Gassner"),
        ("<small>Tuesday 15 October 2019 by Bradley M. Kuhn</small>", "Bradley M. Kuhn"),
        # No date: a line of the page, not a date line.
        ("<p>Two killed by gunfire in Gaza</p>", None),
        # One word after a prefix is as often a word as a name.
        ("<p>Published: 21 Sep 2011 | 4:35 PM ET Text Size</p>", None),
        # But for a script without spaces: there a name is one word.
        ("<p>2024-05-06 10:22 来源：中国青年报 作者：石佳</p>", "石佳"),
        ("<p>2024-05-06 10:22 中国青年报记者 石佳</p>", "石佳"),
        # The line goes on after its element, in loose words (Anime News Network).
        (
            '<small>posted on <time datetime="2026-06-15T11:15"><strong>2026-06-15</strong> 11:15 EDT</time>'
            "</small> by Rafael Antonio Pineda",
            "Rafael Antonio Pineda",
        ),
        # The date opens with its month's name (Western Journalism's p.entry-meta); a
        # surname that names a month stays when the date names its own.
        ("<p>by <a href='/author/jd/'>Jack Davis</a> December 23, 2016 at 7:18am</p>", "Jack Davis"),
        ("<p>By Theresa May 23 June 2019</p>", "Theresa May"),
    ],
)
def test_a_date_line_under_the_headline_credits_its_author(line: str, expected: str | None) -> None:
    root = lxml.html.document_fromstring(
        f"<html><body><article><h1>Schattiges Plätzchen</h1>{line}{PARAGRAPH}</article></body></html>"
    )
    assert enrich(root.find(".//article"), collect_metadata(root, PAGE_URL)).byline == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('<div class="x9">By Jane Doe</div>', "Jane Doe"),
        ("<p>Par Jean Dupont et Marie Curie</p>", "Jean Dupont et Marie Curie"),
        ("<p>Door Jan de Vries</p>", "Jan de Vries"),
        # Euronews in Greek: 'Από' and the names, each a link.
        (
            '<div>Από&nbsp;<a href="/profiles/1628">Méabh Mc Mahon</a>&nbsp;&amp;&nbsp;'
            '<a href="/profiles/1940">Aida Sanchez Alonso</a></div>',
            "Méabh Mc Mahon & Aida Sanchez Alonso",
        ),
        ("<p>Автор: Иван Петров</p>", "Иван Петров"),
        ("<p>بقلم: محمد علي</p>", "محمد علي"),
        ("<p>文：山田太郎</p>", "山田太郎"),
        ("<div>记者 李四</div>", "李四"),
        # The outlet's name run into the prefix.
        ("<p>澎湃新闻记者 段彦超 廖艳</p>", "段彦超 廖艳"),
        ("<p>新华社记者 张三</p>", "张三"),
        # After a column's name in title marks (Tencent's 《棱镜》).
        ("<p>《棱镜》作者 周纯</p>", "周纯"),
        ("<p>本报记者 张三、李四</p>", "张三 李四"),
        # The name ends at the next label or a bracket: the outlet, the pictures' credit.
        ("<p>作者：石佳/中国青年报</p>", "石佳"),
        ("<p>文/张三 图/李四</p>", "张三"),
        ("<p>记者：王五 通讯员：赵六</p>", "王五"),
        ("<p>文／山田太郎（ライター）</p>", "山田太郎"),
        ("<p>文/图 张三</p>", "张三"),
        ("<p>取材・文＝山田太郎</p>", "山田太郎"),
        # Korean writes the job after the name, the outlet between ('name_suffixes').
        ("<p>홍길동 기자</p>", "홍길동"),
        ("<div>김재호 MK스포츠 기자(greatnemo@maekyung.com)</div>", "김재호"),
        ("<p>이번 행사를 기획한 사람은 신동해 기자</p>", None),
        # The prefix opens a standfirst or a headline's kicker, not a byline.
        ("<p>By land and by sea</p>", None),
        ("<p>Von Anfang an</p>", None),
        ("<p>Par avion, les colis arrivent plus vite</p>", None),
        ("<p>Από την Αθήνα ως τη Θεσσαλονίκη με το τρένο</p>", None),
        ("<p>记者从市政府获悉，公园将于明年开放。</p>", None),
        # A name and a job on two lines, read as one: six capitalized words in a row.
        ('<span>By: <a href="/id/1">Patti Domm</a><br>CNBC Executive News Editor</span>', None),
    ],
)
def test_a_byline_line_under_the_headline_names_the_author(line: str, expected: str | None) -> None:
    root = lxml.html.document_fromstring(
        f"<html><body><article><h1>Schattiges Plätzchen</h1>{line}{PARAGRAPH}</article></body></html>"
    )
    content = root.find(".//article")
    result = enrich(content, collect_metadata(root, PAGE_URL))
    assert result.byline == expected
    if expected is not None:
        # The line says only the byline shown above the body.
        assert expected not in content.text_content()


@pytest.mark.parametrize(
    ("facts", "byline", "published"),
    [
        # Deutsche Welle: a list of facts beside the story, in its sidebar.
        (
            "<ul><li><strong>Date</strong> 19.01.2020</li><li><strong>Author</strong> Ben Knight</li>"
            "<li><strong>Keywords</strong> <a href='/k'>Berlin</a>, colonialism</li></ul>",
            "Ben Knight",
            "2020-01-19",
        ),
        (
            "<dl><dt>Autorin:</dt><dd>Jana Weiß</dd><dt>Datum:</dt><dd>3. Mai 2021</dd></dl>",
            "Jana Weiß",
            "2021-05-03",
        ),
        (
            "<ul><li><b>Auteur</b> : Claire Dubois</li><li><b>Date</b> : 25/03/2019</li></ul>",
            "Claire Dubois",
            "2019-03-25",
        ),
        # An event's facts: a date, and no author: not the article's.
        (
            "<ul><li><strong>Date</strong> 19.01.2020</li><li><strong>Venue</strong> Town hall</li></ul>",
            None,
            None,
        ),
        # Words before the bold: a sentence, not a label.
        (
            "<ul><li>Ask the <strong>author</strong> Ben Knight</li><li>See <b>Date</b> 19.01.2020</li></ul>",
            None,
            None,
        ),
        # Comments have their own authors and dates.
        (
            "<div class='comments'><ul><li><strong>Author</strong> Ann Lee</li>"
            "<li><strong>Date</strong> 19.01.2020</li></ul></div>",
            None,
            None,
        ),
    ],
)
def test_a_list_of_facts_that_labels_the_author_gives_the_byline_and_date(
    facts: str, byline: str | None, published: str | None
) -> None:
    root, metadata = page("", f"<article><h1>Streets renamed</h1>{PARAGRAPH}</article><aside>{facts}</aside>")
    result = enrich(root.find(".//article"), metadata)
    assert (result.byline, result.published) == (byline, published)


@pytest.mark.parametrize(
    ("ending", "is_bio"),
    [
        ("<hr><p><strong>Dominika Rafalska</strong>, doktor nauk humanistycznych, dziennikarka.</p>", True),
        ("<p><em>Dominika Rafalska</em> jest dziennikarką i badaczką historii najnowszej.</p>", True),
        ("<p>Dominika Rafalska (@drafalska) writes about wine for the magazine.</p>", True),
        # A card: the name on a line of its own above the author's role (Cosmopolitan).
        ("<p>Dominika Rafalska<br><span class='info'>Redaktion WEINZEIT.de</span></p>", True),
        # How to reach her, wherever the name stands in the line (NJ.com, gulflive).
        ("<p><em>Dominika Rafalska may be reached at drafalska@weinzeit.example.</em></p>", True),
        ("<p>Correspondent Dominika Rafalska may be reached at d.rafalska@example.pl.</p>", True),
        # The name without a bio's punctuation or emphasis; a bio before more text.
        ("<p>Dominika Rafalska visited the vineyards of Åland in the autumn.</p>", False),
        ("<p>Dominika Rafalska visited the vineyards<br>of Åland in the autumn.</p>", False),
        ("<p><strong>Dominika Rafalska</strong>, doktor nauk.</p><p>Next week: the harbour.</p>", False),
        # Set apart in italics, the name going on with 'is', after the writer's portrait
        # (the Times' Opinionator, its byline in capitals); in bold and capitals (Herald Sun).
        (
            "<hr><div><img src='/rafalska-thumb.jpg' alt='Dominika Rafalska'></div>"
            "<p><em><a href='https://rafalska.example'>Dominika Rafalska</a> is the author of "
            "two books on wine.</em></p>",
            True,
        ),
        ("<p><strong>DOMINIKA RAFALSKA IS THE MAGAZINE'S WINE EDITOR</strong></p>", True),
        # In italics around a link in italics of its own (Fox Business).
        (
            "<p><i>Dominika Rafalska is the wine strategist who founded </i><a href='https://w.example'>"
            "<i>Weinzeit</i></a><i>. She also answers questions in live chat.</i></p>",
            True,
        ),
        # A plain link among the italics is the article's own words.
        (
            "<p><i>Dominika Rafalska is in </i><a href='https://w.example'>Warsaw</a><i> this week.</i></p>",
            False,
        ),
        # A note on the reporting in italics, opening with the name, is no bio.
        ("<p><em>Dominika Rafalska reported from Warsaw, and Jan Kowalski from Gdańsk.</em></p>", False),
    ],
)
def test_the_authors_bio_that_closes_the_article_goes(ending: str, is_bio: bool) -> None:
    head = '<meta name="author" content="Dominika Rafalska">'
    result, content = enriched(head, f"{PARAGRAPH}{ending}")
    assert result.byline == "Dominika Rafalska"
    assert ("Rafalska" in content.text_content()) is not is_bio
    if is_bio:  # with the rule that set it apart
        assert content.find(".//hr") is None
        assert len(content.findall(".//p")) == 1


def test_a_bio_is_read_in_folded_case_whatever_its_letters_fold_to() -> None:
    # 'ß' folds to 'ss': the name's folded length is not its written one.
    head = '<meta name="author" content="Jana Weiß">'
    _, content = enriched(head, f"{PARAGRAPH}<p>Jana Weiß, Redakteurin für Wein und Reisen.</p>")
    assert "Redakteurin" not in content.text_content()


@pytest.mark.parametrize(
    ("image", "kept"),
    [
        ("https://habr.com/images/habr.png", False),
        ("https://cdn.habr.com/share/habr-og-1200x630.jpg", False),
        # The site's name in a story's picture, or another name.
        ("https://habr.com/images/habr-budget-vote.jpg", True),
        ("https://habr.com/images/harbour.png", True),
        # The site's address, a template's empty field filled in (Greenpeace).
        ("https://habr.com", False),
        ("https://habr.com/", False),
        ("https://habr.com/?img=harbour", True),
        # Only words every page could share, in the site's picture folder (Obsidian).
        ("https://habr.com/images/banner.png", False),
        ("https://habr.com/assets/img/og-image-1200x630.png", False),
        # The same words for one upload, or in the page's own folder, name the story's picture.
        ("https://habr.com/media/2019/04/mr1/facebook.jpg", True),
        ("https://habr.com/post/1000/banner.png", True),
        ("https://habr.com/images/image.png", True),
        # Named with the site's initials (Daring Fireball's 'df-wide-card.png').
        ("https://habr.com/graphics/hb-wide-card.png", False),
        ("https://habr.com/graphics/hb-budget-vote.png", True),
        # A build's fingerprint after a dot names no picture (Mozilla's 'mozilla-256.4720741d4108.jpg');
        # a hash in the name may be the story's picture's own (LifeBuzz's).
        ("https://habr.com/media/img/habr-256.4720741d4108.jpg", False),
        ("https://cdn.habr.com/images/21771/habr-4ab4befa389d8d82a76f7f35b487a43e-wide_1000.jpg", True),
    ],
)
def test_a_declared_image_named_after_the_site_is_no_lead_image(image: str, kept: bool) -> None:
    head = (
        '<meta property="og:url" content="https://habr.com/post/1000/">'
        '<meta property="og:site_name" content="Habr Blog">'
        f'<meta property="og:image" content="{image}">'
    )
    result, _ = enriched(head, PARAGRAPH)
    assert (result.lead_image is not None) == kept


@pytest.mark.parametrize(
    ("line", "goes"),
    [
        (
            "<p>úterý 20. března 2018, 8:47 <br>"
            "<strong>(Aktualizováno: úterý 20. března 2018, 9:17)</strong></p>",
            True,
        ),
        ("<p>20 March 2018<br>Updated: 21 March 2018, 10:00</p>", True),
        # ConElMazoDando: the stamps parted by a bar on one line.
        ("<p>Publicado: 20 de marzo de 2018, 15:54 | Última actualización: 20 de marzo de 2018</p>", True),
        # A second line that says more than when: only the date's line goes.
        ("<p>20 March 2018<br>Updated: the council's figures were corrected.</p>", True),
    ],
)
def test_a_date_line_with_its_update_stamp_goes(line: str, goes: bool) -> None:
    assert date_goes_from(f"{line}{PARAGRAPH}") is goes


def test_a_date_line_as_an_item_of_the_standfirst_s_list_goes() -> None:
    # SPD-Fraktion: the date and the share label listed under the standfirst.
    standfirst = (
        "<div>Die SPD-Abgeordnete ist zur stellvertretenden Präsidentin des Bundestags gewählt worden. "
        "Die ehemalige Integrationsbeauftragte gehört dem Parlament seit 2009 an.</div>"
    )
    listed = "<ul><li><span>Stand: </span>20.03.2018</li><li><span>Empfehlen:</span></li></ul>"
    assert date_goes_from(f"{standfirst}{listed}{PARAGRAPH}")


def test_a_correction_under_the_date_line_stays() -> None:
    head = '<meta property="article:published_time" content="2018-03-20">'
    _, content = enriched(
        head, f"<p>20 March 2018<br>Updated: the council's figures were corrected.</p>{PARAGRAPH}"
    )
    assert content.text_content().startswith("Updated: the council's figures were corrected.")


def date_goes_from(article: str) -> bool:
    """Whether no '2018' is left of `article` on a page declaring 2018-03-20."""
    _, content = enriched('<meta property="article:published_time" content="2018-03-20">', article)
    return "2018" not in content.text_content()


@pytest.mark.parametrize(
    ("last", "goes"),
    [
        # Central and 3rm.info: the footer's date, its time and the count of views.
        ('<div class="info"><span>20 березня 2018, 09:51</span> <span>6424</span></div>', True),
        ("<div>20 марта 2018   <b>Просмотров:</b> 1 447</div>", True),
        ("<p>20 March 2018</p>", True),
        # Another day, or more than the date: the story's own words.
        ("<p>21 March 2018</p>", False),
        ("<p>20 March 2018, the day the council voted.</p>", False),
    ],
)
def test_a_closing_line_of_the_declared_date_and_its_views_goes(last: str, goes: bool) -> None:
    assert date_goes_from(f"{FIRST}{FIRST}{last}") is goes


def test_a_profile_card_names_its_author_by_the_link_to_the_profile() -> None:
    card = (  # as Habr writes it, one element a line
        '<div class="author-panel">\n<a href="/info/karma/">\n<div>8,0</div>\n<div>Карма</div>\n</a>\n'
        '<a href="/info/rating/">\n<div>0,0</div>\n<div>Рейтинг</div>\n</a>\n'
        '<a href="/users/Maxime/">Maxime</a>\n<div>Пользователь</div>\n</div>'
    )
    result, _ = enriched("", f"{card}{PARAGRAPH}")
    assert result.byline == "Maxime"


def test_a_byline_box_with_the_authors_tagline_in_a_block_names_the_author_alone() -> None:
    box = (  # HackerNoon: the handle, then the author's tagline
        '<div class="author"><a href="/@zcnBZRCiyXXs4R"><div class="avatar"></div></a><div class="name">'
        '<a href="/@zcnBZRCiyXXs4R"><strong>linksc</strong></a><p>Creating Search Engine API</p></div></div>'
    )
    result, _ = enriched("", f"{box}{PARAGRAPH}")
    assert result.byline == "linksc"


def test_a_byline_with_a_count_beside_the_name_is_no_byline() -> None:
    result, _ = enriched("", f'<div class="author">Jane Doe 14 Kommentare</div>{PARAGRAPH}')
    assert result.byline is None


def test_byline_run_together_with_a_date_is_no_byline() -> None:
    result, _ = enriched(
        "", f'<div class="author">Joe Wee Monday, February 29, 2016 @ 11:10 PM</div>{PARAGRAPH}'
    )
    assert result.byline is None


def test_dublin_core_author_and_title_are_read_in_either_spelling() -> None:
    head = (
        '<meta name="author" content="Someone Else"><meta name="DC.creator" content="Ada Lovelace">'
        '<meta property="og:title" content="A social title">'
        '<meta property="x:title dc:title" content="The title">'
    )
    result, _ = enriched(head, PARAGRAPH)
    assert (result.byline, result.title) == ("Ada Lovelace", "The title")


def test_a_truncated_title_yields_to_the_whole_one() -> None:
    head = (
        '<meta name="twitter:title" content="Uncork the mystery">'
        "<title>Uncork the mystery of Germany's Frühburgunder | DW</title>"
    )
    result, _ = enriched(head, f"<h1>Uncork the mystery of Germany's Frühburgunder</h1>{PARAGRAPH}")
    assert result.title == "Uncork the mystery of Germany's Frühburgunder"


def test_a_title_the_page_title_signs_right_after_is_whole() -> None:
    # Presidencia de Cuba: the section's link under a line break inside the <h1>.
    head = (
        '<meta property="og:title" content="No confiarse ante la COVID-19, clave para el éxito">'
        "<title>No confiarse ante la COVID-19, clave para el éxito | Presidencia de Cuba</title>"
    )
    heading = (
        "<h1>No confiarse ante la COVID-19, clave para el éxito<br>"
        '<small><a href="/n/">Nacionales</a></small></h1>'
    )
    result, _ = enriched(head, heading + PARAGRAPH)
    assert result.title == "No confiarse ante la COVID-19, clave para el éxito"


@pytest.mark.parametrize(
    ("head", "heading", "expected"),
    [
        # Reflets: the <h1> is the <title> up to its signature; its own ' : ' stays.
        (
            '<title>Covid 19 : "le gouvernement doit assumer ses erreurs" | Reflets.info</title>',
            '<h1>Covid 19 : "le gouvernement doit assumer ses erreurs"</h1>',
            'Covid 19 : "le gouvernement doit assumer ses erreurs"',
        ),
        # Radio Thiva: title, og:title and <h1> agree on the whole headline.
        (
            "<title>Κορωνοϊός: Έξι νέα κρούσματα στη Βοιωτία - Δέκα στην Εύβοια</title>"
            '<meta property="og:title" '
            'content="Κορωνοϊός: Έξι νέα κρούσματα στη Βοιωτία - Δέκα στην Εύβοια">',
            "<h1>Κορωνοϊός: Έξι νέα κρούσματα στη Βοιωτία - Δέκα στην Εύβοια</h1>",
            "Κορωνοϊός: Έξι νέα κρούσματα στη Βοιωτία - Δέκα στην Εύβοια",
        ),
        # A segment that names the site still goes.
        (
            '<meta property="og:title" content="Council approves the harbour budget - The Example">'
            '<meta property="og:site_name" content="The Example">',
            "<h1>Council approves the harbour budget - The Example</h1>",
            "Council approves the harbour budget",
        ),
        # ConElMazoDando: the <title> cut at a length, the <h1> whole.
        (
            "<title>Diosdado Cabello: ¡Hay que cuidarse, no se expongan ante el Cov </title>",
            "<h1>Diosdado Cabello: ¡Hay que cuidarse, no se expongan ante el Covid-19!</h1>",
            "Diosdado Cabello: ¡Hay que cuidarse, no se expongan ante el Covid-19!",
        ),
    ],
)
def test_the_headline_the_page_shows_keeps_its_own_separators(head: str, heading: str, expected: str) -> None:
    result, _ = enriched(head, heading + PARAGRAPH)
    assert result.title == expected


@pytest.mark.parametrize(
    ("title", "byline", "expected"),
    [
        ("Koncesjonowana opozycja -Leszek Jażdżewski", "Leszek Jażdżewski", "Koncesjonowana opozycja"),
        ("The harbour budget | Jane Doe", "Jane Doe", "The harbour budget"),
        # No mark before the name, or nothing but the name: the title stays.
        ("An evening with Jane Doe", "Jane Doe", "An evening with Jane Doe"),
        ("Jane Doe", "Jane Doe", "Jane Doe"),
        ("The harbour budget - Jane Doe", None, "The harbour budget - Jane Doe"),
    ],
)
def test_a_title_signed_with_its_author_s_name_loses_the_signature(
    title: str, byline: str | None, expected: str
) -> None:
    assert without_author_signature(title, byline) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("習氏に挑むトランプ戦術の成否（写真＝ロイター）", "習氏に挑むトランプ戦術の成否"),
        ("Council approves the harbour budget (Photo: Reuters)", "Council approves the harbour budget"),
        # Brackets that are the headline's own stay.
        ("Council approves the harbour budget (updated)", "Council approves the harbour budget (updated)"),
        ("写真で見る港の一年（上）", "写真で見る港の一年（上）"),
    ],
)
def test_a_picture_s_credit_closing_the_title_goes(title: str, expected: str) -> None:
    assert without_picture_credit(title) == expected


def test_a_site_signs_its_title_with_the_first_word_of_its_name() -> None:
    # Nikkei: og:site_name '日本経済新聞 電子版' (its digital edition), the <title> '…：日本経済新聞'.
    head = (
        "<title>米朝首脳直通電話　習氏に挑むトランプ戦術の成否　：日本経済新聞</title>"
        '<meta property="og:site_name" content="日本経済新聞 電子版">'
    )
    result, _ = enriched(head, PARAGRAPH)
    assert result.title == "米朝首脳直通電話 習氏に挑むトランプ戦術の成否"  # (its ideographic space folded)


def test_a_tag_link_in_a_byline_box_names_no_one_and_the_author_s_page_does() -> None:
    # Liberté!: the author's link, the date, then the post's tags, in one box.
    box = (
        '<div class="entry-autor"><h5><a href="https://liberte.pl/author/ljazdzewski/">Leszek Jażdżewski</a>'
        "</h5><span>28 kwietnia 2021</span> "
        '<a href="https://liberte.pl/tag/fundusz-odbudowy/">Fundusz Odbudowy</a>, '
        '<a href="https://liberte.pl/tag/lewica/">lewica</a></div>'
    )
    result, _ = enriched("", f"<h1>Koncesjonowana opozycja</h1>{box}{PARAGRAPH}")
    assert result.byline == "Leszek Jażdżewski"


def test_a_breadcrumb_after_the_title_goes() -> None:
    head = (
        '<meta name="title" content="Council approves the harbour budget » Local » News » The Example">'
        '<meta name="twitter:title" content="Council approves the harbour budget">'
    )
    result, _ = enriched(head, PARAGRAPH)
    assert result.title == "Council approves the harbour budget"


def test_json_ld_in_cdata_is_read() -> None:
    raw = '<![CDATA[ {"@type": "NewsArticle", "headline": "Harbour", "inLanguage": "nl"} ]]>'
    result, _ = enriched(f'<script type="application/ld+json">{raw}</script>', PARAGRAPH)
    assert (result.title, result.lang) == ("Harbour", "nl")


@pytest.mark.parametrize(
    "head",
    [
        '<meta name="DC.language" scheme="RFC1766" content="es">',
        '<meta http-equiv="content-language" content="es">',
        '<meta property="og:locale" content="es_ES">',
    ],
)
def test_language_from_meta_when_html_has_none(head: str) -> None:
    result, _ = enriched(head, PARAGRAPH)
    assert result.lang is not None and result.lang.startswith("es")


INDONESIAN = (
    "<p>Dalam upaya mencegah dan memutus rantai penyebaran penyakit, gugus tugas kabupaten gencar melakukan "
    "edukasi kepada masyarakat serta melakukan penyemprotan disinfektan. Penyemprotan yang dilakukan di "
    "wilayah tersebut diawali dengan apel bersama di kantor camat dan diikuti oleh anggota kepolisian.</p>"
)


@pytest.mark.parametrize(
    ("declared", "article", "expected"),
    [
        # A CMS's English default on a page in another language (Metro Bali, WordPress).
        ("en-US", INDONESIAN * 2, "id"),
        ("en", INDONESIAN * 2, "id"),
        # English text, or too little to tell, keeps what the page says.
        ("en-US", PARAGRAPH * 2, "en-US"),
        ("en-GB", "<p>Selamat pagi.</p>", "en-GB"),
        # Another declared language is believed: the page chose it; but for a long
        # text all in English (Verfassungsblog's English posts under lang="de").
        ("de", PARAGRAPH * 2, "de"),
        ("de", PARAGRAPH * 10, "en"),
        ("id", INDONESIAN * 2, "id"),
        # A Russian post around a long English quotation stays Russian (Habr).
        (
            "ru",
            "<p>Волна публикаций о проекте поисковика, второй день бродящая в интернете. </p>" * 4
            + PARAGRAPH * 8
            + "<p>Иначе говоря, проект только стартовал и ещё не имеет собственного имени. </p>" * 4,
            "ru",
        ),
    ],
)
def test_a_page_declared_english_in_another_language_gets_that_language(
    declared: str, article: str, expected: str
) -> None:
    page_html = f'<html lang="{declared}"><body><article>{article}</article></body></html>'
    root = lxml.html.document_fromstring(page_html)
    result = enrich(root.find(".//article"), collect_metadata(root, PAGE_URL))
    assert result.lang == expected


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        # A summary in the article's words is the excerpt.
        (
            "The harbour master said the new breakwater would protect the fishing fleet.",
            "The harbour master said the new breakwater would protect the fishing fleet.",
        ),
        # A site's tagline, or a theme's template around the site's name, is not.
        ("Built for those who build the Web. Introducing the only browser made for developers.", None),
        ("Την ενεργοποίηση των Sporades TV-ΣΚΙΑΘΟΣ, ΣΚΟΠΕΛΟΣ ,ΑΛΟΝΝΗΣΟΣ,ΣΠΟΡΑΔΕΣ- ΕΝΗΜΕΡΩΣΗ, ΕΙΔΗΣΕΙΣ", None),
        # Too few words to judge: the description stands.
        ("Boats, mostly.", "Boats, mostly."),
        ("港の防波堤", "港の防波堤"),
        # A few words naming the site by its address's name (carta.info's 'CARTA online').
        ("HARBOURTIMES online", None),
        # The site's blurb on every page, naming it (KBS World Radio's).
        (
            "Meet high-quality contents on HarbourTimes about the harbour, its fishing fleet, its quay and "
            "the winter storms, in 11 languages, including news and podcasts.",
            None,
        ),
        # The story's keywords, a list that is no sentence (the Press-Enterprise's).
        ("harbour, breakwater, fishing fleet, master, storm, quay", None),
        ("港口、防波堤、渔船、风暴、码头", None),
        # A summary that names the site and tells the article.
        (
            "The harbour master told HarbourTimes the new breakwater would protect the fishing fleet.",
            "The harbour master told HarbourTimes the new breakwater would protect the fishing fleet.",
        ),
        # The opening's first words, cut short with no mark of the cut: by the
        # site ('Unter diesem Motto findet am 14.'), or by a quotation mark that
        # ended the attribute early (AOL News): the opening says it whole.
        ("The harbour master said the new", None),
        # A longer one the opening goes on from is a standfirst the page repeats (the Guardian's).
        (
            "The harbour master said the new breakwater would protect the fishing fleet",
            "The harbour master said the new breakwater would protect the fishing fleet",
        ),
    ],
)
def test_the_excerpt_is_a_description_in_the_article_s_words(description: str, expected: str | None) -> None:
    head = f'<meta name="description" content="{description}">'
    head += '<meta property="og:url" content="https://harbourtimes.example/2024/03/harbour">'
    result, _ = enriched(head, PARAGRAPH)
    opening = lxml.html.fragment_fromstring(PARAGRAPH).text_content()
    assert result.excerpt == (expected or opening)


@pytest.mark.parametrize(
    "facts",
    [
        # A review's specifications over its text (Blister's ski reviews), a recipe's times.
        "<p>Blister’s Measured Tip-to-Tail Length: 184.1 cm</p><p>Stated Weight per Ski: 2030 grams</p>",
        "<p>Temps de cuisson : 45 minutes au four chaud</p>",
    ],
)
def test_a_page_without_a_description_is_excerpted_from_its_prose_not_its_facts(facts: str) -> None:
    result, _ = enriched("", facts + PARAGRAPH)
    assert result.excerpt == lxml.html.fragment_fromstring(PARAGRAPH).text_content()


HARBOUR_SUMMARY = "The harbour master said the new breakwater would protect the fishing fleet from the"


@pytest.mark.parametrize(
    "description",
    [
        # WordPress themes' link after the excerpt, as Yoast copies it into the description.
        f"{HARBOUR_SUMMARY} &hellip; Read More &quot;New breakwater&quot;",
        f"{HARBOUR_SUMMARY} … Continue reading New breakwater →",
        f"{HARBOUR_SUMMARY} [&hellip;] Weiterlesen",
        f"{HARBOUR_SUMMARY}... Lire la suite",
        f"{HARBOUR_SUMMARY} …続きを読む",
    ],
)
def test_the_link_to_the_whole_post_after_a_cut_description_is_no_part_of_it(description: str) -> None:
    result, _ = enriched(f'<meta name="description" content="{description}">', PARAGRAPH)
    # Cut, it is read whole from the opening paragraph.
    assert result.excerpt == lxml.html.fragment_fromstring(PARAGRAPH).text_content()


def test_words_after_an_ellipsis_that_are_no_link_s_label_stay() -> None:
    description = "The harbour master waited… then said the breakwater would protect the fishing fleet."
    result, _ = enriched(f'<meta name="description" content="{description}">', PARAGRAPH)
    assert result.excerpt == description


CHINESE_STORY = "<p>当地时间9月16日下午，山西品牌丝路行活动在巴西圣保罗正式启动，并举办推介会。</p>"


@pytest.mark.parametrize(
    ("description", "is_excerpt"),
    [
        # Words without spaces are read by pairs of letters: a summary shares most of them...
        ("山西品牌丝路行活动在巴西圣保罗正式启动", True),
        # ...the portal's description of itself, on every page, few.
        ("山西省人民政府网是山西省和山西省各部门发布政府信息和提供在线服务的综合平台", False),
    ],
)
def test_a_description_in_chinese_is_read_by_pairs_of_letters(description: str, is_excerpt: bool) -> None:
    result, _ = enriched(f'<meta name="description" content="{description}">', CHINESE_STORY)
    assert (result.excerpt == description) is is_excerpt


WHOLE_DESCRIPTION = (
    "The harbour master said the new breakwater would protect the fishing fleet from the winter storms, "
    "the spring tides and the swell that wrecked three boats in the old harbour last March."
)


@pytest.mark.parametrize(
    ("descriptions", "expected"),
    [
        # The Daily Star: the card's copy cut short, the page's own whole.
        (
            {
                "og:description": "The harbour master said the new breakwater would protect the...",
                "description": WHOLE_DESCRIPTION,
            },
            WHOLE_DESCRIPTION,
        ),
        # Cut short everywhere but in the opening paragraph, which goes on.
        ({"og:description": "The harbour master said the new breakwater would…"}, None),
        # Nothing goes on from it: the description stays as it is.
        (
            {"og:description": "The new breakwater would protect the fishing fleet from..."},
            "The new breakwater would protect the fishing fleet from...",
        ),
    ],
)
def test_a_description_cut_short_is_read_whole_where_the_page_has_it(
    descriptions: dict[str, str], expected: str | None
) -> None:
    head = "".join(
        f'<meta {"property" if key.startswith("og:") else "name"}="{key}" content="{value}">'
        for key, value in descriptions.items()
    )
    result, _ = enriched(head, PARAGRAPH)
    opening = lxml.html.fragment_fromstring(PARAGRAPH).text_content()
    assert result.excerpt == (expected or opening)


SUMMARY = "The breakwater will keep the fleet safe from storms, the harbour master said."


def _description_tags(descriptions: dict[str, str]) -> str:
    tags = []
    for key, value in descriptions.items():
        if key == "json-ld":
            data = {"@context": "https://schema.org", "@type": "NewsArticle", "description": value}
            tags.append(f'<script type="application/ld+json">{json.dumps(data)}</script>')
        else:
            attribute = "property" if key.startswith("og:") else "name"
            tags.append(f'<meta {attribute}="{key}" content="{value}">')
    return "".join(tags)


@pytest.mark.parametrize(
    ("descriptions", "expected"),
    [
        # ACLU: the CMS fills the meta description with the opening; the
        # structured data holds the summary the editor wrote.
        (
            {"description": "The harbour master said the new breakwater would protect", "json-ld": SUMMARY},
            SUMMARY,
        ),
        # Dublin Core before Open Graph, as for titles.
        ({"og:description": "The harbour master said so.", "dc.description": SUMMARY}, SUMMARY),
        # A description written whole beats one cut short, wherever it is listed.
        ({"json-ld": "The breakwater will keep the fleet safe from...", "og:description": SUMMARY}, SUMMARY),
        # A quotation's cut mark read as a cut: nothing after a whole sentence, else an ellipsis.
        ({"description": SUMMARY + " (...)"}, SUMMARY),
        (
            {"description": "The breakwater will keep the fleet safe from [...]"},
            "The breakwater will keep the fleet safe from…",
        ),
        # A template's additions: the site's name before a colon, the whole said twice.
        (
            {
                "og:url": "https://harbourtimes.example/2024/03/harbour",
                "description": "HarbourTimes.com : " + SUMMARY,
            },
            SUMMARY,
        ),
        ({"dc.description": SUMMARY + "  " + SUMMARY}, SUMMARY),
        # The markup of a description taken from the body (NWX's, OSW's JSON-LD).
        ({"json-ld": f"<p><strong>{SUMMARY[:20]}</strong>{SUMMARY[20:]}</p>"}, SUMMARY),
        # A section's label before a bar (PSL's 'Université | Le décret…').
        ({"description": "Port | " + SUMMARY}, SUMMARY),
        # The site's slogan in Dublin Core, sharing no word with the article
        # (CRIC's 'Le média qui soulève du lourd'), yields to the summary...
        ({"dc.description": "Le média qui soulève du lourd", "description": SUMMARY}, SUMMARY),
        # ...a short one in the article's words does not (Vox's).
        (
            {"dc.description": "The harbour master spoke.", "description": SUMMARY},
            "The harbour master spoke.",
        ),
    ],
)
def test_the_excerpt_is_the_description_the_editor_wrote(descriptions: dict[str, str], expected: str) -> None:
    result, _ = enriched(_description_tags(descriptions), PARAGRAPH)
    assert result.excerpt == expected


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        # Xinhua and Orenburg's news: the headline, a mark, then the summary.
        ("Harbour gets a new breakwater ---" + SUMMARY, SUMMARY),
        ("Harbour gets a new breakwater – " + SUMMARY, SUMMARY),
        # A summary that goes on from the headline's words is the summary.
        (
            "Harbour gets a new breakwater after two floods, the council said.",
            "Harbour gets a new breakwater after two floods, the council said.",
        ),
    ],
)
def test_a_description_opening_with_the_headline_is_the_summary_after_it(
    description: str, expected: str
) -> None:
    head = '<meta property="og:title" content="Harbour gets a new breakwater">'
    head += f'<meta name="description" content="{description}">'
    result, _ = enriched(head, PARAGRAPH)
    assert result.excerpt == expected


def test_a_description_holding_the_whole_article_is_shortened_as_the_opening_is() -> None:
    # A template poured the article into the tag (Drupal's default summary on PSL's news).
    opening = lxml.html.fragment_fromstring(PARAGRAPH).text_content()
    article = " ".join([SUMMARY, *[opening] * 10])
    result, _ = enriched(_description_tags({"description": article}), PARAGRAPH)
    assert result.excerpt is not None and result.excerpt.startswith(SUMMARY)
    assert result.excerpt.endswith("…") and len(result.excerpt) <= 301


@pytest.mark.parametrize(
    "description",
    [
        # Sina: the headline again; a reposted story's note of its original title.
        "Harbour gets a new breakwater",
        "HARBOUR GETS A NEW BREAKWATER!",
        "原标题：港口新防波堤 The harbour master said the new breakwater would protect the fleet",
        # Grazia: the headline short of a word; its description going on from the headline.
        "Harbour gets breakwater",
        "...and the fleet will winter in it.",
    ],
)
def test_a_description_that_says_no_more_than_the_headline_yields_to_the_opening(description: str) -> None:
    head = '<meta property="og:title" content="Harbour gets a new breakwater">'
    head += f'<meta property="og:description" content="{description}">'
    result, _ = enriched(head, PARAGRAPH)
    assert result.excerpt == lxml.html.fragment_fromstring(PARAGRAPH).text_content()


@pytest.mark.parametrize(
    ("lead_in", "kept"),
    [
        # 247wallst: WordPress cut its excerpt from the text with the picture's credit run in.
        ("Source: thinkstock", False),
        ("Photo: AP ", False),
        # A dateline the article keeps stays.
        ("WASHINGTON — ", True),
    ],
)
def test_a_description_cut_from_the_text_opens_with_the_opening_paragraph(lead_in: str, kept: bool) -> None:
    opening = lxml.html.fragment_fromstring(PARAGRAPH).text_content()
    body = f"<p>WASHINGTON — </p>{PARAGRAPH}" if kept else PARAGRAPH
    result, _ = enriched(_description_tags({"description": lead_in + opening[:90] + " [&#8230;]"}), body)
    # Without its lead-in, the description is read whole from the opening paragraph.
    assert result.excerpt == (lead_in + opening[:90] + "…" if kept else opening)


@pytest.mark.parametrize(
    ("declared", "lead"),
    [
        # The Daily Star: a thumbnail for Facebook, a wide copy for Twitter.
        (
            (
                "https://img.example/photos/904000/173x216/180904.jpg",
                "https://img.example/photos/904000/620x/180904.jpg",
            ),
            "https://img.example/photos/904000/620x/180904.jpg",
        ),
        (
            ("https://img.example/2024/harbour-300x200.jpg", "https://img.example/2024/harbour-1024x683.jpg"),
            "https://img.example/2024/harbour-1024x683.jpg",
        ),
        # A declared copy wide enough for the column stays: the wider one may be another crop.
        (
            (
                "https://img.example/fit-in/1200x630/file/DSCF2931.jpg",
                "https://img.example/1400x1400/file/DSCF2931.jpg",
            ),
            "https://img.example/fit-in/1200x630/file/DSCF2931.jpg",
        ),
        # Another picture, or a copy whose width the address does not say: the first declared stays.
        (
            ("https://img.example/photos/173x216/180904.jpg", "https://img.example/photos/620x/190000.jpg"),
            "https://img.example/photos/173x216/180904.jpg",
        ),
        (
            ("https://img.example/photos/173x216/180904.jpg", "https://img.example/photos/large/180904.jpg"),
            "https://img.example/photos/173x216/180904.jpg",
        ),
    ],
)
def test_a_wider_declared_copy_of_a_thumbnail_lead_is_shown(declared: tuple[str, str], lead: str) -> None:
    head = f'<meta property="og:image" content="{declared[0]}">'
    head += f'<meta name="twitter:image" content="{declared[1]}">'
    result, _ = enriched(head, PARAGRAPH)
    assert result.lead_image is not None and result.lead_image.url == lead


@pytest.mark.parametrize(
    ("declared", "shown", "lead"),
    [
        # TechCrunch: WordPress.com's 150-pixel copy for the card, 288 pixels in the article.
        ("https://img.example/08/shot.png?w=150", "https://img.example/08/shot.png?w=288", "?w=288"),
        # A declared copy wide enough stays, however wide the body's.
        ("https://img.example/08/shot.png?w=1200", "https://img.example/08/shot.png?w=1600", "?w=1200"),
    ],
)
def test_a_declared_thumbnail_yields_to_the_wider_copy_the_article_shows(
    declared: str, shown: str, lead: str
) -> None:
    head = f'<meta property="og:image" content="{declared}">'
    result, content = enriched(head, f'<p><img src="{shown}" width="{shown[-3:]}"></p>{PARAGRAPH}')
    assert result.lead_image is not None and result.lead_image.url.endswith(lead)
    assert content.find(".//img") is None  # shown once, as the lead


@pytest.mark.parametrize(
    ("summary", "goes"),
    [
        # CSDN: a labelled summary, word for word the opening's first sentences.
        (
            "<p class='summary'><strong>摘要：</strong>新华社巴黎12月9日电法国9日再次爆发全国跨行业大罢工，"
            "反对政府进行退休制度改革。</p>",
            True,
        ),
        (
            "<p><b>Summary:</b> 新华社巴黎12月9日电法国9日再次爆发全国跨行业大罢工，反对政府进行退休制度改革"
            "</p>",
            True,
        ),
        # A standfirst in words of its own, or too short to tell, stays.
        ("<p class='summary'>法国工会反对退休制度改革，巴黎交通再次瘫痪，多地航班取消。</p>", False),
        ("<p>新华社巴黎12月9日电</p>", False),
    ],
)
def test_a_summary_the_opening_repeats_is_read_once(summary: str, goes: bool) -> None:
    _, content = enriched("", summary + CHINESE_PARAGRAPH)
    paragraph = lxml.html.fragment_fromstring(CHINESE_PARAGRAPH).text_content()
    assert (content.text_content() == paragraph) is goes


@pytest.mark.parametrize(
    ("teaser", "goes"),
    [
        # Qdaily: the opening cut short for a teaser, a line of questions between.
        ("<p>新华社巴黎12月9日电法国9日再次爆发全国跨行业大罢工...</p>", True),
        ("<p>新华社巴黎12月9日电法国9日再次爆发全国跨行业大罢工…</p>", True),
        # Whole, a summary said again further down is the standfirst.
        ("<p>新华社巴黎12月9日电法国9日再次爆发全国跨行业大罢工，反对政府进行退休制度改革。</p>", False),
    ],
)
def test_a_teaser_cut_from_one_of_the_first_paragraphs_is_read_once(teaser: str, goes: bool) -> None:
    between = "<p>无法忍受乡村音乐？ 对某某明星迷之厌恶？ 讨厌特朗普？不爱自拍？</p>"
    _, content = enriched("", teaser + between + CHINESE_PARAGRAPH)
    assert (len(content.findall(".//p")) == 2) is goes


@pytest.mark.parametrize(
    "declared", ['<meta name="title" content="{t}">', '<meta property="og:title" content="{t}">']
)
def test_a_short_headline_the_title_opens_with_is_the_title(declared: str) -> None:
    # Brandenburg's Landeszentrale: two words, then the site's long name.
    signed = "Homo Brandenburgensis | Landeszentrale für politische Bildung"
    head = f"<title>{signed}</title>" + declared.format(t=signed)
    result, _ = enriched(head, f"<h1><span>Homo Brandenburgensis</span></h1>{PARAGRAPH}")
    assert result.title == "Homo Brandenburgensis"


def test_a_site_named_h1_leaves_the_headline_to_the_block_that_shows_it() -> None:
    # Qdaily: a hidden <h1> in its logo's link holds the site's name; the story's is an <h2>.
    head = "<title>这个约会软件，想用你和对方的相似好恶来帮你找对象_智能_好奇心日报</title>"
    body = (
        "<a href='/' class='logo'><h1 class='hidden'>好奇心日报</h1></a>"
        "<div><h2 class='title'>这个约会软件，想用你和对方的相似好恶来帮你找对象</h2>"
        f"{CHINESE_PARAGRAPH}</div>"
    )
    root, metadata = page(head, body)
    assert enrich(root.find(".//div"), metadata).title == "这个约会软件，想用你和对方的相似好恶来帮你找对象"


def test_a_story_s_title_repeated_in_the_site_s_logo_leaves_the_date_to_the_shown_headline() -> None:
    # Última Hora: the logo's <h1> repeats each story's title in a span for
    # search engines; the story's headline is an <h3>, its date in the line under it.
    head = (
        "<title>La Fiscalía decidirá si recurre » Local » Noticias » Diario Insular</title>"
        "<meta property='og:locale' content='es_ES'>"
    )
    body = (
        "<div class='logo'><h1><span class='define'>La Fiscalía decidirá si recurre</span>"
        "<a href='/'>Diario Insular</a></h1></div>"
        + "<ul class='menu'>"
        + "<li><a href='/s'>Sección de noticias locales</a></li>" * 20
        + "</ul>"
        "<div class='noticia'><h3>La Fiscalía decidirá si recurre</h3>"
        "<p class='autor'><strong>Ana Pons</strong> | Palma | 08/01/2014</p>"
        f"<div class='texto'>{PARAGRAPH}</div></div>"
    )
    root, metadata = page(head, body)
    result = enrich(root.find(".//div[@class='texto']"), metadata)
    assert (result.title, result.published) == ("La Fiscalía decidirá si recurre", "2014-01-08")


def test_a_consent_dialog_is_never_the_standfirst() -> None:
    dialog = (
        '<div role="dialog" class="qc-cmp2-summary-info"><p>We and our partners process personal data '
        "such as IP addresses for ads.</p></div>"
    )
    _, metadata = page("", dialog + f"<article>{PARAGRAPH}</article>")
    assert metadata.standfirst is None


DEK = "Regulators say many consent pop-ups still nudge visitors towards accepting everything."


@pytest.mark.parametrize(
    "name", ["dek", "perex", "ingress", "bajada", "sommario", "linha-fina", "SubTitulo", "spot spotSize"]
)
def test_the_standfirst_under_the_headline_is_read(name: str) -> None:
    # Named in English or in the newsroom's own language (Novinky's 'perex', La Nación's 'bajada').
    header = (
        '<header><h1>Consent pop-ups</h1><p class="byline">By A. Person</p>'
        f'<p class="{name}">{DEK}</p></header>'
    )
    _, metadata = page("", header + f"<article>{PARAGRAPH}</article>")
    assert metadata.standfirst == DEK


@pytest.mark.parametrize(
    ("description", "restored"),
    [
        # demokratiewebstatt.at (TYPO3): the description runs the opening into the text.
        (f"{DEK}{PARAGRAPH[3:80]} …", True),
        # A description of other words says nothing of the paragraph.
        ("Consent pop-ups, explained in five charts.", False),
    ],
)
def test_the_paragraph_under_the_headline_the_description_opens_with_is_the_opening(
    description: str, restored: bool
) -> None:
    header = f"<article><h1>Consent pop-ups</h1><div class='text'><p>{DEK}</p></div></article>"
    body = f"<article class='next'>{PARAGRAPH}{PARAGRAPH}</article>"
    root, metadata = page(f'<meta name="description" content="{description}">', header + body)
    content = root.find(".//article[@class='next']")
    enrich(content, metadata)
    assert (DEK in content.text_content()) is restored


def test_a_date_inside_the_standfirst_is_no_word_of_it() -> None:
    # National Geographic UK: the deck's heading ends with the date's span.
    header = (
        '<h1>Consent pop-ups</h1><div class="ngart-hl__deck"><h2 class="ngart-hl__text">'
        f'{DEK}<span class="ngart-hl__date">Monday, 6 January 2020</span></h2></div>'
    )
    _, metadata = page("", header + f"<article>{PARAGRAPH}</article>")
    assert metadata.standfirst == DEK


def test_a_standfirst_of_points_keeps_a_line_for_each_and_opens_the_body_as_a_list() -> None:
    # El Mundo: the points of the story under its headline, outside the body.
    points = [
        "Bajo su mando se encontraba el control de todos los zulos",
        "Su pareja y lugarteniente también ha sido detenido",
    ]
    header = (
        '<h1>Cae en Francia la jefa del aparato militar</h1><div class="subtitulo"><ul>'
        + "".join(f"<li>{point}</li>" for point in points)
        + '</ul></div><p class="firma"><em>Ángeles Escrivá</em> | <span>Madrid</span></p>'
    )
    root, metadata = page("", header + f"<article>{PARAGRAPH}</article>")
    assert metadata.standfirst == "\n".join(points)
    content = root.find(".//article")
    result = enrich(content, metadata)
    assert [" ".join(item.text_content().split()) for item in content.find("ul")] == points
    assert content[0].tag == "ul"
    assert result.byline == "Ángeles Escrivá"


def test_a_pitch_in_the_standfirst_s_place_is_not_put_back() -> None:
    # cron.weekly: the intro box under the headline asks for a subscription; strip
    # takes it for the promo it is, and the standfirst read before must not return.
    pitch = (
        '<div class="homepage-intro"><p>cron.weekly is a newsletter about Linux and open source. '
        "Want to get it in your inbox every Sunday? Subscribe below!</p>"
        '<div><span>I <a href="/about/">respect your privacy</a> and you won\'t get spam. Ever. '
        "Just a weekly-ish newsletter about Linux and open source.</span></div></div>"
    )
    html = f"<html><body><h1>Issue 130</h1>{pitch}<article>{PARAGRAPH}{PARAGRAPH}</article></body></html>"
    article = run(html, "https://news.example/issue-130/").article
    assert "Subscribe below" not in article.text and "newsletter" not in article.text
    dek = f'<p class="dek">{DEK}</p>'
    html = f"<html><body><h1>Consent pop-ups</h1>{dek}<article>{PARAGRAPH}{PARAGRAPH}</article></body></html>"
    assert DEK in run(html, "https://news.example/pop-ups/").article.text


def test_the_line_of_a_card_that_is_one_link_is_no_standfirst() -> None:
    # A Couple Cooks: a banner for the site's cookbook under the headline.
    banner = (
        '<div class="cookbook-banner"><a class="cookbook-banner__inner" href="/cookbook/">'
        '<p class="cookbook-banner__headline">Give the gift of recipes!</p>'
        '<p class="cookbook-banner__subhead">Discover 100 best-ever recipes in our new cookbook</p></a></div>'
    )
    _, metadata = page("", f"<h1>Garlic butter shrimp</h1>{banner}<article>{PARAGRAPH}</article>")
    assert metadata.standfirst is None
    # A headline and its standfirst linked to the post together (Apartment Therapy).
    header = f"<a href='/pop-ups'><h1>Consent pop-ups</h1><p class='subhead'>{DEK}</p></a>"
    _, metadata = page("", f"{header}<article>{PARAGRAPH}</article>")
    assert metadata.standfirst == DEK


def test_a_standfirst_never_carries_script_code() -> None:
    dek = f'<div class="standfirst">{DEK}<script>if (AD) {{ loadAd({{"wid": 13}}); }}</script></div>'
    _, metadata = page("", f"<h1>Consent pop-ups</h1>{dek}<article>{PARAGRAPH}</article>")
    assert metadata.standfirst == DEK


def test_a_lead_box_gives_its_inner_standfirst_without_its_aside() -> None:
    # HORIZONT: the lead box holds the standfirst and a box of topic links.
    lead = (
        f'<div class="PageArticle_commentLead"><div class="PageArticle_commentLead-content">{DEK}</div>'
        '<div class="PageArticle_lead-aside"><strong>Themenseiten zu diesem Artikel:</strong><ul>'
        '<li><a href="/thema/a">Datenschutz</a></li><li><a href="/thema/b">Werbung</a></li></ul></div></div>'
    )
    _, metadata = page("", f"<h1>Consent pop-ups</h1>{lead}<article>{PARAGRAPH}</article>")
    assert metadata.standfirst == DEK


def test_a_standfirst_set_as_the_heading_under_the_headline_is_read() -> None:
    # Slate.fr: <h1> then <h2> written as sentences, outside the article body.
    body = f"<div><h1>Consent pop-ups</h1><h2>{DEK}</h2><article>{PARAGRAPH}</article></div>"
    root, metadata = page("", body)
    assert metadata.standfirst == DEK
    content = root.find(".//article")
    enrich(content, metadata)
    assert " ".join(content.text_content().split()).startswith(DEK)


@pytest.mark.parametrize(
    "body",
    [
        # A section heading: a few words, no sentence.
        f"<h1>Consent pop-ups</h1><h2>What the regulators found</h2><article>{PARAGRAPH}</article>",
        # WordPress's site title and tagline, before the article's own headline.
        '<header role="banner"><div class="site-branding"><h1 class="site-title"><a href="/" rel="home">'
        'Consent Weekly</a></h1><h2 class="site-description">A blog about consent banners, cookie law '
        "and the people who click them.</h2></div></header>"
        f"<article><h1>Consent pop-ups</h1>{PARAGRAPH}</article>",
        # The same where the site's name is the page's only <h1>.
        '<div id="site-details"><h1 id="site-title"><a href="/">Consent Weekly</a></h1>'
        '<h2 id="site-description">A blog about consent banners, cookie law and the people who click them.'
        "</h2></div>"
        f"<article><h2>Consent pop-ups</h2>{PARAGRAPH}</article>",
    ],
)
def test_section_headings_and_site_taglines_are_no_standfirst(body: str) -> None:
    _, metadata = page("<title>Consent pop-ups | Consent Weekly</title>", body)
    assert metadata.standfirst is None


def test_the_headline_is_the_article_heading_not_the_site_title_the_page_title_repeats_too() -> None:
    body = (
        '<div class="site-branding"><h1 class="site-title"><a href="/" rel="home">transgen.de</a></h1>'
        "<div>12.12.2012</div></div>"
        f"<article><h1>Afrikanische Schweinepest</h1><p>(18.01.2018)</p>{PARAGRAPH}</article>"
    )
    head = "<title>Afrikanische Schweinepest - Aktuell - transgen.de</title>"
    assert published_of(body, head) == "2018-01-18"


LONG_ARTICLE = f"<article>{PARAGRAPH * 8}</article>"


@pytest.mark.parametrize(
    "body",
    [
        # A sidebar promo after the article, its class naming a "lede" story.
        f'<h1>Consent pop-ups</h1>{LONG_ARTICLE}<div class="lede"><p>{DEK}</p></div>',
        # A hidden ad slot right under the headline.
        f'<h1>Consent pop-ups</h1><div class="lede" style="display:none"><p>{DEK}</p></div>{LONG_ARTICLE}',
        # The lead photo's caption, in a block named for the lead asset.
        '<h1>Consent pop-ups</h1><div class="lead-asset"><figure><img src="a.jpg">'
        f"<figcaption>{DEK}</figcaption></figure></div>{LONG_ARTICLE}",
    ],
)
def test_promos_hidden_blocks_and_captions_are_not_the_standfirst(body: str) -> None:
    _, metadata = page("", body)
    assert metadata.standfirst is None


# --- lead image -----------------------------------------------------------------------------------------

HERO_BODY = (
    '<figure><img src="https://cdn.example/photos/harbour-800x420.jpg" alt="The harbour" '
    'width="800" height="420">'
    "<figcaption>The harbour at dawn. Photo: A. Person</figcaption></figure>"
)


def test_og_image_is_preferred_and_its_copy_leaves_the_body() -> None:
    head = (
        '<meta property="og:image" content="https://cdn.example/photos/harbour-1200x630.jpg">'
        '<meta property="og:image:width" content="1200"><meta property="og:image:height" content="630">'
    )
    other = '<img src="https://cdn.example/photos/boats.jpg" width="800" height="600" alt="Boats">'
    result, content = enriched(head, HERO_BODY + PARAGRAPH + PARAGRAPH + other + PARAGRAPH)
    assert result.lead_image == LeadImage(
        url="https://cdn.example/photos/harbour-1200x630.jpg",
        alt="The harbour",
        caption="The harbour at dawn. Photo: A. Person",
        width=1200,
        height=630,
    )
    # The same picture, another size, was the body's first figure: it is not shown twice.
    assert content.find(".//figure") is None
    assert [img.get("src") for img in content.iter("img")] == ["https://cdn.example/photos/boats.jpg"]
    assert "The harbour at dawn" not in content.text_content()


def test_lead_image_size_comes_from_one_rendition() -> None:
    head = (
        '<meta property="og:image" content="https://cdn.example/photos/harbour-1200x630.jpg">'
        '<meta property="og:image:width" content="1200">'
    )
    result, _ = enriched(head, HERO_BODY + PARAGRAPH)
    assert result.lead_image is not None
    assert (result.lead_image.width, result.lead_image.height) in {(1200, None), (1200, 630), (800, 420)}


@pytest.mark.parametrize(
    ("declared", "shown"),
    [
        ("https://cdn.example/photos/harbour-1200x630.jpg", "https://cdn.example/photos/harbour-800x420.jpg"),
        # The ARD broadcasters' renditions (NDR): one photo, named after a '_v-'.
        (
            "https://www.ndr.de/nachrichten/info/drosten152_v-contentxl.jpg",
            "https://www.ndr.de/nachrichten/info/drosten152_v-einspaltig.jpg",
        ),
        # Renditions named alike up to a separator, the body's opening picture.
        (
            "https://static01.nyt.com/images/2017/01/14/world/13SUDAN-1/13SUDAN-1-facebookJumbo.jpg",
            "https://static01.nyt.com/images/2017/01/14/world/13SUDAN-1/13SUDAN-1-master768.jpg",
        ),
        ("https://www.dw.com/image/16864611_304.jpg", "https://www.dw.com/image/16864611_303.jpg"),
    ],
)
def test_the_declared_lead_image_shown_in_another_size_is_not_shown_twice(declared: str, shown: str) -> None:
    body = f'<figure><img src="{shown}" alt="Der Hafen"></figure>{PARAGRAPH}'
    result, content = enriched(f'<meta property="og:image" content="{declared}">', body)
    assert result.lead_image is not None and result.lead_image.url == declared
    assert content.find(".//img") is None


def test_a_byline_line_above_the_body_s_opening_picture_does_not_hide_it() -> None:
    # Campo Grande News: standfirst, byline and date, then the picture.
    head = (
        '<meta property="og:image" content="https://cdn.example/uploads/vm6i8pjuwt48.jpg">'
        '<meta property="article:published_time" content="2022-05-03T20:36:00-04:00">'
        '<meta name="author" content="Adriano Fernandes">'
    )
    hero = (
        '<figure><img src="https://cdn.example/uploads/10zh0el50giey.jpg" width="714" height="607">'
        "<figcaption>Luana Yasmin. (Foto: Direto das Ruas)</figcaption></figure>"
    )
    result, content = enriched(head, f"<p>Por Adriano Fernandes | 03/05/2022 20:36</p>{hero}{PARAGRAPH}")
    assert result.lead_image is not None
    assert (result.lead_image.url, result.lead_image.caption) == (
        "https://cdn.example/uploads/10zh0el50giey.jpg",
        "Luana Yasmin. (Foto: Direto das Ruas)",
    )
    assert "Adriano" not in content.text_content() and content.find(".//img") is None


@pytest.mark.parametrize(
    ("declared", "shown"),
    [
        # Impress Watch: the list's copy declared, the article's small one shown.
        (
            "https://cdn.example/img/list/1170/990/a30tm1.jpg",
            "https://cdn.example/img/docs/1170/990/a30tm1_s.jpg",
        ),
        ("https://cdn.example/2024/harbour-lg.jpg", "https://cdn.example/2024/harbour-md.jpg"),
        ("https://cdn.example/2024/harbour-1024x683.jpg", "https://cdn.example/2024/harbour-300x200.jpg"),
        # heise's image CDN signs each rendition with a hash of its own.
        (
            "https://cdn.example/bound/1200x1200/imgs/A192528_large_Audi-3-700-86e317e6b44fd5cf.jpeg",
            "https://cdn.example/width/200/imgs/A192528_large_Audi-3-700-ae8b2233f0b52e59.jpeg",
        ),
    ],
)
def test_the_declared_image_shown_in_another_size_is_not_shown_twice(declared: str, shown: str) -> None:
    head = f'<meta property="og:image" content="{declared}">'
    picture = f'<figure><img src="{shown}"><figcaption>The harbour at dawn</figcaption></figure>'
    result, content = enriched(head, f"<div>{picture}{PARAGRAPH}{PARAGRAPH}</div>")
    assert result.lead_image is not None and result.lead_image.caption == "The harbour at dawn"
    assert list(content.iter("img")) == []


def test_a_hash_after_a_short_name_tells_two_pictures_apart() -> None:
    # 'photo' names nothing: the hashes are what differ between two pictures.
    head = '<meta property="og:image" content="https://cdn.example/photo-86e317e6b44fd5cf.jpg">'
    picture = (
        '<figure><img src="https://cdn.example/photo-ae8b2233f0b52e59.jpg">'
        "<figcaption>The quay</figcaption></figure>"
    )
    result, content = enriched(head, f"<div>{PARAGRAPH}{picture}{PARAGRAPH}</div>")
    assert result.lead_image is not None and result.lead_image.url.endswith("photo-86e317e6b44fd5cf.jpg")
    assert len(list(content.iter("img"))) == 1


def test_a_picture_in_a_box_of_its_own_does_not_lead_in_place_of_the_declared_one() -> None:
    # heise: the magazine's cover, beside the issue's blurb, opens the body.
    head = '<meta property="og:image" content="https://cdn.example/imgs/A192528_large_Audi.jpeg">'
    box = (
        '<div class="textbox"><figure><img src="https://cdn.example/imgs/tr.0719.001.jpg" width="2479"'
        ' height="3307"><figcaption>Technology Review Juli 2019</figcaption></figure>'
        "<div><p>Dieser Beitrag stammt aus Ausgabe 7/2019 der Technology Review.</p></div></div>"
    )
    result, _ = enriched(head, f"<div>{box}{PARAGRAPH}{PARAGRAPH}</div>")
    assert result.lead_image is not None
    assert result.lead_image.url == "https://cdn.example/imgs/A192528_large_Audi.jpeg"


def test_the_picture_the_body_opens_with_leads_in_place_of_another_declared_one() -> None:
    # Quanta: a still made for sharing is declared; the page shows an animation under its headline.
    head = '<meta property="og:image" content="https://cdn.example/uploads/LHF_1200_O_Social.jpg">'
    hero = (
        '<figure><img src="https://cdn.example/uploads/LHF_2000x1000_O_Lede.gif" '
        'alt="Animated line drawing of two programmers"><figcaption>Ellen Fetter and Margaret Hamilton.'
        "</figcaption></figure>"
    )
    result, content = enriched(head, hero + PARAGRAPH + PARAGRAPH)
    assert result.lead_image == LeadImage(
        url="https://cdn.example/uploads/LHF_2000x1000_O_Lede.gif",
        alt="Animated line drawing of two programmers",
        caption="Ellen Fetter and Margaret Hamilton.",
        width=None,
        height=None,
    )
    assert content.find(".//img") is None
    assert "Ellen Fetter" not in content.text_content()


@pytest.mark.parametrize(
    "body",
    [
        # A picture after the first paragraph illustrates the text.
        PARAGRAPH
        + '<figure><img src="https://cdn.example/photos/boats.jpg" width="800" height="600"></figure>',
        # A spacer GIF that describes nothing.
        '<img src="https://cdn.example/spacer.gif" alt="">' + PARAGRAPH,
        # An author's picture at the top of a post.
        '<img src="https://cdn.example/authors/jane.jpg" width="150" height="150" alt="Jane">' + PARAGRAPH,
        # A gallery's first picture: the gallery stays whole.
        '<figure><img src="https://cdn.example/photos/a.jpg" width="800" height="600">'
        '<img src="https://cdn.example/photos/b.jpg" width="800" height="600"></figure>' + PARAGRAPH,
    ],
)
def test_the_declared_image_leads_when_the_body_opens_with_no_picture_of_its_own(body: str) -> None:
    declared = "https://cdn.example/photos/harbour-1200x630.jpg"
    result, content = enriched(f'<meta property="og:image" content="{declared}">', body + PARAGRAPH)
    assert result.lead_image is not None and result.lead_image.url == declared
    assert len(content.findall(".//img")) == body.count("<img")


@pytest.mark.parametrize("style", ["width:1.3em;", "max-width:1.0rem;cursor:pointer;"])
def test_a_picture_sized_in_the_font_s_units_is_an_icon_and_no_lead_image(style: str) -> None:
    # ClinicalTrials.gov's warning sign, set in the text after the headline.
    icon = f'<p><img src="https://news.example/ct2/images/warning.png" style="{style}"> Saved studies</p>'
    photo = '<figure><img src="https://cdn.example/photos/first.jpg" width="1024" height="683"></figure>'
    result, content = enriched("", f"<h1>Circulating DNA</h1>{icon}{photo}{PARAGRAPH}")
    assert result.lead_image is not None and result.lead_image.url == "https://cdn.example/photos/first.jpg"
    assert "Saved studies" in content.text_content()


def test_a_photo_cropped_for_a_network_and_named_after_it_is_the_lead_image() -> None:
    # The Atlantic: the story's picture, its crop for Facebook named 'facebook.jpg'.
    shared = "https://cdn.example/media/img/mt/2016/09/RTSO9RP/facebook.jpg?1522791102"
    result, _ = enriched(f'<meta property="og:image" content="{shared}">', PARAGRAPH * 2)
    assert result.lead_image is not None and result.lead_image.url == shared


@pytest.mark.parametrize(
    "logo",
    [
        "https://news.example/logo.png",
        "/logo.png",
        "https://news.example/static/site-logo-1200x630.png",
        "https://news.example/img/default-og.jpg",
        # The site's one picture for every shared link (Telemedicus).
        "https://news.example/tm3/img/preview-fb-hd.png",
        "https://news.example/assets/facebook_default.jpg",
        "https://news.example/sites/files/images/twitter_cards_default.jpg",
        # WordPress's crop of the site's logo or icon.
        "https://news.example/wp-content/uploads/2020/07/cropped-dok2-2.png",
        # A theme's own picture (Spreeblick's image_src).
        "http://news.example/wp-content/themes/sb07_revamped/_img/sbanchor.png",
        "https://news.example/sites/all/themes/newsroom/images/share.jpg",
        # A plugin's own picture: Framablog's PDF & Print button.
        "https://news.example/wp-content/plugins/pdf-print/images/pdf.png",
        # A drawing named after a social network: its icon (Recht am Bild's og:image).
        "https://news.example/wp-content/uploads/2015/04/facebook.png",
        # The same, where WordPress is laid out by Roots' Bedrock (LittleThings).
        "http://cdn.example/app/themes/littlethings/img/arrow-gray.png",
        "https://news.example/app/plugins/share/images/print.png",
    ],
)
def test_logo_og_image_is_skipped_for_the_first_large_content_image(logo: str) -> None:
    body = (
        PARAGRAPH
        + '<img src="https://news.example/icons/share-icon.png" width="32" height="32">'
        + '<figure><img src="https://cdn.example/photos/first.jpg" width="1024" height="683" alt="First">'
        + "<figcaption>The first picture.</figcaption></figure>"
        + PARAGRAPH
        + '<img src="https://cdn.example/photos/second.jpg" width="1024" height="683">'
    )
    result, content = enriched(f'<meta property="og:image" content="{logo}">', body)
    assert result.lead_image == LeadImage(
        url="https://cdn.example/photos/first.jpg",
        alt="First",
        caption="The first picture.",
        width=1024,
        height=683,
    )
    assert [img.get("src") for img in content.iter("img")] == [
        "https://news.example/icons/share-icon.png",
        "https://cdn.example/photos/second.jpg",
    ]


@pytest.mark.parametrize(
    ("figure", "expected"),
    [
        # The srcset's widest copy, its height scaled with it.
        (
            '<img src="https://cdn.example/p/t-300.jpg" width="300" height="200" alt="t"'
            ' srcset="https://cdn.example/p/t-300.jpg 300w, https://cdn.example/p/t-1200.jpg 1200w">',
            ("https://cdn.example/p/t-1200.jpg", 1200, 800),
        ),
        # A <picture>'s source.
        (
            '<picture><source srcset="https://cdn.example/p/t-1200.jpg 1200w">'
            '<img src="https://cdn.example/p/t-300.jpg" alt="t"></picture>',
            ("https://cdn.example/p/t-1200.jpg", 1200, None),
        ),
        # Densities say nothing of width; a narrower copy is no better.
        (
            '<img src="https://cdn.example/p/t.jpg" srcset="https://cdn.example/p/t@2x.jpg 2x" alt="t">',
            ("https://cdn.example/p/t.jpg", None, None),
        ),
        (
            '<img src="https://cdn.example/p/t.jpg" width="800" height="391.4" alt="t"'
            ' srcset="https://cdn.example/p/t-300.jpg 300w">',
            ("https://cdn.example/p/t.jpg", 800, 391),
        ),
    ],
)
def test_the_lead_image_is_the_widest_copy_offered(figure: str, expected: tuple[str, int, int]) -> None:
    result, _ = enriched("", f"<figure>{figure}</figure>{PARAGRAPH}")
    assert result.lead_image is not None
    assert (result.lead_image.url, result.lead_image.width, result.lead_image.height) == expected


def test_an_image_far_down_the_article_is_no_lead_image() -> None:
    body = (
        PARAGRAPH * 3
        + "<h2>Later</h2>"
        + '<img src="https://cdn.example/photos/late.jpg" width="1024" height="683">'
    )
    result, content = enriched("", body)
    assert result.lead_image is None
    assert len(list(content.iter("img"))) == 1


@pytest.mark.parametrize(
    "pixel",
    [
        '<img src="https://tracker.example/p.gif?id=1" width="1" height="1">',
        '<img src="https://www.facebook.com/tr?id=123&amp;ev=PageView&amp;noscript=1" height="1" width="1">',
        '<img src="https://stats.example/collect?page=1" width="1" height="1" alt="">',
        '<img src="https://cdn.example/pixel.png">',
        '<img src="https://cdn.example/1x1.gif">',
        '<img src="https://cdn.example/spacer.gif" width="600" height="400">',
        # Sized by its style alone.
        '<img src="https://stats.example/collect?page=1" style="width:1px;height:1px" alt="">',
    ],
)
@pytest.mark.parametrize("with_photo", [False, True])
def test_tracking_pixel_is_never_the_lead_image(pixel: str, with_photo: bool) -> None:
    photo = (
        '<img src="https://cdn.example/photos/content.jpg" width="640" height="480">' if with_photo else ""
    )
    result, _ = enriched("", pixel + PARAGRAPH + photo + PARAGRAPH)
    expected = "https://cdn.example/photos/content.jpg" if with_photo else None
    assert (result.lead_image.url if result.lead_image else None) == expected


@pytest.mark.parametrize(
    "address",
    [
        "https://news.example/images/qrcode-app.png",
        "https://news.example/img/qr_code_wechat.jpg",
        "https://news.example/detail/images/ewm.png",
        "https://news.example/static/erweima-800.jpg",
    ],
)
def test_a_qr_code_is_never_the_lead_image(address: str) -> None:
    result, _ = enriched("", f'<img src="{address}" width="300" height="300">' + PARAGRAPH * 2)
    assert result.lead_image is None


@pytest.mark.parametrize(
    "address",
    [
        # A commenter's country (love-hina.ch), a language switch's flag.
        "http://fans.example/pictures/flags/png/de.png",
        "https://news.example/assets/flag-icons/fr.svg",
    ],
)
def test_a_flag_is_never_the_lead_image(address: str) -> None:
    result, _ = enriched("", PARAGRAPH * 2 + f'<h3>#1 Comment by <img src="{address}"> Naru</h3>')
    assert result.lead_image is None


def test_a_flag_named_in_its_alt_text_is_never_the_lead_image() -> None:
    # travelblog.org: the blog's country beside its breadcrumb, a GIF of no declared size.
    flag = "<img src='https://www.travelblog.example/pix/mini-flags/uk-flag.gif' alt='United Kingdom flag'>"
    result, _ = enriched("", f"<div>{flag} Europe » United Kingdom</div>" + PARAGRAPH * 2)
    assert result.lead_image is None


@pytest.mark.parametrize(
    "alt",
    [
        # BusinessWeek wrote the picture's address as its alternative text.
        "https://images.news.example/mz/10/34/1034_mz_66popmunnessa.jpg",
        # WordPress, the file's slug (La Presse's blogs).
        "quay-at-dawn-harbour-master",
    ],
)
def test_an_address_or_file_name_for_alt_text_is_no_description(alt: str) -> None:
    address = "https://images.news.example/files/2017/01/quay-at-dawn-harbour-master-420x268.jpg"
    picture = f'<img src="{address}" alt="{alt}" width="640" height="480">'
    result, _ = enriched("", picture + PARAGRAPH * 2)
    assert result.lead_image is not None and result.lead_image.alt == ""


@pytest.mark.parametrize(
    ("alt", "spoken"),
    [
        # How-To Geek's alt texts: the files' names without their extensions.
        ("IMG_2962 copy", ""),
        ("IMG_2765_stomped", ""),
        ("Screen Shot 2016-11-30 at 10.33.38 AM", ""),
        ("2016-11-29_0011", ""),
        ("PXL_20230101_123456789", ""),
        ("DSC01234", ""),
        # The file's slug, its date or counter at either end (TMZ).
        ("1128-prince-getty-03", ""),
        ("covid-19-vaccine", "covid-19-vaccine"),
        # A year, a name with a number, a screenshot described: words to say.
        ("1984", "1984"),
        ("Apollo 11", "Apollo 11"),
        ("Screenshot of the new settings page", "Screenshot of the new settings page"),
    ],
)
def test_a_camera_s_or_screenshot_s_file_name_for_alt_text_is_no_description(alt: str, spoken: str) -> None:
    picture = f'<img src="https://cdn.example/hero.jpg" alt="{alt}" width="640" height="480">'
    result, _ = enriched("", picture + PARAGRAPH * 2)
    assert result.lead_image is not None and result.lead_image.alt == spoken


def test_an_alt_text_that_repeats_the_title_is_no_description() -> None:
    # QbitAI: every picture's alternative text is the article's title.
    title = "Council approves the harbour budget"
    pictures = "".join(
        f'<p><img src="https://cdn.example/{name}.jpg" alt="{alt}" width="640" height="480"></p>'
        for name, alt in [("quay", title), ("map", title + "!"), ("vote", "The council votes on Tuesday")]
    )
    result, content = enriched(f"<title>{title}</title>", pictures + PARAGRAPH * 2)
    assert result.title == title
    assert result.lead_image is not None and result.lead_image.alt == ""
    assert [img.get("alt") for img in content.iter("img")] == ["", "The council votes on Tuesday"]


@pytest.mark.parametrize("alt", ["&amp;nbsp", "&amp;nbsp;", "&amp;#160;"])
def test_an_entity_escaped_twice_for_alt_text_is_no_description(alt: str) -> None:
    # The Debrief wrote alt="&amp;nbsp" on its hero picture.
    picture = f'<img src="https://cdn.example/hero.jpg" alt="{alt}" width="640" height="480">'
    result, _ = enriched("", picture + PARAGRAPH * 2)
    assert result.lead_image is not None and result.lead_image.alt == ""


def test_alt_text_with_an_ampersand_in_its_words_is_kept() -> None:
    picture = '<img src="https://cdn.example/hero.jpg" alt="Tom &amp; Jerry" width="640" height="480">'
    result, _ = enriched("", picture + PARAGRAPH * 2)
    assert result.lead_image is not None and result.lead_image.alt == "Tom & Jerry"


@pytest.mark.parametrize(
    ("picture", "stays"),
    [
        # The Debrief: the author card's portrait, its line gone.
        (
            '<img src="https://cdn.example/placeholder-author_42x42.gif" alt="Lena deCasparis"'
            ' width="42" height="42">',
            False,
        ),
        (
            '<a href="/author/lena">'
            '<img src="https://cdn.example/avatars/lena.jpg" alt="Lena deCasparis"></a>',
            False,
        ),
        # Its box named a headshot, the size only in its address (Sports Illustrated).
        (
            '<div class="partial headshot image"><div class="component lazy-image">'
            '<img src="https://cdn.example/s3fs-public/lena_400x400.jpg" alt="Lena deCasparis"></div></div>',
            False,
        ),
        # Drupal's author box: a figure of its own, 'Picture of user …' in German.
        (
            '<figure><img src="https://cdn.example/badge/picture-1344.jpg" alt="Bild des Benutzers'
            ' Lena deCasparis" width="72" height="72"></figure>',
            False,
        ),
        # A large picture of her, or one with a caption, is the story's.
        (
            '<img src="https://cdn.example/lena-at-the-quay.jpg" alt="Lena deCasparis"'
            ' width="800" height="533">',
            True,
        ),
        (
            '<figure><img src="https://cdn.example/l.jpg" alt="Lena deCasparis" width="90" height="90">'
            "<figcaption>Lena deCasparis at the quay.</figcaption></figure>",
            True,
        ),
        # More words than a picture's owner: what the picture shows.
        (
            '<img src="https://cdn.example/q.jpg" alt="The crowd at the quay cheers Lena deCasparis"'
            ' width="90" height="90">',
            True,
        ),
        # Another name is another person's picture.
        ('<img src="https://cdn.example/avatars/jane.jpg" alt="Jane Doe" width="42" height="42">', True),
    ],
)
def test_the_author_s_small_portrait_goes(picture: str, stays: bool) -> None:
    head = '<meta name="author" content="Lena deCasparis">'
    result, content = enriched(
        head, picture + PARAGRAPH * 3 + '<img src="https://cdn.example/b.jpg" width="640">'
    )
    assert result.byline == "Lena deCasparis"
    shown = [img.get("alt") for img in content.iter("img")] + [
        result.lead_image.alt if result.lead_image else None
    ]
    assert (any(alt == picture.split('alt="')[1].split('"')[0] for alt in shown)) is stays


def test_a_columnist_s_mug_shot_between_paragraphs_goes_with_its_name_card() -> None:
    # gulflive: the picture named by its file, its caption her name, between paragraphs.
    card = (
        '<div class="entry_widget_small"><span><a href="https://cdn.example/lena-mug-shot.jpg">'
        '<img src="https://cdn.example/photo/1172-small.jpg" alt="Lena deCasparis mug shot 2011.jpg"></a>'
        '<span class="photo-data"><span class="caption">Lena deCasparis</span></span></span>&nbsp;</div>'
    )
    head = '<meta name="author" content="Lena deCasparis">'
    opening = PARAGRAPH.replace("</p>", " It was finished a year late, at twice the cost.</p>")
    result, content = enriched(head, opening + card + PARAGRAPH * 2)
    assert result.byline == "Lena deCasparis"
    assert content.find(".//img") is None
    assert result.lead_image is None or "1172" not in result.lead_image.url
    assert "Lena deCasparis" not in content.text_content()
    assert len(content.findall("p")) == 3


def test_a_photo_of_a_flag_is_a_photo() -> None:
    photo = '<img src="https://cdn.example/uploads/2024/flag-day-parade.jpg" width="640" height="480">'
    result, _ = enriched("", photo + PARAGRAPH * 2)
    assert result.lead_image is not None


def test_letters_of_a_qr_mark_inside_a_word_do_not_count() -> None:
    photo = '<img src="https://cdn.example/photos/newmarket-races.jpg" width="640" height="480">'
    result, _ = enriched("", photo + PARAGRAPH * 2)
    assert result.lead_image is not None


def test_og_image_declared_as_a_pixel_is_skipped() -> None:
    head = (
        '<meta property="og:image" content="https://tracker.example/t.gif">'
        '<meta property="og:image:width" content="1"><meta property="og:image:height" content="1">'
    )
    result, _ = enriched(head, PARAGRAPH * 3)
    assert result.lead_image is None


def test_relative_og_image_is_made_absolute() -> None:
    result, _ = enriched('<meta property="og:image" content="/photos/harbour.jpg">', PARAGRAPH)
    assert result.lead_image is not None
    assert result.lead_image.url == "https://news.example/photos/harbour.jpg"


def test_lead_image_from_the_body_takes_its_figcaption() -> None:
    root, metadata = page("", f"<article>{PARAGRAPH}{HERO_BODY}{PARAGRAPH}</article>")
    content = root.find(".//article")
    lead = choose_lead_image(metadata, content)
    assert lead == LeadImage(
        url="https://cdn.example/photos/harbour-800x420.jpg",
        alt="The harbour",
        caption="The harbour at dawn. Photo: A. Person",
        width=800,
        height=420,
    )
    assert content.find(".//figure") is None
    assert content.find(".//figcaption") is None
    assert len(content.findall("p")) == 2


def test_a_caption_s_line_break_reads_as_a_space_under_the_lead_image() -> None:
    # ChannelPartner: the credit on a line of its own, right after the full stop.
    hero = (
        '<figure><img src="https://cdn.example/photos/office-640x360.jpg" width="640" height="360">'
        '<figcaption>The office of tomorrow.<br><span class="source">Photo: A. Person</span></figcaption>'
        "</figure>"
    )
    root, metadata = page("", f"<article>{hero}{PARAGRAPH}{PARAGRAPH}</article>")
    lead = choose_lead_image(metadata, root.find(".//article"))
    assert lead is not None and lead.caption == "The office of tomorrow. Photo: A. Person"


LA_DIARIA_HERO = (
    '<figure class="principal"><picture><source srcset="/media/cache/Predio_fumigado_1200w.jpg" '
    'media="(min-width: 1000px)"><img class="main-photo" alt="Predio fumigado"></picture>'
    "<figcaption><p>Predio fumigado lindero a escuela.</p><p>Foto: Ricardo Correa</p></figcaption></figure>"
)


@pytest.mark.parametrize(
    ("hero", "declared", "caption"),
    [
        # la diaria: the hero figure above the headline, outside the body; the shared picture
        # is another rendition of it, which its JSON-LD names as shown.
        (
            LA_DIARIA_HERO,
            '<meta property="og:image" content="/media/cache/Predio_fumigado_article_main.jpg?r=0.06">'
            + json_ld(
                {
                    "@type": "NewsArticle",
                    "image": "https://news.example/media/cache/Predio_fumigado_1200w.jpg",
                }
            ),
            "Predio fumigado lindero a escuela. Foto: Ricardo Correa",
        ),
        # The headline set over its picture, in the figcaption (24horas.cl): no caption.
        (
            '<figure><img src="/media/boric-gira.jpg">'
            "<figcaption><h1>Boric inicia gira</h1></figcaption></figure>",
            '<meta property="og:image" content="/media/boric-gira.jpg">',
            "",
        ),
        # A name that tells no picture apart ('lead_large.jpg'): no caption.
        (
            '<figure><img src="/2014/12/P-1/lead_large.jpg">'
            "<figcaption>Christopher Michel</figcaption></figure>",
            '<meta property="og:image" content="/2014/12/P-1/lead_large.jpg">',
            "",
        ),
        # No figure: a box of the picture and a line named its caption (The Hindu), its parts
        # run together by the page's style (Wired).
        (
            '<div class="article-picture top-pic"><div class="picture"><picture>'
            '<img src="/incoming/article69973816.ece/LANDSCAPE_1200/chandok.jpg"></picture></div>'
            '<p class="caption"> Chandok said AI boosts cognitive abilities [File] | Photo Credit: REUTERS'
            " </p></div>",
            '<meta property="og:image" content="/incoming/article69973816.ece/LANDSCAPE_1200/chandok.jpg">',
            "Chandok said AI boosts cognitive abilities [File] | Photo Credit: REUTERS",
        ),
        (
            '<div><span><img src="/photos/West-Bank-Lockdown.jpg"></span><div class="CaptionWrapper caption">'
            '<span class="caption__text">Near a checkpoint.</span><span class="caption__credit">'
            "Photograph: Ahmad Gharabli</span></div></div>",
            '<meta property="og:image" content="/photos/West-Bank-Lockdown.jpg">',
            "Near a checkpoint. Photograph: Ahmad Gharabli",
        ),
    ],
)
def test_the_lead_image_takes_the_caption_of_its_figure_outside_the_body(
    hero: str, declared: str, caption: str
) -> None:
    root, metadata = page(declared, f"<header>{hero}</header><article>{PARAGRAPH * 3}</article>")
    content = root.find(".//article")
    lead = choose_lead_image(metadata, content)
    assert lead is not None and lead.caption == caption


def test_the_figure_that_held_only_the_lead_image_goes_with_it() -> None:
    # Nature: '<figure><div class="embed"><img><figcaption>…</figcaption></div></figure>'.
    head = '<meta property="og:image" content="https://cdn.example/photos/fast.jpg">'
    hero = (
        '<figure>\n <div class="embed"><img src="https://cdn.example/photos/fast.jpg" alt="FAST">'
        "<figcaption>FAST will enable sensitive measurements. Credit: Ou Dongqu</figcaption></div>\n</figure>"
    )
    root, metadata = page(head, f"<article>{hero}{PARAGRAPH}{PARAGRAPH}</article>")
    content = root.find(".//article")
    lead = choose_lead_image(metadata, content)
    assert lead is not None and lead.caption == "FAST will enable sensitive measurements. Credit: Ou Dongqu"
    assert content.find(".//figure") is None
    assert len(content.findall("p")) == 2


def test_a_credit_beside_the_lead_image_in_its_figure_goes_with_it_after_the_caption() -> None:
    # BBC's language services: the credit in the picture's wrapper, the caption under both.
    head = '<meta property="og:image" content="https://cdn.example/photos/court.jpg">'
    hero = (
        '<figure><span class="image-and-copyright-container"><img src="https://cdn.example/photos/court.jpg">'
        '<span class="story-image-copyright">Khin Mg Win</span></span>'
        '<figcaption><span class="media-caption__text">Reporters outside the court</span></figcaption>'
        "</figure>"
    )
    root, metadata = page(head, f"<article>{hero}{PARAGRAPH}{PARAGRAPH}</article>")
    content = root.find(".//article")
    lead = choose_lead_image(metadata, content)
    assert lead is not None and lead.caption == "Reporters outside the court Khin Mg Win"
    assert content.find(".//figure") is None
    assert len(content.findall("p")) == 2


def test_a_figcaption_in_a_div_that_stands_for_the_figure_goes_with_the_lead_image() -> None:
    # Infobae's pages: <div><picture><img></picture><figcaption>…</figcaption></div>.
    head = '<meta property="og:image" content="https://cdn.example/photos/quake.jpg">'
    hero = (
        '<div><picture><img src="https://cdn.example/photos/quake.jpg" alt="The quake"></picture>'
        "<figcaption>The quake shook Cali on 10 August - crédito @alejoeder/X</figcaption></div>"
    )
    root, metadata = page(head, f"<article>{PARAGRAPH}{hero}{PARAGRAPH}</article>")
    content = root.find(".//article")
    lead = choose_lead_image(metadata, content)
    assert lead is not None
    assert lead.caption == "The quake shook Cali on 10 August - crédito @alejoeder/X"
    assert content.find(".//figcaption") is None
    assert len(content.findall("p")) == 2


@pytest.mark.parametrize(
    ("after_headline", "hero"),
    [
        # Another story's teaser, its picture and headline in one link (Hexun's 'you may like').
        (
            '<div class="like"><ul><li><a href="/2018-10-26/195007813.html">'
            '<img src="https://img.example/tmpl1030.png"><span>当年万人逃港事件，促使设立深圳经济特区</span>'
            "</a></li></ul></div>",
            None,
        ),
        # A banner in an ad slot right under the headline (Changde Daily).
        (
            '<div class="ad-pc ad-site"><a href="#">'
            '<img src="https://img.example/850x118-1.jpg" alt="主题购买"></a></div>',
            None,
        ),
        # The story's own picture, linked to a larger view or to the next page.
        (
            '<p><a href="/n1/2019/0615/c1013-31153719-2.html"><img src="https://img.example/orchid.jpg"></a></p>',
            "https://img.example/orchid.jpg",
        ),
        # Its address relative to the page's; an image without one is none.
        (
            '<figure><img src="/attach/158666/width/515.png"></figure>',
            "https://news.example/attach/158666/width/515.png",
        ),
        ('<figure><img src=""></figure>', None),
        # A column of teasers, each picture linked to another page (news.cn's '深度观察').
        (
            '<div class="columBox"><ul><li><div class="img"><a href="https://news.example/depth.htm">'
            '<img src="https://img.example/titlepic/1129978110.jpg"></a></div></li></ul></div>',
            None,
        ),
        # A gallery's items link to their pictures.
        (
            '<ul class="gallery"><li><a href="https://img.example/big/orchid.jpg">'
            '<img src="https://img.example/orchid.jpg"></a></li></ul>',
            "https://img.example/orchid.jpg",
        ),
        # A link no address can be read from leads nowhere, and fails nothing.
        (
            '<ul><li><a href="http://[broken/orchid"><img src="https://img.example/orchid.jpg"></a></li></ul>',
            "https://img.example/orchid.jpg",
        ),
        # A control's drawing: a text-size button, a carousel's dot in a link that runs a script (Fox News).
        (
            "<div><a href='#' onclick='decreasefont()'><img src='https://news.example/font-dec.jpg' "
            "alt='Decrease Font'></a><a href='javascript:void(0)'><img src='https://news.example/dot.jpg'></a></div>",
            None,
        ),
        # A comment form's code to type in, however large it is declared (love-hina.ch).
        (
            "<form action='/news/0409.html'><img src='https://news.example/code.php?id=14507' "
            "width='300' height='150'><input name='code'></form>",
            None,
        ),
        # A picture sized only by its style, too small for a story's.
        ("<div><img src='https://news.example/p/4411.jpg' style='width: 96px; height: 48px;'></div>", None),
        # The author's placeholder in the byline is passed over for the picture after it (Media One).
        (
            '<div class="report"><img src="https://news.example/images/authorplaceholder.jpg">Web Desk</div>'
            '<div class="story-img"><img src="https://img.example/1524788-.webp"></div>',
            "https://img.example/1524788-.webp",
        ),
        # A blurred placeholder the page swaps for the picture, its width in its address (Quartz).
        (
            '<figure><img src="https://img.example/uber-volvo.jpg?quality=80&amp;w=50" '
            'class="progressive-image-thumbnail"><img src="https://img.example/uber-volvo.jpg?quality=80&amp;w=640">'
            "</figure>",
            "https://img.example/uber-volvo.jpg?quality=80&w=640",
        ),
        # The picture links to another page, and so does the headline beside it (E!'s rail).
        (
            '<div class="rail__item"><a href="/photos/6/the-big-picture">'
            '<img src="https://img.example/rs_300x300-Karlie-Kloss.jpg"></a>'
            '<p class="rail__text"><a href="/photos/6/the-big-picture">The Big Picture: Today\'s Hot Pics</a>'
            "</p></div>",
            None,
        ),
        # The writer's portrait in the byline, linked to the writer's page (Bloomberg).
        (
            '<div class="byline-details"><a class="byline-details__photo" href="/authors/AQf/jane-doe">'
            '<img src="https://img.example/users/irVV/v1/220x220.jpg" alt="Jane Doe"></a>'
            '<a class="byline-details__link" href="/authors/AQf/jane-doe">Jane Doe</a></div>',
            None,
        ),
    ],
)
def test_a_teaser_s_picture_after_the_headline_is_no_hero(after_headline: str, hero: str | None) -> None:
    headline = "<h1>交通运输部：着力打造京津冀区域综合立体交通网络</h1>"
    _, metadata = page("", f"<div>{headline}{after_headline}</div>")
    assert [image.url for image in metadata.declared_images] == ([hero] if hero else [])


@pytest.mark.parametrize(
    ("deck", "hero"),
    [
        # An <h2> right under the headline is its deck (The Hindu's 'h2.sub-title').
        ("<h2 class='sub-title'>Shrugging off a recent study, he said…</h2>", True),
        # A section's heading ends the search: what follows is the story's body.
        ("<p>By Jane Doe</p><h2>The vote</h2>", False),
    ],
)
def test_the_headline_s_deck_does_not_end_the_search_for_its_picture(deck: str, hero: bool) -> None:
    picture = "<div class='top-pic'><img src='https://img.example/chandok.jpg'></div>"
    _, metadata = page("", f"<div><h1>Learn to play around with AI tools</h1>{deck}{picture}</div>")
    heroes = [image.url for image in metadata.declared_images if image.source == "hero"]
    assert heroes == (["https://img.example/chandok.jpg"] if hero else [])


@pytest.mark.parametrize(
    ("headline_box", "hero"),
    [
        # A header of the headline and its byline: the picture after it is the story's.
        ("<header><h1>Harbour budget approved</h1><p>By Jane Doe</p></header>", True),
        # The story's own column holds the headline: the next column is the page's
        # (B.A.U.M.'s brochure in div#right beside div#large).
        (f"<div id='large'><h1>Harbour budget approved</h1>{PARAGRAPH * 6}</div>", False),
    ],
)
def test_the_picture_after_the_headline_s_box_is_the_hero_when_the_box_is_a_header(
    headline_box: str, hero: bool
) -> None:
    picture = "<div><p><a href='/download/1'><img src='https://img.example/harbour.jpg'></a></p></div>"
    _, metadata = page("", f"<div>{headline_box}{picture}</div>")
    heroes = [image.url for image in metadata.declared_images if image.source == "hero"]
    assert heroes == (["https://img.example/harbour.jpg"] if hero else [])


@pytest.mark.parametrize(
    ("page_body", "hero"),
    [
        # A cover above the title in the article's own header (The New Republic).
        (
            "<article><header><div class='cover'><img src='https://img.example/beasts.jpg'></div>"
            "<div class='title'><h1>Fantastic Beasts: A Nice Place to Visit</h1></div></header>"
            f"{PARAGRAPH}</article>",
            True,
        ),
        # The page's header, outside any article: the site's own picture.
        (
            "<header><div class='brand'><img src='https://img.example/beasts.jpg'></div>"
            f"<h1>Fantastic Beasts: A Nice Place to Visit</h1></header><article>{PARAGRAPH}</article>",
            False,
        ),
    ],
)
def test_a_cover_above_the_headline_in_its_article_s_header_is_the_hero(page_body: str, hero: bool) -> None:
    _, metadata = page("", page_body)
    heroes = [image.url for image in metadata.declared_images if image.source == "hero"]
    assert heroes == (["https://img.example/beasts.jpg"] if hero else [])


# --- dates in words, and byline and date lines repeated in the body ---------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("5 December 2018", "2018-12-05"),
        ("Publié le 14 janvier 2020 à 06:00", "2020-01-14"),
        ("5. März 2018", "2018-03-05"),
        ("5 de diciembre de 2018", "2018-12-05"),
        # British ordinals, seen on a WordPress blog's date line.
        ("5th October 2020", "2020-10-05"),
        ("3rd of June 2020", "2020-06-03"),
        ("12 giugno 2025, ore 14:05", "2025-06-12"),
        ("March 25, 2015 at 10:00 am", "2015-03-25"),
        ("Dec. 5th, 2018", "2018-12-05"),
        # Genitive forms where dates use them.
        ("5 Δεκεμβρίου 2018", "2018-12-05"),
        ("5 декабря 2018 года", "2018-12-05"),
        ("5. studenoga 2018.", "2018-11-05"),
        ("5. decembra 2018", "2018-12-05"),
        ("14 Şubat 2020", "2020-02-14"),
        ("3 lipca 2019", "2019-07-03"),
        ("3. července 2019", "2019-07-03"),
        ("3. heinäkuuta 2019", "2019-07-03"),
        ("3 जुलाई 2019", "2019-07-03"),
        # Year first, in Hungarian and Lithuanian.
        ("2019. július 3.", "2019-07-03"),
        ("2019 m. liepos 3 d.", "2019-07-03"),
        ("5 декември 2018", "2018-12-05"),
        # Arabic: the Levantine names, alone or beside the Egyptian ones.
        ("5 كانون الثاني 2020", "2020-01-05"),
        ("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00", "2013-08-28"),
        ("31 February 2018", None),
        ("May the force be with you", None),
        # Chinese, Japanese and Korean write year, month and day with their words.
        ("发布时间：2013年10月24日 08:30", "2013-10-24"),
        ("公開日：2019年5月1日", "2019-05-01"),
        ("2019년 5월 1일 오전 10:20", "2019-05-01"),
        ("2019年13月1日", None),
        # Or in digits, each closed by a dot and a space (a Naver blog's date line; Hungarian).
        ("2023. 2. 5. 11:40", "2023-02-05"),
        ("2019. 07. 03.", "2019-07-03"),
        ("2023. 2. 31.", None),
    ],
)
def test_a_date_written_in_words_is_read(text: str, iso: str | None) -> None:
    assert normalize_date(text) == iso


FIRST = (
    "<p>"
    + "The council met on Tuesday to discuss the budget for the coming year and its bridges. " * 3
    + "</p>"
)


@pytest.mark.parametrize(
    "line",
    ["<p>Publicado el 3 de julio de 2019</p>", "<p>Publicado em 3 de julho de 2019</p>"],
)
def test_the_de_before_a_month_opens_no_byline(line: str) -> None:
    # 'de' opens bylines too ('de Jean Dupont'); before a month it is a date's.
    root = lxml.html.document_fromstring(
        f"<html><body><article><h1>Schattiges Plätzchen</h1>{line}{PARAGRAPH}</article></body></html>"
    )
    content = root.find(".//article")
    result = enrich(content, collect_metadata(root, PAGE_URL))
    assert (result.byline, result.published) == (None, "2019-07-03")
    assert "2019" not in content.text_content(), "the line says only the date shown above the body"


def test_a_byline_line_whose_name_was_left_empty_goes_with_its_date() -> None:
    # Oberstdorf Resort's blog: 'von <a href="/profile/.html"></a> <span>am 20.06.2018</span>'.
    line = (
        '<p class="autor">von <a href="/profile/.html"></a> <span title="20.06.2018">am 20.06.2018</span></p>'
    )
    root = lxml.html.document_fromstring(
        f"<html><body><article><h1>Schattiges Plätzchen</h1>{line}{PARAGRAPH}</article></body></html>"
    )
    content = root.find(".//article")
    result = enrich(content, collect_metadata(root, PAGE_URL))
    assert (result.byline, result.published) == (None, "2018-06-20")
    assert "von" not in content.text_content().split()


@pytest.mark.parametrize(("declared", "goes"), [(True, True), (False, False)])
def test_byline_and_date_under_the_standfirst_go(declared: bool, goes: bool) -> None:
    # Los Andes: the standfirst (its description, word for word), then byline and date lines.
    standfirst = (
        "En las aulas coincidirán el nuevo abordaje que implementará la provincia, el Aprender de Nación "
        "y el internacional Pisa. Apuntan a diferentes segmentos de estudiantes."
    )
    description = f'<meta name="description" content="{standfirst}">' if declared else ""
    body = f"<article><p>{standfirst}</p><div>Jane Doe</div><div>2 April 2025</div>{FIRST}</article>"
    head = description + '<meta name="author" content="Jane Doe">'
    head += '<meta property="article:published_time" content="2025-04-02">'
    root = lxml.html.document_fromstring(f"<html lang='en'><head>{head}</head><body>{body}</body></html>")
    content = root.find(".//article")
    enrich(content, collect_metadata(root, PAGE_URL))
    assert ("Jane Doe" not in content.text_content()) is goes


def body_after_meta_removal(lines: str, byline: str | None, published: str | None) -> str:
    content = lxml.html.fragment_fromstring(f"<div>{lines}{FIRST}<p>Jane Doe said so.</p></div>")
    remove_repeated_meta(content, byline, published)
    return " | ".join(" ".join(p.text_content().split()) for p in content.iter("p"))


@pytest.mark.parametrize(
    "line",
    [
        "<p>By Jane Doe</p>",
        "<p class='firma'>di <span>Jane Doe</span></p>",
        "<p>Von Jane Doe 02.04.2025, 06:00 Uhr</p>",
        "<p><time datetime='2025-04-02'>2 April 2025</time></p>",
        "<div><span>Jane Doe</span> · <time>2 April 2025</time></div>",
        # The label of a date that went with the page's timestamp markup.
        "<p>Updated</p>",
        # The year in two digits, either order of day and month.
        "<p>02.04.25</p>",
        "<p>4/2/25</p>",
        # Four digits in the year, an order the page does not tell, and the time (Campo Grande News).
        "<p>Por Jane Doe | 02/04/2025 06:00</p>",
        "<p>4/2/2025</p>",
        # A month's first letters and a two-digit year, in any language (Rádio Aliança).
        "<p>2 abr 25 |  6h00</p>",
        "<p>2 Apr. '25</p>",
        "<p>2 апр 25</p>",
        # Published and updated, parted by a slash; the prefix leaves the date's order untold.
        "<p>postado em 02/04/2025 06:00 / atualizado em 02/04/2025 07:10</p>",
        # The declared time alone (La Cuarta's '07:59 hs').
        "<p>06:00 hs</p>",
        "<p>6.00 Uhr</p>",
    ],
)
def test_a_line_saying_only_the_byline_or_the_date_goes(line: str) -> None:
    assert body_after_meta_removal(line, "Jane Doe", "2025-04-02T06:00:00+02:00").startswith("The council")


def test_a_date_and_byline_line_in_the_smallest_heading_goes() -> None:
    # TMZ: '<h5>11/28/2016 11:00 AM PST BY TMZ STAFF</h5>' over the story.
    content = lxml.html.fragment_fromstring(f"<div><h5>11/28/2016 11:00 AM PST BY JANE DOE</h5>{FIRST}</div>")
    remove_repeated_meta(content, "JANE DOE", "2016-11-28")
    assert content.find("h5") is None and content.text_content().startswith("The council")


@pytest.mark.parametrize(
    "line",
    [
        "<p>* * *</p>",
        "<p>Jane Doe reports from Lindenau.</p>",
        "<p>3 April 2025</p>",  # another day: a date in the story
        "<p>Updated: the council answered our questions about the bridges on Tuesday</p>",
        "<p>03.04.25</p>",
        "<p>02.04.24</p>",
        "<p>03/04/2025 06:00</p>",
        "<p>07:30 hs</p>",  # another time: a time in the story
        "<p>02/04/2025 and 9 others</p>",
        "<p>2 mar 25</p>",
        "<p>2 abr 24</p>",
        "<p>2 april 25 people</p>",
        "<p>Updated on 2 April 2025 with the council's answer to our questions about the bridges</p>",
    ],
)
def test_other_short_lines_stay(line: str) -> None:
    kept = body_after_meta_removal(line, "Jane Doe", "2025-04-02T06:00:00+02:00")
    assert kept.startswith(" ".join(lxml.html.fragment_fromstring(line).text_content().split()))


def test_a_date_line_that_credits_an_unknown_author_stays_for_the_name() -> None:
    kept = body_after_meta_removal("<p>11.09.2011, 16:20 von jovelstefan</p>", None, "2011-09-11")
    assert kept.startswith("11.09.2011, 16:20 von jovelstefan")
    dropped = body_after_meta_removal("<p>11.09.2011, 16:20 Uhr</p>", None, "2011-09-11")
    assert dropped.startswith("The council")


@pytest.mark.parametrize(
    ("line", "byline", "published"),
    [
        # What a page's script writes for the date, in the rendered page the extension sends.
        ("<p>5 hours ago</p>", None, None),
        ("<p>Updated 2 hrs ago</p>", "Jane Doe", None),
        ("<p><time>vor 3 Stunden</time></p>", None, "2025-04-02"),
        ("<p>il y a 3 heures</p>", None, None),
        ("<p>hace 2 horas</p>", None, None),
        ("<p>3 小时前</p>", None, None),
        ("<p>Yesterday, 18:02</p>", None, None),
        ("<p>Heute, 10:15 Uhr</p>", None, None),
        ("<p>12 минут назад</p>", None, None),
        ("<p>Online seit heute, 12.09 Uhr</p>", None, None),  # ORF
        ("<div><span>By Jane Doe</span> · <time>5 hours ago</time></div>", "Jane Doe", None),
        # French 'il y a' holds Spanish's 'and': the names go first, the line is read whole.
        ("<p>Par Jane Doe, il y a 3 heures</p>", "Jane Doe", None),
        # The name, the job and the date, parted by bars (The Debrief).
        ("<p>Jane Doe | Contributing Writer | 5 days ago</p>", "Jane Doe", None),
        ("<p>Jane Doe | Staff Writer</p>", "Jane Doe", None),
    ],
)
def test_a_date_said_relative_to_now_above_the_article_goes(
    line: str, byline: str | None, published: str | None
) -> None:
    assert body_after_meta_removal(line, byline, published).startswith("The council")


@pytest.mark.parametrize(
    "line",
    [
        "<p>5 hours</p>",
        "<p>5 years ago we met in Lindenau.</p>",
        "<p>2 hours ago | Politics</p>",
        "<p>Jane Doe, MA</p>",  # 'ma' is Hungarian for 'today', but only before a time
    ],
)
def test_a_line_that_says_more_than_a_relative_date_stays(line: str) -> None:
    kept = body_after_meta_removal(line, None, None)
    assert kept.startswith(" ".join(lxml.html.fragment_fromstring(line).text_content().split()))


def test_a_byline_line_with_more_than_a_job_and_a_date_stays() -> None:
    line = "<p>Jane Doe | Politics | 5 days ago</p>"
    assert body_after_meta_removal(line, "Jane Doe", None).startswith("Jane Doe | Politics | 5 days ago")


def test_a_relative_date_after_the_article_begins_stays() -> None:
    content = lxml.html.fragment_fromstring(f"<div>{FIRST}<p>Two hours ago</p><p>5 hours ago</p></div>")
    remove_repeated_meta(content, None, None)
    assert content.findall("p")[-1].text_content() == "5 hours ago"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("By Jane Doe, 5 hours ago", "Jane Doe"),
        ("By Jane Doe | 5 hours ago", "Jane Doe"),
        ("Von Max Mustermann · vor 2 Stunden", "Max Mustermann"),
        ("killed by gunfire in Gaza, 5 hours ago", None),  # no byline line before the date
    ],
)
def test_a_byline_line_dated_relative_to_now_names_the_author(line: str, name: str | None) -> None:
    body = f"<h1>Bridges reopen</h1><p>{line}</p>{FIRST}"
    root = lxml.html.document_fromstring(f"<html lang='en'><body><article>{body}</article></body></html>")
    content = root.find(".//article")
    assert enrich(content, collect_metadata(root, PAGE_URL)).byline == name


@pytest.mark.parametrize(
    "declared",
    [
        # 24horas.cl: an empty meta author, its Facebook page, and its JSON-LD naming the site.
        '<meta name="author" content=""><meta property="article:author" content="https://www.facebook.com/x">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": '
        '{"@type": "NewsMediaOrganization", "name": "24horas.cl"}}</script>',
        "",
    ],
)
def test_a_byline_line_under_the_headline_signs_where_no_person_is_declared(declared: str) -> None:
    head = declared + '<meta property="article:published_time" content="2022-05-04T08:27:49-04:00">'
    headline = "<h1>Boric inicia gira por Magallanes</h1>"
    story = FIRST + "<p>Boric viajará a Punta Arenas.</p>" * 3  # its last lines sign nothing
    body = f"<article>{headline}<p><em><strong>Por Agencia EFE</strong></em></p>{story}</article>"
    root = lxml.html.document_fromstring(f"<html lang='es'><head>{head}</head><body>{body}</body></html>")
    content = root.find(".//article")
    metadata = collect_metadata(root, "https://www.24horas.cl/politica/x-5287894")
    assert enrich(content, metadata).byline == "Agencia EFE"
    assert "Por Agencia EFE" not in content.text_content()


@pytest.mark.parametrize(
    ("closing", "byline", "goes"),
    [
        ("<p>[류영상 기자 ifyouare@mkinternet.com]</p>", "류영상", True),  # Maeil Business
        ("<p>Von Jane Doe</p>", "Jane Doe", True),
        ("<p>Von Max Mustermann</p>", "Jane Doe", False),  # another name: a credit of its own
        ("<p>Jane Doe said the council would meet again in May.</p>", "Jane Doe", False),
        # JuraForum: the profession before the name, which the byline leaves out.
        ("<p>Autor: Rechtsanwalt Sebastian Einbock</p>", "Sebastian Einbock", True),
    ],
)
def test_a_closing_line_that_signs_with_the_byline_goes(closing: str, byline: str, goes: bool) -> None:
    content = lxml.html.fragment_fromstring(f"<div>{FIRST}{closing}</div>")
    remove_closing_byline(content, byline)
    assert (len(content.findall("p")) == 1) is goes


def test_the_byline_in_the_article_text_after_it_begins_stays() -> None:
    assert body_after_meta_removal("", "Jane Doe", None).endswith("Jane Doe said so.")


def test_the_article_date_line_after_the_text_gives_the_date_and_goes() -> None:
    # Slate.fr puts it under the article's last paragraph.
    date_line = "<div><div>Publié le 29/10/2012<br><em>Mis à jour le 29/10/2012 à 14h03</em></div></div>"
    article = f"<article><h1>Tapie, Mougeotte et La Provence</h1>{FIRST}{date_line}</article>"
    root = lxml.html.document_fromstring(f'<html lang="fr"><body>{article}</body></html>')
    content = root.find(".//article")
    assert enrich(content, collect_metadata(root, PAGE_URL)).published == "2012-10-29"
    assert "Publié" not in content.text_content()


@pytest.mark.parametrize(
    "line",
    [
        "<p>2 April 2025</p>",  # after the text has begun, a bare date may be the story's
        "<p>Published in 2025, the report on the bridges changed how the council plans.</p>",
    ],
)
def test_lines_after_the_text_that_are_no_date_line_stay(line: str) -> None:
    content = lxml.html.fragment_fromstring(f"<div>{FIRST}{line}</div>")
    remove_repeated_meta(content, None, "2025-04-02")
    assert content.findall("p")[-1].text_content() == lxml.html.fragment_fromstring(line).text_content()


@pytest.mark.parametrize(
    ("caption", "reads"),
    [
        (
            "<span>Buried in the 1800s.</span><span><span>Credit</span><span>Kirsten Luce</span></span>",
            "Buried in the 1800s. Credit Kirsten Luce",
        ),
        ("The harbour at dawn.<span>Photo: A. Person</span>", "The harbour at dawn. Photo: A. Person"),
        # Markup inside a word or a name stays glued.
        ("Photo by <b>A.</b>Person, 2<sup>nd</sup> of May", "Photo by A.Person, 2nd of May"),
        ("Already apart <span>here</span>", "Already apart here"),
        # El Universo (Arc Publishing): the credit set after a caption that already ends with it.
        (
            "Rescuers at the crash site. Foto: AFP. <!-- --> <strong>Foto: AFP</strong>",
            "Rescuers at the crash site. Foto: AFP.",
        ),
        ("Rescuers at the crash site. <strong>Foto: AFP</strong>", "Rescuers at the crash site. Foto: AFP"),
        ("Rescuers at the crash site. <strong>Foto: AFP</strong>\n", "Rescuers at the crash site. Foto: AFP"),
        ("<strong>Foto: AFP</strong>", "Foto: AFP"),
        ("Photo: AFP. Reuters. <em>Photo: AFP</em> and more", "Photo: AFP. Reuters. Photo: AFP and more"),
    ],
)
def test_the_parts_of_a_caption_read_apart(caption: str, reads: str) -> None:
    content = lxml.html.fragment_fromstring(
        f"<div><figure><img src='https://example.org/a.jpg'><figcaption>{caption}</figcaption></figure></div>"
    )
    tidy_caption_parts(content)
    assert " ".join(content.find(".//figcaption").text_content().split()) == reads


@pytest.mark.parametrize(
    ("line", "stays"),
    [
        ("<p>Foto: dpa</p>", False),
        ("<p>Photo Credit: Catwalkpictures</p>", False),
        ("<p>Фото: Илья Московец © URA.RU</p>", False),  # Russian, Finnish, Turkish credits
        ("<p>Kuva: Lehtikuva</p>", False),
        ("<p>Fotoğraf: AA</p>", False),
        ("<div>Beitragsbild: Titelseite der FAZ vom 2.4.2019, Ausriss.</div>", False),
        ("<p>PHOTOS: Earthquake Shakes the Northeastern U.S.</p>", False),
        # In brackets, and 'Credit:' alone.
        ("<p>(Credit: Marguerite Reardon/CNET)</p>", False),
        ("<p>[Foto: dpa]</p>", False),
        ("<p>(crédito: Minervino Júnior/CB/D.A.Press)</p>", False),  # Correio Braziliense
        # A picture's source note (exporo.de), not a source of the text.
        ("<p>Quellen Bild: S-F / Shutterstock.com</p>", False),
        ("<p>Bildnachweis: Karin Dalziel CC BY 2.0</p>", False),
        ("<p>Quellen: Bundesbank, EZB</p>", True),
        # A licence's mark between the word and the source (La Vie des idées).
        ("<p>Photo (cc) : svenwerk</p>", False),
        # The sign and a name, its picture gone (DER SONNTAG); a sentence after the sign stays.
        ("<div>&copy; privat</div>", False),
        ("<p>© 2019: the year the council rebuilt the bridge and reopened the quay.</p>", True),
        ("<p>(Credit where it is due: the council paid for the whole bridge.)</p>", True),
        # A byline prefix and a name after the word, not a sentence.
        ("<p>Illustration by Mike Nudelman</p>", False),
        # A photographer's handle on a picture library.
        (
            '<p>Photo by <a href="https://unsplash.com/photos/x">ev</a> on <a href="https://unsplash.com">Unsplash</a></p>',
            False,
        ),
        ("<p>Photos by the river show the bridge under water</p>", True),
        # A sentence about photos, a caption's credit, an image's own line.
        ("<p>Photos of the flood show the bridge under water.</p>", True),
        ("<figure><img src='a.jpg'><figcaption><p>Foto: dpa</p></figcaption></figure>", True),
        ("<p><img src='a.jpg'>Foto: dpa</p>", True),
        # Names between slashes, one an agency: without the credit's word.
        ("<p>Mandel Ngan / AFP / Getty Images</p>", False),
        ("<div><div></div><p>Mark Stout/iStock/Getty Images</p></div>", False),
        ("<p>AP Photo/J. Scott Applewhite</p>", False),
        ("<p>REUTERS/Stephane Mahe</p>", False),
        # A picture library alone credits a picture; agencies alone sign the text; a
        # sentence with a slash is a sentence.
        ("<p>Getty Images</p>", False),
        ("<p>AFP</p>", True),
        ("<p>AFP/Reuters</p>", True),
        ("<p>dpa/lni</p>", True),
        ("<p>The AP/Getty deal was signed in Paris.</p>", True),
        ("<p>Read it on iStock/Getty Images, then write to us.</p>", True),
        # Beside its picture, the credit is the picture's caption.
        ("<div><img src='a.jpg'><p>Mandel Ngan / AFP / Getty Images</p></div>", True),
        # The credit's word in Japanese, Chinese and Korean, in full-width brackets too.
        ("<p>（写真：時事）</p>", False),
        ("<p>图片来源：视觉中国</p>", False),
        ("<p>题图来自：Hater</p>", False),
        ("<p>사진=연합뉴스</p>", False),
        ("<p>写真は2019年に撮影された港の様子です。</p>", True),
        # A plural credit (The Debrief), and a stock picture's (JuraForum).
        ("<p>Pictures: Getty</p>", False),
        ("<p>Symbolgrafik:© Butch - stock.adobe.com</p>", False),
        ("<p>Symbolbild: dpa</p>", False),
        ("<p>Pictures of the flood show the bridge under water.</p>", True),
        # A span between blocks is a line of its own (ExtremeTech, its box unwrapped);
        # within a line it is a word of it.
        ("<span class='subtitle-2'>Credit: Microsoft</span>", False),
        ("<p>The harbour, <span>Credit: Microsoft</span></p>", True),
        # A WordPress post's featured image, credited in brackets closing it (Inquisitr).
        ("<p>[Featured Image by Joe Raedle/Getty Images]</p>", False),
        ("<p>Featured image tests show the bridge under water.</p>", True),
    ],
)
def test_a_picture_credit_on_a_line_of_its_own_goes(line: str, stays: bool) -> None:
    assert line_stays(remove_stray_picture_credits, FIRST, line) == stays


@pytest.mark.parametrize(
    ("block", "after"),
    [
        # A Polish article's closing block: the source signs the text, the photo's credit goes.
        ("<h6><br>Źródło: PAP<br>Fot: Krystian Maj/KPRM</h6>", "Źródło: PAP"),
        ("<p>Źródło: PAP<br>Foto: dpa</p>", "Źródło: PAP"),
        # A last line that credits no picture stays.
        ("<p>Źródło: PAP<br>Opracowanie: Jan Kowalski</p>", "Źródło: PAPOpracowanie: Jan Kowalski"),
    ],
)
def test_a_picture_credit_closing_a_block_of_lines_goes_alone(block: str, after: str) -> None:
    content = lxml.html.fragment_fromstring(f"<div>{FIRST}{block}</div>")
    remove_stray_picture_credits(content)
    assert content[-1].text_content().strip() == after


def line_stays(remove: Callable[[HtmlElement], None], paragraph: str, line: str) -> bool:
    """Whether `line`'s words are still there after `remove` ran on an article of
    `paragraph` and `line`; the paragraph always stays."""
    content = lxml.html.fragment_fromstring(f"<div>{paragraph}{line}</div>")
    remove(content)
    assert content.find("p").text_content() == lxml.html.fragment_fromstring(paragraph).text_content()
    words = " ".join(lxml.html.fragment_fromstring(line).text_content().split())
    return words in " ".join(content.text_content().split())


def test_the_titled_headline_is_a_headline_the_titles_repeat_not_the_site_s_name() -> None:
    head = "<title>Putsh en cours à Radio Kaléidoscope - CRIC</title>"
    site = '<h1><a rel="start home" href="spip.php?page=sommaire">CRIC</a></h1>'
    _, metadata = page(
        head, f"{site}<article><h1>Putsh en cours à Radio Kaléidoscope</h1>{PARAGRAPH}</article>"
    )
    assert metadata.titled_headline is not None
    assert metadata.titled_headline.text_content() == "Putsh en cours à Radio Kaléidoscope"
    assert "CRIC" not in metadata.h1_texts
    _, metadata = page(head, f"{site}<article>{PARAGRAPH}</article>")
    assert metadata.titled_headline is None


CHINESE_PARAGRAPH = (
    "<p>新华社巴黎12月9日电法国9日再次爆发全国跨行业大罢工，反对政府进行退休制度改革，首都巴黎交通几乎完全瘫痪，"
    "其他多个城市交通也受到影响。法国各工会号召10日继续举行全国跨行业大罢工及游行。</p>"
)


@pytest.mark.parametrize(
    "title",
    [
        "法国全国大罢工再次严重影响交通-新华网",
        # Zhongshan News: the desk after a space, then the site after an underscore.
        "法国全国大罢工再次严重影响交通 国际频道_新华网",
    ],
)
def test_a_page_without_an_h1_shows_its_headline_as_the_title_cuts_it(title: str) -> None:
    # A list of the site's stories links to the article too: a link is no headline.
    stories = '<ul class="nav"><li><a href="/world/1.htm">法国全国大罢工再次严重影响交通</a></li></ul>'
    header = (
        '<div class="h-title">法国全国大罢工再次严重影响交通</div>'
        '<div class="h-info"><span class="h-time">2019-12-10 07:57:40</span><span>来源：新华网</span></div>'
    )
    body = f"{stories}{header}<article>{CHINESE_PARAGRAPH}</article>"
    root, metadata = page(f"<title>{title}</title>", body)
    assert metadata.h1_texts == ["法国全国大罢工再次严重影响交通"]
    result = enrich(root.find(".//article"), metadata)
    assert result.title == "法国全国大罢工再次严重影响交通"
    assert result.published == "2019-12-10"


@pytest.mark.parametrize(
    ("headline_class", "published"),
    [
        # The story's parts all named 'blog_teaser_…': the date line is the story's.
        ("blog_teaser_headline", "2014-05-22"),
        # Named a teaser beside a headline that is not: another story's line.
        ("headline", None),
    ],
)
def test_a_shown_headline_after_a_hyphenated_site_name_is_the_title_its_date_line_the_date(
    headline_class: str, published: str | None
) -> None:
    # CDU-Fraktion Erfurt: no <h1>, the headline a div after the date line;
    # the hyphen inside the site's name cuts nothing.
    body = (
        '<div class="story"><div class="blog_teaser_firstline">22.05.2014 - Gemeinde/ Stadt</div>'
        f'<div class="{headline_class}">Entwicklung der Waldorfschule ermöglicht</div>'
        f"<div class='text'>{PARAGRAPH}{PARAGRAPH}</div></div>"
    )
    title = "<title>CDU-Fraktion im Erfurter Stadtrat - Entwicklung der Waldorfschule ermöglicht</title>"
    root, metadata = page(title, body)
    result = enrich(root.find(".//div[@class='text']"), metadata)
    assert result.title == "Entwicklung der Waldorfschule ermöglicht"
    assert result.published == published


def test_a_title_signed_after_an_unspaced_colon_is_cut_at_the_shown_headline() -> None:
    # phpspot: '…「Treeviz」:phpspot開発日誌', the headline an <h3>.
    body = (
        "<div><h3>マインドマップ風のツリーを描画できる「Treeviz」</h3>"
        "<p>次のような図形を描画できるcodepenでのサンプルです。マインドマップ風のツリーを描画できます。</p></div>"
    )
    title = "<title>マインドマップ風のツリーを描画できる「Treeviz」:phpspot開発日誌</title>"
    root, metadata = page(title, body)
    result = enrich(root.find(".//div"), metadata)
    assert result.title == "マインドマップ風のツリーを描画できる「Treeviz」"


def test_a_headline_after_the_section_s_name_in_the_title_is_shown_under_a_section_s_h1() -> None:
    # love-hina.ch: the <h1> names the news section, the story's <h2> the <title> holds after it.
    body = (
        '<h1>love-hina.ch News - <a href="/archiv">News-Archiv</a></h1>'
        "<div><h2>Site Update - Leseprobe Band 14 / Kapitel 121</h2>"
        "<p>Kapitel 121 ist nun auch online. Wie immer können die Bilder nur von eingeloggten Usern "
        "betrachtet werden. Am Freitag folgt Kapitel 122.</p></div>"
    )
    root, metadata = page(
        "<title>News - Site Update - Leseprobe Band 14 / Kapitel 121 - Love Hina</title>", body
    )
    result = enrich(root.find(".//div"), metadata)
    assert result.title == "Site Update - Leseprobe Band 14 / Kapitel 121"


@pytest.mark.parametrize(
    "body",
    [
        # Only the list of stories shows it; a longer block only holds it.
        '<ul><li><a href="/world/1.htm">法国全国大罢工再次严重影响交通</a></li></ul>',
        "<p>法国全国大罢工再次严重影响交通，工会表示将继续。</p>",
    ],
)
def test_no_headline_is_shown_where_no_element_is_the_title_s_opening(body: str) -> None:
    _, metadata = page("<title>法国全国大罢工再次严重影响交通-新华网</title>", body)
    assert metadata.h1_texts == []


@pytest.mark.parametrize(
    ("line", "stays"),
    [
        ("<p>责任编辑：张迪</p>", False),
        ('<div class="edit clearfix">(责编：汤诗瑶、丁涛)</div>', False),
        ("<div>[责任编辑:肖春芳]</div>", False),
        ("<p>【责任编辑：严玉洁】</p>", False),
        ("<p>（编辑：严玉洁 王辉）</p>", False),
        ("<p>校对：李四 审核：王五</p>", False),
        ("<p>本文来源：新京报</p>", False),
        ("<p>（来源：人民日报）</p>", False),
        # A sentence about an editor, or an editor named inside one, is the article's.
        ("<p>编辑部表示将继续关注此事。</p>", True),
        ("<p>责任编辑：张迪。他说这篇报道经过了三次核实。</p>", True),
        ("<p>编辑：</p>", True),
        ("<p>来源：新华社记者在现场的采访和当地政府发布的通报。</p>", True),
        # Indonesian sites close with the editor's line or the desk's initials.
        ("<p>Editor: Budi Santoso</p>", False),
        ("<p>(nwy/ita)</p>", False),
        ("<p>(Ini adalah kalimat/bukan inisial)</p>", True),
        # Polish ones with the writer's initials and the agency's name.
        ("<p>aja/PAP</p>", False),
        ("<p>Umowa weszła w życie 1 maja, podała agencja PAP/Reuters</p>", True),
        # A reposted story's original title, closing it; inside a sentence the words stay.
        ("<p>（原题为《是“收割韭菜”还是“回归理性”》）</p>", False),
        ("<p>记者查到了这篇报道的原标题：它与现在的标题不同。</p>", True),
    ],
)
def test_a_line_naming_the_story_s_editors_or_source_goes(line: str, stays: bool) -> None:
    assert line_stays(remove_desk_lines, CHINESE_PARAGRAPH, line) == stays


@pytest.mark.parametrize(
    ("opening", "stays"),
    [
        # A syndicated story's original title, here the title itself: shown once.
        ('<p class="otitle">（原标题：姚明对周琦说了啥？周琦上下半场判若两人）</p>', False),
        ("<p>Original title: 姚明对周琦说了啥？周琦上下半场判若两人</p>", False),
        # Another original title is the desk's note all the same (original_title_prefixes);
        # in another language, with no such prefix, the line stays.
        ("<p>原标题：视界丨姚明对周琦说了啥？</p>", False),
        ("<p>本文原标题：《姚明对周琦说了啥？周琦上下半场判若两人......》</p>", False),  # The Paper
        ("<p>Original title: Yao Ming's advice to Zhou Qi</p>", True),
    ],
)
def test_an_opening_line_that_labels_the_title_goes(opening: str, stays: bool) -> None:
    head = "<title>姚明对周琦说了啥？周琦上下半场判若两人</title>"
    result, _, kept = opening_line_kept(head, opening, CHINESE_PARAGRAPH)
    assert result.title == "姚明对周琦说了啥？周琦上下半场判若两人"
    assert kept == stays


LANGUAGE_DATA = read_rule_file("languages.json")["languages"]
MONTH_NAMES = {lang: entry["months"] for lang, entry in LANGUAGE_DATA.items() if "months" in entry}


@pytest.mark.parametrize("lang", sorted(MONTH_NAMES))
def test_every_month_name_of_every_language_reads_as_its_month(lang: str) -> None:
    # On a page of its language ('listopada' is October in Croatian, November in Polish).
    expected = [f"2024-{number:02d}-05" for number in range(1, 13)]
    dates = [normalize_date(f"5 {name} 2024", lang) for name in MONTH_NAMES[lang]]
    assert [date[:10] if date else None for date in dates] == expected
    for number, names in enumerate(LANGUAGE_DATA[lang].get("month_variants", []), start=1):
        assert {(normalize_date(f"5 {name} 2024", lang) or "")[:10] for name in names} == {
            f"2024-{number:02d}-05"
        }


def test_a_headline_with_ruby_readings_is_the_title_without_them() -> None:
    # NHK News Web Easy: the site's name, an unspaced bar, the headline; readings over its kanji.
    head = "<title>NEWS WEB EASY|子どもへの体罰を禁止する法律ができる</title>"
    head += '<meta property="og:site_name" content="NEWS WEB EASY">'
    headline = (
        "<h1><ruby>子<rt>こ</rt></ruby>どもへの<ruby>体罰<rt>たいばつ</rt></ruby>を禁止する法律ができる</h1>"
    )
    sidebar = "<h1><ruby>新<rt>あたら</rt></ruby>しいニュース</h1>"
    result, _ = enriched(head, headline + PARAGRAPH + sidebar)
    assert result.title == "子どもへの体罰を禁止する法律ができる"


@pytest.mark.parametrize(
    ("opening", "byline"),
    [
        # kath.net: the teaser signed after its last sentence, under a line of meta data.
        (
            "<p>vor 5 Stunden in Aktuelles, keine Lesermeinung</p>"
            "<p><b>Wer sein Leben zu bewahren sucht, wird es verlieren. Von Armin Schwibach</b></p>",
            "Armin Schwibach",
        ),
        ("<p>The council approved the harbour budget on Tuesday night. By Jane Doe</p>", "Jane Doe"),
        # Words after the last sentence that name no one.
        ("<p>Der Rat hat den Haushalt am Dienstag beschlossen. Von Berlin nach Hamburg</p>", None),
        ("<p>The council approved the harbour budget on Tuesday night. More soon</p>", None),
    ],
)
def test_a_signature_closing_the_opening_paragraph_is_the_byline(opening: str, byline: str | None) -> None:
    result, _ = enriched("", opening + PARAGRAPH)
    assert result.byline == byline


@pytest.mark.parametrize(
    ("closing", "byline"),
    [
        ("<p>Auteur : Kossivi Tiassou</p><p>Edition : M-A. Pioerron</p>", "Kossivi Tiassou"),
        ("<p><b>Text:</b> Hanna Berger</p>", "Hanna Berger"),
        # cleveland.com: a dash before it, the writer's handle after it.
        (
            "<p>-- By Michael Russell <a href='https://twitter.com/tdmrussell'>Follow @tdmrussell</a></p>",
            "Michael Russell",
        ),
        ("<p>— Par Jean Dupont @jdupont</p>", "Jean Dupont"),
        # A closing line that names no one.
        ("<p>By land and by sea.</p>", None),
        # A signature far above the end is some other credit.
        ("<p>Von Hanna Berger</p>" + PARAGRAPH * 3, None),
    ],
)
def test_a_signature_among_the_article_s_last_lines_is_the_byline(closing: str, byline: str | None) -> None:
    result, _ = enriched("", PARAGRAPH + PARAGRAPH + closing)
    assert result.byline == byline


@pytest.mark.parametrize(
    ("desk", "closing", "byline"),
    [
        # cleveland.com: the desk in meta author, the writer's signature under the story.
        ("National Desk", "<p>-- By Michael Russell</p>", "Michael Russell"),
        ("Redaktion", "<p>Von Hanna Berger</p>", "Hanna Berger"),
        # Cool Hunting: a site's contributor account in meta author.
        ("CH Contributor", "<p>-- By Michael Russell</p>", "Michael Russell"),
        # With no signature the desk signs; a person's name always wins.
        ("National Desk", "", "National Desk"),
        ("Ada Lovelace", "<p>-- By Michael Russell</p>", "Ada Lovelace"),
    ],
)
def test_a_writer_s_signature_comes_before_a_desk_s_name(desk: str, closing: str, byline: str) -> None:
    result, content = enriched(f'<meta name="author" content="{desk}">', PARAGRAPH + PARAGRAPH + closing)
    assert result.byline == byline
    if byline != desk:  # shown once, above the body
        assert byline not in content.text_content()


def test_a_writer_s_signature_over_the_body_comes_before_a_contributor_account() -> None:
    # Cool Hunting: 'CH Contributor' in meta author, 'by <a>Kelly Phillips Badal</a>' under the picture.
    signature = '<p>by <a href="http://kellybadal.example/">Kelly Phillips Badal</a></p>'
    result, content = enriched('<meta name="author" content="CH Contributor">', signature + PARAGRAPH * 2)
    assert result.byline == "Kelly Phillips Badal"
    assert "Badal" not in content.text_content()


@pytest.mark.parametrize(
    ("headline_class", "byline"),
    [
        # horizont.net's guest pieces: the headline and its author box named alike.
        ("ArticleHeaderComment_headline", "Martin Gerecke"),
        # A comment's author beside a headline named otherwise.
        ("headline", None),
    ],
)
def test_an_author_in_a_region_named_like_the_headline_is_the_byline(
    headline_class: str, byline: str | None
) -> None:
    header = (
        '<article class="ArticleHeaderComment">'
        f'<h1 class="{headline_class}">Harbour gets a new breakwater</h1>'
        '<div class="ArticleHeaderComment_metaData"><span class="Author_name">Martin Gerecke</span></div>'
        "</article>"
    )
    root, metadata = page(
        "<title>Harbour gets a new breakwater</title>", f"<div>{header}</div><main>{PARAGRAPH * 2}</main>"
    )
    assert enrich(root.find(".//main"), metadata).byline == byline


@pytest.mark.parametrize(
    ("tags", "box", "byline"),
    [
        # Architectural Digest: the site's name as meta author, the writer in parsely-page.
        (
            '<meta name="author" content="Quay Courier">'
            '<meta name="parsely-page" content=\'{"author": "Mayer Rus", "pub_date": "2014-12-02"}\'>',
            "",
            "Mayer Rus",
        ),
        (
            '<meta name="author" content="National Desk">'
            '<meta property="article:author" content="Ada Lovelace">',
            "",
            "Ada Lovelace",
        ),
        # ABC News: the site's name as meta author, the writers in the byline box.
        (
            '<meta name="author" content="Quay Courier">',
            '<div class="author">By Josh Haskell, David Caplan</div>',
            "Josh Haskell, David Caplan",
        ),
        # A box's line that does not sign (a link to the author's posts), or no one else: the site signs.
        (
            '<meta name="author" content="Quay Courier">',
            '<div class="author">Visa alla inlägg av Hanna Berg</div>',
            "Quay Courier",
        ),
        ('<meta name="author" content="Quay Courier">', "", "Quay Courier"),
    ],
)
def test_a_person_another_tag_declares_signs_before_the_site_or_desk(
    tags: str, box: str, byline: str
) -> None:
    head = f'<meta property="og:site_name" content="Quay Courier">{tags}'
    # The byline box in the page's header, outside the article's text.
    header = f"<header><h1>Harbour gets a new breakwater</h1>{box}</header>"
    root, metadata = page(head, f"{header}<article>{PARAGRAPH * 2}</article>")
    assert enrich(root.find(".//article"), metadata).byline == byline


@pytest.mark.parametrize(
    ("opening", "byline"),
    [
        # The Planetary Press's reprints: the site as meta author, the writer's line on top.
        (
            "<p><em>Courtesy of Forests News</em></p><p><em>Written by: Julie Mollins</em></p>",
            "Julie Mollins",
        ),
        # No writer's line: the site signs.
        ("<p><em>Courtesy of Forests News</em></p>", "Harbour Times"),
    ],
)
def test_a_writer_s_line_atop_the_article_comes_before_the_site_s_name(opening: str, byline: str) -> None:
    head = '<meta name="author" content="Harbour Times">'
    head += '<meta property="og:site_name" content="Harbour Times">'
    result, content = enriched(head, opening + PARAGRAPH + PARAGRAPH)
    assert result.byline == byline
    assert "Written by" not in content.text_content()


def test_a_writer_s_line_under_the_standfirst_signs_the_article() -> None:
    # meedia.de: the teaser, then '<em>Von Gregory Lipinski</em>', then the
    # interview; a plugin cut the description from the body's first words.
    teaser = (
        "Der Hafen bekommt einen neuen Wellenbrecher, und die Fischer sind erleichtert. Zweimal stand "
        "der Kai im letzten Winter unter Wasser, die Boote lagen tagelang fest. Der Hafenmeister "
        "erklärt, was der Bau kostet, wer ihn bezahlt und wann er fertig sein soll. Auch die Stadt "
        "will sich beteiligen, sagt er, und die Fischer hoffen auf eine ruhige Saison im Frühjahr, "
        "wenn die ersten Boote wieder hinausfahren."
    )
    head = '<meta name="description" content="Von Gregory Lipinski Herr Vilanek, wie geht es dem Hafen?">'
    body = (
        f'<p class="standfirst">{teaser}</p><p><em>Von Gregory Lipinski</em></p>'
        "<p><strong>Herr Vilanek, wie geht es dem Hafen?</strong> Gut, sagt er, seit dem Bau.</p>"
    )
    result, content = enriched(head, body + PARAGRAPH * 3)
    assert result.byline == "Gregory Lipinski"
    assert "Von Gregory" not in content.text_content()
    assert result.excerpt == "Herr Vilanek, wie geht es dem Hafen?"


@pytest.mark.parametrize(
    ("signed", "expected"),
    [
        # The Motley Fool: the summary, the byline and the section after dashes.
        (SUMMARY + "  - Jana Weiß - Tech and Telecom", SUMMARY),
        (SUMMARY + " | Jana Weiß", SUMMARY),
        # A summary too short to stand without it, or a name the byline is not, stays whole.
        ("Harbour news - Jana Weiß", "Harbour news - Jana Weiß"),
        (SUMMARY + " - Jan Kowalski", SUMMARY + " - Jan Kowalski"),
    ],
)
def test_a_description_signed_after_a_dash_is_the_summary_before_it(signed: str, expected: str) -> None:
    head = f'<meta name="author" content="Jana Weiß"><meta name="description" content="{signed}">'
    result, _ = enriched(head, PARAGRAPH)
    assert (result.byline, result.excerpt) == ("Jana Weiß", expected)


def test_the_distill_template_s_front_matter_names_the_authors_and_the_date() -> None:
    # Hugging Face's FineWeb report: the template's script writes the byline in the browser.
    front_matter = (
        '<d-front-matter><script id="distill-front-matter" type="text/json">{"title": "Decanting the web",'
        ' "published": "May 28, 2024", "authors": [{"author": "Guilherme Penedo", "authorURL": "https://'
        'huggingface.co/guipenedo"}, {"author": "Thomas Wolf"}]}</script></d-front-matter>'
        "<d-byline></d-byline>"
    )
    result, _ = enriched("<title>Decanting the web</title>", front_matter + PARAGRAPH)
    assert result.byline == "Guilherme Penedo, Thomas Wolf"
    assert result.published == "2024-05-28"


def test_a_declared_author_comes_before_a_signature_in_the_opening() -> None:
    opening = "<p>The council approved the harbour budget on Tuesday night. By Jane Doe</p>"
    result, _ = enriched('<meta name="author" content="Ada Lovelace">', opening + PARAGRAPH)
    assert result.byline == "Ada Lovelace"


def test_the_site_after_a_full_width_comma_in_the_byline_goes() -> None:
    # ITmedia: '<b>[</b>田中宏昌，<b>ITmedia]</b>' on www.itmedia.co.jp.
    body = f'<article><div id="byline"><b>[</b>田中宏昌，<b>ITmedia]</b></div>{PARAGRAPH}</article>'
    root = lxml.html.document_fromstring(f"<html><body>{body}</body></html>")
    metadata = collect_metadata(root, "https://www.itmedia.co.jp/pcuser/articles/1902/22/news089.html")
    assert enrich(root.find(".//article"), metadata).byline == "田中宏昌"


def test_a_post_s_h2_ends_the_declared_title_before_its_suffix() -> None:
    # GQ's blog: no <h1>; og:title and <title> run on with the blog's and the site's names.
    declared = "How To Pack Everything for Your 3-Day Weekend Trip: The GQ Eye: GQ on Style: GQ"
    head = f'<title>{declared}</title><meta property="og:title" content="{declared}">'
    post = '<h2 class="entry-title">How To Pack Everything for Your 3-Day Weekend Trip</h2>'
    assert title_of(f"<article>{post}{PARAGRAPH}</article>", head) == (
        "How To Pack Everything for Your 3-Day Weekend Trip"
    )


def test_a_post_s_h2_picks_the_headline_out_of_the_title() -> None:
    # gregoryszorc.com: no <h1>; the post's <h2> is the <title>'s second segment.
    head = "<title>Gregory Szorc's Digital Home\n | Mercurial's Journey to Python 3</title>"
    post = "<h2><a href='/blog/x'>Mercurial's Journey to Python 3</a></h2>"
    body = f"{post}{PARAGRAPH}<h2>Porting</h2>{PARAGRAPH}"
    assert title_of(f"<article>{body}</article>", head) == "Mercurial's Journey to Python 3"
