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
