"""Stage 1, decode: page bytes to text, the way a browser would choose the charset.

Order of evidence, strongest first: a byte-order mark, the HTTP `charset`
parameter, `<meta charset>` / `http-equiv` in the first bytes, valid UTF-8, then
statistical detection; except that bytes which are valid UTF-8 beat a declared
single-byte charset (a server's default label, a stale meta tag). Labels are
mapped as the WHATWG Encoding Standard does, because pages declare
`iso-8859-1` and mean windows-1252, `gb2312` and mean GB18030.
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

from charset_normalizer import from_bytes

from unwall import errors
from unwall.errors import UnwallError

# WHATWG aliases that differ from Python's codec of the same name.
_WHATWG_LABELS: dict[str, str] = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "windows-1252": "cp1252",
    "iso-8859-9": "cp1254",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "windows-31j": "cp932",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "tis-620": "cp874",
    "iso-8859-11": "cp874",
    "utf8": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
}

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# The HTML prescan looks at the first 1024 bytes; real pages put scripts and
# comments before the meta tag, so a wider window is kinder and still cheap.
_PRESCAN_BYTES = 8192
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:\-]+)""", re.IGNORECASE)

# Python codecs that decode ASCII but are no page encoding: they raise on any
# error handler but "strict", or turn escapes into markup (the HTML standard
# forbids UTF-7 for that reason).
_NOT_PAGE_ENCODINGS = frozenset(
    {"undefined", "idna", "punycode", "utf-7", "unicode-escape", "raw-unicode-escape"}
)

# The code pages a language is written in, for the detector's language names
# (windows first: it is what pages without a declaration use).
_WESTERN = ("cp1252", "iso8859_15")
_CENTRAL_EUROPEAN = ("cp1250", "iso8859_2")
_CODE_PAGES_BY_LANGUAGE: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        "English French German Spanish Italian Portuguese Dutch Danish Swedish Norwegian Finnish".split(),
        _WESTERN,
    ),
    **dict.fromkeys("Polish Czech Slovak Hungarian Croatian Slovene Romanian".split(), _CENTRAL_EUROPEAN),
}
# How much less clean (charset_normalizer's "chaos", 0 to 1) a native reading may be.
_CHAOS_MARGIN = 0.05

# Text that is mostly control characters was never HTML.
# C0 controls (but tab, line feed, vertical tab, form feed and carriage return),
# DEL and the replacement character: what binary data decodes to.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_REPLACEMENT_UTF8 = "\ufffd".encode()
_MAX_CONTROL_RATIO = 0.05


def normalize_label(label: str | None) -> str | None:
    """A charset label to a Python codec name, or None when unknown."""
    if not label:
        return None
    cleaned = label.strip().strip("\"'").lower()
    cleaned = _WHATWG_LABELS.get(cleaned, cleaned)
    try:
        name = codecs.lookup(cleaned).name
    except LookupError:
        return None
    return name if _is_page_encoding(name) else None


def _is_page_encoding(name: str) -> bool:
    """Python also names transforms (`base64`, `rot13`) and codecs that raise
    whatever the error handler (`undefined`, `idna`): a page that declares one
    must be treated as undeclared, not crash the decoder."""
    if name in _NOT_PAGE_ENCODINGS:
        return False
    try:
        b"a".decode(name)
    except (LookupError, UnicodeError):
        return False
    return True


def charset_from_content_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = re.search(r"charset\s*=\s*([^;\s]+)", content_type, re.IGNORECASE)
    return normalize_label(match.group(1)) if match else None


def sniff_bom(data: bytes) -> tuple[str, int] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def sniff_meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:_PRESCAN_BYTES])
    if not match:
        return None
    label = normalize_label(match.group(1).decode("ascii", "replace"))
    # A page that says utf-16 in ASCII bytes is not utf-16 (HTML spec).
    if label and label.startswith("utf-16"):
        return "utf-8"
    return label


@lru_cache(maxsize=64)
def _is_single_byte(encoding: str) -> bool:
    """One character per byte (windows-1252, ISO 8859, KOI8-R), unlike UTF-8,
    Shift_JIS or GB18030, whose high bytes lead sequences."""
    return len(bytes(range(0x80, 0x100)).decode(encoding, "replace")) == 0x80


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def looks_like_text(text: str) -> bool:
    if not text.strip():
        return False
    sample = text[:100_000]
    return _count_control_chars(sample) <= _MAX_CONTROL_RATIO * len(sample)


def _count_control_chars(text: str) -> int:
    # Counted in the UTF-8 bytes, with C loops (a regex over the text tests
    # each character in turn): each control is one byte there, a byte that no
    # other character's encoding contains.
    data = text.encode("utf-8", "surrogatepass")
    return len(data) - len(data.translate(None, _CONTROL_BYTES)) + data.count(_REPLACEMENT_UTF8)


def decode_html(data: bytes, content_type: str | None = None) -> str:
    """Decode a page's bytes; raise `undecodable` for what is not text at all."""
    if not data.strip():
        raise UnwallError(errors.EMPTY_BODY, "The request body is empty.", 400)
    bom = sniff_bom(data)
    if bom:
        encoding, skip = bom
        text = data[skip:].decode(encoding, "replace")
    else:
        text = _decode_without_bom(data, content_type)
    if not text.strip():  # a BOM and spaces, or only Unicode spaces: empty, not binary
        raise UnwallError(errors.EMPTY_BODY, "The request body is empty.", 400)
    if not looks_like_text(text):
        raise UnwallError(
            errors.UNDECODABLE,
            "The body is not text in any known character encoding (binary data?).",
            400,
        )
    return text


def _decode_without_bom(data: bytes, content_type: str | None) -> str:
    declared = charset_from_content_type(content_type) or sniff_meta_charset(data)
    if declared and _is_single_byte(declared) and not data.isascii():
        # Servers label pages with a default Latin charset ('AddDefaultCharset
        # ISO-8859-1'), and pages keep a meta charset from before they moved
        # to UTF-8. Latin text is next to never valid UTF-8 ('é' is one byte
        # 0xE9, not a lead byte followed by a continuation byte), so bytes that
        # are valid UTF-8 are UTF-8, whatever the label: read as the label,
        # 'kilómetros' became 'kilÃ³metros'.
        utf8 = _try_decode(data, "utf-8")
        if utf8 is not None:
            return utf8
    if declared:
        strict = _try_decode(data, declared)
        if strict is not None:
            return strict
        # A declared UTF-8 page with a few bad bytes: browsers replace them. The
        # declaration is evidence too, so valid characters need only outnumber
        # bad ones (a mislabeled single-byte page has next to no valid ones).
        if declared == "utf-8" and _mostly_utf8(data, min_ratio=1):
            return data.decode("utf-8", STRAY_BYTES_AS_WINDOWS_1252)
    utf8 = _try_decode(data, "utf-8")
    if utf8 is not None:
        return utf8
    if _mostly_utf8(data):
        return data.decode("utf-8", STRAY_BYTES_AS_WINDOWS_1252)
    guessed = _detect_encoding(data)
    if guessed:
        return data.decode(guessed, "replace")
    if declared:
        return data.decode(declared, "replace")
    return data.decode("cp1252", "replace")


def _detect_encoding(data: bytes) -> str | None:
    """The detector's guess, corrected for the language it read: it tells
    languages apart well but not the single-byte code pages that share most of
    a language's letters, and on a French page may pick iso-8859-13 or
    windows-1250 ('è', 'à', 'œ' become 'č', 'ą', U+009C). Among readings about
    as clean as its best, one in a code page the language is written in wins."""
    # In the detector's order, best first; never a codec that is no page encoding.
    matches = [m for m in from_bytes(data[:200_000]) if m.encoding and normalize_label(m.encoding)]
    if not matches:
        return None
    best = matches[0]
    native = _CODE_PAGES_BY_LANGUAGE.get(best.language.rstrip("—"), ())
    candidates = [m for m in matches if m.encoding in native and m.chaos <= best.chaos + _CHAOS_MARGIN]
    if candidates:
        best = min(candidates, key=lambda match: (match.chaos, native.index(match.encoding)))
    return normalize_label(best.encoding)


def _stray_bytes_as_windows_1252(error: UnicodeError) -> tuple[str, int]:
    """Bytes that are no UTF-8 in a UTF-8 page are, nearly always, a Latin
    character from a part written in windows-1252 or ISO 8859-1 (a meta tag or a
    database field pasted into a UTF-8 template: 'naturgr\\xfcn'). A browser
    shows U+FFFD there; the reader shows the letter ('naturgrün'). Bytes that
    code page leaves undefined stay U+FFFD."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    stray = error.object[error.start : error.end]
    return bytes(stray).decode("cp1252", "replace"), error.end


STRAY_BYTES_AS_WINDOWS_1252 = "unwall-stray-bytes-as-windows-1252"
codecs.register_error(STRAY_BYTES_AS_WINDOWS_1252, _stray_bytes_as_windows_1252)


def _mostly_utf8(data: bytes, min_ratio: int = 3) -> bool:
    """True when valid multi-byte characters far outnumber invalid sequences: a
    UTF-8 page with stray bytes. A single-byte page read as UTF-8 has almost
    no valid multi-byte sequences, so it fails this test."""
    text = data[:1_000_000].decode("utf-8", "replace")
    bad = text.count("\ufffd")
    valid_non_ascii = sum(1 for char in text if char >= "\x80") - bad
    return bad < 1000 and valid_non_ascii >= min_ratio * max(bad, 1)
