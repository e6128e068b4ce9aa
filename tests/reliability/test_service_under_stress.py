"""Under load, faults and bad input the service answers every request, keeps
its worker pool whole, and does not grow."""

from __future__ import annotations

import asyncio
import os
import random
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest
from load import ServiceProcess, load_pages, run_load, tree_rss_bytes

WORKERS = 2
PAGES = load_pages()


@pytest.fixture(scope="module")
def service() -> Iterator[ServiceProcess]:
    with ServiceProcess(workers=WORKERS, extra_env={"UNWALL_QUEUE_LIMIT": "4"}) as running:
        yield running


def worker_count(service: ServiceProcess) -> int:
    """Live worker processes (multiprocessing's resource tracker is a child too)."""
    workers = 0
    for task in Path(f"/proc/{service.process.pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            try:
                command = Path(f"/proc/{child}/cmdline").read_bytes()
            except FileNotFoundError:
                continue
            workers += b"spawn_main" in command
    return workers


def open_descriptors(service: ServiceProcess) -> int:
    return len(os.listdir(f"/proc/{service.process.pid}/fd"))


def good_request(service: ServiceProcess) -> int:
    async def post() -> int:
        async with (
            aiohttp.ClientSession() as session,
            session.post(
                f"{service.url}/v1/reader", data=PAGES[0], headers={"Content-Type": "text/html"}
            ) as response,
        ):
            await response.read()
            return response.status

    return asyncio.run(post())


def test_bounded_load_every_request_answered(service: ServiceProcess) -> None:
    result = asyncio.run(run_load(service.url, PAGES, clients=16, seconds=8, request_timeout=30))
    summary = result.summary()
    print(f"\nload: {summary}")
    assert result.transport_errors == 0, "a request was lost or hung"
    assert result.answered == result.sent
    assert set(result.statuses) <= {200, 422, 503}, result.statuses
    assert result.statuses[200] > 0
    assert result.retry_after_missing == 0


def _raw_request(port: int, payload: bytes, read_bytes: int = 0) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(payload)
        if read_bytes:
            connection.recv(read_bytes)


def test_disconnects_leave_nothing_behind(service: ServiceProcess) -> None:
    assert good_request(service) == 200
    baseline_fds = open_descriptors(service)
    body = PAGES[1]
    head = (
        f"POST /v1/reader HTTP/1.1\r\nHost: 127.0.0.1:{service.port}\r\nContent-Type: text/html\r\n"
        f"Content-Length: {len(body) * 4}\r\n\r\n"
    ).encode()
    for _ in range(30):  # gone mid-upload
        _raw_request(service.port, head + body[: len(body) // 2])
    complete = head.replace(str(len(body) * 4).encode(), str(len(body)).encode()) + body
    for _ in range(30):  # gone as soon as the answer starts
        _raw_request(service.port, complete, read_bytes=1)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and open_descriptors(service) > baseline_fds + 2:
        time.sleep(0.2)
    assert open_descriptors(service) <= baseline_fds + 2, "connections or pipes leaked"
    assert worker_count(service) == WORKERS
    assert good_request(service) == 200


def _malformed_requests(port: int, count: int, seed: int) -> Iterator[bytes]:
    rng = random.Random(seed)
    content_types = [
        "text/html",
        "application/json",
        "image/png",
        "",
        "text/html; charset=bogus-8",
        "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded",
    ]
    paths = [
        "/v1/reader",
        "/v1/reader?format=pdf",
        "/v1/reader?url=javascript:1",
        "/nope",
        "/healthz",
        "/v1/reader?format=html&url=http://[::1",
        "/%00",
        "/v1/reader?" + "a" * 3000,
    ]
    for _ in range(count):
        body = rng.choice(
            [
                rng.randbytes(rng.randint(0, 4096)),
                b"{" * rng.randint(1, 5000),
                b'{"html": ' + str(rng.random()).encode() + b"}",
                b"<div>" * rng.randint(1, 3000),
                b"",
            ]
        )
        method = rng.choice(["POST", "POST", "GET", "PUT", "DELETE", "OPTIONS", "BREW"])
        content_type = rng.choice(content_types)
        declared = len(body) if rng.random() > 0.1 else len(body) + rng.randint(-5, 5)
        head = f"{method} {rng.choice(paths)} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        if content_type:
            head += f"Content-Type: {content_type}\r\n"
        head += f"Content-Length: {max(declared, 0)}\r\nConnection: close\r\n\r\n"
        yield head.encode() + body if rng.random() > 0.05 else rng.randbytes(200)


def test_thousand_malformed_requests_then_a_good_one(service: ServiceProcess) -> None:
    for _ in range(20):  # warm the workers before measuring memory
        good_request(service)
    before = tree_rss_bytes(service.process.pid)
    for payload in _malformed_requests(service.port, 1000, seed=7):
        try:
            with socket.create_connection(("127.0.0.1", service.port), timeout=5) as connection:
                connection.sendall(payload)
                connection.shutdown(socket.SHUT_WR)
                while connection.recv(65536):
                    pass
        except (ConnectionError, TimeoutError, OSError):
            pass  # the service may close a garbage connection first: that is fine
    assert good_request(service) == 200
    after = tree_rss_bytes(service.process.pid)
    assert worker_count(service) == WORKERS
    assert after < before * 1.10, f"memory grew from {before} to {after} bytes"


def soak_seconds() -> float:
    default = "300" if os.environ.get("CI") else "20"
    return float(os.environ.get("UNWALL_SOAK_SECONDS", default))


def test_soak_at_a_steady_rate_memory_stays_flat(service: ServiceProcess) -> None:
    """Five minutes in CI (UNWALL_SOAK_SECONDS overrides; shorter locally)."""
    seconds = soak_seconds()
    samples: list[int] = []

    async def soak() -> object:
        async def sample() -> None:
            while True:
                samples.append(tree_rss_bytes(service.process.pid))
                await asyncio.sleep(max(1.0, seconds / 30))

        sampler = asyncio.create_task(sample())
        try:
            return await run_load(service.url, PAGES, clients=2, seconds=seconds, rate_per_second=8)
        finally:
            sampler.cancel()

    result = asyncio.run(soak())
    assert result.transport_errors == 0 and set(result.statuses) <= {200, 422}, result.statuses
    settled = samples[len(samples) // 5 :]  # after warm-up
    growth = max(settled) / settled[0] - 1
    print(f"\nsoak: {result.summary()}, memory {settled[0] / 2**20:.0f} -> {max(settled) / 2**20:.0f} MB")
    assert growth < 0.10, f"memory grew {growth:.1%} during the soak"


def test_two_processes_share_one_port() -> None:
    """The team set-up: several `unwall serve --reuse-port` behind one address."""
    from load import free_port

    port = free_port()
    with (
        ServiceProcess(workers=1, port=port, reuse_port=True) as first,
        ServiceProcess(workers=1, port=port, reuse_port=True) as second,
    ):
        statuses = []
        for _ in range(40):  # a new connection each time, so the kernel spreads them
            statuses.append(good_request(first))
        assert statuses == [200] * 40
        served = [log.log_tail(10**6).count("POST /v1/reader") for log in (first, second)]
        assert all(count > 0 for count in served), served
