"""Arrangements in a row (or around a table) with restrictions; the answer is a count."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import NAMES, PLACES, one_of
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (the restriction, and so the counting principle; n stays <= 8):
#   1  one person fixed at the left end, or at one of the two ends            (4 <= n <= 8)
#   2  two people next to each other (glue them), or A somewhere left of B   (symmetry)
#   3  two people not next to each other (complement), or three people in a block
#   4  A not first and B not last (inclusion-exclusion), or two separate pairs each together
#   5  two groups alternating (sizes 2-7), or A and B together around a round table (rotations equal)

F = sp.factorial
GROUPS = (
    ("boys", "girls"),
    ("adults", "children"),
    ("teachers", "students"),
    ("violinists", "cellists"),
    ("red cars", "blue cars"),
    ("cats", "dogs"),
    ("poets", "painters"),
    ("runners", "swimmers"),
)
ROW = (
    "The ${n}$ friends {people} line up in a row for a photo.",
    "{people} sit on a bench with ${n}$ seats in a row.",
    "The ${n}$ customers {people} queue one behind another at a ticket window.",
    "{people} are assigned to lanes $1$ to ${n}$ of a running track, one per lane.",
)
ASK = (
    "In how many ways can this be done if {rule}?",
    "How many arrangements are possible if {rule}?",
    "Count the possible orders if {rule}.",
)
RULES = {
    "end_fixed": "{a} must be first",
    "either_end": "{a} must be at one of the two ends",
    "together": "{a} and {b} insist on being next to each other",
    "left_of": "{a} must be somewhere before {b} (not necessarily adjacent)",
    "apart": "{a} and {b} refuse to be next to each other",
    "block3": "{a}, {b} and {c} must be together (in any order among themselves)",
    "not_first_not_last": "{a} may not be first and {b} may not be last",
    "two_pairs": "{a} must be next to {b}, and {c} must be next to {d}",
}
LEVEL_KINDS = {
    1: ("end_fixed", "either_end"),
    2: ("together", "left_of"),
    3: ("apart", "block3"),
    4: ("not_first_not_last", "two_pairs"),
    5: ("alternate", "circle_together"),
}


def count(kind: str, n: int, groups: tuple[int, int] = (0, 0)) -> sp.Integer:
    """The number of arrangements, by the counting principle for each kind of restriction."""
    formulas = {
        "end_fixed": lambda: F(n - 1),
        "either_end": lambda: 2 * F(n - 1),
        "together": lambda: 2 * F(n - 1),
        "left_of": lambda: F(n) / 2,
        "apart": lambda: F(n) - 2 * F(n - 1),
        "block3": lambda: F(3) * F(n - 2),
        "not_first_not_last": lambda: F(n) - 2 * F(n - 1) + F(n - 2),
        "two_pairs": lambda: 4 * F(n - 2),
        "circle_together": lambda: 2 * F(n - 2),
        "alternate": lambda: (2 if groups[0] == groups[1] else 1) * F(groups[0]) * F(groups[1]),
    }
    return sp.Integer(formulas[kind]())


def _names(names: list[str]) -> str:
    return ", ".join(names[:-1]) + " and " + names[-1]


@register
class RestrictedArrangements(MathTemplate):
    name = "restricted_arrangements"
    area = "combinatorics"
    description = "Permutations in a row or circle with adjacency, position and order restrictions."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        kind = rng.choice(LEVEL_KINDS[difficulty])
        if kind == "alternate":
            boys = rng.randint(2, 6)
            girls = boys + rng.choice((-1, 0, 1))
            group = rng.choice(GROUPS)
            question = f"At an event in {rng.choice(PLACES)}: " + one_of(
                rng,
                (
                    "${b}$ distinguishable {x} and ${g}$ distinguishable {y} are to be arranged in a row so "
                    "that no two {x} and no two {y} are next to each other. How many arrangements are "
                    "possible?",
                    "In how many ways can ${b}$ different {x} and ${g}$ different {y} stand in a line if "
                    "the {x} and {y} must alternate?",
                    "A row is formed from ${b}$ different {x} and ${g}$ different {y}, alternating between "
                    "{x} and {y}. How many such rows are there?",
                ),
                b=boys,
                g=girls,
                x=group[0],
                y=group[1],
            )
            metadata = {"kind": kind, "n": boys + girls, "groups": [boys, girls]}
            return MathItem(question, count(kind, boys + girls, (boys, girls)), AnswerType.INTEGER, metadata)
        n = (
            rng.randint(5, 8)
            if kind in ("circle_together", "two_pairs", "not_first_not_last")
            else rng.randint(4, 8)
        )
        people = rng.sample(NAMES, n)
        a, b, c, d = (people + people)[:4]
        special = dict(a=a, b=b, c=c, d=d)
        roster = rng.sample(people, n)  # the order in which they are introduced
        if kind == "circle_together":
            question = one_of(
                rng,
                (
                    "The ${n}$ guests {people} sit around a round table. Seatings that differ only by a "
                    "rotation count as the same. In how many ways can they sit if {a} and {b} must sit next "
                    "to each other?",
                    "In how many distinct ways (up to rotation) can the ${n}$ people {people} be seated at "
                    "a circular table so that {a} sits beside {b}?",
                    "{people} (${n}$ people) are seated around a circular table; rotations of a seating are "
                    "not counted as different. How many seatings put {a} and {b} side by side?",
                ),
                people=_names(roster),
                n=n,
                **special,
            )
        else:
            intro = one_of(rng, ROW, people=_names(roster), n=n)
            rule = RULES[kind].format(**special)
            question = f"{intro} {one_of(rng, ASK, rule=rule)}"
        metadata = {"kind": kind, "n": n}
        return MathItem(question, count(kind, n), AnswerType.INTEGER, metadata)
