"""An article as one self-contained HTML5 reader page: no scripts, no external
assets, and a Content-Security-Policy that allows only the page's own style."""

from __future__ import annotations

import base64
import hashlib
import re
from html import escape

import lxml.etree
import lxml.html

from unwall.model import Article, LeadImage
from unwall.render.markdown import safe_image
from unwall.render.text import collapse_space, format_date, parse_date, shown_byline

STYLE = """
:root {
  color-scheme: light dark;
  --bg: #fbfaf6;
  --fg: #1d1d1b;
  --muted: #6a675f;
  --rule: #e3dfd5;
  --link: #1d58a8;
  --visited: #6b3f94;
  --code-bg: #f0ede5;
  --quote: #c8c0ae;
  --serif: Charter, "Bitstream Charter", "Sitka Text", Cambria, "Iowan Old Style",
    "Palatino Linotype", Georgia, "Noto Serif", "DejaVu Serif", serif;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
    "Helvetica Neue", Arial, sans-serif;
  --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono",
    "DejaVu Sans Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #17181b;
    --fg: #e2dfd8;
    --muted: #a19d94;
    --rule: #34363c;
    --link: #8db8ff;
    --visited: #c7a6f2;
    --code-bg: #222429;
    --quote: #51545c;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html {
  background: var(--bg);
  color: var(--fg);
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
}
body {
  margin: 0 auto;
  max-width: 38em;
  padding: 3rem 1.5rem 5rem;
  font-family: var(--serif);
  font-size: 1.1875rem;
  line-height: 1.6;
  font-kerning: normal;
  overflow-wrap: break-word;
  hyphens: auto;
}
a { color: var(--link); text-decoration-thickness: 1px; text-underline-offset: 0.15em; }
a:visited { color: var(--visited); }
.masthead { margin-bottom: 2.25em; padding-bottom: 1.25em; border-bottom: 1px solid var(--rule); }
.site {
  margin: 0 0 0.6em;
  font-family: var(--sans);
  font-size: 0.8em;
  font-variant-caps: all-small-caps;
  letter-spacing: 0.08em;
  color: var(--muted);
}
.masthead h1 {
  margin: 0 0 0.5em;
  font-size: 2.1em;
  line-height: 1.15;
  letter-spacing: -0.01em;
  hyphens: manual;
}
.meta { margin: 0; font-family: var(--sans); font-size: 0.8em; line-height: 1.5; color: var(--muted); }
/* inline-block keeps the link's underline off the separator */
.meta > * + *::before {
  content: "\\00B7";
  display: inline-block;
  margin: 0 0.55em;
}
.meta a { color: inherit; }
.meta time, .meta .reading-time, .meta .source { white-space: nowrap; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.9em 0 0.55em; font-weight: 700; hyphens: manual; }
h1 { font-size: 1.8em; }
h2 { font-size: 1.45em; }
h3 { font-size: 1.2em; }
h4 { font-size: 1.05em; }
h5, h6 { font-size: 1em; color: var(--muted); }
p, ul, ol, dl, table, pre, blockquote, figure { margin: 0 0 1.15em; }
ul, ol { padding-inline-start: 1.6em; }
li { margin: 0.3em 0; }
li > ul, li > ol { margin: 0.3em 0; }
dt { font-weight: 700; }
dd { margin: 0 0 0.6em; padding-inline-start: 1.6em; }
img, video, svg, picture { max-width: 100%; height: auto; }
img { display: inline-block; vertical-align: middle; }
/* A picture set straight into the article's blocks (not inside a line of text)
   stands on its own; inline, it would make its line as tall as itself. */
:is(div, section, article, main) > img { display: block; margin: 0 0 1.15em; }
figure { margin: 2em 0; }
figure img { display: block; margin: 0; }
figcaption {
  margin-top: 0.6em;
  font-family: var(--sans);
  font-size: 0.78em;
  line-height: 1.45;
  color: var(--muted);
}
figure.lead { margin: 0 0 2.25em; }
blockquote {
  margin-inline: 0;
  padding-block: 0.1em;
  padding-inline: 1.2em 0;
  border-inline-start: 3px solid var(--quote);
}
blockquote > :last-child { margin-bottom: 0; }
code, kbd, samp, pre { font-family: var(--mono); font-size: 0.85em; hyphens: none; }
:not(pre) > code {
  padding: 0.1em 0.3em;
  border-radius: 3px;
  background: var(--code-bg);
  -webkit-box-decoration-break: clone;
  box-decoration-break: clone;
}
pre {
  overflow-x: auto;
  padding: 0.9em 1.1em;
  border-radius: 4px;
  background: var(--code-bg);
  line-height: 1.45;
  tab-size: 4;
  white-space: pre;
}
pre code { font-size: 1em; padding: 0; background: none; }
table {
  display: block;
  max-width: 100%;
  overflow-x: auto;
  border-collapse: collapse;
  font-family: var(--sans);
  font-size: 0.8em;
  line-height: 1.45;
}
caption { padding-bottom: 0.5em; color: var(--muted); text-align: start; }
th, td { padding: 0.45em 0.75em; border: 1px solid var(--rule); text-align: start; vertical-align: top; }
th { background: var(--code-bg); font-weight: 600; }
hr { margin: 2.5em auto; width: 40%; border: 0; border-top: 1px solid var(--rule); }
sup, sub { line-height: 0; }
@media (max-width: 40em) {
  body { padding: 1.75rem 1.1rem 3.5rem; font-size: 1.0625rem; }
  .masthead h1 { font-size: 1.75em; }
}
@media print {
  :root {
    --bg: #fff;
    --fg: #000;
    --muted: #444;
    --rule: #999;
    --link: #000;
    --visited: #000;
    --code-bg: #f3f3f3;
    --quote: #888;
  }
  body { max-width: none; padding: 0; font-size: 11pt; line-height: 1.45; }
  a, a:visited { color: inherit; text-decoration: none; }
  .meta .source::after { content: " \\2014  " attr(href); }
  pre { overflow: visible; white-space: pre-wrap; }
  table { display: table; overflow: visible; }
  img, figure, pre, blockquote, tr { break-inside: avoid; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; }
  p, li { orphans: 3; widows: 3; }
}
""".strip()

STYLE_HASH = base64.b64encode(hashlib.sha256(STYLE.encode("utf-8")).digest()).decode()
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; img-src https: http: data:; "
    f"style-src 'sha256-{STYLE_HASH}'; base-uri 'none'; form-action 'none'"
)

_LANG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
_DIRS = frozenset({"ltr", "rtl", "auto"})

_PAGE = """<!DOCTYPE html>
<html{root_attrs}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
{description}<title>{title}</title>
<style>{style}</style>
</head>
<body>
<header class="masthead">
{site}<h1>{heading}</h1>
{meta}</header>
{lead}<main class="content">
{content}
</main>
</body>
</html>
"""


def render_html_page(article: Article) -> str:
    """The reader page. `article.content_html` is sanitized upstream and goes in
    as is; every other field is escaped here."""
    title = collapse_space(article.title)
    lead = article.lead_image
    show_lead = lead is not None and not _content_shows(article.content_html, lead.url)
    return _PAGE.format(
        root_attrs=_root_attrs(article.lang, article.dir),
        csp=CONTENT_SECURITY_POLICY,
        description=_description(article.excerpt),
        title=escape(title or "Untitled"),
        style=STYLE,
        site=_site(article.site_name),
        heading=escape(title),
        meta=_meta(article),
        lead=_lead_figure(lead) if lead and show_lead else "",
        content=article.content_html,
    )


def _root_attrs(lang: str | None, direction: str | None) -> str:
    attrs = ""
    # An invalid language tag would only mislead hyphenation and screen readers.
    tag = (lang or "").strip().replace("_", "-")
    if _LANG.fullmatch(tag):
        attrs += f' lang="{escape(tag)}"'
    text_dir = (direction or "").strip().lower()
    if text_dir in _DIRS:
        attrs += f' dir="{text_dir}"'
    return attrs


def _description(excerpt: str | None) -> str:
    text = collapse_space(excerpt or "")
    return f'<meta name="description" content="{escape(text)}">\n' if text else ""


def _site(site_name: str | None) -> str:
    name = collapse_space(site_name or "")
    return f'<p class="site">{escape(name)}</p>\n' if name else ""


def _meta(article: Article) -> str:
    items: list[str] = []
    # A site that signs with its own name is named above the title already.
    byline = shown_byline(article)
    if byline:
        items.append(f'<span class="byline"><bdi>{escape(byline)}</bdi></span>')
    published = _published(article.published)
    if published:
        items.append(published)
    if article.reading_time_minutes > 0:
        # <bdi>: each item's text keeps the direction of its own letters ('2 min
        # read' must not show as 'min read 2' in an Arabic article), while the
        # items and their separators follow the page's direction.
        items.append(f'<span class="reading-time"><bdi>{article.reading_time_minutes} min read</bdi></span>')
    if article.url and _is_web_url(article.url):
        items.append(
            f'<a class="source" href="{escape(article.url.strip())}" '
            'rel="noopener noreferrer"><bdi>Original article</bdi></a>'
        )
    if not items:
        return ""
    return '<p class="meta">' + "".join(items) + "</p>\n"


def _published(value: str | None) -> str:
    raw = collapse_space(value or "")
    if not raw:
        return ""
    parsed = parse_date(raw)
    if parsed is None:
        return f'<span class="published"><bdi>{escape(raw)}</bdi></span>'
    return (
        f'<time class="published" datetime="{escape(parsed.isoformat())}">'
        f"<bdi>{escape(format_date(raw))}</bdi></time>"
    )


def _lead_figure(lead: LeadImage) -> str:
    src = safe_image(lead.url, None)
    if src is None:
        return ""
    size = "".join(
        f' {name}="{value}"'
        for name, value in (("width", lead.width), ("height", lead.height))
        if value and value > 0
    )
    image = f'<img src="{escape(src)}" alt="{escape(collapse_space(lead.alt))}"{size}>'
    caption = collapse_space(lead.caption)
    figcaption = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
    return f'<figure class="lead">{image}{figcaption}</figure>\n'


def _is_web_url(url: str) -> bool:
    return url.strip().lower().startswith(("https://", "http://"))


def _content_shows(content_html: str, image_url: str) -> bool:
    """Whether the body already has the lead image; showing it twice reads badly."""
    if not content_html.strip() or not image_url.strip():
        return False
    try:
        body = lxml.html.fragment_fromstring(content_html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return False
    wanted = image_url.strip()
    return any((img.get("src") or "").strip() == wanted for img in body.iter("img"))
