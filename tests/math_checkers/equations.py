"""Checkers for equation templates: substitute back, and find all solutions by another route."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import mpmath
import sympy as sp
from latex2sympy2_extended import latex2sympy

from verigen.math.gold import decode
from verigen.types import Problem

from .common import Checker, X, close, frac, numeric


def check_linear_equation(p: Problem, g: Any) -> None:
    equation = latex2sympy(p.prompt.split("$")[-2])  # the last $...$ holds the equation
    difference = sp.expand(equation.lhs - equation.rhs)
    assert difference.diff(X) != 0 and difference.diff(X, 2) == 0
    assert difference.subs(X, g) == 0


def check_linear_system(p: Problem, g: Any) -> None:
    matrix, rhs = p.metadata["matrix"], p.metadata["rhs"]
    assert len(g) == len(rhs) and sp.Matrix(matrix).det(method="bareiss") != 0
    for row, value in zip(matrix, rhs, strict=True):
        assert sum(a * frac(v) for a, v in zip(row, g, strict=True)) == value


def check_quadratic_formula(p: Problem, g: Any) -> None:
    a, b, c = (Fraction(n, d) for n, d in p.metadata["coefficients"])
    A, B, C = (sp.Rational(v.numerator, v.denominator) for v in (a, b, c))
    assert not g.has(sp.Float) and not g.is_Rational
    if p.metadata["ask"] == "difference":
        assert g.is_positive and sp.expand(g**2 - (B**2 - 4 * A * C) / A**2) == 0
        return
    assert sp.expand(A * g**2 + B * g + C) == 0
    other = -B / A - g  # Vieta: the two roots add up to -b/a
    assert (sp.N(g - other, 30) > 0) == (p.metadata["ask"] == "larger")


def check_absolute_value_equation(p: Problem, g: Any) -> None:
    lhs, rhs = decode(p.metadata["lhs"]), decode(p.metadata["rhs"])
    expected = sp.solveset(sp.Eq(lhs, rhs), X, sp.S.Reals)  # sympy's solver, not the template's cases
    assert isinstance(expected, sp.FiniteSet) and len(expected) == len(g)
    for value in g:
        assert sp.simplify(lhs.subs(X, value) - rhs.subs(X, value)) == 0
        assert any(sp.simplify(value - e) == 0 for e in expected)


def check_exponential_equation(p: Problem, g: Any) -> None:
    latex = p.metadata["latex"]
    assert latex in p.prompt
    equation = latex2sympy(latex)
    x = next(iter(equation.free_symbols))
    f = sp.lambdify(x, equation.lhs - equation.rhs, "mpmath")
    solutions = set(g) if isinstance(g, sp.FiniteSet) else {g}
    with mpmath.workdps(60):
        # every integer in range that solves it is in the answer, and every answer solves it exactly
        difference = equation.lhs - equation.rhs
        low, high = min(-40, *(int(s) for s in solutions)), max(40, *(int(s) for s in solutions))
        found = {sp.Integer(k) for k in range(low, high + 1) if sp.expand(difference.subs(x, k)) == 0}
        assert found == solutions
        # no other real root: sign changes of lhs - rhs on a grid all sit next to a known solution
        grid = [mpmath.mpf(k) / 8 for k in range(-240, 241)]
        values = [f(t) for t in grid]
        for t0, t1, v0, v1 in zip(grid, grid[1:], values, values[1:], strict=False):
            if mpmath.sign(v0) * mpmath.sign(v1) < 0:
                assert any(t0 <= s <= t1 for s in solutions), (t0, t1)


def check_rational_equation(p: Problem, g: Any) -> None:
    lhs, rhs = decode(p.metadata["lhs"]), decode(p.metadata["rhs"])
    numerator, denominator = sp.fraction(sp.together(lhs - rhs))
    poles = set(sp.Poly(denominator, X).real_roots())
    expected = {r for r in sp.Poly(numerator, X).real_roots() if r not in poles}
    assert set(g) == expected
    for value in g:  # and each one really solves the original equation
        assert sp.simplify(lhs.subs(X, value) - rhs.subs(X, value)) == 0
        assert close(
            numeric(lhs)(mpmath.mpf(sp.N(value, 30))), numeric(rhs)(mpmath.mpf(sp.N(value, 30))), 1e-20
        )


CHECKS: dict[str, Checker] = {
    "absolute_value_equation": check_absolute_value_equation,
    "exponential_equation": check_exponential_equation,
    "linear_equation": check_linear_equation,
    "linear_system": check_linear_system,
    "quadratic_formula": check_quadratic_formula,
    "rational_equation": check_rational_equation,
}
