"""Systems and compound inequalities ("and" / "or"); the answer is an interval or a union."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import X, is_interval_answer, nonzero, one_of, sign_chart, tex
from verigen.math.gold import AnswerType, encode
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (number of inequalities, signs and fractions in coefficients, connective):
#   1  two linear inequalities joined by "and", positive x-coefficients, integer data
#   2  two linear inequalities with x on both sides and negative coefficients (the sign flips)
#   3  two linear inequalities joined by "or" (a union of rays, or a single ray)
#   4  three linear inequalities with fractional coefficients (one may be redundant)
#   5  a quadratic inequality together with a linear one

RELATIONS = ("<", "<=", ">", ">=")
LATEX = {"<": "<", "<=": "\\le", ">": ">", ">=": "\\ge"}
AND_PHRASINGS = (
    "Solve the system of inequalities ${system}$. Give the solution set in interval notation.",
    "Find all real $x$ that satisfy ${system}$. Write the answer as an interval or union of intervals.",
    "Which real numbers $x$ satisfy every inequality in ${system}$? Use interval notation.",
)
OR_PHRASINGS = (
    "Solve the compound inequality {system}. Give the solution set in interval notation.",
    "Find all real $x$ such that {system}. Write the answer in interval notation.",
    "For which real $x$ is it true that {system}? Use interval notation.",
)


def _linear(rng: random.Random, difficulty: int) -> tuple[sp.Expr, sp.Expr, str]:
    rel = rng.choice(RELATIONS)
    if difficulty == 1:
        return rng.randint(1, 9) * X + rng.randint(-15, 15), sp.Integer(rng.randint(-20, 20)), rel
    if difficulty in (2, 3):
        lhs = nonzero(rng, 9) * X + rng.randint(-15, 15)
        return lhs, nonzero(rng, 9) * X + rng.randint(-15, 15), rel
    a = sp.Rational(nonzero(rng, 7), rng.choice((2, 3, 4, 5)))
    b = sp.Rational(rng.randint(-9, 9), rng.choice((1, 2, 3)))
    return a * X + b, sp.Rational(rng.randint(-12, 12), rng.choice((1, 2, 3, 4))), rel


def _quadratic(rng: random.Random) -> tuple[sp.Expr, sp.Expr, str]:
    """lead (x - r1)(x - r2) + shift compared with shift: integer roots, written expanded."""
    r1, r2 = sorted(rng.sample(range(-9, 10), 2))
    lead, shift = rng.choice((1, 1, 2, -1)), rng.randint(-5, 5)
    return sp.expand(lead * (X - r1) * (X - r2)) + shift, sp.Integer(shift), rng.choice(RELATIONS)


def _text(lhs: sp.Expr, rhs: sp.Expr, rel: str) -> str:
    return f"{tex(lhs)} {LATEX[rel]} {tex(rhs)}"


@register
class InequalitySystem(MathTemplate):
    name = "inequality_system"
    area = "inequalities"
    description = "Systems of inequalities joined by and/or, linear and quadratic; interval answers."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        connective = "or" if difficulty == 3 else "and"
        while True:
            count = 3 if difficulty == 4 else 2
            parts = [_quadratic(rng)] if difficulty == 5 else []
            parts += [_linear(rng, difficulty) for _ in range(count - len(parts))]
            if any(not sp.expand(lhs - rhs).has(X) for lhs, rhs, _ in parts):
                continue
            sets = [sign_chart(sp.expand(lhs - rhs), rel) for lhs, rhs, rel in parts]
            answer = sp.Intersection(*sets) if connective == "and" else sp.Union(*sets)
            # every inequality must matter (dropping one changes the answer), except at level 4
            if not is_interval_answer(answer):
                continue
            combine = sp.Intersection if connective == "and" else sp.Union
            redundant = sum(
                combine(*(s for j, s in enumerate(sets) if j != i)) == answer for i in range(len(sets))
            )
            # three rays meet in at most two binding ends: one of three may be redundant (a distractor)
            if redundant <= (1 if difficulty == 4 else 0):
                break
        texts = [_text(*part) for part in parts]
        if connective == "or":
            system = " or ".join(f"${t}$" for t in texts)
            question = one_of(rng, OR_PHRASINGS, system=system)
        else:
            if rng.random() < 0.5:
                system = "\\begin{cases} " + " \\\\ ".join(texts) + " \\end{cases}"
            else:
                system = ",\\ ".join(texts)
            question = one_of(rng, AND_PHRASINGS, system=system)
        metadata = {
            "constraints": [
                {"expr": encode(sp.expand(lhs - rhs)), "relation": rel} for lhs, rhs, rel in parts
            ],
            "connective": connective,
        }
        return MathItem(question, answer, AnswerType.INTERVAL, metadata)
