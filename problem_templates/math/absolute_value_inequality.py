"""Absolute value inequalities; the answer is an interval or a union of intervals."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import X, is_interval_answer, nonzero, one_of, sign_chart, tex
from verigen.math.gold import AnswerType, encode
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (what is inside and outside the bars; the shape of the answer):
#   1  |x - a| < c  or  <= c                            (a bounded interval)
#   2  |a x + b| > c  or  >= c                          (a union of two rays)
#   3  |a x + b| compared with c x + d                  (a ray or an interval; cases to discard)
#   4  |a x + b| compared with |c x + d|
#   5  |x - p| + |x - q| compared with c, or  c <= |a x + b| < d  (two pieces, three cases)

RELATIONS = ("<", "<=", ">", ">=")
LATEX = {"<": "<", "<=": "\\le", ">": ">", ">=": "\\ge"}
PHRASINGS = (
    "Solve ${ineq}$. Write the solution set in interval notation.",
    "Find all real $x$ with ${ineq}$. Give your answer as an interval or a union of intervals.",
    "For which real numbers $x$ is ${ineq}$ true? Use interval notation.",
    "Determine the set of all real $x$ satisfying ${ineq}$, in interval notation.",
)


def _problem(rng: random.Random, difficulty: int) -> tuple[list[tuple[sp.Expr, str]], str]:
    """Constraints `expr relation 0` that must all hold, and the inequality as LaTeX."""
    if difficulty == 1:
        a, c, rel = rng.randint(-30, 30), rng.randint(1, 25), rng.choice(("<", "<="))
        lhs, rhs = sp.Abs(X - a), sp.Integer(c)
        if rng.random() < 0.3:  # written the other way round: c > |x - a|
            return [(lhs - rhs, rel)], f"{c} {LATEX[{'<': '>', '<=': '>='}[rel]]} {tex(lhs)}"
    elif difficulty == 2:
        lhs = sp.Abs(rng.randint(2, 7) * X + nonzero(rng, 15))
        rhs, rel = sp.Integer(rng.randint(1, 20)), rng.choice((">", ">="))
    elif difficulty == 3:
        lhs, rhs = sp.Abs(nonzero(rng, 6) * X + nonzero(rng, 12)), nonzero(rng, 5) * X + rng.randint(-12, 12)
        rel = rng.choice(RELATIONS)
    elif difficulty == 4:
        lhs = sp.Abs(nonzero(rng, 6) * X + nonzero(rng, 12))
        rhs, rel = sp.Abs(nonzero(rng, 6) * X + nonzero(rng, 12)), rng.choice(RELATIONS)
    elif rng.random() < 0.5:
        p, q = rng.sample(range(-9, 10), 2)
        lhs, rhs, rel = sp.Abs(X - p) + sp.Abs(X - q), sp.Integer(rng.randint(1, 20)), rng.choice(RELATIONS)
    else:
        inner = rng.randint(2, 6) * X + nonzero(rng, 12)
        low, high = sorted(rng.sample(range(1, 16), 2))
        low_rel, high_rel = rng.choice(("<", "<=")), rng.choice(("<", "<="))
        text = f"{low} {LATEX[low_rel]} {tex(sp.Abs(inner))} {LATEX[high_rel]} {high}"
        # low < |inner|  is  |inner| - low > 0;  |inner| < high  is  |inner| - high < 0
        flipped = {"<": ">", "<=": ">="}[low_rel]
        return [(sp.Abs(inner) - low, flipped), (sp.Abs(inner) - high, high_rel)], text
    return [(lhs - rhs, rel)], f"{tex(lhs)} {LATEX[rel]} {tex(rhs)}"


@register
class AbsoluteValueInequality(MathTemplate):
    name = "absolute_value_inequality"
    area = "inequalities"
    description = "Absolute value inequalities; the answer is an interval or a union of intervals."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        while True:
            constraints, text = _problem(rng, difficulty)
            answer = sp.Intersection(*(sign_chart(e, r) for e, r in constraints))
            if is_interval_answer(answer):
                break
        question = one_of(rng, PHRASINGS, ineq=text)
        metadata = {
            "constraints": [{"expr": encode(e), "relation": r} for e, r in constraints],
            "latex": text,
        }
        return MathItem(question, answer, AnswerType.INTERVAL, metadata)
