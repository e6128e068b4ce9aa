"""The four output formats and their media types, shared by the service and the CLI."""

from __future__ import annotations

import json

from unwall import errors
from unwall.errors import UnwallError
from unwall.pipeline import Extraction

MEDIA_TYPES: dict[str, str] = {
    "json": "application/json",
    "html": "text/html",
    "markdown": "text/markdown",
    "text": "text/plain",
}
_ACCEPT_TO_FORMAT: dict[str, str] = {
    "application/json": "json",
    "text/html": "html",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "text/plain": "text",
}


def check_format(name: str) -> str:
    if name not in MEDIA_TYPES:
        raise UnwallError(
            errors.INVALID_FORMAT,
            f"Unknown format {name!r}: use one of {', '.join(MEDIA_TYPES)}.",
            400,
        )
    return name


def format_from_accept(accept: str | None) -> str:
    """The first media type of `Accept` we can produce, by order and q-value; JSON otherwise."""
    if not accept:
        return "json"
    ranked: list[tuple[float, int, str]] = []
    for position, item in enumerate(accept.split(",")):
        media_type, *params = (part.strip() for part in item.split(";"))
        quality = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        if media_type.lower() in _ACCEPT_TO_FORMAT and quality > 0:
            ranked.append((-quality, position, _ACCEPT_TO_FORMAT[media_type.lower()]))
    return min(ranked)[2] if ranked else "json"


def render(extraction: Extraction, format_name: str) -> str:
    """The whole answer body in one format."""
    from unwall.render import render_html_page, render_markdown, render_text

    article = extraction.article
    if format_name == "json":
        return json.dumps(article.to_dict(), ensure_ascii=False)
    if format_name == "html":
        return render_html_page(article)
    if format_name == "markdown":
        return render_markdown(article, extraction.content)
    if format_name == "text":
        return render_text(article)
    check_format(format_name)  # raises for an unknown name
    raise AssertionError(f"format {format_name!r} has no renderer")
