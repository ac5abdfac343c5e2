"""The teacher: messages in, n Completions out, over any OpenAI-compatible endpoint.

Bounded concurrency, our own retries (exponential backoff with full jitter, Retry-After honoured),
a response cache consulted per (messages, sample_index) and filled as each response arrives, and
a fallback to separate seeded requests for servers that ignore `n` (llama.cpp does).
"""

from __future__ import annotations

import asyncio
import email.utils
import hashlib
import os
import random
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any, NoReturn

import openai
from pydantic import BaseModel, ConfigDict, Field

from verigen.errors import TeacherError
from verigen.teacher.cache import ResponseCache, cache_key
from verigen.types import Completion

Messages = Sequence[Mapping[str, Any]]
RETRYABLE_STATUS = frozenset({408, 409, 429})
NO_KEY_PLACEHOLDER = "sk-no-key-required"  # local servers want no key; the SDK insists on one


class TeacherConfig(BaseModel):
    """Where the teacher lives and how to sample it. Holds the *name* of the key's env var, never a key."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    base_url: str
    model: str
    api_key_env: str = "OPENAI_API_KEY"
    endpoint_identity: str | None = None  # cache identity; defaults to base_url
    temperature: float = Field(0.7, ge=0.0, le=2.0)
    top_p: float | None = Field(None, gt=0.0, le=1.0)
    max_tokens: int = Field(1024, gt=0)
    concurrency: int = Field(8, gt=0)
    max_retries: int = Field(6, ge=0)
    timeout: float = Field(120.0, gt=0.0)  # seconds per request
    seed: int = 0
    backoff_base: float = Field(0.5, ge=0.0)  # seconds; attempt k waits U(0, min(max, base * 2**k))
    backoff_max: float = Field(30.0, ge=0.0)
    retry_after_cap: float = Field(60.0, ge=0.0)
    extra_body: dict[str, Any] = Field(default_factory=dict)  # sent with every request, part of the key

    @property
    def identity(self) -> str:
        return self.endpoint_identity or self.base_url


@dataclass
class TeacherStats:
    requests: int = 0  # HTTP requests sent, retries included
    retries: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cache_hits: int = 0
    failures: int = 0  # TeacherErrors raised

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


class TeacherHTTPError(TeacherError):
    """The endpoint answered with an error status that retrying will not fix (or retries ran out)."""

    def __init__(self, message: str, status: int | None) -> None:
        super().__init__(message)
        self.status = status


def sample_seed(seed: int, sample_index: int) -> int:
    """The per-sample request seed: a hash of (seed, index), so neighbouring seeds never overlap."""
    digest = hashlib.sha256(f"verigen-sample\x1f{seed}\x1f{sample_index}".encode()).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF


def parse_retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds to wait from `retry-after-ms`, or `Retry-After` as seconds or an HTTP date."""
    lowered = {k.lower(): v for k, v in headers.items()}
    if (ms := lowered.get("retry-after-ms")) is not None:
        try:
            return max(0.0, float(ms) / 1000.0)
        except ValueError:
            pass
    value = lowered.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def _one_line(text: str, secret: str, limit: int = 200) -> str:
    flat = " ".join(str(text).split())
    if secret and secret != NO_KEY_PLACEHOLDER:
        flat = flat.replace(secret, "***")
    return flat[:limit]


class Teacher:
    """Async sampler over an OpenAI-compatible endpoint. Use one instance per event loop."""

    def __init__(self, config: TeacherConfig, cache: ResponseCache | None = None) -> None:
        self.config = config
        self.cache = cache
        self.stats = TeacherStats()
        self.n_supported: bool | None = None  # learned on the first n > 1 request
        self._api_key = os.environ.get(config.api_key_env) or ""
        self._client = openai.AsyncOpenAI(
            api_key=self._api_key or NO_KEY_PLACEHOLDER,
            base_url=config.base_url,
            timeout=config.timeout,
            max_retries=0,
        )
        self._semaphore = asyncio.Semaphore(config.concurrency)
        self._n_probe = asyncio.Lock()
        self._rng = random.Random()

    @property
    def model(self) -> str:
        return self.config.model

    def __repr__(self) -> str:
        return f"Teacher(base_url={self.config.base_url!r}, model={self.config.model!r})"

    async def __aenter__(self) -> Teacher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.close()

    # -- public API -------------------------------------------------------------------------------

    def key_for(self, messages: Messages, sample_index: int, *, seed: int | None = None) -> str:
        c = self.config
        seed = c.seed if seed is None else seed
        return cache_key(
            c.identity, c.model, messages, c.temperature, c.top_p, c.max_tokens,
            seed, sample_index, c.extra_body,
        )  # fmt: skip

    async def sample_one(
        self, messages: Messages, sample_index: int, *, seed: int | None = None
    ) -> Completion:
        """The `sample_index`-th sample for these messages: from the cache, or one seeded request."""
        seed = self.config.seed if seed is None else seed
        key = self.key_for(messages, sample_index, seed=seed)
        if (hit := self._cached(key)) is not None:
            return hit
        try:
            [completion] = await self._request(messages, 1, sample_seed(seed, sample_index))
        except TeacherError:
            self.stats.failures += 1
            raise
        self._put(key, completion)
        return completion

    async def sample(self, messages: Messages, n: int, *, seed: int | None = None) -> list[Completion]:
        """Exactly n completions (sample indices 0..n-1); cached ones cost nothing."""
        if n < 1:
            raise ValueError(f"n must be >= 1, got {n}")
        seed = self.config.seed if seed is None else seed
        keys = [self.key_for(messages, i, seed=seed) for i in range(n)]
        results: list[Completion | None] = [self._cached(k) for k in keys]
        missing = [i for i, r in enumerate(results) if r is None]
        if len(missing) > 1 and self.n_supported is not False:
            got = await self._try_native_n(messages, missing, seed)
            for i, completion in zip(missing, got, strict=False):
                results[i] = completion
                self._put(keys[i], completion)
            missing = missing[len(got) :]
        outcomes = await asyncio.gather(
            *(self.sample_one(messages, i, seed=seed) for i in missing), return_exceptions=True
        )
        for i, outcome in zip(missing, outcomes, strict=True):
            if isinstance(outcome, BaseException):
                raise outcome  # the others finished and were cached first
            results[i] = outcome
        return [r for r in results if r is not None]

    # -- internals --------------------------------------------------------------------------------

    def _cached(self, key: str) -> Completion | None:
        if self.cache is None:
            return None
        hit = self.cache.get(key)
        if hit is None:
            return None
        self.stats.cache_hits += 1
        return replace(hit, cached=True)

    def _put(self, key: str, completion: Completion) -> None:
        if self.cache is not None:
            self.cache.put(key, completion)

    async def _try_native_n(self, messages: Messages, missing: list[int], seed: int) -> list[Completion]:
        """One request with n=len(missing); [] once the endpoint is known to ignore or reject n.

        Its seed is the first missing index's own seed, so a server that ignores n returns exactly
        the sample the fallback would have asked for, and that sample is kept."""
        if self.n_supported is None:
            async with self._n_probe:  # one probe at a time until we know
                if self.n_supported is None:
                    return await self._native_n(messages, missing, seed)
        if self.n_supported is False:
            return []
        return await self._native_n(messages, missing, seed)

    async def _native_n(self, messages: Messages, missing: list[int], seed: int) -> list[Completion]:
        try:
            got = await self._request(messages, len(missing), sample_seed(seed, missing[0]))
        except TeacherHTTPError as exc:
            if exc.status in (400, 422) and self.n_supported is None:
                self.n_supported = False  # some endpoints reject n > 1 outright
                return []
            self.stats.failures += 1
            raise
        self.n_supported = len(got) >= len(missing)
        return got[: len(missing)]

    async def _request(self, messages: Messages, n: int, request_seed: int) -> list[Completion]:
        c = self.config
        params: dict[str, Any] = {
            "model": c.model,
            "messages": [dict(m) for m in messages],
            "temperature": c.temperature,
            "max_tokens": c.max_tokens,
            "seed": request_seed,
        }
        if c.top_p is not None:
            params["top_p"] = c.top_p
        if n > 1:
            params["n"] = n
        if c.extra_body:
            params["extra_body"] = dict(c.extra_body)
        async with self._semaphore:
            response = await self._with_retries(params)
        return self._to_completions(response)

    async def _with_retries(self, params: dict[str, Any]) -> Any:
        c = self.config
        for attempt in range(c.max_retries + 1):
            self.stats.requests += 1
            try:
                return await self._client.chat.completions.create(**params)
            except openai.APIStatusError as exc:
                status = exc.status_code
                if status not in RETRYABLE_STATUS and status < 500:
                    self._fail(f"HTTP {status}", status, exc.message)
                if attempt == c.max_retries:
                    self._fail(f"HTTP {status} after {attempt + 1} attempts", status, exc.message)
                delay = self._delay(attempt, parse_retry_after(dict(exc.response.headers)))
            except openai.APIConnectionError as exc:  # includes APITimeoutError
                kind = "timeout" if isinstance(exc, openai.APITimeoutError) else "connection error"
                if attempt == c.max_retries:
                    self._fail(f"{kind} after {attempt + 1} attempts", None, exc.message)
                delay = self._delay(attempt, None)
            except openai.OpenAIError as exc:  # a malformed response: retrying will not help
                self._fail("bad response", None, str(exc))
            self.stats.retries += 1
            await asyncio.sleep(delay)
        raise AssertionError("unreachable")

    def _delay(self, attempt: int, retry_after: float | None) -> float:
        c = self.config
        if retry_after is not None:
            return min(retry_after, c.retry_after_cap) + self._rng.uniform(0.0, min(c.backoff_base, 1.0))
        return self._rng.uniform(0.0, min(c.backoff_max, c.backoff_base * 2**attempt))

    def _fail(self, what: str, status: int | None, detail: str) -> NoReturn:
        hint = f" (is ${self.config.api_key_env} set?)" if status in (401, 403) else ""
        message = f"teacher {self.config.identity} model {self.config.model}: {what}{hint}"
        if detail := _one_line(detail, self._api_key):
            message += f": {detail}"
        raise TeacherHTTPError(message, status) from None

    def _to_completions(self, response: Any) -> list[Completion]:
        choices = list(getattr(response, "choices", None) or [])
        if not choices:
            self._fail("the response has no choices", None, "")
        usage = response.usage
        prompt = int(usage.prompt_tokens or 0) if usage else 0
        total = int(usage.completion_tokens or 0) if usage else 0
        self.stats.prompt_tokens += prompt
        self.stats.completion_tokens += total
        k = max(len(choices), 1)
        model = response.model or self.config.model
        return [
            Completion(
                text=(choice.message.content if choice.message else None) or "",
                finish_reason=choice.finish_reason,
                prompt_tokens=prompt,
                # with native n the server reports one total: split it evenly across the choices
                completion_tokens=total // k + (1 if j < total % k else 0),
                model=model,
            )
            for j, choice in enumerate(choices)
        ]
