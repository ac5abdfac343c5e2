"""generate end to end against a real local HTTP teacher: kill -9 mid-run, resume, rerun."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
VERIGEN = [sys.executable, "-m", "verigen.cli"]


def _start_server(tmp_path: Path, delay: float) -> tuple[subprocess.Popen[bytes], str]:
    port_file = tmp_path / "port"
    proc = subprocess.Popen(
        [sys.executable, str(TESTS / "scripted_server.py"), str(port_file), "--delay", str(delay)]
    )
    for _ in range(200):
        if port_file.exists():
            return proc, f"http://127.0.0.1:{port_file.read_text()}"
        time.sleep(0.05)
    proc.kill()
    raise RuntimeError("scripted server did not start")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    proc, url = _start_server(tmp_path, delay=0.05)
    yield url
    proc.kill()
    proc.wait()


def requests_served(url: str) -> int:
    with urllib.request.urlopen(f"{url}/stats") as response:
        return json.load(response)["requests"]


def attempt_keys(run_dir: Path) -> list[tuple[str, int]]:
    with sqlite3.connect(run_dir / "run.sqlite") as db:
        return db.execute("SELECT problem_id, sample_index FROM attempts").fetchall()


def generate_args(run_dir: Path, url: str, *extra: str) -> list[str]:
    return [
        *VERIGEN,
        "generate",
        "--out",
        str(run_dir),
        "--count",
        "30",
        "--samples",
        "2",
        "--seed",
        "5",
        "--base-url",
        f"{url}/v1",
        "--model",
        "scripted",
        "--concurrency",
        "2",
        *extra,
    ]


def test_kill_9_then_resume_loses_and_duplicates_nothing(tmp_path: Path, server: str) -> None:
    run_dir = tmp_path / "run"
    proc = subprocess.Popen(generate_args(run_dir, server), stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if len(attempt_keys(run_dir)) >= 10:
                break
        except sqlite3.OperationalError:  # the store is still being created
            pass
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = len(attempt_keys(run_dir))
    assert 10 <= partial < 60, "the kill should land mid-run"

    resumed = subprocess.run(
        [*VERIGEN, "generate", "--out", str(run_dir), "--resume"], capture_output=True, text=True
    )
    assert resumed.returncode == 0, resumed.stderr
    keys = attempt_keys(run_dir)
    assert len(keys) == len(set(keys)) == 60
    problems = {pid for pid, _ in keys}
    assert len(problems) == 30 and {k for _, k in keys} == {0, 1}
    # Only calls in flight at the moment of the kill may have been paid twice.
    assert requests_served(server) <= 60 + 2

    before = requests_served(server)
    rerun = subprocess.run(
        [*VERIGEN, "generate", "--out", str(run_dir), "--resume"], capture_output=True, text=True
    )
    assert rerun.returncode == 0, rerun.stderr
    assert requests_served(server) == before, "a finished run must make no teacher call"
    assert attempt_keys(run_dir) == keys


def test_rerun_with_a_fresh_store_but_same_cache_costs_nothing(tmp_path: Path, server: str) -> None:
    run_dir = tmp_path / "run"
    first = subprocess.run(generate_args(run_dir, server), capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    served = requests_served(server)
    assert served == 60
    # Drop the verdicts but keep the teacher cache: redoing every attempt must be free.
    with sqlite3.connect(run_dir / "run.sqlite") as db:
        db.execute("DELETE FROM attempts")
    again = subprocess.run(
        [*VERIGEN, "generate", "--out", str(run_dir), "--resume"], capture_output=True, text=True
    )
    assert again.returncode == 0, again.stderr
    assert requests_served(server) == served
    assert len(attempt_keys(run_dir)) == 60


def test_existing_run_needs_resume_and_same_content(tmp_path: Path, server: str) -> None:
    run_dir = tmp_path / "run"
    assert subprocess.run(generate_args(run_dir, server), capture_output=True).returncode == 0
    again = subprocess.run(generate_args(run_dir, server), capture_output=True, text=True)
    assert again.returncode == 2
    assert "--resume" in again.stderr and "Traceback" not in again.stderr
    changed = subprocess.run(
        [*VERIGEN, "generate", "--out", str(run_dir), "--resume", "--seed", "6"],
        capture_output=True,
        text=True,
    )
    assert changed.returncode == 2
    assert "'seed'" in changed.stderr and "Traceback" not in changed.stderr


@pytest.mark.docker
def test_code_problems_flow_through_generate_and_export(tmp_path: Path, server: str) -> None:
    """Code answers run in the real sandbox; passes become SFT, failures DPO negatives."""
    run_dir, out_dir = tmp_path / "run", tmp_path / "data"
    args = [
        *VERIGEN, "generate", "--out", str(run_dir), "--count", "4", "--samples", "4", "--seed", "1",
        "--template", "run_length_encode", "--base-url", f"{server}/v1", "--model", "scripted",
    ]
    result = subprocess.run(args, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(run_dir / "run.sqlite") as db:
        statuses = dict(db.execute("SELECT status, COUNT(*) FROM attempts GROUP BY status").fetchall())
    assert set(statuses) == {"pass", "wrong_answer"} and sum(statuses.values()) == 16
    export = subprocess.run([*VERIGEN, "export", str(run_dir), "--out", str(out_dir)], capture_output=True)
    assert export.returncode == 0
    from datasets import load_from_disk

    sft = [row for split in load_from_disk(str(out_dir / "sft")).values() for row in split]
    dpo = [row for split in load_from_disk(str(out_dir / "dpo")).values() for row in split]
    assert len(sft) == 1, "every pass is the same scripted text: dedup keeps one copy"
    assert "while i < len(s)" in sft[0]["messages"][-1]["content"]
    assert len(dpo) >= 1
    for pair in dpo:
        assert pair["kind"] == "code" and pair["rejected_status"] == "wrong_answer"
        assert 'f"{c}1"' in pair["rejected"][0]["content"]
