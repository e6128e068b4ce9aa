"""Stage 5, render: an `Article` as plain text, Markdown or a reader HTML page."""

from unwall.render.html_page import render_html_page
from unwall.render.markdown import render_markdown
from unwall.render.text import (
    content_to_text,
    reading_time_minutes,
    render_text,
    word_count,
)

__all__ = [
    "content_to_text",
    "reading_time_minutes",
    "render_html_page",
    "render_markdown",
    "render_text",
    "word_count",
]
