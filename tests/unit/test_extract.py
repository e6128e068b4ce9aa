"""Stage 4, extract: readability-lxml finds the article; what it is known to
drop from an article (short code samples, a list, quote or code block between
two kept parts) is kept, and what it rightly drops still goes."""

from __future__ import annotations

import html
import re

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml.html import builder

from sample_article import CITY_COUNCIL
from unwall import errors
from unwall.errors import UnwallError
from unwall.pipeline import run
from unwall.pipeline.extract import (
    _block_lines,
    drop_icon_files,
    drop_icon_glyphs,
    drop_pull_quotes,
    drop_repeated_blocks,
    drop_slide_leftovers,
    drop_stray_rules,
    extract_article,
    join_datelines,
    join_split_tables,
    join_step_numbers,
    mark_captioned_figures,
    rank_headings_below_title,
    read_glyph_pictures,
    remove_empty_elements,
)
from unwall.pipeline.parse import parse_html
from unwall.rules import load_rules

PARAGRAPHS = CITY_COUNCIL
INTRO = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2])
OUTRO = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:])
LIST_ITEMS = ["raise the tax on second homes by two points", "sell the old depot by the harbour"]
LIST_HTML = "<ul>" + "".join(f"<li>{item}</li>" for item in LIST_ITEMS) + "</ul>"
LINK_LIST = (
    "<ul>"
    + "".join(f"<li><a href='/story/{n}'>Another story number {n}</a></li>" for n in range(8))
    + "</ul>"
)


def nested_sections(between: str) -> str:
    """A Sphinx-like page: an opening paragraph, then `between`, then a nested
    section long enough to be readability's best block, so the opening
    paragraph comes in only as its sibling."""
    opening = f"<p>{PARAGRAPHS[0]}</p>"
    section = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:] * 3)
    return f"<div class='document'>{opening}{between}<div class='section'>{section}</div></div>"


def extracted_text(body: str) -> str:
    root = parse_html(f"<html><body>{body}</body></html>")
    return " ".join(extract_article(root).text_content().split())


def test_a_section_heading_named_as_a_header_stays() -> None:
    # ChannelPartner's headings: <h3 id="header_EL_subheadingN1006A">; a page header goes.
    sections = "".join(
        f"<h3 id='header_EL_subheadingN{n}'>Part {n}</h3><p>{paragraph}</p>"
        for n, paragraph in enumerate(PARAGRAPHS)
    )
    header = "<div class='header'><p>Home News Sport</p></div>"
    widget = "<h3 class='mrw-header'>Most Read Stories</h3>"  # a widget's, named for its box
    text = extracted_text(f"{header}<div class='story'>{sections}{widget}</div>")
    assert all(f"Part {n}" in text for n in range(len(PARAGRAPHS)))
    assert "Home News" not in text and "Most Read" not in text


def test_a_section_heading_in_boxes_of_its_own_stays() -> None:
    # Dropbox's blog (an AEM page): each section's <h2> in two boxes of its own,
    # too short a block for readability, between the boxes of the paragraphs.
    sections = "".join(
        f"<div class='section'><div class='article__section' id='part-{n}'><h2>Part {n}</h2></div></div>"
        f"<div class='text'><p>{paragraph}</p></div>"
        for n, paragraph in enumerate(PARAGRAPHS)
    )
    text = extracted_text(f"<div class='story'>{sections}</div>")
    assert all(f"Part {n}" in text for n in range(len(PARAGRAPHS)))


@pytest.mark.parametrize(
    ("short_list", "stays"),
    [
        # Mozilla's advisories: a term's value as a list of one short item.
        ("<dl><dt>Fixed in</dt><dd><ul><li>Firefox 124</li></ul></dd></dl>", True),
        # A recipe's tools (Albert Heijn's 'Dit heb je nodig').
        ("<h3>Tools</h3><ul><li>a blender</li></ul>", True),
        # A short list of links or controls is still readability's to judge.
        ("<ul><li><a href='/share'>Share</a></li></ul>", False),
        ("<ul><li><button>Print</button></li></ul>", False),
    ],
)
def test_a_short_list_of_words_stays(short_list: str, stays: bool) -> None:
    text = extracted_text(f"<div class='story'>{INTRO}{short_list}{OUTRO}</div>")
    item = lxml.html.fragment_fromstring(short_list, create_parent="div").find(".//li").text_content()
    assert (item in text) is stays


def test_a_recipe_card_s_heading_in_a_box_named_header_stays_without_its_buttons() -> None:
    # Tasty Recipes: 'Ingredients' and the scale buttons' label in div.…-ingredients-header.
    card = (
        "<div class='tasty-recipes-ingredients'><div class='tasty-recipes-ingredients-header'>"
        "<div><h3>Ingredients</h3></div><div><span class='scale-label'>Scale</span>"
        "<button>1x</button><button>2x</button></div></div>"
        f"<div class='tasty-recipes-ingredients-body'>{LIST_HTML}</div></div>"
    )
    page = f"<html><body><div class='story'>{INTRO}{card}{OUTRO}</div></body></html>"
    text = run(page, "https://recipes.example/shrimp").article.text
    assert "Ingredients" in text and all(item in text for item in LIST_ITEMS)
    assert "Scale" not in text


def test_a_recipe_card_s_heading_named_header_stays() -> None:
    # WP Recipe Maker: <h3 class="wprm-recipe-header …">Ingredients</h3> over the list.
    card = (
        "<div class='wprm-recipe-ingredients-container'>"
        "<h3 class='wprm-recipe-header wprm-recipe-ingredients-header'>Ingredients</h3>"
        f"<div class='wprm-recipe-ingredient-group'>{LIST_HTML}</div></div>"
    )
    text = extracted_text(f"<div class='story'>{INTRO}{card}{OUTRO}</div>")
    assert "Ingredients" in text and all(item in text for item in LIST_ITEMS)


@pytest.mark.parametrize(
    "widget",
    [
        f"<div class='mrw-header'><h2>Most Read Stories</h2></div>{LINK_LIST}",
        # The Seattle Times: the heading itself so named, between two paragraphs.
        f"<h2 class='mrw-header'>Most Read Business Stories</h2>{LINK_LIST}",
    ],
)
def test_a_widget_s_heading_named_header_over_links_does_not_come_back(widget: str) -> None:
    text = extracted_text(f"<div class='story'>{INTRO}{widget}{OUTRO}</div>")
    assert "Most Read" not in text and all(paragraph in text for paragraph in PARAGRAPHS)


def test_a_newsletter_s_linked_item_headings_stay() -> None:
    # cron.weekly: each item a heading linking to its source, its id spelling its
    # words ('…-com-en-docs': readability's 'com-' would weigh it down), over prose.
    items = "".join(
        f"<h2 id='item-{n}-of-the-week-https-www-example-com-en-docs'>"
        f"<a href='https://example.org/{n}'>Item {n} of the week</a></h2><p>{paragraph}</p>"
        for n, paragraph in enumerate(PARAGRAPHS)
    )
    orphan = "<h2><a href='https://example.org/more'>More stories</a></h2><ul><li>One</li></ul>"
    text = extracted_text(f"<div class='post'>{items}{orphan}</div>")
    assert all(f"Item {n} of the week" in text for n in range(len(PARAGRAPHS)))
    assert all(paragraph in text for paragraph in PARAGRAPHS)
    assert "More stories" not in text  # a linked heading over no prose is readability's to drop


@pytest.mark.parametrize(
    "between",
    [
        # The A.V. Club: a still awaiting its player, or the link left for the clip.
        "<div class='youtube'><div><img src='https://cdn.example/still.jpg'></div>"
        "<span class='caption'></span></div>",
        "<p class='unwall-embed'>YouTube video: <a href='https://www.youtube.com/watch?v=x'>link</a></p>",
        "<div class='onion-image'><div></div><span class='caption'></span></div>",
    ],
)
def test_a_linked_heading_over_a_picture_or_a_player_over_prose_stays(between: str) -> None:
    # '<h4>The ending, <a>Whiplash</a></h4>': each scene's heading links to the film's review.
    items = "".join(
        f"<h4>Scene {n}, <i><a href='/review/{n}'>Film {n}</a></i></h4>{between}<p>{paragraph}</p>"
        for n, paragraph in enumerate(PARAGRAPHS)
    )
    text = extracted_text(f"<div class='post'>{items}</div>")
    assert all(f"Scene {n}, Film {n}" in text for n in range(len(PARAGRAPHS)))


def test_quoted_posts_in_boxes_named_for_the_network_stay() -> None:
    # Deadline: 'div.embed-twitter' around each quoted tweet, its mentions, address and date linked.
    tweet = (
        "<div class='embed-twitter'><blockquote><p>Trump Airlines. Now there's a brand. "
        "<a href='https://twitter.com/someone'>@someone</a> <a href='https://t.co/x'>https://t.co/xdcgcjohW4</a></p>"
        "<p>— Brian J. Karem (@BrianKarem) <a href='https://twitter.com/b/status/1'>April 15, 2019</a></p>"
        "</blockquote></div>"
    )
    widget = "<div class='twitter-follow'><a href='https://twitter.com/council'>Follow us</a></div>"
    text = extracted_text(f"<div class='story'>{INTRO}{tweet}{OUTRO}{widget}</div>")
    assert "Now there's a brand" in text and "April 15, 2019" in text
    assert "Follow us" not in text


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        (
            '<p>Back to school.<span class="magnifier"><span class="icon icon-white">S</span></span></p>',
            "Back to school.",
        ),
        ('<p><a href="/next">Next story <i class="material-icons">arrow_forward</i></a></p>', "Next story"),
        ('<p><i class="fa fa-twitter"></i>Follow the council</p>', "Follow the council"),
        # A word in a class named 'icon' that is no icon font's ligature stays.
        ('<p><a class="icon" href="/r.pdf">download</a> the report</p>', "download the report"),
        ('<p>Plan <span class="icon">A or B</span></p>', "Plan A or B"),
    ],
)
def test_icon_font_glyphs_are_no_text(markup: str, text: str) -> None:
    content = lxml.html.fragment_fromstring(f"<div>{markup}</div>")
    drop_icon_glyphs(content, load_rules().icon_classes)
    assert " ".join(content.text_content().split()) == text


@pytest.mark.parametrize(
    ("markup", "text", "pictures"),
    [
        # SPIP's bullet before each line of a list written as paragraphs.
        (
            '<p><img src="puce.gif" width="8" height="11" class="puce" alt="-">&nbsp;Join the strike</p>',
            "-\xa0Join the strike",
            0,
        ),
        # WordPress's emoji script draws each emoji as an SVG with no size.
        ('<p>Done <img class="emoji" role="img" alt="🎉" src="1f389.svg"> at last</p>', "Done 🎉 at last", 0),
        ('<p>Thanks <img class="wp-smiley" alt=":-)" src="icon_smile.gif"></p>', "Thanks :-)", 0),
        # A small picture without a text alternative is decoration.
        ('<p><a href="/r.pdf">The report<img src="ext.png" width="12" height="12"></a></p>', "The report", 0),
        # Described in words, or declared larger than a line of text: a picture.
        ('<p>Get the <img src="pdf.png" width="16" height="16" alt="PDF"> file</p>', "Get the file", 1),
        ('<p><img src="chart.png" width="600" height="11" alt="-"> Sales</p>', "Sales", 1),
        ('<p><img src="photo.jpg" alt=""> A photo</p>', "A photo", 1),
    ],
)
def test_pictures_of_a_character_read_as_it(markup: str, text: str, pictures: int) -> None:
    content = lxml.html.fragment_fromstring(f"<div>{markup}</div>")
    read_glyph_pictures(content, load_rules().glyph_picture_classes)
    assert re.sub(" +", " ", content.text_content()).strip() == text
    assert len(content.findall(".//img")) == pictures


@pytest.mark.parametrize(
    ("markup", "text", "pictures"),
    [
        # ADAC: a magnifier in the link to the larger photo; an icon over a box of tips.
        (
            '<p><a href="/big.jpg"><img src="https://adac.example/assets/img/icons/icon-zoom-in.svg" '
            'alt="Zoom-In"> <img src="https://adac.example/media/seat-720x540.jpg" alt="Der Sitz"></a></p>',
            "",
            ["https://adac.example/media/seat-720x540.jpg"],
        ),
        (
            '<div><img src="/media/icons-box/icon-tipp.svg?mh=24" alt="Tipp Icon"><h3>Tipps</h3></div>',
            "Tipps",
            [],
        ),
        # Alone in a link, the icon says where it goes: its words stay.
        ('<p><a href="/report.pdf"><img src="/static/icons/pdf.svg" alt="PDF"></a></p>', "PDF", []),
        # A drawing that is no icon, or an icon's name on a photo's file, stays.
        ('<p><img src="/media/diagrams/flow.svg" alt="Flow"></p>', "", ["/media/diagrams/flow.svg"]),
        ('<p><img src="/media/icons/harbour.jpg" alt=""></p>', "", ["/media/icons/harbour.jpg"]),
        ('<p><img src="/media/lexicon-cover.svg" alt=""></p>', "", ["/media/lexicon-cover.svg"]),
    ],
)
def test_an_icon_s_file_is_no_picture_of_the_article(markup: str, text: str, pictures: list[str]) -> None:
    content = lxml.html.fragment_fromstring(f"<div>{markup}</div>")
    drop_icon_files(content)
    assert " ".join(content.text_content().split()) == text
    assert [img.get("src") for img in content.iter("img")] == pictures


def figures_of(markup: str) -> list[tuple[str, str]]:
    """(the figure's image, its caption) for each figure after marking."""
    content = lxml.html.fragment_fromstring(f"<div>{markup}</div>")
    mark_captioned_figures(content, load_rules().caption_classes)
    return [
        (figure.find(".//img").get("src"), " ".join(figure.find("figcaption").text_content().split()))
        for figure in content.iter("figure")
    ]


@pytest.mark.parametrize(
    ("markup", "caption"),
    [
        # Slate.fr: the caption repeats the image's description, set apart by dashes.
        (
            '<div id="article_img"><img src="t.jpg" alt="Tapie en 2008. REUTERS/Benoit Tessier">'
            "<p>- Tapie en 2008. REUTERS/Benoit Tessier -</p></div>",
            "Tapie en 2008. REUTERS/Benoit Tessier",
        ),
        # WordPress's caption shortcode: the caption is named as one.
        (
            '<div class="wp-caption alignnone"><a href="/big.jpg"><img src="t.jpg" alt="IMG_2041"></a>'
            '<p class="wp-caption-text">Der Hafen von Hamburg am Morgen</p></div>',
            "Der Hafen von Hamburg am Morgen",
        ),
        (
            '<p><img src="t.jpg"><span class="legende">Le port de Marseille, à l’aube.</span></p>',
            "Le port de Marseille, à l’aube.",
        ),
        # The Grayzone: the caption opens with a line break.
        (
            '<div><a href="/big.jpg"><img src="t.jpg" alt="pompeo assange adelson"></a>'
            '<p class="caption"><br><span>(L-R) Mike Pompeo, Julian Assange</span><br></p></div>',
            "(L-R) Mike Pompeo, Julian Assange",
        ),
        # 8 Sidor: the image alone in its box, the caption named as one right after it.
        (
            '<div class="img-zoom-container"><img src="t.jpg" alt="Männen på isen"></div>'
            '<p class="image-text">En bild från luften. Foto: Finska Gränsbevakningsväsendet</p>',
            "En bild från luften. Foto: Finska Gränsbevakningsväsendet",
        ),
        # NetEase: a short line centred under the picture, the text left-aligned after it.
        (
            '<p class="f_center"><img src="t.jpg"></p>'
            '<p style="text-align: center; ">姚明场边支招周琦。视频截图</p>'
            "<p>新京报讯2019年篮球世界杯17-32名排位赛，中国男篮以77比73战胜韩国队。</p>",
            "姚明场边支招周琦。视频截图",
        ),
        # The Paper: a short grey line under the picture, a line break, then the text.
        (
            '<div style="text-align:center;"><img src="t.jpg" width="600" height="400" alt=""></div>'
            '<span style="color: rgb(128, 128, 128);">共享充电宝。视觉中国 资料</span><br>'
            "“以前花一两元就能充满电，前几天一下子被扣了12元。”",
            "共享充电宝。视觉中国 资料",
        ),
        (
            '<p><img src="t.jpg"></p><p><span style="color:#999">Le port au petit matin.</span></p>'
            f"<p>{CITY_COUNCIL[0]}</p>",
            "Le port au petit matin.",
        ),
        # Business Insider: the credit and the caption, each named, under the picture.
        (
            '<div class="image on-image"><img src="t.jpg" alt="early google employees">'
            '<p class="source"><span>Early Googler</span></p><p class="caption">Google, 1999</p></div>',
            "Early Googler Google, 1999",
        ),
        # The Washington Post: an anchor marks the photo's place; readability wraps
        # the named caption in a paragraph of its own.
        (
            '<div class="inline-photo"><a name="1c164a70"></a><img src="t.jpg"><br>'
            '<p><span class="pb-caption">Netanyahu at the Western Wall. (Thomas Coex/AFP)</span></p></div>',
            "Netanyahu at the Western Wall. (Thomas Coex/AFP)",
        ),
        # Daily Star: microdata's image address beside the picture shows nothing.
        (
            '<section class="photo main_photo"><p><img src="t.jpg" alt="Woman with Ebola transported">'
            '<meta itemprop="image" content="t.jpg"><span class="caption">TREATMENT: Pauline Cafferkey '
            "has been named [GETTY]</span></p></section>",
            "TREATMENT: Pauline Cafferkey has been named [GETTY]",
        ),
        # NDR: the image in boxes of its own (a link, a div), its named caption beside them.
        (
            '<div class="contentimage"><a href="/big.jpg"><div class="image-container">'
            '<img src="t.jpg"></div></a>'
            '<p><span class="caption">Keine schwarze Trauerkleidung.</span></p></div>',
            "Keine schwarze Trauerkleidung.",
        ),
        # Stanford Medicine: the caption's paragraph in two boxes of its own, beside the picture's.
        (
            '<div class="sm-image"><div class="image"><img src="t.jpg" alt="smart toilet graphic"></div>'
            '<div class="caption-container"><div class="caption"><p>The toilet sends data to the cloud.<br>\n'
            "<i>James Strommer</i></p></div></div></div>",
            "The toilet sends data to the cloud. James Strommer",
        ),
        # ExtremeTech: the caption's line is two spans, the second named a credit.
        (
            '<div class="eloquent-imagery-image"><div class="flex"><img src="t.jpg" alt="Windows 1o EOL">'
            '</div><div class="mt-2 subtitle-2"><span class="normal-case">Windows 10 has hundreds of '
            'millions of users still. </span><span class="credit">Credit: Microsoft</span></div></div>',
            "Windows 10 has hundreds of millions of users still. Credit: Microsoft",
        ),
        # The Press-Enterprise: the picture's boxes, then a box of its named lines.
        (
            '<div class="gallery"><div class="gTop"><h3>Perris</h3></div>'
            '<div class="gContent"><div><img src="t.jpg"></div></div><div class="gBottom"><div>'
            '<p class="cutline">Judy Avalos, 20, was charged.</p><p class="credit">SHERIFF\'S DEPT.</p>'
            "</div></div></div>",
            "Judy Avalos, 20, was charged. SHERIFF'S DEPT.",
        ),
        # NPR's lightbox: a <picture> of several files, then its caption's box.
        (
            '<div class="enlarge_measure"><div class="img_wrap"><picture><source srcset="t.webp" '
            'type="image/webp"/><img src="t.jpg"></picture></div></div><div class="enlarge_html"><div>'
            '<p class="caption">Three strands of lightbulbs.</p>'
            '<p><span class="credit">Aaron Scott/NPR</span></p></div></div>',
            "Three strands of lightbulbs. Aaron Scott/NPR",
        ),
    ],
)
def test_an_image_and_its_caption_in_one_box_are_a_figure(markup: str, caption: str) -> None:
    assert figures_of(markup) == [("t.jpg", caption)]
    content = lxml.html.fragment_fromstring(f"<div>{markup}</div>")
    mark_captioned_figures(content, load_rules().caption_classes)
    assert all(node.tag != "br" for node in content.iter("figcaption") for node in (node[:1] + node[-1:]))


NPR_CAPTION = "Buses pass under the Oxford Street light display in London, England."
NPR_LIGHTBOX = (
    '<div class="enlarge_measure"><picture><source srcset="t.webp"/><img src="t.jpg"></picture></div>'
    f'<div class="enlarge_html"><div><p class="caption">{NPR_CAPTION}</p>'
    '<p><span class="credit">Chris Jackson/Getty Images</span></p></div></div>'
)


@pytest.mark.parametrize(
    ("before", "kept"),
    [
        # NPR: the caption under the picture, with its buttons, then the credit alone.
        (
            f'<div class="credit-caption"><div class="caption"><p>{NPR_CAPTION} <b class="credit">Chris '
            'Jackson/Getty Images</b> <b class="hide-caption"><b>hide caption</b></b></p></div>'
            '<p><b class="toggle-caption"><b>toggle caption</b></b></p>'
            '<p><span class="credit">Chris Jackson/Getty Images</span></p></div>',
            False,
        ),
        # A line of the article that shares a few of the caption's words.
        ("<p>London, England.</p>", True),
        # A paragraph that says more than the caption.
        (f"<p>{NPR_CAPTION} The council paid for the lights this year.</p>", True),
    ],
)
def test_a_caption_said_again_beside_its_figure_goes(before: str, kept: bool) -> None:
    content = lxml.html.fragment_fromstring(f'<div><div class="bucket">{before}{NPR_LIGHTBOX}</div></div>')
    mark_captioned_figures(content, load_rules().caption_classes)
    before_text = " ".join(lxml.html.fragment_fromstring(before).text_content().split())
    assert (before_text in " ".join(content.text_content().split())) is kept
    assert [figure.find(".//figcaption") is not None for figure in content.iter("figure")] == [True]


def test_a_captioned_picture_opening_a_paragraph_is_a_figure_before_it() -> None:
    # Business Insider's older layout: the picture, its credit and its caption
    # in spans, inside the paragraph they open.
    content = lxml.html.fragment_fromstring(
        '<div><p><em><strong><span class="image-container"><span><span class="image">'
        '<img src="t.jpg" alt="Su-24"><span class="source">Shamil Zhumatov/REUTERS</span>'
        '<span class="caption">A Su-24 drops flares</span></span><p></p></span></span>'
        "The UK may review its Falklands defenses.</strong></em></p></div>"
    )
    mark_captioned_figures(content, load_rules().caption_classes)
    assert [child.tag for child in content] == ["figure", "p"]
    figure, paragraph = content
    assert " ".join(figure.findtext("figcaption/span[2]").split()) == "A Su-24 drops flares"
    assert paragraph.text_content() == "The UK may review its Falklands defenses."
    assert paragraph.find(".//span") is None


def test_a_captioned_picture_within_a_sentence_stays_in_it() -> None:
    markup = (
        '<p>The jet <span class="image"><img src="t.jpg"><span class="source">Reuters</span>'
        '<span class="caption">A Su-24</span></span> drops flares.</p>'
    )
    assert figures_of(markup) == []


def test_a_paragraph_beside_an_image_s_own_boxes_is_no_caption_unless_named_so() -> None:
    markup = (
        '<div><a href="/big.jpg"><div class="image-container"><img src="t.jpg"></div></a>'
        "<p>The council met on Tuesday.</p></div>"
    )
    assert figures_of(markup) == []


@pytest.mark.parametrize(
    "markup",
    [
        # A paragraph of the article beside an image it does not describe.
        f'<div><img src="t.jpg" alt="The harbour"><p>{CITY_COUNCIL[0]}</p></div>',
        # A teaser box: its text has headings and a paragraph of its own.
        '<div><a href="/other"><img src="t.jpg" alt="Chemische Verbindungen"></a><div class="caption">'
        "<h3>Archiv</h3><h2>Chemische Verbindungen</h2><p>Die Natur ist aus Elementen aufgebaut.</p>"
        "</div></div>",
        # More than one text beside the image, not all named captions.
        '<div><img src="t.jpg" alt="The harbour at dawn"><p>The harbour at dawn</p><p>Another.</p></div>',
        f'<div><img src="t.jpg"><p class="caption">The harbour at dawn</p><p>{CITY_COUNCIL[0]}</p></div>',
        # After the image's box, a paragraph not named as a caption.
        f'<div><img src="t.jpg" alt="The harbour"></div><p>{CITY_COUNCIL[0]}</p>',
        # After the image's boxes, a box of lines not all named as a caption.
        '<div><div class="photo"><div><img src="t.jpg"></div></div><div><div>'
        f'<p>{CITY_COUNCIL[0]}</p><p class="credit">Reuters</p></div></div></div>',
        # Dark grey or black text under a picture is prose.
        f'<p><img src="t.jpg"></p><p style="color:#333">{CITY_COUNCIL[0][:80]}</p>',
        # A page that centres its prose: the line under the picture is a line of it.
        '<p style="text-align:center"><img src="t.jpg"></p>'
        '<p style="text-align:center">楓紅時期楓香樹由綠轉黃</p>'
        '<p style="text-align:center">葉落繽紛顯得幾分蕭瑟氣息</p>',
    ],
)
def test_an_image_beside_text_that_is_no_caption_stays_as_it_is(markup: str) -> None:
    assert figures_of(markup) == []


def test_an_opening_whose_paragraphs_each_have_a_wrapper_is_kept() -> None:
    # The Telegraph: the first paragraphs each in their own <div>, a related
    # box, then the rest of the story in one block, which readability picks.
    opening = "".join(
        f"<div class='par{n}'><p>{paragraph}</p></div>" for n, paragraph in enumerate(PARAGRAPHS[:2])
    )
    related = f"<div class='related_links_inline'>{LINK_LIST}</div>"
    rest = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS[2:] * 2)
    text = extracted_text(f"<div id='mainBodyArea'>{opening}{related}<div class='body'>{rest}</div></div>")
    assert text.startswith(PARAGRAPHS[0])
    assert PARAGRAPHS[1] in text and "Another story number" not in text


def test_a_short_code_sample_in_wrapper_blocks_is_kept() -> None:
    code = (
        "<div class='highlight-python'><div class='highlight'><pre>[extensions]\nevolve =\n</pre></div></div>"
    )
    text = extracted_text(f"<div>{INTRO}{code}{OUTRO}</div>")
    assert "[extensions] evolve =" in text


@pytest.mark.parametrize(
    "between",
    [
        f"<blockquote><div>{LIST_HTML}</div></blockquote>",
        LIST_HTML,
        "<pre>$ hg clone public test-repo</pre>",
        f"<h2>What the plan costs</h2>{LIST_HTML}",
    ],
)
def test_what_sits_between_two_kept_parts_of_the_article_is_kept(between: str) -> None:
    text = extracted_text(nested_sections(between))
    expected = " ".join(parse_html(between).text_content().split())
    assert PARAGRAPHS[0] in text
    assert expected in text
    assert text.index(PARAGRAPHS[0]) < text.index(expected) < text.index(PARAGRAPHS[1])


def test_a_link_list_between_two_kept_parts_is_not_restored() -> None:
    text = extracted_text(nested_sections(f"<h2>More stories</h2>{LINK_LIST}<p>{PARAGRAPHS[3]}</p>"))
    assert PARAGRAPHS[0] in text
    assert "Another story" not in text
    assert "More stories" not in text  # a heading is kept only with what follows it


def test_a_gallery_bigger_than_the_article_between_its_parts_is_not_restored() -> None:
    captions = "".join(f"<li>{p} Picture {n} of the week.</li>" for n, p in enumerate(PARAGRAPHS * 4))
    text = extracted_text(nested_sections(f"<ul>{captions}</ul>"))
    assert PARAGRAPHS[0] in text
    assert "Picture 3 of the week" not in text


def test_a_code_block_named_like_a_sidebar_still_goes() -> None:
    code = "<div class='sidebar'><pre>x = 1</pre></div>"
    text = extracted_text(f"<div>{INTRO}{code}{OUTRO}</div>")
    assert "x = 1" not in text


def test_a_list_of_short_paragraphs_in_the_article_is_kept() -> None:
    # A caption written as a one-item list after a photo; readability alone
    # drops it, as it drops every list whose items hold short <p>s.
    caption = "Hori Parata at his farm, the place where he was born and grew up"
    figure = "<figure><img src='https://example.org/parata.jpg' alt=''></figure>"
    text = extracted_text(f"<article>{INTRO}{figure}<ul><li><p>{caption}</p></li></ul>{OUTRO}</article>")
    assert caption in text


def test_a_list_named_like_a_widget_still_goes() -> None:
    items = "".join(f"<li><p>{item}</p></li>" for item in LIST_ITEMS)
    text = extracted_text(f"<article>{INTRO}<ul class='sidebar-widget'>{items}</ul>{OUTRO}</article>")
    assert LIST_ITEMS[0] not in text


def test_the_opening_paragraphs_outside_a_read_more_box_are_kept() -> None:
    # The first paragraph sits beside the box that a "Read more" button unfolds.
    opening = f"<p>{PARAGRAPHS[0]}</p>"
    rest = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:] * 3)
    box = f"<div id='read-more'><div class='ad-slot'></div><div id='read-more-content'>{rest}</div></div>"
    text = extracted_text(f"<div class='story-body'>{opening}<div class='promo'></div>{box}</div>")
    assert text.startswith(PARAGRAPHS[0])


def test_paragraphs_beside_a_block_that_holds_more_than_the_article_stay_out() -> None:
    rest = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:] * 3)
    aside = "A longer note about the newsletter, the podcast and the events of the paper this week and next."
    box = f"<div><h3>{aside} {aside}</h3><div>{rest}</div></div>"
    text = extracted_text(f"<div>{box}<p>{aside}</p></div>")
    assert text.count(aside) == 0


def test_a_long_table_that_wins_keeps_its_rows_and_the_text_around_it() -> None:
    # A list article: readability scores each <td>, so the table's body wins.
    rows = "".join(
        f"<tr><td>Film number {n}</td><td>{1990 + n}</td><td>{PARAGRAPHS[n % len(PARAGRAPHS)]}</td></tr>"
        for n in range(40)
    )
    intro = "This list of films features time loops, in which characters live the same day again and again."
    page = f"<div class='content'><p>{intro}</p><table><tbody>{rows}</tbody></table></div>"
    root = parse_html(f"<html><body>{page}</body></html>")
    content = extract_article(root)
    assert len(content.findall(".//table/tbody/tr")) == 40
    assert intro in " ".join(content.text_content().split())


def test_a_bug_in_extraction_is_not_answered_as_a_page_without_article(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # readability turns every exception into "Unparseable"; a TypeError of ours
    # must surface as an error, never as a 422 no_article.
    from unwall.pipeline import extract

    def broken(*_: object) -> None:
        raise TypeError("a bug")

    monkeypatch.setattr(extract._TreeDocument, "score_paragraphs", broken)
    with pytest.raises(TypeError):
        extracted_text(f"<article>{INTRO}{OUTRO}</article>")


def test_the_photo_and_caption_beside_each_step_come_along_with_it() -> None:
    # A how-to: each step a text block with its photo and caption beside it;
    # readability merges the steps' text blocks and used to leave the photos.
    steps = "".join(
        f"<div class='step'><div class='content'><span>Step {n}</span><p>{paragraph}</p></div>"
        f"<figure><img src='https://example.org/step-{n}.jpg' alt=''></figure>"
        f"<figcaption>Photo of step {n}</figcaption></div>"
        for n, paragraph in enumerate(PARAGRAPHS * 2, start=1)
    )
    root = parse_html(f"<html><body><article>{steps}</article></body></html>")
    content = extract_article(root)
    text = " ".join(content.text_content().split())
    assert all(f"Photo of step {n}" in text for n in range(1, 2 * len(PARAGRAPHS) + 1))
    assert len(content.findall(".//img")) == 2 * len(PARAGRAPHS)


def test_a_link_named_like_a_popup_keeps_its_words_in_the_sentence() -> None:
    # A glossary page: every annotated phrase is a link with class="popup".
    sentence = (
        "I am a <a class='popup' href='#'>rather elderly</a> man, and my avocations have brought me "
        "into more than ordinary contact with what would seem an interesting and singular set of men."
    )
    text = extracted_text(f"<article>{INTRO}<p>{sentence}</p>{OUTRO}</article>")
    assert "I am a rather elderly man" in text


def test_a_heading_that_links_back_to_the_contents_is_kept() -> None:
    # Sphinx and MediaWiki headings are links to the table of contents, with a permalink.
    heading = "<h2><a href='#toc-3'>Setting up</a><a href='#setting-up'>¶</a></h2>"
    text = extracted_text(f"<article>{INTRO}{heading}{OUTRO}</article>")
    assert "Setting up" in text


def test_a_sibling_paragraph_that_opens_with_markup_is_judged_on_all_its_text() -> None:
    # readability read "Using Mercurial with " and nothing after the <tt>.
    paragraph = (
        "Using Mercurial with <tt>evolve</tt> to share mutable history solves these problems, "
        "and you can commit whenever the code is better."
    )
    body = f"<p>{PARAGRAPHS[0]}</p><p>{paragraph}</p><div class='section'>" + OUTRO * 3 + "</div>"
    text = extracted_text(f"<div class='document'>{body}</div>")
    assert "Using Mercurial with evolve to share" in text


def test_a_paragraph_holding_the_headline_is_not_restored_as_one() -> None:
    # readability turns the headline's <div> into a <p>: it holds no <p> of its own.
    header = (
        "<div class='headline'><h2>Lupita Nyong'o</h2>"
        "<h4>Her $150K Pearl Oscar Dress, made of 6,000 Akoya pearls, was STOLEN from her room</h4></div>"
        "<h5>2/26/2015 7:11 AM PST BY TMZ STAFF</h5>"
    )
    body = f"{header}<div class='content'><p>{PARAGRAPHS[0]}</p>" + OUTRO * 3 + "</div>"
    text = extracted_text(f"<div class='post'>{body}</div>")
    assert "Pearl Oscar Dress" not in text


def test_every_section_of_a_story_split_by_rules_is_kept() -> None:
    # Medium: each part of the story is a <section> whose paragraphs sit two
    # wrappers deep, and the parts are separated by <hr>s.
    def section(paragraphs: list[str]) -> str:
        inner = "".join(f"<p>{p}</p>" for p in paragraphs)
        return f"<section class='ef eg'><div class='n p'><div class='z ab'>{inner}</div></div></section>"

    opening = "Samantha's points are fairly clear, and I assume you read them, for you are smart people."
    closing = "That, readers, is the big lie, and it is one we should stop telling each other."
    parts = [section([opening]), section(PARAGRAPHS * 3), section([closing, PARAGRAPHS[0]])]
    text = extracted_text("<article><div>" + "<hr>".join(parts) + "</div></article>")
    assert opening in text and closing in text and PARAGRAPHS[1] in text
    assert text.index(opening) < text.index(PARAGRAPHS[1]) < text.index(closing)


@pytest.mark.parametrize(
    "section",
    [
        # Condé Nast Traveler: one <section> per shop, its name an <h2>, its
        # text a box and its picture another.
        "<section>{heading}{text}{picture}</section>",
        # Glam (Static Media): one box per look, named alike, its heading, its
        # picture and credit, then its text.
        "<div class='news-article  '>{heading}{picture}{text}</div>",
    ],
)
def test_each_headed_section_of_a_guide_keeps_its_heading_and_picture(section: str) -> None:
    shops = ["Topolina", "Magasin General", "Scenes de Lin", "Anitan"]
    texts = [f"{PARAGRAPHS[n % len(PARAGRAPHS)]} {PARAGRAPHS[(n + 1) % len(PARAGRAPHS)]}" for n in range(4)]
    sections = "".join(
        section.format(
            heading=f"<h2>{shop}</h2>",
            text=f"<div class='slide-content'><p>{text}</p></div>",
            picture=f"<div class='image-wrapper'><img src='https://img.example/{n}.jpg' alt=''></div>",
        )
        for n, (shop, text) in enumerate(zip(shops, texts, strict=True))
    )
    dek = "Still, if you have limited time, these are the places to go in the old town."
    article = f"<article><h1>Shopping</h1><div class='dek'><p>{dek}</p></div>{sections}</article>"
    root = parse_html(f"<html><body>{article}</body></html>")
    content = extract_article(root)
    text = " ".join(content.text_content().split())
    assert [h2.text_content() for h2 in content.iter("h2")] == shops
    assert len(content.findall(".//img")) == len(shops)
    assert text.startswith(dek) and text.index("Topolina") < text.index("Anitan")


def test_a_short_block_named_body_yields_to_the_box_around_it_that_holds_the_text() -> None:
    # Beltz: a book's page; its facts in div.panel-body (+25 for 'body') inside
    # the box that holds the book's description.
    description = (
        "Wie werden Ihre Eltern am besten versorgt, wenn sie nicht mehr alleine leben können? Dieser "
        "ehrliche Ratgeber hilft, die richtige Entscheidung zu treffen. Der Autor hat sich zwölf "
        "Pflegemodelle angeschaut, mit alten Menschen, ihren Angehörigen und dem Pflegepersonal gesprochen."
    )
    facts = "".join(
        f"<p>{fact}</p>"
        for fact in [
            "Erste Auflage, erschienen 2019",
            "Bindeart: Klappenbroschur, fadengeheftet",
            "Format: 13,7 cm, 320 S.",
        ]
    )
    text = extracted_text(
        f"<div class='col'><div class='whitebox'><h1>Zwölf Wege</h1><p>{description}</p><p>{description}</p>"
        f"<div class='accordion'><div class='panel'><div class='panel-body'>{facts}</div></div></div>"
        "</div></div>"
        "<div class='sidebar'><p>Haben Sie noch Fragen? Schreiben Sie uns.</p></div>"
    )
    assert description in text and "Klappenbroschur" in text and "Haben Sie" not in text


def test_short_stretches_named_like_the_best_block_join_it_with_the_pictures_between() -> None:
    # Squarespace: each stretch of text its own div.sqs-block.html-block, each
    # picture a div.image-block (its <noscript> copy read as text by libxml2).
    def text_block(*paragraphs: str, name: str = "sqs-block html-block") -> str:
        inner = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
        return f"<div class='{name}'><div class='sqs-block-content'>{inner}</div></div>"

    def picture(n: int) -> str:
        source = f"https://img.example/{n}.jpg"
        return (
            f"<div class='sqs-block image-block'><div><noscript><img src='{source}'></noscript>"
            f"<img src='{source}' alt=''></div></div>"
        )

    short = [
        "Montauk, they say, is the end of the world, and it feels like it.",
        "The beach is wild, the surf is loud, and nobody sells sunbeds.",
        "Then we ate lobster rolls at the harbour, as everybody does.",
    ]
    blocks = [text_block(short[0]), picture(1), text_block(short[1]), picture(2), text_block(*PARAGRAPHS)]
    spaced_otherwise = text_block(short[2], name=" sqs-block  html-block")
    blocks += [picture(3), spaced_otherwise, picture(4), text_block(*PARAGRAPHS)]
    content = extract_article(
        parse_html(f"<html><body><div class='col'>{''.join(blocks)}</div></body></html>")
    )
    text = " ".join(content.text_content().split())
    assert all(line in text for line in short)
    assert len(content.findall(".//img")) == 4


@pytest.mark.parametrize("spacing", ["grid-outer", " grid-outer  "])
def test_stretches_set_deeper_than_readability_scores_in_boxes_named_alike_join(spacing: str) -> None:
    # Tennis.com: the story's header, then each stretch of its text between
    # the ads in a box of boxes, all named alike; templates often space the
    # same class attribute differently from one box to the next.
    def box(inner: str, name: str = "grid-outer") -> str:
        return f"<div class='{name}'><div class='grid-inner'><div class='col'>{inner}</div></div></div>"

    def stretch(*paragraphs: str, name: str = "grid-outer") -> str:
        return box("<div class='body-part'>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div>", name)

    advert = box("<section class='adv-row'><h2>Advertising</h2><div class='adv-block'></div></section>")
    header = (
        "<div class='col-12 body-parts-center'><h1>The council's budget</h1><div class='deck'>"
        f"<p>{PARAGRAPHS[0]}, {PARAGRAPHS[1]}</p></div></div>"
    )
    body = (
        header
        + stretch(*PARAGRAPHS[:2])
        + advert
        + stretch(PARAGRAPHS[2], name=spacing)
        + advert
        + stretch(*PARAGRAPHS[2:])
    )
    text = extracted_text(f"<article>{body}</article>")
    assert text.count(PARAGRAPHS[2]) == 2 and "Advertising" not in text


def test_an_article_element_holding_its_text_in_runs_parted_by_breaks_is_read() -> None:
    # RBB TODAY: the story's text loose in article.arti-body, parted by <br><br>,
    # beside teasers that are <article>s too; unwrapped, a teaser won.
    teaser = (
        "<a class='link' href='/article/2.html'><article class='feature'><img src='/t.jpg'>"
        "<p>Another story, about projectors, screens, speakers, cables, remotes, lamps, and a sofa, "
        "told at length, with many commas, so that it scores, as a teaser may, well above nothing</p>"
        "</article></a>"
    )
    story = "<br><br>".join(PARAGRAPHS)
    text = extracted_text(f"<main>{teaser}<article class='body'>{story}</article></main>")
    assert all(paragraph in text for paragraph in PARAGRAPHS) and "Another story" not in text


def test_a_photo_in_its_wrapper_between_two_kept_parts_is_kept() -> None:
    caption = "In the late 1800s, overhead utilities were buried to lessen the exposure to winter weather."
    photo = (
        "<div class='photoviewer-wrapper'><div><span>Image</span>"
        "<figure><img src='https://example.org/q.jpg' alt=''>"
        f"<figcaption>{caption}</figcaption></figure></div></div>"
    )
    text = extracted_text(nested_sections(photo))
    assert caption in text


@pytest.mark.parametrize("shell", ["<em> </em>", "<span>\n</span>", "<a href='/x'> </a>", "<b><i> </i></b>"])
def test_an_empty_inline_shell_between_two_words_leaves_them_apart(shell: str) -> None:
    sentence = f"Critics called the plan misguided{shell}policy advocacy from the start."
    body = f"<article><p>{PARAGRAPHS[0]}</p><p>{sentence}</p>{OUTRO}</article>"
    assert "misguided policy advocacy" in extracted_text(body)


def test_readability_leaves_the_page_tree_as_it_was_on_a_retry_pass_too() -> None:
    """The declared article container is read from the page's tree after
    readability is done, so neither pass may change that tree. Here the first,
    ruthless pass drops the only text (its box is named like a comment) and
    readability retries."""
    from lxml import html

    from unwall.pipeline.extract import _TreeDocument

    body = "<div class='comment-like'><div><p>" + "</p><p>".join(PARAGRAPHS) + "</p></div></div>"
    root = parse_html(f"<html><body>{body}<script>var x = 1;</script></body></html>")
    before = html.tostring(root)
    document = _TreeDocument(root, None)
    document.summary(html_partial=True)
    assert document._passes == 2
    assert html.tostring(root) == before


def test_readabilitys_choice_counts_as_inside_the_container_piece_by_piece() -> None:
    """readability can set a heading and a line side by side that the page had
    apart (a date between them): the choice still lies inside the container."""
    from lxml import html

    from unwall.pipeline.extract import lies_within

    choice = html.fromstring("<div><h2>The perfect steak</h2><p>Tested in the garden</p></div>")
    assert lies_within(choice, "The perfect steak 19.03.2019 | by Inga Buller Tested in the garden and more")
    assert not lies_within(choice, "Something else entirely, from the sidebar")


def test_an_article_of_text_and_line_breaks_is_found_by_its_container() -> None:
    """No paragraph to score: readability falls back to the whole page, which
    is too long to be a reader view; the page's one article container is it."""
    article = "<br><br>".join(PARAGRAPHS * 3)
    archive = "".join(
        f"<li><a href='/archive/{n}'>The council's budget, part {n}</a></li>" for n in range(60)
    )
    body = f"<article><section class='body'>{article}</section></article><ul>{archive}</ul>"
    text = extracted_text(body)
    assert PARAGRAPHS[0] in text and PARAGRAPHS[3] in text
    assert len(text) < 2 * len(" ".join(PARAGRAPHS * 3))


@pytest.mark.parametrize(
    "ending",
    [
        "<h2>External links</h2>",
        "<p><strong>Editors’ Recommendations:</strong></p>",
        "<h3>Related</h3><p>Empfehlungen von Tomislav:</p>",
        # The label of related links that went, naming their topic.
        "<p><strong><em>Mehr zu Konny Reimann und seiner Familie:</em></strong></p>",
        # Labels set in bold above link lists that went, one above the other.
        "<p><strong>Werbung:</strong></p><p><strong>Siehe auch:</strong></p><p><strong>Weblinks</strong></p>",
        # A blog post's hashtags, its tags line.
        "<p>#우유,#인류,#고인류학,#키,#체중</p>",
        '<div><a href="/t/harbour">#harbour</a> <a href="/t/ferries">#ferries</a></div>',
    ],
)
def test_a_heading_or_label_left_at_the_end_announces_what_was_removed(ending: str) -> None:
    text = extracted_text(f"<article>{INTRO}{OUTRO}{ending}</article>")
    assert text.endswith(PARAGRAPHS[-1])


@pytest.mark.parametrize(
    ("ending", "kept"),
    [
        # A sentence that ends on a colon is no label.
        (
            "<p>To see the council at work, check out the footage of the whole meeting below:</p>",
            "check out the footage of the whole meeting below:",
        ),
        # A closing line set in bold is said, not announced.
        ("<p><strong>Guten Appetit!</strong></p>", "Guten Appetit!"),
        ("<p><strong>【版权所有，未经授权不得转载】</strong></p>", "【版权所有，未经授权不得转载】"),
        ("<p>Thanks to <strong>Jane</strong></p>", "Thanks to Jane"),
        # Numbers, and a sentence with a hashtag.
        ("<p>#1 #2</p>", "#1 #2"),
        ("<p>Follow the vote with #harbour and #ferries</p>", "Follow the vote with #harbour and #ferries"),
        # Something shown comes after the heading.
        (
            "<h2>Gallery</h2><figure><img src='https://example.org/hall.jpg' alt='The hall'></figure>",
            "Gallery",
        ),
    ],
)
def test_a_closing_sentence_or_a_heading_above_a_picture_stays(ending: str, kept: str) -> None:
    assert extracted_text(f"<article>{INTRO}{OUTRO}{ending}</article>").endswith(kept)


@pytest.mark.parametrize(
    "emptied",
    [
        f"<h3>See also</h3>{LINK_LIST}",
        # A heading over a subsection, its own links gone (UEPO.de).
        f"<h3>Mehr zum Thema auf UEPO.de</h3>{LINK_LIST}<h4>Weiterführender Link</h4>",
    ],
)
def test_a_heading_whose_links_readability_dropped_goes_with_them(emptied: str) -> None:
    text = extracted_text(f"<article>{INTRO}{emptied}<h3>The vote</h3>{OUTRO}</article>")
    assert "See also" not in text and "Mehr zum Thema" not in text and "Another story" not in text
    assert "The vote" in text and all(paragraph in text for paragraph in PARAGRAPHS)


@pytest.mark.parametrize(
    "section",
    [
        # Nothing was under it to start with: a chapter opens on a subsection.
        "<h2>The budget</h2>",
        # A list of the article's own words is no list of links.
        f"<h3>What the council wants</h3>{LIST_HTML}",
        f"<h3>See also</h3><p>The minutes of the meeting, on the council's site.</p>{LINK_LIST}",
    ],
)
def test_a_heading_over_what_stays_stays(section: str) -> None:
    page = f"<html><body><article>{INTRO}{section}<h3>The vote</h3>{OUTRO}</article></body></html>"
    root = parse_html(page)
    headings = [" ".join(h.text_content().split()) for h in extract_article(root).iter("h2", "h3")]
    written = lxml.html.fragment_fromstring(section, create_parent="div")
    assert headings == [*(" ".join(h.text_content().split()) for h in written.iter("h2", "h3")), "The vote"]


def _tables_after_extraction(body: str) -> list[str]:
    root = parse_html(f"<html><body><article>{INTRO}{body}{OUTRO}</article></body></html>")
    return [" ".join(table.text_content().split()) for table in extract_article(root).iter("table")]


def test_an_article_set_in_a_layout_table_reads_as_its_blocks() -> None:
    layout = f"<table><tr><td>{'<br>'.join(PARAGRAPHS)}</td><td><a href='/'>Home</a></td></tr></table>"
    root = parse_html(f"<html><body><article>{layout}</article></body></html>")
    content = extract_article(root)
    assert list(content.iter("table")) == []
    assert PARAGRAPHS[0] in content.text_content()


_BUDGET_ROWS = "".join(
    f"<tr><td>Ward {n}</td><td>{n}.4 million for schools, libraries</td>"
    f"<td>{n * 3} bridges, to repair</td></tr>"
    for n in range(1, 7)
)


@pytest.mark.parametrize(
    "table",
    [
        # Header cells mark data.
        f"<table><tr><th>Ward</th><th>Budget</th><th>Bridges</th></tr>{_BUDGET_ROWS}</table>",
        # Short cells in rows and columns are data, though nothing marks them.
        f"<table>{_BUDGET_ROWS}</table>",
    ],
)
def test_a_data_table_stays_a_table(table: str) -> None:
    assert len(_tables_after_extraction(table)) == 1


_CELL = PARAGRAPHS[1] + " " + PARAGRAPHS[2]


@pytest.mark.parametrize(
    "table",
    [
        f"<table role='presentation'><tr><td>{_CELL}</td><td>{_CELL}</td></tr></table>",
        # One column reads the same one cell after another.
        f"<table><tr><td><img src='/a.jpg' alt=''></td></tr><tr><td>{_CELL}</td></tr></table>",
        f"<table><tr><td><table><tr><td>{_CELL}</td></tr></table></td><td>{_CELL}</td></tr></table>",
    ],
)
def test_a_layout_table_becomes_its_cells(table: str) -> None:
    root = parse_html(f"<html><body><article>{INTRO}{table}{OUTRO}</article></body></html>")
    content = extract_article(root)
    assert _CELL in " ".join(content.text_content().split())
    assert list(content.iter("table")) == []


@pytest.mark.parametrize(
    "table",
    [
        # LiveScience: the picture in one row, its caption and credit in the next.
        "<table><tr><td><img src='https://news.example/harbour.jpg' style='width:270px'></td></tr>"
        "<tr><td>The harbour at dawn.<br><span>Credit: A. Person</span></td></tr></table>",
        # Side by side.
        "<table><tr><td><a href='https://news.example/harbour-large.jpg'>"
        "<img src='https://news.example/harbour.jpg'></a></td>"
        "<td>The harbour at dawn. <span>Credit: A. Person</span></td></tr></table>",
    ],
)
def test_a_table_that_boxes_a_picture_with_its_caption_becomes_a_figure(table: str) -> None:
    root = parse_html(f"<html><body><article>{INTRO}{table}{OUTRO}</article></body></html>")
    content = extract_article(root)
    [figure] = content.iter("figure")
    assert figure.find(".//img") is not None
    caption = figure.find("figcaption").text_content()
    assert "The harbour at dawn." in caption and "Credit: A. Person" in caption
    assert list(content.iter("table")) == []


def test_an_icon_beside_a_notice_in_a_table_is_no_figure() -> None:
    table = (
        "<table><tr><td><img src='https://news.example/warning.png' width='16' height='16'></td>"
        "<td>The ferry timetable changes on Monday.</td></tr></table>"
    )
    root = parse_html(f"<html><body><article>{INTRO}{table}{OUTRO}</article></body></html>")
    assert list(extract_article(root).iter("figure")) == []


def test_a_lead_image_takes_its_caption_along_and_leaves_none_behind() -> None:
    page = (
        "<html><head><title>Council votes</title></head><body><article><h1>Council votes</h1>"
        '<div class="photo"><img src="https://news.example/harbour.jpg" width="800" height="450" '
        'alt="The harbour at dawn"><p>- The harbour at dawn. Photo: A. Person -</p></div>'
        + "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
        + "</article></body></html>"
    )
    article = run(page, "https://news.example/council").article
    assert article.lead_image is not None
    assert article.lead_image.caption == "The harbour at dawn. Photo: A. Person"
    assert "harbour at dawn" not in article.text


@pytest.mark.parametrize(
    ("before", "opening"),
    [
        # CNN: location and agency in a block of their own.
        (
            "<p><cite><span>New York</span> <span>CNN</span>&nbsp;—&nbsp;</cite></p>",
            "New York CNN — The council",
        ),
        ("<div>KABUL, Afghanistan (AP) --</div>", "KABUL, Afghanistan (AP) -- The council"),
        # A hyphen right after the agency's bracket (Metro Bali, Europa Press).
        ("<p><strong>Mangupura, (Metrobali.com)-</strong></p>", "Mangupura, (Metrobali.com)- The council"),
        ("<p>MADRID, 9 Oct. (EUROPA PRESS) -</p>", "MADRID, 9 Oct. (EUROPA PRESS) - The council"),
        # Not datelines: a rule of dashes, a sentence, a heading-like line, a hyphen after a word.
        ("<p>---</p>", "---"),
        ("<p>Vitamin (D) levels in the north-</p>", "Vitamin (D) levels in the north-"),
        ("<p>What the council decided</p>", "What the council decided"),
    ],
)
def test_a_dateline_set_apart_opens_the_paragraph_after_it(before: str, opening: str) -> None:
    content = lxml.html.fragment_fromstring(f"<div>{before}<p>The council met on Tuesday.</p></div>")
    join_datelines(content)
    assert " ".join(content.text_content().split()).startswith(opening)


@pytest.mark.parametrize(
    ("steps", "paragraphs"),
    [
        # Recipe.com: each step's number in a block of its own before the step.
        (
            "<div><p>1.&nbsp; </p><p>Preheat the oven.</p></div><div><p>2)</p><p>Layer potatoes.</p></div>",
            ["1. Preheat the oven.", "2) Layer potatoes."],
        ),
        # Not a step's number: a year, a number before a heading, a number with words.
        ("<p>2019.</p><p>The council met.</p>", ["2019.", "The council met."]),
        ("<p>1.</p><h3>Preparation</h3><p>Preheat the oven.</p>", ["1.", "Preheat the oven."]),
        ("<p>1. Prep</p><p>Preheat the oven.</p>", ["1. Prep", "Preheat the oven."]),
    ],
)
def test_a_step_s_number_set_apart_opens_the_step(steps: str, paragraphs: list[str]) -> None:
    content = lxml.html.fragment_fromstring(f"<div>{steps}</div>")
    join_step_numbers(content)
    assert [" ".join(p.text_content().split()) for p in content.iter("p")] == paragraphs


def test_text_after_a_line_break_keeps_the_link_that_continues_it() -> None:
    # readability-lxml cut 'Morales had just signed on to guard <a>Queen Miri</a>,
    # the yacht…' into three paragraphs around the link.
    body = (
        "<div>"
        + "<br><br>".join(PARAGRAPHS[:3])
        + "<br><br>Morales had just signed on to guard <a href='/q'><em>Queen Miri</em></a>, the $70 million "
        "yacht of a casino tycoon.<div><p>" + PARAGRAPHS[3] + "</p></div>Then the council "
        "<b>voted</b> on the budget.</div>"
    )
    article = extract_article(parse_html(f"<html><body>{body}</body></html>"))
    paragraphs = [" ".join(p.text_content().split()) for p in article.iter("p")]
    continued = "Morales had just signed on to guard Queen Miri, the $70 million yacht of a casino tycoon."
    assert continued in paragraphs
    assert "Then the council voted on the budget." in paragraphs


def extracted_images(body: str) -> list[str]:
    root = parse_html(f"<html><body>{body}</body></html>")
    return [img.get("src") for img in extract_article(root).iter("img")]


SHORT_PARAGRAPHS = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


@pytest.mark.parametrize(
    "picture",
    [
        '<div class="photo"><img src="https://cdn.example/harbour.jpg"></div>',
        '<div><div><img src="https://cdn.example/harbour.jpg" width="800" height="533"></div></div>',
        '<div><a href="https://cdn.example/harbour-large.jpg"><img src="https://cdn.example/harbour.jpg"></a></div>',
        '<div><a href="#"><img src="https://cdn.example/harbour.jpg"></a></div>',
        # Linked to the page that shows it alone (Impress Watch's viewer).
        '<div><a href="/img/html/harbour.jpg.html"><img src="https://cdn.example/harbour.jpg"></a></div>',
        # With its viewer's overlay, the count of the gallery's pictures (TweakTown).
        '<div class="center-img"><picture><img src="https://cdn.example/harbour.jpg"></picture>'
        '<div class="gallery-overlay"><div class="gallery-icon"></div>3</div></div>',
    ],
)
def test_a_picture_in_a_block_of_its_own_between_short_paragraphs_stays(picture: str) -> None:
    # readability drops a block without text unless long paragraphs stand beside it.
    body = f"<div class='article'>{SHORT_PARAGRAPHS}{picture}{SHORT_PARAGRAPHS}</div>"
    assert extracted_images(body) == ["https://cdn.example/harbour.jpg"]


def test_pictures_side_by_side_in_a_block_of_their_own_stay() -> None:
    # Impress Watch: two product photos in one div.row, each in its column.
    row = "".join(
        f'<div class="column"><a href="/img/html/{name}.jpg.html"><img src="https://cdn.example/{name}_s.jpg"></a></div>'
        for name in ("front", "back")
    )
    body = f"<div class='article'>{SHORT_PARAGRAPHS}<div class='row'>{row}</div>{SHORT_PARAGRAPHS}</div>"
    assert extracted_images(body) == ["https://cdn.example/front_s.jpg", "https://cdn.example/back_s.jpg"]


def test_a_list_of_one_picture_and_its_caption_is_a_figure() -> None:
    # Mynavi's ul.photo_table.
    content = lxml.html.fragment_fromstring(
        '<div><p>The council met.</p><ul class="photo_table"><li>'
        '<a href="https://cdn.example/harbour-l.jpg"><img src="https://cdn.example/harbour.jpg"></a>'
        '<p class="photo_table__caption">The harbour</p></li></ul>'
        "<ul><li>A point of a list, <img src='https://cdn.example/emoji.png'> with its emoji</li></ul></div>"
    )
    mark_captioned_figures(content, load_rules().caption_classes)
    [figure] = content.iter("figure")
    assert figure.find("figcaption").text_content() == "The harbour"
    assert [li.text_content() for li in content.iter("li")] == ["A point of a list,  with its emoji"]


@pytest.mark.parametrize(
    "picture",
    [
        # A teaser or an ad: the picture links to another page.
        '<div><a href="/another-story.html"><img src="https://cdn.example/teaser.jpg"></a></div>',
        # A button, a pixel, a logo.
        '<div><img src="https://cdn.example/pin_it_button.png"></div>',
        '<div><img src="https://cdn.example/t.gif" width="1" height="1"></div>',
        '<div><img src="https://cdn.example/site-logo.png"></div>',
    ],
)
def test_what_readability_rightly_drops_beside_short_paragraphs_still_goes(picture: str) -> None:
    body = f"<div class='article'>{SHORT_PARAGRAPHS}{picture}{SHORT_PARAGRAPHS}</div>"
    assert extracted_images(body) == []


def test_pictures_between_the_text_components_of_a_block_editor_stay_in_place() -> None:
    # Naver's SmartEditor: every text block and picture is a component of its own.
    def component(kind: str, inner: str) -> str:
        return (
            f'<div class="se-component se-{kind}"><div class="se-component-content">'
            f'<div class="se-section"><div class="se-module se-module-{kind}">{inner}</div></div></div></div>'
        )

    texts = [
        "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2]),
        "".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:]),
    ]
    body = (
        '<div class="se-main-container">'
        + "".join(
            component("image", f'<img src="https://cdn.example/{n}.jpg">') + component("text", text)
            for n, text in enumerate(texts)
        )
        + "</div>"
    )
    root = parse_html(f"<html><body>{body}</body></html>")
    article = extract_article(root)
    order = [element.get("src") or element.text_content()[:20] for element in article.iter("img", "p")]
    assert order == [
        "https://cdn.example/0.jpg",
        PARAGRAPHS[0][:20],
        PARAGRAPHS[1][:20],
        "https://cdn.example/1.jpg",
        *(p[:20] for p in PARAGRAPHS[2:]),
    ]


@pytest.mark.parametrize("invisible", ["\u200b", "\u200b\u200b", "\ufeff", "\xa0\u200b ", "\u2060"])
def test_a_paragraph_of_characters_that_show_nothing_is_empty(invisible: str) -> None:
    spaced = "".join(f"<p>{p}</p><p><span>{invisible}</span></p>" for p in PARAGRAPHS)
    root = parse_html(f"<html><body><div class='article'>{spaced}</div></body></html>")
    paragraphs = [" ".join(p.text_content().split()) for p in extract_article(root).iter("p")]
    assert paragraphs == PARAGRAPHS


def test_broken_addresses_where_links_are_judged_are_no_error() -> None:
    # 'http://[…' makes urllib raise: a link home, a related-story link and a
    # linked picture each read their address.
    paragraph = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (
        "<html><head><title>Harbour budget approved - News</title>"
        '<link rel="canonical" href="https://news.example/a"></head><body>'
        '<h1><a href="http://[broken">News</a></h1><article><h1>Harbour budget approved</h1>'
        f'{paragraph}<p><a href="http://[broken/x">Ferry strike enters its third week now</a></p>'
        f'<div><a href="http://[x/y"><img src="https://cdn.example/a.jpg"></a></div>{paragraph}'
        "</article></body></html>"
    )
    article = run(html, "https://news.example/a").article
    assert article.title == "Harbour budget approved"
    assert PARAGRAPHS[0] in article.text


def test_a_short_block_that_wins_by_its_name_yields_to_the_article() -> None:
    # DER SONNTAG: the article sits in div.full_articel (misspelt, so unweighted);
    # a video's caption in the sidebar's div.content, +25 for its name, outscored it.
    paragraphs = [
        "Neuer Leiter des Hafenamts wird Jana Berger. Darauf hat sich die Kommission unter Leitung des"
        " Bürgermeisters verständigt. Das teilte die Stadt am Freitag mit. Berger tritt ihr Amt im Frühjahr"
        " an und folgt auf Klaus Weber, der in den Ruhestand geht.",
        "»Ich freue mich sehr auf den Hafen und die vielfältigen Aufgaben, die mich erwarten«, so Jana"
        " Berger. »An verantwortungsvoller Stelle die Bedingungen für die Arbeit der Fischer"
        " mitzugestalten, ist eine schöne Aufgabe.«",
        "Berger ist Jahrgang 1981 und wurde in Dresden geboren. Sie studierte in Mainz Wirtschaft und Recht"
        " und leitete zuletzt die Verwaltung eines Binnenhafens an der Elbe, wo sie den Umbau der"
        " Kaianlagen verantwortete.",
    ]
    article = '<div class="full_articel">' + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div>"
    widget = (
        '<div class="node node-block"><div class="content">'
        '<p><iframe src="https://www.youtube.com/embed/c710qsogbPA"></iframe></p>'
        "<p>Der Medienbischof der EKD und Kirchenpräsident der EKHN, Dr. Volker Jung, besuchte auf"
        " Einladung des Medienverbandes die Frankfurter Buchmesse 2019</p></div></div>"
    )
    text = extracted_text(f'<div><div class="col">{article}</div><div class="col">{widget}</div></div>')
    assert all(paragraph[:40] in text for paragraph in paragraphs)
    assert "Medienbischof" not in text


CONTACT_COLUMN = (
    "<div id='right'><h2>Ansprechpartnerin zum Thema:</h2><div><b>Antonia Thiele</b></div>"
    "<p>Telefon +49 (0)40 / 49 07 11 05<br><a href='mailto:a@example.org'>a@example.org</a></p>"
    "<p><a href='/download/1'><img src='/images/brochure.png' width='150' height='212'></a></p>"
    "<div><p>KLIMANEUTRALITÄT VON UNTERNEHMEN</p>"
    "<div>Voraussetzungen zur Einstufung der Klimaneutralität von Unternehmen, Definition 2021</div>"
    "<div><a href='/klimaneutralitaet'>Mehr...</a></div></div></div>"
)


def test_a_wrapper_that_wins_by_its_name_yields_to_the_article_inside_it() -> None:
    # B.A.U.M.: div#content (+25 for its name) holds the short article in
    # div#large and a column of contacts and downloads after it.
    story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:3])
    text = extracted_text(
        f"<div id='content'><div id='large'><h1>Harbour</h1>{story}</div>{CONTACT_COLUMN}</div>"
    )
    assert all(paragraph in text for paragraph in PARAGRAPHS[:3])
    assert "Antonia Thiele" not in text and "Voraussetzungen" not in text


def test_what_stands_above_the_article_s_body_in_its_named_wrapper_stays() -> None:
    # Breitbart: the lead picture and its credit in <article>, above div.entry-content.
    figure = (
        "<figure><img src='https://cdn.example/lead.jpg' width='640' height='480'>"
        "<figcaption>JIM WATSON/AFP/Getty Images</figcaption></figure>"
    )
    story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:3])
    body = f"<div id='content'>{figure}<div id='large'>{story}</div>{CONTACT_COLUMN}</div>"
    root = parse_html(f"<html><body>{body}</body></html>")
    content = extract_article(root)
    assert content.find(".//img") is not None and "JIM WATSON" in content.text_content()


def test_a_slideshow_s_file_name_and_empty_counter_go_and_its_picture_stays() -> None:
    # Vanity Fair's embedded slideshow, its script's text never filled in.
    content = lxml.html.fragment_fromstring(
        "<div><p>Paltrow spoke for an hour.</p><figure><img src='https://img.example/ss03.jpg'>"
        "<div class='count'> / </div><figcaption><div class='title'>gwyneth-paltrow-640-ss03.jpg</div>"
        "<div class='caption'></div></figcaption></figure><p>***</p> <p>She left at noon.</p></div>"
    )
    drop_slide_leftovers(content)
    assert " ".join(content.text_content().split()) == "Paltrow spoke for an hour. *** She left at noon."
    assert content.find(".//img") is not None


def test_punctuation_and_indents_of_code_in_a_figure_stay() -> None:
    # Expressive Code wraps a code block in a <figure>, and highlights '(' and '{' apart.
    content = lxml.html.fragment_fromstring(
        "<div><p>Change the build:</p><figure><pre><code><span>tasks</span><span>(</span><span>)</span>"
        "<span> {</span>\n<span class='indent'>    </span><span>run</span>\n<span>}</span></code></pre>"
        "</figure></div>"
    )
    drop_slide_leftovers(content)
    remove_empty_elements(content)
    assert content.find(".//pre").text_content() == "tasks() {\n    run\n}"


@pytest.mark.parametrize(
    "caption",
    [
        "The file, report-2019.pdf, was leaked.",
        "Photo: IMG_0042.jpg and the others were taken at dawn.",
        "1 / 5",
    ],
)
def test_a_caption_that_is_more_than_a_file_name_or_a_counter_stays(caption: str) -> None:
    content = lxml.html.fragment_fromstring(
        f"<div><figure><img src='https://img.example/a.jpg'><figcaption>{caption}</figcaption></figure></div>"
    )
    drop_slide_leftovers(content)
    assert " ".join(content.text_content().split()) == caption


SAID = "In a culture that values social harmony over individual needs, gropers profit from fear."


@pytest.mark.parametrize(
    ("quote", "stays"),
    [
        # GaijinPot: the sentence set large above the paragraph that says it.
        (f"<blockquote><p>{SAID}</p></blockquote>", False),
        (f"<blockquote><p>“{SAID.upper()}”</p></blockquote>", False),
        # A quotation the article does not repeat is one it quotes.
        ("<blockquote><p>We will build the bridge by spring, whatever the weather.</p></blockquote>", True),
        # Too short to be a sentence repeated on purpose.
        ("<blockquote><p>Social harmony</p></blockquote>", True),
        # horizont.net: a box of the quote, who said it and a quote mark's picture.
        (
            f"<div class='quote'><p>„{SAID}“</p><p><span>Martin Gerecke</span></p>"
            "<div><img src='https://img.example/quote-bottom.png'></div></div>",
            False,
        ),
        # A box that says more than who said it is no pull quote.
        (f"<div class='quote'><p>{SAID}</p><p>{'The inspector listed the cases. ' * 3}</p></div>", True),
    ],
)
def test_a_pull_quote_the_next_paragraph_says_is_read_once(quote: str, stays: bool) -> None:
    content = lxml.html.fragment_fromstring(
        f"<div><p>The council met.</p>{quote}<p>Victims speak up more. {SAID}</p><p>The end.</p></div>"
    )
    drop_pull_quotes(content)
    assert (content.find(".//blockquote") is not None or content.find(".//div") is not None) is stays
    assert SAID in content.text_content()


LOREM = ("Lorem ipsum dolor sit amet. " * 5).strip()


@pytest.mark.parametrize(
    ("blocks", "kept"),
    [
        # A gallery's title, once per slide (CNN, 2013): read once.
        (
            "<div>Weather threatens holiday plans</div>" * 3,
            ["Weather threatens holiday plans"],
        ),
        ("<h2>What comes next</h2><h2>What comes next</h2>", ["What comes next"]),
        # The same words apart, in blocks of other kinds, or with pictures, are the writer's.
        (
            "<p>Again.</p><p>Between.</p><p>Again.</p>",
            ["Again.", "Between.", "Again."],
        ),
        ("<h3>Again</h3><p>Again</p>", ["Again", "Again"]),
        ('<p><a href="/a">link</a></p><p><a href="/b">link</a></p>', ["link", "link"]),
        (f"<p>{LOREM}</p>" * 2, [LOREM] * 2),
        (
            '<p><img src="/a.jpg"> One</p><p><img src="/b.jpg"> One</p>',
            ["One", "One"],
        ),
        ("<pre><div>x += 1</div><div>x += 1</div></pre>", ["x += 1x += 1"]),
    ],
)
def test_a_block_repeating_the_one_before_it_is_read_once(blocks: str, kept: list[str]) -> None:
    content = lxml.html.fragment_fromstring(f"<div>{blocks}</div>")
    drop_repeated_blocks(content)
    assert [child.text_content().strip() for child in content] == kept


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        # Futura: the glossary link, then the same word for the other screen size.
        (
            'un vrai <span class="tooltip"><span><a href="/definitions/amalgame">amalgame</a></span></span>'
            "<span>amalgame</span> charmant",
            "un vrai amalgame charmant",
        ),
        # Spaced, without a link, or a single letter: the writer's.
        ("<em>very</em> <em>very</em> old", "very very old"),
        ("<b>ha</b><b>ha</b>", "haha"),
        ('<a href="/a">a</a><i>a</i>', "aa"),
        ('<a href="/n">42</a><span>42</span>', "4242"),
        # Any inline element, the link second.
        ('<em>Kotor</em><a href="/kotor">Kotor</a> la nuit', "Kotor la nuit"),
    ],
)
def test_a_word_set_twice_for_two_screen_sizes_is_read_once(paragraph: str, text: str) -> None:
    content = lxml.html.fragment_fromstring(f"<div><p>{paragraph}</p></div>")
    drop_repeated_blocks(content)
    assert content.text_content() == text


DECK = "NEW DELHI (AP) — Police say 28 people have been killed after their bus touched a high-voltage wire."


def test_a_deck_the_body_opens_with_again_is_read_once() -> None:
    content = lxml.html.fragment_fromstring(
        f'<div><p>{DECK}</p><div class="body"><p>{DECK}</p>'
        "<p>The officer says it happened on Friday.</p></div></div>"
    )
    drop_repeated_blocks(content)
    assert [p.text_content() for p in content.iter("p")] == [DECK, "The officer says it happened on Friday."]
    assert content[0].get("class") == "body"  # the body's copy stays


def test_a_paragraph_the_parser_wrapped_around_another_is_no_second_copy() -> None:
    # An unknown element lets the parser open a <p> inside a <p> (the
    # Opinionator's <p><webonly><div><p class="summary">…).
    content = builder.DIV(builder.P(builder.SPAN(builder.P(DECK))), builder.P("More."))
    drop_repeated_blocks(content)
    assert content.text_content() == DECK + "More."


@pytest.mark.parametrize(
    "blocks",
    [
        # a short line may come twice
        '<p>Updated on Friday</p><div class="body"><p>Updated on Friday</p></div>',
        # the body's copy comes too late to be its opening
        f'<p>{DECK}</p><div class="body"><p>One.</p><p>Two.</p><p>Three.</p><p>{DECK}</p></div>',
    ],
)
def test_a_paragraph_said_again_out_of_the_deck_s_place_stays(blocks: str) -> None:
    content = lxml.html.fragment_fromstring(f"<div>{blocks}</div>")
    before = content.text_content()
    drop_repeated_blocks(content)
    assert content.text_content() == before


def slides(headings: list[str]) -> str:
    """A gallery as Deutsche Welle writes one: per slide a picture, the gallery's
    title, the slide's own heading and its text."""
    return (
        "<ul>"
        + "".join(
            f'<li><img src="https://example.org/{n}.jpg"><h4>{heading}</h4><h2>Slide {n}</h2>'
            f"<p>What picture {n} shows.</p></li>"
            for n, heading in enumerate(headings)
        )
        + "</ul>"
    )


def test_a_gallery_s_title_written_into_every_slide_is_read_once() -> None:
    content = lxml.html.fragment_fromstring(f"<div>{slides(['Racist, ruthless, cruel'] * 4)}</div>")
    drop_repeated_blocks(content)
    assert [h.text for h in content.iter("h4")] == ["Racist, ruthless, cruel"]
    assert [h.text for h in content.iter("h2")] == ["Slide 0", "Slide 1", "Slide 2", "Slide 3"]


@pytest.mark.parametrize(
    "headings",
    [
        ["Starters", "Starters"],  # two items alike may be the writer's
        ["Starters", "Mains", "Mains", "Desserts"],
        ["Monday", "Tuesday", "Monday", "Tuesday"],
    ],
)
def test_headings_that_do_not_repeat_through_the_slides_stay(headings: list[str]) -> None:
    content = lxml.html.fragment_fromstring(f"<div>{slides(headings)}</div>")
    drop_repeated_blocks(content)
    assert [h.text for h in content.iter("h4")] == headings


def row_table(*cells: str) -> str:
    return "<table><tbody><tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr></tbody></table>"


HEADER_TABLE = "<table><thead><tr><th>Field</th><th>Articles</th><th>Authors</th></tr></thead></table>"


def test_tables_written_row_by_row_are_one_table() -> None:
    # SPIP's markup: a header table, then a table per row.
    content = lxml.html.fragment_fromstring(
        f"<div><p>Counts:</p>{HEADER_TABLE}{row_table('Finance', '167', '345')}\n"
        f"{row_table('Health', '112', '329')}<p>Source: the journals.</p></div>"
    )
    join_split_tables(content)
    tables = content.findall("table")
    assert len(tables) == 1
    assert [[cell.text for cell in row] for row in tables[0].iter("tr")] == [
        ["Field", "Articles", "Authors"],
        ["Finance", "167", "345"],
        ["Health", "112", "329"],
    ]
    assert [child.tag for child in content] == ["p", "table", "p"]


@pytest.mark.parametrize(
    "between",
    [
        "",  # a later table with other columns
        "<p>And in 2008:</p>",
    ],
)
def test_tables_with_other_columns_or_words_between_stay_apart(between: str) -> None:
    second = row_table("Health", "112") if not between else row_table("Health", "112", "329")
    content = lxml.html.fragment_fromstring(
        f"<div>{row_table('Finance', '167', '345')}{between}{second}</div>"
    )
    join_split_tables(content)
    assert len(content.findall("table")) == 2


def test_a_table_with_a_header_of_its_own_starts_anew() -> None:
    content = lxml.html.fragment_fromstring(f"<div>{row_table('Finance', '167', '345')}{HEADER_TABLE}</div>")
    join_split_tables(content)
    assert len(content.findall("table")) == 2


def test_the_parts_of_an_article_each_in_a_box_of_its_own_are_read_together() -> None:
    # TYPO3 (L-MAG): each few paragraphs a content element in a box of its own.
    def element(paragraphs: list[str]) -> str:
        inner = "".join(f"<p>{p}</p>" for p in paragraphs)
        return f'<div class="csc-default"><div class="c_element">{inner}</div></div>'

    later = "The council meets again in May, when the budget, the school plan and the bridges are heard."
    parts = element(PARAGRAPHS[:2]) + element([*PARAGRAPHS[2:], later])
    body = f'<div id="content"><div class="col_left">{parts}</div></div>'
    text = " ".join(extract_article(parse_html(f"<html><body>{body}</body></html>")).text_content().split())
    assert PARAGRAPHS[0] in text and PARAGRAPHS[3] in text


def test_the_article_s_cell_of_a_layout_row_is_the_article() -> None:
    # kath.net: a row of cells, the sidebars' lists on both sides of the story.
    sidebar = (
        "<ol>"
        + "".join(f"<li><a href='/news/{n}'>Another story number {n}</a></li>" for n in range(15))
        + "</ol>"
    )
    story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS * 2)
    row = f"<table><tr><td>{sidebar}</td><td>{story}</td><td>{sidebar}</td></tr></table>"
    text = extract_article(parse_html(f"<html><body><center>{row}</center></body></html>")).text_content()
    assert PARAGRAPHS[3] in text and "Another story" not in text


@pytest.mark.parametrize(
    "leftover",
    [
        # El Peruano's story is loaded by a script: what is left is its imprint.
        "<ul><li>DOMINGO 8</li><li>de mayo de 2022</li></ul>"
        "<ul><li>Presidente de Directorio: Hugo David Aguirre Castañeda</li>"
        "<li>Gerente General: Carlos Alonso Vásquez Lazo</li>"
        "<li>Editora Perú Av. Alfonso Ugarte 873, Lima 1 Central Telefónica (51-1) 3150400</li>"
        "<li>Empresa Peruana de Servicios Editoriales S.A. RUC 20100072751</li></ul>",
        "<div>Home<br>World news and analysis<br>Sport results and fixtures<br>Culture and the arts"
        "<br>Opinion and letters<br>Contact the newsroom</div>",
        # A menu's items run together in one line: capitalized names, however many.
        "<div>Home World Europe Americas Asia Sport Football Tennis Culture Film Music Books Opinion Letters"
        " Contact</div>",
    ],
)
def test_a_short_text_without_a_sentence_is_no_article(leftover: str) -> None:
    root = parse_html(f"<html><body><div class='content'>{leftover}</div></body></html>")
    with pytest.raises(UnwallError) as caught:
        extract_article(root)
    assert caught.value.code == errors.NO_ARTICLE and "no sentence" in caught.value.message


@pytest.mark.parametrize(
    "short_article",
    [
        "<p>The council will meet again on Monday to vote on the budget. Nothing else is planned</p>",
        # Urdu ends its sentences with '۔', Chinese with '。' and no space after it.
        "<p>عدالت نے آئندہ سماعت پر کمشنر راولپنڈی کو طلب کرتے ہوئے کیس کی سماعت ملتوی کردی۔</p>",
        "<p>证券时报e公司讯，当升科技：9614.5万元竞得常州市工业用地，将为公司常州锂电新材料产业基地提供用地。"
        "金陵药业：25日获公司总裁助理李泉、贾明怡增持。运达股份：确定为节能风电公司两风电场项目的风力发电机组设备供应商</p>",
        # A song's lyrics without a mark of punctuation (chineselyrics4u's pinyin).
        "<p>Ai shi qu de ai tao bu hui lai<br>Wo hai you hua xiang dui ni shuo<br>"
        "She bu de shuo lai bu ji shuo<br>Li bie de hua zui nan shuo chu kou</p>",
        # Prose written without its full stop (Mozilla's security advisories).
        "<dl><dt>Description</dt><dd>Dragging Javascript URLs to the address bar could cause them to be "
        "loaded, bypassing restrictions and security protections</dd></dl>",
        # A short poem: lines parted by <br>, the last one ends the sentence.
        "<p>The rain has come and gone again<br>and left the fields to shine,<br>"
        "and every road that leads to town is wet and bright and mine.</p>",
    ],
)
def test_a_short_article_with_one_sentence_is_kept(short_article: str) -> None:
    assert extracted_text(f"<div class='content'>{short_article}</div>")


YOUTUBE_LINE = (
    "<p class='unwall-embed'>YouTube video: <a href='https://www.youtube.com/watch?v=GXoZLPSw8U8'>"
    "https://www.youtube.com/watch?v=GXoZLPSw8U8</a></p>"
)


def test_an_embedded_video_s_box_stays_whatever_its_name() -> None:
    # LifeBuzz: the video's box is 'media-video', a name readability weighs
    # against it; it held the player (its line now) and a short Like box.
    box = f"<div class='media-video'>{YOUTUBE_LINE}<aside><p>Like us on Facebook</p></aside></div>"
    text = extracted_text(f"<div class='post'>{INTRO}{box}{OUTRO}</div>")
    assert "GXoZLPSw8U8" in text and PARAGRAPHS[-1] in text


def test_a_box_named_against_it_with_more_than_a_video_is_judged_as_readability_does() -> None:
    widget = (
        f"<div class='media-widget'>{YOUTUBE_LINE}<p>More videos from our channel this week: "
        "the harbour, the market and the mayor's interview</p></div>"
    )
    text = extracted_text(f"<div class='post'>{INTRO}{widget}{OUTRO}</div>")
    assert "GXoZLPSw8U8" not in text and PARAGRAPHS[-1] in text


def test_a_picture_with_a_line_is_an_article_without_a_sentence() -> None:
    picture = "<figure><img src='https://example.org/s.jpg'><figcaption>Storm at sea</figcaption></figure>"
    text = "<ul><li>Photo gallery of the week</li><li>Twelve pictures from our readers</li></ul>"
    assert extracted_text(f"<div class='content'>{picture}{text}</div>")


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30), min_size=1))
def test_the_lines_of_a_block_are_its_text_parted_at_each_line_break(lines: list[str]) -> None:
    paragraph = "<p>" + "<br>".join(f"<b>{html.escape(line)}</b>" for line in lines) + "</p>"
    root = lxml.html.fragment_fromstring(f"<div>{paragraph}</div>")
    found = [" ".join(line.split()) for line in _block_lines(root)]
    assert found == [" ".join(line.split()) for line in lines]


@pytest.mark.parametrize(
    "closing",
    [
        # Yonhap: the writer's address, then the wire's end mark, in one paragraph.
        "<p> kokobj@yna.co.kr<br>(END)</p>",
        "<p>-30-</p>",
        "<p>###</p>",
        "<p>(FIN)</p>",
    ],
)
def test_a_wire_s_end_mark_and_the_writer_s_address_under_the_story_go(closing: str) -> None:
    assert extracted_text(f"<article>{INTRO}{OUTRO}{closing}</article>") == extracted_text(
        f"<article>{INTRO}{OUTRO}</article>"
    )


@pytest.mark.parametrize(
    "line",
    [
        "<p>Readers can write to the council at harbour@council.example.</p>",
        # An end mark above more of the story is a separator, not the end.
        f"<p>###</p><p>{PARAGRAPHS[0]}</p>",
    ],
)
def test_an_address_in_a_sentence_or_a_mark_above_more_text_stays(line: str) -> None:
    text = extracted_text(f"<article>{INTRO}{OUTRO}{line}</article>")
    assert lxml.html.fragment_fromstring(f"<div>{line}</div>").text_content().split()[0] in text


def test_a_short_article_readability_empties_is_read_from_its_article_container() -> None:
    # IIJ's blog: two sentences of Japanese and a list of links to reports read
    # as a link farm, and readability's <article> kept only its headline.
    reports = "".join(
        f'<li><a href="https://blog{n}.example/iijmio-23-{n}">IIJmio meeting 23 大阪会場に参加してみた{n}</a>'
        f" (ブログ{n})</li>"
        for n in range(8)
    )
    entry = (
        '<div class="entry-content"><p>IIJmio meetingの発表資料を公開します。</p>'
        "<p>また、当日ご参加・中継視聴の方のレポートblogをお待ちしています。</p>"
        f"<h2>レポートblog・記事</h2><ul>{reports}</ul><h2>発表資料</h2>"
        '<p><a href="/pdf/1.pdf">2019年のスマホ・DNSフィルタリング・スマホ政策（発表資料PDF版）</a></p>'
        '<p><a href="/pdf/2.pdf">IIJmio meeting 23 プログラムと過去の発表資料一覧</a></p></div>'
    )
    page = (
        '<article><header><h1 class="entry-title">2019年のスマホ・DNSフィルタリング</h1></header>'
        f"{entry}</article>"
        '<p class="nocomments">Comments are closed.</p>'
    )
    text = extracted_text(f"<div id='content'>{page}</div>")
    assert "発表資料を公開します" in text and "発表資料PDF版" in text


@pytest.mark.parametrize(
    ("markup", "rules_left"),
    [
        ("<p>One.</p><hr><p>Two.</p>", 1),  # it sets two parts of the article apart
        ("<p>One.</p><p>Two.</p><hr>", 0),  # Vox: what it set apart went
        ("<hr><p>One.</p><p>Two.</p>", 0),
        ("<p>One.</p><hr><div><hr></div><p>Two.</p>", 1),  # twice in a row: once
        ("<p>One.</p><hr><figure><img src='a.jpg'></figure>", 1),  # a picture after it is shown
        ("<p>One.</p><div><hr></div><div> </div>", 0),
    ],
)
def test_a_rule_with_nothing_on_one_side_goes(markup: str, rules_left: int) -> None:
    content = lxml.html.fragment_fromstring(f"<div>{markup}</div>")
    drop_stray_rules(content)
    assert len(content.findall(".//hr")) == rules_left
    assert [p.text for p in content.iter("p")] == [
        p.text for p in lxml.html.fragment_fromstring(f"<div>{markup}</div>").iter("p")
    ]


@pytest.mark.parametrize(
    ("markup", "texts_left"),
    [
        # The Los Angeles Times: '--' above the writer's address, which went.
        ("<p>The council met.</p><p>--</p>", ["The council met."]),
        ("<p>* * *</p><p>The council met.</p>", ["The council met."]),
        # Between two parts of the article, the marks set them apart.
        (
            "<p>The council met.</p><p>*</p><p>The mayor left.</p>",
            ["The council met.", "*", "The mayor left."],
        ),
        # Marks in a paragraph with words are the words'.
        ("<p>The council met.</p><p>-- The mayor</p>", ["The council met.", "-- The mayor"]),
    ],
)
def test_a_rule_written_as_marks_goes_like_a_rule(markup: str, texts_left: list[str]) -> None:
    content = lxml.html.fragment_fromstring(f"<div>{markup}</div>")
    drop_stray_rules(content)
    assert [p.text for p in content.iter("p")] == texts_left


def test_a_highlighted_code_block_reads_line_by_line_as_written() -> None:
    # Expressive Code (Rock the JVM): a block per line, a gutter of numbers, a
    # short line of braces; the lines went as short paragraphs, the braces as slide counters.
    lines = ["tasks.withType<Kotlin>().each {", "    options {", "        verbose = true", "    }", "}"]
    code = "".join(
        f"<div class='ec-line'><div class='gutter'><div class='ln' aria-hidden='true'>{number}</div></div>"
        f"<div class='code'><span class='indent'>{line[: len(line) - len(line.lstrip())]}</span>"
        + "".join(f"<span>{html.escape(token)}</span>" for token in re.findall(r"\w+|\W", line.lstrip()))
        + "</div></div>"
        for number, line in enumerate(lines, 1)
    )
    story = "".join(f"<p>{p}</p>" for p in CITY_COUNCIL)
    figure = f"<figure class='frame'><pre><code>{code}</code></pre></figure>"
    page = f"<html><body><article><h1>Gradle</h1>{story}{figure}</article></body></html>"
    article = run(page, "https://example.org/articles/gradle").article
    assert "\n".join(lines) in article.text


@pytest.mark.parametrize(
    ("body", "ranks"),
    [
        # A blog's captions and a newsletter's sections set as <h1>s: below the title now, in order.
        ("<h1>News</h1><p>a</p><h2>Item</h2><p>b</p><h6>Note</h6><h1>Guides</h1>", ["h2", "h3", "h6", "h2"]),
        # Without an <h1>, the article's ranks are its own.
        ("<h2>Section</h2><p>a</p><h3>Part</h3><p>b</p>", ["h2", "h3"]),
    ],
)
def test_an_article_s_headings_rank_below_the_title(body: str, ranks: list[str]) -> None:
    content = lxml.html.fragment_fromstring(f"<div>{body}</div>")
    rank_headings_below_title(content)
    assert [heading.tag for heading in content.iter("h1", "h2", "h3", "h4", "h5", "h6")] == ranks


@pytest.mark.parametrize(
    ("figure", "caption"),
    [
        # New York Daily News: the credit between the picture and the figcaption.
        (
            "<figure><img src='https://img.example/a.jpg'><span>Kevin Downs/for the News</span>"
            "<figcaption>Rene suffered scars from the attack.</figcaption></figure>",
            "Rene suffered scars from the attack. Kevin Downs/for the News",
        ),
        # A caption of parts: the credit after the last.
        (
            "<figure><figcaption><b>Harbour</b> at dawn</figcaption><img src='https://img.example/a.jpg'>"
            "<small>Photo: Ann Lee</small></figure>",
            "Harbour at dawn Photo: Ann Lee",
        ),
        # A long text beside the picture is no credit; without a caption there is none to join.
        (
            f"<figure><img src='https://img.example/a.jpg'><p>{'The harbour at dawn, from a pier. ' * 4}</p>"
            "<figcaption>Harbour</figcaption></figure>",
            "Harbour",
        ),
        ("<figure><img src='https://img.example/a.jpg'><span>Ann Lee</span></figure>", None),
    ],
)
def test_a_credit_beside_a_figure_s_picture_ends_its_caption(figure: str, caption: str | None) -> None:
    content = lxml.html.fragment_fromstring(f"<div>{INTRO}{figure}{OUTRO}</div>")
    mark_captioned_figures(content, load_rules().caption_classes)
    found = content.find(".//figcaption")
    assert (" ".join(found.text_content().split()) if found is not None else None) == caption


def test_a_source_s_address_cited_on_its_own_line_weighs_as_little_as_a_footnote() -> None:
    # OSS News: ten tools, a short paragraph on each and its site's address on a line
    # under it; after the story, a box of the latest stories. Weighed as links to
    # other pages, the addresses made the story a box of links, and the teaser won.
    tools = ["Vault", "Keras", "Ansible", "Kubernetes", "TensorFlow", "Bitcoin", "Vue", "React", "Kodi"]
    listed = "".join(
        f"<h3>{name}</h3><p>{name} is an open source tool that teams like.</p>"
        f"<p><a href='https://www.{name.lower()}.example.org/'>https://www.{name.lower()}.example.org/</a></p>"
        for name in tools
    )
    picture = "<img src='/upload/x.jpg' width='255'>"
    story = f"<div style='font-size:120%;'>{picture}<p>Ten projects.</p>{listed}</div>"
    latest = (
        "<div class='section box news'><h2>Latest topics</h2><div><h2><a href='/article?oid=8973'>"
        "Top ten media servers</a> (03/13 11:41)</h2><p>"
        + "Kodi, formerly XBMC, keeps every digital media file in one place, on many systems. " * 2
        + "</p></div><ul>"
        + "".join(f"<li><a href='/a{n}'>Another story {n}</a><span>(02/15)</span></li>" for n in range(5))
        + "</ul></div>"
    )
    text = extracted_text(f"<div class='main'><h1>Ten tools</h1>{story}{latest}</div>")
    assert "Kubernetes is an open source tool" in text and "https://www.vault.example.org/" in text


def test_a_one_row_header_of_numbers_after_the_rows_is_their_totals() -> None:
    # La Vie des idées: SPIP writes the totals last, as a header table of their own.
    totals = "<table><thead><tr><th>All journals</th><th><p>1636</p></th><th>3 191</th></tr></thead></table>"
    content = lxml.html.fragment_fromstring(
        f"<div>{HEADER_TABLE}{row_table('Finance', '167', '345')}{totals}</div>"
    )
    join_split_tables(content)
    tables = content.findall("table")
    assert len(tables) == 1
    last_row = list(tables[0].iter("tr"))[-1]
    assert [" ".join(cell.text_content().split()) for cell in last_row] == ["All journals", "1636", "3 191"]
