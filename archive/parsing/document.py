"""What the parser returns: small dataclasses, and the one error it raises.

An :class:`Interview` holds every word of its input in exactly one place: a field, a pair,
or ``discarded``::

    Interview(title="Talking trade", outlet="Example Times", lead="…",
              pairs=[ParsedPair(question="What comes next?", answer="Tariffs.", speaker="Ann Lee")],
              speakers=[ParsedSpeaker(name="Ann Lee", role="Minister of Trade")])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


class ParseError(ValueError):
    """The text cannot be read as an article; ``line`` is 1-based when known."""

    def __init__(self, reason: str, line: int | None = None):
        self.reason = reason
        self.line = line
        super().__init__(f"line {line}: {reason}" if line else reason)


@dataclass(frozen=True)
class ParsedSpeaker:
    name: str
    role: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParsedPair:
    question: str
    answer: str
    speaker: str
    asker: str = ""


@dataclass
class Interview:
    title: str
    outlet: str = ""
    published: date | None = None
    photo_credit: str = ""
    source_url: str = ""
    interviewer: str = ""
    language: str = ""
    place: str = ""
    lead: str = ""
    closing: str = ""
    speakers: list[ParsedSpeaker] = field(default_factory=list)
    pairs: list[ParsedPair] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    discarded: list[str] = field(default_factory=list)  # junk lines, timestamps, markers: reported
    labels: list[str] = field(default_factory=list)  # speaker labels, in order
    metadata_lines: list[str] = field(default_factory=list)  # header, byline, credit lines read into fields
    # The parser's own account of its split, for an editor deciding which files to check:
    # each line a finding ("labels: Q (asks, a reporter's label), MS. PSAKI (answers)").
    evidence: list[str] = field(default_factory=list)
    confidence: float = 1.0  # 0..1: how sure the parser is of the split

    REVIEW_BELOW = 0.7

    @property
    def needs_review(self) -> bool:
        """A split an editor should look at before publishing."""
        return self.confidence < self.REVIEW_BELOW
