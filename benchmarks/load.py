"""A bounded load generator for the Unwall service, and the service benchmark.

    python benchmarks/load.py [--workers 2] [--seconds 10] [--clients 1,2,4,8,32]

Starts `unwall serve` on a free loopback port, then for each client count runs
that many keep-alive clients for a fixed time, each posting real pages in turn.
Reports requests per second, p50/p95/p99 latency, errors and 503s, the memory of
the whole process tree, and the HTTP overhead (service latency minus in-process
pipeline time for the same pages, measured at one client). Real pages differ in
size by two orders of magnitude, so the mix's p99/p50 is mostly the spread of
page cost; a second table posts one page of median size over and over, below
saturation, where p99/p50 is the service's own spread (queueing, scheduling).

Only loopback addresses are ever targeted, and every loop is bounded in count
and time. The reliability tests import `run_load`, `ServiceProcess` and
`tree_rss_bytes` from here.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PAGES = ROOT / "tests" / "fixtures"
LOOPBACK = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        port: int = probe.getsockname()[1]
        return port


def load_pages(folder: Path = DEFAULT_PAGES, limit: int = 40) -> list[bytes]:
    pages = [p.read_bytes() for p in sorted(folder.glob("*/*/source.html"))]
    return pages[:limit]


def tree_rss_bytes(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as children:
                    pending.extend(int(child) for child in children.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


class ServiceProcess:
    """`unwall serve` in a subprocess on a free loopback port; stopped on exit."""

    def __init__(
        self,
        workers: int = 2,
        extra_env: dict[str, str] | None = None,
        port: int | None = None,
        reuse_port: bool = False,
    ) -> None:
        self.port = port or free_port()
        self.url = f"http://{LOOPBACK}:{self.port}"
        env = {**os.environ, "PYTHONPATH": str(ROOT / "server"), **(extra_env or {})}
        # A file, not a pipe: an unread pipe fills with access-log lines and
        # then blocks the service mid-request.
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the process; closed by stop()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "unwall",
                "serve",
                "--host",
                LOOPBACK,
                "--port",
                str(self.port),
                "--workers",
                str(workers),
                *(["--reuse-port"] if reuse_port else []),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
        )

    def __enter__(self) -> ServiceProcess:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"unwall serve exited: {self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=1) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("unwall serve did not become healthy within 60 s")

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def log_tail(self, characters: int = 2000) -> str:
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")[-characters:]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self.log.close()


@dataclass
class LoadResult:
    clients: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    sent: int = 0
    transport_errors: int = 0
    retry_after_missing: int = 0

    @property
    def answered(self) -> int:
        return sum(self.statuses.values())

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")

    def summary(self) -> dict[str, Any]:
        return {
            "clients": self.clients,
            "requests": self.sent,
            "answered": self.answered,
            "rps": self.answered / self.seconds,
            "served_rps": self.statuses.get(200, 0) / self.seconds,
            "p50_ms": 1000 * self.percentile(0.50),
            "p95_ms": 1000 * self.percentile(0.95),
            "p99_ms": 1000 * self.percentile(0.99),
            "ok": self.statuses.get(200, 0),
            "503": self.statuses.get(503, 0),
            "errors": self.transport_errors
            + sum(n for s, n in self.statuses.items() if s >= 500 and s != 503),
        }


def _post_page(session: aiohttp.ClientSession, base_url: str, page: bytes) -> Any:
    """POST one page to the reader endpoint, as the extension does."""
    return session.post(
        f"{base_url}/v1/reader?url=https://news.example/a", data=page, headers={"Content-Type": "text/html"}
    )


async def run_load(
    base_url: str,
    pages: list[bytes],
    clients: int,
    seconds: float,
    *,
    request_timeout: float = 60.0,
    rate_per_second: float | None = None,
) -> LoadResult:
    """`clients` keep-alive clients post pages in turn until `seconds` pass.
    With `rate_per_second`, requests are paced to that total rate instead."""
    result = LoadResult(clients=clients, seconds=seconds)
    deadline = time.monotonic() + seconds
    interval = clients / rate_per_second if rate_per_second else 0.0
    timeout = aiohttp.ClientTimeout(total=request_timeout)
    connector = aiohttp.TCPConnector(limit=clients)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:

        async def client(number: int) -> None:
            index = number
            while time.monotonic() < deadline:
                started = time.monotonic()
                page = pages[index % len(pages)]
                index += clients
                result.sent += 1
                try:
                    async with _post_page(session, base_url, page) as response:
                        await response.read()
                        result.statuses[response.status] += 1
                        if response.status == 503 and "Retry-After" not in response.headers:
                            result.retry_after_missing += 1
                        if response.status < 500:
                            result.latencies.append(time.monotonic() - started)
                except (aiohttp.ClientError, TimeoutError):
                    result.transport_errors += 1
                if interval:
                    await asyncio.sleep(max(0.0, interval - (time.monotonic() - started)))

        await asyncio.gather(*(client(n) for n in range(clients)))
    return result


def _in_process_best(page: bytes, runs: int) -> float:
    """Best of `runs` in-process pipeline times for one page, JSON rendering included."""
    sys.path.insert(0, str(ROOT / "server"))
    from unwall.formats import render
    from unwall.pipeline import run

    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        with contextlib.suppress(Exception):  # an error page costs time too
            render(run(page, "https://news.example/a"), "json")
        best = min(best, time.perf_counter() - start)
    return best


async def _service_best(session: aiohttp.ClientSession, base_url: str, page: bytes, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        async with _post_page(session, base_url, page) as response:
            await response.read()
        best = min(best, time.perf_counter() - start)
    return best


async def sequential_latency(base_url: str, pages: list[bytes], runs: int = 3) -> float:
    """Median over pages of the best of `runs` service latencies, one at a time."""
    async with aiohttp.ClientSession() as session:
        times = [await _service_best(session, base_url, page, runs) for page in pages]
    return statistics.median(times)


class MinimalClient:
    """One keep-alive HTTP/1.1 connection that writes a request and reads the
    answer by its Content-Length, and nothing else. aiohttp's client costs
    about a millisecond of this process's CPU per request on these pages, time
    that is the load generator's, not the service's: the overhead is measured
    with both, and both are reported."""

    def __init__(self, base_url: str) -> None:
        host_port = base_url.split("//", 1)[1]
        self.host, port = host_port.rsplit(":", 1)
        self.port = int(port)
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def __aenter__(self) -> MinimalClient:
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()

    async def post_page(self, page: bytes) -> int:
        """The answer's status; its body is read whole."""
        assert self.reader is not None and self.writer is not None
        head = (
            "POST /v1/reader?url=https://news.example/a HTTP/1.1\r\n"
            f"Host: {self.host}:{self.port}\r\nContent-Type: text/html\r\n"
            f"Content-Length: {len(page)}\r\n\r\n"
        )
        self.writer.write(head.encode("ascii") + page)
        status_line = await self.reader.readline()
        length = 0
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        await self.reader.readexactly(length)
        return int(status_line.split()[1])


async def _minimal_best(client: MinimalClient, page: bytes, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        await client.post_page(page)
        best = min(best, time.perf_counter() - start)
    return best


@dataclass(frozen=True)
class Overhead:
    """Medians over pages, in seconds."""

    through_aiohttp: float  # service latency with aiohttp's client, minus in-process time
    through_minimal: float  # the same with MinimalClient
    service: float
    in_process: float


async def http_overhead(base_url: str, pages: list[bytes], runs: int = 3) -> Overhead:
    """Per page, the best of `runs` through the service (with each client) and
    the best of `runs` in this process, measured one right after the other so
    that the machine's drift between two separate passes does not enter the
    difference."""
    service, minimal, local = [], [], []
    async with aiohttp.ClientSession() as session, MinimalClient(base_url) as client:
        for page in pages:
            service.append(await _service_best(session, base_url, page, runs))
            minimal.append(await _minimal_best(client, page, runs))
            local.append(_in_process_best(page, runs))
    return Overhead(
        through_aiohttp=statistics.median(s - p for s, p in zip(service, local, strict=True)),
        through_minimal=statistics.median(m - p for m, p in zip(minimal, local, strict=True)),
        service=statistics.median(service),
        in_process=statistics.median(local),
    )


def compare_processes(seconds: float, clients: int = 4) -> None:
    """One process with two workers against two processes with one worker each
    sharing the port: the way to put several service processes behind one address."""
    pages = load_pages()
    print(f"\n| layout ({clients} clients) | requests/s | p50 ms | p99 ms | errors |")
    print("|---|---:|---:|---:|---:|")
    with ServiceProcess(workers=2) as single:
        asyncio.run(sequential_latency(single.url, pages[:5]))
        s = asyncio.run(run_load(single.url, pages, clients, seconds)).summary()
    print(
        f"| 1 process x 2 workers | {s['rps']:.1f} | {s['p50_ms']:.0f} | {s['p99_ms']:.0f} | {s['errors']} |"
    )
    port = free_port()
    with (
        ServiceProcess(workers=1, port=port, reuse_port=True) as first,
        ServiceProcess(workers=1, port=port, reuse_port=True),
    ):
        asyncio.run(sequential_latency(first.url, pages[:5]))
        s = asyncio.run(run_load(first.url, pages, clients, seconds)).summary()
    print(
        f"| 2 processes x 1 worker, one port | {s['rps']:.1f} | {s['p50_ms']:.0f} | {s['p99_ms']:.0f} "
        f"| {s['errors']} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", default="1,2,4,8,32")
    parser.add_argument(
        "--compare-processes",
        action="store_true",
        help="also compare 1 process x 2 workers with 2 processes x 1 worker on one port",
    )
    args = parser.parse_args()
    pages = load_pages()
    print(f"{len(pages)} real pages, {args.workers} workers, {args.seconds:g} s per step\n")
    print(
        "| clients | answered/s | served (200)/s | p50 ms | p95 ms | p99 ms | p99/p50 | errors | 503s "
        "| memory MB |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    with ServiceProcess(workers=args.workers) as service:
        asyncio.run(sequential_latency(service.url, pages[:5]))  # warm the workers
        for clients in (int(c) for c in args.clients.split(",")):
            result = asyncio.run(run_load(service.url, pages, clients, args.seconds))
            s = result.summary()
            memory = tree_rss_bytes(service.process.pid) / 2**20
            print(
                f"| {clients} | {s['rps']:.1f} | {s['served_rps']:.1f} | {s['p50_ms']:.0f} "
                f"| {s['p95_ms']:.0f} | {s['p99_ms']:.0f} | {s['p99_ms'] / s['p50_ms']:.1f} | {s['errors']} "
                f"| {s['503']} | {memory:.0f} |"
            )
        overhead = asyncio.run(http_overhead(service.url, pages))
        one_page = [sorted(pages, key=len)[len(pages) // 2]]
        print(f"\nOne page of median size ({len(one_page[0]) / 1024:.0f} KiB), repeated:\n")
        print("| clients | requests/s | p50 ms | p99 ms | p99/p50 |")
        print("|---:|---:|---:|---:|---:|")
        for clients in (1, args.workers):
            s = asyncio.run(run_load(service.url, one_page, clients, args.seconds)).summary()
            print(
                f"| {clients} | {s['rps']:.1f} | {s['p50_ms']:.1f} | {s['p99_ms']:.1f} "
                f"| {s['p99_ms'] / s['p50_ms']:.2f} |"
            )
    print(
        f"\nHTTP overhead per request (per page, service latency at one client minus the "
        f"in-process time measured right after it; median over pages): "
        f"{1000 * overhead.through_minimal:.1f} ms with a minimal keep-alive client, "
        f"{1000 * overhead.through_aiohttp:.1f} ms with aiohttp's client "
        f"(medians: service {1000 * overhead.service:.1f}, in-process {1000 * overhead.in_process:.1f})"
    )
    if args.compare_processes:
        compare_processes(args.seconds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
