"""Teacher fault handling against a real HTTP server on 127.0.0.1 that speaks /v1/chat/completions.

The server is scripted per test (error statuses, Retry-After, hangs, ignoring `n`) and records what
it received, so the tests assert on requests counted and parameters seen, not on wall-clock time.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verigen.errors import TeacherError
from verigen.teacher import (
    InMemoryCache,
    Teacher,
    TeacherConfig,
    TeacherHTTPError,
    cache_key,
    parse_retry_after,
    sample_seed,
)

KEY_ENV = "VERIGEN_TEST_TEACHER_KEY"
SECRET = "sk-test-SECRET-0123456789"
MESSAGES = [{"role": "user", "content": "What is 2 + 2?"}]


@dataclass
class Seen:
    body: dict[str, Any]
    headers: dict[str, str]
    at: float


@dataclass
class ScriptedServer:
    """Actions are consumed one per request, in arrival order; then every request succeeds."""

    script: list[dict[str, Any]] = field(default_factory=list)
    ignore_n: bool = False
    delay: float = 0.0
    seen: list[Seen] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    release: threading.Event = field(default_factory=threading.Event)
    url: str = ""

    def bodies(self) -> list[dict[str, Any]]:
        return [s.body for s in self.seen]

    def reply(self, body: dict[str, Any]) -> dict[str, Any]:
        k = 1 if self.ignore_n else int(body.get("n") or 1)
        seed = body.get("seed")
        return {
            "id": "cmpl-test",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", "fake"),
            "choices": [
                {
                    "index": j,
                    "message": {"role": "assistant", "content": f"seed={seed} choice={j}"},
                    "finish_reason": "stop",
                }
                for j in range(k)
            ],
            "usage": {"prompt_tokens": 11, "completion_tokens": 5 * k + 1, "total_tokens": 11 + 5 * k + 1},
        }


def _handler(server: ScriptedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _send(self, status: int, payload: dict[str, Any], headers: dict[str, str]) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
            headers = {k.lower(): v for k, v in self.headers.items()}
            with server.lock:
                server.seen.append(Seen(body, headers, time.monotonic()))
                action = server.script.pop(0) if server.script else {}
                server.in_flight += 1
                server.max_in_flight = max(server.max_in_flight, server.in_flight)
            try:
                if server.delay:
                    time.sleep(server.delay)
                if "hang" in action:
                    server.release.wait(action["hang"])
                    return  # the client gave up long ago
                status = action.get("status", 200)
                if status == 200:
                    self._send(200, server.reply(body), {})
                else:
                    error = {"error": {"message": action.get("message", f"scripted {status}"), "type": "x"}}
                    self._send(status, error, action.get("headers", {}))
            except (BrokenPipeError, ConnectionResetError):
                pass
            finally:
                with server.lock:
                    server.in_flight -= 1

    return Handler


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    state = ScriptedServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield state
    state.release.set()
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def api_key(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv(KEY_ENV, SECRET)
    return SECRET


def config(server: ScriptedServer, **overrides: Any) -> TeacherConfig:
    fields: dict[str, Any] = {
        "base_url": server.url,
        "model": "fake-model",
        "api_key_env": KEY_ENV,
        "backoff_base": 0.01,
        "backoff_max": 0.05,
        "timeout": 10.0,
        "max_tokens": 32,
    }
    fields.update(overrides)
    return TeacherConfig(**fields)


def run(coro: Any) -> Any:
    return asyncio.run(coro)


async def _sample(cfg: TeacherConfig, n: int, cache: InMemoryCache | None = None, **kw: Any) -> Any:
    async with Teacher(cfg, cache) as teacher:
        return await teacher.sample(MESSAGES, n, **kw), teacher


async def _one(cfg: TeacherConfig, index: int = 0, seed: int = 0) -> Any:
    async with Teacher(cfg) as teacher:
        return await teacher.sample_one(MESSAGES, index, seed=seed), teacher


# -- retries --------------------------------------------------------------------------------------


def test_429_with_retry_after_waits_then_succeeds(server: ScriptedServer) -> None:
    server.script = [{"status": 429, "headers": {"Retry-After": "1"}}]
    completion, teacher = run(_one(config(server)))
    assert completion.text.startswith("seed=")
    assert len(server.seen) == 2
    assert (teacher.stats.requests, teacher.stats.retries, teacher.stats.failures) == (2, 1, 0)
    assert server.seen[1].at - server.seen[0].at >= 1.0  # Retry-After is a lower bound


def test_retry_after_is_capped(server: ScriptedServer) -> None:
    server.script = [{"status": 429, "headers": {"Retry-After": "3600"}}]
    completion, teacher = run(asyncio.wait_for(_one(config(server, retry_after_cap=0.05)), 30))
    assert completion.text and teacher.stats.retries == 1


@pytest.mark.parametrize("status", [500, 502, 503])
def test_5xx_then_success(server: ScriptedServer, status: int) -> None:
    server.script = [{"status": status}, {"status": status}]
    completion, teacher = run(_one(config(server)))
    assert completion.finish_reason == "stop"
    assert len(server.seen) == 3
    assert teacher.stats.retries == 2


def test_hang_beyond_timeout_is_retried(server: ScriptedServer) -> None:
    server.script = [{"hang": 30}]
    completion, teacher = run(_one(config(server, timeout=1.0)))
    assert completion.text
    assert len(server.seen) >= 2  # the hung request, then (on a slow machine maybe more) retries
    assert teacher.stats.retries == len(server.seen) - 1 >= 1


@pytest.mark.parametrize("status", [400, 401, 403, 404])
def test_client_errors_are_not_retried(server: ScriptedServer, status: int) -> None:
    server.script = [{"status": status, "message": "bad request\nsecond line"}]
    with pytest.raises(TeacherHTTPError) as info:
        run(_one(config(server)))
    assert info.value.status == status
    assert f"HTTP {status}" in str(info.value)
    assert "\n" not in str(info.value)
    assert len(server.seen) == 1


def test_persistent_503_gives_up_after_max_retries(server: ScriptedServer) -> None:
    server.script = [{"status": 503}] * 10
    with pytest.raises(TeacherError, match="HTTP 503 after 3 attempts"):
        run(_one(config(server, max_retries=2)))
    assert len(server.seen) == 3


def test_connection_refused_is_retried_then_reported() -> None:
    dead = ScriptedServer(url="http://127.0.0.1:9/v1")  # discard port: nothing listens
    with pytest.raises(TeacherError, match="connection error after 2 attempts"):
        run(_one(config(dead, max_retries=1)))


# -- n samples ------------------------------------------------------------------------------------


def test_server_ignoring_n_falls_back_to_seeded_requests(server: ScriptedServer) -> None:
    server.ignore_n = True

    async def scenario() -> Any:
        async with Teacher(config(server)) as teacher:
            first = await teacher.sample(MESSAGES, 3, seed=7)
            probes = len(server.seen)
            second = await teacher.sample([{"role": "user", "content": "again"}], 2, seed=7)
            return first, second, probes, teacher

    first, second, probes, teacher = run(scenario())
    assert len(first) == 3 and len(second) == 2
    assert teacher.n_supported is False
    bodies = server.bodies()
    assert probes == 3 and len(bodies) == 5  # one n-probe + 2 fallbacks, then 2 fallbacks only
    assert bodies[0]["n"] == 3
    assert all("n" not in b for b in bodies[1:])
    expected = [sample_seed(7, i) for i in range(3)]
    assert bodies[0]["seed"] == expected[0]  # the probe's one choice is sample 0
    assert sorted(b["seed"] for b in bodies[:3]) == sorted(expected)
    assert len(set(expected)) == 3
    assert [c.text for c in first] == [f"seed={s} choice=0" for s in expected]


def test_server_honouring_n_uses_one_request(server: ScriptedServer) -> None:
    completions, teacher = run(_sample(config(server), 3, seed=1))
    assert len(server.seen) == 1 and server.seen[0].body["n"] == 3
    assert teacher.n_supported is True
    assert len({c.text for c in completions}) == 3
    assert sum(c.completion_tokens for c in completions) == teacher.stats.completion_tokens == 16
    assert teacher.stats.prompt_tokens == 11


def test_concurrency_bound_is_respected(server: ScriptedServer) -> None:
    server.delay = 0.1

    async def scenario() -> None:
        async with Teacher(config(server, concurrency=3)) as teacher:
            await asyncio.gather(*(teacher.sample_one(MESSAGES, i) for i in range(12)))

    run(scenario())
    assert len(server.seen) == 12
    assert 2 <= server.max_in_flight <= 3


# -- cache ----------------------------------------------------------------------------------------


def test_cache_hit_makes_zero_requests(server: ScriptedServer) -> None:
    cache = InMemoryCache()
    fresh, _ = run(_sample(config(server), 2, cache, seed=3))
    assert len(server.seen) == 1 and len(cache) == 2
    again, teacher = run(_sample(config(server), 2, cache, seed=3))
    assert len(server.seen) == 1  # nothing new
    assert teacher.stats.cache_hits == 2 and teacher.stats.requests == 0
    assert all(c.cached for c in again) and not any(c.cached for c in fresh)
    assert [c.text for c in again] == [c.text for c in fresh]


def test_response_cached_before_a_later_failure_is_not_paid_twice(server: ScriptedServer) -> None:
    server.ignore_n = True
    server.script = [{}, {}, {"status": 400}]  # probe ok, one fallback ok, the other rejected
    cache = InMemoryCache()
    with pytest.raises(TeacherHTTPError):
        run(_sample(config(server), 3, cache, seed=5))
    assert len(cache) == 2 and len(server.seen) == 3
    completions, teacher = run(_sample(config(server), 3, cache, seed=5))
    assert len(completions) == 3
    assert len(server.seen) == 4  # only the missing sample was requested
    assert teacher.stats.cache_hits == 2


def test_cache_key_changes_with_what_changes_the_response(server: ScriptedServer) -> None:
    base = Teacher(config(server))
    key = base.key_for(MESSAGES, 0, seed=1)
    assert key != base.key_for(MESSAGES, 1, seed=1)
    assert key != base.key_for(MESSAGES, 0, seed=2)
    assert key != Teacher(config(server, temperature=0.2)).key_for(MESSAGES, 0, seed=1)
    assert key != Teacher(config(server, extra_body={"stop": ["x"]})).key_for(MESSAGES, 0, seed=1)
    assert key == Teacher(config(server, endpoint_identity=server.url)).key_for(MESSAGES, 0, seed=1)
    assert key != Teacher(config(server, endpoint_identity="embedded:x")).key_for(MESSAGES, 0, seed=1)


@given(
    content=st.text(max_size=50),
    index=st.integers(0, 1000),
    seed=st.integers(-(2**40), 2**40),
)
def test_cache_key_ignores_dict_order(content: str, index: int, seed: int) -> None:
    forward = [{"role": "user", "content": content}]
    backward = [{"content": content, "role": "user"}]
    args = ("http://x/v1", "m")
    a = cache_key(*args, forward, 0.7, None, 64, seed, index, {"a": 1, "b": 2})
    b = cache_key(*args, backward, 0.7, None, 64, seed, index, {"b": 2, "a": 1})
    assert a == b and len(a) == 64
    assert a != cache_key(*args, forward, 0.7, None, 64, seed, index + 1, {"a": 1, "b": 2})


# -- secrets --------------------------------------------------------------------------------------


def test_api_key_is_sent_but_never_leaks(server: ScriptedServer, monkeypatch: pytest.MonkeyPatch) -> None:
    server.script = [{"status": 401, "message": f"Incorrect API key provided: {SECRET}"}]
    cfg = config(server)
    with pytest.raises(TeacherHTTPError) as info:
        run(_one(cfg))
    assert server.seen[0].headers.get("authorization") == f"Bearer {SECRET}"
    message = str(info.value)
    assert "HTTP 401" in message and KEY_ENV in message and SECRET not in message
    assert info.value.__cause__ is None and info.value.__suppress_context__

    cache = InMemoryCache()
    run(_sample(cfg, 2, cache))
    teacher = Teacher(cfg)
    for text in (repr(cfg), cfg.model_dump_json(), repr(teacher), *cache.keys(), repr(cache._data)):
        assert SECRET not in text
    monkeypatch.setenv(KEY_ENV, "sk-another-key")
    assert Teacher(cfg).key_for(MESSAGES, 0) == teacher.key_for(MESSAGES, 0)


# -- small pure pieces ----------------------------------------------------------------------------


def test_parse_retry_after_forms() -> None:
    assert parse_retry_after({"Retry-After": "2"}) == 2.0
    assert parse_retry_after({"retry-after-ms": "250", "Retry-After": "9"}) == 0.25
    assert parse_retry_after({}) is None
    assert parse_retry_after({"Retry-After": "soon"}) is None
    now = datetime(2030, 1, 1, tzinfo=UTC)
    date = format_datetime(now + timedelta(seconds=30), usegmt=True)
    assert parse_retry_after({"Retry-After": date}, now=now.timestamp()) == pytest.approx(30.0)
    assert parse_retry_after({"Retry-After": format_datetime(now, usegmt=True)}, now=now.timestamp() + 5) == 0


def test_sample_seeds_are_distinct_and_not_seed_plus_index() -> None:
    seeds = {sample_seed(s, i) for s in range(20) for i in range(20)}
    assert len(seeds) == 400
    assert all(0 <= x < 2**31 for x in seeds)


def test_config_rejects_unknown_keys_and_holds_no_key() -> None:
    with pytest.raises(ValueError, match="api_key"):
        TeacherConfig(base_url="http://x/v1", model="m", api_key="sk-nope")  # type: ignore[call-arg]
