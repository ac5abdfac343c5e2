"""Checkers for combinatorics templates: brute-force enumeration of every outcome."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction
from typing import Any

from verigen.types import Problem

from .common import Checker, frac


def count_brute_force(meta: dict[str, Any]) -> int:
    kind = meta["kind"]
    if kind == "committee":
        return sum(1 for _ in itertools.combinations(range(meta["n"]), meta["k"]))
    if kind == "ordered":
        return sum(1 for _ in itertools.permutations(range(meta["n"]), meta["k"]))
    if kind == "word":
        return len(set(itertools.permutations(meta["word"])))
    if kind == "constrained":
        people = ["first"] * meta["a"] + ["second"] * meta["b"]
        chosen = (c.count("second") for c in itertools.combinations(people, meta["k"]))
        return sum(1 for s in chosen if (s >= 1 if "at_least" in meta else s == meta["exactly"]))
    (m, n), (px, py) = meta["end"], meta["through"]
    total = 0
    for rights in itertools.combinations(range(m + n), m):
        x = y = 0
        visited = {(0, 0)}
        for step in range(m + n):
            x, y = (x + 1, y) if step in rights else (x, y + 1)
            visited.add((x, y))
        total += (px, py) in visited
    return total


def check_counting(p: Problem, g: Any) -> None:
    assert int(g) == count_brute_force(p.metadata)


def check_probability(p: Problem, g: Any) -> None:
    meta, kind = p.metadata, p.metadata["kind"]
    if kind in ("bag_one", "bag_two"):
        balls = ["c1"] * meta["counts"][0] + ["c2"] * meta["counts"][1]
        outcomes = [(b,) for b in balls] if kind == "bag_one" else list(itertools.combinations(balls, 2))
    elif kind == "dice":
        outcomes = list(itertools.product(range(1, 7), repeat=meta["dice"]))
    else:
        outcomes = list(itertools.product((0, 1), repeat=meta["n"]))

    def favourable(outcome: tuple) -> bool:
        if kind == "bag_one":
            return outcome[0] == "c1"
        if kind == "bag_two":
            return (outcome[0] == outcome[1]) == meta["same"]
        target = meta["sum"] if kind == "dice" else meta["k"]
        return sum(outcome) == target if meta["condition"] == "eq" else sum(outcome) >= target

    assert frac(g) == Fraction(sum(map(favourable, outcomes)), len(outcomes))


def _adjacent(order: tuple[int, ...], a: int, b: int, circular: bool = False) -> bool:
    i, j = order.index(a), order.index(b)
    return abs(i - j) == 1 or (circular and abs(i - j) == len(order) - 1)


ROW_RULES = {
    "end_fixed": lambda o: o[0] == 0,
    "either_end": lambda o: 0 in (o[0], o[-1]),
    "together": lambda o: _adjacent(o, 0, 1),
    "left_of": lambda o: o.index(0) < o.index(1),
    "apart": lambda o: not _adjacent(o, 0, 1),
    "block3": lambda o: max(o.index(k) for k in (0, 1, 2)) - min(o.index(k) for k in (0, 1, 2)) == 2,
    "not_first_not_last": lambda o: o[0] != 0 and o[-1] != 1,
    "two_pairs": lambda o: _adjacent(o, 0, 1) and _adjacent(o, 2, 3),
}


def check_restricted_arrangements(p: Problem, g: Any) -> None:
    meta = p.metadata
    kind, n = meta["kind"], meta["n"]
    if kind == "alternate":
        first, second = meta["groups"]
        # patterns of group labels with no two neighbours alike, times the orders within each group
        patterns = sum(
            1
            for chosen in itertools.combinations(range(n), first)
            if all((i in chosen) != (i + 1 in chosen) for i in range(n - 1))
        )
        expected = patterns * math.factorial(first) * math.factorial(second)
    elif kind == "circle_together":
        # fix person n-1 in seat 0 to remove rotations; arrange the rest
        expected = sum(
            1 for rest in itertools.permutations(range(n - 1)) if _adjacent((n - 1, *rest), 0, 1, True)
        )
    else:
        expected = sum(1 for order in itertools.permutations(range(n)) if ROW_RULES[kind](order))
    assert int(g) == expected


def check_derangements(p: Problem, g: Any) -> None:
    n, allowed = p.metadata["n"], set(p.metadata["fixed_points"])
    hits = sum(
        1 for perm in itertools.permutations(range(n)) if sum(perm[i] == i for i in range(n)) in allowed
    )
    if p.metadata["ask"] == "probability":
        assert frac(g) == Fraction(hits, math.factorial(n))
    else:
        assert int(g) == hits


def check_stars_and_bars(p: Problem, g: Any) -> None:
    n, lows, highs = p.metadata["n"], p.metadata["lows"], p.metadata["highs"]
    ways = [1] + [0] * n  # ways[s]: ways to reach the sum s with the variables so far
    for low, high in zip(lows, highs, strict=True):
        top = n if high is None else high
        ways = [sum(ways[s - v] for v in range(low, min(top, s) + 1)) for s in range(n + 1)]
    assert int(g) == ways[n]


def check_expected_value(p: Problem, g: Any) -> None:
    meta, value = p.metadata, frac(g)
    kind = meta["kind"]
    if kind == "spinner":
        expected = Fraction(sum(meta["labels"]), len(meta["labels"]))
    elif kind == "outcomes":
        probabilities = [Fraction(q) for q in meta["probabilities"]]
        assert sum(probabilities) == 1
        expected = sum(v * q for v, q in zip(meta["values"], probabilities, strict=True))
    elif kind == "two_dice":
        m, n = meta["sides"]
        stat = {"max": max, "min": min, "diff": lambda a, b: abs(a - b), "product": lambda a, b: a * b}[
            meta["stat"]
        ]
        outcomes = list(itertools.product(range(1, m + 1), range(1, n + 1)))
        expected = Fraction(sum(stat(a, b) for a, b in outcomes), len(outcomes))
    elif kind == "cards":
        stat = {
            "sum": lambda a, b: a + b,
            "max": max,
            "diff": lambda a, b: abs(a - b),
            "product": lambda a, b: a * b,
        }
        pairs = list(itertools.permutations(range(1, meta["n"] + 1), 2))
        expected = Fraction(sum(stat[meta["stat"]](a, b) for a, b in pairs), len(pairs))
    elif kind == "red_draws":
        balls = [1] * meta["red"] + [0] * meta["blue"]
        draws = list(itertools.combinations(range(len(balls)), meta["k"]))
        expected = Fraction(sum(sum(balls[i] for i in d) for d in draws), len(draws))
    elif kind == "waiting":
        q = Fraction(meta["p"])
        partial, survive = Fraction(0), Fraction(1)  # survive = probability of k - 1 failures
        for k in range(1, 1500):
            partial += k * q * survive
            survive *= 1 - q
        assert value - partial < Fraction(1, 10**40) and partial < value
        return
    else:  # distinct faces: a Markov chain on the number of faces seen so far
        n, k = meta["n"], meta["k"]
        distribution = {0: Fraction(1)}
        for _ in range(k):
            step: dict[int, Fraction] = {}
            for seen, q in distribution.items():
                step[seen] = step.get(seen, Fraction(0)) + q * Fraction(seen, n)
                step[seen + 1] = step.get(seen + 1, Fraction(0)) + q * Fraction(n - seen, n)
            distribution = step
        expected = sum(seen * q for seen, q in distribution.items())
    assert value == expected


CHECKS: dict[str, Checker] = {
    "counting": check_counting,
    "derangements": check_derangements,
    "expected_value": check_expected_value,
    "probability": check_probability,
    "restricted_arrangements": check_restricted_arrangements,
    "stars_and_bars": check_stars_and_bars,
}
