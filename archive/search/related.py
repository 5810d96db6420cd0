"""What "related answers" compare and show: topic words, and a clean excerpt (pure, no Django).

An answer's topic words are its rarer words (the engine weighs them: Bo1 in Whoosh), less
the words every conversation has: stop words (the analyzer drops them), and the talk around
the topic in interviews, briefings and podcasts ("think", "question", "thank", "Wikinews")
in :data:`BOILERPLATE`. Related answers share three topic words, or one or two that
carry a good part of the topic's weight (:func:`enough_in_common`)::

    "What prompted your curiosity about Magellanic penguins?" / "…collect sand crabs…"
    → topic words: penguin, magellan, crab, marin, fish …   (stems, as the index holds them)

A related answer is shown as its first sentences, Markdown taken out::

    excerpt("**Yes.** See [the paper](https://x.org) — it's `open`.")  →  "Yes. See the paper — it's open."
"""

import re
from itertools import combinations

from ..sentences import OMISSION, sentences, shorten
from .analysis import analyze

EXCERPT_CHARS = 220
TOPIC_WORDS = 10  # the most telling words of an answer that related answers are found by
SHARED_ENOUGH = 3  # topic words a related answer shares; or fewer that carry TELLING of their weight
TELLING = 0.3
# A word this common (a share of all answers) says nothing about a topic, however telling the
# engine finds it in one text; small archives count at least MIN_COMMON answers.
COMMON_SHARE = 0.05
MIN_COMMON = 25

# Conversation, not topic: in every kind of interview the archive holds.
BOILERPLATE_WORDS = """
    absolutely actually ago ahead agree anybody anything anyway around ask asked asking away back bad
    basically believe better big bit call called came can come comes coming course day days
    definitely detail details different doing done else end enough even ever every everybody everyone
    everything exactly fact far feel final finally fine first folks formal frankly gave get gets
    getting give
    given glad go goes going gone gonna good got great guess guy guys happen happened happening hear
    heard hello help hey hi hope huge idea important include included including interview interviewed interviews issue issues
    just keep kind knew know known last later least let lets level like little long look looking
    lot lots love loved loving made make makes making many matter maybe mean means mention mentioned might mm much
    need needs never new next nice now obviously ok okay one ones part people person place
    point pretty probably put question questions quite rather read ready real really reason
    receive received repeat
    right said say saying says second see seen sense set show sir sit so some somebody someone
    something sometimes sort speak start started stuff sure take talk talked talking tell
    terms thank thanks thing things think thinking thought time times today together told took
    tried true try trying turn uh um understand us use used want wanted wants way ways week
    well went whatever whole wikinews wn word words work working world yeah year years yes yet
    aren couldn didn doesn don hadn hasn haven isn shouldn wasn weren won wouldn
    a.m p.m edt est pst gmt utc laughter laughs applause crosstalk inaudible unintelligible
    about above after again against all also am any because been before being below between both
    but did does down during each few further had has he her here hers herself him himself his
    how into its itself just me more most my myself nor off once only other ought our ours
    ourselves out over own same she should such than their theirs them themselves then there
    these they those through too under until up very was were what where which while who whom
    why would yours yourself yourselves i it's there's that's could shall must might
""".split()
BOILERPLATE = frozenset(term for word in BOILERPLATE_WORDS for term, _, _ in analyze(word))

# "Adam Stacoviak: Yeah." inside an answer: a transcript's label, not what the answer is about.
_LABEL = re.compile(r"(?m)(?:^|(?<=\s\s))[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}:")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)\s]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`+)(?=\S)(.+?)(?<=\S)\1")
_LINE_MARKS = re.compile(r"^[ \t]{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)", re.MULTILINE)
_ESCAPES = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")
_ENTITIES = {"&#39;": "'", "&quot;": '"', "&amp;": "&", "&nbsp;": " ", "&lt;": "<", "&gt;": ">"}


def without_labels(text: str) -> str:
    """``text`` without the speaker labels of a transcript quoted in it."""
    return _LABEL.sub(" ", text)


def is_topic_word(term: str) -> bool:
    return term not in BOILERPLATE and len(term) > 2 and not term.isdigit()


def plain(text: str) -> str:
    """Imported text without Markdown marks, links reduced to their words."""
    for entity, char in _ENTITIES.items():
        text = text.replace(entity, char)
    text = _LINK.sub(r"\1", text)
    text = _LINE_MARKS.sub("", text)
    text = _EMPHASIS.sub(r"\2", text)
    return _ESCAPES.sub(r"\1", text)


def excerpt(text: str, limit: int = EXCERPT_CHARS, about: list[str] = ()) -> str:
    """Whole sentences of ``text`` as plain text, at most ``limit`` characters: from the first
    sentence with one of the words ``about`` (past "Thank you. I appreciate that."), else from
    the beginning; […] marks sentences left out."""
    parts = sentences(plain(text))
    wanted = {term for word in about for term, _, _ in analyze(word)}
    first = next((i for i, part in enumerate(parts) if wanted & {t for t, _, _ in analyze(part)}), 0)
    shown = shorten(" ".join(parts[first:]), limit, hard=True)
    return f"{OMISSION} {shown}" if first else shown


def enough_in_common(topic: list[tuple[str, float]]) -> list[tuple[str, ...]]:
    """The sets of topic words a related answer must have one of: one or two words that carry
    TELLING of the topic's weight ("tariffs" in a short answer about tariffs), or any
    SHARED_ENOUGH words. Chosen on the judged answers of tests/follow/measure.py."""
    total = sum(weight for _, weight in topic) or 1
    weight = dict(topic)
    telling = [
        words
        for size in range(1, SHARED_ENOUGH)
        for words in combinations(weight, size)
        if sum(weight[w] for w in words) / total >= TELLING
    ]
    telling = [w for w in telling if not any(set(o) < set(w) for o in telling)]  # the smallest
    return telling + [c for c in combinations(weight, SHARED_ENOUGH) if not any(set(t) <= set(c) for t in telling)]


def shared_words(topic: list[str], text: str) -> list[str]:
    """The topic words (stems) found in ``text``, each as ``text`` prints it first."""
    found = {}
    for term, start, end in analyze(text):
        if term in topic and term not in found:
            found[term] = text[start:end].lower()
    return [found[t] for t in topic if t in found]
