"""Speaker-labelled transcripts: find the labels, tell askers from answerers, cut the turns
into question/answer pairs. Pure Python, used by :mod:`archive.parsing.reader`.

Labels read at the start of a paragraph or line::

    MS. PSAKI:  Good evening.          an upper-case name or role, then a colon
    Q    Thank you, Jen.               Q or A with a colon, a full stop or two spaces
    **Erik St. Martin:** Alright …     Markdown bold, colon inside or after
    ((WN))  How did you start?         Wikinews double parentheses
    Chris Wallace: Good evening …      a name, a role or a nickname (when it recurs)

The convention: a run of asker turns is a question; the turns of one answerer after it are
its answer; when several answerers speak in turn after one question, each gets a pair with
that question. A short asker turn without a question mark ("Right.", "Thank you.") is an
interjection and stays inside the answer. Answerer turns before the first question are lead
text (an opening statement); questions nobody answered are kept as closing text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

TIMESTAMP = re.compile(r"^(?:\\?\[\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?\\?\]|\(\d{1,2}(?::\d{2}){1,2}\))\s*")
# A time of the recording: 00:08, 1:02:33, 00:00:00.662.
CLOCK = r"\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?"
LABEL_FORMS = (
    ("markdown", re.compile(r"^\*\*(?P<label>[^*\n]{1,60}?)(?::\*\*|\*\*\s*:)\s*")),
    # Recording tools write the speaker, then the time: "[Speaker 2] [00:08] …",
    # "Mark McGranaghan (00:01:02) - …".
    ("timed", re.compile(rf"^\[(?P<label>[^\]\n]{{1,60}})\]\s*\[{CLOCK}\]\s*")),
    ("timed", re.compile(rf"^(?P<label>[^\W\d_][^():\n]{{0,48}}?)\s*\({CLOCK}\)\s*(?:[-–—:]\s*)?")),
    # A turn wholly in bold, label inside: "**Q: What brought you here?**", "**DW: Why?**".
    ("bold-turn", re.compile(r"^(?:\d{1,2}[.)]\s+)?(?:\*\*|__)(?P<label>[^*_:\n]{1,60}?):\s+(?=\S)")),
    ("wiki", re.compile(r"^\(\((?P<label>[^()\n]{1,60})\)\)\s*:?\s*")),
    ("qa", re.compile(r"^(?P<label>Q|A|Question|Answer)(?:\s*:\s*|\.\s+|\s{2,}|(?<=Q) (?=[A-Z]))(?=\S)")),
    ("plain", re.compile(r"^(?P<label>[^\W\d_][^:\n]{0,48}?)\s?:\s+(?=\S)")),
)
ASKER_LABEL = re.compile(
    r"^(?:q|question|questioner|reporter|journalist|press|audience(?: \w+)?|member of the audience|"
    r"moderator|interviewer|host|co-?host|panell?ist|wn|wikinews|participant|"
    r"(?:the |mr\.? |madam )?chair(?:man|woman|person)?|senator(?: .*)?|sen\. .*|rep\. .*|"
    r"representative(?: .*)?|congress(?:man|woman)(?: .*)?|"
    r"pregunta|interlocutora?|reportera?|periodista|moderadora?|entrevistadora?|question(?:neur|neuse)?|journaliste)$",
    re.I,
)
ANSWERER_LABEL = re.compile(r"^(?:a|answer)$", re.I)
# Voices that neither ask nor answer: their words stay where they fall, without a new pair.
NEUTRAL_LABEL = re.compile(
    r"^(?:announcer|narrator|voice[- ]?over|voice|interpreter|translator|crowd|audience members|all|"
    r"video|clip|recording|sound|voz(?: \w+)?|voces(?: .*)?|coro|intervención(?: \w+)?|locutora?|int[ée]rprete|traductora?)$",
    re.I,
)
NOT_LABELS = {
    "note",
    "notes",
    "update",
    "editor's note",
    "editor’s note",
    "source",
    "sources",
    "photo",
    "photo credit",
    "image",
    "caption",
    "video",
    "audio",
    "transcript",
    "read more",
    "see also",
    "warning",
    "disclaimer",
    "correction",
    "tags",
    "topic",
    "topics",
    "location",
    "time",
    "date",
    "title",
    "subject",
    "re",
    "ps",
    "p.s",
    "link",
    "links",
    "url",
    "http",
    "https",
    "example",
    "for example",
    "e.g",
    "i.e",
    "quote",
    "summary",
    "background",
    "edit",
    "credit",
    "break",
    "jingle",
    "music",
    "intro",
    "outro",
    "ad",
    "sponsor",
    "clip",
    "sound bite",
    "soundbite",
}
# Prompts that ask without a question mark: "Tell us a bit about yourself.", "Describe …".
PROMPT = re.compile(
    r"^(?:\d{1,2}[.)]\s*)?(?:please\s+|so,?\s+|and\s+|now,?\s+)?(?:tell (?:us|me)|describe|walk (?:us|me)|take (?:us|me)|"
    r"talk (?:to us |to me )?about|explain|share (?:with us|your)|give (?:us|me)|introduce yourself|summari[sz]e|"
    r"paint (?:us|me)|let'?s talk about|could you|would you|can you)\b",
    re.I,
)
# An asker's turn this short, without a question mark or a prompt, does not start a question.
INTERJECTION_WORDS = 8
# The answerer of unlabelled answers: the article's interviewee.
UNLABELLED = ""


@dataclass
class Turn:
    label: str | None
    text: str
    line: int


@dataclass
class Split:
    lead: list[str] = field(default_factory=list)
    pairs: list[tuple[str, str, str, str]] = field(
        default_factory=list
    )  # question, answer, answerer label, asker label
    closing: list[str] = field(default_factory=list)
    answerers: list[str] = field(default_factory=list)


def strip_timestamp(line: str) -> tuple[str, str]:
    """(line without a leading [00:04:01] timestamp, the timestamp or "")."""
    match = TIMESTAMP.match(line)
    return (line[match.end() :], match.group().strip()) if match else (line, "")


def find_label(line: str) -> tuple[str, str, str] | None:
    """(label, the rest of the line, form) when the line opens with a speaker label."""
    for form, pattern in LABEL_FORMS:
        match = pattern.match(line)
        if not match:
            continue
        label = " ".join(match["label"].split()).strip(" .") if form != "qa" else match["label"]
        if label.casefold() in NOT_LABELS or (form in ("plain", "markdown", "bold-turn") and not _plausible(label)):
            return None
        if form == "timed" and (len(label.split()) > 6 or any(c in label for c in '?!;"“”<>')):
            return None
        return label, line[match.end() :], form
    return None


def unbold_rest(rest: str) -> str:
    """The text of a bold turn without its closing marker: "Why?**" → "Why?"."""
    stripped = rest.rstrip()
    for marker in ("**", "__"):
        if stripped.endswith(marker):
            return stripped[: -len(marker)].rstrip()
    return rest


INITIALS_SUFFIX = re.compile(r"\s*\((?P<initials>[A-Za-z]{1,4})\)$")


def _plausible(label: str) -> bool:
    label = INITIALS_SUFFIX.sub("", label)
    words = label.split()
    if not words or len(words) > 6 or label.casefold().rstrip(".") in NOT_LABELS:
        return False
    if any(c in label for c in '?!,;"“”()[]{}<>=/\\|*#@&%$'):
        return False
    if len(words) == 1 and words[0][0].islower():
        return bool(re.fullmatch(r"[a-z][a-z0-9_\-]{2,24}", words[0]))  # a nickname like roasbeef
    return words[0][0].isupper() and all(w[0].isalpha() or w[0] in "'’" for w in words)


# A speaker's name alone on a line in capitals, their words on the lines below (stenographic
# versions, scripts): "HUGO LÓPEZ-GATELL RAMÍREZ, SUBSECRETARIO DE PREVENCIÓN".
CAPS_LINE = re.compile(r"^(?=(?:.*[^\W\d_]){3})[^\Wa-zß-ÿ][^a-zß-ÿ:?!\n]{1,140}$")


def caps_label(line: str, following: str) -> str | None:
    """The label a capitals line gives the text under it, or None."""
    line = " ".join(line.split())
    if not CAPS_LINE.match(line) or not following.strip() or CAPS_LINE.match(following.strip()):
        return None
    if (
        len(line.split()) > 20
        or line.endswith(".")
        and not line.endswith(("JR.", "SR."))
        or line.casefold() in NOT_LABELS
    ):
        return None
    letters = [c for c in line if c.isalpha()]
    return line if letters and all(c.isupper() for c in letters) else None


def caps_labels(lines: list[str]) -> set[str]:
    """Capitals lines that label the text under them, when a text is written so: at least
    three of them (one is a heading), never the first line (the title)."""
    found = []
    texts = [line.strip() for line in lines]
    nonblank = [i for i, t in enumerate(texts) if t]
    for i, following in zip(nonblank[1:], nonblank[2:], strict=False):
        if following == i + 1 and (label := caps_label(texts[i], texts[following])):
            found.append(label)
    return set(found) if len(found) >= 3 else set()


def accepted_labels(lines: list[str]) -> dict[str, str]:
    """Labels that are really speaker labels here (a known role, or a name that recurs), each
    with the form it is written in."""
    counts: dict[str, int] = {}
    forms: dict[str, str] = {}
    asked_in_bold: set[str] = set()  # "**Don Watkins: What does a week look like?**"
    for line in lines:
        found = find_label(strip_timestamp(line.strip())[0])
        if found:
            label, rest, form = found
            counts[label] = counts.get(label, 0) + 1
            forms[label] = form
            if form == "bold-turn" and unbold_rest(rest).endswith("?"):
                asked_in_bold.add(label)
    title = next((line for line in lines if line.strip()), "")

    def introduces_initials(label):  # "Aaron van Wirdum (AvW):" once, then "AvW:" throughout
        match = INITIALS_SUFFIX.search(label)
        return bool(match) and counts.get(match["initials"], 0) >= 2

    accepted = {
        label: forms[label]
        for label, count in counts.items()
        if count >= 2
        or ASKER_LABEL.match(label)
        or ANSWERER_LABEL.match(label)
        or forms[label] in ("qa", "wiki")
        or label in asked_in_bold
        or _named_in(label, title)
        or introduces_initials(label)
    }
    accepted.update(dict.fromkeys(caps_labels(lines), "caps-line"))
    if accepted:
        # In a transcript, an upper-case name used once ("UN SECRETARY GENERAL:") is a label too.
        accepted.update({l: forms[l] for l in counts if l.isupper() and len(l) > 3 and forms[l] == "plain"})
        # Where most paragraphs open with a label, so does a full name used once: the town-hall
        # questioner who asks one question ("Katherine Fenton: In what new ways …?").
        opening = [line for line in lines if line.strip()]
        labelled = sum(
            1 for line in opening if (f := find_label(strip_timestamp(line.strip())[0])) and f[0] in accepted
        )
        if labelled >= 0.5 * len(opening):
            accepted.update(
                {
                    l: forms[l]
                    for l in counts
                    if forms[l] in ("plain", "markdown", "timed")
                    and 2 <= len(l.split()) <= 4
                    and all(w[0].isupper() for w in l.split())
                }
            )
    return accepted


def canonical_labels(labels) -> dict[str, str]:
    """One label per person: "Aaron van Wirdum (AvW)" and a later "AvW" both become
    "Aaron van Wirdum"."""
    canonical = {label: label for label in labels}
    for label in labels:
        match = INITIALS_SUFFIX.search(label)
        if match:
            name = label[: match.start()]
            canonical[label] = name
            if match["initials"] in canonical:
                canonical[match["initials"]] = name
    return canonical


def _named_in(label: str, title: str) -> bool:
    """A full name used once as a label is a label when the title names that person."""
    words = label.split()
    return 2 <= len(words) <= 4 and all(w[0].isupper() for w in words) and label in title


def is_transcript(labels_in_order: list[str]) -> bool:
    distinct = set(labels_in_order)
    return len(labels_in_order) >= 2 and (len(distinct) >= 2 or any(ASKER_LABEL.match(l) for l in distinct))


STRONG_GUEST_CUE = re.compile(
    r"\b(?:guests?|interview(?:ing|s|ed)?|candidates?|nominees?|witness(?:es)?|here with|speaking with|"
    r"talking (?:to|with)|with us (?:today|tonight|this week)|our special)\b",
    re.I,
)
WEAK_GUEST_CUE = re.compile(r"\b(?:joined (?:today |now )?by|joining (?:us|me)|welcome|with us|today we have)\b", re.I)
HOST_WORD = re.compile(r"\b(?:hosts?|co-?hosts?|myself|moderat\w+|panell?ists?)\b", re.I)


def classify(turns: list[Turn], known_askers: set[str], known_answerers: set[str]) -> set[str]:
    """The labels that ask. Known roles decide first, then who the opening turns introduce as
    guests or candidates, then how often each label ends a turn with a question."""
    labels = {t.label for t in turns if t.label and not NEUTRAL_LABEL.match(t.label)}
    askers = {l for l in labels if ASKER_LABEL.match(l) or l in known_askers}
    answerers = {l for l in labels if ANSWERER_LABEL.match(l) or l in known_answerers}
    unknown = labels - askers - answerers
    if not unknown:
        return askers
    stats = _turn_stats(turns, unknown)
    talker = max(stats, key=lambda l: stats[l][1])
    ends_talker, words_talker = stats[talker]
    # Someone who says a word or two now and then (a child asked her name) only interjects.
    minor = {l for l, (_, words) in stats.items() if words < 0.1 * words_talker}
    guests = {l for l in _introduced(turns, unknown) if stats[l][0] < 0.25}
    if guests:
        return askers | (unknown - guests)
    if askers:
        # Reporters are known; another label asks too only when it asks often, talks briefly
        # and is not who speaks when a reporter has asked (a moderator, a host introducing the
        # questioners; an official who asks "¿te parece?" between answers still answers).
        replies = _replies_to(turns, askers)
        return (
            askers
            | (minor - set(replies))
            | {
                l
                for l, (ends, words) in stats.items()
                if ends >= 0.25 and words < 0.7 * words_talker and replies.get(l, 0) < 0.3
            }
        )
    # Nobody's role is known: askers end their turns with questions clearly more often than
    # the one who talks longest, or ask now and then in much shorter turns.
    return minor | {
        l
        for l, (ends, words) in stats.items()
        if ends >= max(0.2, 2 * ends_talker) or (ends >= 0.15 and words < 0.5 * words_talker)
    }


def _replies_to(turns: list[Turn], askers: set[str]) -> dict[str, float]:
    """Per label: the share of its turns that come straight after an asker's."""
    spoken = [t for t in turns if t.label]
    after: dict[str, int] = {}
    total: dict[str, int] = {}
    for before, turn in zip(spoken, spoken[1:], strict=False):
        if turn.label == before.label:
            continue
        total[turn.label] = total.get(turn.label, 0) + 1
        if before.label in askers:
            after[turn.label] = after.get(turn.label, 0) + 1
    return {label: after.get(label, 0) / n for label, n in total.items() if after.get(label)}


def _turn_stats(turns: list[Turn], labels: set[str]) -> dict[str, tuple[float, float]]:
    """Per label: the share of its turns that end with a question, and words per turn."""
    merged: dict[str, list[str]] = {}
    current = None
    for turn in turns:
        if turn.label:
            current = turn.label
            merged.setdefault(current, []).append(turn.text)
        elif current is not None:
            merged[current][-1] += "\n\n" + turn.text
    stats = {}
    for label in labels:
        texts = merged.get(label) or [""]
        ends = sum(1 for t in texts if t.rstrip(' "”’)—–-').endswith("?")) / len(texts)
        stats[label] = (ends, sum(len(t.split()) for t in texts) / len(texts))
    return stats


def _introduced(turns: list[Turn], labels: set[str]) -> set[str]:
    """Labels the opening turns present as guests or candidates ("our special guest is …")."""
    opening = [t for t in turns[:12] if t.label]
    found: dict[str, bool] = {}
    for turn in opening:
        for label in labels - {turn.label}:
            for variant in _name_variants(label):
                for match in re.finditer(rf"\b{re.escape(variant)}\b", turn.text):
                    before = turn.text[max(0, match.start() - 160) : match.start()]
                    cues = list(STRONG_GUEST_CUE.finditer(before)) or list(WEAK_GUEST_CUE.finditer(before))
                    if not cues or HOST_WORD.search(before[cues[-1].start() :]):
                        continue
                    strong = bool(STRONG_GUEST_CUE.search(before))
                    found[label] = found.get(label, False) or strong
    if any(found.values()):
        return {l for l, strong in found.items() if strong}
    return set(found)


def _name_variants(label: str) -> list[str]:
    words = [w for w in label.replace(".", " ").split() if len(w) > 1 and w[0].isupper()]
    if not words:
        return []
    return list(dict.fromkeys([" ".join(words), words[-1], words[0]] if len(words) > 1 else words))


def split_turns(turns: list[Turn], askers: set[str], interjections: bool = True) -> Split:
    """Cut a transcript's turns into lead, pairs and closing by the convention above.

    ``interjections=False`` for written Q&A, where a short line ("Tell us about it.") is a
    question like any other."""
    out = Split()
    # Where no answer carries a label, an unlabelled paragraph after a question is the answer;
    # elsewhere it continues the turn before it.
    unlabelled_only = all(t.label in askers for t in turns if t.label)
    unlabelled_answers = not interjections or unlabelled_only
    turns = _merge_continuations(turns, unlabelled_answers, unlabelled_only)
    question: list[Turn] = []
    last_question: list[Turn] = []
    answer: list[Turn] = []

    def finish():
        nonlocal answer, last_question, question
        if answer:
            asked = question or last_question
            out.pairs.append(
                (
                    _question_text(asked),
                    _answer_text(answer),
                    answer[0].label,
                    next((t.label for t in reversed(asked) if t.label), ""),
                )
            )
            if question:
                last_question, question = question, []
        answer = []

    for i, turn in enumerate(turns):
        following = turns[i + 1] if i + 1 < len(turns) else None
        asks = turn.label in askers
        if turn.label and NEUTRAL_LABEL.match(turn.label):
            if answer or question:
                (answer or question).append(turn)
            else:
                out.lead.append(f"{turn.label}: {turn.text}")
        elif turn.label is None:
            if answer:
                answer.append(turn)
            elif (
                unlabelled_answers
                and question
                and question[-1].label is not None
                and (unlabelled_only or _asks(question[-1].text))
            ):
                answer = [Turn(UNLABELLED, turn.text, turn.line)]  # the interviewee's, unlabelled
                if UNLABELLED not in out.answerers:
                    out.answerers.append(UNLABELLED)
            elif question:
                question.append(turn)
            elif (
                turn.text.rstrip(' "”)').endswith("?")
                and following
                and following.label
                and following.label not in askers
            ):
                question.append(turn)  # an unlabelled question before a labelled answer
            else:
                out.lead.append(turn.text)
        elif asks:
            interjection = (
                interjections
                and "?" not in turn.text
                and word_count(turn.text) < INTERJECTION_WORDS
                and not PROMPT.match(turn.text)
            )
            if answer and interjection:
                answer.append(turn)
            elif interjection and not question and not last_question and _answered_next(turns, i, askers):
                # A greeting before anything was asked ("Good afternoon."), answered at once:
                # what answers it is an opening statement, lead text. (Host introductions that
                # lead into a question stay with it.)
                out.lead.append(turn.text)
            else:
                finish()
                question.append(turn)
        else:
            if turn.label not in out.answerers:
                out.answerers.append(turn.label)
            if answer and answer[0].label == turn.label:
                answer.append(turn)
            elif question or last_question:
                finish()
                answer = [turn]
            else:
                out.lead.append(turn.text)  # an opening statement before any question
    finish()
    out.closing.extend(_question_text([t]) for t in question)
    return out


def _merge_continuations(turns: list[Turn], unlabelled_answers: bool, unlabelled_only: bool) -> list[Turn]:
    """Fold unlabelled paragraphs into the labelled turn before them, unless they may be the
    unlabelled answer to it."""
    merged: list[Turn] = []
    for turn in turns:
        previous = merged[-1] if merged else None
        may_answer = unlabelled_answers and previous is not None and (unlabelled_only or _asks(previous.text))
        if turn.label is None and previous is not None and previous.label is not None and not may_answer:
            merged[-1] = Turn(previous.label, previous.text + "\n\n" + turn.text, previous.line)
        else:
            merged.append(turn)
    return merged


def _answered_next(turns: list[Turn], i: int, askers: set[str]) -> bool:
    """Whether the next labelled turn after turns[i] is an answerer's."""
    following = next((t for t in turns[i + 1 :] if t.label), None)
    return following is not None and following.label not in askers and not NEUTRAL_LABEL.match(following.label)


def word_count(text: str) -> int:
    """Words as a reader counts them: a dash or a lone punctuation mark is none."""
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


def _asks(text: str) -> bool:
    return text.rstrip(' "”’)').endswith("?")


def _question_text(turns: list[Turn]) -> str:
    labels = {t.label for t in turns if t.label}
    if len(labels) <= 1:
        return "\n\n".join(t.text for t in turns)
    return "\n\n".join(f"{t.label}: {t.text}" if t.label else t.text for t in turns)


def _answer_text(turns: list[Turn]) -> str:
    speaker = turns[0].label
    return "\n\n".join(t.text if t.label in (None, speaker) else f"{t.label}: {t.text}" for t in turns)
