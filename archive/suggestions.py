"""Speakers who are likely one person, offered to an editor as merge suggestions::

    "Biden", "President Biden"     ⊂ "Joe Biden"              the same surname, fewer names
    "A. Guterres"                  ~ "António Guterres"       an initial for a first name
    "AA"                           ~ "Andreas Antonopoulos"   initials
    "Antonio Guterres"             = "António Guterres"       (accents: already one record)

Only a suggestion: "Jill Biden" and "Joe Biden" are never offered, "Biden" with either is.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from .names import fold

TITLES = {
    "the", "president", "vice", "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame",
    "senator", "sen", "rep", "representative", "governor", "gov", "secretary", "general", "minister",
    "prime", "chancellor", "ambassador", "mayor", "judge", "justice", "chairman", "chair", "speaker",
    "leader", "gen", "col", "capt", "rev", "father", "jr", "sr",
}  # fmt: skip


def words(name: str) -> list[str]:
    """The name's words without titles: "President Joe Biden" → ["joe", "biden"]."""
    return [w for w in fold(name).split() if w not in TITLES]


def initials_of(name: str) -> str:
    """ "AA" for a label printed as initials, else ""."""
    compact = name.replace(".", "").replace(" ", "")
    return compact.casefold() if 2 <= len(compact) <= 4 and compact.isupper() and compact.isalpha() else ""


def why_same(short: list[str], long: list[str], raw_short: str) -> str:
    """Why the shorter name may be the longer one's, or "" when it may not."""
    if not short or not long:
        return ""
    if short == long:
        return "the same name, with a title"
    if (letters := initials_of(raw_short)) and len(long) >= 2 and letters == "".join(w[0] for w in long):
        return "initials"
    if len(short) > len(long) or short[-1] != long[-1]:
        return ""
    if set(short) <= set(long):
        return "the same surname, fewer names"
    rest = long[len(long) - len(short) :]
    if all(s == w or (len(s) == 1 and w.startswith(s)) for s, w in zip(short, rest, strict=True)):
        return "an initial for a first name"
    return ""


def merge_suggestions(speakers) -> list[dict]:
    """Pairs of speakers (each with ``answers`` annotated) that may be one person, the one
    with more answers first (the one a merge keeps), best-supported first."""
    people = [(s, words(s.name)) for s in speakers]
    by_key: dict[str, list] = defaultdict(list)
    for speaker, ws in people:
        if ws:
            by_key["surname:" + ws[-1]].append((speaker, ws))
            if len(ws) >= 2:
                by_key["initials:" + "".join(w[0] for w in ws)].append((speaker, ws))
        if letters := initials_of(speaker.name):
            by_key["initials:" + letters].append((speaker, ws))
    found: dict[tuple[int, int], dict] = {}
    for group in by_key.values():
        for (a, wa), (b, wb) in combinations(group, 2):
            if a.pk == b.pk or (min(a.pk, b.pk), max(a.pk, b.pk)) in found:
                continue
            short, long = ((a, wa), (b, wb)) if (len(wa), len(a.name)) <= (len(wb), len(b.name)) else ((b, wb), (a, wa))
            reason = why_same(short[1], long[1], short[0].name)
            if reason:
                keeper, other = sorted([a, b], key=lambda s: (s.answers, len(s.name)), reverse=True)
                found[(min(a.pk, b.pk), max(a.pk, b.pk))] = {"keeper": keeper, "other": other, "reason": reason}
    return sorted(found.values(), key=lambda s: (-s["keeper"].answers - s["other"].answers, s["keeper"].name))
