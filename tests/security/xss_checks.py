"""What "no executable content" means for each output format, as assertions.

Shared by the XSS corpus and the property tests. Every check returns a list of
problems (empty when the output is safe), so one test can report all of them.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

# Elements that run code, load a document, submit data or change how the page's
# URLs resolve. None may appear in an article body or in the reader page's body.
FORBIDDEN_ELEMENTS = frozenset(
    (
        "script iframe frame frameset object embed applet form input button textarea select "
        "base link meta style svg math template noscript xmp noembed noframes plaintext "
        "portal video audio source track"
    ).split()
)
# Attributes that take a URL which a browser loads or navigates to.
URL_ATTRIBUTES = frozenset(
    (
        "href src srcset action formaction xlink:href poster background data codebase cite "
        "ping lowsrc dynsrc longdesc usemap manifest icon"
    ).split()
)
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")
# Parsed from UTF-8 bytes: lxml refuses a str holding C0 controls, which browsers read.
_PARSER = lxml.html.HTMLParser(encoding="utf-8")
SAFE_DATA_IMAGE = re.compile(r"data:image/(png|gif|jpeg|webp)[;,]")
# What browsers ignore in a URL: C0 controls and space at the ends, and tab/CR/LF anywhere.
_URL_IGNORED = re.compile(r"[\x00-\x20]")


def normalized_url(value: str) -> str:
    """The URL as a browser reads its scheme: controls and spaces gone, lower-cased."""
    return _URL_IGNORED.sub("", value).lower()


def is_dangerous_url(value: str, *, element: str, attribute: str) -> bool:
    url = normalized_url(value)
    if attribute == "srcset":
        # Every candidate of a srcset is a URL of its own.
        return any(
            is_dangerous_url(candidate.strip().split(" ")[0], element=element, attribute="src")
            for candidate in value.split(",")
            if candidate.strip()
        )
    if not url.startswith(DANGEROUS_SCHEMES):
        return False
    return not (element == "img" and attribute == "src" and SAFE_DATA_IMAGE.match(url))


def element_problems(root: HtmlElement, where: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """Forbidden elements, event handlers, styles and dangerous URLs under `root`."""
    problems: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag in FORBIDDEN_ELEMENTS - allowed:
            problems.append(f"{where}: <{tag}> element")
        if tag == "meta" and (element.get("http-equiv") or "").strip().lower() == "refresh":
            problems.append(f"{where}: <meta http-equiv=refresh>")
        for name, value in element.attrib.items():
            lowered = name.lower()
            if lowered.startswith("on"):
                problems.append(f"{where}: <{tag} {name}=...> event handler")
            elif lowered == "style":
                problems.append(f"{where}: <{tag} style=...>")
            elif lowered == "srcdoc":
                problems.append(f"{where}: <{tag} srcdoc=...>")
            elif (lowered in URL_ATTRIBUTES or lowered.endswith(":href")) and is_dangerous_url(
                value, element=tag, attribute=lowered
            ):
                problems.append(f"{where}: <{tag} {name}={value!r}>")
    return problems


def fragment_problems(content_html: str, where: str = "content_html") -> list[str]:
    """`content_html` as a browser's fragment parser would see it (inside <main>)."""
    if not content_html.strip():
        return []
    try:
        body = lxml.html.fragment_fromstring(
            content_html.encode("utf-8"), create_parent="main", parser=_PARSER
        )
    except (lxml.etree.ParserError, ValueError) as exc:
        return [f"{where}: does not parse: {exc}"]
    return element_problems(body, where)


def _policy(content: str) -> dict[str, list[str]]:
    directives: dict[str, list[str]] = {}
    for part in content.split(";"):
        words = part.split()
        if words:
            directives.setdefault(words[0].lower(), words[1:])
    return directives


def csp_problems(policy: str, where: str) -> list[str]:
    problems: list[str] = []
    directives = _policy(policy)
    if directives.get("default-src") != ["'none'"]:
        problems.append(f"{where}: default-src is {directives.get('default-src')}, not 'none'")
    lowered = policy.lower()
    for keyword in ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'"):
        if keyword in lowered:
            problems.append(f"{where}: {keyword}")
    for directive in ("script-src", "script-src-elem", "script-src-attr", "object-src", "frame-src"):
        if directive in directives and directives[directive] != ["'none'"]:
            problems.append(f"{where}: {directive} {directives[directive]}")
    if directives.get("base-uri") != ["'none'"]:
        problems.append(f"{where}: base-uri is not 'none'")
    if directives.get("form-action") != ["'none'"]:
        problems.append(f"{where}: form-action is not 'none'")
    return problems


def html_page_problems(page: str, expected_style: str) -> list[str]:
    """The reader page: a strict CSP meta first in <head>, our one style, a safe body."""
    problems: list[str] = []
    try:
        document = lxml.html.document_fromstring(page.encode("utf-8"), parser=_PARSER)
    except (lxml.etree.ParserError, ValueError) as exc:
        return [f"html page: does not parse: {exc}"]
    head, body = document.find("head"), document.find("body")
    if head is None or body is None:
        return ["html page: no <head> or no <body>"]
    # The document as a whole: nothing that runs, loads or redirects, anywhere.
    allowed_in_head = frozenset({"meta", "style"})
    problems += element_problems(head, "html page <head>", allowed=allowed_in_head)
    problems += element_problems(body, "html page <body>")
    for element in document.iter("script", "base", "iframe", "object", "embed", "form", "link"):
        problems.append(f"html page: <{element.tag}> outside head/body")
    policies = [
        meta.get("content") or ""
        for meta in document.iter("meta")
        if (meta.get("http-equiv") or "").strip().lower() == "content-security-policy"
    ]
    if len(policies) != 1:
        problems.append(f"html page: {len(policies)} Content-Security-Policy meta elements, not 1")
    else:
        problems += csp_problems(policies[0], "html page CSP meta")
        # A meta policy covers only what follows it: nothing but <meta charset>
        # and the viewport may come first.
        before = [child for child in head if isinstance(child.tag, str)]
        before = before[: next(i for i, c in enumerate(before) if c.get("http-equiv"))]
        if any(c.tag != "meta" or c.get("name") not in (None, "viewport") for c in before):
            problems.append("html page: the CSP meta is not at the top of <head>")
    referrers = [m.get("content") for m in head.iter("meta") if m.get("name") == "referrer"]
    if referrers != ["no-referrer"]:
        problems.append(f"html page: referrer policy {referrers}, not no-referrer")
    styles = list(document.iter("style"))
    if len(styles) != 1 or styles[0].getparent() is not head or (styles[0].text or "") != expected_style:
        problems.append("html page: a <style> other than the page's own")
    titles = list(document.iter("title"))
    if len(titles) != 1 or titles[0].getparent() is not head or len(titles[0]):
        problems.append("html page: <title> is not one text-only element in <head>")
    return problems


# Markdown link or image destinations that run code or render a document.
_MARKDOWN_LINK = re.compile(r"(?<!\\)\]\(\s*<?\s*([^)\s>]*)", re.I)
_MARKDOWN_AUTOLINK = re.compile(r"(?<!\\)<([A-Za-z][A-Za-z0-9+.\-]*:[^<>\s]*)>")
_CODE = re.compile(
    r"^ {0,3}(`{3,}|~{3,})[^\n]*\n(?:.|\n)*?^ {0,3}\1|(?<!\\)(`+)(?:.|\n)*?(?<!`)\2(?!`)", re.M
)


def _without_code(markdown: str) -> str:
    """Code spans and fences hold literal text, never links or HTML."""
    return _CODE.sub(" ", markdown)


def markdown_problems(markdown: str) -> list[str]:
    problems: list[str] = []
    prose = _without_code(markdown)
    destinations = [m.group(1) for m in _MARKDOWN_LINK.finditer(prose)]
    destinations += [m.group(1) for m in _MARKDOWN_AUTOLINK.finditer(prose)]
    for destination in destinations:
        url = normalized_url(destination)
        if url.startswith(("javascript:", "vbscript:", "data:text")):
            problems.append(f"markdown: link to {destination!r}")
    if re.search(r"(?<!\\)<script", prose, re.I | re.A):
        problems.append("markdown: raw <script")
    problems += _rendered_markdown_problems(markdown)
    return problems


def _rendered_markdown_problems(markdown: str) -> list[str]:
    """The Markdown through a CommonMark renderer that lets every link and raw
    HTML through (markdown-it-py, when installed): what a careless renderer shows."""
    try:
        from markdown_it import MarkdownIt
    except ImportError:  # an optional second opinion
        return []
    renderer = MarkdownIt("commonmark", {"html": True})
    renderer.validateLink = lambda url: True  # type: ignore[method-assign]
    rendered = renderer.render(markdown)
    problems = []
    for problem in fragment_problems(rendered, "markdown rendered"):
        # A data: image is an image; only its use as a link or document is a problem.
        if "<img src='data:image/" not in problem:
            problems.append(problem)
    return problems


def page_strings(source: str) -> str:
    """Every string the page says as data once parsed: its text, its attribute
    values, and its JSON-LD with entities decoded (publishers write JSON-LD
    strings HTML-escaped, and Unwall reads "&lt;script&gt;" there as the text
    "<script>")."""
    document = lxml.html.document_fromstring(source.encode("utf-8"), parser=_PARSER)
    values = [value for element in document.iter() for value in element.attrib.values()]
    scripts = document.xpath("//script[@type='application/ld+json']")
    json_ld = [html.unescape(script.text or "") for script in scripts]
    return "\n".join([document.text_content(), *values, *json_ld])


def text_problems(text: str, source: str) -> list[str]:
    """Plain text is inert, but markup must not turn into it: "<script" may
    appear only where the page said it as text (a title "<script>" is a title)."""
    if "<script" in text.lower() and "<script" not in page_strings(source).lower():
        return ["text: '<script' where the page had only markup"]
    return []


def read_vectors(path: Path) -> list[tuple[str, str]]:
    """(category, vector) pairs from the data file; see its header for the format."""
    vectors: list[tuple[str, str]] = []
    category = "uncategorized"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            category = line[3:].strip()
            continue
        if not line.strip() or line.startswith("#"):
            continue
        vectors.append((category, re.sub(r"\{U\+([0-9A-Fa-f]{4,6})\}", lambda m: chr(int(m[1], 16)), line)))
    return vectors
