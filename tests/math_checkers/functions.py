"""Checkers for function templates: evaluate the functions directly at the answer or at probe points."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import mpmath
import sympy as sp

from verigen.math.gold import decode
from verigen.types import Problem

from .common import Checker, X, check_set_by_probes, close, frac, horner


def check_function_composition(p: Problem, g: Any) -> None:
    functions = [decode(tree) for tree in p.metadata["functions"]]
    for t in map(sp.Rational, (-3, -1, 0, 2, 5, "1/3", "-7/2")):
        if p.metadata["kind"] == "compose":
            value = t
            for f in reversed(functions):
                value = f.subs(X, value)
            assert g.subs(X, t) == value
        else:
            image, back = functions[0].subs(X, t), g.subs(X, t)
            if image.is_finite and back.is_finite:
                assert g.subs(X, image) == t and functions[0].subs(X, back) == t


def check_function_domain(p: Problem, g: Any) -> None:
    f = decode(p.metadata["function"])

    def defined(t: sp.Expr) -> bool:
        value = f.subs(X, t)  # exact: sqrt of a negative is imaginary, 1/0 is zoo, ln(0) is zoo
        return bool(value.is_finite) and sp.im(value) == 0

    check_set_by_probes(g, defined)


def check_inverse_function_value(p: Problem, g: Any) -> None:
    functions = {"f": decode(p.metadata["f"])}
    if "g" in p.metadata:
        functions["g"] = decode(p.metadata["g"])
    chain = p.metadata["chain"]
    f, y = functions["f"], sp.Rational(g)
    if len(chain) == 1:  # f^-1(v): f(y) = v
        assert sp.simplify(f.subs(X, y)) == sp.Rational(chain[0][1])
    elif chain[0][0] == "f":  # f^-1(f^-1(v)): f(f(y)) = v
        assert sp.simplify(f.subs(X, sp.simplify(f.subs(X, y)))) == sp.Rational(chain[0][1])
    else:  # f^-1(g(w)): f(y) = g(w)
        assert sp.simplify(f.subs(X, y)) == functions["g"].subs(X, sp.Rational(chain[0][1]))


def check_composition_value(p: Problem, g: Any) -> None:
    functions = {name: decode(tree) for name, tree in p.metadata["functions"].items()}
    total = mpmath.mpf(0)
    with mpmath.workdps(40):
        for sign, chain, (num, den) in p.metadata["terms"]:
            value = mpmath.mpf(num) / den
            for name in reversed(chain):
                value = sp.lambdify(X, functions[name], "mpmath")(value)
            total += sign * value
        assert close(g, total, 1e-25)


def check_parabola_vertex(p: Problem, g: Any) -> None:
    meta = p.metadata
    if meta["kind"] == "formula":
        coefficients = [Fraction(c) for c in meta["coefficients"]]
    else:  # Lagrange interpolation through the three points, expanded by hand
        (x1, y1), (x2, y2), (x3, y3) = meta["points"]
        coefficients = [Fraction(0)] * 3
        for xi, yi, xj, xk in ((x1, y1, x2, x3), (x2, y2, x1, x3), (x3, y3, x1, x2)):
            scale = Fraction(yi, (xi - xj) * (xi - xk))
            coefficients[0] += scale
            coefficients[1] -= scale * (xj + xk)
            coefficients[2] += scale * xj * xk
        for x, y in meta["points"]:
            assert horner(coefficients, Fraction(x)) == y
    h, k = frac(g[0]), frac(g[1])
    assert horner(coefficients, h) == k
    for step in (1, 2, Fraction(1, 3)):  # the axis of symmetry is x = h
        assert horner(coefficients, h + step) == horner(coefficients, h - step)


CHECKS: dict[str, Checker] = {
    "composition_value": check_composition_value,
    "function_composition": check_function_composition,
    "function_domain": check_function_domain,
    "inverse_function_value": check_inverse_function_value,
    "parabola_vertex": check_parabola_vertex,
}
