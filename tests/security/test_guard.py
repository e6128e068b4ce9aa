"""The service's own pages may post to it; every other web page still may not.

Browsers send `Origin` on every POST, same-origin ones included: the home
page's form (`GET /` → `POST /v1/reader?format=html`) arrives with
`Origin: http://127.0.0.1:8642`, and the Origin check used to refuse it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from unwall.service.app import make_app
from unwall.service.config import Settings
from unwall.service.guard import is_same_origin

ClientFactory = Callable[[web.Application], Awaitable[TestClient]]
PAGE = (
    "<html><head><title>A story</title></head><body><article>"
    + "<p>A sentence of a real article, long enough to be prose, with commas, and an end.</p>" * 6
    + "</article></body></html>"
)


def settings(**overrides: Any) -> Settings:
    return Settings(**{"workers": 1, "queue_limit": 4, **overrides})


async def form_post(client: TestClient, host: str, origin: str) -> Any:
    return await client.post(
        "/v1/reader?format=html", data={"html": PAGE}, headers={"Host": host, "Origin": origin}
    )


@pytest.mark.parametrize(
    ("host", "origin"),
    [
        ("127.0.0.1:8642", "http://127.0.0.1:8642"),
        ("localhost:8642", "http://localhost:8642"),
        ("[::1]:8642", "http://[::1]:8642"),
        ("LOCALHOST:8642", "http://localhost:8642"),
    ],
)
async def test_the_home_page_form_is_served(aiohttp_client: ClientFactory, host: str, origin: str) -> None:
    client = await aiohttp_client(make_app(settings()))
    response = await form_post(client, host, origin)
    assert response.status == 200
    assert response.content_type == "text/html"
    assert "Access-Control-Allow-Origin" not in response.headers


@pytest.mark.parametrize(
    ("host", "origin"),
    [
        ("127.0.0.1:8642", "http://127.0.0.1:9999"),  # another local web app
        ("127.0.0.1:8642", "https://127.0.0.1:8642"),  # another scheme is another origin
        ("127.0.0.1:8642", "http://localhost:8642"),  # another name is another origin
        ("127.0.0.1:8642", "http://127.0.0.1"),
        ("127.0.0.1:8642", "null"),
        ("127.0.0.1:8642", "http://127.0.0.1:8642.evil.example"),
    ],
)
async def test_other_origins_are_still_refused(aiohttp_client: ClientFactory, host: str, origin: str) -> None:
    client = await aiohttp_client(make_app(settings()))
    response = await form_post(client, host, origin)
    assert response.status == 403
    assert (await response.json())["error"]["code"] == "forbidden_origin"


async def test_a_rebinding_page_posting_to_its_own_origin_gets_421(aiohttp_client: ClientFactory) -> None:
    client = await aiohttp_client(make_app(settings()))
    response = await form_post(client, "evil.example:8642", "http://evil.example:8642")
    assert response.status == 421


async def test_a_configured_host_name_is_its_own_origin(aiohttp_client: ClientFactory) -> None:
    client = await aiohttp_client(make_app(settings(allowed_hosts=frozenset({"unwall.lan"}))))
    assert (await form_post(client, "unwall.lan:8642", "http://unwall.lan:8642")).status == 200


async def test_the_token_is_still_required_from_our_own_page(aiohttp_client: ClientFactory) -> None:
    client = await aiohttp_client(make_app(settings(token="s3cret-token")))
    response = await form_post(client, "127.0.0.1:8642", "http://127.0.0.1:8642")
    assert response.status == 401


def test_is_same_origin() -> None:
    assert is_same_origin("http://127.0.0.1:8642", "127.0.0.1:8642")
    assert is_same_origin(" HTTP://LocalHost:8642 ", "localhost:8642")
    assert not is_same_origin("http://127.0.0.1:8642", None)
    assert not is_same_origin("http://127.0.0.1:8642/", "127.0.0.1:8642")
    assert not is_same_origin("http://127.0.0.1:8642", "127.0.0.1:8643")
