"""Assert-based suites (HumanEval's `check(candidate)`) without letting the candidate near them.

The suite runs in a checker process in one container; the candidate runs in a serving process in
another container. The host relays between them: the checker's `candidate(...)` proxy sends the
arguments as data, the host forwards them, the candidate's process calls the function and sends
back the return value as data, which the host validates and forwards. The candidate never shares
a process, a container or a file with the suite or its expected values, so it can neither read
them nor patch `check`, `assert` or `==`; all it can influence is the plain data it returns.
"""

from __future__ import annotations

from typing import Any

from verigen.code import codec
from verigen.code.channel import RunnerGone
from verigen.code.judge import parse_events, process_failure, signal_failure, stderr_tail
from verigen.code.pool import InfraFailure, Session, WarmPool
from verigen.code.spec import CodeSpec
from verigen.types import Status, Verdict


def _next(session: Session) -> dict[str, Any] | None:
    """The next JSON object the job emitted, or None when the job has ended."""
    while True:
        line = session.recv()
        if line is None:
            return None
        try:
            event = codec.loads_line(line)
        except codec.CodecError:
            continue
        if isinstance(event, dict):
            return event


def _sanitize(reply: dict[str, Any]) -> dict[str, Any]:
    """Forward only well-formed data to the checker."""
    if "ok" in reply:
        try:
            codec.decode(reply["ok"])
        except codec.CodecError:
            return {"bad": "malformed return value"}
        return {"ok": reply["ok"]}
    if "exc" in reply:
        return {"exc": str(reply["exc"])[:100], "msg": str(reply.get("msg", ""))[:300]}
    return {"bad": str(reply.get("bad", "no return value"))[:200]}


def _candidate_ended(session: Session, spec: CodeSpec, program: str) -> Verdict:
    record = session.close()
    events, _ = parse_events(str(record.get("events", "")))
    return (
        process_failure(record, events, spec.timeout, program)
        or signal_failure(record, program)
        or Verdict(
            Status.RUNTIME_ERROR, program, "the program stopped while being tested" + stderr_tail(record)
        )
    )


def _relay(cand: Session, chk: Session, spec: CodeSpec, program: str) -> Verdict:
    first = _next(cand)
    if first is None or not first.get("ready"):
        return _candidate_ended(cand, spec, program)
    while True:
        event = _next(chk)
        if event is None:
            record = chk.close()
            if record.get("status") == "timeout":
                return Verdict(Status.TIMEOUT, program, f"exceeded the {spec.timeout:g}s time limit")
            return Verdict(
                Status.INFRA_ERROR, program, "the checker ended without a result" + stderr_tail(record)
            )
        if "call" in event:
            cand.send({"args": event["call"]})
            reply = _next(cand)
            if reply is None:
                return _candidate_ended(cand, spec, program)
            chk.send(_sanitize(reply))
            continue
        if event.get("done") is True:
            return Verdict(Status.PASS, program, "the test suite passed")
        where = f"line {event.get('line')} of the test: " if event.get("line") else ""
        text = f"{where}{str(event.get('exc'))[:80]}: {str(event.get('msg', ''))[:300]}"
        kind = event.get("kind")
        if kind == "suite":
            return Verdict(Status.INFRA_ERROR, program, f"the test suite itself failed: {text}")
        if kind == "candidate":
            return Verdict(Status.RUNTIME_ERROR, program, text + stderr_tail(cand.close()))
        return Verdict(Status.WRONG_ANSWER, program, text)


def run_check(pool: WarmPool, spec: CodeSpec, program: str, limits: dict[str, Any]) -> Verdict:
    """Judge `program` against spec's assert suite; retried on a fresh pair of containers if ours fail."""
    failure = "no attempt"
    for _ in range(pool.retries + 1):
        with pool.lease(2, checker=True) as (cand_box, check_box):
            sessions: list[Session] = []
            try:
                cand = cand_box.open({"role": "serve", "code": program, "entry": spec.entry_point, **limits})
                sessions.append(cand)
                chk = check_box.open(
                    {
                        "role": "check",
                        "prelude": spec.prelude,
                        "test": spec.test_code,
                        "entry": spec.entry_point,
                        **limits,
                        "timeout": 2 * limits["timeout"] + 5,
                        "output_bytes": 16 << 20,
                    }
                )
                sessions.append(chk)
                verdict = _relay(cand, chk, spec, program)
                for session in sessions:
                    session.close()
                return verdict
            except RunnerGone as exc:
                failure = str(exc)
                cand_box.broken = check_box.broken = True
    raise InfraFailure(f"sandbox failed {pool.retries + 1} times: {failure}")
