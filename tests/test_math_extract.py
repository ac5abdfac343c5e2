"""Answer extraction: the last boxed answer, balanced braces, conflicts, bare answers, cleaning."""

from __future__ import annotations

import pytest

from verigen.math.extract import MAX_CANDIDATES, clean_answer, extract_answer, find_boxed


@pytest.mark.parametrize(
    ("response", "candidates"),
    [
        (r"so \boxed{5}.", ("5",)),
        (r"\boxed{\frac{1}{2}}", (r"\frac{1}{2}",)),
        (r"\boxed{\frac{\sqrt{3}}{2}} done", (r"\frac{\sqrt{3}}{2}",)),
        (r"\boxed{\{1, 2\}}", (r"\{1, 2\}",)),
        (r"\boxed{a \} b}", (r"a \} b",)),  # an escaped brace does not close the box
        (r"\boxed{\left\{ 1 \right\}}", (r"\{ 1 \}",)),
        (r"\fbox{7}", ("7",)),
        (r"\boxed 5 is it", ("5",)),
        (r"\boxed {12}", ("12",)),
        (r"$\boxed{\boxed{3}}$", ("3",)),  # nested boxes are one answer
        (r"\boxed{3} and again \boxed{3}", ("3",)),  # repeats are one answer
        (r"first \boxed{4}, later \boxed{3}", ("4", "3")),  # the last is the final one
        (r"\boxed{ x = 3 }", ("x = 3",)),
        (r"\boxed{\text{(B)}}", ("(B)",)),
        ("\\boxed{1}\\boxed\n{2}", ("1", "2")),  # a newline before the brace hides nothing
        (r"\boxed{1} \framebox{2}", ("1", "2")),
        (r"\framebox[2cm]{3}", ("3",)),
        (r"\boxed{1}\boxed2", ("1", "2")),
    ],
)
def test_boxed_candidates(response: str, candidates: tuple[str, ...]) -> None:
    ex = extract_answer(response)
    assert ex.source == "boxed"
    assert ex.candidates == candidates
    assert ex.final == candidates[-1]


def test_adjacent_boxes_are_offered_joined() -> None:
    assert extract_answer(r"roots: \boxed{2}, \boxed{3}").joined == "2, 3"
    assert extract_answer(r"roots: \boxed{2}, \boxed{3}").joined_by_commas
    assert not extract_answer(r"\boxed{2} or \boxed{3}").joined_by_commas
    assert extract_answer(r"$\boxed{2}$ and $\boxed{3}$").joined == "2, 3"
    apart = extract_answer(r"\boxed{2} is wrong because of the sign, so the answer is \boxed{3}")
    assert apart.joined is None and apart.candidates == ("2", "3")


@pytest.mark.parametrize(
    ("response", "candidate", "source"),
    [
        ("42", "42", "bare"),
        ("  $\\frac12$  ", r"\frac12", "bare"),
        ("x = 3", "x = 3", "bare"),
        ("The answer is 42.", "42", "bare"),
        ("Long reasoning here.\nMore reasoning.\nFinal Answer: $7$", "7", "final"),
        ("Reasoning...\n\nThe final answer is $\\frac{3}{4}$.", r"\frac{3}{4}", "final"),
    ],
)
def test_unboxed_answers(response: str, candidate: str, source: str) -> None:
    ex = extract_answer(response)
    assert (ex.candidates, ex.source) == ((candidate,), source)


@pytest.mark.parametrize(
    "response",
    [
        "",
        "   ",
        "I think about it for a while and conclude that we need more information about x. " * 3,
        "Let me compute.\n" + "blah " * 50 + "\nthe result follows",
        r"The answer is \boxed{3",  # truncated inside the box
        r"\boxed{}",
    ],
)
def test_no_answer(response: str) -> None:
    ex = extract_answer(response)
    assert ex.candidates == () and ex.source == "none" and ex.final is None


def test_unterminated_last_box_is_not_replaced_by_an_earlier_one() -> None:
    ex = extract_answer(r"\boxed{3}. Wait, no: \boxed{4")
    assert ex.candidates == () and "unterminated" in ex.detail


def test_many_distinct_boxes_are_flagged() -> None:
    ex = extract_answer(" ".join(rf"\boxed{{{i}}}" for i in range(MAX_CANDIDATES + 5)))
    assert ex.detail == "too many distinct boxed answers"


def test_megabyte_response_with_ten_thousand_boxes() -> None:
    response = ("filler text " * 8 + r"\boxed{7} ") * 10_000 + "x" * 1_000_000
    ex = extract_answer(response)
    assert ex.candidates == ("7",)
    boxes, unterminated = find_boxed(response)
    assert len(boxes) == 10_000 and not unterminated


def test_deeply_nested_braces_scan() -> None:
    response = r"\boxed{" + "{" * 50_000 + "1" + "}" * 50_000 + "}"
    assert extract_answer(response).candidates[0].strip("{}") == "1"
    assert extract_answer(r"\boxed{" + "{" * 50_000).candidates == ()


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("$42$", "42"),
        (r"\(42\)", "42"),
        (r"\[ 42 \]", "42"),
        ("42.", "42"),
        (r"\dfrac{3}{4}", r"\frac{3}{4}"),
        (r"\tfrac{3}{4}", r"\frac{3}{4}"),
        (r"12 \text{ cm}", "12"),
        ("12 cm^2", "12"),
        ("5 m", "5"),
        ("3m", "3m"),  # a variable, not metres
        (r"30^\circ", "30"),
        (r"30^{\circ}", "30"),
        (r"25\%", "25"),
        (r"\$5", "5"),
        (r"1{,}000", "1000"),
        (r"1\,000\,000", "1000000"),
        (r"x=2 \text{ or } x=3", "x=2 or x=3"),
        (r"\text{48}", "48"),
        (r"\left( 1, 2 \right)", "( 1, 2 )"),
        ("{5}", "5"),
        (r"\displaystyle \frac{1}{2}", r"\frac{1}{2}"),
        (r"0\,001", "0 001"),  # not a thousands separator after a leading zero
        (r"12{,}345\,678", "12345678"),
        (r"2\mathrm{i}", "2i"),  # not a unit: kept
        (r"10\text{ thousand}", "10 thousand"),
        (r"7\text{ apples}", "7"),
    ],
)
def test_clean_answer(raw: str, clean: str) -> None:
    assert clean_answer(raw) == clean
