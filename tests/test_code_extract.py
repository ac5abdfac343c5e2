"""Extraction of the program from a model response: the last python (or bare) fenced block."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from verigen.code.extract import code_blocks, extract_code


def test_last_python_block_wins() -> None:
    text = "```python\nx = 1\n```\nthen\n```py\nx = 2\n```\nfinally\n```\nx = 3\n```\n"
    assert extract_code(text) == "x = 3\n"


def test_other_languages_are_skipped() -> None:
    text = "```python\nprint('ok')\n```\nRun it with:\n```bash\npython main.py\n```\n"
    assert extract_code(text) == "print('ok')\n"


def test_no_block_empty_block_and_unclosed_block() -> None:
    assert extract_code("def f(): return 1") is None
    assert extract_code("```python\n\n```") is None
    assert extract_code("```python\ndef f():\n    return 1\n") is None
    assert extract_code("```python\nx = 1\n```\n```python\nunfinished") == "x = 1\n"


def test_longer_fences_may_contain_backticks() -> None:
    text = "````python\ns = '''\n```\n'''\n````\n"
    assert extract_code(text) == "s = '''\n```\n'''\n"


def test_info_string_after_language_and_indented_fence() -> None:
    assert extract_code("  ```python title=sol.py\nx = 5\n  ```") == "x = 5\n"
    assert code_blocks("```Python\na\n```") == [("python", "a")]


code_lines = st.lists(
    st.text(st.characters(blacklist_categories=["Cs", "Cc"]), max_size=30).filter(lambda s: "`" not in s),
    min_size=1,
    max_size=8,
).filter(lambda lines: any(line.strip() for line in lines))


@given(code_lines, st.text(max_size=40).filter(lambda s: "`" not in s))
def test_any_fenced_code_comes_back(lines: list[str], prose: str) -> None:
    code = "\n".join(lines).strip("\n")
    response = f"{prose}\n```python\n{code}\n```\n{prose}\n"
    assert extract_code(response) == code + "\n"
