"""Code verification: run untrusted programs in hardened containers and judge them on the host.

Public API (imports are lazy so that templates and the pure helpers need no Docker SDK):
  CodeVerifier        context manager owning a warm pool; verify / verify_batch / averify_batch
  verify_code_files   the `verigen verify code` command
  sandbox_check       the `verigen sandbox check` self-test
  build_image         the `verigen sandbox build` command
  extract_code        the last fenced python block of a response
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from verigen.code.extract import extract_code
    from verigen.code.files import verify_code_files
    from verigen.code.sandbox_build import build_image
    from verigen.code.selfcheck import sandbox_check
    from verigen.code.verifier import CodeVerifier

__all__ = ["CodeVerifier", "build_image", "extract_code", "sandbox_check", "verify_code_files"]

_HOMES = {
    "CodeVerifier": "verigen.code.verifier",
    "verify_code_files": "verigen.code.files",
    "sandbox_check": "verigen.code.selfcheck",
    "build_image": "verigen.code.sandbox_build",
    "extract_code": "verigen.code.extract",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        import importlib

        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(name)
