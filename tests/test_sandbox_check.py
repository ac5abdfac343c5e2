"""`verigen sandbox check` on this host: every isolation guarantee holds, each one reported."""

from __future__ import annotations

import os

import pytest

from verigen.code.engine import engine_problem

pytestmark = pytest.mark.docker

MUST_COVER = {
    "network disabled",
    "read-only root filesystem",
    "size-capped tmpfs",
    "pids limit",
    "memory == memory+swap",
    "CPU quota",
    "all capabilities dropped",
    "no-new-privileges",
    "init process",
    "ulimits nofile/fsize/core/cpu",
    "bounded logs",
    "no host mounts",
    "non-root user",
    "minimal environment",
    "no Docker socket inside",
    "deadline enforced",
    "memory capped",
    "output capped",
    "fork bomb contained",
    "pooled container clean for the next job",
    "expected outputs never enter the sandbox",
    "leftover containers swept at start-up",
}


def test_sandbox_check_reports_every_guarantee_as_held() -> None:
    problem = engine_problem()
    if problem:
        if os.environ.get("VERIGEN_ALLOW_NO_DOCKER") == "1":
            pytest.skip(problem)
        pytest.fail(f"{problem} (set VERIGEN_ALLOW_NO_DOCKER=1 to skip Docker tests)")
    from verigen.code import sandbox_check

    results = sandbox_check()
    names = {name for name, _, _ in results}
    assert names >= MUST_COVER, MUST_COVER - names
    failed = [(name, detail) for name, ok, detail in results if not ok]
    assert not failed, failed


def test_sandbox_check_fails_closed_without_an_image(monkeypatch: pytest.MonkeyPatch) -> None:
    """A sandbox that cannot start is reported as a failed guarantee, not an exception."""
    from verigen.code import pool, sandbox_check
    from verigen.errors import SandboxError

    def broken(self):
        raise SandboxError("no engine here")

    monkeypatch.setattr(pool.WarmPool, "start", broken)
    assert sandbox_check() == [("sandbox available", False, "no engine here")]
