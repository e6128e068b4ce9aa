"""The result types every stage and every shell (HTTP, CLI) share.

`Article.to_dict()` is the JSON contract of `POST /v1/reader`; change it only
together with `shared/api/openapi.json`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class LeadImage:
    url: str
    alt: str = ""
    caption: str = ""
    width: int | None = None
    height: int | None = None


@dataclass(frozen=True)
class Removal:
    """One thing the strip stage took out, and the rule that fired."""

    kind: str  # consent_dialog | embed_notice | boilerplate | related | promo | ...
    rule: str  # stable rule id from shared/rules/*.json, or a built-in id
    text: str  # the first 120 characters of what was removed

    TEXT_LIMIT = 120


@dataclass(frozen=True)
class Article:
    url: str | None
    title: str
    byline: str | None
    published: str | None
    site_name: str | None
    lang: str | None
    dir: str | None
    excerpt: str | None
    lead_image: LeadImage | None
    content_html: str
    text: str
    word_count: int
    reading_time_minutes: int
    removed: tuple[Removal, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        """The JSON answer of the service, field for field."""
        return {
            "url": self.url,
            "title": self.title,
            "byline": self.byline,
            "published": self.published,
            "site_name": self.site_name,
            "lang": self.lang,
            "dir": self.dir,
            "excerpt": self.excerpt,
            "lead_image": asdict(self.lead_image) if self.lead_image else None,
            "content_html": self.content_html,
            "text": self.text,
            "word_count": self.word_count,
            "reading_time_minutes": self.reading_time_minutes,
            "removed": [{"kind": r.kind, "rule": r.rule, "text": r.text} for r in self.removed],
        }
