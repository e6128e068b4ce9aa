"""The extension as files: the shipped manifest asks only for what it needs, no
remote code, one command builds a package per browser, and `web-ext lint`
(Firefox's linter) finds no errors. No browser is started here."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from browser_harness import EXTENSION, IN_CI, ROOT

MANIFEST = json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))
WEB_EXT_INSTALL = "npm install --prefix .tools --no-save web-ext"


def test_manifest_permissions_are_minimal() -> None:
    assert MANIFEST["manifest_version"] == 3
    assert sorted(MANIFEST["permissions"]) == ["activeTab", "contextMenus", "scripting", "storage"]
    assert MANIFEST["host_permissions"] == ["http://127.0.0.1:8642/*", "http://localhost:8642/*"]
    assert MANIFEST["optional_host_permissions"] == ["http://*/*", "https://*/*"]
    assert "content_scripts" not in MANIFEST and "web_accessible_resources" not in MANIFEST
    assert MANIFEST["commands"]["_execute_action"]["suggested_key"]["default"] == "Alt+Shift+U"
    policy = MANIFEST["content_security_policy"]["extension_pages"]
    assert "script-src 'self';" in policy and "object-src 'none'" in policy
    assert MANIFEST["browser_specific_settings"]["gecko"]["id"]


def test_no_remote_code() -> None:
    for path in EXTENSION.rglob("*"):
        if path.suffix not in {".js", ".html"} or "node_modules" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"<script[^>]+src=[\"']?(https?:)?//", text), path
        assert not re.search(r"\beval\s*\(|new\s+Function\s*\(|importScripts\([\"']https?:", text), path
        assert "innerHTML" not in text and "insertAdjacentHTML" not in text, path


def test_one_command_builds_a_package_per_browser(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(EXTENSION / "build.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    chrome = zipfile.ZipFile(tmp_path / "unwall-chrome.zip")
    firefox = zipfile.ZipFile(tmp_path / "unwall-firefox.zip")
    for archive in (chrome, firefox):
        names = set(archive.namelist())
        assert not [n for n in names if n.endswith((".py", ".md"))]
        manifest = json.loads(archive.read("manifest.json"))
        referenced = [
            *manifest["icons"].values(),
            *manifest["action"]["default_icon"].values(),
            manifest["options_ui"]["page"],
            *manifest["background"].get("scripts", []),
            "reader.html",
            "capture.js",
        ]
        if "service_worker" in manifest["background"]:
            referenced.append(manifest["background"]["service_worker"])
        assert set(referenced) <= names
    chrome_manifest = json.loads(chrome.read("manifest.json"))
    firefox_manifest = json.loads(firefox.read("manifest.json"))
    assert chrome_manifest["background"] == {"service_worker": "background.js"}
    assert "browser_specific_settings" not in chrome_manifest
    assert firefox_manifest["background"] == {"scripts": ["common.js", "background.js"]}
    assert firefox_manifest["browser_specific_settings"]["gecko"]["id"]


def web_ext() -> list[str]:
    for folder in (ROOT / ".tools", EXTENSION, ROOT):
        binary = folder / "node_modules" / ".bin" / "web-ext"
        if binary.is_file():
            return [str(binary)]
    if shutil.which("web-ext"):
        return ["web-ext"]
    message = f"web-ext is not installed: `{WEB_EXT_INSTALL}` (in the Unwall checkout)"
    if IN_CI:
        pytest.fail(message + " (CI=true: .ci/run installs it)", pytrace=False)
    pytest.skip(message)
    raise AssertionError("unreachable")


def lint(command: list[str], source: Path) -> dict[str, object]:
    result = subprocess.run(
        [*command, "lint", "--source-dir", str(source), "--output", "json", "--no-input"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "NO_UPDATE_NOTIFIER": "1"},
    )
    start = result.stdout.find("{")
    assert start >= 0, result.stdout + result.stderr
    return dict(json.loads(result.stdout[start:]))


def test_web_ext_lint_finds_no_errors(tmp_path: Path) -> None:
    command = web_ext()
    report = lint(command, EXTENSION)
    assert report["errors"] == [], json.dumps(report["errors"], indent=2)
    # The Firefox package, with its own manifest, lints without errors or warnings.
    subprocess.run([sys.executable, str(EXTENSION / "build.py"), "--out", str(tmp_path)], check=True)
    unpacked = tmp_path / "firefox"
    zipfile.ZipFile(tmp_path / "unwall-firefox.zip").extractall(unpacked)
    report = lint(command, unpacked)
    assert report["errors"] == [] and report["warnings"] == [], json.dumps(report, indent=2)
