"""Structured gold answers and their exact JSON encoding.

Gold answers are sympy objects computed by templates. They are stored as an explicit expression
tree over a whitelist of node types, so decoding never evaluates text (no `sympify`, no `eval`)
and the round trip is exact (no LaTeX re-parsing of our own answers).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import sympy as sp


class AnswerType(StrEnum):
    INTEGER = "integer"  # an exact integer
    RATIONAL = "rational"  # an exact rational number
    REAL = "real"  # an exact real number, possibly irrational (sqrt(2), pi/3, log(5))
    EXPRESSION = "expression"  # an expression in one or more variables
    EQUATION = "equation"  # an equation, e.g. a line y = 2x + 1
    SET = "set"  # an unordered finite set (roots of an equation)
    TUPLE = "tuple"  # an ordered tuple (solution of a system, a point)
    INTERVAL = "interval"  # an interval or union of intervals (solution of an inequality)
    MATRIX = "matrix"


_ATOMS: dict[str, Any] = {
    "pi": sp.pi,
    "E": sp.E,
    "I": sp.I,
    "oo": sp.oo,
    "-oo": -sp.oo,
    "zoo": sp.zoo,
    "true": sp.true,
    "false": sp.false,
    "EmptySet": sp.S.EmptySet,
    "Reals": sp.S.Reals,
}

# Node types with positional sympy arguments that decode as `cls(*args)`.
_NODES: dict[str, Any] = {
    "Add": sp.Add,
    "Mul": sp.Mul,
    "Pow": sp.Pow,
    "Eq": sp.Eq,
    "Lt": sp.StrictLessThan,
    "Le": sp.LessThan,
    "Gt": sp.StrictGreaterThan,
    "Ge": sp.GreaterThan,
    "And": sp.And,
    "Or": sp.Or,
    "FiniteSet": sp.FiniteSet,
    "Tuple": sp.Tuple,
    "Union": sp.Union,
    "Abs": sp.Abs,
    "sin": sp.sin,
    "cos": sp.cos,
    "tan": sp.tan,
    "asin": sp.asin,
    "acos": sp.acos,
    "atan": sp.atan,
    "exp": sp.exp,
    "log": sp.log,
    "factorial": sp.factorial,
    "binomial": sp.binomial,
    "floor": sp.floor,
    "ceiling": sp.ceiling,
}
_NODE_NAMES = {cls: name for name, cls in _NODES.items()}


class GoldEncodingError(ValueError):
    """A sympy object outside the whitelist, or a malformed encoded tree."""


def encode(expr: Any) -> Any:
    """Encode a sympy object as a JSON tree."""
    if isinstance(expr, int):
        expr = sp.Integer(expr)
    if isinstance(expr, sp.Integer):
        return {"int": str(int(expr))}
    if isinstance(expr, sp.Rational):
        return {"rat": [str(expr.p), str(expr.q)]}
    if isinstance(expr, sp.Float):
        return {"float": str(expr)}
    if isinstance(expr, sp.Symbol):
        return {"sym": expr.name}
    for name, atom in _ATOMS.items():
        if expr == atom and type(expr) is type(atom):
            return {"atom": name}
    if isinstance(expr, sp.Interval):
        return {
            "interval": [encode(expr.start), encode(expr.end)],
            "open": [bool(expr.left_open), bool(expr.right_open)],
        }
    if isinstance(expr, sp.MatrixBase):
        return {"matrix": [[encode(x) for x in expr.row(i)] for i in range(expr.rows)]}
    name = _NODE_NAMES.get(expr.func)
    if name is None:
        raise GoldEncodingError(f"cannot encode sympy node {expr.func.__name__}")
    return {"op": name, "args": [encode(a) for a in expr.args]}


def decode(tree: Any) -> Any:
    """Decode a tree made by `encode`. Builds sympy objects directly; never parses text."""
    if not isinstance(tree, dict) or len(tree) not in (1, 2):
        raise GoldEncodingError(f"malformed node: {tree!r:.80}")
    if "int" in tree:
        return sp.Integer(int(tree["int"]))
    if "rat" in tree:
        p, q = tree["rat"]
        return sp.Rational(int(p), int(q))
    if "float" in tree:
        return sp.Float(str(tree["float"]))
    if "sym" in tree:
        return sp.Symbol(str(tree["sym"]))
    if "atom" in tree:
        if tree["atom"] not in _ATOMS:
            raise GoldEncodingError(f"unknown atom {tree['atom']!r}")
        return _ATOMS[tree["atom"]]
    if "interval" in tree:
        lo, hi = (decode(x) for x in tree["interval"])
        left_open, right_open = tree.get("open", [False, False])
        return sp.Interval(lo, hi, bool(left_open), bool(right_open))
    if "matrix" in tree:
        return sp.ImmutableMatrix([[decode(x) for x in row] for row in tree["matrix"]])
    if "op" in tree:
        cls = _NODES.get(tree["op"])
        if cls is None:
            raise GoldEncodingError(f"unknown node {tree['op']!r}")
        args = [decode(a) for a in tree.get("args", [])]
        return cls(*args)
    raise GoldEncodingError(f"malformed node: {tree!r:.80}")


@dataclass(frozen=True)
class MathGold:
    """A gold answer: a sympy value and how to compare against it."""

    type: AnswerType
    value: Any  # a sympy object

    def latex(self) -> str:
        return sp.latex(self.value, ln_notation=True)  # parsers read `\log` as base 10

    def to_json(self) -> dict[str, Any]:
        return {"type": self.type.value, "value": encode(self.value), "latex": self.latex()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MathGold:
        return cls(AnswerType(data["type"]), decode(data["value"]))
