"""Part of stage 3 (strip), run first: put the tree in the state the reader saw.

- Consent platforms set `aria-hidden` / `inert` on the article while their
  dialog is open; those attributes must not hide the article from extraction.
- Lazy-loaded images keep their real address in `data-*` attributes,
  `<picture>` sources or a `<noscript>` fallback; the extractor only sees `src`.
- Every link and image address becomes absolute (page URL, or `<base href>`).
"""

from __future__ import annotations

import contextlib
import copy
import itertools
import re
from collections.abc import Callable
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from lxml.etree import XPath
from lxml.html import HtmlElement

# Ruby annotations: the reading of the characters before them, set small above
# them ('<ruby>子<rt>こ</rt></ruby>ども', NHK News Web Easy). A browser shows
# them apart; read as text they double the word ('子こども').
RUBY_ANNOTATIONS = frozenset({"rt", "rp"})


# A word: letters and digits, without the underscore that \w counts as one.
WORD_RUN = re.compile(r"[^\W_]+")


def comparable_words(text: str) -> str:
    """Words alone, in lower case: typographic quotes and dashes differ between
    two writings of one line (a pull quote and its sentence, a player's title
    and the heading over it)."""
    return " ".join(WORD_RUN.findall(text.casefold()))


# An e-mail address ('dmoran@mlive.com'), as bylines and sign-offs write it.
EMAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

# Marks a <br> in a block's text: no text holds one, parsing replaces NULs.
LINE_BREAK = "\x00"


def lines_between_breaks(block: HtmlElement) -> list[str]:
    """The block's text, parted where a <br> ends a line (a newline in the
    source is only formatting)."""
    pieces = [block.text or ""]
    for child in block:
        _gather_text(child, pieces)
    return "".join(pieces).split(LINE_BREAK)


def _gather_text(element: HtmlElement, pieces: list[str]) -> None:
    if element.tag == "br":
        pieces.append(LINE_BREAK)
    elif isinstance(element.tag, str):
        pieces.append(element.text or "")
        for child in element:
            _gather_text(child, pieces)
    pieces.append(element.tail or "")


def text_without_annotations(element: HtmlElement) -> str:
    """The element's text as a reader reads it aloud: without ruby annotations."""
    if next(element.iter(*RUBY_ANNOTATIONS), None) is None:
        return str(element.text_content())
    reading = copy.deepcopy(element)
    for annotation in list(reading.iter(*RUBY_ANNOTATIONS)):
        annotation.drop_tree()  # its tail stays
    return str(reading.text_content())


# Declared or content images whose address says they are not a photograph of the story.
NOT_A_PHOTO = re.compile(
    r"logo|icon|favicon|avatar|sprite|placeholder|blank\.|spacer|pixel|1x1|(?<!\d)1px(?!\d)|default[-_]?image|"
    r"gravatar|badge|button|emoji|banner-ad|/ads?/|"
    # A site's one picture for every shared link ('preview-fb-hd.png' on Telemedicus, 'og-default.jpg',
    # the White House archive's 'twitter_cards_default.jpg').
    r"(?:preview|default)[-_]?(?:fb|facebook|twitter|og|social|share)|"
    r"(?:fb|facebook|twitter|og|social|share)[-_]?(?:cards?[-_]?)?(?:preview|default)|"
    # A drawing (PNG, GIF, SVG) named after a social network alone is its icon
    # ('…/2015/04/facebook.png', Recht am Bild's og:image); a photo so named is
    # the story's picture cropped for it (The Atlantic's '…/RTSO9RP/facebook.jpg').
    r"/(?:facebook|fb|twitter|x-twitter|instagram|linkedin|pinterest|youtube|whatsapp|xing|tiktok|telegram)"
    r"(?:[-_](?:icon|logo|share|button))?(?:[-_]\d+(?:x\d+)?)?\.(?:png|gif|svg)(?:$|\?)|"
    # WordPress names the crops its Customizer makes of a site's icon, logo and header 'cropped-…'.
    r"/cropped-|"
    # A theme's own pictures (WordPress, Drupal, Joomla): the design, never the story's
    # (Spreeblick declares its theme's anchor, 'wp-content/themes/sb07_revamped/_img/sbanchor.png').
    # WordPress set up with Roots' Bedrock keeps wp-content's folders in '/app/'
    # (LittleThings' '/app/themes/littlethings/img/arrow-gray.png', a 'Like our Page' box's arrow).
    r"/(?:wp-content|app)/themes/|/wp-includes/|/sites/all/themes/|/templates/[^/]+/images/|"
    # A plugin's own pictures: its buttons and icons (Framablog's PDF & Print
    # button, 'wp-content/plugins/pdf-print/images/pdf.png', opened its post).
    r"/(?:wp-content|app)/plugins/|"
    # QR codes to a site's app, 'erweima' (二维码) and its initials on Chinese sites.
    r"qr[-_]?code|(?<![a-z])(?:qr|ewm|erweima)(?![a-z])|"
    # A country's flag beside a commenter's or a language's name ('/pictures/flags/png/de.png',
    # travelblog.org's '/pix/mini-flags/uk-flag.gif').
    r"[/_-]flags?/|flag[-_]icons?",
    re.I,
)
# Where lazy loaders keep the real image address, most specific first.
LAZY_SRC_ATTRIBUTES: tuple[str, ...] = (
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-lazy",
    "data-url",
    "data-hi-res-src",
    "data-full-src",
    "data-orig-file",
    "data-large-file",
    "data-actualsrc",
    "data-echo",
)
LAZY_SRCSET_ATTRIBUTES: tuple[str, ...] = ("data-srcset", "data-lazy-srcset")

_IMAGE_URL = re.compile(r"^(https?:)?//|^/|^[\w./-]+\.(jpe?g|png|gif|webp|avif|svg)", re.I)
# srcset as the HTML standard splits it: a URL runs to the next space, so the
# commas of image-CDN addresses (Cloudinary's `w_400,h_300`, data: URIs) stay
# in it; commas right after it, or after its descriptors, end the candidate.
_SRCSET_URL = re.compile(r"[\s,]*(\S+)")
_SRCSET_DESCRIPTORS = re.compile(r"([^,]*),?")
_WIDTH_OR_DENSITY = re.compile(r"^([\d.]+)([wx])$")


_SRCSET_IN_SRC = re.compile(r"(?:\s|%20)\d+[wx](?:,|%2C)", re.I)

# An inline style that keeps an element off the screen.
_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def is_hidden(element: HtmlElement) -> bool:
    """The page hides the element itself (`hidden`, `display: none`)."""
    return element.get("hidden") is not None or _HIDING_STYLE.search(element.get("style") or "") is not None


def flatten_code_lines(root: HtmlElement, gutter_classes: frozenset[str]) -> None:
    """A code block as its text, a line a line, without line numbers.
    Highlighters write each line as a block inside the <pre> ('<div
    class="ec-line">', Expressive Code), beside a gutter of numbers: as blocks
    the lines were judged as paragraphs and lost the short ones ('}'), and a
    copied line number breaks the code. Run before `unhide_article`, which
    takes the gutter's `aria-hidden` away."""
    if next(root.iter("pre"), None) is None:
        return  # most pages: no code, and no gutter beside any
    for element in list(root.iter()):
        if _is_gutter_beside_code(element, gutter_classes):
            element.drop_tree()
    for pre in root.iter("pre"):
        for element in list(pre.iterdescendants()):
            if element.getparent() is not None and _is_gutter_in_code(element, gutter_classes):
                element.drop_tree()  # its tail is code
        for line in reversed(list(pre.iterdescendants(*_CODE_LINE_BLOCKS))):
            if _code_follows(line, pre) and not _ends_a_line(line):
                line.tail = "\n" + (line.tail or "")
            line.drop_tag()


# The blocks a highlighter makes a line of code of, or a table of lines of.
_CODE_LINE_BLOCKS = ("div", "p", "li", "tr", "ol", "ul", "table", "tbody", "td")
_LINE_NUMBERS = re.compile(r"[\d\s]*")


def _has_class_of(element: HtmlElement, names: frozenset[str]) -> bool:
    return isinstance(element.tag, str) and not names.isdisjoint((element.get("class") or "").lower().split())


def _is_gutter_in_code(element: HtmlElement, gutter_classes: frozenset[str]) -> bool:
    return element.get("aria-hidden") == "true" or _has_class_of(element, gutter_classes)


def _is_gutter_beside_code(element: HtmlElement, gutter_classes: frozenset[str]) -> bool:
    """Line numbers in a column of their own beside the code (Pygments'
    table: '<td class="linenos"><pre>1 2 3</pre></td><td class="code">')."""
    if element.getparent() is None or not _has_class_of(element, gutter_classes):
        return False
    holder = element.getparent()
    return (
        holder.find(".//pre") is not None
        and _LINE_NUMBERS.fullmatch(element.text_content() or "") is not None
    )


def _code_follows(line: HtmlElement, pre: HtmlElement) -> bool:
    """Code follows the line before the block ends."""
    holders = itertools.takewhile(lambda holder: holder is not pre, line.iterancestors())
    return any(
        (element.tail or "").strip() or element.getnext() is not None
        for element in itertools.chain([line], holders)
    )


def _ends_a_line(line: HtmlElement) -> bool:
    """The source breaks the line already."""
    return (line.text_content() or "").rstrip(" \t").endswith("\n") or (line.tail or "").lstrip(
        " \t"
    ).startswith("\n")


def unhide_article(root: HtmlElement) -> None:
    for attribute in _ARIA_HIDING(root):
        attribute.getparent().attrib.pop(attribute.attrname, None)


def is_placeholder_src(src: str | None) -> bool:
    """An empty src, a data: URI or a 1x1 spacer stands in for the real image."""
    if not src or not src.strip():
        return True
    lowered = src.strip().lower()
    return (
        lowered.startswith("data:")
        or lowered in {"#", "about:blank"}
        or ("blank." in lowered or "spacer." in lowered or "placeholder" in lowered)
    )


def _srcset_candidates(srcset: str) -> list[tuple[str, str]]:
    """`a.jpg 480w, b.jpg 2x` -> [(url, descriptor)], descriptor '' when absent."""
    candidates: list[tuple[str, str]] = []
    position = 0
    while url_match := _SRCSET_URL.match(srcset, position):
        url, position = url_match.group(1), url_match.end()
        descriptor = ""
        if url.endswith(","):
            url = url.rstrip(",")
        elif descriptor_match := _SRCSET_DESCRIPTORS.match(srcset, position):
            descriptor, position = descriptor_match.group(1).strip(), descriptor_match.end()
        if url:
            candidates.append((url, descriptor))
    return candidates


def _weight(descriptor: str) -> float | None:
    """480 for `480w`, 2 for `2x`; None for no or another descriptor."""
    match = _WIDTH_OR_DENSITY.match(descriptor)
    try:
        return float(match.group(1)) if match else None
    except ValueError:  # "1.2.3x"
        return None


def parse_srcset(srcset: str) -> list[tuple[str, float]]:
    """`a.jpg 480w, b.jpg 2x` -> [(url, weight)]; widths and densities compare within a set."""
    candidates: list[tuple[str, float]] = []
    for url, descriptor in _srcset_candidates(srcset or ""):
        weight = _weight(descriptor)
        candidates.append((url, 1.0 if weight is None else weight))
    return candidates


def largest_srcset_candidate(srcset: str) -> str | None:
    candidates = parse_srcset(srcset)
    if not candidates:
        return None
    return max(candidates, key=lambda candidate: candidate[1])[0]


def largest_rendition(img: HtmlElement) -> tuple[str, int | None, int | None]:
    """The image's address and size, or those of the widest copy its srcset or
    its <picture>'s sources offer ('terminal-1200.jpg 1200w'): a lead image is
    shown wider than most pages show it. The height is scaled with the width."""
    src = (img.get("src") or "").strip()
    width, height = int_attribute(img, "width"), int_attribute(img, "height")
    srcsets = [img.get("srcset") or ""]
    # libxml2 knows no void <source>, and may put the <img> inside one.
    picture = next((node for node in itertools.islice(img.iterancestors(), 2) if node.tag == "picture"), None)
    if picture is not None:
        srcsets.extend(source.get("srcset") or "" for source in picture.iter("source"))
    widest = max(
        (
            (weight, url)
            for srcset in srcsets
            for url, weight in parse_srcset(srcset)
            if weight >= MIN_SRCSET_WIDTH and is_plausible_photo(url)
        ),
        default=None,
    )
    if widest is None or (width is not None and widest[0] <= width):
        return src, width, height
    scaled_height = round(height * widest[0] / width) if width and height else None
    return widest[1], int(widest[0]), scaled_height


# An image, or the page that shows it alone ('/html/a30tm1.jpg.html', Impress Watch's viewer).
IMAGE_ADDRESS = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:\.html?)?$", re.I)


def links_elsewhere(img: HtmlElement) -> bool:
    """A picture that links to another page is a teaser, an ad or a button; the
    article's own link to themselves, to a larger copy, or nowhere."""
    link = next(img.iterancestors("a"), None)
    if link is None:
        return False
    href = (link.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:")) or href.endswith("#"):
        return False
    try:
        path = urlsplit(href).path
    except ValueError:  # 'http://[broken': no address at all
        return False
    return not IMAGE_ADDRESS.search(path)


def url_path(url: str | None) -> str:
    """The address's path, or nothing for an address that cannot be read ('http://[broken')."""
    try:
        return urlsplit(url or "").path
    except ValueError:
        return ""


def is_plausible_photo(url: str) -> bool:
    return url.startswith(("http://", "https://")) and not NOT_A_PHOTO.search(url) and not _is_home_page(url)


def _is_home_page(url: str) -> bool:
    """A site's address with no path: declared as its picture by a template
    with the field left empty (Greenpeace's og:image 'http://www.greenpeace.org')."""
    parts = urlsplit(url)
    return not parts.path.strip("/") and not parts.query


def spoken_alt(alt: str, address: str | None = None) -> str:
    """An image's alternative text as a screen reader should say it: nothing
    where a page wrote the picture's address or file name there (BusinessWeek's
    'http://images.businessweek.com/…/1034_mz_66popmunnessa.jpg'), which
    describes nothing and takes long to hear; nor an HTML entity escaped twice
    ('&amp;nbsp' in the markup, The Debrief), which reads as '&nbsp'.
    `address`, the picture's, tells its file's slug written as the alt."""
    alt_text = alt.strip()
    if _ADDRESS.fullmatch(alt_text) or is_picture_file_name(alt_text) or _ENTITY.fullmatch(alt_text):
        return ""
    if _DEFAULT_PICTURE_NAME.fullmatch(alt_text) or _is_numbered_file_name(alt_text):
        return ""
    if address and _is_slug_of(alt_text, address):
        return ""
    return alt


def _is_slug_of(alt: str, address: str) -> bool:
    """The file's name without its extension and the size the CMS cut it to,
    joined by hyphens and without a space, as WordPress fills the alt of an
    upload ('matt-duchene-nhl-colorado-avalanche-carolina-hurricanes' for
    '…/matt-duchene-nhl-colorado-avalanche-carolina-hurricanes-420x268.jpg', La
    Presse's blogs). Words spaced are a description, however like the name."""
    if " " in alt or sum(alt.count(separator) for separator in "-_") < MIN_SLUG_SEPARATORS:
        return False
    with contextlib.suppress(ValueError):
        file_name = unquote(urlsplit(address).path.rsplit("/", 1)[-1])
        stem = _RENDITION_SUFFIX.sub("", file_name.rsplit(".", 1)[0])
        return bool(stem) and stem.casefold() == alt.casefold()
    return False


MIN_SLUG_SEPARATORS = 2
# WordPress's cut of an upload to a size ('-420x268'), its '-scaled' original
# and the '-e1589…' of an edited one.
_RENDITION_SUFFIX = re.compile(r"(?:-\d+x\d+|-scaled|-e\d{10,})+$")


def _is_numbered_file_name(text: str) -> bool:
    """'2016-11-29_0011', '20190315_123456': digits and separators, as many
    digits as a date and a counter; not a year ('1984') nor a count."""
    return sum(character.isdigit() for character in text) >= MIN_NUMBERED_FILE_NAME_DIGITS and all(
        character.isdigit() or character in _FILE_NAME_SEPARATORS for character in text
    )


_FILE_NAME_SEPARATORS = "_.-"
MIN_NUMBERED_FILE_NAME_DIGITS = 6


def is_picture_file_name(text: str) -> bool:
    """'gwyneth-paltrow-vanity-fair-640-ss03.jpg', 'IMG_0042.JPG': a picture's
    file name, written where its title or description goes."""
    return _PICTURE_FILE_NAME.fullmatch(text) is not None


_ENTITY = re.compile(r"&(?:[a-z]+\d*|#\d+|#x[0-9a-f]+);?", re.I)
# The name a camera, a phone or a screenshot gave the file, left as its
# alternative text by a CMS that fills it from the file's name without its
# extension (How-To Geek's 'IMG_2962 copy', 'Screen Shot 2016-11-30 at
# 10.33.38 AM', '2016-11-29_0011'): it describes nothing.
_DEFAULT_PICTURE_NAME = re.compile(
    r"(?:IMG|DSC[FN]?|PXL|MVIMG|PANO|VID)[_-]?\d{3}[\w-]*(?: copy(?: \d+)?)?"
    r"|screen ?shot[ _-]?\d{4}-?\d\d-?\d\d\b.*"
    # A file's slug, in lower case, with its date or counter at either end
    # ('1128-prince-getty-03' on TMZ); not 'covid-19-vaccine'.
    r"|(?-i:\d+(?:[-_][a-z0-9]+){2,}|[a-z0-9]+(?:[-_][a-z0-9]+)+[-_]\d+)",
    re.I,
)
_ADDRESS = re.compile(r"(?:https?:)?//\S+|www\.\S+", re.I)
_PICTURE_FILE_NAME = re.compile(r"\S+\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?)", re.I)


def declared_side(img: HtmlElement, name: str) -> int | None:
    """A side ('width', 'height') from the attribute, else from an inline style
    in pixels (tracking pixels are often sized only by `style="width:1px"`)."""
    size = int_attribute(img, name)
    if size is None:
        match = re.search(rf"(?:^|[;\s]){name}\s*:\s*(\d+)(?:\.\d+)?px", img.get("style") or "", re.I)
        size = int(match.group(1)) if match and int(match.group(1)) > 0 else None
    return size


def element_right_before(element: HtmlElement, stop: HtmlElement | None) -> HtmlElement | None:
    """The element right before `element`, out of the boxes it opens, short of
    `stop`: the kicker may sit beside the headline's wrapper (Skateboard MSM's
    '<h4><a>News</a></h4><div class="…title-wrapper"><h1>…')."""
    while element.getprevious() is None:
        parent = element.getparent()
        if parent is None or parent is stop or (parent.text or "").strip():
            return None
        element = parent
    return element.getprevious()


def is_text_sized(img: HtmlElement) -> bool:
    """Sized by its style in the font's units, a line's height or so
    ('width:1.3em', 'max-width:1.0rem'): an icon set in the text (ClinicalTrials.gov's
    warning sign), never a photo."""
    sizes = _FONT_RELATIVE_SIZE.findall(img.get("style") or "")
    return bool(sizes) and all(float(size) <= MAX_TEXT_SIZED_EMS for size in sizes)


_FONT_RELATIVE_SIZE = re.compile(r"(?:^|[;\s])(?:max-)?(?:width|height)\s*:\s*(\d+(?:\.\d+)?)r?em\b", re.I)
MAX_TEXT_SIZED_EMS = 3


def is_tracking_pixel(img: HtmlElement) -> bool:
    """Declared a pixel or two on both sides: a counter's beacon, never a picture."""
    return declared_at_most(img, MAX_PIXEL_SIDE)


def declared_at_most(img: HtmlElement, side: int) -> bool:
    """Declared no wider and no higher than `side` pixels."""
    width, height = declared_side(img, "width"), declared_side(img, "height")
    return width is not None and height is not None and max(width, height) <= side


MAX_PIXEL_SIDE = 2


def int_attribute(element: HtmlElement, name: str) -> int | None:
    """A positive number of pixels ('640', '640px', '391.425'), whole, else None."""
    value = (element.get(name) or "").strip().removesuffix("px")
    if not _PIXELS.fullmatch(value):
        return None
    number = int(float(value))
    return number if number > 0 else None


_PIXELS = re.compile(r"\d{1,6}(?:\.\d+)?")


# A descriptor this large is a width ('1200w'); a density is a few ('2x').
MIN_SRCSET_WIDTH = 20


def resolve_lazy_images(root: HtmlElement) -> None:
    # One scan of the tree. The noscript fallbacks go first: they take
    # placeholders out (an image taken out is then resolved for nothing).
    found = list(root.iter("noscript", "img", "picture"))
    for noscript in found:
        if noscript.tag == "noscript":
            _use_noscript_fallback(noscript)
    for img in found:
        if img.tag == "img":
            _resolve_lazy_img(img)
    for picture in found:
        if picture.tag == "picture":
            _resolve_picture(picture)


def _resolve_lazy_img(img: HtmlElement) -> None:
    for attribute in LAZY_SRCSET_ATTRIBUTES:
        value = img.get(attribute)
        if value and not img.get("srcset"):
            img.set("srcset", value)
    shown = img.get("src") or ""
    if _SRCSET_IN_SRC.search(shown):
        # A whole srcset written as the address, its spaces encoded or not
        # ('a-1024.jpg%201024w,%20a-300.jpg%20300w'): no file has that name.
        best = largest_srcset_candidate(img.get("srcset") or unquote(shown))
        if best:
            img.set("src", best)
    lazy = _lazy_source(img)
    if lazy is not None:
        img.set("src", lazy)
        return
    if not is_placeholder_src(img.get("src")):
        return
    best = largest_srcset_candidate(img.get("srcset") or "")
    if best:
        img.set("src", best)


def _lazy_source(img: HtmlElement) -> str | None:
    """The image a lazy loader will put in place of the one shown, when the
    one shown is no photo (WIRED Japan shows its theme's 'p.gif' and awaits
    'data-original="/wp-content/uploads/…jpg"'). A photo shown stays: the
    loader has loaded it (Banyuetan's rehosted copy beside the agency's),
    unless its address names a size no larger than an icon: a blurred preview
    (Bodybuilding.com's '…-1-35x35.png' awaiting '…-1-700xh.png'), or an
    image service's thumbnail of the awaited file (Skateboard MSM shows
    '…/150x53/smart/http%3A%2F%2F…/quest.jpg' and awaits '…/quest.jpg')."""
    shown = (img.get("src") or "").strip()
    previewed = is_placeholder_src(shown) or NOT_A_PHOTO.search(shown) or _names_a_preview(shown)
    for attribute in LAZY_SRC_ATTRIBUTES:
        value = (img.get(attribute) or "").strip()
        if value and value != shown and not value.startswith("data:") and _IMAGE_URL.search(value):
            thumbnail = _names_a_preview(shown, MAX_THUMBNAIL_SIDE) and _is_rendition_of(shown, value)
            return value if previewed or thumbnail else None
    return None


def _is_rendition_of(shown: str, awaited: str) -> bool:
    """`shown` names the file `awaited` within its own address, as an image
    service does with the original it resizes."""
    parts = urlsplit(awaited)
    original = f"{parts.netloc}{parts.path}"
    return bool(parts.netloc) and len(parts.path) > 1 and original in unquote(shown)


_NAMED_SIDES = re.compile(r"[-_/](\d{1,4})x(\d{1,4})(?=/|\.\w+(?:[?#]|$))")
MAX_PREVIEW_SIDE = 64
# A rendition of the awaited file no larger than this on a side is a thumbnail;
# a larger one is the size the page chose to show, and stays.
MAX_THUMBNAIL_SIDE = 200


def _names_a_preview(address: str, max_side: int = MAX_PREVIEW_SIDE) -> bool:
    """A rendition's address naming both its sides, each no larger than an
    icon ('…-35x35.png'), or than `max_side`."""
    sides = _NAMED_SIDES.search(address)
    return sides is not None and max(int(sides.group(1)), int(sides.group(2))) <= max_side


def _awaits_its_image(img: HtmlElement) -> bool:
    """A placeholder, or a picture that is no photo where a loader names one."""
    return is_placeholder_src(img.get("src")) or _lazy_source(img) is not None


def _resolve_picture(picture: HtmlElement) -> None:
    images = list(picture.iter("img"))
    if not images or not is_placeholder_src(images[0].get("src")):
        return
    for source in picture.iter("source"):
        srcset = source.get("srcset") or source.get("data-srcset")
        best = largest_srcset_candidate(srcset or "")
        if best:
            images[0].set("src", best)
            images[0].set("srcset", srcset or "")
            return


def _use_noscript_fallback(noscript: HtmlElement) -> None:
    """Lazy loaders pair a placeholder <img> with the real one in <noscript>."""
    fallback_images = list(noscript.iter("img"))
    parent = noscript.getparent()
    if parent is None:
        return
    if not fallback_images:
        noscript.drop_tree()  # "please enable JavaScript" and tracking pixels
        return
    if all(NOT_A_PHOTO.search(img.get("src") or "") for img in fallback_images):
        # An ad server's banner for browsers without scripts (The Motley Fool's
        # 'ad.doubleclick.net/…/ad/…'), a counter's pixel, a logo.
        noscript.drop_tree()
        return
    previous = noscript.getprevious()
    if previous is not None and previous.tag == "img":
        if not _awaits_its_image(previous):
            # Loaded already (a rendered page keeps the fallback): showing both repeats it.
            noscript.drop_tree()
            return
        previous.drop_tree()
    elif previous is not None and previous.tag in {"picture", "span", "div"}:
        placeholder = [img for img in previous.iter("img") if is_placeholder_src(img.get("src"))]
        if placeholder and len(list(previous.iter("img"))) == 1:
            previous.drop_tree()
        elif list(previous.iter("img")):
            noscript.drop_tree()  # the visible image already loaded
            return
    if _shown_loaded_after(noscript, fallback_images):
        noscript.drop_tree()
        return
    _drop_previews_of(noscript, fallback_images)
    _drop_placeholder_after(noscript, fallback_images)
    noscript.drop_tag()


def _shown_loaded_after(noscript: HtmlElement, fallback_images: list[HtmlElement]) -> bool:
    """The page shows the fallback's picture right after it, loaded, in a box
    of its own (People's '<noscript><img src="a.jpg?w=1500&h=2207"></noscript>
    <figure><img src="a.jpg?w=1500"><figcaption>AKM-GSI</figcaption></figure>'):
    the figure is the picture, with its caption; the fallback would repeat it."""
    following = noscript.getnext()
    if following is None or following.tag not in _PICTURE_BOXES or (noscript.tail or "").strip():
        return False
    shown = list(following.iter("img"))
    if len(shown) != 1 or _awaits_its_image(shown[0]):
        return False
    return _file_name(shown[0].get("src")) in {_file_name(img.get("src")) for img in fallback_images} - {""}


_PICTURE_BOXES = frozenset({"figure", "picture", "div", "span", "p", "a"})


def _drop_placeholder_after(noscript: HtmlElement, fallback_images: list[HtmlElement]) -> None:
    """Some loaders write the fallback first and the placeholder after it
    (Verfassungsblog's WordPress theme: '<noscript><img src="a.jpg"></noscript>
    <img src="data:…" data-src="a.jpg">'): resolved, it showed the picture twice."""
    following = noscript.getnext()
    if following is None or following.tag != "img" or (noscript.tail or "").strip():
        return
    awaited = _lazy_source(following)
    if awaited is not None and _file_name(awaited) in {_file_name(img.get("src")) for img in fallback_images}:
        following.drop_tree()


def _drop_previews_of(noscript: HtmlElement, fallback_images: list[HtmlElement]) -> None:
    """A blurred preview the loader shows until the picture comes, in a box of
    its own before it (Medium's '/max/60/1*Gi….png?q=20' before the noscript's
    '/max/1080/1*Gi….png'): the same file at another size, shown twice."""
    files = {_file_name(img.get("src")) for img in fallback_images} - {""}
    for sibling in list(noscript.itersiblings(preceding=True)):
        images = list(sibling.iter("img"))
        if len(images) != 1 or sibling.text_content().strip():
            break
        if _file_name(images[0].get("src")) in files:
            sibling.drop_tree()


def _file_name(src: str | None) -> str:
    return urlsplit((src or "").strip()).path.rsplit("/", 1)[-1]


# The attributes themselves: an XPath that selects them walks the tree faster
# than one that tests every element for them.
_ARIA_HIDING = XPath("descendant-or-self::*/@aria-hidden | descendant-or-self::*/@inert")
# The addresses a reader view can show or follow; scripts, styles and forms are
# stripped later, so resolving theirs would be wasted work.
_URL_ATTRIBUTES = {"a": "href", "img": "src", "blockquote": "cite", "q": "cite", "iframe": "src"}
# srcset means something on these alone.
_SRCSET_TAGS = frozenset({"img", "source"})


def make_urls_absolute(root: HtmlElement, page_url: str | None) -> str | None:
    """Resolve every address against `<base href>` (itself resolved against the
    page URL). Returns the base used, or None when no absolute base is known."""
    linking = list(root.iter("base", "source", *_URL_ATTRIBUTES))  # one scan of the tree
    base = page_url if page_url and _is_absolute_http(page_url) else None
    base_element = next((element for element in linking if element.tag == "base"), None)
    if base_element is not None:
        href = (base_element.get("href") or "").strip()
        if href:
            candidate = urljoin(base or "", href)
            if _is_absolute_http(candidate):
                base = candidate
    if base is None:
        return None
    resolve = _resolver(base)
    for element in linking:
        tag = element.tag
        if tag in _SRCSET_TAGS and (srcset := element.get("srcset")) is not None:
            element.set("srcset", absolutize_srcset(srcset, base))
        name = _URL_ATTRIBUTES.get(tag)
        value = element.get(name) if name else None
        if value is None:
            continue
        value = value.strip()
        if value.startswith(("http://", "https://", "#", "mailto:")):
            continue  # already absolute, or a fragment the reader keeps as is
        if not value and name != "href":
            # `<img src="">` loads nothing; resolved, it would be the page itself
            # and could be taken for the lead image.
            del element.attrib[name]
            continue
        resolved = resolve(value)
        if resolved is not None:
            with contextlib.suppress(ValueError):  # lxml refuses control characters
                element.set(name, resolved)
                continue
        del element.attrib[name]
    return base


def _resolver(base: str) -> Callable[[str], str | None]:
    """urljoin against `base`, None for an address it cannot read. A page names
    the same few addresses many times (menus, teasers): each is joined once.
    A path from the site's root with no dot segment to remove is the origin
    and the path, without urljoin's parsing."""
    parts = urlsplit(base)
    origin = f"{parts.scheme}://{parts.netloc}"
    resolved: dict[str, str | None] = {}

    def resolve(value: str) -> str | None:
        if value in resolved:
            return resolved[value]
        if _joins_as_is(value):
            address: str | None = origin + value
        else:
            try:
                address = urljoin(base, value)
            except ValueError:
                address = None
        resolved[value] = address
        return address

    return resolve


def _joins_as_is(value: str) -> bool:
    """An address from the site's root that urljoin would give back unchanged
    after the origin: no dot segments to remove, no ";" it would read as the
    start of parameters, no empty query or fragment it would drop, no tab or
    line break it would take out."""
    return (
        value.startswith("/")
        and not value.startswith("//")
        and "/." not in value
        and ";" not in value
        and "?#" not in value
        and not value.endswith(("?", "#"))
        and value.isprintable()
    )


def absolutize_srcset(srcset: str, base: str) -> str:
    parts = []
    for url, descriptor in _srcset_candidates(srcset or ""):
        try:
            resolved = url if url.startswith(("http://", "https://")) else urljoin(base, url)
        except ValueError:
            continue
        parts.append(resolved + (f" {descriptor}" if _weight(descriptor) is not None else ""))
    return ", ".join(parts)


def without_tracking_parameters(url: str, is_tracking: re.Pattern[str]) -> str:
    """`url` unchanged, to the byte, unless a parameter goes; the others keep their order and spelling."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    pairs = parts.query.split("&")
    kept = [pair for pair in pairs if not is_tracking.fullmatch(unquote(pair.split("=", 1)[0]).lower())]
    if len(kept) == len(pairs):
        return url
    return urlunsplit(parts._replace(query="&".join(pair for pair in kept if pair)))


def _is_absolute_http(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


def tidy_caption_parts(content: HtmlElement) -> None:
    """A caption's parts (text, credit label, credit) are often spans with no
    space between them, set apart by the page's CSS: 'weather.CreditKirsten
    Luce'. Without that CSS they need a space. A credit the caption's text
    already ends with goes."""
    for caption in list(content.iter("figcaption")):
        _drop_credit_said_twice(caption)
        for child in caption.iterdescendants():
            if not isinstance(child.tag, str) or child.tag in _CAPTION_UNSPLIT_TAGS:
                continue
            before = _text_before(child, caption)
            text = child.text or ""
            if before and text and not before[-1].isspace() and not text[0].isspace():
                child.text = " " + text


def _drop_credit_said_twice(caption: HtmlElement) -> None:
    """Arc Publishing's captions append the picture's credit in its own element,
    after a caption whose writer already ended it with the credit ('… su
    esposa. Foto: AFP. <strong>Foto: AFP</strong>', El Universo)."""
    if len(caption) == 0:
        return
    credit = caption[-1]
    if not isinstance(credit.tag, str) or (credit.tail or "").strip():
        return
    said = WORD_RUN.findall(credit.text_content().casefold())
    if not said or len(said) > MAX_CREDIT_WORDS:
        return
    pieces = [caption.text or ""]
    for child in caption[:-1]:
        pieces += [child.text_content() if isinstance(child.tag, str) else "", child.tail or ""]
    before = WORD_RUN.findall("".join(pieces).casefold())
    if len(before) > len(said) and before[-len(said) :] == said:
        credit.drop_tree()


# A credit names a photographer and an agency, not a sentence.
MAX_CREDIT_WORDS = 8


# Inline markup inside a word or a name: no space is wanted at its edge.
_CAPTION_UNSPLIT_TAGS = frozenset({"a", "b", "strong", "i", "em", "sup", "sub", "br", "abbr", "code"})


def _text_before(element: HtmlElement, caption: HtmlElement) -> str:
    """The text right before `element` starts inside `caption`, in reading order."""
    node = element
    while node is not caption:
        previous = node.getprevious()
        if previous is not None:
            return str(previous.tail or previous.text_content() or "")
        parent = node.getparent()
        if parent is None:
            return ""
        if parent.text:
            return str(parent.text)
        node = parent
    return ""


def width_in_address(url: str) -> int | None:
    """The width a CMS writes in a rendition's path ('/620x/', '/173x216/',
    'photo-1024x683.jpg') or asks of an image server ('?w=150', WordPress.com's
    and imgix's), or None."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    match = _ADDRESS_WIDTH.search(parts.path) or _QUERY_WIDTH.search(parts.query)
    return int(match.group(1)) if match else None


_ADDRESS_WIDTH = re.compile(r"(?:/|[-_])(\d{2,4})x(?:\d{2,4})?(?=/|\.\w+$)")
_QUERY_WIDTH = re.compile(r"(?:^|&)(?:w|width)=(\d{2,4})(?:&|$)")
