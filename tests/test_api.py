"""The HTTP API through aiohttp's test client, with the real worker pool."""

from __future__ import annotations

import asyncio
import json
import os
import signal
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from unwall import __version__
from unwall.service.app import POOL_KEY, make_app
from unwall.service.config import Settings

FIXTURE = Path(__file__).parent / "fixtures" / "pages" / "frandroid-ai-summit-fr"
PAGE = (FIXTURE / "source.html").read_bytes()
EXPECTED = json.loads((FIXTURE / "expected.json").read_text(encoding="utf-8"))
PAGE_URL = EXPECTED["url"]

ClientFactory = Callable[[web.Application], Awaitable[TestClient]]


def settings(**overrides: Any) -> Settings:
    base = {"workers": 1, "queue_limit": 4, "timeout_seconds": 10.0}
    base.update(overrides)
    return Settings(**base)


@pytest.fixture
async def client(aiohttp_client: ClientFactory) -> AsyncIterator[TestClient]:
    yield await aiohttp_client(make_app(settings()))


def assert_error(payload: dict[str, Any], code: str) -> None:
    assert set(payload) == {"error"}
    assert payload["error"]["code"] == code
    assert isinstance(payload["error"]["message"], str) and payload["error"]["message"]


async def post_page(client: TestClient, **params: str) -> Any:
    return await client.post(
        "/v1/reader", data=PAGE, params={"url": PAGE_URL, **params}, headers={"Content-Type": "text/html"}
    )


# --- the contract -----------------------------------------------------------


async def test_json_answer_has_exactly_the_documented_fields(client: TestClient) -> None:
    response = await post_page(client)
    assert response.status == 200
    assert response.content_type == "application/json"
    answer = await response.json()
    assert set(answer) == {
        "url",
        "title",
        "byline",
        "published",
        "site_name",
        "lang",
        "dir",
        "excerpt",
        "lead_image",
        "content_html",
        "text",
        "word_count",
        "reading_time_minutes",
        "removed",
    }
    assert answer["url"] == PAGE_URL
    assert answer["title"] == EXPECTED["title"]
    assert answer["lead_image"]["url"] == EXPECTED["lead_image_url"]
    assert set(answer["lead_image"]) == {"url", "alt", "caption", "width", "height"}
    assert answer["word_count"] > 200 and answer["reading_time_minutes"] >= 1
    assert all(set(r) == {"kind", "rule", "text"} for r in answer["removed"])
    assert "Gérer mes choix" not in answer["content_html"]


@pytest.mark.parametrize(
    ("format_name", "media_type", "marker"),
    [
        ("html", "text/html", "<!DOCTYPE html>"),
        ("markdown", "text/markdown", "# Sommet sur l’IA"),
        ("text", "text/plain", "Une gouvernance internationale"),
        ("json", "application/json", '"title"'),
    ],
)
async def test_format_query(client: TestClient, format_name: str, media_type: str, marker: str) -> None:
    response = await post_page(client, format=format_name)
    assert response.status == 200
    assert response.content_type == media_type
    assert response.charset == "utf-8"
    body = await response.text()
    assert marker.lower() in body.lower()
    if format_name == "json":  # `removed` names the junk on purpose; the rest must not
        answer = json.loads(body)
        del answer["removed"]
        body = json.dumps(answer, ensure_ascii=False)
    for junk in ("Pour aller plus loin", "Ce contenu est bloqué", "Gérer mes choix", "UNLOCK"):
        assert junk not in body


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("text/html", "text/html"),
        ("text/markdown", "text/markdown"),
        ("text/plain", "text/plain"),
        ("*/*", "application/json"),
        ("text/plain;q=0.5, text/html", "text/html"),
    ],
)
async def test_accept_header_picks_the_format(client: TestClient, accept: str, media_type: str) -> None:
    response = await client.post(
        "/v1/reader",
        data=PAGE,
        params={"url": PAGE_URL},
        headers={"Content-Type": "text/html", "Accept": accept},
    )
    assert response.status == 200
    assert response.content_type == media_type


async def test_html_answer_carries_a_strict_csp(client: TestClient) -> None:
    response = await post_page(client, format="html")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy


async def test_json_body_with_url(client: TestClient) -> None:
    response = await client.post("/v1/reader", json={"html": PAGE.decode("utf-8"), "url": PAGE_URL})
    assert response.status == 200
    answer = await response.json()
    assert answer["url"] == PAGE_URL
    assert answer["lead_image"]["url"] == EXPECTED["lead_image_url"]


async def test_charset_in_content_type_is_used(client: TestClient) -> None:
    page = (
        "<html><head><title>Été</title></head><body><article>"
        + ("<p>Les élèves étudient déjà l’été prochain à Noël, près de la forêt.</p>" * 6)
        + "</article></body></html>"
    )
    response = await client.post(
        "/v1/reader", data=page.encode("cp1252"), headers={"Content-Type": "text/html; charset=windows-1252"}
    )
    assert response.status == 200
    assert "Les élèves étudient déjà l’été prochain" in (await response.json())["text"]


async def test_form_post_from_the_home_page(client: TestClient) -> None:
    response = await client.post(
        "/v1/reader?format=html", data={"html": PAGE.decode("utf-8"), "url": PAGE_URL}
    )
    assert response.status == 200
    assert "Une gouvernance internationale" in await response.text()


async def test_health_and_home(client: TestClient) -> None:
    response = await client.get("/healthz")
    assert response.status == 200
    assert await response.json() == {"status": "ok", "version": __version__}
    home = await client.get("/")
    assert home.status == 200
    body = await home.text()
    assert "<form" in body and "/v1/reader" in body
    assert "default-src 'none'" in home.headers["Content-Security-Policy"]


# --- bad input: a clear error, never a 500 or a hang ---------------------------


@pytest.mark.parametrize(
    ("body", "content_type", "status", "code"),
    [
        (b"", "text/html", 400, "empty_body"),
        (b"   \n\t ", "text/html", 400, "empty_body"),
        (bytes(range(256)) * 64, "text/html", 400, "undecodable"),
        (b"\x89PNG\r\n\x1a\n" + os.urandom(4096).replace(b"<", b"\x00"), "text/html", 400, "undecodable"),
        (b"{not json", "application/json", 400, "invalid_json"),
        (b'{"url": "https://example.org/"}', "application/json", 400, "missing_html"),
        (b'{"html": 42}', "application/json", 400, "missing_html"),
        (b'["html"]', "application/json", 400, "missing_html"),
        (b'{"html": "<p>x</p>", "url": "javascript:alert(1)"}', "application/json", 400, "invalid_url"),
        (b"<p>hello</p>", "image/png", 415, "unsupported_media_type"),
        (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "text/html", 422, "no_article"),
        (b"<html><body><p>Hi.</p></body></html>", "text/html", 422, "no_article"),
        # A page sent before its scripts filled in its templates.
        (
            b"<html><body><main><h1>{{ctrl.content.title}}</h1><div>{{ctrl.content.author.fullName}} - "
            b"{{ctrl.content.time*1000 | date : 'dd/MM/yyyy'}}</div><div>{{ctrl.content.body}} "
            b"{{ctrl.content.status === 'published' ? 'Contenu publi\xc3\xa9' : 'En attente'}}</div>"
            b"</main></body></html>",
            "text/html",
            422,
            "no_article",
        ),
    ],
)
async def test_bad_input_gets_its_documented_error(
    client: TestClient, body: bytes, content_type: str, status: int, code: str
) -> None:
    response = await client.post("/v1/reader", data=body, headers={"Content-Type": content_type})
    assert response.status == status
    assert_error(await response.json(), code)


async def test_invalid_utf8_in_a_page_is_replaced_not_fatal(client: TestClient) -> None:
    article = "<p>" + "Une phrase d’article assez longue pour compter vraiment. " * 4 + "</p>"
    page = f"<html><body><article>{article * 3}</article></body></html>".encode()
    broken = page.replace(b"assez", b"ass\xff\xfez", 1)
    response = await client.post(
        "/v1/reader", data=broken, headers={"Content-Type": "text/html; charset=utf-8"}
    )
    assert response.status == 200
    assert "Une phrase d’article" in (await response.json())["text"]


async def test_invalid_utf8_garbage_is_rejected(client: TestClient) -> None:
    response = await client.post(
        "/v1/reader",
        data=b"\xff\xfe\xfd\xfc" * 5000 + b"\x00" * 2000,
        headers={"Content-Type": "text/html; charset=utf-8"},
    )
    assert response.status == 400
    assert_error(await response.json(), "undecodable")


async def test_unknown_format_and_bad_url(client: TestClient) -> None:
    response = await post_page(client, format="pdf")
    assert response.status == 400
    assert_error(await response.json(), "invalid_format")
    response = await client.post(
        "/v1/reader", data=PAGE, params={"url": "not a url"}, headers={"Content-Type": "text/html"}
    )
    assert response.status == 400
    assert_error(await response.json(), "invalid_url")


async def test_body_over_the_limit_gets_413(aiohttp_client: ClientFactory) -> None:
    client = await aiohttp_client(make_app(settings()))
    twenty_mib = b"<p>" + b"a" * (20 * 1024 * 1024) + b"</p>"
    response = await client.post("/v1/reader", data=twenty_mib, headers={"Content-Type": "text/html"})
    assert response.status == 413
    assert_error(await response.json(), "payload_too_large")


async def test_configured_body_limit(aiohttp_client: ClientFactory) -> None:
    client = await aiohttp_client(make_app(settings(max_body_bytes=1000)))
    response = await client.post(
        "/v1/reader", data=b"<p>" + b"x" * 2000, headers={"Content-Type": "text/html"}
    )
    assert response.status == 413


async def test_deeply_nested_markup(client: TestClient) -> None:
    page = b"<html><body>" + b"<div>" * 100_000 + b"deep" + b"</div>" * 100_000 + b"</body></html>"
    response = await client.post("/v1/reader", data=page, headers={"Content-Type": "text/html"})
    assert response.status == 422
    assert_error(await response.json(), "no_article")


async def test_too_many_elements(aiohttp_client: ClientFactory) -> None:
    client = await aiohttp_client(make_app(settings(max_elements=500)))
    page = b"<html><body>" + b"<p>x</p>" * 1000 + b"</body></html>"
    response = await client.post("/v1/reader", data=page, headers={"Content-Type": "text/html"})
    assert response.status == 413
    assert_error(await response.json(), "too_complex")


async def test_unknown_route_and_method_are_json(client: TestClient) -> None:
    response = await client.get("/nope")
    assert response.status == 404
    assert_error(await response.json(), "not_found")
    response = await client.get("/v1/reader")
    assert response.status == 405
    assert_error(await response.json(), "method_not_allowed")


# --- the worker pool: crash, timeout, overload -----------------------------------


async def test_killed_worker_gets_500_and_is_replaced(aiohttp_client: ClientFactory) -> None:
    app = make_app(settings(timeout_seconds=30.0))
    client = await aiohttp_client(app)
    pool = app[POOL_KEY]
    victim = pool.worker_pids()[0]
    slow_page = _slow_page()
    request = asyncio.create_task(
        client.post("/v1/reader", data=slow_page, headers={"Content-Type": "text/html"})
    )
    await asyncio.sleep(0.8)  # let the worker start on it
    os.kill(victim, signal.SIGKILL)
    response = await request
    assert response.status == 500
    assert_error(await response.json(), "worker_crashed")
    assert victim not in pool.worker_pids() and len(pool.worker_pids()) == 1
    again = await post_page(client)
    assert again.status == 200


async def test_extraction_over_time_gets_504_and_the_pool_recovers(aiohttp_client: ClientFactory) -> None:
    app = make_app(settings(timeout_seconds=0.3))
    client = await aiohttp_client(app)
    response = await client.post("/v1/reader", data=_slow_page(), headers={"Content-Type": "text/html"})
    assert response.status == 504
    assert_error(await response.json(), "timeout")
    app[POOL_KEY].timeout_seconds = 10.0
    assert (await post_page(client)).status == 200


async def test_full_queue_answers_503_with_retry_after(aiohttp_client: ClientFactory) -> None:
    app = make_app(settings(queue_limit=0, timeout_seconds=30.0))
    client = await aiohttp_client(app)
    slow = asyncio.create_task(
        client.post("/v1/reader", data=_slow_page(), headers={"Content-Type": "text/html"})
    )
    await asyncio.sleep(0.3)
    response = await post_page(client)
    assert response.status == 503
    assert response.headers["Retry-After"].isdigit()
    assert_error(await response.json(), "overloaded")
    assert (await slow).status in {200, 422}


async def test_a_page_larger_than_the_socket_buffers_crosses_the_pool_whole(client: TestClient) -> None:
    """A job and its answer are framed messages over a socket pair, read and
    written by the event loop in pieces: a page of about a megabyte, both
    ways, must arrive exactly as the pipeline renders it in-process."""
    from unwall.formats import render
    from unwall.pipeline import run

    paragraph = "<p>" + "Une phrase d’article assez longue pour compter, avec des virgules, " * 8 + "</p>"
    page = (
        "<html><body><article>" + ("<h2>Partie</h2>" + paragraph * 10) * 180 + "</article></body></html>"
    ).encode()
    assert len(page) > 1_000_000
    response = await client.post(
        "/v1/reader", data=page, params={"format": "text"}, headers={"Content-Type": "text/html"}
    )
    assert response.status == 200
    assert await response.text() == render(run(page, None), "text")


def _slow_page() -> bytes:
    """A large, real-looking page that takes the pipeline a second or more."""
    paragraph = "<p>" + "Une phrase d’article assez longue pour compter, avec des virgules, " * 8 + "</p>"
    section = "<section><h2>Partie</h2>" + paragraph * 10 + "</section>"
    return ("<html><body><article>" + section * 600 + "</article></body></html>").encode()


# --- the documented contract matches the code ----------------------------------


async def test_openapi_document_is_served_and_matches_the_code(client: TestClient) -> None:
    from unwall import errors

    response = await client.get("/openapi.json")
    assert response.status == 200
    spec = await response.json()
    documented_codes = set(
        spec["components"]["schemas"]["Error"]["properties"]["error"]["properties"]["code"]["enum"]
    )
    defined_codes = {
        value for name, value in vars(errors).items() if name.isupper() and isinstance(value, str)
    }
    assert documented_codes == defined_codes
    article_schema = spec["components"]["schemas"]["Article"]
    answer = await (await post_page(client)).json()
    assert set(answer) == set(article_schema["required"]) == set(article_schema["properties"])
    lead_schema = spec["components"]["schemas"]["LeadImage"]
    assert set(answer["lead_image"]) == set(lead_schema["required"])
