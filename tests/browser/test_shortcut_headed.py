"""A real key press: headed Chromium on a virtual display (Xvfb), Alt+Shift+U
typed with xdotool. The extension is loaded as shipped: the key press itself
grants activeTab, with no host permission for the test page or the service's
port (the service answers the extension's CORS preflight)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from browser_harness import Extension, Site, extension_copy, extension_worker, launch

pytestmark = pytest.mark.browser


def test_alt_shift_u_opens_the_reader(
    playwright: Any, xvfb: str, site: Site, unwall_service: str, tmp_path: Path
) -> None:
    extension = extension_copy(tmp_path / "extension")
    env = {**os.environ, "DISPLAY": xvfb}
    context = launch(playwright, tmp_path / "profile", extension, headless=False, env=env)
    try:
        ext = Extension(context, extension_worker(context))
        ext.set_storage(serviceUrl=unwall_service)
        page = ext.open(site.url + Site.ARTICLE, page=context.pages[0] if context.pages else None)
        page.wait_for_function("document.getElementById('lead').currentSrc.endsWith('/img/lead.png')")
        with context.expect_page(timeout=20000) as new_page:
            subprocess.run(
                ["xdotool", "key", "--clearmodifiers", "alt+shift+u"], env=env, check=True, timeout=10
            )
        reader = ext.settled(new_page.value, "article")
        assert reader.inner_text("#title") == "Harbour town rebuilds its sea wall with oyster reefs"
        assert reader.locator("#lead img").get_attribute("src") == site.url + Site.LEAD_IMAGE
        assert "We value your privacy" not in reader.inner_text("body")
        ext.screenshot(reader, "reader-headed-shortcut.png", full_page=False)
    except Exception:
        print("browser console:\n" + "\n".join(ext.console[-50:]) if "ext" in locals() else "")
        raise
    finally:
        context.close()
