"""Helpers shared by the property checkers: exact fractions, numeric closeness, probing sets."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from fractions import Fraction
from typing import Any

import mpmath
import sympy as sp

from verigen.types import Problem

X, Y = sp.symbols("x y")
Checker = Callable[[Problem, Any], None]


def frac(value: Any) -> Fraction:
    """A sympy Rational/Integer (or int, or "p/q" string) as a Fraction."""
    if isinstance(value, sp.Rational):
        return Fraction(int(value.p), int(value.q))
    return Fraction(str(value))


def _mp(value: Any) -> Any:
    if isinstance(value, sp.Basic):
        return mpmath.mpf(sp.N(value, 40))
    if isinstance(value, Fraction):
        return mpmath.mpf(value.numerator) / value.denominator
    return mpmath.mpf(value)


def close(a: Any, b: Any, tol: float = 1e-9) -> bool:
    a, b = _mp(a), _mp(b)
    return abs(a - b) <= tol * max(1, abs(b))


def numeric(expr: sp.Expr, symbol: sp.Symbol = X) -> Callable[[Any], Any]:
    return sp.lambdify(symbol, expr, "mpmath")


def poly_from(coefficients: list[int]) -> sp.Expr:
    return sum(c * X**k for k, c in enumerate(reversed(coefficients)))


def horner(coefficients: Iterable[Fraction], t: Fraction) -> Fraction:
    """Value of the polynomial with these coefficients (highest degree first) at t."""
    value = Fraction(0)
    for c in coefficients:
        value = value * t + c
    return value


def symbol_named(expr: sp.Basic, name: str) -> sp.Symbol:
    return next((s for s in expr.free_symbols if s.name == name), sp.Symbol(name))


def set_probes(g: sp.Set, extra: Iterable[Any] = ()) -> list[sp.Expr]:
    """Integers in [-40, 40], the answer's endpoints, points just beside them, and midpoints."""
    pieces = g.args if isinstance(g, sp.Union) else (g,)
    ends = sorted(
        {e for piece in pieces for e in (piece.start, piece.end) if e.is_finite} | set(extra),
        key=lambda e: sp.N(e, 30),
    )
    probes = [sp.Integer(k) for k in range(-40, 41)] + list(ends)
    probes += [e + sp.Rational(s, 1000) for e in ends for s in (-1, 1)]
    probes += [(a + b) / 2 for a, b in itertools.pairwise(ends)]
    return probes


def check_set_by_probes(g: sp.Set, holds: Callable[[sp.Expr], bool], extra: Iterable[Any] = ()) -> None:
    for t in set_probes(g, extra):
        assert bool(g.contains(t)) == holds(t), t


RELATIONS = {
    "<": lambda v: v < 0,
    "<=": lambda v: v <= 0,
    ">": lambda v: v > 0,
    ">=": lambda v: v >= 0,
}


def relation_holds(expr: sp.Expr, relation: str, t: sp.Expr) -> bool:
    """`expr(t) relation 0`, exactly; false where expr is undefined."""
    numerator, denominator = sp.fraction(sp.together(expr))
    bottom = sp.expand(denominator.subs(X, t))  # exact: surds squared out, so a pole gives exactly 0
    if bottom == 0:
        return False
    return bool(RELATIONS[relation](sp.expand(numerator.subs(X, t)) / bottom))
