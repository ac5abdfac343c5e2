"""Benchmark math verification: pairs/s on all cores vs one worker, side by side in one run.

Pairs come from the registry's math templates (every answer type): the gold rendered the way a
model writes it inside a chain of thought, an equivalent but differently written form, and a
wrong answer. Pool start-up is timed separately from throughput (a pipeline keeps its pool).

    python scripts/bench_verify_math.py [--pairs 1000] [--deadline 5]
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter

import sympy as sp

from verigen.deadline_pool import default_workers
from verigen.math.batch import MathVerifierPool
from verigen.math.gold import AnswerType, MathGold
from verigen.templates import DIFFICULTIES, all_templates

FILLER = "Let me work through this carefully. " * 20


def _latex(value: object) -> str:
    return sp.latex(value, ln_notation=True)


def _wrong(gold: MathGold) -> object:
    v = gold.value
    if gold.type is AnswerType.EQUATION:
        return sp.Eq(v.lhs, v.rhs + 1)
    if gold.type in (AnswerType.SET, AnswerType.TUPLE):
        return type(v)(*(e + 1 for e in v.args))
    if gold.type is AnswerType.MATRIX:
        return v + sp.ones(*v.shape)
    if gold.type is AnswerType.INTERVAL:
        return v + sp.FiniteSet(-1000) if isinstance(v, sp.Interval) else sp.Interval(0, 1)
    return v + 1


def _variant(gold: MathGold) -> str:
    """An equivalent answer written differently from sympy's own LaTeX."""
    v = gold.value
    if gold.type is AnswerType.EXPRESSION:
        return _latex(sp.factor(v)) if sp.factor(v) != v else _latex(sp.expand(v))
    if gold.type is AnswerType.RATIONAL and v.q in (2, 4, 5, 8, 10, 20, 25):
        return str(float(v))
    if gold.type is AnswerType.EQUATION:
        return f"{_latex(sp.expand(v.lhs - v.rhs))} = 0"
    if gold.type is AnswerType.SET:
        return ", ".join(_latex(e) for e in reversed(v.args))
    return _latex(v)


def build_pairs(n: int, seed: int = 0) -> list[tuple[MathGold, str]]:
    rng = random.Random(seed)
    templates = [t for t in all_templates() if t.kind == "math"]
    pairs: list[tuple[MathGold, str]] = []
    index = 0
    while len(pairs) < n:
        template = templates[index % len(templates)]
        problem = template.sample(seed, index, rng.choice(DIFFICULTIES))
        gold = MathGold.from_json(problem.answer)
        answer = rng.choice([_latex(gold.value), _variant(gold), _latex(_wrong(gold))])
        pairs.append((gold, f"{FILLER}\n\nSo the final answer is $\\boxed{{{answer}}}$."))
        index += 1
    return pairs


Pairs = list[tuple[MathGold, str]]


def run(pairs: Pairs, workers: int, deadline: float) -> tuple[float, float, Counter[str]]:
    start = time.perf_counter()
    with MathVerifierPool(deadline=deadline, workers=workers) as pool:
        pool.verify(pairs[: 2 * workers])  # warm: imports, ANTLR caches
        ready = time.perf_counter()
        verdicts = pool.verify(pairs)
        done = time.perf_counter()
    return ready - start, len(pairs) / (done - ready), Counter(v.status.value for v in verdicts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--deadline", type=float, default=5.0)
    parser.add_argument("--rounds", type=int, default=2, help="alternate the two runs; keep the best")
    args = parser.parse_args()
    pairs = build_pairs(args.pairs)
    cores = default_workers()
    best: dict[int, tuple[float, float]] = {}
    verdicts: dict[int, Counter[str]] = {}
    for _ in range(args.rounds):  # alternating evens out load from other processes on the machine
        for workers in (cores, 1):
            startup, rate, verdicts[workers] = run(pairs, workers, args.deadline)
            if rate > best.get(workers, (0.0, 0.0))[1]:
                best[workers] = (startup, rate)
    assert verdicts[cores] == verdicts[1], verdicts  # same verdicts whatever the parallelism
    print(f"pairs: {len(pairs)}  verdicts: {dict(sorted(verdicts[1].items()))}  (best of {args.rounds})")
    for workers in (cores, 1):
        startup, rate = best[workers]
        print(f"{workers:2d} worker(s): {rate:8.1f} pairs/s  (pool start-up {startup:.2f} s)")
    print(f"ratio      : {best[cores][1] / best[1][1]:8.2f}x on {cores} cores")


if __name__ == "__main__":
    main()
