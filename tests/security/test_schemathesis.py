"""The live service against its own contract, with schemathesis (4.x).

`python -m unwall serve` runs as a subprocess on a free loopback port; the
OpenAPI document is loaded from its `/openapi.json`, and for every operation
schemathesis generates requests (valid ones, and for the operation with
parameters invalid ones too) that must all get:

- no 5xx;
- a documented status code and content type;
- a body that validates against the documented response schema.

Schemathesis patches hypothesis globals when its generator is imported (it
blanks the "Falsifying example" of every later hypothesis test in the session);
`_restored_hypothesis` puts them back when this module is done.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pytest

from unwall.service.app import MAX_REQUEST_LINE_BYTES, MAX_URL_CHARS

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, assume, given, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.generation import GenerationMode  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

ROOT = Path(__file__).resolve().parents[2]
SPEC = json.loads((ROOT / "shared" / "api" / "openapi.json").read_text(encoding="utf-8"))
OPERATIONS = [(method.upper(), path) for path, item in SPEC["paths"].items() for method in item]
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
EXAMPLES_PER_OPERATION = 50
# aiohttp's HTTP parser answers a request line longer than this itself, before
# the application, with a text/plain 400; the service raises aiohttp's default
# (8190 bytes) so that every documented `url` fits: see the tests at the end.
MAX_REQUEST_LINE = MAX_REQUEST_LINE_BYTES


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _stop(process: subprocess.Popen[bytes]) -> None:
    """The server and its worker processes: they share the session it leads."""
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    with suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)  # whatever of the group is left
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    log_path = tmp_path_factory.mktemp("schemathesis") / "serve.log"
    env = {
        key: value for key, value in os.environ.items() if not key.startswith("UNWALL_")
    }  # the defaults: no token, loopback only
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "server"), env.get("PYTHONPATH")]))
    env["UNWALL_QUEUE_LIMIT"] = "64"  # one client at a time: never a 503 here
    base_url = f"http://127.0.0.1:{port}"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "unwall", "serve", "--port", str(port), "--workers", "1"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + 30
            while True:
                if process.poll() is not None:
                    pytest.fail(f"unwall serve exited with {process.returncode}:\n{log_path.read_text()}")
                try:
                    with urllib.request.urlopen(f"{base_url}/healthz", timeout=1) as answer:
                        if answer.status == 200:
                            break
                except (urllib.error.URLError, ConnectionError, TimeoutError):
                    pass
                if time.monotonic() > deadline:
                    pytest.fail(f"unwall serve did not answer in 30 s:\n{log_path.read_text()}")
                time.sleep(0.1)
            yield base_url
        finally:
            _stop(process)


@contextmanager
def _restored_hypothesis() -> Iterator[None]:
    """Put back what `schemathesis.generation.hypothesis.setup` swaps in hypothesis."""
    from hypothesis import core
    from hypothesis.internal import entropy
    from hypothesis.internal.conjecture import engine
    from hypothesis.strategies._internal import collections
    from hypothesis.strategies._internal import core as strategies_core

    saved: list[tuple[Any, str, Any]] = [
        (module, name, getattr(module, name))
        for module, name in [
            (core, "RepresentationPrinter"),
            (core, "BUFFER_SIZE"),
            (engine, "BUFFER_SIZE"),
            (collections, "BUFFER_SIZE"),
            (strategies_core, "is_first_param_referenced_in_function"),
            (entropy, "register_random"),
        ]
        if hasattr(module, name)
    ]
    try:
        yield
    finally:
        for module, name, value in saved:
            setattr(module, name, value)


@pytest.fixture(scope="module")
def schema(service: str) -> Iterator[Any]:
    with _restored_hypothesis():
        yield schemathesis.openapi.from_url(f"{service}/openapi.json")


def _request_line_length(case: Any, base_url: str) -> int:
    from requests import Request

    url = case.as_transport_kwargs(base_url=base_url)["url"]
    params = case.query or None
    return len(Request(case.method, url, params=params).prepare().path_url) + len(case.method) + 10


def _run(operation: Any, mode: GenerationMode, base_url: str) -> None:
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def check(case: Any) -> None:
        assume(_request_line_length(case, base_url) < MAX_REQUEST_LINE)
        case.call_and_validate(base_url=base_url, checks=CHECKS, timeout=30)

    check()


def test_every_operation_is_exercised() -> None:
    assert set(OPERATIONS) == {
        ("POST", "/v1/reader"),
        ("GET", "/healthz"),
        ("GET", "/openapi.json"),
        ("GET", "/"),
    }


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_valid_requests_get_documented_answers(schema: Any, service: str, method: str, path: str) -> None:
    _run(schema[path][method], GenerationMode.POSITIVE, service)


@pytest.mark.parametrize(
    ("method", "path"),
    [(m, p) for m, p in OPERATIONS if SPEC["paths"][p][m.lower()].get("parameters")],
    ids=lambda value: str(value),
)
def test_invalid_requests_get_documented_answers(schema: Any, service: str, method: str, path: str) -> None:
    _run(schema[path][method], GenerationMode.NEGATIVE, service)


def test_a_real_article_validates(schema: Any, service: str) -> None:
    """Random strings are never articles: one real page, so that the 200 answers
    of every format are checked against the document too."""
    page = (ROOT / "tests" / "fixtures" / "pages" / "frandroid-ai-summit-fr" / "source.html").read_text(
        encoding="utf-8"
    )
    operation = schema["/v1/reader"]["POST"]
    for format_name in ("json", "html", "markdown", "text"):
        case = operation.Case(
            body=page,
            media_type="text/html",
            query={"format": format_name, "url": "https://www.frandroid.com/story"},
        )
        response = case.call_and_validate(base_url=service, checks=CHECKS, timeout=30)
        assert response.status_code == 200


def _post_with_url(service: str, url: str) -> tuple[int, str, bytes]:
    request = urllib.request.Request(
        f"{service}/v1/reader?{urllib.parse.urlencode({'url': url})}",
        data=b"<p>x</p>",
        headers={"Content-Type": "text/html"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.headers.get_content_type(), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read()


def test_a_long_documented_url_gets_a_json_answer(service: str) -> None:
    # A valid URI within maxLength, its query escaped as a query parameter must be.
    url = "https://example.org/search?" + "q=1&" * 2040
    assert len(url) <= SPEC["paths"]["/v1/reader"]["post"]["parameters"][0]["schema"]["maxLength"]
    status, content_type, _ = _post_with_url(service, url)
    assert content_type == "application/json", (status, content_type)


def test_the_longest_documented_url_percent_encoded_gets_a_json_answer(service: str) -> None:
    # Every character of the longest documented `url` escaped: three bytes each.
    max_length = SPEC["paths"]["/v1/reader"]["post"]["parameters"][0]["schema"]["maxLength"]
    url = "https://example.org/?" + "%" * (max_length - len("https://example.org/?"))
    status, content_type, _ = _post_with_url(service, url)
    assert content_type == "application/json", (status, content_type)


def test_a_url_over_the_documented_length_gets_our_json_error(service: str) -> None:
    max_length = SPEC["paths"]["/v1/reader"]["post"]["parameters"][0]["schema"]["maxLength"]
    assert max_length == MAX_URL_CHARS
    url = "https://example.org/search?" + "q" * max_length
    status, content_type, body = _post_with_url(service, url)
    assert (status, content_type) == (400, "application/json")
    assert json.loads(body)["error"]["code"] == "invalid_url"
