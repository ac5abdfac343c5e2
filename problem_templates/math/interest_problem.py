"""Simple and compound interest: interest earned, rates, final amounts, principals; exact answers."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import NAMES, PLACES, decimal
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (simple vs compound, compounding frequency, years, forwards or backwards):
#   1  simple interest earned on P at r% for t years
#   2  simple interest backwards: the rate from P, t and the interest (or the time from P, r, interest)
#   3  compound interest, compounded yearly, for 2-4 years: the final amount
#   4  compounded twice a year (1-2 years) or quarterly (1 year): the final amount
#   5  compound interest backwards: the principal that grows to a given amount, or the extra interest
#      earned by compounding yearly instead of simple interest

BANKS = ("a savings account", "a credit union", "a bond", "a deposit certificate", "a family loan")
X = sp.Symbol("x")
FREQUENCY = {2: "twice a year", 4: "quarterly"}


def compound(principal: sp.Rational, rate: sp.Rational, periods_per_year: int, years: int) -> sp.Rational:
    return principal * (1 + rate / 100 / periods_per_year) ** (periods_per_year * years)


@register
class InterestProblem(MathTemplate):
    name = "interest_problem"
    area = "word_problems"
    description = "Simple and compound interest stories: interest, rates, final amounts and principals."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        name, place, bank = rng.choice(NAMES), rng.choice(PLACES), rng.choice(BANKS)
        principal = sp.Integer(rng.randint(2, 400) * rng.choice((10, 25, 50, 100)))
        rate = (
            sp.Integer(rng.randint(1, 12))
            if difficulty != 4
            else sp.Integer(rng.choice((2, 4, 6, 8, 10, 12)))
        )
        years = (
            rng.randint(2, 10)
            if difficulty <= 2
            else rng.randint(2, 4)
            if difficulty != 4
            else rng.randint(1, 3)
        )
        if difficulty == 1:
            value = principal * rate / 100 * years
            question = (
                f"{name} puts ${principal}$ dollars into {bank} in {place} paying ${rate}\\%$ simple "
                "interest per "
                f"year. How much interest, in dollars, has been earned after ${years}$ years?"
            )
            metadata = {
                "kind": "simple_interest",
                "principal": int(principal),
                "rate": int(rate),
                "years": years,
            }
        elif difficulty == 2:
            interest = principal * rate / 100 * years
            if rng.random() < 0.5:
                (value,) = sp.solve(sp.Eq(principal * X / 100 * years, interest), X)
                question = (
                    f"{name} invested ${principal}$ dollars in {bank} at simple interest and earned "
                    f"${decimal(interest)}$ dollars of interest in ${years}$ years. What was the annual "
                    "interest rate, in percent?"
                )
                metadata = {
                    "kind": "simple_rate",
                    "principal": int(principal),
                    "interest": str(interest),
                    "years": years,
                }
            else:
                (value,) = sp.solve(sp.Eq(principal * rate / 100 * X, interest), X)
                question = (
                    f"How many years does it take ${principal}$ dollars in {bank} in {place}, at ${rate}\\%$ "
                    f"simple interest per year, to earn ${decimal(interest)}$ dollars of interest?"
                )
                metadata = {
                    "kind": "simple_time",
                    "principal": int(principal),
                    "interest": str(interest),
                    "rate": int(rate),
                }
        elif difficulty == 3:
            value = compound(principal, rate, 1, years)
            question = (
                f"{name} deposits ${principal}$ dollars in {bank} in {place} that pays ${rate}\\%$ interest "
                "per year, "
                f"compounded yearly. What is the balance, in dollars, after ${years}$ years? Give the exact "
                "amount (do not round to cents)."
            )
            metadata = {
                "kind": "compound",
                "principal": int(principal),
                "rate": int(rate),
                "per_year": 1,
                "years": years,
            }
        elif difficulty == 4:
            per_year = rng.choice((2, 4))
            years = rng.randint(1, 4 // per_year)  # at most four compounding periods
            value = compound(principal, rate, per_year, years)
            question = (
                f"{name} invests ${principal}$ dollars at an annual rate of ${rate}\\%$, compounded "
                f"{FREQUENCY[per_year]}. What is the investment worth after ${years}$ "
                f"year{'s' if years > 1 else ''}, in dollars? Give the "
                "exact amount (do not round)."
            )
            metadata = {
                "kind": "compound",
                "principal": int(principal),
                "rate": int(rate),
                "per_year": per_year,
                "years": years,
            }
        elif rng.random() < 0.5:
            target = compound(principal, rate, 1, years)
            (value,) = sp.solve(sp.Eq(compound(X, rate, 1, years), target), X)
            question = (
                f"How much must {name} deposit today in {bank} paying ${rate}\\%$ per year, compounded "
                "yearly, to "
                f"have exactly ${decimal(target)}$ dollars after ${years}$ years?"
            )
            metadata = {"kind": "principal", "target": str(target), "rate": int(rate), "years": years}
        else:
            value = compound(principal, rate, 1, years) - principal * (1 + rate / 100 * years)
            question = (
                f"{name} compares two ways to invest ${principal}$ dollars for ${years}$ years at "
                f"${rate}\\%$ per "
                "year: simple interest, or interest compounded yearly. How many more dollars does "
                "compounding earn? Give the exact amount."
            )
            metadata = {"kind": "difference", "principal": int(principal), "rate": int(rate), "years": years}
        value = sp.Rational(value)
        atype = AnswerType.INTEGER if value.is_integer else AnswerType.RATIONAL
        return MathItem(question, value, atype, metadata)
