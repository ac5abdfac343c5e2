"""Host side of the tagged-JSON value format shared with the sandbox (see sandboxes/python/vg_codec.py).

Decoding is strict and builds only built-in values, so nothing the sandbox sends can run code on
the host: a custom `__eq__` cannot cross the boundary, only data can.
"""

from __future__ import annotations

import json
from typing import Any

MAX_DEPTH = 100


class CodecError(ValueError):
    """Data that is not a well-formed encoded value."""


def encode(value: Any, depth: int = 0) -> Any:
    """Encode a plain Python value (exact built-in types only)."""
    if depth > MAX_DEPTH:
        raise CodecError("value nested too deeply")
    kind = type(value)
    if value is None or kind in (bool, int, str):
        return value
    if kind is float:
        return {"$float": repr(value)}
    if kind is list:
        return [encode(item, depth + 1) for item in value]
    if kind is tuple:
        return {"$tuple": [encode(item, depth + 1) for item in value]}
    if kind is dict:
        return {"$dict": [[encode(k, depth + 1), encode(v, depth + 1)] for k, v in value.items()]}
    if kind in (set, frozenset):
        return {f"${kind.__name__}": [encode(item, depth + 1) for item in value]}
    if kind is bytes:
        return {"$bytes": value.hex()}
    raise CodecError(f"cannot encode a value of type {kind.__name__}")


def _float(text: Any) -> float:
    if type(text) is not str or len(text) > 40:
        raise CodecError("malformed $float")
    try:
        value = float(text)
    except ValueError:
        raise CodecError("malformed $float") from None
    return value


def decode(data: Any, depth: int = 0) -> Any:
    """Decode data produced by `encode` (or by the sandbox); raise CodecError on anything else."""
    if depth > MAX_DEPTH:
        raise CodecError("value nested too deeply")
    kind = type(data)
    if data is None or kind in (bool, int, str):
        return data
    if kind is list:
        return [decode(item, depth + 1) for item in data]
    if kind is not dict or len(data) != 1:
        raise CodecError("malformed value")
    ((tag, body),) = data.items()
    if tag == "$float":
        return _float(body)
    if tag == "$bytes":
        try:
            return bytes.fromhex(body)
        except (TypeError, ValueError):
            raise CodecError("malformed $bytes") from None
    if type(body) is not list:
        raise CodecError(f"malformed {tag[:20]}")
    try:
        if tag == "$tuple":
            return tuple(decode(item, depth + 1) for item in body)
        if tag == "$set":
            return {decode(item, depth + 1) for item in body}
        if tag == "$frozenset":
            return frozenset(decode(item, depth + 1) for item in body)
        if tag == "$dict":
            out = {}
            for pair in body:
                if type(pair) is not list or len(pair) != 2:
                    raise CodecError("malformed $dict")
                out[decode(pair[0], depth + 1)] = decode(pair[1], depth + 1)
            return out
    except TypeError:
        raise CodecError(f"unhashable member in {tag}") from None
    raise CodecError(f"unknown tag {tag[:20]!r}")


def loads_line(line: str, max_chars: int = 1 << 24) -> Any:
    """Parse one JSON line from the sandbox with size and nesting guards; CodecError if malformed."""
    if len(line) > max_chars:
        raise CodecError("line too long")
    try:
        return json.loads(line)
    except (ValueError, RecursionError):
        raise CodecError("not valid JSON") from None


def short_repr(value: Any, limit: int = 120) -> str:
    """A bounded repr for verdict details."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
