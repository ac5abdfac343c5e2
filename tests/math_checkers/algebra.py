"""Checkers for algebra templates: matrices by hand-rolled arithmetic, radicals and exponents by value."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction
from typing import Any

import mpmath
import sympy as sp
from latex2sympy2_extended import latex2sympy

from verigen.types import Problem

from .common import Checker, close, frac, horner


def matmul(a: list[list[Any]], b: list[list[Any]]) -> list[list[Any]]:
    return [[sum(x * y for x, y in zip(row, col, strict=True)) for col in zip(*b, strict=True)] for row in a]


def transpose(a: list[list[Any]]) -> list[list[Any]]:
    return [list(col) for col in zip(*a, strict=True)]


def leibniz(a: list[list[Any]]) -> Any:
    """Determinant as the signed sum over permutations (no elimination, no sympy)."""
    n, total = len(a), 0
    for perm in itertools.permutations(range(n)):
        inversions = sum(1 for i in range(n) for j in range(i + 1, n) if perm[i] > perm[j])
        term = -1 if inversions % 2 else 1
        for i, j in enumerate(perm):
            term *= a[i][j]
        total += term
    return total


def check_matrix_inverse(p: Problem, g: Any) -> None:
    matrix = sp.ImmutableMatrix(p.metadata["matrix"])
    identity = sp.eye(matrix.rows)
    assert matrix * g == identity and g * matrix == identity


def check_matrix_product(p: Problem, g: Any) -> None:
    matrices = p.metadata["matrices"] * p.metadata["power"]
    result = matrices[0]
    for right in matrices[1:]:
        result = matmul(result, right)
    assert g.tolist() == result


def check_rational_expression_value(p: Problem, g: Any) -> None:
    terms = [([Fraction(c) for c in n], [Fraction(c) for c in d]) for n, d in p.metadata["terms"]]
    x = Fraction(p.metadata["x"])

    def value(t: Fraction) -> Fraction:
        return sum((horner(n, t) / horner(d, t) for n, d in terms), Fraction(0))

    if all(horner(d, x) != 0 for _, d in terms):
        assert value(x) == frac(g)
        return
    # undefined at x: the simplified expression is the limit there, seen from both sides
    h = Fraction(1, 10**30)
    for t in (x - h, x + h):
        assert abs(value(t) - frac(g)) < Fraction(1, 10**20)


def check_exponent_rules(p: Problem, g: Any) -> None:
    latex = p.metadata["latex"]
    assert latex in p.prompt
    expr = latex2sympy(latex)
    if p.metadata["kind"] == "numeric":
        value = sp.N(expr, 50)
        assert close(g, mpmath.log(mpmath.mpf(str(value))) / mpmath.log(p.metadata["base"]), 1e-25)
        return
    names = p.metadata["variables"]
    exponents = [g] if len(names) == 1 else list(g)
    for point in ((sp.Rational(13, 10), sp.Rational(7, 10), sp.Rational(21, 10)), (3, sp.Rational(1, 3), 5)):
        values = dict(zip(names, point, strict=False))
        lhs = sp.N(expr.subs({s: values[s.name] for s in expr.free_symbols}), 40)
        rhs = sp.N(sp.Mul(*(values[n] ** e for n, e in zip(names, exponents, strict=True))), 40)
        assert close(lhs, rhs, 1e-30)


def squarefree(n: int) -> bool:
    return all(n % (k * k) for k in range(2, math.isqrt(n) + 1))


def cubefree(n: int) -> bool:
    return all(n % (k**3) for k in range(2, round(n ** (1 / 3)) + 2))


def check_radical_simplify(p: Problem, g: Any) -> None:
    meta = p.metadata
    kind = meta["kind"]
    if kind in ("sqrt", "cbrt", "sum", "product"):
        a, b = int(g[0]), int(g[1])
        assert b > 1
        if kind == "cbrt":
            assert a > 0 and cubefree(b) and a**3 * b == meta["c"] ** 3 * meta["n"]
            return
        assert squarefree(b)
        if kind == "sqrt":
            assert a > 0 and a * a * b == meta["c"] ** 2 * meta["n"]
        elif kind == "product":
            product = Fraction(meta["top"][0] * meta["top"][1])
            for d in meta["bottom"]:
                product /= d
            assert a > 0 and a * a * b == product
        else:
            total = sum(c * mpmath.sqrt(n) for c, n in meta["terms"])
            assert close(a * mpmath.sqrt(b), total, 1e-25)
        return
    u, v, b = frac(g[0]), frac(g[1]), meta["b"]
    if kind == "expand":
        (p1, q1), (p2, q2) = meta["factors"]
        # (p1 + q1 r)(p2 + q2 r) with r^2 = b, multiplied out by hand
        assert (u, v) == (p1 * p2 + q1 * q2 * b, p1 * q2 + q1 * p2)
    else:
        c, (p1, q1) = meta["c"], meta["denominator"]
        # (u + v r)(p1 + q1 r) = c with r irrational: rational and irrational parts separately
        assert u * p1 + v * q1 * b == c and u * q1 + v * p1 == 0


def check_determinant(p: Problem, g: Any) -> None:
    meta = p.metadata
    if meta["kind"] == "plain":
        assert int(g) == leibniz(meta["a"])
        return
    power = meta["a"]
    for _ in range(meta["m"] - 1):
        power = matmul(power, meta["a"])
    product = matmul(power, transpose(meta["b"]))
    assert int(g) == leibniz([[meta["k"] * x for x in row] for row in product])


def characteristic(matrix: list[list[int]]) -> list[Fraction]:
    """Coefficients of det(t I - A), highest first, by the Faddeev-LeVerrier recursion."""
    n = len(matrix)
    a = [[Fraction(x) for x in row] for row in matrix]
    identity = [[Fraction(int(i == j)) for j in range(n)] for i in range(n)]
    m = [[Fraction(0)] * n for _ in range(n)]
    coefficients = [Fraction(1)]
    for k in range(1, n + 1):
        am = matmul(a, m)
        m = [
            [x + coefficients[-1] * e for x, e in zip(r, i, strict=True)]
            for r, i in zip(am, identity, strict=True)
        ]
        coefficients.append(-sum(matmul(a, m)[i][i] for i in range(n)) / k)
    return coefficients


def check_eigenvalues(p: Problem, g: Any) -> None:
    matrix = p.metadata["matrix"]
    coefficients = characteristic(matrix)
    assert isinstance(g, sp.FiniteSet) and len(g) == len(matrix)
    t = sp.Symbol("t")
    char = sum(
        sp.Rational(c.numerator, c.denominator) * t ** (len(matrix) - i) for i, c in enumerate(coefficients)
    )
    for value in g:
        assert sp.expand(char.subs(t, value)) == 0
    assert sp.simplify(sp.Add(*g) - sum(matrix[i][i] for i in range(len(matrix)))) == 0


def check_linear_map_image(p: Problem, g: Any) -> None:
    meta = p.metadata
    if meta["kind"] == "apply":
        result = meta["v"]
        for _ in range(meta["power"]):
            result = matmul(meta["a"], result)
    elif meta["kind"] == "transpose":
        result = matmul(transpose(meta["a"]), meta["b"])
    else:
        (u1, u2), (w1, w2), v = meta["u"], meta["w"], meta["v"]
        # Cramer's rule for v = s u1 + t u2, then linearity
        det = Fraction(u1[0][0] * u2[1][0] - u2[0][0] * u1[1][0])
        s = (v[0][0] * u2[1][0] - u2[0][0] * v[1][0]) / det
        t = (u1[0][0] * v[1][0] - v[0][0] * u1[1][0]) / det
        result = [[s * w1[i][0] + t * w2[i][0]] for i in range(2)]
    assert [[frac(x) for x in row] for row in g.tolist()] == [[Fraction(x) for x in row] for row in result]


CHECKS: dict[str, Checker] = {
    "determinant": check_determinant,
    "eigenvalues": check_eigenvalues,
    "exponent_rules": check_exponent_rules,
    "linear_map_image": check_linear_map_image,
    "matrix_inverse": check_matrix_inverse,
    "matrix_product": check_matrix_product,
    "radical_simplify": check_radical_simplify,
    "rational_expression_value": check_rational_expression_value,
}
