"""Pull the program out of a model response: the last fenced python (or bare) code block."""

from __future__ import annotations

import re

MAX_CODE_CHARS = 200_000
PYTHON_TAGS = frozenset({"", "python", "py", "python3", "py3"})
_OPEN = re.compile(r"^ {0,3}(`{3,})[ \t]*([^`\s]*)[^`]*$")


def code_blocks(text: str) -> list[tuple[str, str]]:
    """Every closed fenced block as (language tag, body), in order. Unclosed fences are ignored."""
    blocks: list[tuple[str, str]] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        match = _OPEN.match(lines[i])
        if not match:
            i += 1
            continue
        fence, tag = match.group(1), match.group(2).lower()
        close = re.compile(rf"^ {{0,3}}`{{{len(fence)},}}[ \t]*$")
        for j in range(i + 1, len(lines)):
            if close.match(lines[j]):
                blocks.append((tag, "\n".join(lines[i + 1 : j])))
                i = j + 1
                break
        else:
            break
    return blocks


def extract_code(response: str) -> str | None:
    """The last ```python / ```py / bare ``` block, or None when there is none (or it is empty)."""
    for tag, body in reversed(code_blocks(response)):
        if tag in PYTHON_TAGS:
            body = body.strip("\n")
            return body + "\n" if body.strip() else None
    return None
