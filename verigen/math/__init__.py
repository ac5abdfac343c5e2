"""Math: structured gold answers, extraction, guarded parsing, equivalence, batch verification."""
