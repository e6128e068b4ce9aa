"""Fixtures for driving Debian's Chromium with the unpacked extension.

- `unwall_service`: the real service, `python -m unwall serve` on a free port.
- `site`: the test pages, served on 127.0.0.1 by an aiohttp app in a thread.
- `browser`: one headless Chromium for the session, with a test copy of the
  extension whose manifest also covers http://127.0.0.1/* (a simulated click
  grants no activeTab); `ext`: that browser, reset before each test.
- `xvfb`: a virtual display for the headed run with a real key press.

Outside CI a missing Chromium (or Playwright, Xvfb, xdotool) skips these tests
with the command that installs it; with CI=true it fails them.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from browser_harness import (
    INSTALL_HINT,
    ROOT,
    Extension,
    Site,
    chromium_executable,
    extension_copy,
    extension_worker,
    free_port,
    launch,
    sync_playwright_or_skip,
    unavailable,
    wait_for_health,
)


@pytest.fixture(scope="session")
def site() -> Iterator[Site]:
    with Site() as server:
        yield server


@pytest.fixture(scope="session")
def unwall_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real service, as a person starts it, on a free port with one worker."""
    port = free_port()
    log_path = tmp_path_factory.mktemp("service") / "unwall.log"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "server")}
    for name in ("UNWALL_TOKEN", "UNWALL_EXTENSION_IDS", "UNWALL_HOST", "UNWALL_PORT"):
        env.pop(name, None)
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "unwall", "serve", "--port", str(port), "--workers", "1"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_for_health(base_url, process)
    except RuntimeError as error:
        process.kill()
        pytest.fail(f"{error}:\n{log_path.read_text(errors='replace')[-3000:]}")
    yield base_url
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)


# Module scope, not session: while a sync Playwright driver is open its event loop
# counts as running in this thread, and the rest of the suite's asyncio tests could
# not start theirs.
@pytest.fixture(scope="module")
def playwright() -> Iterator[Any]:
    """One Playwright driver per test module (its sync API allows one per thread)."""
    chromium_executable()
    sync_playwright = sync_playwright_or_skip()
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="module")
def browser(playwright: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Extension]:
    base = tmp_path_factory.mktemp("chromium")
    extension = extension_copy(base / "extension", extra_hosts=("http://127.0.0.1/*",))
    context = launch(playwright, base / "profile", extension, headless=True)
    try:
        yield Extension(context, extension_worker(context))
    finally:
        context.close()


@pytest.fixture
def ext(browser: Extension, unwall_service: str, request: pytest.FixtureRequest) -> Iterator[Extension]:
    browser.reset(unwall_service)
    yield browser
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed and browser.console:
        print("browser console:\n" + "\n".join(browser.console[-50:]))


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    if report.when == "call":
        item.rep_call = report  # type: ignore[attr-defined]
    return report


# --- a display for the headed run ------------------------------------------------


@pytest.fixture(scope="session")
def xvfb() -> Iterator[str]:
    """Starts Xvfb on a display number it picks itself (-displayfd); yields ':N'."""
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            unavailable(f"{tool} is not installed: install it with `{INSTALL_HINT}`")
    read_fd, write_fd = os.pipe()
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not report its display")
        yield f":{number}"
    finally:
        process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(5)
        if process.poll() is None:
            process.kill()
