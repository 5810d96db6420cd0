"""An editor's corrections to a parsed interview: pure functions on the parser's dataclasses,
no Django. Each correction is a small JSON-able dict that names the text it applies to, not
a position, so the same list can be applied again when the file is imported again::

    {"op": "role", "label": "MODERATOR", "role": "asks"}          (given to the parser)
    {"op": "set", "field": "title", "was": "Go time 7", "value": "Go Time #7"}
    {"op": "speaker", "was": "Bo", "value": "Bo Guest"}
    {"op": "speaker_role", "speaker": "Bo Guest", "was": "", "value": "Go developer"}
    {"op": "merge", "pair": [question, first answer paragraph], "next": [question, first answer paragraph]}
    {"op": "split", "pair": [...], "paragraph": "Why Rust, then?"}   that paragraph starts a new pair
    {"op": "move", "pair": [...], "paragraph": "Subscribe now.", "to": "discarded"}   or "lead", "closing"

``apply(interview, corrections)`` returns a corrected copy and the corrections it could not
apply, each with the reason (the text it names is no longer there: the file changed at that
place, so the editor's old decision is not forced onto new text).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from datetime import date

from .parsing import Interview, ParsedPair, ParsedSpeaker
from .parsing.roles import ROLES

FIELDS = ("title", "outlet", "published", "language", "interviewer", "place")
PLACES = ("lead", "closing", "discarded")


@dataclass
class Applied:
    interview: Interview
    skipped: list[tuple[dict, str]] = field(default_factory=list)


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def join(parts) -> str:
    return "\n\n".join(p for p in parts if p)


def pair_anchor(pair: ParsedPair) -> list[str]:
    """What names a pair in a correction: its question and the first paragraph of its answer
    (several answerers may share one question)."""
    return [pair.question, (paragraphs(pair.answer) or [""])[0]]


def well_formed(c) -> bool:
    """A correction as this module writes them: a known op and text values (a posted preview
    may have been tampered with)."""
    if not isinstance(c, dict) or c.get("op") not in (
        "role",
        "set",
        "speaker",
        "speaker_role",
        "merge",
        "split",
        "move",
    ):
        return False
    for key, value in c.items():
        if key in ("pair", "next"):
            if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)):
                return False
        elif not isinstance(value, str):
            return False
    return True


def roles(corrections: list[dict]) -> dict[str, str]:
    """The editor's label roles, as ``parsing.parse(roles=…)`` takes them."""
    return {c["label"]: c["role"] for c in corrections if c.get("op") == "role" and c.get("role") in ROLES}


def field_value(iv: Interview, name: str) -> str:
    value = getattr(iv, name)
    return value.isoformat() if isinstance(value, date) else value or ""


def apply(interview: Interview, corrections: list[dict]) -> Applied:
    """A copy of ``interview`` with ``corrections`` applied in order."""
    result = Applied(copy.deepcopy(interview))
    for correction in corrections:
        reason = _apply_one(result.interview, correction)
        if reason:
            result.skipped.append((correction, reason))
    return result


def _find(iv: Interview, anchor) -> int | None:
    if not isinstance(anchor, (list, tuple)) or len(anchor) != 2:
        return None
    return next((i for i, p in enumerate(iv.pairs) if pair_anchor(p) == list(anchor)), None)


def _apply_one(iv: Interview, c: dict) -> str:
    op = c.get("op")
    if op == "role":
        return "" if c.get("label") in iv.labels else f"the label “{c.get('label')}” is no longer in the text"
    if op == "set":
        return _set(iv, c)
    if op == "speaker":
        return _rename(iv, c.get("was", ""), c.get("value", ""))
    if op == "speaker_role":
        return _speaker_role(iv, c)
    if op in ("merge", "split", "move"):
        i = _find(iv, c.get("pair"))
        if i is None:
            return "the question it applies to has changed"
        return {"merge": _merge, "split": _split, "move": _move}[op](iv, i, c)
    return f"unknown correction {op!r}"


def _set(iv: Interview, c: dict) -> str:
    name, value = c.get("field"), str(c.get("value", "")).strip()
    if name not in FIELDS:
        return f"unknown field {name!r}"
    if field_value(iv, name) != c.get("was", ""):
        return f"the text now gives another {name}"
    if name == "published":
        try:
            value = date.fromisoformat(value) if value else None
        except ValueError:
            return f"“{value}” is not a date (YYYY-MM-DD)"
    if name == "interviewer":
        iv.pairs = [replace(p, asker=value) if p.asker in ("", iv.interviewer) else p for p in iv.pairs]
    setattr(iv, name, value)
    return ""


def _rename(iv: Interview, was: str, value: str) -> str:
    value = " ".join(value.split())
    if not value:
        return "a speaker needs a name"
    if was and was not in {p.speaker for p in iv.pairs} | {s.name for s in iv.speakers}:
        return f"“{was}” no longer answers in the text"
    iv.pairs = [replace(p, speaker=value) if p.speaker == was else p for p in iv.pairs]
    renamed, speakers = False, []
    for s in iv.speakers:
        if s.name == was:
            s, renamed = replace(s, name=value, aliases=tuple(a for a in s.aliases if a != value)), True
        if s.name not in {k.name for k in speakers}:
            speakers.append(s)
    if not renamed and value not in {s.name for s in speakers}:
        speakers.insert(0, ParsedSpeaker(value))
    iv.speakers = speakers
    return ""


def _speaker_role(iv: Interview, c: dict) -> str:
    for i, s in enumerate(iv.speakers):
        if s.name == c.get("speaker"):
            if s.role != c.get("was", ""):
                return f"the text now gives {s.name} another role"
            iv.speakers[i] = replace(s, role=str(c.get("value", "")).strip())
            return ""
    return f"“{c.get('speaker')}” no longer answers in the text"


def _merge(iv: Interview, i: int, c: dict) -> str:
    if i + 1 >= len(iv.pairs) or pair_anchor(iv.pairs[i + 1]) != list(c.get("next") or []):
        return "the pair it was merged with has changed"
    first, second = iv.pairs[i], iv.pairs[i + 1]
    iv.pairs[i : i + 2] = [replace(first, answer=join([first.answer, second.question, second.answer]))]
    return ""


def _split(iv: Interview, i: int, c: dict) -> str:
    pair, paragraph = iv.pairs[i], c.get("paragraph")
    parts = paragraphs(pair.answer)
    if paragraph not in parts[1:]:
        return "the paragraph it splits at has changed"
    k = parts.index(paragraph, 1)
    rest = parts[k + 1 :]
    iv.pairs[i : i + 1] = [
        replace(pair, answer=join(parts[:k])),
        replace(pair, question=paragraph, answer=join(rest)),
    ]
    return ""


def _move(iv: Interview, i: int, c: dict) -> str:
    pair, paragraph, to = iv.pairs[i], c.get("paragraph"), c.get("to")
    if to not in PLACES:
        return f"unknown place {to!r}"
    question, answer = paragraphs(pair.question), paragraphs(pair.answer)
    if paragraph in answer:
        answer.remove(paragraph)
    elif paragraph in question and len(question) > 1:
        question.remove(paragraph)
    else:
        return "the paragraph it moves has changed"
    iv.pairs[i] = replace(pair, question=join(question), answer=join(answer))
    if to == "lead":
        iv.lead = join([iv.lead, paragraph])
    elif to == "closing":
        iv.closing = join([paragraph, iv.closing])  # it stood before the closing text
    else:
        iv.discarded.append(paragraph)
    return ""
