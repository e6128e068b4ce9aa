"""Render consent-walled fixture pages with real open-source consent libraries.

    python3 tools/corpus/render_consent_pages.py \\
        --klaro KLARO_PACKAGE_DIR --tarteaucitron TARTEAUCITRON_PACKAGE_DIR \\
        [--pages tests/fixtures/pages] [--chromium /usr/bin/chromium] [--only NAME ...]

KLARO_PACKAGE_DIR and TARTEAUCITRON_PACKAGE_DIR are the unpacked npm packages
(`npm pack klaro tarteaucitronjs`, then `tar xzf` each: the `package/` folders).

For every page below, a local page on 127.0.0.1 combines the article of a real
corpus page (`tests/fixtures/pages/<article>`: its paragraphs that hold the
`must_contain` sentences, in that article's language) with the consent library
loaded from the npm package files and configured in the same language, plus a
YouTube embed the library blocks. Headless Chromium (Playwright, the system
browser, no other network) renders it; once the banner and the blocked-embed
placeholder are visible, the DOM is saved (`document.documentElement.outerHTML`,
open shadow roots inlined) as `<pages>/<name>/source.html`, with an
`expected.json`: must_contain = the article's sentences, must_not_contain = the
consent texts as rendered (visible text of the banner and of the placeholder).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import html
import json
import mimetypes
import re
import sys
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Literal

import lxml.html

ORIGIN = "https://news.consent-corpus.example"
"""Fictional origin written into the saved pages instead of the local server's."""
VIDEO_ID = "aqz-KE-bpKQ"  # Blender Foundation's "Big Buck Bunny" (CC BY 3.0); never loaded
WAIT_MS = 15_000
BLOCK_TAGS = ("p", "li", "blockquote", "h2", "h3", "div", "section", "td")

Library = Literal["klaro", "tarteaucitron"]


@dataclass(frozen=True)
class PageSpec:
    name: str
    library: Library
    lang: str
    article: str  # folder name of a real corpus page in the same language
    layout: str  # klaro: "notice" | "modal"; tarteaucitron: "middle" | "bottom" | "top"
    note: str = ""


PAGES: tuple[PageSpec, ...] = (
    PageSpec("klaro-notice-en", "klaro", "en", "theverge-facetime-en", "notice"),
    PageSpec("klaro-modal-de", "klaro", "de", "basicthinking-tweets-de", "modal"),
    PageSpec("klaro-notice-cs", "klaro", "cs", "aktualne-westham-cs", "notice"),
    PageSpec("klaro-modal-es", "klaro", "es", "elpais-listas-espera-es", "modal"),
    PageSpec("tarteaucitron-middle-fr", "tarteaucitron", "fr", "franceculture-parole-fr", "middle"),
    PageSpec("tarteaucitron-bottom-es", "tarteaucitron", "es", "ultimahora-infanta-es", "bottom"),
    PageSpec("tarteaucitron-middle-pt", "tarteaucitron", "pt", "folha-tite-pt", "middle"),
    PageSpec("tarteaucitron-top-lv", "tarteaucitron", "lv", "lsm-nogruvums-lv", "top"),
)


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


@dataclass
class Article:
    title: str
    published: str | None
    paragraphs: list[str]
    must_contain: list[str]
    source_name: str
    source_note: str


def _own_text_block(element: lxml.html.HtmlElement) -> bool:
    """A block with no block descendants: the smallest element that holds a sentence."""
    return not any(child.tag in BLOCK_TAGS for child in element.iterdescendants())


def load_article(pages: Path, name: str) -> Article:
    """The paragraphs of a corpus page that hold its `must_contain` sentences, in order."""
    expected = json.loads((pages / name / "expected.json").read_text(encoding="utf-8"))
    document = lxml.html.document_fromstring((pages / name / "source.html").read_bytes())
    for junk in document.xpath("//script|//style|//noscript|//template"):
        junk.drop_tree()
    blocks = [
        normalize(element.text_content())
        for element in document.iter(*BLOCK_TAGS)
        if _own_text_block(element) and element.text_content().strip()
    ]
    paragraphs: list[str] = []
    for sentence in expected["must_contain"]:
        wanted = normalize(sentence)
        block = next((b for b in blocks if wanted in b), None)
        if block is None:
            raise SystemExit(f"{name}: no block of its source holds {sentence!r}")
        if block not in paragraphs:
            paragraphs.append(block)
    title = expected["title"] or normalize(document.xpath("string(//h1[normalize-space()][1])"))
    return Article(
        title=title,
        published=expected.get("published"),
        paragraphs=paragraphs,
        must_contain=list(expected["must_contain"]),
        source_name=name,
        source_note=expected["source"],
    )


def _embed_html(spec: PageSpec) -> str:
    if spec.library == "tarteaucitron":
        return (
            f'<div class="youtube_player" videoID="{VIDEO_ID}" width="640" height="360" theme="light"></div>'
        )
    return (
        f'<iframe data-name="youtube" data-src="https://www.youtube-nocookie.com/embed/{VIDEO_ID}" '
        'width="640" height="360" allowfullscreen title="YouTube"></iframe>'
    )


def _library_html(spec: PageSpec) -> str:
    if spec.library == "tarteaucitron":
        tac_config: dict[str, Any] = {
            "privacyUrl": "/privacy",
            "bodyPosition": "top",
            "hashtag": "#tarteaucitron",
            "cookieName": "tarteaucitron",
            "orientation": spec.layout,
            "groupServices": False,
            "showDetailsOnClick": True,
            "serviceDefaultState": "wait",
            "showAlertSmall": False,
            "cookieslist": False,
            "closePopup": False,
            "showIcon": True,
            "iconPosition": "BottomRight",
            "adblocker": False,
            "DenyAllCta": True,
            "AcceptAllCta": True,
            "highPrivacy": True,
            "alwaysNeedConsent": False,
            "handleBrowserDNTRequest": False,
            "removeCredit": False,
            "moreInfoLink": True,
            "useExternalCss": False,
            "useExternalJs": False,
            "mandatory": True,
            "mandatoryCta": True,
            "googleConsentMode": False,
            "partnersList": False,
        }
        return (
            f'<script>var tarteaucitronForceLanguage = "{spec.lang}";</script>\n'
            '<script src="/lib/tarteaucitron/tarteaucitron.js"></script>\n'
            f"<script>tarteaucitron.init({json.dumps(tac_config)});\n"
            "(tarteaucitron.job = tarteaucitron.job || []).push('youtube');</script>"
        )
    config: dict[str, Any] = {
        "version": 1,
        "elementID": "klaro",
        "lang": spec.lang,
        "storageMethod": "localStorage",
        "htmlTexts": False,
        "acceptAll": True,
        "hideDeclineAll": False,
        "mustConsent": spec.layout == "modal",
        "noticeAsModal": False,
        "groupByPurpose": True,
        "default": False,
        "privacyPolicy": "/privacy",
        "services": [
            {"name": "youtube", "title": "YouTube", "purposes": ["marketing"], "cookies": ["YSC", "PREF"]},
            {
                "name": "matomo",
                "title": "Matomo",
                "purposes": ["performance"],
                "cookies": ["_pk_id", "_pk_ses"],
            },
        ],
    }
    return (
        f"<script>var klaroConfig = {json.dumps(config)};</script>\n"
        '<script defer src="/lib/klaro/dist/klaro.js"></script>'
    )


def page_html(spec: PageSpec, article: Article) -> str:
    """The local article page: a plain news layout around the corpus article."""
    paragraphs = [f"<p>{html.escape(p)}</p>" for p in article.paragraphs]
    middle = max(1, len(paragraphs) // 2)
    body = "\n".join([*paragraphs[:middle], f"<figure>{_embed_html(spec)}</figure>", *paragraphs[middle:]])
    published = article.published or ""
    published_meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    time_tag = f'<time datetime="{published}">{published}</time>' if published else ""
    title = html.escape(article.title)
    return f"""<!DOCTYPE html>
<html lang="{spec.lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta property="og:title" content="{title}">
{published_meta}
</head>
<body>
<header class="site-header"><a class="site-name" href="/">Consent Corpus News</a></header>
<main>
<article>
<h1>{title}</h1>
<p class="meta">{time_tag}</p>
{body}
</article>
</main>
<footer class="site-footer"><a href="/privacy">Privacy</a></footer>
{_library_html(spec)}
</body>
</html>
"""


class _Server:
    """Serves the generated pages and the two npm packages on 127.0.0.1."""

    def __init__(self, roots: dict[str, Path]) -> None:
        self.pages: dict[str, str] = {}
        self.roots = roots
        handler = functools.partial(_Handler, self)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self) -> _Server:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _Handler(BaseHTTPRequestHandler):
    def __init__(self, server_state: _Server, *args: Any) -> None:
        self.state = server_state
        super().__init__(*args)

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        return

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path in self.state.pages:
            self._send(200, "text/html; charset=utf-8", self.state.pages[path].encode("utf-8"))
            return
        for prefix, root in self.state.roots.items():
            if path.startswith(prefix):
                target = (root / path[len(prefix) :]).resolve()
                if target.is_file() and target.is_relative_to(root.resolve()):
                    kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
                    self._send(200, kind, target.read_bytes())
                    return
        self._send(404, "text/plain", b"not found")

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


# Runs before any page script: a seeded Math.random, so that ids the libraries
# draw at random (tarteaucitron's placeholder buttons) are the same on every run.
SEEDED_RANDOM_JS = """(() => {
  let seed = 0x2545F491;
  Math.random = () => {
    seed = (seed + 0x6D2B79F5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
})();"""

# Runs in the page: inline open shadow roots (innermost first) as light-DOM
# <div data-shadow-root="open"> children, then serialise the document.
SERIALIZE_JS = """() => {
  const inline = (root) => {
    for (const host of root.querySelectorAll('*')) {
      if (host.shadowRoot) {
        inline(host.shadowRoot);
        const copy = document.createElement('div');
        copy.setAttribute('data-shadow-root', 'open');
        copy.innerHTML = host.shadowRoot.innerHTML;
        host.insertBefore(copy, host.firstChild);
      }
    }
  };
  inline(document);
  return '<!DOCTYPE html>\\n' + document.documentElement.outerHTML + '\\n';
}"""

# Visible text pieces inside the consent UI: the whole text of every element that
# holds text and only inline children (a sentence with its <strong>/<a> parts), else
# each of its own text nodes alone (text beside buttons and other boxes).
CONSENT_TEXTS_JS = """(selectors) => {
  const out = [];
  const skip = ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'];
  const clean = (text) => text.replace(/\\s+/g, ' ').trim();
  const visible = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.display === 'none' || style.visibility === 'hidden') return false;
    }
    return el.getClientRects().length > 0;
  };
  const inlineOnly = (el) => Array.from(el.children).every((child) => {
    const display = getComputedStyle(child).display;
    return display === 'inline' || display === 'contents' || display === 'none';
  });
  const walk = (el) => {
    if (skip.includes(el.tagName)) return;
    const ownText = Array.from(el.childNodes).filter(
      (n) => n.nodeType === Node.TEXT_NODE && clean(n.textContent));
    if (ownText.length && visible(el)) {
      if (inlineOnly(el)) {
        out.push(clean(el.textContent));
        return;
      }
      for (const node of ownText) out.push(clean(node.textContent));
    }
    for (const child of el.children) walk(child);
  };
  for (const selector of selectors) {
    for (const root of document.querySelectorAll(selector)) walk(root);
  }
  return out;
}"""

CONSENT_SELECTORS: dict[Library, list[str]] = {
    "klaro": ["#klaro", "[data-type='placeholder'][data-name]"],
    "tarteaucitron": ["#tarteaucitronRoot", ".youtube_player"],
}
READY_SELECTORS: dict[Library, list[str]] = {
    "klaro": [
        "#klaro .cookie-notice, #klaro .cookie-modal",
        "[data-type='placeholder'] .cm-as-context-notice",
    ],
    "tarteaucitron": ["#tarteaucitronAlertBig", ".youtube_player .tac_activate"],
}

# Then, the library's own initialisation must be complete (tarteaucitron wires its
# panel's buttons, adding data-index attributes, a moment after showing the banner).
READY_FUNCTIONS: dict[Library, str] = {
    "klaro": "() => true",
    "tarteaucitron": """() => {
      const buttons = Array.from(document.querySelectorAll('#tarteaucitronRoot .catToggleBtn'));
      return buttons.length > 0 && buttons.every((b) => b.dataset.index !== undefined);
    }""",
}


@dataclass
class Rendered:
    source_html: str
    consent_texts: list[str] = field(default_factory=list)


def render(
    spec: PageSpec, article: Article, server: _Server, browser: Any, screenshots: Path | None = None
) -> Rendered:
    path = f"/{spec.lang}/{spec.name}.html"
    server.pages[path] = page_html(spec, article)
    context = browser.new_context(locale=spec.lang, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        local = server.origin

        def only_local(route: Any) -> None:
            if route.request.url.startswith(local + "/"):
                route.continue_()
            else:
                route.abort()

        page.route("**/*", only_local)
        page.add_init_script(SEEDED_RANDOM_JS)
        page.goto(local + path, wait_until="load")
        for selector in READY_SELECTORS[spec.library]:
            page.wait_for_selector(selector, state="visible", timeout=WAIT_MS)
        page.wait_for_function(READY_FUNCTIONS[spec.library], timeout=WAIT_MS)
        page.wait_for_timeout(500)  # let late layout (transitions) settle
        texts: list[str] = page.evaluate(CONSENT_TEXTS_JS, CONSENT_SELECTORS[spec.library])
        if screenshots is not None:
            screenshots.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(screenshots / f"{spec.name}.png"), full_page=True)
        source = page.evaluate(SERIALIZE_JS)
    finally:
        context.close()
    return Rendered(ascii_before_charset(source.replace(local, ORIGIN)), texts)


def ascii_before_charset(source: str) -> str:
    """Write non-ASCII characters before `<meta charset>` as character references.

    tarteaucitron sets `style="--tacTitleBanner: \"☝️ 🍪\""` on <html>; raw, those bytes
    come before the charset declaration, and libxml2 (lxml, readability-lxml) then
    decodes the whole page as Latin-1. As references they are the same DOM."""
    end = source.find("<meta charset=")
    if end < 0:
        return source
    head = "".join(c if ord(c) < 128 else f"&#x{ord(c):X};" for c in source[:end])
    return head + source[end:]


def junk_strings(texts: list[str], article: Article) -> list[str]:
    """The rendered consent texts worth checking: two words or nine characters at least,
    not in the article, once each."""
    article_text = normalize(" ".join([article.title, *article.paragraphs]))
    seen: list[str] = []
    for text in texts:
        piece = normalize(text)
        if (" " not in piece and len(piece) < 9) or piece in seen or piece in article_text:
            continue
        if any(piece in normalize(s) for s in article.must_contain):
            continue
        seen.append(piece)
    return seen


def package_version(package: Path) -> str:
    return str(json.loads((package / "package.json").read_text(encoding="utf-8"))["version"])


LIBRARY_NOTES: dict[Library, str] = {
    "klaro": (
        "klaro {version} (npm package `klaro`, dist/klaro.js with its bundled translations; "
        "BSD-3-Clause, LICENSES/klaro.txt)"
    ),
    "tarteaucitron": (
        "tarteaucitron.js {version} (npm package `tarteaucitronjs`: tarteaucitron.js, "
        "tarteaucitron.services.js, lang/tarteaucitron.{lang}.js, css/; MIT, LICENSES/tarteaucitron.txt)"
    ),
}


def expected_json(
    spec: PageSpec, article: Article, junk: list[str], versions: dict[Library, str]
) -> dict[str, Any]:
    library = LIBRARY_NOTES[spec.library].format(version=versions[spec.library], lang=spec.lang)
    return {
        "url": f"{ORIGIN}/{spec.lang}/{spec.name}.html",
        "lang": spec.lang,
        "source": (
            f"Generated by tools/corpus/render_consent_pages.py: the consent UI of {library}, "
            f"configured for '{spec.lang}' (layout '{spec.layout}'), rendered in headless Chromium "
            f"around the article paragraphs of the real corpus page `{article.source_name}` (see its "
            "expected.json for its source and licence) and a YouTube embed the library blocks; the DOM "
            "was saved once the banner and the embed placeholder were visible. The page template is "
            "original (project licence). Title is the article's headline; no byline or lead image "
            "on the page."
        ),
        "title": article.title,
        "byline": None,
        "published": article.published,
        "lead_image_url": None,
        "headings": [],
        "must_contain": article.must_contain,
        "must_not_contain": junk,
        "platform": spec.library,
    }


@contextlib.contextmanager
def chromium(executable: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright  # imported here: only the generator needs Playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            yield browser
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--klaro", type=Path, required=True, help="unpacked npm package klaro")
    parser.add_argument(
        "--tarteaucitron", type=Path, required=True, help="unpacked npm package tarteaucitronjs"
    )
    parser.add_argument("--pages", type=Path, default=Path("tests/fixtures/pages"))
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--only", nargs="*", help="page names to regenerate (default: all)")
    parser.add_argument(
        "--screenshots", type=Path, help="also save a full-page PNG of each rendered page here"
    )
    args = parser.parse_args(argv)

    for name, package in (
        ("klaro", args.klaro / "dist" / "klaro.js"),
        ("tarteaucitron", args.tarteaucitron / "tarteaucitron.js"),
    ):
        if not package.is_file():
            parser.error(f"--{name}: {package} not found (give the unpacked package/ folder)")
    versions: dict[Library, str] = {
        "klaro": package_version(args.klaro),
        "tarteaucitron": package_version(args.tarteaucitron),
    }
    specs = [s for s in PAGES if not args.only or s.name in args.only]
    roots = {"/lib/klaro/": args.klaro, "/lib/tarteaucitron/": args.tarteaucitron}
    with _Server(roots) as server, chromium(args.chromium) as browser:
        for spec in specs:
            article = load_article(args.pages, spec.article)
            rendered = render(spec, article, server, browser, args.screenshots)
            junk = junk_strings(rendered.consent_texts, article)
            if not junk:
                raise SystemExit(f"{spec.name}: no consent text was rendered")
            folder = args.pages / spec.name
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "source.html").write_text(rendered.source_html, encoding="utf-8")
            expected = expected_json(spec, article, junk, versions)
            (folder / "expected.json").write_text(
                json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            print(f"{spec.name}: {len(rendered.source_html) // 1024} KB, {len(junk)} consent strings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
