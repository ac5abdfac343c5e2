"""The warm pool's lifecycle: labels and leftover sweep, recycling, per-job containers, nothing
left behind after close, atexit, or even kill -9 of the owning process."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from verigen.code.containers import (
    LABEL,
    OWNER_LABEL,
    ContainerLimits,
    container_config,
    our_containers,
    owner_id,
    sweep_leftovers,
)
from verigen.code.engine import docker_client, engine_problem
from verigen.code.spec import CodeSpec, TestCase
from verigen.templates import get_template
from verigen.types import Status

pytestmark = pytest.mark.docker

ADD = CodeSpec("call", "add", (TestCase([1, 2], 3),), timeout=3.0)
GOOD = "def add(a, b):\n    return a + b\n"


@pytest.fixture(scope="module")
def engine():
    problem = engine_problem()
    if problem:
        if os.environ.get("VERIGEN_ALLOW_NO_DOCKER") == "1":
            pytest.skip(problem)
        pytest.fail(f"{problem} (set VERIGEN_ALLOW_NO_DOCKER=1 to skip Docker tests)")
    return docker_client()


def wait_until(condition, limit: float = 90.0) -> bool:
    """Poll a condition (a bound on waiting, not a timing assertion)."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.5)
    return condition()


def test_containers_are_labelled_and_removed_on_close(engine) -> None:
    from verigen.code import CodeVerifier

    with CodeVerifier(2) as verifier:
        ours = our_containers(engine)
        assert len(ours) == 2
        assert all(c.labels.get(LABEL) == "python" for c in ours)
        assert verifier.verify_program(ADD, GOOD).status is Status.PASS
    assert our_containers(engine) == []


def test_startup_sweep_removes_orphans_of_dead_owners(engine) -> None:
    from verigen.code.sandbox_build import ensure_image

    config = container_config(ensure_image(), ContainerLimits())
    config["labels"] = {LABEL: "python", OWNER_LABEL: f"{socket.gethostname()}/999999999/0"}
    orphan = engine.containers.run(**config)
    alive_config = dict(config, labels={LABEL: "python", OWNER_LABEL: owner_id()})
    mine = engine.containers.run(**alive_config)
    try:
        assert sweep_leftovers(engine) >= 1
        assert not engine.containers.list(all=True, filters={"id": orphan.id})
        assert engine.containers.list(all=True, filters={"id": mine.id})  # a live owner's stay
    finally:
        mine.remove(force=True)


def test_unclean_container_is_recycled_and_replaced(engine) -> None:
    from verigen.code import CodeVerifier

    sysv = "import ctypes\ndef add(a, b):\n    ctypes.CDLL(None).shmget(77, 4096, 0o1600)\n    return a + b\n"
    with CodeVerifier(2) as verifier:
        before = {c.id for c in our_containers(engine)}
        assert verifier.verify_program(ADD, sysv).status is Status.PASS
        assert wait_until(lambda: len(verifier.pool._idle) == 2)
        after = {c.id for c in our_containers(engine)}
        assert len(after) == 2 and after != before  # the container with the IPC object was replaced
        assert verifier.verify_program(ADD, GOOD).status is Status.PASS


def test_per_job_containers(engine) -> None:
    from verigen.code import CodeVerifier

    with CodeVerifier(2, per_job_containers=True) as verifier:
        assert our_containers(engine) == []
        verdicts = verifier.verify_programs([(ADD, GOOD), (ADD, "def add(a, b):\n    return a - b\n")])
        assert [v.status for v in verdicts] == [Status.PASS, Status.WRONG_ANSWER]
        assert our_containers(engine) == []


def test_async_wrapper_and_problem_api(engine) -> None:
    from verigen.code import CodeVerifier

    template = get_template("count_pairs_with_sum")
    problem = template.sample(3, 1, 2)
    good = f"```python\n{template.reference}\n```"
    items = [
        (problem, good),
        (problem, "I don't know."),
        (problem, "```python\ndef count_pairs_with_sum(:\n```"),
    ]
    with CodeVerifier(2) as verifier:
        verdicts = asyncio.run(verifier.averify_batch(items))
    assert [v.status for v in verdicts] == [Status.PASS, Status.NO_ANSWER, Status.SYNTAX_ERROR]
    assert verdicts[0].extracted and "def count_pairs_with_sum" in verdicts[0].extracted


OWNER_SCRIPT = """
import sys, time
from verigen.code import CodeVerifier
from verigen.code.containers import our_containers
from verigen.code.engine import docker_client
verifier = CodeVerifier(2).start()
print(" ".join(c.id for c in our_containers(docker_client())), flush=True)
if sys.argv[1] == "exit":
    sys.exit(0)  # atexit removes the containers
time.sleep(3600)
"""


@pytest.mark.parametrize("ending", ["exit", "kill -9"])
def test_nothing_left_behind_when_the_owner_goes_away(engine, ending: str) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", OWNER_SCRIPT, ending.split()[0]],
        stdout=subprocess.PIPE,
        text=True,
        cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    )
    assert proc.stdout is not None
    ids = proc.stdout.readline().split()
    assert len(ids) == 2
    if ending == "kill -9":
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=120)

    def gone() -> bool:
        return not any(engine.containers.list(all=True, filters={"id": cid}) for cid in ids)

    assert wait_until(gone), "sandbox containers outlived their owner"
