"""`generate`: pose problems, sample the teacher, verify, record, with resume after any crash.

Teacher calls run concurrently (bounded by the teacher); responses flow through a queue to a
single verifier loop that checks them in small batches on the process pools and commits each
batch to the store in one transaction. Every response is cached in the store the moment it
arrives, so a crash between the call and the verdict still never pays twice.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from verigen.store import RunStore
from verigen.types import Attempt, Completion, Problem, Status
from verigen.verifiers import Verifiers

VERIFY_BATCH = 16


class SamplesTeacher(Protocol):
    model: str

    async def sample_one(
        self, messages: list[dict[str, str]], sample_index: int, *, seed: int
    ) -> Completion: ...


def messages_for(problem: Problem, system_prompt: str | None = None) -> list[dict[str, str]]:
    """The conversation the teacher sees; SFT and DPO rows carry the same prompt messages."""
    system = [{"role": "system", "content": system_prompt}] if system_prompt else []
    return [*system, {"role": "user", "content": problem.prompt}]


@dataclass
class Progress:
    total: int
    done: int = 0
    passed: int = 0
    status_counts: dict[str, int] = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic)

    def record(self, statuses: list[Status]) -> None:
        for status in statuses:
            self.done += 1
            self.passed += status is Status.PASS
            self.status_counts[status.value] = self.status_counts.get(status.value, 0) + 1

    @property
    def pass_rate(self) -> float:
        return self.passed / self.done if self.done else 0.0


async def sample_and_verify(
    problems: list[Problem],
    samples: int,
    seed: int,
    system_prompt: str | None,
    store: RunStore,
    teacher: SamplesTeacher,
    verifiers: Verifiers,
    on_progress: Callable[[Progress], Any] | None = None,
) -> Progress:
    """Fill in every missing (problem, sample) attempt. Idempotent: done keys are skipped."""
    done = store.done_keys()
    todo = [(p, k) for p in problems for k in range(samples) if (p.id, k) not in done]
    progress = Progress(total=len(todo))
    queue: asyncio.Queue[tuple[Problem, int, Completion] | None] = asyncio.Queue()

    async def call(problem: Problem, sample_index: int) -> None:
        completion = await teacher.sample_one(messages_for(problem, system_prompt), sample_index, seed=seed)
        await queue.put((problem, sample_index, completion))

    async def verify_loop() -> None:
        finished = False
        while not finished:
            batch = [await queue.get()]
            while len(batch) < VERIFY_BATCH and not queue.empty():
                batch.append(queue.get_nowait())
            if batch[-1] is None:
                finished = True
            items = [b for b in batch if b is not None]
            if not items:
                continue
            verdicts = await asyncio.to_thread(verifiers.verify, [(p, c.text) for p, _, c in items])
            attempts = [Attempt(p.id, k, c, v) for (p, k, c), v in zip(items, verdicts, strict=True)]
            store.add_attempts(attempts)
            progress.record([v.status for v in verdicts])
            if on_progress is not None:
                on_progress(progress)

    verifier_task = asyncio.create_task(verify_loop())
    calls = [asyncio.create_task(call(p, k)) for p, k in todo]
    try:
        # The first teacher failure (already retried by the teacher) stops the run; everything
        # finished so far is kept, and --resume picks up the rest.
        if calls:
            finished, _ = await asyncio.wait(calls, return_when=asyncio.FIRST_EXCEPTION)
            for task in finished:
                if task.exception() is not None:
                    raise task.exception()  # type: ignore[misc]
    finally:
        for task in calls:
            task.cancel()
        await asyncio.gather(*calls, return_exceptions=True)
        await queue.put(None)
        await verifier_task
    return progress
