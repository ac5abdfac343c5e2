"""Evaluate an integer arithmetic expression with +, -, * and parentheses (parsing)."""

from __future__ import annotations

import random

from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
def evaluate_expression(text: str) -> int:
    tokens = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isdigit():
            j = i
            while j < len(text) and text[j].isdigit():
                j += 1
            tokens.append(int(text[i:j]))
            i = j
        else:
            if not ch.isspace():
                tokens.append(ch)
            i += 1
    pos = 0

    def expr() -> int:
        nonlocal pos
        value = term()
        while pos < len(tokens) and tokens[pos] in ("+", "-"):
            op = tokens[pos]
            pos += 1
            value = value + term() if op == "+" else value - term()
        return value

    def term() -> int:
        nonlocal pos
        value = atom()
        while pos < len(tokens) and tokens[pos] == "*":
            pos += 1
            value *= atom()
        return value

    def atom() -> int:
        nonlocal pos
        token = tokens[pos]
        pos += 1
        if token == "(":
            value = expr()
            pos += 1
            return value
        return token

    return expr()
"""

WRONG = (
    # strictly left to right, ignoring precedence
    """
def evaluate_expression(text):
    def run(tokens):
        value, op = None, "+"
        while tokens:
            tok = tokens.pop(0)
            if tok == ")":
                break
            if tok in "+-*":
                op = tok
                continue
            x = run(tokens) if tok == "(" else int(tok)
            value = x if value is None else value + x if op == "+" else value - x if op == "-" else value * x
        return value
    import re
    return run(re.findall(r"\\d+|[()+*-]", text))
""",
    # right-associative subtraction: a - b - c read as a - (b - c)
    """
def evaluate_expression(text):
    import re
    tokens = re.findall(r"\\d+|[()+*-]", text)
    pos = 0
    def expr():
        nonlocal pos
        value = term()
        if pos < len(tokens) and tokens[pos] in "+-":
            op = tokens[pos]
            pos += 1
            rest = expr()
            return value + rest if op == "+" else value - rest
        return value
    def term():
        nonlocal pos
        value = atom()
        while pos < len(tokens) and tokens[pos] == "*":
            pos += 1
            value *= atom()
        return value
    def atom():
        nonlocal pos
        tok = tokens[pos]
        pos += 1
        if tok == "(":
            value = expr()
            pos += 1
            return value
        return int(tok)
    return expr()
""",
    # tokenizes one digit at a time (\\d instead of \\d+)
    """
def evaluate_expression(text):
    import re
    tokens = re.findall(r"\\d|[()+*-]", text)
    pos = 0
    def expr():
        nonlocal pos
        value = term()
        while pos < len(tokens) and tokens[pos] in "+-":
            op = tokens[pos]
            pos += 1
            value = value + term() if op == "+" else value - term()
        return value
    def term():
        nonlocal pos
        value = atom()
        while pos < len(tokens) and tokens[pos] == "*":
            pos += 1
            value *= atom()
        return value
    def atom():
        nonlocal pos
        tok = tokens[pos]
        pos += 1
        if tok == "(":
            value = expr()
            pos += 1
            return value
        return int(tok)
    return expr()
""",
)


def _expression(rng: random.Random, depth: int, bound: int) -> str:
    if depth == 0 or rng.random() < 0.25:
        return str(rng.randint(0, bound))
    left, right = _expression(rng, depth - 1, bound), _expression(rng, depth - 1, bound)
    text = f"{left} {rng.choice('+-*-')} {right}"
    return f"({text})" if rng.random() < 0.4 else text


@register
class EvaluateExpression(CodeTemplate):
    name = "evaluate_expression"
    area = "parsing"
    description = "Evaluate + - * expressions with parentheses and precedence (function)."
    style = "call"
    entry_point = "evaluate_expression"
    signature = "def evaluate_expression(text: str) -> int:"
    reference = REFERENCE
    wrong_variants = WRONG

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: nesting depth and number size grow with difficulty.
        depth, bound = (2, 3, 4, 5, 7)[difficulty - 1], (9, 20, 99, 999, 10**6)[difficulty - 1]
        a, b, c = (rng.randint(10, 99) for _ in range(3))
        examples = [["2 + 3 * 4"], [f"({a} - {b}) * 2"], [_expression(rng, 2, 20)]]
        hidden = [[f"{a} - {b} - {c}"], [f"{a}*{b}+{c}"], [f"{c} - ({a} - {b}) * 3"]]
        hidden += [[_expression(rng, depth, bound)] for _ in range(6)]
        statement = (
            "Evaluate an arithmetic expression over non-negative integer literals with the binary "
            "operators +, - and *, parentheses and arbitrary spaces. * binds tighter than + and -, "
            "and operators of equal precedence apply left to right. Return the integer value."
        )
        return CodeItem(statement, examples, hidden)
