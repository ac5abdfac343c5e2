"""CodeVerifier: (problem, model response) -> Verdict, through a warm pool of sandboxes."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from verigen.code.check import run_check
from verigen.code.extract import MAX_CODE_CHARS, extract_code
from verigen.code.judge import judge_call, judge_stdio
from verigen.code.pool import InfraFailure, WarmPool
from verigen.code.spec import CodeSpec
from verigen.errors import SandboxError
from verigen.types import Problem, Status, Verdict


class CodeVerifier:
    """Owns a warm pool; use as a context manager so its containers are removed on exit.

    `timeout` (seconds per program, all tests together) overrides the problems' own limits.
    """

    def __init__(
        self,
        pool_size: int | None = None,
        *,
        timeout: float | None = None,
        memory_mb: int = 512,
        output_bytes: int = 1 << 20,
        per_job_containers: bool = False,
        retries: int = 2,
        image: str | None = None,
    ) -> None:
        self.pool = WarmPool(pool_size, image=image, per_job=per_job_containers, retries=retries)
        self.timeout, self.memory_mb, self.output_bytes = timeout, memory_mb, output_bytes
        self._executor: ThreadPoolExecutor | None = None

    def start(self) -> CodeVerifier:
        self.pool.start()
        self._executor = ThreadPoolExecutor(max_workers=self.pool.size, thread_name_prefix="verigen-code")
        return self

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        self.pool.close()

    def __enter__(self) -> CodeVerifier:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def verify_program(self, spec: CodeSpec, program: str) -> Verdict:
        """Judge an already assembled program against a spec (no extraction).

        Never raises for one program: whatever goes wrong while judging it (our bug, or input
        that trips one) is an `infra_error` verdict for that program, not the end of the run.
        """
        try:
            return self._verify_program(spec, program)
        except Exception as exc:  # contained per program by design
            try:
                text = f"{type(exc).__name__}: {exc}"[:600]
            except Exception:
                text = type(exc).__name__
            return Verdict(Status.INFRA_ERROR, program, f"internal error while judging: {text}")

    def _verify_program(self, spec: CodeSpec, program: str) -> Verdict:
        if len(program) > MAX_CODE_CHARS:
            return Verdict(Status.NO_ANSWER, None, f"the program is longer than {MAX_CODE_CHARS} characters")
        if self.timeout is not None:
            spec = dataclasses.replace(spec, timeout=self.timeout)
        limits: dict[str, Any] = {
            "timeout": spec.timeout,
            "memory_mb": self.memory_mb,
            "output_bytes": self.output_bytes,
        }
        try:
            if spec.style == "check":
                return run_check(self.pool, spec, program, limits)
            request = {
                "mode": spec.style,
                "code": program,
                "entry": spec.entry_point,
                "inputs": spec.sandbox_inputs(),
                **limits,
            }
            reply = self.pool.run(request)
            return (judge_call if spec.style == "call" else judge_stdio)(spec, reply, program)
        except (InfraFailure, SandboxError) as exc:
            return Verdict(Status.INFRA_ERROR, program, str(exc)[:600])

    def verify(self, problem: Problem, response: str) -> Verdict:
        if problem.kind != "code":
            raise ValueError(f"CodeVerifier got a {problem.kind} problem ({problem.id})")
        try:
            spec = CodeSpec.from_answer(problem.answer)
            code = extract_code(response)
        except Exception as exc:  # a bad problem or response: its verdict only
            return Verdict(Status.INFRA_ERROR, None, f"problem {problem.id}: {str(exc)[:600]}")
        if code is None:
            return Verdict(Status.NO_ANSWER, None, "no fenced python code block in the response")
        return self.verify_program(spec, code)

    def _map(
        self, fn: Any, jobs: list[tuple[Any, Any]], on_done: Callable[[Verdict], None] | None = None
    ) -> list[Verdict]:
        if self._executor is None:
            raise RuntimeError("CodeVerifier used outside its `with` block (call start() first)")
        futures = [self._executor.submit(fn, *job) for job in jobs]
        if on_done is not None:
            for future in futures:
                future.add_done_callback(lambda f: on_done(f.result()))
        return [future.result() for future in futures]

    def verify_batch(self, items: list[tuple[Problem, str]]) -> list[Verdict]:
        """Verdicts in input order; jobs run concurrently across the pool."""
        return self._map(self.verify, items)

    def verify_programs(
        self, jobs: list[tuple[CodeSpec, str]], on_done: Callable[[Verdict], None] | None = None
    ) -> list[Verdict]:
        """Judge assembled programs; `on_done` is called once per finished job (for progress bars)."""
        return self._map(self.verify_program, jobs, on_done)

    async def averify_batch(self, items: list[tuple[Problem, str]]) -> list[Verdict]:
        """Async-friendly: runs the batch in a worker thread so the event loop stays free."""
        return await asyncio.to_thread(self.verify_batch, items)

    async def averify(self, problem: Problem, response: str) -> Verdict:
        return await asyncio.to_thread(self.verify, problem, response)
