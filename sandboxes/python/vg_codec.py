"""Tagged JSON for Python values crossing the sandbox boundary (sandbox side, stdlib only).

JSON alone would merge int/float, list/tuple and lose sets, so every non-JSON type is a one-key
object: {"$float": repr}, {"$tuple": [...]}, {"$set": [...]}, {"$frozenset": [...]},
{"$dict": [[key, value], ...]}, {"$bytes": hex}. Only exact built-in types are encoded: a
subclass (say an int whose __eq__ always answers True) is refused, never flattened.
The host has its own strict decoder; this file is what runs inside the container.
"""

import json

MAX_DEPTH = 100


class Unsupported(Exception):
    """The value cannot cross the boundary (foreign type, too deep, integer too large)."""


def encode(value, depth=0):
    if depth > MAX_DEPTH:
        raise Unsupported("value nested too deeply")
    kind = type(value)
    if value is None or kind is bool or kind is str:
        return value
    if kind is int:
        if value.bit_length() > 10000:
            raise Unsupported("integer too large")
        return value
    if kind is float:
        return {"$float": repr(value)}
    if kind is list:
        return [encode(item, depth + 1) for item in value]
    if kind is tuple:
        return {"$tuple": [encode(item, depth + 1) for item in value]}
    if kind is dict:
        return {"$dict": [[encode(k, depth + 1), encode(v, depth + 1)] for k, v in value.items()]}
    if kind is set or kind is frozenset:
        return {"$" + kind.__name__: [encode(item, depth + 1) for item in value]}
    if kind is bytes:
        return {"$bytes": value.hex()}
    raise Unsupported("unsupported type " + kind.__name__)


def decode(data, depth=0):
    if depth > MAX_DEPTH:
        raise ValueError("value nested too deeply")
    kind = type(data)
    if data is None or kind in (bool, int, str):
        return data
    if kind is list:
        return [decode(item, depth + 1) for item in data]
    if kind is not dict or len(data) != 1:
        raise ValueError("malformed value")
    ((tag, body),) = data.items()
    if tag == "$float" and type(body) is str:
        return float(body)
    if tag == "$bytes" and type(body) is str:
        return bytes.fromhex(body)
    if type(body) is not list:
        raise ValueError("malformed " + tag)
    items = [decode(item, depth + 1) for item in body] if tag != "$dict" else None
    if tag == "$tuple":
        return tuple(items)
    if tag == "$set":
        return set(items)
    if tag == "$frozenset":
        return frozenset(items)
    if tag == "$dict":
        out = {}
        for pair in body:
            if type(pair) is not list or len(pair) != 2:
                raise ValueError("malformed $dict")
            out[decode(pair[0], depth + 1)] = decode(pair[1], depth + 1)
        return out
    raise ValueError("unknown tag " + str(tag)[:20])


def dumps(obj):
    """One JSON line; NaN/inf never appear bare because floats are tagged."""
    return json.dumps(obj, separators=(",", ":"), allow_nan=False)
