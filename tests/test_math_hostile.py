"""Hostile answers and hostile workloads: never a pass, nothing executed, nothing hangs the batch."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import time
from pathlib import Path

import pytest
import sympy as sp
import sympy.parsing.sympy_parser as sympy_parser

from verigen.deadline_pool import DeadlinePool, WorkerError
from verigen.errors import InputFileError
from verigen.math.batch import verify_math_batch, verify_pairs_jsonl
from verigen.math.gold import AnswerType, MathGold
from verigen.math.verify import verify_math
from verigen.types import Status

GOLDS = [
    MathGold(AnswerType.INTEGER, sp.Integer(3)),
    MathGold(AnswerType.REAL, sp.sqrt(2)),
    MathGold(AnswerType.EXPRESSION, sp.Symbol("x") + 1),
    MathGold(AnswerType.SET, sp.FiniteSet(1, 2)),
    MathGold(AnswerType.INTERVAL, sp.Interval(0, 1)),
]


def code_injections(sentinel: Path) -> list[str]:
    s = str(sentinel)
    return [
        f"__import__('os').system('touch {s}')",
        f"eval(\"__import__('os').system('touch {s}')\")",
        f"exec(\"open('{s}', 'w').write('x')\")",
        f"(lambda: __import__('os').system('touch {s}'))()",
        f"lambda x: open('{s}', 'w')",
        f"sympify(\"__import__('os').system('touch {s}')\")",
        f"Symbol('x').__class__.__base__.__subclasses__()[0]('touch {s}')",
        "().__class__.__mro__[1].__subclasses__()",
        f"\\text{{__import__('os').system('touch {s}')}}",
        f"\\operatorname{{eval}}(\\text{{open('{s}', 'w')}})",
        f"x = __import__('os').system('touch {s}')",
        "\\{eval('1'), exec('2')\\}",
        "[eval('1'), 2)",
        "\\begin{pmatrix}eval('1') & 2\\\\3 & 4\\end{pmatrix}",
        "import os; os.system('true')",
        "globals()['__builtins__']",
    ]


def test_code_in_answers_is_never_executed_nor_passed(tmp_path: Path) -> None:
    sentinel = tmp_path / "pwned"
    for text in code_injections(sentinel):
        for gold in GOLDS:
            for response in (text, f"The answer is $\\boxed{{{text}}}$."):
                verdict = verify_math(gold, response)
                assert verdict.status is not Status.PASS, (text, gold.type, verdict)
    assert not sentinel.exists()


HUGE = [
    "9^9^9",
    "2^{2^{2^{2}}}",
    "10^{10^{100}}",
    "10^{10^{10}}",
    "2^{1000000}",
    "2^{999999999999}",
    "(10^{400})^{10^{5}}",
    "1000000!",
    "(10^6)!",
    "((5!)!)!",
    "\\binom{10^9}{5 \\cdot 10^8}",
    "\\Gamma(10^{9})",
    "(x+1)^{100000}",
    "x^{10^{9}}",
    "e^{e^{e^{e^{10}}}}",
    "9" * 5000,
    "\\operatorname{zeros}(100000, 100000)",
    "\\operatorname{eye}(10^9)",
    "\\sum_{i=1}^{10^{12}} i",
    "\\int_0^1 x^{x^x} dx",
    "\\lim_{x \\to 0} \\frac{\\sin x}{x}",
    "\\det\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}",
    "(" * 10_000 + "1" + ")" * 10_000,
    "{" * 10_000 + "1" + "}" * 10_000,
    "\\frac{" * 200 + "1" + "}{2}" * 200,
    "x^" * 100 + "2",
    "+".join(["x"] * 2000),
    "(" * 12 + "1" + ")" * 12,  # short enough for the length guard: the depth guard must catch these
    "{" * 20 + "1" + "}" * 20,
    "\\frac{" * 12 + "1" + "}{2}" * 12,
    "9" * 500,
    "1" + "0" * 450 + "!",
]


@pytest.mark.parametrize("text", HUGE, ids=range(len(HUGE)))
def test_blowups_are_refused_in_process(text: str) -> None:
    gold = MathGold(AnswerType.INTEGER, sp.Integer(3))
    verdict = verify_math(gold, f"so $\\boxed{{{text}}}$")
    assert verdict.status is Status.UNVERIFIED, verdict
    assert len(verdict.extracted or "") <= 200


def test_huge_responses() -> None:
    gold = MathGold(AnswerType.INTEGER, sp.Integer(7))
    megabyte = "a" * 1_000_000
    assert verify_math(gold, megabyte).status is Status.NO_ANSWER
    assert verify_math(gold, rf"\boxed{{{'1+' * 500_000}1}}").status is Status.UNVERIFIED
    assert verify_math(gold, (megabyte + r" \boxed{7} ") * 2).status is Status.PASS
    distinct = " ".join(rf"\boxed{{{i}}}" for i in range(10_000))
    assert verify_math(gold, distinct).status is Status.UNVERIFIED
    assert verify_math(gold, r"\boxed{7} " * 10_000).status is Status.PASS
    assert verify_math(gold, r"\boxed{7} " * 10_000 + r"\boxed{8}").status is Status.WRONG_ANSWER


def test_only_number_tokens_reach_parse_expr(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """sympy's string parser (which calls eval) must only ever see lexer number tokens."""
    seen: list[str] = []
    real = sympy_parser.parse_expr

    def recording(s: str, *args: object, **kwargs: object) -> object:
        seen.append(s)
        return real(s, *args, **kwargs)

    monkeypatch.setattr(sympy_parser, "parse_expr", recording)
    monkeypatch.setattr(sp, "lambdify", lambda *a, **k: pytest.fail("lambdify called"))
    from tests.test_math_equivalence import CASES

    for gold, response, _ in CASES:
        verify_math(gold, response)
    for text in code_injections(tmp_path / "pwned") + HUGE[:20] + ["1.5e3", "0.000001", "1E5"]:
        verify_math(GOLDS[0], rf"\boxed{{{text}}}")
    assert seen, "expected the grammar to read some number tokens"
    assert all(re.fullmatch(r"[0-9.eE+\-]+", s) for s in seen), [s for s in seen if not s[:1].isdigit()]


# -- the deadline pool ----------------------------------------------------------------------------


def slow_double(x: int) -> int:
    """Test worker: negative items hang (as a checker stuck in C code would), -99 crashes."""
    if x == -99:
        os.kill(os.getpid(), signal.SIGSEGV)
    if x < 0:
        time.sleep(3600)
    return 2 * x


def raise_on_odd(x: int) -> int:
    if x % 2:
        raise ValueError(f"odd {x}")
    return x


def eat_memory(n_mb: int) -> int:
    block = bytearray(n_mb * 1024 * 1024)
    return len(block)


def test_hanging_items_are_killed_and_the_rest_complete() -> None:
    start = time.monotonic()
    with DeadlinePool(slow_double, workers=2, deadline=1.0, on_timeout=lambda x: "timeout") as pool:
        results = pool.map([1, -1, 2, 3, -2, 4, 5])
        assert results == [2, "timeout", 4, 6, "timeout", 8, 10]
        assert pool.map([6, 7]) == [12, 14]  # replaced workers serve later batches
    assert time.monotonic() - start < 60  # generous: two 1 s deadlines, not an hour of sleep


def test_crashes_and_exceptions_get_the_crash_fallback() -> None:
    with DeadlinePool(slow_double, workers=1, deadline=5.0, on_crash=lambda x, why: f"crash {why}") as pool:
        results = pool.map([1, -99, 2])
    assert results[0] == 2 and results[2] == 4
    assert results[1].startswith("crash worker died")
    with DeadlinePool(raise_on_odd, workers=2, on_crash=lambda x, why: why) as pool:
        assert pool.map([2, 3]) == [2, "ValueError: odd 3"]
    with DeadlinePool(raise_on_odd, workers=1) as pool, pytest.raises(WorkerError, match="odd 5"):
        pool.map([5])


def test_memory_cap() -> None:
    with DeadlinePool(eat_memory, workers=1, memory_limit_mb=512, on_crash=lambda x, why: why) as pool:
        small, big = pool.map([10, 4096])
    assert small == 10 * 1024 * 1024
    assert "MemoryError" in big


def test_async_batches_interleave() -> None:
    async def main(pool: DeadlinePool[int, object]) -> list[list[object]]:
        return await asyncio.gather(pool.amap([1, 2, 3]), pool.amap([-1, 4]), pool.amap([]))

    with DeadlinePool(slow_double, workers=2, deadline=1.0, on_timeout=lambda x: None) as pool:
        assert asyncio.run(main(pool)) == [[2, 4, 6], [None, 8], []]


def test_math_batch_keeps_order_and_never_passes_hostile_items(tmp_path: Path) -> None:
    three = MathGold(AnswerType.INTEGER, sp.Integer(3))
    pairs = [(three, r"\boxed{3}"), (three, r"\boxed{10^{10^{100}}}"), (three, r"\boxed{4}")]
    pairs += [(three, rf"\boxed{{{t}}}") for t in code_injections(tmp_path / "pwned")]
    pairs += [(three, r"\boxed{\frac{6}{2}}")]
    verdicts = verify_math_batch(pairs, deadline=10.0, workers=2)
    statuses = [v.status for v in verdicts]
    assert statuses[:3] == [Status.PASS, Status.UNVERIFIED, Status.WRONG_ANSWER]
    assert statuses[-1] is Status.PASS
    assert Status.PASS not in statuses[3:-1]
    assert not (tmp_path / "pwned").exists()


def test_jsonl_command(tmp_path: Path) -> None:
    src, dst = tmp_path / "pairs.jsonl", tmp_path / "verdicts.jsonl"
    lines = [
        json.dumps({"id": "a", "gold": "3/4", "answer": r"so \boxed{0.75}"}),
        "{not json",
        json.dumps({"id": "c", "gold": "42"}),
        json.dumps({"id": "d", "gold": "42", "answer": 42}),
        "",
        json.dumps(["a", "list"]),
        json.dumps({"id": 6, "gold": r"\{1, 2\}", "answer": "2, 1"}),
        json.dumps({"id": "g", "gold": "\\frac{", "answer": "1"}),
        json.dumps({"id": "h", "gold": "x^2", "answer": "x^3"}),
    ]
    src.write_bytes(("\n".join(lines) + "\n").encode() + b'\xff\xfe{"id": 1}\n')
    counts = verify_pairs_jsonl(src, dst, deadline=10.0, workers=2)
    rows = [json.loads(line) for line in dst.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["a", None, "c", "d", None, 6, "g", "h", None]
    assert [r["status"] for r in rows] == [
        "pass",
        "infra_error",
        "infra_error",
        "infra_error",
        "infra_error",
        "pass",
        "infra_error",
        "wrong_answer",
        "infra_error",
    ]
    assert "line 2" in rows[1]["detail"] and "line 3" in rows[2]["detail"] and "line 10" in rows[8]["detail"]
    assert rows[0]["extracted"] == "0.75"
    assert counts == {"pass": 2, "infra_error": 6, "wrong_answer": 1, "total": 9}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pairs.jsonl", "verdicts.jsonl"]


def test_jsonl_command_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match=r"missing\.jsonl"):
        verify_pairs_jsonl(tmp_path / "missing.jsonl", tmp_path / "out.jsonl")
    with pytest.raises(InputFileError):
        verify_pairs_jsonl(tmp_path, tmp_path / "out.jsonl")
    assert not (tmp_path / "out.jsonl").exists()
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    assert verify_pairs_jsonl(empty, tmp_path / "out.jsonl") == {"total": 0}
    assert (tmp_path / "out.jsonl").read_text() == ""
