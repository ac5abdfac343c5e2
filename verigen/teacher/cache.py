"""Teacher response cache: the Protocol the run store implements, an in-memory one, and the key.

A cache key is the sha256 of canonical JSON of everything that changes a response (endpoint,
model, messages, sampling parameters, seed, sample index, extra request fields). It never
includes credentials: the same request made with a different API key is the same response.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

from verigen.types import Completion

CACHE_KEY_VERSION = 1


@runtime_checkable
class ResponseCache(Protocol):
    """Where the teacher looks before paying for a call, and puts each response as it arrives."""

    def get(self, key: str) -> Completion | None: ...

    def put(self, key: str, completion: Completion) -> None: ...


class InMemoryCache:
    """A dict-backed ResponseCache, for tests and one-off runs."""

    def __init__(self) -> None:
        self._data: dict[str, Completion] = {}

    def get(self, key: str) -> Completion | None:
        return self._data.get(key)

    def put(self, key: str, completion: Completion) -> None:
        self._data[key] = completion

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def keys(self) -> list[str]:
        return list(self._data)


def _check_finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"cache key fields must be finite numbers, got {value!r}")
    return value


def cache_key(
    endpoint_identity: str,
    model: str,
    messages: Sequence[Mapping[str, Any]],
    temperature: float | None,
    top_p: float | None,
    max_tokens: int | None,
    seed: int,
    sample_index: int,
    extra: Mapping[str, Any] | None = None,
) -> str:
    """A stable hex key for one (request, sample_index). Dict key order does not matter."""
    payload = {
        "v": CACHE_KEY_VERSION,
        "endpoint": endpoint_identity,
        "model": model,
        "messages": [dict(m) for m in messages],
        "temperature": _check_finite(temperature),
        "top_p": _check_finite(top_p),
        "max_tokens": max_tokens,
        "seed": seed,
        "sample_index": sample_index,
        "extra": dict(extra or {}),
    }
    canonical = json.dumps(
        payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
