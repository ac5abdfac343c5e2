"""n-th terms of arithmetic and geometric sequences, from the first terms or from two given terms."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import NAMES, nonzero, one_of
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (kind of sequence, what is given, what is asked):
#   1  arithmetic: the first terms are listed; find the n-th term (n <= 60)
#   2  arithmetic: two non-consecutive terms are given; find another term (fractional d possible)
#   3  geometric with an integer ratio: the first terms are listed; find the n-th term (n <= 14)
#   4  geometric: two terms given, an odd gap (so the ratio is determined), fractional ratio possible
#   5  find the position: which term of an arithmetic sequence equals v, or the first term of a
#      geometric sequence that exceeds a bound

A, D, N = sp.symbols("a d n")


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _article(kind: str) -> str:
    return "an" if kind[0] in "aeiou" else "a"


def _terms(first: sp.Rational, step: sp.Rational, geometric: bool, count: int = 4) -> str:
    values = [first * step**i if geometric else first + i * step for i in range(count)]
    return ", ".join(f"${sp.latex(v)}$" for v in values) + ", $\\dots$"


@register
class SequenceTerm(MathTemplate):
    name = "sequence_term"
    area = "sequences"
    description = (
        "n-th terms of arithmetic and geometric sequences, from listed or given terms, and positions."
    )

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        if difficulty in (1, 3):
            geometric = difficulty == 3
            first = sp.Integer(nonzero(rng, 20))
            step = sp.Integer(nonzero(rng, 15) if not geometric else rng.choice((2, 3, -2, -3, 4, 5, -4)))
            n = rng.randint(8, 60) if not geometric else rng.randint(5, 14)
            value = first * step ** (n - 1) if geometric else first + (n - 1) * step
            kind = "geometric" if geometric else "arithmetic"
            question = one_of(
                rng,
                (
                    "The {kind} sequence {terms} continues in the same way. What is its {nth} term?",
                    "Find the {nth} term of the {kind} sequence {terms}.",
                    "{name} writes the {kind} sequence {terms}. What is term number ${n}$?",
                ),
                kind=kind,
                terms=_terms(first, step, geometric),
                n=n,
                nth=ordinal(n),
                name=rng.choice(NAMES),
            )
            metadata = {
                "kind": kind,
                "known": [[1, str(first)], [2, str(first * step if geometric else first + step)]],
                "n": n,
            }
            return MathItem(question, value, AnswerType.INTEGER, metadata)
        if difficulty in (2, 4):
            geometric = difficulty == 4
            while True:
                m, k = sorted(rng.sample(range(1, 16 if not geometric else 9), 2))
                if geometric and (k - m) % 2 == 0:
                    continue
                n = rng.randint(1, 20 if not geometric else 10)
                if n in (m, k):
                    continue
                if geometric:
                    first = sp.Rational(nonzero(rng, 9)) * rng.choice((1, 2, 4, 8))
                    step = rng.choice(
                        (2, 3, -2, -3, sp.Rational(1, 2), sp.Rational(-1, 2), sp.Rational(3, 2))
                    )
                    term = [first * step ** (i - 1) for i in (m, k)]
                else:
                    first, step = (
                        sp.Integer(rng.randint(-30, 30)),
                        sp.Rational(nonzero(rng, 12), rng.choice((1, 1, 2))),
                    )
                    term = [first + (i - 1) * step for i in (m, k)]
                if all(t.q <= 1000 and abs(t.p) <= 10**6 for t in term):
                    break
            # recover the sequence from the two given terms, as a solver would
            if geometric:
                ratio = sp.real_root(term[1] / term[0], k - m)
                value = term[0] * ratio ** (n - m)
            else:
                solution = sp.solve(
                    [sp.Eq(A + (m - 1) * D, term[0]), sp.Eq(A + (k - 1) * D, term[1])], [A, D]
                )
                value = solution[A] + (n - 1) * solution[D]
            kind = "geometric" if geometric else "arithmetic"
            question = one_of(
                rng,
                (
                    "In {an} {kind} sequence, the {mth} term is ${tm}$ and the {kth} term is ${tk}$. Find "
                    "the {nth} term.",
                    "{An} {kind} sequence has $a_{{{m}}} = {tm}$ and $a_{{{k}}} = {tk}$. What is "
                    "$a_{{{n}}}$?",
                    "Term ${m}$ of {an} {kind} sequence is ${tm}$ and term ${k}$ is ${tk}$. Determine term "
                    "${n}$.",
                ),
                kind=kind,
                m=m,
                k=k,
                n=n,
                tm=sp.latex(term[0]),
                tk=sp.latex(term[1]),
                an=_article(kind),
                An=_article(kind).capitalize(),
                mth=ordinal(m),
                kth=ordinal(k),
                nth=ordinal(n),
            )
            metadata = {"kind": kind, "known": [[m, str(term[0])], [k, str(term[1])]], "n": n}
            atype = AnswerType.INTEGER if value.is_integer else AnswerType.RATIONAL
            return MathItem(question, sp.Rational(value), atype, metadata)
        if rng.random() < 0.5:
            first, step = sp.Integer(rng.randint(-50, 50)), sp.Integer(nonzero(rng, 12))
            n = rng.randint(10, 200)
            target = first + (n - 1) * step
            (position,) = sp.solve(sp.Eq(first + (N - 1) * step, target), N)
            question = one_of(
                rng,
                (
                    "Which term of the arithmetic sequence {terms} is equal to ${v}$?",
                    "In the sequence {terms} (arithmetic), the number ${v}$ appears as the $n$th term. Find "
                    "$n$.",
                    "The arithmetic sequence {terms} eventually reaches ${v}$. At which position?",
                ),
                terms=_terms(first, step, False),
                v=target,
            )
            metadata = {"kind": "position", "first": int(first), "step": int(step), "target": int(target)}
            return MathItem(question, position, AnswerType.INTEGER, metadata)
        first, step = rng.randint(1, 9), rng.choice((2, 3, 5))
        bound = rng.randint(10**3, 10**7)
        position = next(i for i in range(1, 200) if sp.Integer(first) * step ** (i - 1) > bound)
        question = one_of(
            rng,
            (
                "The geometric sequence {terms} grows without bound. What is the position of the first term "
                "greater than ${b}$?",
                "For the sequence {terms} (geometric), find the smallest $n$ with $a_{{n}} > {b}$.",
            ),
            terms=_terms(sp.Integer(first), sp.Integer(step), True),
            b=bound,
        )
        metadata = {"kind": "exceeds", "first": first, "step": step, "bound": bound}
        return MathItem(question, sp.Integer(position), AnswerType.INTEGER, metadata)
