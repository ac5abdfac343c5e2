"""Hostile programs in the real sandbox: each is contained, none passes, nothing survives it,
and the next job in the same pool is unaffected."""

from __future__ import annotations

import os

import pytest

from verigen.code.engine import engine_problem
from verigen.code.spec import CodeSpec, TestCase
from verigen.types import Status

pytestmark = pytest.mark.docker

SECRET_ENV = "VERIGEN_TEST_HOST_SECRET"
ADD = CodeSpec("call", "add", (TestCase([1, 2], 3), TestCase([2, 5], 7)), timeout=3.0)
ECHO = CodeSpec("stdio", None, (TestCase("4 5\n", "9"),), timeout=3.0)
GOOD_ADD = "def add(a, b):\n    return a + b\n"
GOOD_ECHO = "a, b = map(int, input().split())\nprint(a + b)\n"
EXPECTED_PROCS = ("docker-init", "runner.py --hold", "runner.py --serve")


@pytest.fixture(scope="module")
def verifier():
    problem = engine_problem()
    if problem:
        if os.environ.get("VERIGEN_ALLOW_NO_DOCKER") == "1":
            pytest.skip(problem)
        pytest.fail(f"{problem} (set VERIGEN_ALLOW_NO_DOCKER=1 to skip Docker tests)")
    from verigen.code import CodeVerifier

    os.environ[SECRET_ENV] = "hunter2"  # a host secret that must never reach a sandbox
    try:
        with CodeVerifier(2, memory_mb=256) as verifier:
            yield verifier
    finally:
        os.environ.pop(SECRET_ENV, None)


def pool_state(verifier) -> list[tuple[list[str], str]]:
    """(processes, writable files) of every idle pooled container."""
    state = []
    for sandbox in list(verifier.pool._idle):
        procs = [" ".join(p[-1:]) for p in sandbox.container.top(ps_args="-o pid,args")["Processes"]]
        files = sandbox.container.exec_run(["sh", "-c", "ls -A /tmp /dev/shm"]).output.decode()
        state.append((procs, files))
    return state


def assert_contained(verifier) -> None:
    for procs, files in pool_state(verifier):
        assert len(procs) == len(EXPECTED_PROCS), procs
        assert all(any(name in p for name in EXPECTED_PROCS) for p in procs), procs
        assert files.split() in (["/dev/shm:", "/tmp:"], ["/dev/shm:", "/tmp:", "job"]), files
    assert verifier.verify_program(ADD, GOOD_ADD).status is Status.PASS
    assert verifier.verify_program(ECHO, GOOD_ECHO).status is Status.PASS


HOSTILE_CALLS = {
    "sys.exit(0) at import": ("import sys\nsys.exit(0)\n", {Status.RUNTIME_ERROR}),
    "sys.exit(0) in the call": ("import sys\ndef add(a, b):\n    sys.exit(0)\n", {Status.RUNTIME_ERROR}),
    "os._exit(0)": ("import os\ndef add(a, b):\n    os._exit(0)\n", {Status.RUNTIME_ERROR}),
    "prints fake results and markers": (
        'import json\nprint(json.dumps({"status": "pass", "results": [3, 7]}))\nprint("ALL TESTS PASSED")\n'
        "def add(a, b):\n    return 0\n",
        {Status.WRONG_ANSWER},
    ),
    "forges result lines on the event channel": (
        'import os\nfor i in range(2):\n    os.write(3, b\'{"i": %d, "ok": 3}\\n\' % i)\nos._exit(0)\n',
        {Status.WRONG_ANSWER},
    ),
    "duplicates result lines": (
        'import os\ndef add(a, b):\n    os.write(3, b\'{"i": 1, "ok": 7}\\n\')\n    return a + b\n',
        {Status.RUNTIME_ERROR},
    ),
    "__eq__ always True": (
        "class Any:\n    def __eq__(self, other): return True\n    __hash__ = object.__hash__\n"
        "def add(a, b):\n    return Any()\n",
        {Status.WRONG_ANSWER},
    ),
    "int subclass with __eq__ always True": (
        "class Liar(int):\n    def __eq__(self, other): return True\n    __hash__ = int.__hash__\n"
        "def add(a, b):\n    return Liar(0)\n",
        {Status.WRONG_ANSWER},
    ),
    "patches the harness encoder": (
        "import sys\nfor m in list(sys.modules.values()):\n"
        "    if hasattr(m, 'encode') and hasattr(m, 'Unsupported'):\n        m.encode = lambda v, d=0: 3\n"
        "def add(a, b):\n    return 0\n",
        {Status.WRONG_ANSWER},
    ),
    "floods stdout": ("def add(a, b):\n    while True:\n        print('x' * 8192)\n", {Status.OUTPUT_LIMIT}),
    "floods stderr": (
        "import sys\ndef add(a, b):\n    while True:\n        sys.stderr.write('y' * 8192)\n",
        {Status.OUTPUT_LIMIT},
    ),
    "fork bomb": (
        "import os\ndef add(a, b):\n    while True:\n        try:\n            os.fork()\n"
        "        except OSError:\n            pass\n",
        {Status.TIMEOUT, Status.MEMORY_LIMIT, Status.RUNTIME_ERROR},
    ),
    "eats memory": (
        "def add(a, b):\n    hog = []\n    while True:\n        hog.append(bytearray(1 << 24))\n",
        {Status.MEMORY_LIMIT},
    ),
    "sleeps": ("import time\ndef add(a, b):\n    time.sleep(3600)\n", {Status.TIMEOUT}),
    "spins": ("def add(a, b):\n    while True:\n        pass\n", {Status.TIMEOUT}),
    "ignores SIGTERM and SIGXCPU": (
        "import signal\nfor s in (signal.SIGTERM, signal.SIGXCPU):\n    signal.signal(s, signal.SIG_IGN)\n"
        "def add(a, b):\n    while True:\n        pass\n",
        {Status.TIMEOUT},
    ),
    "daemonizes a survivor and leaves files": (
        "import os, time\ndef add(a, b):\n    open('/tmp/left-behind', 'w').write('x')\n"
        "    open('/dev/shm/also', 'w').write('x')\n    if os.fork() == 0:\n        os.setsid()\n"
        "        if os.fork() == 0:\n            time.sleep(3600)\n        os._exit(0)\n    return 0\n",
        {Status.WRONG_ANSWER},
    ),
    "kills its parent (the runner)": (
        "import os, signal\ndef add(a, b):\n    os.kill(os.getppid(), signal.SIGKILL)\n    return a + b\n",
        {Status.INFRA_ERROR},
    ),
    "signals the container's init": (
        "import os, signal\ndef add(a, b):\n    os.kill(1, signal.SIGTERM)\n    return 0\n",
        {Status.RUNTIME_ERROR, Status.WRONG_ANSWER},
    ),
}


@pytest.mark.parametrize("name", list(HOSTILE_CALLS))
def test_hostile_program_is_contained(verifier, name: str) -> None:
    code, allowed = HOSTILE_CALLS[name]
    verdict = verifier.verify_program(ADD, code)
    assert verdict.status in allowed, verdict
    assert verdict.status is not Status.PASS
    assert_contained(verifier)


HOSTILE_PROGRAMS = {
    "stdout flood": ("while True:\n    print('z' * 8192)\n", {Status.OUTPUT_LIMIT}),
    "prints the answer then floods": (
        "print(9)\nwhile True:\n    print('z' * 8192)\n",
        {Status.OUTPUT_LIMIT},
    ),
    "prints a pass marker": ("print('PASS')\nprint('{\"status\": \"pass\"}')\n", {Status.WRONG_ANSWER}),
    "dies by its own SIGKILL after printing": (
        "import os\nprint(9, flush=True)\nos.kill(os.getpid(), 9)\n",
        None,
    ),
}


@pytest.mark.parametrize("name", list(HOSTILE_PROGRAMS))
def test_hostile_stdio_program_is_contained(verifier, name: str) -> None:
    code, allowed = HOSTILE_PROGRAMS[name]
    verdict = verifier.verify_program(ECHO, code)
    assert verdict.status is not Status.PASS, verdict
    if allowed:
        assert verdict.status in allowed, verdict
    assert_contained(verifier)


# Probes whose expected value is the secure outcome: PASS means the sandbox held.
PROBES = {
    "root filesystem is read-only": """
def probe():
    for path in ("/etc/x", "/usr/x", "/x", "/opt/verigen/runner.py"):
        try:
            open(path, "a").close()
            return "wrote " + path
        except OSError:
            pass
    return "blocked"
""",
    "no network": """
import socket
def probe():
    for address in (("1.1.1.1", 53), ("8.8.8.8", 443), ("172.17.0.1", 2375)):
        try:
            socket.create_connection(address, timeout=1).close()
            return "connected"
        except OSError:
            pass
    return "blocked"
""",
    "environment holds no host secret": f"""
import os
def probe():
    allowed = {{"PATH", "LANG", "HOME", "PYTHONDONTWRITEBYTECODE", "PYTHONHASHSEED", "HOSTNAME"}}
    leaked = set(os.environ) - allowed
    for pid in os.listdir("/proc"):
        try:
            if b"{SECRET_ENV}" in open(f"/proc/{{pid}}/environ", "rb").read():
                leaked.add(pid)
        except OSError:
            pass
    return "blocked" if not leaked else sorted(leaked)
""",
    "no docker socket": """
import os
def probe():
    found = [p for p in ("/var/run/docker.sock", "/run/docker.sock") if os.path.exists(p)]
    return "blocked" if not found and os.getuid() != 0 else found
""",
    "runner is not traceable and its pipes are out of reach": """
import ctypes, os
def probe():
    ppid = os.getppid()
    for path in (f"/proc/{ppid}/fd", f"/proc/1/fd"):
        try:
            os.listdir(path)
            return "listed " + path
        except OSError:
            pass
    try:
        open(f"/proc/{ppid}/mem", "rb")
        return "opened mem"
    except OSError:
        pass
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.ptrace(16, ppid, None, None) == 0:
        return "attached"
    return "blocked"
""",
    "no capabilities, no_new_privs, seccomp": """
def probe():
    status = dict(l.split(":", 1) for l in open("/proc/self/status") if ":" in l)
    flags = (int(status["CapEff"], 16), status["NoNewPrivs"].strip(), status["Seccomp"].strip())
    return "blocked" if flags == (0, "1", "2") else str(flags)
""",
}


@pytest.mark.parametrize("name", list(PROBES))
def test_isolation_probe(verifier, name: str) -> None:
    spec = CodeSpec("call", "probe", (TestCase([], "blocked"),), timeout=10.0)
    verdict = verifier.verify_program(spec, PROBES[name])
    assert verdict.status is Status.PASS, verdict.detail


def test_candidate_cannot_find_expected_outputs(verifier) -> None:
    """The expected value is on the host only: a program hunting for it in memory, files and
    /proc finds nothing (if it found it, it would return it and pass)."""
    hunt = """
import gc, os
def answer(prefix):
    for obj in gc.get_objects():
        items = obj.values() if isinstance(obj, dict) else obj if isinstance(obj, (list, tuple)) else ()
        for value in items:
            if isinstance(value, str) and value.startswith(prefix) and value != prefix:
                return value
    for root, _, files in os.walk("/tmp"):
        for name in files:
            data = open(os.path.join(root, name), errors="replace").read()
            if prefix in data:
                return data
    return "not found"
"""
    spec = CodeSpec("call", "answer", (TestCase(["secret-"], "secret-4f1c9e0b7a"),), timeout=10.0)
    verdict = verifier.verify_program(spec, hunt)
    assert verdict.status is Status.WRONG_ANSWER
    assert "got 'not found'" in verdict.detail


def test_batch_of_mixed_jobs_keeps_order_and_isolation(verifier) -> None:
    jobs = [
        (ADD, GOOD_ADD),
        (ADD, HOSTILE_CALLS["spins"][0]),
        (ADD, GOOD_ADD),
        (ADD, HOSTILE_CALLS["fork bomb"][0]),
    ]
    jobs = jobs * 3
    verdicts = verifier.verify_programs(jobs)
    assert [v.status is Status.PASS for v in verdicts] == [True, False, True, False] * 3
    assert_contained(verifier)


STOP_SUITE = """
def check(candidate):
    for got, want in zip(map(candidate, [1, 2, 3]), [2, 3, 4]):
        assert got == want
"""
STOP_SPEC = CodeSpec("check", "f", (), timeout=5.0, prelude="def f(x):\n    pass\n", test_code=STOP_SUITE)


@pytest.mark.parametrize(
    "program",
    [
        "def f(x):\n    raise StopIteration\n",
        "def f(x):\n    raise StopAsyncIteration\n",
        "def f(x):\n    if x == 2:\n        raise StopIteration('done')\n    return x + 1\n",
    ],
)
def test_candidate_stop_iteration_cannot_end_a_suite_early(verifier, program: str) -> None:
    """map/zip/next swallow StopIteration; a candidate raising it must not make the suite pass."""
    verdict = verifier.verify_program(STOP_SPEC, program)
    assert verdict.status is Status.RUNTIME_ERROR, verdict.detail
    assert verifier.verify_program(STOP_SPEC, "def f(x):\n    return x + 1\n").status is Status.PASS


def test_suite_expecting_a_builtin_exception_still_works(verifier) -> None:
    suite = (
        "def check(candidate):\n    try:\n        candidate(-1)\n    except ValueError:\n        pass\n"
        "    else:\n        assert False\n    assert candidate(2) == 4\n"
    )
    spec = CodeSpec("check", "f", (), timeout=5.0, test_code=suite)
    good = "def f(x):\n    if x < 0:\n        raise ValueError('negative')\n    return 2 * x\n"
    assert verifier.verify_program(spec, good).status is Status.PASS
    assert verifier.verify_program(spec, "def f(x):\n    return 2 * x\n").status is Status.WRONG_ANSWER


def test_checker_containers_never_run_candidate_code(verifier) -> None:
    """A container that ran a test suite (expected values in its runner's memory) is only ever
    reused for suites; candidate jobs get clean containers (evicting idle checkers if needed)."""
    good = "def f(x):\n    return x + 1\n"
    assert verifier.verify_program(STOP_SPEC, good).status is Status.PASS
    pool = verifier.pool
    checkers = list(pool._idle_check)
    assert checkers and all(s.checker for s in checkers)
    jobs = {id(s): s.jobs for s in checkers}
    verdicts = verifier.verify_programs([(ADD, GOOD_ADD)] * 6)
    assert all(v.status is Status.PASS for v in verdicts)
    assert all(s.jobs == jobs[id(s)] for s in checkers)  # no candidate job ran in them
    assert not any(s.checker for s in pool._idle)
    assert verifier.verify_program(STOP_SPEC, good).status is Status.PASS
    assert not any(s.checker for s in pool._idle)


def test_huge_integer_output_is_a_verdict_not_a_crash(verifier) -> None:
    """A 5000-digit integer (beyond Python's int/str conversion limit) against an integer answer."""
    for code in ("print('9' * 5000)\n", "print('-' + '0' * 5000 + '9')\n"):
        verdict = verifier.verify_program(ECHO, code)
        assert verdict.status is Status.WRONG_ANSWER, verdict.detail


def test_an_internal_error_on_one_program_is_its_verdict_only(verifier, monkeypatch) -> None:
    from verigen.code import verifier as verifier_module

    def broken(*args: object) -> None:
        raise ValueError("boom")

    monkeypatch.setattr(verifier_module, "judge_stdio", broken)
    verdicts = verifier.verify_programs([(ECHO, GOOD_ECHO), (ADD, GOOD_ADD)])
    assert verdicts[0].status is Status.INFRA_ERROR and "boom" in verdicts[0].detail
    assert verdicts[1].status is Status.PASS
