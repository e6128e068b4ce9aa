"""The options page: it saves the service address (normalized), the token, where
the reader opens and the default view, and shows whether the service answers."""

from __future__ import annotations

import json
import urllib.request

import pytest
from browser_harness import Extension, free_port

pytestmark = pytest.mark.browser


def service_version(base_url: str) -> str:
    with urllib.request.urlopen(base_url + "/healthz", timeout=5) as response:
        return str(json.load(response)["version"])


def test_options_page_saves_the_address_and_shows_the_service(ext: Extension, unwall_service: str) -> None:
    page = ext.context.new_page()
    page.goto(ext.base + "options.html")
    page.wait_for_selector("#status[data-state=ok]")
    assert page.input_value("#service-url") == unwall_service
    assert f"Connected: Unwall {service_version(unwall_service)}" in page.inner_text("#status")
    ext.screenshot(page, "options.png")

    dead = f"http://127.0.0.1:{free_port()}"
    page.fill("#service-url", dead)
    page.click("#save")
    page.wait_for_selector("#status[data-state=bad]")
    # Said next to the button too, where the person is looking.
    assert page.inner_text("#saved").startswith("Saved, but nothing answers there yet")
    assert ext.storage()["serviceUrl"] == dead
    status = page.inner_text("#status")
    assert "Not reachable" in status and "make serve" in status and "unwall serve" in status
    ext.screenshot(page, "options-not-reachable.png")

    # Not an http(s) address: refused, nothing saved.
    page.fill("#service-url", "ftp://example.org")
    page.click("#save")
    assert page.locator("#service-url-error").is_visible()
    assert ext.storage()["serviceUrl"] == dead

    # Typed without the scheme and with a slash: saved as the plain origin.
    page.fill("#service-url", unwall_service.removeprefix("http://") + "/")
    page.fill("#token", "  a-token  ")
    page.check("input[name=openMode][value=replace]")
    page.select_option("#font-size", "22")
    page.check("input[name=theme][value=sepia]")
    page.check("input[name=width][value=narrow]")
    page.click("#save")
    page.wait_for_selector("#status[data-state=ok]")
    assert page.inner_text("#saved").startswith("Saved. The service answers (Unwall ")
    assert not page.locator("#service-url-error").is_visible()
    stored = ext.storage()
    assert stored["serviceUrl"] == unwall_service
    assert stored["token"] == "a-token"
    assert stored["openMode"] == "replace"
    assert stored["view"] == {"fontSize": 22, "font": "serif", "width": "narrow", "theme": "sepia"}

    # The page shows what was saved when it is opened again.
    page.reload()
    page.wait_for_selector("#status[data-state=ok]")
    assert page.input_value("#service-url") == unwall_service
    assert page.is_checked("input[name=theme][value=sepia]")
    assert page.is_checked("input[name=openMode][value=replace]")
