"""A bounded pool of worker processes for the CPU-bound pipeline.

Why not `concurrent.futures.ProcessPoolExecutor`: when one of its workers dies
the whole executor is broken, and a task over its time limit cannot be
stopped. Here each worker is one process on one pipe, so a stuck or crashed
extraction costs exactly that worker, which is replaced at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import signal
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from unwall import errors
from unwall.errors import UnwallError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    page: str | bytes
    url: str | None
    content_type: str | None
    format_name: str
    max_elements: int


def _worker_main(connection: Connection) -> None:
    """Runs in the worker process: one job at a time, answers ('ok', body) or ('error', ...)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when workers stop
    from unwall.formats import render
    from unwall.pipeline import run
    from unwall.rules import load_rules

    load_rules()  # compile the rule data now, not during the first request

    while True:
        try:
            job: Job = connection.recv()
        except (EOFError, OSError):
            return
        try:
            extraction = run(job.page, job.url, content_type=job.content_type, max_elements=job.max_elements)
            reply: tuple[str, Any] = ("ok", render(extraction, job.format_name).encode("utf-8"))
        except UnwallError as error:
            reply = ("error", (error.code, error.message, error.status))
        except RecursionError:
            reply = ("error", (errors.TOO_COMPLEX, "The page is nested too deeply to process.", 413))
        except MemoryError:
            reply = ("error", (errors.TOO_COMPLEX, "The page needs more memory than allowed.", 413))
        except Exception as exc:  # a bug of ours: report it, keep the worker
            log.exception("extraction failed")
            reply = ("error", (errors.INTERNAL, f"Extraction failed: {type(exc).__name__}.", 500))
        try:
            connection.send(reply)
        except (BrokenPipeError, OSError):
            return


class _Worker:
    def __init__(self, context: Any) -> None:
        self.connection, child_end = multiprocessing.Pipe(duplex=True)
        self.process: BaseProcess = context.Process(target=_worker_main, args=(child_end,), daemon=True)
        self.process.start()
        child_end.close()

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self.connection.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)


class WorkerPool:
    def __init__(self, size: int, queue_limit: int, timeout_seconds: float) -> None:
        self.size = max(1, size)
        self.capacity = self.size + max(0, queue_limit)
        self.timeout_seconds = timeout_seconds
        self._context = multiprocessing.get_context("spawn")
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._workers: set[_Worker] = set()
        self._pending = 0
        self._closed = False

    @property
    def pending(self) -> int:
        return self._pending

    def worker_pids(self) -> list[int]:
        return [w.process.pid for w in self._workers if w.process.pid is not None]

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        workers = await asyncio.gather(
            *(loop.run_in_executor(None, _Worker, self._context) for _ in range(self.size))
        )
        for worker in workers:
            self._workers.add(worker)
            self._idle.put_nowait(worker)

    async def close(self) -> None:
        self._closed = True
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(None, w.stop) for w in list(self._workers)))
        self._workers.clear()

    async def submit(self, job: Job) -> bytes:
        """The rendered answer, or `UnwallError` (503 when full, 504 over time, 500 on a crash)."""
        if self._closed:
            raise UnwallError(errors.OVERLOADED, "The service is shutting down.", 503)
        if self._pending >= self.capacity:
            raise UnwallError(errors.OVERLOADED, "Too many pages in progress; retry shortly.", 503)
        self._pending += 1
        try:
            worker = await self._idle.get()
            return await self._run_on(worker, job)
        finally:
            self._pending -= 1

    async def _run_on(self, worker: _Worker, job: Job) -> bytes:
        loop = asyncio.get_running_loop()
        healthy = False
        try:
            await loop.run_in_executor(None, worker.connection.send, job)
            reply = await asyncio.wait_for(self._receive(worker), self.timeout_seconds)
            healthy = True
        except TimeoutError:
            raise UnwallError(
                errors.TIMEOUT, f"Extraction took longer than {self.timeout_seconds:g} s.", 504
            ) from None
        except (EOFError, OSError, BrokenPipeError):
            raise UnwallError(
                errors.WORKER_CRASHED, "The worker processing this page stopped; it has been replaced.", 500
            ) from None
        finally:
            if healthy:
                self._idle.put_nowait(worker)
            else:  # timed out, crashed or the client went away mid-job
                await self._replace(worker)
        status, payload = reply
        if status == "ok":
            body: bytes = payload
            return body
        code, message, http_status = payload
        raise UnwallError(code, message, http_status)

    async def _receive(self, worker: _Worker) -> Any:
        loop = asyncio.get_running_loop()
        readable: asyncio.Future[None] = loop.create_future()
        fd = worker.connection.fileno()

        def on_readable() -> None:
            if not readable.done():
                readable.set_result(None)

        loop.add_reader(fd, on_readable)
        try:
            await readable
        finally:
            loop.remove_reader(fd)
        # A whole message is on its way once the first byte is: read it off the loop.
        return await loop.run_in_executor(None, worker.connection.recv)

    async def _replace(self, worker: _Worker) -> None:
        self._workers.discard(worker)
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, worker.stop)
        if self._closed:
            return
        try:
            fresh = await loop.run_in_executor(None, _Worker, self._context)
        except OSError:
            log.exception("could not start a replacement worker")
            return
        self._workers.add(fresh)
        self._idle.put_nowait(fresh)


def default_pool_size() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
