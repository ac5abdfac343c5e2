"""verigen: verifiable synthetic reasoning and code data."""

__version__ = "0.1.0"
