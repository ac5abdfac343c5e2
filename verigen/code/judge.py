"""Turn what the sandbox returned (untrusted data) into a Verdict, on the host.

Nothing the job printed is taken as a claim of success: a test passes only when its output
decodes to plain data equal to the expected value the host kept. Every test must report; a
missing, duplicated or unparsable result is a failure, as is any exit path the job chose.
"""

from __future__ import annotations

import signal
from typing import Any

from verigen.code import codec
from verigen.code.compare import first_difference, tokens_equal, values_equal
from verigen.code.spec import CodeSpec
from verigen.types import Status, Verdict

DETAIL_CHARS = 600


def _verdict(status: Status, detail: str, code: str | None) -> Verdict:
    return Verdict(status, extracted=code, detail=detail[:DETAIL_CHARS])


def parse_events(text: str) -> tuple[list[dict[str, Any]], int]:
    """JSON-object lines the job emitted, and how many lines were not such objects."""
    events, garbage = [], 0
    for line in text.splitlines():
        try:
            event = codec.loads_line(line)
        except codec.CodecError:
            garbage += 1
            continue
        if isinstance(event, dict):
            events.append(event)
        else:
            garbage += 1
    return events, garbage


def stderr_tail(record: dict[str, Any], lines: int = 5) -> str:
    tail = [line for line in str(record.get("stderr", "")).splitlines() if line.strip()][-lines:]
    return (" | stderr: " + " / ".join(line.strip()[:160] for line in tail)) if tail else ""


def _exception(event: dict[str, Any], record: dict[str, Any], where: str, code: str | None) -> Verdict:
    name, msg = str(event.get("exc", "Exception"))[:100], str(event.get("msg", ""))[:300]
    status = Status.MEMORY_LIMIT if name == "MemoryError" else Status.RUNTIME_ERROR
    return _verdict(status, f"{where}{name}: {msg}{stderr_tail(record)}", code)


def process_failure(record: dict[str, Any], events: list[dict[str, Any]], timeout: float, code: str | None):
    """Verdict for how the job process ended (limits, syntax, load errors), or None if it just ran."""
    status = record.get("status")
    if status == "timeout":
        return _verdict(Status.TIMEOUT, f"exceeded the {timeout:g}s time limit", code)
    if status == "output_limit":
        return _verdict(Status.OUTPUT_LIMIT, "the program's output exceeded the size cap", code)
    for event in events:
        if event.get("syntax"):
            return _verdict(Status.SYNTAX_ERROR, f"line {event.get('line')}: {event.get('msg', '')}", code)
        if event.get("load"):
            return _exception(event, record, "", code)
    return None


def signal_failure(record: dict[str, Any], code: str | None) -> Verdict | None:
    sig = record.get("signal")
    if not isinstance(sig, int):
        return None
    if sig == signal.SIGKILL:
        return _verdict(Status.MEMORY_LIMIT, "killed (out of memory)" + stderr_tail(record), code)
    if sig == signal.SIGXCPU:
        return _verdict(Status.TIMEOUT, "exceeded the CPU time limit", code)
    name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
    return _verdict(Status.RUNTIME_ERROR, f"killed by signal {name}" + stderr_tail(record), code)


def judge_call(spec: CodeSpec, reply: dict[str, Any], code: str | None) -> Verdict:
    record = reply["records"][0]
    events, garbage = parse_events(str(record.get("events", "")))
    failed = process_failure(record, events, spec.timeout, code)
    if failed:
        return failed
    results: dict[int, dict[str, Any]] = {}
    for event in events:
        index = event.get("i")
        if type(index) is not int or not 0 <= index < len(spec.tests) or index in results:
            garbage += 1
        else:
            results[index] = event
    for index, case in enumerate(spec.tests):
        where = f"test {index + 1}: "
        event = results.get(index)
        if event is None:
            ended = signal_failure(record, code)
            return ended or _verdict(
                Status.RUNTIME_ERROR,
                f"the program stopped before {where[:-2]} reported (exit code {record.get('code')})"
                + stderr_tail(record),
                code,
            )
        if "exc" in event:
            return _exception(event, record, where, code)
        if "ok" not in event:
            return _verdict(Status.WRONG_ANSWER, f"{where}{str(event.get('bad', 'no value'))[:200]}", code)
        try:
            got = codec.decode(event["ok"])
        except codec.CodecError as exc:
            return _verdict(Status.WRONG_ANSWER, f"{where}malformed return value ({exc})", code)
        if not values_equal(case.expected, got, spec.compare):
            return _verdict(
                Status.WRONG_ANSWER,
                f"{where}args {codec.short_repr(case.input)}: expected {codec.short_repr(case.expected)}, "
                f"got {codec.short_repr(got)}",
                code,
            )
    if garbage:
        return _verdict(Status.RUNTIME_ERROR, "the result stream was tampered with", code)
    return _verdict(Status.PASS, f"all {len(spec.tests)} tests passed", code)


def judge_stdio(spec: CodeSpec, reply: dict[str, Any], code: str | None) -> Verdict:
    records = reply["records"]
    for index, case in enumerate(spec.tests):
        where = f"test {index + 1}: "
        if index >= len(records):
            return _verdict(Status.INFRA_ERROR, f"{where}the sandbox returned no record", code)
        record = records[index]
        events, _ = parse_events(str(record.get("events", "")))
        failed = process_failure(record, events, spec.timeout, code) or signal_failure(record, code)
        if failed:
            return failed
        for event in events:
            if "exc" in event:
                return _exception(event, record, where, code)
        got = str(record.get("stdout", ""))
        if not tokens_equal(case.expected, got, spec.compare):
            return _verdict(Status.WRONG_ANSWER, where + first_difference(case.expected, got), code)
    return _verdict(Status.PASS, f"all {len(spec.tests)} tests passed", code)
