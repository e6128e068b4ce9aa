"""Third-party embeds (videos, posts, maps) cannot run in a reader view, and a
blocked one leaves a consent notice behind. Either way the reader gets one
neutral line linking to what was embedded, so they know something was there."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import parse_qs, urlsplit

from lxml.html import HtmlElement, builder

from unwall.pipeline.normalize import without_tracking_parameters
from unwall.rules import load_rules

# host suffix -> what the reader is told the link is
EMBED_PLATFORMS: tuple[tuple[str, str], ...] = (
    ("youtube.com", "YouTube video"),
    ("youtube-nocookie.com", "YouTube video"),
    ("youtu.be", "YouTube video"),
    ("vimeo.com", "Vimeo video"),
    ("dailymotion.com", "Dailymotion video"),
    ("dai.ly", "Dailymotion video"),
    ("twitch.tv", "Twitch video"),
    ("tiktok.com", "TikTok video"),
    ("twitter.com", "Post on X"),
    ("x.com", "Post on X"),
    ("instagram.com", "Instagram post"),
    ("facebook.com", "Facebook post"),
    ("bsky.app", "Bluesky post"),
    ("threads.net", "Threads post"),
    ("linkedin.com", "LinkedIn post"),
    ("spotify.com", "Spotify audio"),
    ("soundcloud.com", "SoundCloud audio"),
    ("deezer.com", "Deezer audio"),
    ("apple.com", "Apple Music / Podcasts"),
    ("google.com/maps", "Map"),
    ("maps.google.com", "Map"),
    ("openstreetmap.org", "Map"),
    ("datawrapper.de", "Chart"),
    ("flourish.studio", "Chart"),
    ("infogram.com", "Chart"),
    ("codepen.io", "CodePen"),
    ("github.com", "Code on GitHub"),
    ("gist.github.com", "Code on GitHub"),
    ("reddit.com", "Reddit post"),
    ("pinterest.com", "Pinterest pin"),
    ("scribd.com", "Document"),
    ("slideshare.net", "Slides"),
    ("arte.tv", "ARTE video"),
)

# Comment widgets and social buttons are not content: a blocked or live one
# is dropped, never linked ('Facebook post: …/plugins/like.php?href=…' was
# a Like button).
COMMENT_HOSTS: tuple[str, ...] = ("disqus.com", "disquscdn.com", "commento.io", "coral")
SOCIAL_BUTTONS: tuple[str, ...] = (
    "facebook.com/plugins/like",
    "facebook.com/plugins/share_button",
    "facebook.com/plugins/follow",
    "facebook.com/plugins/likebox",
    "facebook.com/plugins/page.php",
    "facebook.com/plugins/comments",
    "platform.twitter.com/widgets/tweet_button",
    "platform.twitter.com/widgets/follow_button",
    "plusone.google.com",
    "apis.google.com/u/0/se/0/_/+1",
    "linkedin.com/countserv",
    "pinterest.com/pin/create/button",
)

_YOUTUBE_ID = re.compile(r"/(?:embed|shorts|v)/([\w-]{6,})")


# A YouTube video's still, as players that wait for a click show it
# ('//img.youtube.com/vi/jP6fEHm-lA0/hqdefault.jpg', 'i.ytimg.com/vi_webp/…').
_YOUTUBE_STILL = re.compile(
    r"^(?:https?:)?//(?:img\.youtube\.com|i\d?\.ytimg\.com)/vi(?:_webp)?/([\w-]{6,})/", re.I
)


def video_of_still(src: str | None) -> str | None:
    """The watch page of the video whose still `src` is, if it is one."""
    match = _YOUTUBE_STILL.match((src or "").strip())
    return f"https://www.youtube.com/watch?v={match.group(1)}" if match else None


def platform_label(url: str) -> str | None:
    """'YouTube video' for a YouTube address; None for hosts we do not link."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return None
    host = parts.netloc.lower().split(":")[0]
    host_and_path = host + parts.path
    for suffix, label in EMBED_PLATFORMS:
        if "/" in suffix:
            if host_and_path.removeprefix("www.").startswith(suffix):
                return label
        elif host == suffix or host.endswith("." + suffix):
            return label
    return None


def is_widget(url: str) -> bool:
    """A comment section or a share, like or follow button, not an embedded work."""
    lowered = url.lower()
    return any(marker in lowered for marker in COMMENT_HOSTS + SOCIAL_BUTTONS)


def canonical_embed_url(url: str) -> str:
    """The address a person would open: a watch page rather than a player."""
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    host = parts.netloc.lower()
    if "youtube" in host:
        match = _YOUTUBE_ID.search(parts.path)
        if match:
            return f"https://www.youtube.com/watch?v={match.group(1)}"
    if host.endswith("player.vimeo.com"):
        match = re.search(r"/video/(\d+)", parts.path)
        if match:
            return f"https://vimeo.com/{match.group(1)}"
    if "dailymotion" in host and "/embed/video/" in parts.path:
        return "https://www.dailymotion.com/video/" + parts.path.rsplit("/", 1)[-1]
    query = parse_qs(parts.query)
    if (twitch := _twitch_page(host, parts.path, query)) is not None:
        return twitch
    if "url" in query and query["url"][0].startswith("http"):
        return query["url"][0]
    return without_tracking_parameters(url, load_rules().tracking_parameter)


def _twitch_page(host: str, path: str, query: dict[str, list[str]]) -> str | None:
    """Twitch's players name the clip, video or channel in the query
    ('clips.twitch.tv/embed?clip=…&parent=example.com'), beside the embedding site's name."""
    if host == "clips.twitch.tv" and path.startswith("/embed") and "clip" in query:
        return f"https://clips.twitch.tv/{query['clip'][0]}"
    if host == "player.twitch.tv":
        if "video" in query:
            return f"https://www.twitch.tv/videos/{query['video'][0].removeprefix('v')}"
        if "channel" in query:
            return f"https://www.twitch.tv/{query['channel'][0]}"
    return None


def embedded_url(element: HtmlElement, url_attributes: Iterable[str]) -> str | None:
    """The embedded address held in the markup of a placeholder or blocked embed."""
    attributes = tuple(url_attributes)
    candidates: list[HtmlElement] = [element, *element.iterdescendants()]
    for candidate in candidates:
        if not isinstance(candidate.tag, str):
            continue
        video_id = candidate.get("videoID") or candidate.get("videoid")
        classes = candidate.get("class") or ""
        if video_id and "youtube" in classes:
            return f"https://www.youtube.com/watch?v={video_id}"
        for attribute in attributes:
            value = (candidate.get(attribute) or "").strip()
            if value.startswith(("http://", "https://", "//")):
                return canonical_embed_url(value)
        if candidate.tag in {"iframe", "embed"}:
            src = (candidate.get("src") or "").strip()
            if src.startswith(("http://", "https://", "//")):
                return canonical_embed_url(src)
    return None


EMBED_LINE_CLASS = "unwall-embed"


def embed_line(url: str, label: str) -> HtmlElement:
    """`<p class="unwall-embed">YouTube video: <a href=...>...</a></p>`"""
    link = builder.A(url, href=url)
    paragraph: HtmlElement = builder.P(f"{label}: ", link, {"class": EMBED_LINE_CLASS})
    return paragraph


def is_embed_line(element: HtmlElement) -> bool:
    return bool(element.tag == "p" and element.get("class") == EMBED_LINE_CLASS)
