"""A bounded pool of worker processes for the CPU-bound pipeline.

Why not `concurrent.futures.ProcessPoolExecutor`: when one of its workers dies
the whole executor is broken, and a task over its time limit cannot be
stopped. Here each worker is one process on one socket pair, so a stuck or
crashed extraction costs exactly that worker, which is replaced at once.

The service's end of each socket is non-blocking and read and written by the
event loop itself: a job and its answer cross without a thread hop, which
was most of the service's overhead per request. A message is a pickle behind
its length (8 bytes, network order).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import pickle
import signal
import socket
import struct
from dataclasses import dataclass
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


_LENGTH = struct.Struct("!Q")


def _frame(message: Any) -> tuple[bytes, bytes]:
    payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return _LENGTH.pack(len(payload)), payload


def _read_exactly(sock: socket.socket, size: int) -> bytearray:
    """Blocking, in the worker. EOFError when the other end has closed."""
    buffer = bytearray(size)
    view = memoryview(buffer)
    while view:
        received = sock.recv_into(view)
        if received == 0:
            raise EOFError("the service closed the connection")
        view = view[received:]
    return buffer


def _worker_main(sock: socket.socket) -> None:
    """Runs in the worker process: one job at a time, answers ('ok', body) or ('error', ...)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when workers stop
    from unwall.formats import render
    from unwall.pipeline import run, warm_up

    warm_up()  # compile the rule data now, not during the first request

    while True:
        try:
            (size,) = _LENGTH.unpack(_read_exactly(sock, _LENGTH.size))
            job: Job = pickle.loads(_read_exactly(sock, size))
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
            sock.sendall(b"".join(_frame(reply)))
        except OSError:
            return


class _Worker:
    def __init__(self, context: Any) -> None:
        self.socket, child_end = socket.socketpair()
        self.process: BaseProcess = context.Process(target=_worker_main, args=(child_end,), daemon=True)
        self.process.start()
        child_end.close()
        self.socket.setblocking(False)

    async def send(self, message: Any) -> None:
        loop = asyncio.get_running_loop()
        for part in _frame(message):
            await loop.sock_sendall(self.socket, part)

    async def receive(self) -> Any:
        (size,) = _LENGTH.unpack(await self._read_exactly(_LENGTH.size))
        return pickle.loads(await self._read_exactly(size))

    async def _read_exactly(self, size: int) -> bytearray:
        loop = asyncio.get_running_loop()
        buffer = bytearray(size)
        view = memoryview(buffer)
        while view:
            received = await loop.sock_recv_into(self.socket, view)
            if received == 0:
                raise EOFError("the worker closed its connection")
            view = view[received:]
        return buffer

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self.socket.close()
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
        healthy = False
        try:
            reply = await asyncio.wait_for(self._exchange(worker, job), self.timeout_seconds)
            healthy = True
        except TimeoutError:
            raise UnwallError(
                errors.TIMEOUT, f"Extraction took longer than {self.timeout_seconds:g} s.", 504
            ) from None
        except (EOFError, OSError):
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

    @staticmethod
    async def _exchange(worker: _Worker, job: Job) -> Any:
        await worker.send(job)
        return await worker.receive()

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
