"""Checkers for arithmetic templates: re-evaluated with Python's own operators and exact fractions."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import sympy as sp
from latex2sympy2_extended import latex2sympy

from verigen.types import Problem

from .common import Checker, frac


def check_fraction_arithmetic(p: Problem, g: Any) -> None:
    fractions, ops = p.metadata["fractions"], p.metadata["operations"]
    source = f"F({fractions[0][0]}, {fractions[0][1]})"
    for op, (num, den) in zip(ops, fractions[1:], strict=True):
        source += f" {op} F({num}, {den})"
    # Python's own operator precedence, on our own integers (never model text).
    assert eval(source, {"__builtins__": {}, "F": Fraction}) == frac(g)


def check_mental_arithmetic(p: Problem, g: Any) -> None:
    numbers, ops = p.metadata["numbers"], p.metadata["ops"]
    source = str(numbers[0]) + "".join(f" {op} {n}" for op, n in zip(ops, numbers[1:], strict=True))
    assert eval(source, {"__builtins__": {}}) == int(g)  # Python's precedence on our own integers


def check_percentages(p: Problem, g: Any) -> None:
    meta, value = p.metadata, frac(g)
    kind = meta["kind"]
    if kind == "percent_of":
        assert value * 100 == meta["p"] * meta["n"]
    elif kind == "what_percent":
        assert value * meta["b"] == 100 * meta["a"]
    elif kind == "change":
        assert meta["a"] + meta["a"] * value / 100 == meta["b"]
    elif kind == "reverse":
        sign = 1 if meta["rise"] else -1
        assert value + sign * value * meta["p"] / 100 == meta["v"]
    else:
        amount = Fraction(meta["start"])
        for change in meta["changes"]:
            amount += amount * change / 100
        assert amount == value


def _by_subtraction(whole: int, pre: str, block: str) -> Fraction:
    """The textbook route: (all digits through one block - digits before the block) / (99..900..)."""
    everything = int(f"{whole}{pre}{block}")
    before = int(f"{whole}{pre}")
    return Fraction(everything - before, (10 ** len(block) - 1) * 10 ** len(pre))


def _expansion(value: Fraction, digits: int) -> str:
    """The first `digits` decimals of value by long division."""
    whole, rest = divmod(value.numerator, value.denominator)
    out = []
    for _ in range(digits):
        rest *= 10
        digit, rest = divmod(rest, value.denominator)
        out.append(str(digit))
    return f"{whole}." + "".join(out)


def check_repeating_decimal(p: Problem, g: Any) -> None:
    meta = p.metadata
    if meta["kind"] == "terminating":
        value = Fraction(meta["decimal"])
        assert int(g) == value.numerator + value.denominator
        return
    parts = [(int(w), pre, block) for w, pre, block in meta["decimals"]]
    total = sum(s * _by_subtraction(*part) for s, part in zip(meta["signs"], parts, strict=True))
    assert frac(g) == total
    if len(parts) == 1:  # the answer's long division reproduces the digits shown
        whole, pre, block = parts[0]
        shown = f"{whole}.{pre}{block * 5}"
        assert _expansion(frac(g), len(shown.split(".")[1])) == shown


def check_order_of_operations(p: Problem, g: Any) -> None:
    latex = p.metadata["latex"]
    assert f"${latex}$" in p.prompt
    assert sp.simplify(latex2sympy(latex) - g) == 0  # an independent LaTeX parser applies the precedence


CHECKS: dict[str, Checker] = {
    "fraction_arithmetic": check_fraction_arithmetic,
    "mental_arithmetic": check_mental_arithmetic,
    "order_of_operations": check_order_of_operations,
    "percentages": check_percentages,
    "repeating_decimal": check_repeating_decimal,
}
