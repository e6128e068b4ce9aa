"""`GET /`: how to use the service, and a form to paste a page's HTML."""

from __future__ import annotations

import base64
import hashlib

_STYLE = """
:root { color-scheme: light dark; --fg: #1d1d1f; --bg: #fbfaf7; --muted: #6b6b6b; --line: #d9d6cf; --accent: #0b57d0; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8e6e3; --bg: #17181a; --muted: #a0a0a0; --line: #3a3b3e; --accent: #8ab4f8; } }
body { margin: 0; background: var(--bg); color: var(--fg); font: 17px/1.6 system-ui, sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
h1 { font-size: 2rem; margin: 0 0 .25rem; } p.lede { color: var(--muted); margin-top: 0; }
code, pre, textarea { font: 14px/1.45 ui-monospace, SFMono-Regular, Menlo, monospace; }
pre { background: color-mix(in srgb, var(--fg) 6%, transparent); padding: .8rem 1rem; overflow-x: auto; border-radius: 6px; }
label { display: block; font-weight: 600; margin: 1rem 0 .35rem; }
textarea, input, select { width: 100%; box-sizing: border-box; padding: .55rem .7rem; border: 1px solid var(--line); border-radius: 6px; background: transparent; color: inherit; }
textarea { min-height: 14rem; }
button { margin-top: 1rem; padding: .6rem 1.4rem; border: 0; border-radius: 6px; background: var(--accent); color: #fff; font-weight: 600; cursor: pointer; }
a { color: var(--accent); }
"""

STYLE_HASH = base64.b64encode(hashlib.sha256(_STYLE.encode("utf-8")).digest()).decode("ascii")
HOME_CSP = (
    f"default-src 'none'; style-src 'sha256-{STYLE_HASH}'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)

HOME_PAGE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Unwall</title>
<style>{_STYLE}</style>
</head>
<body>
<main>
<h1>Unwall</h1>
<p class="lede">A reader view that strips cookie walls, consent dialogs and blocked-embed notices, and returns the article.</p>

<h2>Use it from a script</h2>
<pre>curl -s -X POST -H 'Content-Type: text/html' --data-binary @page.html \\
  'http://127.0.0.1:8642/v1/reader?url=https://example.org/story&amp;format=markdown'</pre>
<p>Formats: <code>json</code> (default), <code>html</code>, <code>markdown</code>, <code>text</code>, by
<code>?format=</code> or the <code>Accept</code> header. A JSON body <code>{{"html": "...", "url": "..."}}</code> works too.
Health: <a href="/healthz"><code>GET /healthz</code></a>.</p>

<h2>Or paste a page</h2>
<form method="post" action="/v1/reader?format=html" enctype="application/x-www-form-urlencoded">
<label for="url">Page address (for links and images)</label>
<input id="url" name="url" type="url" placeholder="https://example.org/story">
<label for="html">Page HTML</label>
<textarea id="html" name="html" required placeholder="&lt;html&gt;…"></textarea>
<button type="submit">Show the article</button>
</form>
</main>
</body>
</html>
"""
