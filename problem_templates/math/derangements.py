"""Derangements: arrangements with no (or exactly k, or at least one) item in its own place."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import NAMES, PLACES, one_of
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (n, and the event counted):
#   1  no item in its own place, 3 <= n <= 6
#   2  no item in its own place, 5 <= n <= 8
#   3  exactly k items in their own places, 4 <= n <= 8
#   4  at least one item in its own place, or at most k, 4 <= n <= 8
#   5  probability of no fixed point or of exactly k fixed points (a fraction), 4 <= n <= 8

# Each setting: (story with {n}, {name}, {place}; who or what is counted; the event for one of them)
SETTINGS = (
    (
        "In {place}, {name} writes ${n}$ letters to ${n}$ different friends, addresses ${n}$ envelopes, "
        "then puts the letters into the envelopes at random, one per envelope.",
        "letters",
        "go into the correct envelope",
    ),
    (
        "At {name}'s party in {place}, ${n}$ guests check their hats; the attendant hands the hats back at "
        "random.",
        "guests",
        "get their own hat back",
    ),
    (
        "${n}$ colleagues of {name} in {place} put their names in a hat for a gift exchange, and each draws "
        "one name.",
        "colleagues",
        "draw their own name",
    ),
    (
        "A teacher in {place}, {name}, hands ${n}$ graded tests back to the ${n}$ students at random.",
        "students",
        "receive their own test",
    ),
    (
        "{name} shuffles ${n}$ labelled keys from a hotel in {place} and puts one key into each of ${n}$ "
        "labelled locks.",
        "keys",
        "end up in the lock with their own label",
    ),
    (
        "After a swim in {place}, ${n}$ friends of {name} grab towels from a pile at random, one each.",
        "friends",
        "take their own towel",
    ),
    (
        "{name} returns ${n}$ borrowed books to ${n}$ neighbours in {place} without checking, one book each.",
        "neighbours",
        "get their own book back",
    ),
    (
        "A cloakroom in {place} returns ${n}$ coats to their ${n}$ owners at random; {name} is on duty.",
        "owners",
        "receive their own coat",
    ),
)
LEVELS = {1: (3, 6), 2: (5, 8), 3: (4, 8), 4: (4, 8), 5: (4, 8)}


def fixed_point_count(n: int, k: int) -> sp.Integer:
    """Permutations of n items with exactly k fixed points: C(n, k) D(n - k)."""
    return sp.binomial(n, k) * sp.subfactorial(n - k)


def _singular(event: str) -> str:
    """'get their own hat back' -> 'gets their own hat back' (for 'no guest ...')."""
    verb, rest = event.split(" ", 1)
    return f"{ {'go': 'goes'}.get(verb, verb + 's') } {rest}"


@register
class Derangements(MathTemplate):
    name = "derangements"
    area = "combinatorics"
    description = "Counting and probabilities of permutations with no, exactly k or at least one fixed point."
    small_space = "small n by design: a few hundred distinct prompts per difficulty"

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        n = rng.randint(*LEVELS[difficulty])
        story, things, event = rng.choice(SETTINGS)
        intro = story.format(n=n, name=rng.choice(NAMES), place=rng.choice(PLACES))
        if difficulty <= 2:
            ask, ks = "none", [0]
            tail = one_of(
                rng,
                (
                    "In how many of the possible outcomes do none of the {t} {e}?",
                    "Count the outcomes in which no {one} {e2}.",
                    "How many outcomes are there in which none of the {t} {e}?",
                ),
                t=things,
                e=event,
                one=things[:-1],
                e2=_singular(event),
            )
        elif difficulty == 3:
            k = rng.randint(1, n - 2)
            ask, ks = "exactly", [k]
            tail = rng.choice(
                (
                    f"In how many outcomes do exactly ${k}$ of the {things} {event}?",
                    f"Count the outcomes in which precisely ${k}$ of the {things} {event}.",
                    f"How many of the possible outcomes have exactly ${k}$ {things} that {event}?",
                )
            )
        elif difficulty == 4:
            if rng.random() < 0.5:
                ask, ks = "at_least_one", list(range(1, n + 1))
                tail = rng.choice(
                    (
                        f"In how many outcomes do one or more of the {things} {event}?",
                        f"Count the outcomes in which at least one of the {things} {_singular(event)}.",
                        f"How many outcomes are not complete mix-ups, that is, some of the {things} {event}?",
                    )
                )
            else:
                k = rng.randint(1, n - 3)
                ask, ks = "at_most", list(range(0, k + 1))
                tail = rng.choice(
                    (
                        f"In how many outcomes do at most ${k}$ of the {things} {event}?",
                        f"Count the outcomes in which no more than ${k}$ of the {things} {event}.",
                        f"How many outcomes have ${k}$ or fewer {things} that {event}?",
                    )
                )
        else:
            k = rng.choice((0, 0, 1, 2))
            ask, ks = "probability", [k]
            which = f"exactly ${k}$ of the {things}" if k else f"none of the {things}"
            tail = rng.choice(
                (
                    f"What is the probability that {which} {event}?",
                    f"Find the probability that {which} {event}.",
                    f"How likely is it that {which} {event}?",
                )
            )
            tail += " Give a fraction in lowest terms."
        total = sp.Add(*(fixed_point_count(n, k) for k in ks))
        answer = total / sp.factorial(n) if ask == "probability" else total
        atype = AnswerType.RATIONAL if ask == "probability" else AnswerType.INTEGER
        return MathItem(f"{intro} {tail}", answer, atype, {"n": n, "fixed_points": ks, "ask": ask})
