"""Helpers for the browser tests: servers on 127.0.0.1 in threads, the test
pages, and a Chromium profile with the extension loaded (see conftest.py for
the fixtures built from them)."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import struct
import subprocess
import threading
import time
import urllib.request
import zlib
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

ROOT = Path(__file__).resolve().parents[2]
EXTENSION = ROOT / "extension"
PAGES = Path(__file__).resolve().parent / "pages"
ARTIFACTS = ROOT / "test-artifacts"
IN_CI = os.environ.get("CI", "").strip().lower() == "true"
INSTALL_HINT = "apt-get install -y chromium xvfb xdotool"
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/lib/chromium/chromium")
VIEWPORT = {"width": 1280, "height": 900}


def unavailable(reason: str) -> None:
    """Skip outside CI; in CI the browser tests must run, so fail."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: the browser tests must run here)", pytrace=False)
    pytest.skip(reason)


def chromium_executable() -> str:
    configured = os.environ.get("UNWALL_CHROMIUM")
    for candidate in (configured, *CHROMIUM_CANDIDATES):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    unavailable(f"Chromium is not installed: install it with `{INSTALL_HINT}`")
    raise AssertionError("unreachable")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_health(
    base_url: str, process: subprocess.Popen[bytes] | None = None, timeout: float = 30
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the service exited with {process.returncode}")
        try:
            with urllib.request.urlopen(base_url + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{base_url} did not become healthy in {timeout} s")


# --- servers -----------------------------------------------------------------


class ThreadedApp:
    """An aiohttp application on 127.0.0.1:<free port>, in its own thread and loop."""

    def __init__(self, app: web.Application) -> None:
        self.app = app
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._runner: web.AppRunner | None = None

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._runner = web.AppRunner(self.app, access_log=None)
        self._loop.run_until_complete(self._runner.setup())
        site = web.TCPSite(self._runner, "127.0.0.1", self.port)
        self._loop.run_until_complete(site.start())
        self._ready.set()
        self._loop.run_forever()
        self._loop.run_until_complete(self._runner.cleanup())
        self._loop.close()

    def __enter__(self) -> ThreadedApp:
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the test server did not start")
        return self

    def __exit__(self, *exc: object) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class StubServer(ThreadedApp):
    """Answers every request with `handler`, and records what it was sent."""

    def __init__(self, handler: Handler) -> None:
        self.requests: list[dict[str, Any]] = []

        async def record(request: web.Request) -> web.StreamResponse:
            body = await request.read()
            self.requests.append(
                {
                    "method": request.method,
                    "path": request.path_qs,
                    "headers": dict(request.headers),
                    "body": body,
                }
            )
            return await handler(request)

        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", record)
        super().__init__(app)

    def posts(self) -> list[dict[str, Any]]:
        return [r for r in self.requests if r["method"] == "POST"]


def png_image(width: int, height: int) -> bytes:
    """A small picture (sky, sea and a horizon) as a PNG, without image libraries."""
    rows = bytearray()
    horizon = height * 11 // 20
    for y in range(height):
        if y < horizon:
            t = y / horizon
            colour = (int(120 + 90 * t), int(170 + 60 * t), int(215 + 25 * t))
        else:
            t = (y - horizon) / (height - horizon)
            colour = (int(30 + 20 * t), int(95 + 40 * t), int(130 + 20 * t))
        rows += b"\x00" + bytes(colour) * width

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 6))
        + chunk(b"IEND", b"")
    )


class Site(ThreadedApp):
    """The test pages: an article with a consent dialog, a blocked embed and a lazy
    lead image; an article whose consent dialogs live in shadow roots."""

    ARTICLE = "/news/reef"
    SHADOW = "/rail/night-trains"
    NO_ARTICLE = "/menu"
    LEAD_IMAGE = "/img/lead.png"

    def __init__(self) -> None:
        self.image_requests = 0
        pages = {
            self.ARTICLE: (PAGES / "article.html").read_bytes(),
            self.SHADOW: (PAGES / "shadow.html").read_bytes(),
            self.NO_ARTICLE: b"<!DOCTYPE html><title>Menu</title><nav><a href='/'>Home</a></nav>",
        }
        image = png_image(800, 400)

        async def page(request: web.Request) -> web.Response:
            return web.Response(body=pages[request.path], content_type="text/html", charset="utf-8")

        async def lead(request: web.Request) -> web.Response:
            self.image_requests += 1
            return web.Response(body=image, content_type="image/png")

        app = web.Application()
        for path in pages:
            app.router.add_get(path, page)
        app.router.add_get(self.LEAD_IMAGE, lead)
        super().__init__(app)


# --- the browser -------------------------------------------------------------


def extension_copy(target: Path, extra_hosts: tuple[str, ...] = ()) -> Path:
    """The extension as shipped, or with extra host permissions for the test pages."""
    shutil.copytree(EXTENSION, target, ignore=shutil.ignore_patterns("*.py", "node_modules", "__pycache__"))
    if extra_hosts:
        manifest_path = target / "manifest.json"
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        manifest["host_permissions"] = [*manifest["host_permissions"], *extra_hosts]
        manifest_path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return target


def sync_playwright_or_skip() -> Any:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable(
            "the Python package playwright is missing: `pip install playwright` (never `playwright install`)"
        )
    return sync_playwright


class Extension:
    """A Chromium profile with Unwall loaded, and ways to drive it like a person."""

    def __init__(self, context: Any, service_worker: Any) -> None:
        self.context = context
        self.sw = service_worker
        self.id = service_worker.url.split("/")[2]
        self.base = f"chrome-extension://{self.id}/"
        self.console: list[str] = []
        context.on("console", lambda message: self.console.append(f"[{message.type}] {message.text}"))

    def storage(self) -> dict[str, Any]:
        return dict(self.sw.evaluate("() => chrome.storage.local.get(null)"))

    def set_storage(self, **values: Any) -> None:
        self.sw.evaluate("(values) => chrome.storage.local.set(values)", values)

    def reset(self, service_url: str) -> Any:
        """Defaults plus the test's service address; one blank tab left open."""
        self.sw.evaluate("() => chrome.storage.local.clear()")
        self.set_storage(serviceUrl=service_url)
        pages = list(self.context.pages)
        keep = pages[0] if pages else self.context.new_page()
        for page in pages[1:]:
            page.close()
        keep.goto("about:blank")
        self.console.clear()
        return keep

    def open(self, url: str, page: Any | None = None) -> Any:
        page = page or self.context.new_page()
        page.set_viewport_size(VIEWPORT)
        page.goto(url, wait_until="load")
        page.bring_to_front()
        return page

    def click_action(self, page: Any) -> None:
        """What a click on the toolbar button does: the real onClicked listener runs
        with the real active tab (Chromium only; Playwright cannot click the toolbar)."""
        tab_url = self.sw.evaluate(
            """async () => {
                const [tab] = await chrome.tabs.query({active: true, lastFocusedWindow: true});
                chrome.action.onClicked.dispatch(tab);
                await globalThis.unwallLastRun;
                return tab.url ?? null;
            }"""
        )
        assert tab_url in (None, page.url), f"the active tab is {tab_url}, not {page.url}"

    def open_reader(self, page: Any, state: str = "article") -> Any:
        """Click the action on `page` and return the reader tab once it has settled."""
        with self.context.expect_page(timeout=15000) as new_page:
            self.click_action(page)
        reader = new_page.value
        return self.settled(reader, state)

    def settled(self, reader: Any, state: str) -> Any:
        reader.set_viewport_size(VIEWPORT)
        reader.wait_for_selector(f"body[data-state={state}]", timeout=20000)
        return reader

    def screenshot(self, page: Any, name: str, full_page: bool = True) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / name
        page.screenshot(path=str(path), full_page=full_page)
        return path


def launch(
    playwright: Any, profile: Path, extension: Path, headless: bool, env: dict[str, str] | None = None
) -> Any:
    return playwright.chromium.launch_persistent_context(
        str(profile),
        executable_path=chromium_executable(),
        headless=headless,
        viewport=VIEWPORT,
        args=[
            f"--disable-extensions-except={extension}",
            f"--load-extension={extension}",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--lang=en-US",
        ],
        env=env,
        timeout=30000,
    )


def extension_worker(context: Any) -> Any:
    for worker in context.service_workers:
        if worker.url.startswith("chrome-extension://"):
            return worker
    return context.wait_for_event(
        "serviceworker", predicate=lambda w: w.url.startswith("chrome-extension://"), timeout=15000
    )
