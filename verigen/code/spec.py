"""What a code problem's gold answer holds (Problem.answer for kind "code"), as a typed object.

Three test styles:
  call   entry point + argument lists -> return values, compared strictly on the host
  stdio  a whole program: stdin text -> stdout text, compared token-wise on the host
  check  an external assert suite (HumanEval's `check(candidate)`), run by a trusted checker
         process in another container that reaches the candidate only through a data proxy
Expected values live here, on the host; `sandbox_inputs` is all the sandbox ever gets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from verigen.code import codec
from verigen.code.compare import Compare
from verigen.errors import InputFileError

Style = Literal["call", "stdio", "check"]
DEFAULT_TIMEOUT = 5.0


@dataclass(frozen=True)
class TestCase:
    __test__: ClassVar[bool] = False  # not a pytest class

    input: Any  # call: a list of arguments; stdio: the stdin text
    expected: Any  # call: the return value; stdio: the expected stdout text


@dataclass(frozen=True)
class CodeSpec:
    style: Style
    entry_point: str | None = None
    tests: tuple[TestCase, ...] = ()
    compare: Compare = field(default_factory=Compare)
    timeout: float = DEFAULT_TIMEOUT
    prelude: str = ""  # check style: trusted code the suite needs (HumanEval's prompt)
    test_code: str = ""  # check style: defines check(candidate)

    def sandbox_inputs(self) -> list[Any]:
        """The only part of the tests that enters the sandbox."""
        if self.style == "call":
            return [codec.encode(list(case.input)) for case in self.tests]
        return [case.input for case in self.tests]

    def to_answer(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "style": self.style,
            "timeout": self.timeout,
            "compare": self.compare.to_json(),
        }
        if self.entry_point is not None:
            data["entry_point"] = self.entry_point
        if self.style == "check":
            data.update(prelude=self.prelude, test=self.test_code)
        else:
            data["tests"] = [
                {"input": codec.encode(case.input), "expected": codec.encode(case.expected)}
                for case in self.tests
            ]
        return data

    @classmethod
    def from_answer(cls, data: dict[str, Any]) -> CodeSpec:
        try:
            style = data["style"]
            if style not in ("call", "stdio", "check"):
                raise ValueError(f"unknown test style {style!r}")
            tests = tuple(
                TestCase(codec.decode(case["input"]), codec.decode(case["expected"]))
                for case in data.get("tests", ())
            )
            spec = cls(
                style=style,
                entry_point=data.get("entry_point"),
                tests=tests,
                compare=Compare.from_json(data.get("compare")),
                timeout=float(data.get("timeout", DEFAULT_TIMEOUT)),
                prelude=data.get("prelude", ""),
                test_code=data.get("test", ""),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise InputFileError(f"malformed code answer: {exc}") from None
        if style in ("call", "check") and not spec.entry_point:
            raise InputFileError(f"a {style}-style code answer needs an entry_point")
        if style == "call" and any(type(case.input) not in (list, tuple) for case in tests):
            raise InputFileError("call-style test inputs must be argument lists")
        if style == "stdio" and any(type(c.input) is not str or type(c.expected) is not str for c in tests):
            raise InputFileError("stdio-style tests need text input and text expected output")
        if style == "check" and "def check" not in spec.test_code:
            raise InputFileError("a check-style answer needs test code defining check(candidate)")
        if style != "check" and not tests:
            raise InputFileError("a code answer needs at least one test")
        return spec
