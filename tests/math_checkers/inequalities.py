"""Checkers for inequality templates: the answer set is probed point by point against the inequalities."""

from __future__ import annotations

import operator
from typing import Any

import sympy as sp

from verigen.math.gold import decode
from verigen.types import Problem

from .common import Checker, X, check_set_by_probes, poly_from, relation_holds

OPERATORS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}
SYMPY_RELATIONS = {"<": sp.Lt, "<=": sp.Le, ">": sp.Gt, ">=": sp.Ge}


def check_solve_inequality(p: Problem, g: Any) -> None:
    constraints = [
        (poly_from(c["coefficients"]), OPERATORS[c["relation"]]) for c in p.metadata["constraints"]
    ]
    intervals = g.args if isinstance(g, sp.Union) else (g,)
    ends = [e for i in intervals for e in (i.start, i.end) if e.is_finite]
    probes = [sp.Integer(k) for k in range(-20, 21)] + ends
    probes += [e + sp.Rational(s, 1000) for e in ends for s in (-1, 1)]
    for t in probes:
        holds = all(bool(rel(sp.expand(expr.subs(X, t)), 0)) for expr, rel in constraints)
        assert bool(g.contains(t)) == holds, t


def check_constraints(p: Problem, g: Any) -> None:
    """Templates whose metadata lists `expr relation 0` constraints joined by and (default) or or."""
    constraints = [(decode(c["expr"]), c["relation"]) for c in p.metadata["constraints"]]
    combine = any if p.metadata.get("connective") == "or" else all
    # sympy's own solver gives the places where the truth value can change; those are probed too
    extra = []
    for expr, relation in constraints:
        solved = sp.solveset(SYMPY_RELATIONS[relation](expr, 0), X, sp.S.Reals)
        pieces = solved.args if isinstance(solved, sp.Union) else (solved,)
        extra += [
            e
            for piece in pieces
            if isinstance(piece, sp.Interval)
            for e in (piece.start, piece.end)
            if e.is_finite
        ]

    def holds(t: sp.Expr) -> bool:
        return combine(relation_holds(expr, relation, t) for expr, relation in constraints)

    check_set_by_probes(g, holds, extra)


CHECKS: dict[str, Checker] = {
    "absolute_value_inequality": check_constraints,
    "inequality_system": check_constraints,
    "rational_inequality": check_constraints,
    "solve_inequality": check_solve_inequality,
}
