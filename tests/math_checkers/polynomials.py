"""Checkers for polynomial templates: Horner evaluation, long division, numeric roots, convolution."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import mpmath
import sympy as sp

from verigen.types import Problem

from .common import Checker, X, close, frac, horner, poly_from


def check_polynomial_roots(p: Problem, g: Any) -> None:
    poly = poly_from(p.metadata["coefficients"])
    degree = len(p.metadata["coefficients"]) - 1
    assert isinstance(g, sp.FiniteSet) and len(g) == degree
    assert sp.discriminant(poly, X) != 0  # squarefree: the roots are distinct
    assert sp.Poly(poly, X).count_roots() == degree  # Sturm: every root is real
    for root in g:
        assert root.is_real and sp.expand(poly.subs(X, root)) == 0


def long_division(num: list[Fraction], den: list[Fraction]) -> tuple[list[Fraction], list[Fraction]]:
    """Schoolbook division of coefficient lists (highest degree first)."""
    num, quotient = list(num), []
    while len(num) >= len(den):
        factor = num[0] / den[0]
        quotient.append(factor)
        num = [a - factor * b for a, b in zip(num, den + [0] * (len(num) - len(den)), strict=True)][1:]
    return quotient, num


def coefficients(expr: Any, length: int) -> list[Fraction]:
    found = [frac(c) for c in sp.Poly(expr, X).all_coeffs()] if expr != 0 else []
    return [Fraction(0)] * (length - len(found)) + found


def check_polynomial_division(p: Problem, g: Any) -> None:
    dividend, divisor = p.metadata["dividend"], p.metadata["divisor"]
    quotient, remainder = long_division([Fraction(c) for c in dividend], [Fraction(c) for c in divisor])
    expected = quotient if p.metadata["ask"] == "quotient" else remainder
    assert coefficients(g, len(expected)) == expected


def _linear_parts(g: Any) -> tuple[Fraction, Fraction]:
    assert g.free_symbols <= {X} and sp.degree(g, X) <= 1
    return frac(g.coeff(X, 1)), frac(g.coeff(X, 0))


def check_remainder_theorem(p: Problem, g: Any) -> None:
    meta = p.metadata
    kind = meta["kind"]
    if kind == "remainder":
        dividend = [Fraction(c) for c in meta["dividend"]]
        a, b = meta["divisor"]
        _, remainder = long_division(dividend, [Fraction(a), Fraction(b)])
        assert horner(dividend, Fraction(-b, a)) == frac(g) == remainder[0]
    elif kind == "unknown":
        coefficients_ = [frac(g) if c == "k" else Fraction(c) for c in meta["polynomial"]]
        assert horner(coefficients_, Fraction(meta["a"])) == meta["r"]
    elif kind == "values":
        slope, intercept = _linear_parts(g)
        for a, r in meta["points"]:
            assert slope * a + intercept == r
    else:
        slope, intercept = _linear_parts(g)
        for a in meta["roots"]:
            assert slope * a + intercept == a ** meta["n"] + meta["c"] * a ** meta["m"]


ASKS = {
    "sum": lambda r: sum(r),
    "product": lambda r: mpmath.fprod(r),
    "squares": lambda r: sum(v**2 for v in r),
    "cubes": lambda r: sum(v**3 for v in r),
    "reciprocals": lambda r: sum(1 / v for v in r),
    "inverse_squares": lambda r: sum(1 / v**2 for v in r),
    "gap": lambda r: (r[0] - r[-1]) ** 2,
    "ratios": lambda r: r[0] / r[-1] + r[-1] / r[0],
    "pairs": lambda r: sum(r[i] * r[j] for i in range(len(r)) for j in range(i + 1, len(r))),
    "shifted": lambda r: mpmath.fprod(1 + v for v in r),
}


def check_vieta(p: Problem, g: Any) -> None:
    with mpmath.workdps(50):
        roots = mpmath.polyroots(p.metadata["coefficients"], maxsteps=200, extraprec=200)
        value = ASKS[p.metadata["ask"]](roots)
        assert abs(mpmath.im(value)) < mpmath.mpf(10) ** -30
        assert close(g, mpmath.re(value), 1e-30)


def check_binomial_coefficient(p: Problem, g: Any) -> None:
    product: dict[int, Fraction] = {0: Fraction(1)}
    for terms, n in p.metadata["factors"]:
        factor = {power: Fraction(num, den) for (num, den), power in terms}
        for _ in range(n):  # multiply out one copy at a time
            step: dict[int, Fraction] = {}
            for e1, c1 in product.items():
                for e2, c2 in factor.items():
                    step[e1 + e2] = step.get(e1 + e2, Fraction(0)) + c1 * c2
            product = step
    assert product.get(p.metadata["power"], Fraction(0)) == frac(g) != 0


CHECKS: dict[str, Checker] = {
    "binomial_coefficient": check_binomial_coefficient,
    "polynomial_division": check_polynomial_division,
    "polynomial_roots": check_polynomial_roots,
    "remainder_theorem": check_remainder_theorem,
    "vieta": check_vieta,
}
