"""Order of operations: evaluate an expression with +, -, ×, ÷, powers and parentheses."""

from __future__ import annotations

import random
import re
from typing import Any

import sympy as sp

from problem_templates.math._helpers import one_of
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs per difficulty: (operands, largest number, operators, powers?, negatives?, parentheses)
#   1  3 operands <= 12, + - ×, no parentheses (precedence only)
#   2  4 operands <= 20, + - ×, at least one pair of parentheses
#   3  4-5 operands <= 20, with ÷ (exact) and one square
#   4  5-6 operands <= 15, negative numbers, squares and cubes, nested parentheses
#   5  6-7 operands <= 15, ÷ need not be exact (a fraction results), powers, negatives
LEVELS: dict[int, dict[str, Any]] = {
    1: {"operands": (3, 3), "top": 12, "ops": "+-*", "powers": 0, "negatives": False, "parens": "none"},
    2: {"operands": (4, 4), "top": 20, "ops": "+-*", "powers": 0, "negatives": False, "parens": "some"},
    3: {"operands": (4, 5), "top": 20, "ops": "+-*/", "powers": 1, "negatives": False, "parens": "any"},
    4: {"operands": (5, 6), "top": 15, "ops": "+-*/", "powers": 2, "negatives": True, "parens": "nested"},
    5: {"operands": (6, 7), "top": 15, "ops": "+-*/", "powers": 2, "negatives": True, "parens": "some"},
}
PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "^": 3, "num": 4}
SYMBOL = {"+": "+", "-": "-", "*": "\\times", "/": "\\div"}

# A node is ["num", n] or [op, left, right] or ["^", base, exponent] (JSON-friendly lists).


def _tree(rng: random.Random, operands: int, level: dict[str, Any]) -> list:
    if operands == 1:
        n = rng.randint(1, level["top"])
        return ["num", -n if level["negatives"] and rng.random() < 0.3 else n]
    left = rng.randint(1, operands - 1)
    return [rng.choice(level["ops"]), _tree(rng, left, level), _tree(rng, operands - left, level)]


def _add_powers(rng: random.Random, node: list, count: int) -> list:
    """Raise `count` random subtrees (leaves or small groups, never a power) to the power 2 or 3."""
    for _ in range(count):
        path = node
        while path[0] not in ("num", "^") and rng.random() < 0.7:
            path = path[rng.choice((1, 2))]
        if path[0] == "^":
            continue
        small = path[0] == "num" and abs(path[1]) <= 5
        exponent = 3 if small and rng.random() < 0.4 else 2
        inner = list(path)
        path.clear()
        path.extend(["^", inner, ["num", exponent]])
    return node


def render(node: list) -> str:
    op = node[0]
    if op == "num":
        return str(node[1])
    left, right = node[1], node[2]
    if op == "^":
        base = render(left)
        if left[0] != "num" or left[1] < 0:
            base = f"\\left({base}\\right)"
        return f"{base}^{{{right[1]}}}"

    def wrap(child: list, is_right: bool) -> str:
        text = render(child)
        prec, mine = PRECEDENCE[child[0]], PRECEDENCE[op]
        needs = prec < mine or (is_right and prec == mine and op in "-/")
        if text.startswith("-") and (is_right or op in "*/"):
            needs = True  # 4 + (-8), never 4 + -8
        return f"\\left({text}\\right)" if needs else text

    return f"{wrap(left, False)} {SYMBOL[op]} {wrap(right, True)}"


def evaluate(node: list, exact_division: bool) -> sp.Rational:
    op = node[0]
    if op == "num":
        return sp.Integer(node[1])
    a, b = evaluate(node[1], exact_division), evaluate(node[2], exact_division)
    if op == "/" and (b == 0 or (exact_division and not (a / b).is_integer)):
        raise ArithmeticError("inexact or undefined division")
    value = {"+": a + b, "-": a - b, "*": a * b, "^": a**b, "/": a / b if b else sp.nan}[op]
    if value == 0 or abs(value) > 10**6:  # a zero factor makes the rest pointless
        raise ArithmeticError("zero or huge intermediate value")
    return value


def _nesting(text: str) -> int:
    depth = deepest = 0
    for token in re.findall(r"\\left\(|\\right\)", text):
        depth += 1 if token == "\\left(" else -1
        deepest = max(deepest, depth)
    return deepest


@register
class OrderOfOperations(MathTemplate):
    name = "order_of_operations"
    area = "arithmetic"
    description = "Evaluate an arithmetic expression using the order of operations (PEMDAS/BODMAS)."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        level = LEVELS[difficulty]
        while True:
            tree = _add_powers(rng, _tree(rng, rng.randint(*level["operands"]), level), level["powers"])
            text = render(tree)
            groups = text.count("\\left(")
            if level["parens"] == "none" and groups:
                continue
            if level["parens"] in ("some", "nested") and groups == 0:
                continue
            if level["parens"] == "nested" and _nesting(text) < 2:
                continue
            try:
                value = evaluate(tree, exact_division=difficulty < 5)
            except ArithmeticError:
                continue
            if abs(value) <= 10**5 and value.q <= 500 and (difficulty < 5 or not value.is_integer):
                break
        question = one_of(
            rng,
            (
                "Evaluate ${e}$.",
                "What is the value of ${e}$?",
                "Compute ${e}$, following the order of operations.",
                "Calculate ${e}$.",
                "Find the value of the expression ${e}$.",
            ),
            e=text,
        )
        atype = AnswerType.INTEGER if value.is_integer else AnswerType.RATIONAL
        if atype is AnswerType.RATIONAL:
            question += " Give your answer as a fraction in lowest terms."
        return MathItem(question, value, atype, {"tree": tree, "latex": text})
