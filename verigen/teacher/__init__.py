"""Teacher layer: turn chat messages into n Completions from any OpenAI-compatible endpoint.

`Teacher` + `TeacherConfig` talk to the endpoint (OpenAI, vLLM, llama.cpp, Ollama); `ResponseCache`
is what the run store implements so no call is paid for twice; `EmbeddedTeacher` starts the local
llama.cpp server with SmolLM2 (imported lazily: it needs the `local` extra only when used).
"""

from verigen.teacher.cache import InMemoryCache, ResponseCache, cache_key
from verigen.teacher.client import (
    Teacher,
    TeacherConfig,
    TeacherHTTPError,
    TeacherStats,
    parse_retry_after,
    sample_seed,
)
from verigen.teacher.embedded import EmbeddedTeacher, find_model_path

__all__ = [
    "EmbeddedTeacher",
    "InMemoryCache",
    "ResponseCache",
    "Teacher",
    "TeacherConfig",
    "TeacherHTTPError",
    "TeacherStats",
    "cache_key",
    "find_model_path",
    "parse_retry_after",
    "sample_seed",
]
