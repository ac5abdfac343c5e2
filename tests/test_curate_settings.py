"""Curation settings: a bad value or an unknown key is a one-line error naming it."""

from __future__ import annotations

import pytest

from verigen.curate.settings import CurateSettings
from verigen.errors import ConfigError


def test_round_trip_through_json() -> None:
    s = CurateSettings(decontaminate=("a.jsonl:question",), negative="hardest", pairs_per_problem=3)
    assert CurateSettings.from_json(s.to_json()) == s


@pytest.mark.parametrize(
    ("values", "named"),
    [
        ({"test_fraction": 1.0}, "test_fraction"),
        ({"near_dup_threshold": 0}, "near_dup_threshold"),
        ({"negative": "random"}, "negative"),
        ({"pass_rate_min": 0.8, "pass_rate_max": 0.2}, "pass_rate_max"),
        ({"pairs_per_problem": 0}, "pairs_per_problem"),
        ({"shingle_size": 0}, "shingle_size"),
    ],
)
def test_bad_values_name_the_field(values: dict, named: str) -> None:
    with pytest.raises(ConfigError, match=f"'{named}'"):
        CurateSettings.from_json(values)


def test_unknown_keys_are_named() -> None:
    with pytest.raises(ConfigError, match="'test_fractoin'"):
        CurateSettings.from_json({"test_fractoin": 0.2})
