"""The warm pool: long-lived hardened containers, each with a runner that forks a fresh process
per job, so a job costs a fork instead of a container start.

A container goes back to the pool only after its runner has reported it clean (no surviving
process, no file, untouched runner limits). A runner that says otherwise, dies, hangs past the
host's own deadline or breaks protocol gets its container removed and replaced, and the job is
retried on a fresh container; repeated failure surfaces as an InfraFailure, never a verdict.
`per_job=True` gives the slow, simple mode: one new container per job.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import threading
import time
from collections.abc import Iterator
from typing import Any

from verigen.code.channel import RunnerChannel, RunnerGone
from verigen.code.containers import (
    ContainerLimits,
    create_container,
    exec_runner,
    remove_quietly,
    sweep_leftovers,
)
from verigen.code.engine import docker_client
from verigen.code.sandbox_build import ensure_image
from verigen.errors import SandboxError

HOST_GRACE_S = 5.0
START_TIMEOUT_S = 90.0


class InfraFailure(Exception):
    """Our side failed (container or runner) even after retries."""


class Sandbox:
    """One container and the runner serving it."""

    def __init__(self, client: Any, image: str, limits: ContainerLimits) -> None:
        self.container = create_container(client, image, limits)
        self.jobs, self.broken = 0, False
        # Set once the container has run a trusted test suite (expected values in its code):
        # the runner's memory may still hold that request, so it never runs candidate code again.
        self.checker = False
        try:
            self.channel = RunnerChannel(exec_runner(client, self.container))
            ready = self.channel.recv(time.monotonic() + START_TIMEOUT_S)
        except Exception as exc:  # any failure to start means the same: no usable sandbox
            remove_quietly(self.container)
            raise SandboxError(f"sandbox runner did not start: {exc}") from None
        if ready.get("type") != "ready" or ready.get("clean") is not True or ready.get("uid") == 0:
            self.close()
            raise SandboxError(f"sandbox runner started in a bad state: {str(ready)[:200]}")

    def _await(self, job_id: str, deadline: float, types: tuple[str, ...]) -> dict[str, Any]:
        while True:
            reply = self.channel.recv(deadline)
            if reply.get("id") != job_id:
                continue  # a stale message from an earlier, abandoned session
            if reply.get("type") == "error":
                raise RunnerGone(f"runner error: {str(reply.get('error'))[:200]}")
            if reply.get("type") in types:
                return reply

    def _finish(self, reply: dict[str, Any]) -> dict[str, Any]:
        self.jobs += 1
        if reply.get("clean") is not True:
            self.broken = True
        records = reply.get("records")
        if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
            raise RunnerGone("the runner sent a malformed reply")
        return reply

    def run(self, request: dict[str, Any]) -> dict[str, Any]:
        """Run one batch job (`op: run`); return the runner's reply."""
        job_id = secrets.token_hex(12)
        self.channel.send({**request, "op": "run", "id": job_id})
        deadline = time.monotonic() + float(request.get("timeout", 10)) + HOST_GRACE_S
        return self._finish(self._await(job_id, deadline, ("result",)))

    def open(self, request: dict[str, Any]) -> Session:
        return Session(self, request)

    def close(self) -> None:
        self.broken = True
        with contextlib.suppress(Exception):
            self.channel.close()
        remove_quietly(self.container)


class Session:
    """An interactive job: the host exchanges messages with one job process until it ends."""

    def __init__(self, sandbox: Sandbox, request: dict[str, Any]) -> None:
        self.sandbox, self.id = sandbox, secrets.token_hex(12)
        self.deadline = time.monotonic() + float(request.get("timeout", 10)) + HOST_GRACE_S
        self.record: dict[str, Any] | None = None
        sandbox.channel.send({**request, "op": "open", "id": self.id})

    def send(self, msg: dict[str, Any]) -> None:
        if self.record is None:
            self.sandbox.channel.send({"op": "send", "id": self.id, "msg": msg})

    def recv(self) -> str | None:
        """The next line the job emitted, or None once the job has ended (see `record`)."""
        if self.record is not None:
            return None
        reply = self.sandbox._await(self.id, self.deadline, ("msg", "closed"))
        if reply["type"] == "msg":
            return str(reply.get("line", ""))
        self.record = self.sandbox._finish(reply)["records"][0]
        return None

    def close(self) -> dict[str, Any]:
        """Stop the job (if still running) and return its end record."""
        if self.record is None:
            self.sandbox.channel.send({"op": "close", "id": self.id})
            while self.recv() is not None:
                pass
        assert self.record is not None
        return self.record


class WarmPool:
    def __init__(
        self,
        size: int | None = None,
        *,
        image: str | None = None,
        limits: ContainerLimits | None = None,
        per_job: bool = False,
        max_jobs: int = 5000,
        retries: int = 2,
    ) -> None:
        self.size = max(2, size or os.cpu_count() or 2)
        self.image, self.limits = image, limits or ContainerLimits()
        self.per_job, self.max_jobs, self.retries = per_job, max_jobs, retries
        self.client: Any = None
        self._idle: list[Sandbox] = []  # never held a test suite: for candidate code
        self._idle_check: list[Sandbox] = []  # ran test suites only: reused for suites only
        self._total = 0
        self._cond = threading.Condition()
        self._closed = False
        self._starters: list[threading.Thread] = []
        self.last_error = ""

    def start(self) -> WarmPool:
        self.client = docker_client()
        self.image = self.image or ensure_image()
        sweep_leftovers(self.client)
        if not self.per_job:
            with self._cond:
                self._total = self.size
            threads = [threading.Thread(target=self._add_one, daemon=True) for _ in range(self.size)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            if not self._idle:
                raise SandboxError(f"no sandbox container could be started: {self.last_error}")
        return self

    def _add_one(self) -> None:
        """Start a sandbox for a reserved slot (the caller already counted it in _total)."""
        try:
            sandbox = Sandbox(self.client, str(self.image), self.limits)
        except SandboxError as exc:
            self.last_error = str(exc)
            with self._cond:
                self._total -= 1
                self._cond.notify_all()
            return
        with self._cond:
            if self._closed:
                sandbox.close()
                return
            self._idle.append(sandbox)
            self._cond.notify_all()

    def _acquire(self, n: int, checker: bool) -> tuple[list[Sandbox], int, Sandbox | None]:
        """(clean idle sandboxes, how many to create, an idle checker for the last slot or None).

        Idle checkers are evicted (their slots freed) when clean sandboxes are needed.
        """
        evicted: list[Sandbox] = []
        try:
            with self._cond:
                while True:
                    if self._closed:
                        raise SandboxError("the sandbox pool is closed")
                    reuse = checker and bool(self._idle_check)
                    need = n - reuse
                    fresh = max(0, need - len(self._idle))
                    while fresh > self.size - self._total and len(self._idle_check) > reuse:
                        evicted.append(self._idle_check.pop(0))
                        self._total -= 1
                        self._cond.notify_all()
                    if fresh <= self.size - self._total:
                        taken = [self._idle.pop() for _ in range(need - fresh)]
                        self._total += fresh
                        return taken, fresh, self._idle_check.pop() if reuse else None
                    self._cond.wait()
        finally:
            for sandbox in evicted:
                sandbox.close()

    @contextlib.contextmanager
    def lease(self, n: int = 1, *, checker: bool = False) -> Iterator[list[Sandbox]]:
        """Borrow n sandboxes at once (atomically, so pairs of leases cannot deadlock).

        `checker`: the last one is for a trusted test suite; it is marked, and a marked sandbox
        only ever goes back to the checkers' idle list, never to one that runs candidate code.
        """
        taken, fresh, reused = self._acquire(min(n, self.size), checker)
        created: list[Sandbox] = []
        try:
            for _ in range(fresh):
                created.append(Sandbox(self.client, str(self.image), self.limits))
        except SandboxError:
            with self._cond:
                self._total -= fresh - len(created)
                self._cond.notify_all()
            for sandbox in taken + created + ([reused] if reused else []):
                self._release(sandbox)
            raise
        taken += created
        if reused is not None:
            taken.append(reused)
        if checker:
            taken[-1].checker = True
        try:
            yield taken
        except BaseException:
            for sandbox in taken:  # a session may still be open in there: never reuse it
                sandbox.broken = True
            raise
        finally:
            for sandbox in taken:
                self._release(sandbox)

    def _release(self, sandbox: Sandbox) -> None:
        with self._cond:
            spent = sandbox.broken or sandbox.jobs >= self.max_jobs
            if not (spent or self.per_job or self._closed):
                (self._idle_check if sandbox.checker else self._idle).append(sandbox)
                self._cond.notify_all()
                return
            replace = not (self.per_job or self._closed)
            if not replace:
                self._total -= 1
                self._cond.notify_all()
        sandbox.close()
        if replace:
            self._spawn_replacement()

    def _spawn_replacement(self) -> None:
        """Start a replacement in the background; it keeps the recycled sandbox's slot."""
        thread = threading.Thread(target=self._add_one, daemon=True)
        with self._cond:
            self._starters = [t for t in self._starters if t.is_alive()] + [thread]
        thread.start()

    def run(self, request: dict[str, Any]) -> dict[str, Any]:
        """Run a batch job, retrying on a fresh container when our side fails."""
        failure = "no attempt"
        for _ in range(self.retries + 1):
            with self.lease(1) as (sandbox,):
                try:
                    return sandbox.run(request)
                except RunnerGone as exc:
                    sandbox.broken = True
                    failure = str(exc)
        raise InfraFailure(f"sandbox failed {self.retries + 1} times: {failure}")

    def close(self) -> None:
        with self._cond:
            self._closed = True
            idle, self._idle, self._idle_check = self._idle + self._idle_check, [], []
            self._cond.notify_all()
        for sandbox in idle:
            sandbox.close()
        for thread in list(self._starters):
            thread.join(timeout=START_TIMEOUT_S)  # a late starter closes its own sandbox

    def __enter__(self) -> WarmPool:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
