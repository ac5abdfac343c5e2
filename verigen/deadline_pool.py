"""A process pool with a per-item deadline enforced by SIGKILL.

Checkers run on untrusted input and can hang inside C code, where `signal.alarm` cannot reach
them and which may never return to Python. Here each item runs in a persistent worker process fed
over a pipe (cheap per item); when an item overruns its deadline the parent kills that worker,
answers the item with a caller-supplied fallback and starts a fresh worker. Worker crashes
(segfault, the optional address-space limit) are answered the same way.

Workers start from the "forkserver" context by default: the parent may run threads or an event
loop, which plain fork does not survive. Modules named in `preload` are imported once in the fork
server, so starting or replacing a worker costs a fork, not a re-import of sympy.

One dispatcher thread owns all workers; `submit` is thread-safe and returns a
`concurrent.futures.Future`, so `map` (blocking, input order) and `amap` (asyncio) share the
same workers and batches arriving from several coroutines interleave across them.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import multiprocessing as mp
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class WorkerError(RuntimeError):
    """An item crashed its worker or raised, and the pool has no `on_crash` fallback."""


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _worker_main(conn: Connection, fn: Callable[[Any], Any], memory_limit_mb: int | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business; we exit on EOF
    if memory_limit_mb:
        import resource

        limit = memory_limit_mb * 1024 * 1024
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            reply: tuple[str, Any] = ("ok", fn(job))
        except BaseException as e:  # report everything; the parent decides
            reply = ("crash", f"{type(e).__name__}: {e}"[:500])
        try:
            conn.send(reply)
        except Exception as e:  # an unpicklable result
            conn.send(("crash", f"cannot send result: {type(e).__name__}: {e}"[:500]))


class _Worker:
    def __init__(self, ctx: Any, fn: Callable[[Any], Any], memory_limit_mb: int | None) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=_worker_main, args=(child, fn, memory_limit_mb), daemon=True)
        self.proc.start()
        child.close()
        self.job: tuple[Any, Future[Any]] | None = None
        self.started = 0.0
        self.ready = False  # dying before saying so means a broken setup, not a bad item

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.proc.kill()
        self.proc.join(timeout=5)
        self.conn.close()


class DeadlinePool(Generic[T, R]):
    """Run `fn(item)` in worker processes, each item within `deadline` seconds.

    `on_timeout(item)` gives the result of an item that was killed for overrunning;
    `on_crash(item, reason)` that of an item whose worker died or whose `fn` raised (without it,
    the item's future fails with WorkerError). `fn` must be a picklable top-level function.
    """

    def __init__(
        self,
        fn: Callable[[T], R],
        workers: int | None = None,
        deadline: float = 5.0,
        on_timeout: Callable[[T], R] | None = None,
        on_crash: Callable[[T, str], R] | None = None,
        memory_limit_mb: int | None = None,
        context: str = "forkserver",
        preload: Sequence[str] = (),
    ) -> None:
        if deadline <= 0:
            raise ValueError("deadline must be positive")
        self.fn, self.deadline = fn, deadline
        self.on_timeout, self.on_crash = on_timeout, on_crash
        self.memory_limit_mb = memory_limit_mb
        self.n_workers = workers or default_workers()
        self._ctx = mp.get_context(context)
        if preload and context == "forkserver":
            self._ctx.set_forkserver_preload(list(preload))
        self._pending: collections.deque[tuple[T, Future[R]]] = collections.deque()
        self._lock = threading.Lock()
        self._wake_r, self._wake_w = os.pipe()
        self._closing = self._closed = False
        self._early_deaths = 0
        self._workers = [self._spawn() for _ in range(self.n_workers)]
        self._thread = threading.Thread(target=self._dispatch, name="deadline-pool", daemon=True)
        self._thread.start()

    def _spawn(self) -> _Worker:
        return _Worker(self._ctx, self.fn, self.memory_limit_mb)

    # -- public API ---------------------------------------------------------------------------

    def submit(self, item: T) -> Future[R]:
        fut: Future[R] = Future()
        with self._lock:
            if self._closing:
                raise RuntimeError("pool is closed")
            self._pending.append((item, fut))
        os.write(self._wake_w, b"x")
        return fut

    def map(self, items: Iterable[T]) -> list[R]:
        """Results in input order; blocks until every item has a result or a fallback."""
        futures = [self.submit(item) for item in items]
        return [f.result() for f in futures]

    async def amap(self, items: Iterable[T]) -> list[R]:
        """`map` for asyncio callers: awaits without blocking the event loop."""
        futures = [asyncio.wrap_future(self.submit(item)) for item in items]
        return list(await asyncio.gather(*futures))

    def close(self) -> None:
        """Finish queued and running items, then stop the workers."""
        with self._lock:
            if self._closed:
                return
            self._closing = self._closed = True
        os.write(self._wake_w, b"x")
        self._thread.join()
        os.close(self._wake_r)
        os.close(self._wake_w)

    def __enter__(self) -> DeadlinePool[T, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- dispatcher thread --------------------------------------------------------------------

    def _finish(self, worker: _Worker, outcome: str, value: Any) -> None:
        """Settle the worker's current item: outcome is "ok", "timeout" or "crash"."""
        assert worker.job is not None
        item, fut = worker.job
        worker.job = None
        try:
            if outcome == "ok":
                fut.set_result(value)
            elif outcome == "timeout" and self.on_timeout is not None:
                fut.set_result(self.on_timeout(item))
            elif self.on_crash is not None:
                fut.set_result(self.on_crash(item, str(value)))
            else:
                fut.set_exception(WorkerError(f"{outcome}: {value}"))
        except Exception as e:  # a failing fallback must not take the dispatcher down
            fut.set_exception(e)

    def _replace(self, i: int) -> None:
        old = self._workers[i]
        old.kill()
        if not old.ready:
            self._early_deaths += 1
            if self._early_deaths > 3 * self.n_workers:
                raise WorkerError(f"workers keep dying before answering (exit code {old.proc.exitcode})")
        self._workers[i] = self._spawn()

    def _assign(self) -> None:
        for i, w in enumerate(self._workers):
            if w.job is not None or not w.ready:  # a starting worker's import time is not the item's
                continue
            with self._lock:
                if not self._pending:
                    return
                job = self._pending.popleft()
            if not job[1].set_running_or_notify_cancel():
                continue
            w.job, w.started = job, time.monotonic()
            try:
                w.conn.send(job[0])
            except Exception as e:  # a dead worker, or an item that cannot be pickled
                self._finish(w, "crash", f"cannot send item: {type(e).__name__}: {e}")
                if isinstance(e, OSError) or not w.proc.is_alive():
                    self._replace(i)

    def _dispatch(self) -> None:
        try:
            self._loop()
        except BaseException as e:  # never leave callers waiting on futures nobody will settle
            with self._lock:
                self._closing = True
                jobs = list(self._pending) + [w.job for w in self._workers if w.job is not None]
                self._pending.clear()
            for _, fut in jobs:
                if not fut.done():
                    fut.set_exception(WorkerError(f"pool dispatcher failed: {type(e).__name__}: {e}"))
        finally:
            for w in self._workers:
                with contextlib.suppress(Exception):
                    w.conn.send(None)
            for w in self._workers:
                w.proc.join(timeout=2)
                w.kill()

    def _loop(self) -> None:
        while True:
            self._assign()
            with self._lock:
                if self._closing and not self._pending and all(w.job is None for w in self._workers):
                    return
            now = time.monotonic()
            busy = [w.started + self.deadline - now for w in self._workers if w.job is not None]
            handles: list[Any] = [self._wake_r]
            for w in self._workers:
                handles += [w.conn, w.proc.sentinel]
            ready = set(wait(handles, max(0.0, min(busy)) if busy else None))
            if self._wake_r in ready:
                os.read(self._wake_r, 4096)
            self._collect(ready)

    def _collect(self, ready: set[Any]) -> None:
        now = time.monotonic()
        for i, w in enumerate(self._workers):
            if w.conn in ready:
                try:
                    kind, value = w.conn.recv()
                except (EOFError, OSError):
                    pass  # the pipe broke: the worker is dead or dying
                else:
                    if kind == "ready":
                        w.ready, self._early_deaths = True, 0
                    elif w.job is not None:
                        self._finish(w, kind, value)
                    continue
            if w.conn in ready or w.proc.sentinel in ready:
                if w.job is not None:
                    self._finish(w, "crash", f"worker died (exit code {w.proc.exitcode})")
                self._replace(i)
            elif w.job is not None and now - w.started >= self.deadline:
                self._finish(w, "timeout", f"deadline of {self.deadline}s exceeded")
                self._replace(i)
