"""Stage 1, decode: page bytes to text, the way a browser chooses the charset."""

from __future__ import annotations

import codecs
import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unwall import errors
from unwall.errors import UnwallError
from unwall.pipeline.decode import _count_control_chars, decode_html, normalize_label

# Realistic pages: detection needs a few sentences of the language to have a chance.
FRENCH = (
    '<!DOCTYPE html><html lang="fr"><head><title>La sécheresse menace les récoltes</title></head><body>'
    "<h1>La sécheresse menace les récoltes de l'été</h1>"
    "<p>Le cœur de l'été a été brûlant dans le sud de la France. Les agriculteurs s'inquiètent déjà "
    "pour leurs récoltes, et les préfets ont pris des arrêtés de restriction d'eau dans quarante "
    "départements.</p>"
    "<p>« Nous n'avons jamais vu ça », a déclaré à l'AFP un céréalier de la Drôme, qui évoque une "
    "baisse de rendement de près de 30 %. Les éleveurs, eux, achètent du fourrage à prix d'or pour "
    "nourrir leurs bêtes.</p>"
    "<p>Météo-France prévoit des pluies orageuses en fin de semaine, mais elles ne suffiront pas à "
    "recharger les nappes phréatiques. Le ministre de l'Agriculture doit réunir les syndicats mercredi "
    "à Paris.</p></body></html>"
)
GERMAN = (
    '<!DOCTYPE html><html lang="de"><head><title>Bürger müssen höhere Gebühren zahlen</title></head>'
    "<body><h1>Bürger müssen höhere Gebühren zahlen</h1>"
    "<p>Die Bürgerinnen und Bürger der Stadt müssen sich im kommenden Jahr auf höhere Gebühren für "
    "Müllabfuhr und Straßenreinigung einstellen. Das hat der Gemeinderat am Donnerstagabend mit knapper "
    "Mehrheit beschlossen.</p>"
    "<p>Der Oberbürgermeister erklärte, die Kosten seien in den vergangenen Jahren deutlich gestiegen. "
    "Über eine Entlastung für Familien mit kleinen Einkommen soll im Frühjahr gesprochen werden.</p>"
    "<p>Die Grünen äußerten scharfe Kritik: Die Erhöhung treffe vor allem ältere Menschen, die ohnehin "
    "unter den gestiegenen Preisen für Lebensmittel und Heizöl litten.</p></body></html>"
)
# '€' and 'œ' sit where ISO-8859-1 and windows-1252 have '¤' and '½'.
FRENCH_ISO_8859_15 = (
    '<!DOCTYPE html><html lang="fr"><head><title>Le prix du beurre</title></head><body>'
    "<p>Le cœur de l'été était brûlant et les prix montaient : 15 € le kilo de beurre, 4 € la "
    "douzaine d'œufs. Les élèves ont reçu leurs diplômes à Noël.</p>"
    "<p>Déjà, la forêt était très sèche. « Ça ne s'arrêtera pas », a déclaré le maire, qui a évoqué "
    "une crise sans précédent et une œuvre de longue haleine.</p></body></html>"
)
JAPANESE = (
    '<!DOCTYPE html><html lang="ja"><head><title>東京都が新しい交通計画を発表</title></head><body>'
    "<h1>東京都が新しい交通計画を発表</h1>"
    "<p>東京都は本日、新しい交通計画を発表しました。この計画では、電車とバスの運行本数を増やし、"
    "通勤時間帯の混雑を減らすことを目指しています。</p>"
    "<p>知事は記者会見で「都民の毎日の生活をより便利で快適なものにしたい」と述べました。"
    "計画は来年の春から段階的に実施される予定です。</p>"
    "<p>専門家からは、費用の負担や運転士の確保について課題が残るとの指摘も出ています。</p></body></html>"
)
CHINESE = (
    '<!DOCTYPE html><html lang="zh"><head><title>北京发布新的交通计划</title></head><body>'
    "<h1>北京发布新的交通计划</h1>"
    "<p>北京市政府今天宣布了一项新的交通计划。该计划旨在增加地铁和公交车的班次，减少上下班高峰期的拥堵。</p>"
    "<p>市长在新闻发布会上表示，希望让市民的日常生活更加便利和舒适。计划将从明年春天开始分阶段实施。</p>"
    "<p>一些专家指出，资金来源和司机招聘等问题仍然有待解决。</p></body></html>"
)

# (id, text, Python codec that writes the bytes, the label a page would declare)
PAGES = [
    pytest.param(FRENCH, "utf-8", "utf-8", id="utf-8-french"),
    pytest.param(FRENCH, "cp1252", "windows-1252", id="windows-1252-french"),
    pytest.param(GERMAN, "cp1252", "windows-1252", id="windows-1252-german"),
    pytest.param(FRENCH_ISO_8859_15, "iso-8859-15", "ISO-8859-15", id="iso-8859-15-french"),
    pytest.param(JAPANESE, "shift_jis", "Shift_JIS", id="shift_jis-japanese"),
    pytest.param(CHINESE, "gb18030", "GB18030", id="gb18030-chinese"),
    pytest.param(CHINESE, "gb2312", "gb2312", id="gb2312-label-chinese"),
]


def with_meta(page: str, meta: str) -> str:
    return page.replace("<head>", f"<head>{meta}", 1)


def _random_bytes(seed: int, size: int) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(256) for _ in range(size))


def test_the_sample_pages_really_need_their_encoding() -> None:
    """Guard for the tests below: each sample differs from its UTF-8 bytes."""
    for text, codec in ((FRENCH, "cp1252"), (FRENCH_ISO_8859_15, "iso-8859-15"), (JAPANESE, "shift_jis")):
        assert text.encode(codec) != text.encode("utf-8")
    assert FRENCH_ISO_8859_15.encode("iso-8859-15").decode("cp1252") != FRENCH_ISO_8859_15


@pytest.mark.parametrize(("text", "codec", "label"), PAGES)
def test_charset_declared_by_http_content_type(text: str, codec: str, label: str) -> None:
    assert decode_html(text.encode(codec), f"text/html; charset={label}") == text


@pytest.mark.parametrize(("text", "codec", "label"), PAGES)
def test_charset_declared_by_quoted_http_parameter(text: str, codec: str, label: str) -> None:
    assert decode_html(text.encode(codec), f'text/html;charset="{label}"') == text


@pytest.mark.parametrize(("text", "codec", "label"), PAGES)
def test_charset_declared_only_by_meta_charset(text: str, codec: str, label: str) -> None:
    page = with_meta(text, f'<meta charset="{label}">')
    assert decode_html(page.encode(codec)) == page
    assert decode_html(page.encode(codec), "text/html") == page


@pytest.mark.parametrize(("text", "codec", "label"), PAGES)
def test_charset_declared_only_by_meta_http_equiv(text: str, codec: str, label: str) -> None:
    page = with_meta(text, f'<meta http-equiv="Content-Type" content="text/html; charset={label}">')
    assert decode_html(page.encode(codec), "text/html") == page


def test_meta_declaration_after_scripts_and_comments_is_found() -> None:
    page = with_meta(
        FRENCH,
        "<!-- "
        + "analytics " * 200
        + "-->"
        + "<script>var x = 1;</script>" * 20
        + '<meta charset="windows-1252">',
    )
    assert page.index("<meta charset") > 2000
    assert decode_html(page.encode("cp1252")) == page


def test_http_charset_wins_over_meta() -> None:
    page = with_meta(FRENCH, '<meta charset="utf-8">')  # the server knows better than the template
    assert decode_html(page.encode("cp1252"), "text/html; charset=windows-1252") == page


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        pytest.param(FRENCH, "utf-8", id="utf-8-french"),
        pytest.param(JAPANESE, "utf-8", id="utf-8-japanese"),
        pytest.param(FRENCH, "cp1252", id="windows-1252-french"),
        pytest.param(GERMAN, "cp1252", id="windows-1252-german"),
        pytest.param(FRENCH_ISO_8859_15, "iso-8859-15", id="iso-8859-15-french"),
        pytest.param(JAPANESE, "shift_jis", id="shift_jis-japanese"),
        pytest.param(CHINESE, "gb18030", id="gb18030-chinese"),
    ],
)
@pytest.mark.parametrize("content_type", [None, "text/html"])
def test_undeclared_charset_is_detected(text: str, codec: str, content_type: str | None) -> None:
    assert decode_html(text.encode(codec), content_type) == text


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        pytest.param(
            "<p>Rząd ogłosił wczoraj, że budowa nowego mostu rozpocznie się jesienią. Według ministra "
            "inwestycja będzie kosztować ponad sto milionów złotych i potrwa trzy lata. Mieszkańcy są "
            "jednak zaniepokojeni hałasem i zwiększonym ruchem.</p>",
            "cp1250",
            id="windows-1250-polish",
        ),
        pytest.param(
            "<p>Vláda včera oznámila, že stavba nového mostu začne na podzim. Podle ministra bude stavba "
            "stát více než sto milionů korun a potrvá tři roky. Obyvatelé jsou však znepokojeni hlukem a "
            "zvýšeným provozem v ulicích.</p>",
            "cp1250",
            id="windows-1250-czech",
        ),
        pytest.param(
            "<p>Правительство вчера объявило, что строительство нового моста начнётся осенью. По словам "
            "министра, проект обойдётся более чем в сто миллионов рублей и продлится три года.</p>",
            "cp1251",
            id="windows-1251-russian",
        ),
        pytest.param(
            "<p>El gobierno anunció ayer que la construcción del nuevo puente comenzará en otoño. Según el "
            "ministro, la obra costará más de cien millones y durará tres años. Los vecinos, sin embargo, "
            "están preocupados por el ruido del año próximo.</p>",
            "cp1252",
            id="windows-1252-spanish",
        ),
    ],
)
def test_undeclared_single_byte_pages_of_other_languages(text: str, codec: str) -> None:
    assert decode_html(text.encode(codec)) == text


# --- byte-order marks ------------------------------------------------------------


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ],
)
def test_byte_order_mark_decides_and_is_dropped(bom: bytes, codec: str) -> None:
    data = bom + JAPANESE.encode(codec)
    assert decode_html(data) == JAPANESE
    # A BOM is stronger evidence than a (wrong) declaration.
    assert decode_html(data, "text/html; charset=iso-8859-1") == JAPANESE


def test_utf16_without_bom_is_not_guessed_from_nul_bytes() -> None:
    # Without a BOM, UTF-16 is read as a single-byte page full of NULs: not text.
    with pytest.raises(UnwallError) as caught:
        decode_html("<html><body><p>Hello world</p></body></html>".encode("utf-16-le"))
    assert caught.value.code == errors.UNDECODABLE


def test_meta_utf16_in_ascii_bytes_means_utf8() -> None:
    page = with_meta(FRENCH, '<meta charset="utf-16">')
    assert decode_html(page.encode("utf-8")) == page


# --- WHATWG labels ---------------------------------------------------------------------


@pytest.mark.parametrize("label", ["iso-8859-1", "ISO-8859-1", "latin1", "us-ascii", "windows-1252"])
def test_latin1_label_is_decoded_as_windows_1252(label: str) -> None:
    # 0x93/0x94 are C1 controls in ISO-8859-1 but curly quotes in windows-1252,
    # and every browser reads them as quotes.
    data = b"<p>He said \x93hello\x94 \x96 it\x92s \x80 5, \x85</p>"
    expected = "<p>He said \u201chello\u201d \u2013 it\u2019s \u20ac 5, \u2026</p>"
    assert decode_html(data, f"text/html; charset={label}") == expected
    assert decode_html(f'<meta charset="{label}">'.encode() + data) == f'<meta charset="{label}">' + expected


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("ISO-8859-1", "cp1252"),
        (" 'latin1' ", "cp1252"),
        ("gb2312", "gb18030"),
        ("GBK", "gb18030"),
        ("Shift_JIS", "cp932"),
        ("euc-kr", "cp949"),
        ("UTF8", "utf-8"),
        ("iso-8859-15", "iso8859-15"),
    ],
)
def test_normalize_label_maps_whatwg_labels(label: str, codec: str) -> None:
    assert normalize_label(label) == codecs.lookup(codec).name


@pytest.mark.parametrize(
    "label",
    ["", None, "bogus-charset", "x-user-defined-nope", "base64", "rot13", "zlib", "hex", "undefined", "idna"],
)
def test_normalize_label_rejects_what_is_no_page_encoding(label: str | None) -> None:
    assert normalize_label(label) is None


@pytest.mark.parametrize(
    "label", ["base64", "rot13", "zlib", "hex", "bz2", "uu", "quopri", "undefined", "idna", "punycode"]
)
def test_declared_python_only_codecs_are_ignored_not_fatal(label: str) -> None:
    """A page may name anything: Python's transforms must not crash the decoder."""
    data = FRENCH.encode("cp1252")
    assert decode_html(data, f"text/html; charset={label}") == FRENCH
    page = with_meta(FRENCH, f'<meta charset="{label}">')
    assert decode_html(page.encode("cp1252")) == page
    # Binary data the detector gives up on used to be decoded with the declared codec.
    garbage = b"\x00" * 16 + _random_bytes(len(label), 600)
    for data, content_type in (
        (garbage, f"text/html; charset={label}"),
        (f'<meta charset="{label}">'.encode() + garbage, None),
    ):
        with pytest.raises(UnwallError) as caught:
            decode_html(data, content_type)
        assert caught.value.code == errors.UNDECODABLE


def test_utf7_declaration_is_ignored() -> None:
    # The HTML standard forbids UTF-7: "+ADw-" must stay text, never become "<".
    data = b"<p>Costs +ADw-script+AD4- went up +- 5 per cent.</p>"
    assert decode_html(data, "text/html; charset=utf-7") == data.decode("ascii")


# --- damaged UTF-8 ------------------------------------------------------------------------


def _with_stray_bytes(text: str) -> bytes:
    # Two bytes that are no character in windows-1252 either.
    data = text.encode("utf-8")
    first, second = data.index(b"<p>") + 3, data.rindex(b"<p>") + 3
    return data[:first] + b"\x8d" + data[first:second] + b"\x81" + data[second:]


@pytest.mark.parametrize("content_type", ["text/html; charset=utf-8", "text/html", None])
def test_utf8_with_a_couple_of_stray_bytes_is_replaced_not_rejected(content_type: str | None) -> None:
    text = decode_html(_with_stray_bytes(FRENCH), content_type)
    assert text.count("\ufffd") == 2
    assert text.replace("\ufffd", "") == FRENCH


def test_declared_utf8_with_few_non_ascii_characters_and_stray_bytes() -> None:
    # Three curly quotes and two stray bytes: the declaration settles it, not mojibake.
    page = (
        "<html><body><p>It\u2019s a fine day, the mayor said, and \u201cwe will build the bridge\u201d "
        "before the winter.</p><p>The council agreed after a long debate about the cost.</p></body></html>"
    )
    text = decode_html(_with_stray_bytes(page), "text/html; charset=utf-8")
    assert text.replace("\ufffd", "") == page
    assert "\u00e2\u20ac" not in text  # the classic 'â€' of UTF-8 read as windows-1252


@pytest.mark.parametrize("content_type", ["text/html; charset=utf-8", None])
def test_latin_bytes_in_a_utf8_page_read_as_the_letters_they_are(content_type: str | None) -> None:
    # A meta tag in ISO 8859-1 pasted into a UTF-8 template (a Swiss firm's site):
    # 'naturgr\xfcn' is 'naturgrün', where a browser would show U+FFFD.
    page = (
        b'<html><head><meta name="title" content="naturgr\xfcn gmbh \x96 Gossau">'
        b"<title>Team</title></head><body><p>\xc3\x9cber uns: G\xc3\xa4rten f\xc3\xbcr Gro\xc3\x9f "
        b"und Klein, gepflegt mit Freude.</p><p>Gr\xc3\xbc\xc3\x9fe aus Z\xc3\xbcrich.</p></body></html>"
    )
    text = decode_html(page, content_type)
    assert 'content="naturgrün gmbh – Gossau"' in text
    assert "Über uns: Gärten für Groß und Klein" in text
    assert "\ufffd" not in text


def test_declared_utf8_that_is_really_windows_1252_is_rescued() -> None:
    # A server that says utf-8 about a windows-1252 page: every accent is invalid UTF-8.
    assert decode_html(FRENCH.encode("cp1252"), "text/html; charset=utf-8") == FRENCH


@pytest.mark.parametrize(
    ("label", "where"),
    [("iso-8859-15", "meta"), ("iso-8859-1", "http"), ("windows-1251", "meta"), ("koi8-r", "http")],
)
def test_valid_utf8_labelled_with_a_single_byte_charset_is_utf8(label: str, where: str) -> None:
    # A page saved or served as UTF-8 under a Latin label: read as the label,
    # 'kilómetros' was 'kilÃ³metros'.
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={label}">' if where == "meta" else ""
    page = f"<html><head>{meta}</head><body><p>{FRENCH} A 70 kilómetros de Lyon.</p></body></html>"
    content_type = f"text/html; charset={label}" if where == "http" else None
    assert decode_html(page.encode("utf-8"), content_type) == page


@pytest.mark.parametrize("codec", ["cp1252", "iso8859_15"])
def test_a_single_byte_page_keeps_its_declared_charset(codec: str) -> None:
    page = f'<html><head><meta charset="{codec}"></head><body><p>{FRENCH}</p></body></html>'
    assert decode_html(page.encode(codec)) == page


# --- nothing to read --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b" ",
        b"  \r\n\t\x0c ",
        codecs.BOM_UTF8,
        codecs.BOM_UTF8 + b"  \n",
        codecs.BOM_UTF16_LE + "  \n ".encode("utf-16-le"),
        "\u00a0\u3000".encode(),
    ],
)
def test_empty_or_blank_body_is_empty_body(data: bytes) -> None:
    with pytest.raises(UnwallError) as caught:
        decode_html(data, "text/html; charset=utf-8")
    assert caught.value.code == errors.EMPTY_BODY
    assert caught.value.status == 400


BINARY = [
    pytest.param(_random_bytes(1, 4096), id="random"),
    pytest.param(b"\x00" * 16 + _random_bytes(2, 4096), id="random-with-nuls"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + _random_bytes(3, 8192), id="png"),
    pytest.param(b"\x1f\x8b\x08\x00" + _random_bytes(4, 2048), id="gzip"),
    pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + b"\x00" * 64 + _random_bytes(5, 2048), id="pdf-ish"),
    pytest.param(b"\x00" * 512, id="nuls"),
]


@pytest.mark.parametrize("data", BINARY)
@pytest.mark.parametrize(
    "content_type", [None, "text/html", "text/html; charset=utf-8", "text/html; charset=gbk"]
)
def test_binary_garbage_is_undecodable(data: bytes, content_type: str | None) -> None:
    with pytest.raises(UnwallError) as caught:
        decode_html(data, content_type)
    assert caught.value.code == errors.UNDECODABLE
    assert caught.value.status == 400


# --- properties -------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / max(len(text), 1)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_declared_utf8_round_trips_any_text(text: str) -> None:
    """Any text comes back exactly (less a leading BOM, which is no content);
    only blank text or text that is mostly control characters is refused, with
    a documented error."""
    try:
        decoded = decode_html(text.encode("utf-8"), "text/html; charset=utf-8")
    except UnwallError as error:
        assert error.code in {errors.EMPTY_BODY, errors.UNDECODABLE}
        if error.code == errors.EMPTY_BODY:
            assert not text.removeprefix("\ufeff").strip()
        else:
            assert _control_share(text) > 0.05
    else:
        assert decoded == text.removeprefix("\ufeff")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(min_size=1, max_size=300).filter(
        lambda t: t.removeprefix("\ufeff").strip() and not _CONTROL.search(t)
    )
)
def test_declared_utf8_text_without_control_characters_always_round_trips(text: str) -> None:
    assert decode_html(text.encode("utf-8"), "text/html; charset=utf-8") == text.removeprefix("\ufeff")


CONTENT_TYPES = st.one_of(
    st.none(),
    st.just("text/html"),
    st.sampled_from(
        [
            "utf-8",
            "utf-16",
            "utf-16le",
            "utf-32",
            "iso-8859-1",
            "shift_jis",
            "gb2312",
            "euc-kr",
            "big5",
            "koi8-r",
            "base64",
            "rot13",
            "undefined",
            "idna",
            "utf-7",
            "punycode",
            "bogus",
            "",
        ]
    ).map(lambda label: f"text/html; charset={label}"),
    st.text(max_size=40),
)
LABELS = st.sampled_from([b"utf-8", b"windows-1252", b"utf-16", b"undefined", b"base64", b"x", b"idna"])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=600),
        st.builds(
            lambda label, rest: b'<meta charset="' + label + b'">' + rest, LABELS, st.binary(max_size=400)
        ),
        st.builds(
            lambda bom, rest: bom + rest, st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE]), st.binary()
        ),
    ),
    CONTENT_TYPES,
)
def test_any_bytes_give_text_or_a_documented_error(data: bytes, content_type: str | None) -> None:
    try:
        text = decode_html(data, content_type)
    except UnwallError as error:
        assert error.code in {errors.EMPTY_BODY, errors.UNDECODABLE}
        assert error.status == 400
    else:
        assert isinstance(text, str)
        assert text.strip()


_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.characters(max_codepoint=0x2FF) | st.sampled_from(["\ufffd", "€", "😀", "\ud800"]))
)
def test_control_characters_are_counted_as_a_pattern_would(text: str) -> None:
    assert _count_control_chars(text) == len(_CONTROLS.findall(text))
