"""Dispatch verification by problem kind: math through a deadline-killing process pool, code
through the sandbox's warm pool. Both are opened lazily, only when a run needs them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from verigen.types import Problem, Verdict


class Verifiers:
    """Owns the verification pools of one run. Use as a context manager."""

    def __init__(
        self, *, math_deadline: float = 5.0, workers: int | None = None, code_timeout: float | None = None
    ) -> None:
        self._math_deadline = math_deadline
        self._workers = workers
        self._code_timeout = code_timeout
        self._math_pool: Any = None
        self._code: Any = None

    def __enter__(self) -> Verifiers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._math_pool is not None:
            self._math_pool.close()
            self._math_pool = None
        if self._code is not None:
            self._code.close()
            self._code = None

    def verify(self, items: Sequence[tuple[Problem, str]]) -> list[Verdict]:
        """Verdicts for (problem, response) pairs, in input order."""
        verdicts: list[Verdict | None] = [None] * len(items)
        math_idx = [i for i, (p, _) in enumerate(items) if p.kind == "math"]
        code_idx = [i for i, (p, _) in enumerate(items) if p.kind == "code"]
        if math_idx:
            results = self._math().verify([(items[i][0].answer, items[i][1]) for i in math_idx])
            for i, verdict in zip(math_idx, results, strict=True):
                verdicts[i] = verdict
        if code_idx:
            results = self._code_verifier().verify_batch([items[i] for i in code_idx])
            for i, verdict in zip(code_idx, results, strict=True):
                verdicts[i] = verdict
        assert all(v is not None for v in verdicts)
        return verdicts  # type: ignore[return-value]

    def _math(self) -> Any:
        if self._math_pool is None:
            from verigen.math.batch import MathVerifierPool

            self._math_pool = MathVerifierPool(self._math_deadline, self._workers)
        return self._math_pool

    def _code_verifier(self) -> Any:
        if self._code is None:
            from verigen.code import CodeVerifier

            kwargs = {} if self._code_timeout is None else {"timeout": self._code_timeout}
            self._code = CodeVerifier(**kwargs)
            self._code.__enter__()
        return self._code
