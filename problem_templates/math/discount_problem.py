"""Shopping percentages: discounts, sales tax, original prices, successive discounts, markup and profit."""

from __future__ import annotations

import random

import sympy as sp

from problem_templates.math._helpers import NAMES, PLACES, decimal
from verigen.math.gold import AnswerType
from verigen.templates import MathItem, MathTemplate, register

# Knobs by difficulty (number of percentage steps, and whether the question runs backwards):
#   1  a price after one discount
#   2  a price after a discount and then sales tax on the reduced price
#   3  the original price from the sale price and the discount (backwards)
#   4  two successive discounts: the single equivalent discount, in percent
#   5  a markup on cost followed by a discount: the profit (or loss) as a percent of cost

ITEMS = (
    "jacket",
    "bicycle",
    "laptop",
    "pair of headphones",
    "sofa",
    "kettle",
    "tent",
    "guitar",
    "winter coat",
    "camera",
    "desk lamp",
    "pair of running shoes",
)
SHOPS = ("a department store", "a small shop", "an online store", "a market stall", "an outlet")
P = sp.Symbol("p")


def _price(value: sp.Rational) -> str:
    """Dollars with two decimals when there are cents (644.70, not 644.7); exact otherwise."""
    if (value * 100).is_integer and not value.is_integer:
        return _money(int(value * 100))
    return decimal(value)


def _money(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}" if cents % 100 else str(cents // 100)


@register
class DiscountProblem(MathTemplate):
    name = "discount_problem"
    area = "word_problems"
    description = "Discounts, tax, original prices, successive discounts and markups in shopping stories."

    def generate(self, rng: random.Random, difficulty: int) -> MathItem:
        name, item, place, shop = rng.choice(NAMES), rng.choice(ITEMS), rng.choice(PLACES), rng.choice(SHOPS)
        where = f"{shop} in {place}"
        cents = rng.randint(10, 2000) * rng.choice((100, 100, 5, 1))
        price = sp.Rational(cents, 100)
        d = rng.choice((5, 10, 12, 15, 20, 25, 30, 35, 40, 45, 50, 60, 70)) + rng.choice((0, 0, 0, 2, 3))
        if difficulty == 1:
            value = price * (1 - sp.Rational(d, 100))
            question = rng.choice(
                (
                    f"A {item} at {where} costs ${_money(cents)}$ dollars. It is on sale for ${d}\\%$ off. "
                    f"What is the sale price in dollars?",
                    f"{name} sees a {item} priced at ${_money(cents)}$ dollars at {where}, with a ${d}\\%$ "
                    "discount. "
                    f"How much does {name} pay, in dollars?",
                    f"At {where}, a ${d}\\%$ discount is applied to a {item} that normally costs "
                    f"${_money(cents)}$ "
                    "dollars. Find the discounted price in dollars.",
                )
            )
            metadata = {"kind": "discount", "price": str(price), "discounts": [d]}
        elif difficulty == 2:
            tax = rng.choice((5, 6, 7, 8, 10, 12, 15, 20))
            value = price * (1 - sp.Rational(d, 100)) * (1 + sp.Rational(tax, 100))
            question = rng.choice(
                (
                    f"{name} buys a {item} at {where}. The tag says ${_money(cents)}$ dollars, there is "
                    f"${d}\\%$ off, and then ${tax}\\%$ sales tax is charged on the reduced price. What does "
                    f"{name} pay, "
                    "in dollars?",
                    f"A {item} listed at ${_money(cents)}$ dollars at {where} is discounted by ${d}\\%$; a "
                    f"tax of ${tax}\\%$ "
                    "is then added to the sale price. Find the final cost in dollars.",
                    f"At {where}, {name} picks a {item} marked ${_money(cents)}$ dollars. The cashier takes "
                    f"${d}\\%$ off and then adds ${tax}\\%$ tax on what is left. What is the total, in "
                    f"dollars?",
                )
            )
            metadata = {"kind": "discount_tax", "price": str(price), "discounts": [d], "tax": tax}
        elif difficulty == 3:
            sale = price * (
                1 - sp.Rational(d, 100)
            )  # the question shows the sale price; the answer is `price`
            (value,) = sp.solve(sp.Eq(P * (1 - sp.Rational(d, 100)), sale), P)
            question = rng.choice(
                (
                    f"After a ${d}\\%$ discount, a {item} at {where} costs ${_price(sale)}$ dollars. What "
                    "was the original price in dollars?",
                    f"{name} paid ${_price(sale)}$ dollars for a {item} at {where} during a ${d}\\%$-off "
                    "sale. What was its price before the sale, in dollars?",
                    f"A {item} at {where} sells for ${_price(sale)}$ dollars, which is ${100 - d}\\%$ of its "
                    "usual price. What is the usual price, in dollars?",
                )
            )
            metadata = {"kind": "original", "sale": str(sale), "discounts": [d]}
        elif difficulty == 4:
            e = rng.choice((5, 10, 15, 20, 25, 30, 40)) + rng.choice((0, 0, 5))
            (value,) = sp.solve(sp.Eq(1 - P / 100, (1 - sp.Rational(d, 100)) * (1 - sp.Rational(e, 100))), P)
            question = rng.choice(
                (
                    f"A {item} at {where} is reduced by ${d}\\%$, and the sale price is later reduced by "
                    "another "
                    f"${e}\\%$. What single percentage discount is equivalent to the two reductions?",
                    f"{name} notices that {where} first took ${d}\\%$ off a {item} and then a further "
                    f"${e}\\%$ off "
                    "the reduced price. By what percent has the original price been reduced in total?",
                    f"Two discounts are applied one after the other to a {item} in {place}: ${d}\\%$, then "
                    f"${e}\\%$. What percentage of the original price has been taken off altogether?",
                )
            )
            metadata = {"kind": "successive", "discounts": [d, e]}
        else:
            markup = rng.choice((20, 25, 30, 40, 50, 60, 75, 80, 100))
            cost = price
            selling = cost * (1 + sp.Rational(markup, 100)) * (1 - sp.Rational(d, 100))
            (value,) = sp.solve(sp.Eq(cost * (1 + P / 100), selling), P)
            question = rng.choice(
                (
                    f"{name} runs {where}. A {item} costs the shop ${_money(cents)}$ dollars; {name} marks "
                    "the price "
                    f"up by ${markup}\\%$ and later sells it at ${d}\\%$ off the marked price. What is the "
                    "profit as a percentage of the cost? (A loss is negative.)",
                    f"A shopkeeper in {place} buys a {item} for ${_money(cents)}$ dollars, marks it up "
                    f"${markup}\\%$, then offers ${d}\\%$ off. Find the percentage profit on the cost price "
                    f"(negative for "
                    "a loss).",
                    f"A {item} costs {where} ${_money(cents)}$ dollars. It is priced ${markup}\\%$ above "
                    f"cost, then sold at ${d}\\%$ off that price. By what percent of the cost does the shop "
                    f"gain "
                    "(negative for a loss)?",
                )
            )
            metadata = {"kind": "markup", "cost": str(cost), "markup": markup, "discounts": [d]}
        value = sp.Rational(value)
        if not value.is_integer:
            question += " Give the exact value."
        atype = AnswerType.INTEGER if value.is_integer else AnswerType.RATIONAL
        return MathItem(question, value, atype, metadata)
