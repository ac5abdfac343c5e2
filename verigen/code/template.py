"""CodeTemplate: the code counterpart of MathTemplate.

A code template supplies a statement, a trusted reference solution (real Python source), the
test style (function call or stdin/stdout), and inputs drawn from the per-item rng: a few visible
examples shown in the prompt and hidden tests. Expected outputs are computed by running the
reference on the host at sample time (it is our code, so it runs unsandboxed) and stored in
Problem.answer; they never enter the sandbox. Each template also lists plausible wrong variants
(off-by-one and the like), which the contract test runs to prove the hidden tests discriminate.
"""

from __future__ import annotations

import contextlib
import copy
import io
import random
import sys
from abc import abstractmethod
from dataclasses import dataclass
from typing import Any, ClassVar

from verigen.code.compare import Compare
from verigen.code.spec import CodeSpec, Style, TestCase
from verigen.templates import Template
from verigen.types import Kind

ANSWER_FORMAT = "Reply with exactly one fenced ```python code block containing your complete solution."


@dataclass(frozen=True)
class CodeItem:
    """What a code template's `generate` returns: the statement and the test inputs."""

    statement: str
    examples: list[Any]  # call: argument lists; stdio: stdin text. Shown in the prompt.
    hidden: list[Any]
    metadata: dict[str, Any] | None = None


def run_reference(source: str, style: Style, entry_point: str | None, inputs: list[Any]) -> list[Any]:
    """Run trusted reference code on the host and return its outputs, one per input."""
    code = compile(source, "<reference>", "exec")
    if style == "call":
        module: dict[str, Any] = {"__name__": "reference"}
        exec(code, module)
        return [module[str(entry_point)](*copy.deepcopy(args)) for args in inputs]
    outputs: list[Any] = []
    for value in inputs:
        namespace: dict[str, Any] = {"__name__": "__main__"}
        stdout, saved = io.StringIO(), sys.stdin
        sys.stdin = io.StringIO(value)
        try:
            with contextlib.redirect_stdout(stdout):
                exec(code, namespace)
        finally:
            sys.stdin = saved
        outputs.append(stdout.getvalue())
    return outputs


def _call_text(entry: str, args: list[Any]) -> str:
    return f"{entry}({', '.join(repr(arg) for arg in args)})"


class CodeTemplate(Template):
    kind: ClassVar[Kind] = "code"
    style: ClassVar[Style]
    entry_point: ClassVar[str | None] = None
    signature: ClassVar[str | None] = None  # call style: the `def` line shown to the model
    reference: ClassVar[str]
    wrong_variants: ClassVar[tuple[str, ...]] = ()
    compare: ClassVar[Compare] = Compare()
    timeout: ClassVar[float] = 4.0

    @abstractmethod
    def generate(self, rng: random.Random, difficulty: int) -> CodeItem:
        """Make one problem's statement and inputs. Use only `rng` for randomness."""

    def _prompt(self, item: CodeItem, shown: list[tuple[Any, Any]]) -> str:
        parts = [item.statement.strip(), ""]
        if self.style == "call":
            parts += [
                "Implement this function:",
                "",
                "```python",
                f"{self.signature}",
                "```",
                "",
                "Examples:",
            ]
            for args, out in shown:
                parts += [f">>> {_call_text(str(self.entry_point), args)}", repr(out)]
        else:
            parts.append(
                "Write a complete Python 3 program that reads the input from standard input and "
                "prints the answer to standard output."
            )
            for number, (text, out) in enumerate(shown, 1):
                parts += ["", f"Example {number}", "Input:", "```", text.rstrip("\n"), "```"]
                parts += ["Output:", "```", out.rstrip("\n"), "```"]
        parts += ["", ANSWER_FORMAT]
        return "\n".join(parts)

    def spec_for(self, item: CodeItem) -> CodeSpec:
        inputs = [*item.examples, *item.hidden]
        outputs = run_reference(self.reference, self.style, self.entry_point, inputs)
        tests = tuple(TestCase(copy.deepcopy(i), o) for i, o in zip(inputs, outputs, strict=True))
        return CodeSpec(self.style, self.entry_point, tests, self.compare, self.timeout)

    def _make(self, rng: random.Random, difficulty: int) -> tuple[str, dict[str, Any], dict[str, Any]]:
        item = self.generate(rng, difficulty)
        spec = self.spec_for(item)
        shown = [(case.input, case.expected) for case in spec.tests[: len(item.examples)]]
        metadata = {"style": self.style, "tests": len(spec.tests), "examples": len(item.examples)}
        metadata.update(item.metadata or {})
        return self._prompt(item, shown), spec.to_answer(), metadata

    def info(self) -> dict[str, Any]:
        return {**super().info(), "style": self.style, "entry_point": self.entry_point}
