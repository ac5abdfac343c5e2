"""Checkers for number theory templates: brute force divisors, cycles of powers, digit-by-digit bases."""

from __future__ import annotations

import math
from typing import Any

from verigen.types import Problem

from .common import Checker


def check_gcd_lcm(p: Problem, g: Any) -> None:
    numbers, value = p.metadata["numbers"], int(g)
    if p.metadata["operation"] == "gcd":
        assert all(n % value == 0 for n in numbers) and math.gcd(*(n // value for n in numbers)) == 1
        if min(numbers) <= 5000:
            assert value == max(d for d in range(1, min(numbers) + 1) if all(n % d == 0 for n in numbers))
    else:
        assert all(value % n == 0 for n in numbers)
        step = max(numbers)
        assert all(any(k % n for n in numbers) for k in range(step, value, step))


def check_modular_arithmetic(p: Problem, g: Any) -> None:
    meta, value = p.metadata, int(g)
    a, m = meta["a"], meta["m"]
    assert 0 <= value < m
    if meta["kind"] == "product":
        assert value == a * meta["b"] % m
    elif meta["kind"] == "power":
        acc = 1
        for _ in range(meta["e"]):
            acc = acc * a % m
        assert value == acc
    else:
        target = 1 if meta["kind"] == "inverse" else meta["b"]
        assert value == next(x for x in range(m) if a * x % m == target % m)


def divisors(n: int) -> list[int]:
    small = [d for d in range(1, math.isqrt(n) + 1) if n % d == 0]
    return sorted(set(small + [n // d for d in small]))


def prime_factors(n: int) -> list[int]:
    """With multiplicity, by trial division."""
    out, d = [], 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1
    return out + ([n] if n > 1 else [])


def check_divisor_functions(p: Problem, g: Any) -> None:
    n, ask, d = p.metadata["n"], p.metadata["ask"], p.metadata["d"]
    divs = divisors(n)
    expected = {
        "count": lambda: len(divs),
        "distinct_primes": lambda: len(set(prime_factors(n))),
        "primes_with_multiplicity": lambda: len(prime_factors(n)),
        "sum": lambda: sum(divs),
        "proper_sum": lambda: sum(divs) - n,
        "even": lambda: sum(1 for k in divs if k % 2 == 0),
        "odd": lambda: sum(1 for k in divs if k % 2),
        "square": lambda: sum(1 for k in divs if math.isqrt(k) ** 2 == k),
        "multiple": lambda: sum(1 for k in divs if k % d == 0),
    }[ask]()
    assert int(g) == expected


def last_digits(a: int, e: int, m: int) -> int:
    """a^e mod m from the eventually periodic sequence of powers mod m (no fast exponentiation)."""
    seen: dict[int, int] = {}
    powers = []
    value = 1 % m
    for k in range(e + 1):
        if value in seen:
            start = seen[value]
            return powers[start + (e - start) % (k - start)]
        seen[value] = k
        powers.append(value)
        value = value * a % m
    return powers[e]


def check_last_digits(p: Problem, g: Any) -> None:
    meta, m = p.metadata, p.metadata["modulus"]
    values = [last_digits(a, e, m) for a, e in meta["terms"]]
    if meta["op"] == "tower":
        a, b, c = meta["tower"]
        assert meta["terms"] == [[a, b**c]]
    if meta["op"] == "sum":
        expected = sum(values) % m
    elif meta["op"] == "product":
        expected = values[0] * values[1] % m
    else:
        expected = values[0]
    assert int(g) == expected


def to_base(n: int, base: int) -> str:
    digits = ""
    while n:
        n, r = divmod(n, base)
        digits = "0123456789ABCDEF"[r] + digits
    return digits or "0"


def check_base_conversion(p: Problem, g: Any) -> None:
    meta = p.metadata
    kind = meta["kind"]
    if kind == "to_decimal":
        assert int(g) == int(meta["digits"], meta["base"])
    elif kind == "from_decimal":
        assert str(int(g)) == to_base(meta["n"], meta["base"])
    elif kind == "between":
        assert str(int(g)) == to_base(int(meta["digits"], meta["base"]), meta["target"])
    else:
        a, b = (int(x, meta["base"]) for x in meta["operands"])
        assert str(int(g)) == to_base(a + b if meta["op"] == "+" else a * b, meta["base"])


CHECKS: dict[str, Checker] = {
    "base_conversion": check_base_conversion,
    "divisor_functions": check_divisor_functions,
    "gcd_lcm": check_gcd_lcm,
    "last_digits": check_last_digits,
    "modular_arithmetic": check_modular_arithmetic,
}
