"""The glossary's entries: a medical word, the ways it is written, and its plain-word explanation."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    term: str
    forms: tuple[str, ...]
    explanation: str
