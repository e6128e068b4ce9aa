"""Clear failure: every way the reader can fail ends in a plain message in the
reader tab, never a blank tab or nothing at all."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from aiohttp import web
from browser_harness import Extension, Site, StubServer, free_port

pytestmark = pytest.mark.browser


def error_view(reader: Any) -> tuple[str, str]:
    return reader.inner_text("#error-title"), reader.inner_text("#error-body")


def test_service_not_running_says_how_to_start_it(ext: Extension, site: Site, unwall_service: str) -> None:
    dead = f"http://127.0.0.1:{free_port()}"
    ext.set_storage(serviceUrl=dead)
    page = ext.open(site.url + Site.ARTICLE)
    reader = ext.open_reader(page, state="error")
    assert reader.get_attribute("body", "data-error") == "not_running"
    title, body = error_view(reader)
    assert title == "The Unwall service is not running"
    assert dead in body and "make serve" in body and "unwall serve" in body
    assert reader.locator("#retry").is_visible()
    assert reader.locator("#error-original").get_attribute("href") == page.url
    ext.screenshot(reader, "error-service-down.png")

    # Once the service runs (here: the address now points at it), "Try again" reads the page.
    ext.set_storage(serviceUrl=unwall_service)
    reader.click("#retry")
    reader.wait_for_selector("body[data-state=article]")
    assert "Harbour town rebuilds" in reader.inner_text("#title")


def test_service_error_shows_its_message(ext: Extension, site: Site) -> None:
    async def always_500(request: web.Request) -> web.Response:
        error = {"error": {"code": "internal_error", "message": "The stub service always fails."}}
        return web.json_response(error, status=500)

    with StubServer(always_500) as stub:
        ext.set_storage(serviceUrl=stub.url)
        page = ext.open(site.url + Site.ARTICLE)
        reader = ext.open_reader(page, state="error")
        ext.screenshot(reader, "error-500.png")
    assert reader.get_attribute("body", "data-error") == "http"
    title, body = error_view(reader)
    assert title == "The Unwall service failed on this page"
    assert "The stub service always fails." in body and "HTTP 500, internal_error" in body
    assert reader.locator("#retry").is_visible()


@pytest.mark.parametrize(
    ("status", "code", "title"),
    [
        (401, "unauthorized", "The Unwall service needs an access token"),
        (413, "payload_too_large", "This page is too large for the Unwall service"),
        (503, "overloaded", "The Unwall service is busy"),
    ],
)
def test_other_service_errors_read_plainly(
    ext: Extension, site: Site, status: int, code: str, title: str
) -> None:
    async def answer(request: web.Request) -> web.Response:
        return web.json_response({"error": {"code": code, "message": f"Stub message {code}."}}, status=status)

    with StubServer(answer) as stub:
        ext.set_storage(serviceUrl=stub.url)
        reader = ext.open_reader(ext.open(site.url + Site.ARTICLE), state="error")
    assert error_view(reader)[0] == title
    assert f"Stub message {code}." in error_view(reader)[1]
    assert reader.locator("#error-options").is_visible() == (status == 401)


def test_no_article_from_the_real_service(ext: Extension, site: Site) -> None:
    reader = ext.open_reader(ext.open(site.url + Site.NO_ARTICLE), state="error")
    title, body = error_view(reader)
    assert title == "No article found on this page"
    assert "HTTP 422, no_article" in body


def test_timeout(ext: Extension, site: Site) -> None:
    async def slow(request: web.Request) -> web.Response:
        await asyncio.sleep(2)
        return web.json_response({"error": {"code": "late", "message": "too late"}}, status=500)

    with StubServer(slow) as stub:
        ext.set_storage(serviceUrl=stub.url, requestTimeoutMs=600)
        reader = ext.open_reader(ext.open(site.url + Site.ARTICLE), state="error")
        assert reader.get_attribute("body", "data-error") == "timeout"
        assert error_view(reader)[0] == "The Unwall service took too long"
        ext.screenshot(reader, "error-timeout.png", full_page=False)


def test_a_page_the_browser_protects(ext: Extension) -> None:
    page = ext.open("chrome://version")
    reader = ext.open_reader(page, state="error")
    assert reader.get_attribute("body", "data-error") == "restricted"
    title, body = error_view(reader)
    assert title == "Unwall can’t read this page"
    assert "does not let extensions read its own pages" in body
    assert not reader.locator("#retry").is_visible()
    assert reader.locator("#close-tab").is_visible()
    # The protected page is still there, next to the message.
    assert page.url.startswith("chrome://version")
    ext.screenshot(reader, "error-restricted.png", full_page=False)
