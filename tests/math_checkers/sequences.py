"""Checkers for sequence templates: terms generated one by one with exact fractions."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import sympy as sp

from verigen.math.gold import decode
from verigen.types import Problem

from .common import Checker, frac, symbol_named


def check_series_sum(p: Problem, g: Any) -> None:
    meta = p.metadata
    first, step, n = Fraction(meta["first"]), Fraction(meta["step"]), meta["terms"]
    term, total = first, Fraction(0)
    for _ in range(n if n is not None else 500):
        total += term
        term = term + step if meta["kind"] == "arithmetic" else term * step
    if n is not None:
        assert frac(g) == total
    else:
        assert abs(frac(g) - total) < Fraction(1, 10**40)


def _rational_root(q: Fraction, k: int) -> Fraction:
    """The real k-th root of q, which the template guarantees is rational (k odd)."""
    sign = -1 if q < 0 and k % 2 else 1
    num, den = round(abs(q.numerator) ** (1 / k)), round(q.denominator ** (1 / k))
    for a in range(max(num - 2, 0), num + 3):
        for b in range(max(den - 2, 1), den + 3):
            if Fraction(a, b) ** k == abs(q):
                return sign * Fraction(a, b)
    raise AssertionError(f"{q} has no rational {k}th root")


def check_sequence_term(p: Problem, g: Any) -> None:
    meta = p.metadata
    kind = meta["kind"]
    if kind == "position":
        term, n = meta["first"], 1
        while term != meta["target"]:
            term, n = term + meta["step"], n + 1
            assert n < 10**4
        assert int(g) == n
        return
    if kind == "exceeds":
        term, n = meta["first"], 1
        while term <= meta["bound"]:
            term, n = term * meta["step"], n + 1
        assert int(g) == n
        return
    (m, tm), (k, tk) = ((i, Fraction(t)) for i, t in meta["known"])
    geometric = kind == "geometric"
    step = _rational_root(tk / tm, k - m) if geometric else (tk - tm) / (k - m)
    term, up = tm, meta["n"] > m
    for _ in range(abs(meta["n"] - m)):  # walk from a known term to the asked one
        term = (term * step if up else term / step) if geometric else (term + step if up else term - step)
    assert frac(g) == term


def check_recursive_sequence(p: Problem, g: Any) -> None:
    meta = p.metadata
    rule, p_, q = meta["rule"], meta["p"], meta["q"]
    values = [Fraction(v) for v in meta["initial"]]
    while len(values) < meta["index"]:
        n, a = len(values), values[-1]
        if rule == "affine":
            values.append(p_ * a + q)
        elif rule == "plus_n":
            values.append(a + p_ * n)
        elif rule == "plus_n2":
            values.append(a + p_ * n * n)
        elif rule == "fib":
            values.append(a + values[-2])
        elif rule == "fib_minus":
            values.append(a - values[-2])
        elif rule == "linear2":
            values.append(p_ * a + q * values[-2])
        elif rule == "period3":
            values.append(1 / (1 - a))
        elif rule == "period4":
            values.append((a - 1) / (a + 1))
        else:
            values.append(a / (1 + p_ * a))
    assert frac(g) == values[meta["index"] - 1]


def check_power_sums(p: Problem, g: Any) -> None:
    summand = decode(p.metadata["summand"])
    k = symbol_named(summand, "k")
    term = sp.lambdify(k, summand, "math")  # Python integers in, Python integers out
    total = sum(term(i) for i in range(p.metadata["low"], p.metadata["high"] + 1))
    assert isinstance(total, int) and int(g) == total


CHECKS: dict[str, Checker] = {
    "power_sums": check_power_sums,
    "recursive_sequence": check_recursive_sequence,
    "sequence_term": check_sequence_term,
    "series_sum": check_series_sum,
}
