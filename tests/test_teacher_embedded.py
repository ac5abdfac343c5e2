"""The embedded teacher for real: llama-cpp-python's server with SmolLM2-135M on 127.0.0.1."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from verigen.errors import TeacherError
from verigen.teacher import EmbeddedTeacher, InMemoryCache, Teacher, cache_key
from verigen.teacher.embedded import check_server_installed

pytestmark = pytest.mark.model

ARITHMETIC = [{"role": "user", "content": "What is 3 + 4? Answer with a number."}]
CODE = [{"role": "user", "content": "Write a Python function that returns the square of x."}]


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def test_short_requests_return_text_and_token_counts(embedded_teacher: EmbeddedTeacher) -> None:
    async def scenario() -> Any:
        async with Teacher(embedded_teacher.teacher_config(max_tokens=32)) as teacher:
            return await asyncio.gather(
                teacher.sample_one(ARITHMETIC, 0, seed=1), teacher.sample_one(CODE, 0, seed=1)
            ), teacher

    completions, teacher = run(scenario())
    for completion in completions:
        assert completion.text.strip()
        assert completion.prompt_tokens > 0
        assert 0 < completion.completion_tokens <= 32
        assert completion.finish_reason in ("stop", "length")
        assert not completion.cached
    assert teacher.stats.requests == 2 and teacher.stats.retries == 0
    assert teacher.model == embedded_teacher.model == "SmolLM2-135M-Instruct"
    assert teacher.stats.completion_tokens == sum(c.completion_tokens for c in completions)


def test_n2_comes_back_through_the_seeded_fallback(embedded_teacher: EmbeddedTeacher) -> None:
    cache = InMemoryCache()

    async def scenario() -> Any:
        async with Teacher(embedded_teacher.teacher_config(max_tokens=24), cache) as teacher:
            return await teacher.sample(ARITHMETIC, 2, seed=11), teacher

    completions, teacher = run(scenario())
    assert len(completions) == 2 and all(c.text.strip() for c in completions)
    assert teacher.n_supported is False  # llama.cpp answers n=2 with one choice
    assert teacher.stats.requests == 2  # the n-probe (kept as sample 0) + one fallback request

    again, rerun = run(scenario())  # same cache: a rerun costs nothing
    assert [c.text for c in again] == [c.text for c in completions]
    assert rerun.stats.requests == 0 and rerun.stats.cache_hits == 2


def test_the_request_seed_decides_the_sample(embedded_teacher: EmbeddedTeacher) -> None:
    async def scenario() -> list[Any]:
        config = embedded_teacher.teacher_config(max_tokens=16, temperature=1.0)
        async with Teacher(config) as teacher:  # no cache: three real requests
            return [await teacher.sample_one(CODE, i, seed=3) for i in (0, 0, 1)]

    first, repeat, other = run(scenario())
    assert first.text == repeat.text  # llama.cpp honours the per-request seed
    assert first.text != other.text  # and each sample index gets its own


def test_cache_identity_does_not_depend_on_the_port(embedded_teacher: EmbeddedTeacher) -> None:
    config = embedded_teacher.teacher_config(max_tokens=24)
    key = Teacher(config).key_for(ARITHMETIC, 0, seed=5)
    identity = config.identity
    assert identity.startswith("embedded:SmolLM2-135M-Instruct.Q4_1:llama-cpp-python-")
    assert identity == EmbeddedTeacher().endpoint_identity  # another server, same identity
    expected = cache_key(
        identity, config.model, ARITHMETIC, config.temperature, config.top_p, config.max_tokens, 5, 0, {},
    )  # fmt: skip
    assert key == expected
    assert f":{embedded_teacher.port}" not in identity


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.parametrize("style", ["sync", "async"])
def test_start_and_stop_leave_nothing_running(style: str) -> None:
    try:
        check_server_installed()
    except TeacherError as exc:
        pytest.skip(str(exc))
    server = EmbeddedTeacher()

    async def in_async() -> int | None:
        async with server:
            assert server.running
            return server.port

    if style == "async":
        port = run(in_async())
    else:
        with server:
            assert server.running
            port = server.port
    assert port is not None and not server.running
    assert not _port_open(port)
    assert server.startup_seconds is not None and server.startup_seconds > 0


def _gone(pid: int) -> bool:
    """True once the process has exited (a zombie awaiting its reaper counts as gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    return "State:\tZ" in status


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc and PR_SET_PDEATHSIG")
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill-9"])
def test_the_server_dies_with_its_owner(signum: int) -> None:
    try:
        check_server_installed()
    except TeacherError as exc:
        pytest.skip(str(exc))
    code = (
        "import time\nfrom verigen.teacher import EmbeddedTeacher\n"
        "with EmbeddedTeacher() as s:\n    print(s.pid, flush=True)\n    time.sleep(120)\n"
    )
    owner = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert owner.stdout is not None
    server_pid = int(owner.stdout.readline())
    try:
        assert not _gone(server_pid)
        owner.send_signal(signum)
        owner.wait(timeout=30)
        deadline = time.monotonic() + 30
        while not _gone(server_pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _gone(server_pid)
    finally:
        if not _gone(server_pid):
            os.kill(server_pid, signal.SIGKILL)
        owner.kill()
        owner.wait()


def test_a_server_that_dies_at_start_is_reported(tmp_path: Path) -> None:
    try:
        check_server_installed()
    except TeacherError as exc:
        pytest.skip(str(exc))
    bogus = tmp_path / "not-a-model.gguf"
    bogus.write_bytes(b"this is not a gguf file" * 100)
    with pytest.raises(TeacherError, match="exited with code") as info:
        EmbeddedTeacher(bogus, startup_timeout=60).start()
    assert "last output" in str(info.value)


def test_missing_model_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(TeacherError, match="not found"):
        EmbeddedTeacher(tmp_path / "missing.gguf").start()
