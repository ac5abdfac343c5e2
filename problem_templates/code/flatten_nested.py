"""Flatten a JSON-like nested structure into a dict of dotted paths to leaf values."""

from __future__ import annotations

import random
from typing import Any

from verigen.code.template import CodeItem, CodeTemplate
from verigen.templates import register

REFERENCE = """
def flatten(data: dict) -> dict:
    out = {}

    def walk(value, path):
        if isinstance(value, dict) and value:
            for key, item in value.items():
                walk(item, f"{path}.{key}" if path else str(key))
        elif isinstance(value, list) and value:
            for index, item in enumerate(value):
                walk(item, f"{path}.{index}" if path else str(index))
        else:
            out[path] = value

    for key, item in data.items():
        walk(item, str(key))
    return out
"""

WRONG = (
    # lists are kept whole as leaf values
    """
def flatten(data):
    out = {}
    def walk(value, path):
        if isinstance(value, dict) and value:
            for key, item in value.items():
                walk(item, path + "." + key)
        else:
            out[path] = value
    for key, item in data.items():
        walk(item, key)
    return out
""",
    # empty dicts and lists vanish instead of being kept as leaves
    """
def flatten(data):
    out = {}
    def walk(value, path):
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, path + "." + key)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, path + "." + str(index))
        else:
            out[path] = value
    for key, item in data.items():
        walk(item, key)
    return out
""",
    # list positions written as [i] instead of .i
    """
def flatten(data):
    out = {}
    def walk(value, path):
        if isinstance(value, dict) and value:
            for key, item in value.items():
                walk(item, path + "." + key)
        elif isinstance(value, list) and value:
            for index, item in enumerate(value):
                walk(item, f"{path}[{index}]")
        else:
            out[path] = value
    for key, item in data.items():
        walk(item, key)
    return out
""",
)

PHRASINGS = (
    "data is a JSON-like value: a dict with string keys whose values are ints, strings, "
    "booleans, None, lists, or further such dicts, nested to any depth. Flatten it into a single "
    "dict that maps the path of every leaf to the leaf value. A path joins the keys and list "
    "positions (0-based) on the way down with '.', as in 'a.b.0.c'. An empty dict or empty list "
    "inside the structure counts as a leaf and is kept as it is ({} or []). Keys never contain "
    "'.'. An empty input gives {}.",
    "Turn a nested structure of dicts (string keys) and lists into a flat dict. Every value "
    "that is not a non-empty dict or non-empty list is a leaf; its key in the result is the "
    "dot-separated chain of dict keys and list indices (counted from 0) leading to it, for "
    "example {'x': [{'y': 1}, []]} becomes {'x.0.y': 1, 'x.1': []}. Leaves keep their values "
    "unchanged (including None, booleans and empty containers). Keys contain no dots.",
)

KEYS = ("id", "name", "tags", "meta", "items", "size", "owner", "info", "data", "opts", "list", "x", "y")


def _leaf(rng: random.Random) -> Any:
    roll = rng.random()
    if roll < 0.35:
        return rng.randint(-99, 999)
    if roll < 0.6:
        return rng.choice(("red", "blue", "on", "off", "", "a b", "0"))
    if roll < 0.75:
        return rng.random() < 0.5
    if roll < 0.85:
        return None
    return {} if roll < 0.92 else []


def _value(rng: random.Random, depth: int, width: int) -> Any:
    roll = rng.random()
    if depth == 0 or roll < 0.35:
        return _leaf(rng)
    if roll < 0.65:
        return [_value(rng, depth - 1, width) for _ in range(rng.randint(1, width))]
    return _object(rng, depth - 1, width)


def _object(rng: random.Random, depth: int, width: int) -> dict[str, Any]:
    keys = rng.sample(KEYS, rng.randint(1, min(width, len(KEYS))))
    return {key: _value(rng, depth, width) for key in keys}


@register
class FlattenNested(CodeTemplate):
    name = "flatten_nested"
    area = "parsing"
    description = "Flatten nested dicts/lists to {dotted.path: leaf}, empty containers kept (function)."
    style = "call"
    entry_point = "flatten"
    signature = "def flatten(data: dict) -> dict:"
    reference = REFERENCE
    wrong_variants = WRONG

    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        # Knobs: nesting depth (2 .. 6) and branching width (2 .. 6) grow with difficulty.
        depth, width = (2, 3, 4, 5, 6)[difficulty - 1], (2, 3, 3, 4, 6)[difficulty - 1]
        a, b = rng.sample(KEYS, 2)
        examples = [[{a: {b: rng.randint(0, 99), "c": [True, None]}, "d": _leaf(rng)}], [_object(rng, 2, 3)]]
        hidden = [
            [{}],
            [{a: rng.randint(0, 9)}],
            [{a: [], b: {}}],
            [{a: [[1, 2], [{b: None}]]}],
            [{a: {b: {"c": {"d": [0]}}}}],
            *([_object(rng, depth, width)] for _ in range(5)),
        ]
        return CodeItem(rng.choice(PHRASINGS), examples, hidden)
