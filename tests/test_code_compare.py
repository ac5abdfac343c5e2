"""Host-side value format and comparison: strict types, explicit tolerance, nothing executable."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verigen.code import codec
from verigen.code.compare import Compare, tokens_equal, values_equal

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10)
hashables = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5) | st.binary(max_size=5),
    lambda inner: st.tuples(inner, inner) | st.frozensets(inner, max_size=3),
    max_leaves=6,
)
values = st.recursive(
    scalars | st.binary(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(hashables, inner, max_size=3)
        | st.sets(hashables, max_size=3)
    ),
    max_leaves=12,
)


def same(a: object, b: object) -> bool:
    """Equal and of identical types all the way down."""
    if type(a) is not type(b):
        return False
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))  # type: ignore[arg-type]
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(v, b[k]) for k, v in a.items())  # type: ignore[index,union-attr]
    return a == b


@given(values)
def test_codec_round_trips_through_json_with_exact_types(value: object) -> None:
    wire = json.loads(json.dumps(codec.encode(value)))
    assert same(codec.decode(wire), value)


@given(values)
def test_value_equals_itself(value: object) -> None:
    assert values_equal(value, codec.decode(codec.encode(value)))


def test_special_floats_round_trip() -> None:
    for x in (math.inf, -math.inf, -0.0, 1e308, 5e-324):
        assert codec.decode(codec.encode(x)) == x
    assert math.isnan(codec.decode(codec.encode(math.nan)))


def test_decoder_refuses_malformed_and_foreign_data() -> None:
    for bad in ({"$float": 1}, {"$tuple": 3}, {"a": 1}, {"$dict": [[1]]}, {"$set": [[1]]}, {"$x": []}, 1.5):
        with pytest.raises(codec.CodecError):
            codec.decode(bad)
    deep: object = 1
    for _ in range(200):
        deep = [deep]
    with pytest.raises(codec.CodecError):
        codec.decode(deep)


def test_encoder_refuses_subclasses_and_objects() -> None:
    class Sneaky(int):
        def __eq__(self, other: object) -> bool:
            return True

        __hash__ = int.__hash__

    for bad in (Sneaky(3), object(), [1, lambda: 0], {1: object()}):
        with pytest.raises(codec.CodecError):
            codec.encode(bad)


def test_strict_types() -> None:
    assert not values_equal(1, True)
    assert not values_equal(True, 1)
    assert not values_equal(1, 1.0)
    assert values_equal(1.0, 1)  # an exact int is accepted for a float answer ...
    assert not values_equal(1.0, 1, Compare(int_as_float=False))  # ... unless the test says no
    assert not values_equal([1, 2], (1, 2))
    assert not values_equal({"a": 1}, {"a": 1, "b": 2})
    assert not values_equal(None, 0)
    assert not values_equal("1", 1)


def test_float_tolerance_is_explicit() -> None:
    loose = Compare(rel_tol=1e-6, abs_tol=1e-6)
    assert values_equal(0.1 + 0.2, 0.3)
    assert values_equal(1.0, 1.0 + 1e-7, loose)
    assert not values_equal(1.0, 1.0 + 1e-7)
    assert not values_equal(1.0, 1.1, loose)
    assert values_equal(math.nan, math.nan)
    assert not values_equal(math.inf, 1e308)
    assert values_equal((1.5, [2.0]), (1.5000000000001, [2]))
    assert not values_equal(10**20 + 1, 10**20)  # big integers compare exactly


def test_unordered_only_when_asked() -> None:
    assert not values_equal([1, 2, 3], [3, 2, 1])
    unordered = Compare(unordered=True)
    assert values_equal([1, 2, 3], [3, 2, 1], unordered)
    assert values_equal([[1], (2,), "a", None, 1.5], [None, "a", 1.5, (2,), [1]], unordered)
    assert not values_equal([1, 1, 2], [1, 2, 2], unordered)
    assert not values_equal([1, 2], [1, 2, 2], unordered)
    assert values_equal([0.1 + 0.2, 5.0], [5.0, 0.3], unordered)


@given(st.lists(st.integers(), max_size=8), st.randoms())
def test_unordered_accepts_any_permutation(items: list[int], rng) -> None:
    shuffled = list(items)
    rng.shuffle(shuffled)
    assert values_equal(items, shuffled, Compare(unordered=True))


def test_tokens() -> None:
    assert tokens_equal("1 2\n3\n", "1  2 3")
    assert not tokens_equal("1 2", "1 2 3")
    assert not tokens_equal("12", "12.0")  # integer tokens are exact
    assert tokens_equal("-7", "-7")
    assert tokens_equal("0.333333", "0.33333300001", Compare(rel_tol=1e-6))
    assert not tokens_equal("0.5", "0.6", Compare(rel_tol=1e-6))
    assert not tokens_equal("YES", "yes")
    assert not tokens_equal("1.5", "nan")
    assert not tokens_equal("1", "1_0")


def test_bool_is_not_int_inside_sets_and_dict_keys() -> None:
    assert not values_equal({1, 2}, {True, 2})
    assert not values_equal({True, 2}, {1, 2})
    assert not values_equal({1: "a"}, {True: "a"})
    assert not values_equal({0: "a"}, {False: "a"})
    assert not values_equal(frozenset([1]), frozenset([1.0]))
    assert not values_equal({(1, 2)}, {(True, 2)})
    assert not values_equal({frozenset([1])}, {frozenset([True])})
    assert not values_equal({(1, 2): 1}, {(1.0, 2): 1})
    assert not values_equal({1: [1]}, {1: (1,)})  # values stay strict too
    assert not values_equal({1, 2}, frozenset({1, 2}))
    assert values_equal({3, 1, 2}, {1, 2, 3})  # still unordered
    assert values_equal({(1, "a"): [1.0], True: None}, {True: None, (1, "a"): [1]})
    assert values_equal({frozenset([1, (2, b"x")])}, {frozenset([(2, b"x"), 1])})


@given(values, values)
def test_values_equal_implies_same_types(a: object, b: object) -> None:
    if values_equal(a, b, Compare(int_as_float=False, rel_tol=0.0, abs_tol=0.0)):
        assert same_deep(a, b)


def same_deep(a: object, b: object) -> bool:
    """Like `same`, but sets and dict keys are matched with their types too."""
    if type(a) is not type(b):
        return False
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same_deep(x, y) for x, y in zip(a, b, strict=True))  # type: ignore[arg-type]
    if isinstance(a, (set, frozenset)):
        return len(a) == len(b) and all(any(same_deep(x, y) for y in b) for x in a)  # type: ignore[union-attr]
    if isinstance(a, dict):
        return len(a) == len(b) and all(  # type: ignore[arg-type]
            any(same_deep(k, k2) and same_deep(v, v2) for k2, v2 in b.items())
            for k, v in a.items()  # type: ignore[union-attr]
        )
    return a == b


def test_huge_integer_tokens_compare_without_conversion() -> None:
    huge = "9" * 5000  # beyond Python's int/str conversion limit (4300 digits)
    assert not tokens_equal("5", huge)
    assert not tokens_equal(huge, "5")
    assert tokens_equal(huge, huge)
    assert tokens_equal(huge, "+000" + huge)
    assert not tokens_equal(huge, "-" + huge)
    assert tokens_equal("0", "-0") and tokens_equal("-0", "+000")
    assert tokens_equal("007", "7") and tokens_equal("-7", "-0007")
    assert not tokens_equal("7", "-7") and not tokens_equal("70", "7")
    assert not tokens_equal("1.5", "1" * 5000 + ".5")  # a huge decimal is compared as text
    assert not tokens_equal("12", "\u0661\u0662")  # other scripts' digits are not digits here
    assert not tokens_equal("1.5", "\u0661.\u0665")
