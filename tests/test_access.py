"""A localhost service that hostile pages cannot use: Host, Origin and token checks."""

from __future__ import annotations

import asyncio
import gzip
import zlib
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from unwall.service.app import make_app, serve
from unwall.service.config import Settings

ClientFactory = Callable[[web.Application], Awaitable[TestClient]]
PAGE = (
    "<html><head><title>A story</title></head><body><article>"
    + "<p>A sentence of a real article, long enough to be prose, with commas, and an end.</p>" * 6
    + "</article></body></html>"
).encode()


def settings(**overrides: Any) -> Settings:
    return Settings(**{"workers": 1, "queue_limit": 4, **overrides})


async def post(client: TestClient, headers: dict[str, str] | None = None, data: bytes = PAGE) -> Any:
    return await client.post(
        "/v1/reader", data=data, headers={"Content-Type": "text/html", **(headers or {})}
    )


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8642", "192.168.1.10:8642", "127.0.0.1.evil.example"]
)
async def test_foreign_host_gets_421(aiohttp_client: ClientFactory, host: str) -> None:
    client = await aiohttp_client(make_app(settings()))
    response = await post(client, {"Host": host})
    assert response.status == 421
    assert (await response.json())["error"]["code"] == "misdirected_request"


@pytest.mark.parametrize("host", ["127.0.0.1:8642", "localhost:8642", "[::1]:8642", "localhost", "127.0.0.2"])
async def test_loopback_hosts_are_served(aiohttp_client: ClientFactory, host: str) -> None:
    client = await aiohttp_client(make_app(settings()))
    assert (await post(client, {"Host": host})).status == 200


async def test_configured_host_is_served(aiohttp_client: ClientFactory) -> None:
    client = await aiohttp_client(make_app(settings(allowed_hosts=frozenset({"unwall.lan"}))))
    assert (await post(client, {"Host": "unwall.lan:8642"})).status == 200


@pytest.mark.parametrize("origin", ["https://evil.example", "http://127.0.0.1:9999", "null", "file://"])
async def test_web_origins_get_403(aiohttp_client: ClientFactory, origin: str) -> None:
    client = await aiohttp_client(make_app(settings()))
    response = await post(client, {"Origin": origin})
    assert response.status == 403
    assert (await response.json())["error"]["code"] == "forbidden_origin"
    assert "Access-Control-Allow-Origin" not in response.headers
    preflight = await client.options("/v1/reader", headers={"Origin": origin})
    assert preflight.status == 403


@pytest.mark.parametrize(
    "origin",
    [
        "chrome-extension://abcdefghijklmnopabcdefghijklmnop",
        "moz-extension://0a1b2c3d-1111-2222-3333-444455556666",
    ],
)
async def test_extension_origins_are_served_with_cors(aiohttp_client: ClientFactory, origin: str) -> None:
    client = await aiohttp_client(make_app(settings()))
    response = await post(client, {"Origin": origin})
    assert response.status == 200
    assert response.headers["Access-Control-Allow-Origin"] == origin
    preflight = await client.options(
        "/v1/reader", headers={"Origin": origin, "Access-Control-Request-Method": "POST"}
    )
    assert preflight.status == 204
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    error = await post(client, {"Origin": origin}, data=b"")
    assert error.status == 400 and error.headers["Access-Control-Allow-Origin"] == origin


async def test_pinned_extension_ids(aiohttp_client: ClientFactory) -> None:
    client = await aiohttp_client(make_app(settings(extension_ids=frozenset({"goodid"}))))
    assert (await post(client, {"Origin": "chrome-extension://goodid"})).status == 200
    assert (await post(client, {"Origin": "chrome-extension://otherid"})).status == 403


async def test_token_is_required_when_configured(aiohttp_client: ClientFactory) -> None:
    client = await aiohttp_client(make_app(settings(token="s3cret-token")))
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic s3cret-token"}):
        response = await post(client, headers)
        assert response.status == 401
        assert (await response.json())["error"]["code"] == "unauthorized"
    assert (await client.get("/healthz")).status == 401
    assert (await post(client, {"Authorization": "Bearer s3cret-token"})).status == 200


def test_refuses_a_public_address_without_a_token() -> None:
    with pytest.raises(SystemExit, match="without a token"):
        serve(Settings(host="0.0.0.0", workers=1))


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
async def test_compression_bomb_gets_413(aiohttp_client: ClientFactory, encoding: str) -> None:
    client = await aiohttp_client(make_app(settings(max_body_bytes=1024 * 1024)))
    inflated = b"<p>" + b"a" * (64 * 1024 * 1024)
    body = gzip.compress(inflated, 9) if encoding == "gzip" else zlib.compress(inflated, 9)
    assert len(body) < 200_000
    response = await post(client, {"Content-Encoding": encoding}, data=body)
    assert response.status == 413
    assert (await response.json())["error"]["code"] == "payload_too_large"


async def test_compressed_page_is_accepted(aiohttp_client: ClientFactory) -> None:
    client = await aiohttp_client(make_app(settings()))
    response = await post(client, {"Content-Encoding": "gzip"}, data=gzip.compress(PAGE))
    assert response.status == 200


async def test_stalled_upload_times_out(aiohttp_client: ClientFactory) -> None:
    client = await aiohttp_client(make_app(settings(read_timeout_seconds=0.5)))

    async def trickle() -> Any:
        yield b"<html><body><p>"
        await asyncio.sleep(3)
        yield b"late</p></body></html>"

    response = await client.post("/v1/reader", data=trickle(), headers={"Content-Type": "text/html"})
    assert response.status == 408
    assert (await response.json())["error"]["code"] == "request_timeout"
