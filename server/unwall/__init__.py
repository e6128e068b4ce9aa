"""Unwall: a reader view that strips cookie walls.

>>> from unwall import clean
>>> article = clean(html, "https://example.org/story")
>>> article.title, article.lead_image, article.to_dict()
"""

from __future__ import annotations

from unwall.errors import UnwallError
from unwall.model import Article, LeadImage, Removal

__version__ = "0.1.0"
__all__ = ["Article", "LeadImage", "Removal", "UnwallError", "__version__", "clean"]


def clean(html: str | bytes, url: str | None = None, *, content_type: str | None = None) -> Article:
    """Turn a page's HTML into a clean article. Raises `UnwallError` (with a
    `code` and an HTTP `status`) for bad input or a page with no article."""
    from unwall.pipeline import run

    return run(html, url, content_type=content_type).article
