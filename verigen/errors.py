"""Typed exceptions raised by the library. The CLI turns them into one-line messages."""


class VerigenError(Exception):
    """Base class for every error verigen raises on purpose."""


class ConfigError(VerigenError):
    """A configuration file or option is invalid (bad key, bad value, unreadable file)."""


class UnknownTemplateError(VerigenError):
    """A template name that the registry does not know."""


class TemplateError(VerigenError):
    """A template failed to produce a problem (a bug in the template, named in the message)."""


class InputFileError(VerigenError):
    """An input file cannot be read or is not in the expected format."""


class TeacherError(VerigenError):
    """The teacher endpoint failed after all retries, or cannot be started."""


class StoreError(VerigenError):
    """The run store is missing, corrupt, or belongs to a different run configuration."""


class SandboxError(VerigenError):
    """The code sandbox cannot be used on this host (no engine, no image, a broken guarantee)."""
