"""Who asks and who answers in a speaker-labelled transcript (pure), and why.

Each label is decided once, by what the text says before any statistic::

    Q, MODERATOR, ((WN)), PREGUNTA      asks: a reporter's or moderator's label
    "our guest today is Peter Robison"  "Peter Robison" answers: the opening introduces him
    the editor's choice in the preview  whatever the editor said (``overrides``)
    nothing known                       asks: ends its turns with questions far more often
                                        than the one who talks longest

:func:`decide` returns the roles with a reason for each, which the parser reports as its
evidence and turns into its confidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .turns import ANSWERER_LABEL, ASKER_LABEL, JOINT_LABEL, NEUTRAL_LABEL, QUESTION_LABEL, Turn

ANSWER_MARK = re.compile(r"^(?:a|answer|r|respuesta|antwort|risposta|resposta|réponse)$", re.I)

ASKS, ANSWERS, NEITHER = "asks", "answers", "neither"
ROLES = (ASKS, ANSWERS, NEITHER)


@dataclass
class Roles:
    """The decision for one transcript."""

    askers: set[str] = field(default_factory=set)
    neither: set[str] = field(default_factory=set)
    why: dict[str, str] = field(default_factory=dict)  # label -> "asks: a reporter's label"
    # How the undecided labels were settled: "known" (labels, the text, the editor),
    # "introduced" (the opening presents the guests), "statistics" (turn shapes alone) or
    # "clear statistics" (most of the askers' turns are questions, hardly any of the others').
    basis: str = "known"


STRONG_GUEST_CUE = re.compile(
    r"\b(?:guests?|interview(?:ing|s|ed)?|candidates?|nominees?|witness(?:es)?|here with|speaking with|"
    r"talking (?:to|with)|with us (?:today|tonight|this week)|our special)\b",
    re.I,
)
WEAK_GUEST_CUE = re.compile(
    r"\b(?:joined (?:today |now )?by|joining (?:us|me)|welcome|with us|today we have|with me (?:today|here|on the call))\b",
    re.I,
)
HOST_WORD = re.compile(r"\b(?:hosts?|co-?hosts?|myself|moderat\w+|panell?ists?|colleagues?)\b", re.I)


LEGISLATOR = re.compile(r"^(?:(?:senator|representative|congress(?:man|woman))\b|(?:sen|rep)\.)", re.I)


HOST_ROLE = re.compile(
    r"(?i)(?:,|\(|\s[-–—]\s)\s*(?:[\w.&’'\-]+\s+){0,3}?(?:anchor|host|co-?host|presenter|moderator|interviewer)\)?\s*$|"
    r"\s--\s.*\banalyst\s*$"  # an earnings call's "Priya Nand -- Halvorsen Securities -- Analyst"
)


def decide(
    turns: list[Turn],
    known_askers: set[str] = frozenset(),
    overrides: dict[str, str] | None = None,
    title: str = "",
    known_answerers: set[str] = frozenset(),
) -> Roles:
    """The role of every label in ``turns``. ``known_askers`` / ``known_answerers``: labels
    the text itself names as interviewer or interviewee (the title, a header, the lead);
    ``overrides``: label -> "asks" | "answers" | "neither", an editor's word, which beats
    everything else."""
    overrides = {label: role for label, role in (overrides or {}).items() if role in ROLES}
    out = Roles()
    labels = {t.label for t in turns if t.label}
    # A legislator's title asks at a hearing ("SEN. HARRIS", "REP. LEE"), but where every voice
    # would then ask (a town hall with the representative), the legislator is the one who answers.
    by_title = {l for l in labels if ASKER_LABEL.match(l)}
    if by_title and all(l in by_title or NEUTRAL_LABEL.match(l) for l in labels):
        by_title -= {l for l in by_title if LEGISLATOR.match(l)}
    # A programme's host by the title printed with the name ("HARLAN PIERCE, MNN ANCHOR",
    # "Jo Roe (host)"): the host asks, and a legislator who is the host's guest answers.
    hosting = {l for l in labels if HOST_ROLE.search(l) and not ASKER_LABEL.match(l)}
    # ... and so does the host under the surname alone ("PIERCE" after "DALE PIERCE, HOST").
    names = [re.split(r"[,(]| -", host)[0].split() for host in hosting]  # "DALE PIERCE, HOST" → DALE PIERCE
    surnames = {words[-1].casefold() for words in names if words}
    hosting |= {l for l in labels if l.casefold() in surnames}
    if hosting:
        by_title = (by_title - {l for l in by_title if LEGISLATOR.match(l)}) | hosting
    for label in labels:
        if label in overrides:
            out.why[label] = f"{overrides[label]}: the editor said so"
            if overrides[label] == NEITHER:
                out.neither.add(label)
            elif overrides[label] == ASKS:
                out.askers.add(label)
        elif NEUTRAL_LABEL.match(label):
            out.neither.add(label)
            out.why[label] = "neither: a voice that neither asks nor answers (an announcer, a video)"
        elif label in by_title:
            out.askers.add(label)
            out.why[label] = "asks: a reporter's, moderator's or interviewer's label"
        elif label in known_askers:
            out.askers.add(label)
            out.why[label] = "asks: the text names them as the interviewer"
        elif label in known_answerers:
            out.why[label] = "answers: the text names them as the one interviewed"
        elif ANSWERER_LABEL.match(label) or JOINT_LABEL.match(label):
            out.why[label] = "answers: an answer label"
    answering = {l for l, role in overrides.items() if role == ANSWERS}
    unknown = labels - set(out.why) - answering
    spoken = [t.label for t in turns if t.label]
    marks = [i for i, l in enumerate(spoken) if QUESTION_LABEL.match(l) or ANSWER_MARK.match(l)]
    if unknown and len(marks) >= 0.5 * len(spoken) and any(ANSWER_MARK.match(l) for l in spoken):
        # "Q." and "A." carry the examination: other voices heard during it (counsel objecting,
        # the chair, a videographer) are not the one answering.
        during = set(spoken[marks[0] :])
        for label in unknown & during:
            if ANSWER_MARK.match(label):
                out.why[label] = "answers: an answer mark (“A”, “R”)"
            elif QUESTION_LABEL.match(label):
                out.askers.add(label)
                out.why[label] = "asks: a question mark (“Q”, “P”)"
            else:
                out.askers.add(label)
                out.why[label] = "asks: beside “Q” and “A”, another voice is not the one who answers"
        unknown -= during
    if unknown:
        found, basis, reasons = _settle(turns, unknown, out.askers, title)
        out.askers |= found
        out.basis = basis
        for label in unknown:
            out.why[label] = (ASKS if label in found else ANSWERS) + ": " + reasons.get(label, "")
    for label in _moderators(turns, out.askers) - set(overrides):
        out.neither.add(label)
        out.why[label] = "neither: a moderator, who only calls on the askers (“Channel 6.”, “Last question — Lauren.”)"
    return out


def _moderators(turns: list[Turn], askers: set[str]) -> set[str]:
    """Voices that, once the questions have begun, only hand the floor to an asker: each turn
    short (twelve words at most), after an answer and before an asker’s turn, three times or more,
    or the last word."""
    labelled = [t for t in turns if t.label]
    first = next((i for i, t in enumerate(labelled) if t.label in askers), None)
    if first is None:
        return set()
    found = set()
    turns_of: dict[str, list[int]] = {}  # each label's turns once the questions have begun
    for i in range(first, len(labelled)):
        turns_of.setdefault(labelled[i].label, []).append(i)
    for label, spoken in turns_of.items():
        if label in askers or ANSWERER_LABEL.match(label) or JOINT_LABEL.match(label):
            continue
        handing = {
            i
            for i in spoken
            if len(labelled[i].text.split()) <= 12
            and i + 1 < len(labelled)
            and labelled[i + 1].label in askers
            and labelled[i - 1].label not in askers  # after an answer, not answering ("Yes.")
        }
        if len(handing) >= 3 and all(i in handing or i == len(labelled) - 1 for i in spoken):
            found.add(label)
    return found


def _settle(turns: list[Turn], unknown: set[str], askers: set[str], title: str) -> tuple[set[str], str, dict[str, str]]:
    """Which of the ``unknown`` labels ask, how that was decided, and why for each."""
    stats = _turn_stats(turns, unknown)
    turns_of = _turn_counts(turns)
    if not askers and len(unknown) >= 2 and (guests := _guests_in_title(turns, unknown, title)):
        reasons = {l: why for l, why in guests.items()}
        reasons.update({l: "a host: the title names the guest" for l in unknown - set(guests)})
        return unknown - set(guests), "introduced", reasons
    # The one who talks most, in answers: a witness's many turns outweigh counsel's long
    # questions, and a label heard three times in long speeches is nobody's reference.
    talker = max(stats, key=lambda l: stats[l][1] * turns_of[l] * (1 - stats[l][0]))
    ends_talker, words_talker = stats[talker]
    # Someone who says a word or two now and then (a child asked her name) only interjects.
    minor = {l for l, (_, words) in stats.items() if words < 0.1 * words_talker}
    guests = {l for l in _introduced(turns, unknown) if stats[l][0] < 0.25}
    if not guests and (hosts := _hosts(turns, unknown)) and unknown - hosts:
        reasons = {l: "the opening presents them as a host" for l in hosts}
        reasons.update({l: "not one of the hosts the opening presents" for l in unknown - hosts})
        return hosts, "introduced", reasons
    if guests and not askers:
        reasons = {l: "the opening introduces them as a guest" for l in guests}
        reasons.update({l: "the host who introduces the guests" for l in unknown - guests})
        return unknown - guests, "introduced", reasons
    if askers:
        # Reporters are known; another label asks too only when it asks often, talks briefly
        # and is not who speaks when a reporter has asked (a moderator, a host introducing the
        # questioners; an official who asks "¿te parece?" between answers still answers).
        replies = _replies_to(turns, askers)
        moderators = {
            l
            for l, (ends, words) in stats.items()
            if ends >= 0.25 and words < 0.7 * words_talker and replies.get(l, 0) < 0.3
        }
        # A phone-in's presenter, beside the callers: presents themselves as the host, or
        # welcomes the guest and ends a quarter of their turns with a question (an official welcoming the
        # press does not).
        welcoming = {l for l in _welcomes(turns, unknown)[0] if stats[l][0] >= 0.25}
        hosts = (_hosts(turns, unknown) | welcoming) - guests
        found = (minor - set(replies)) | moderators | hosts
        reasons = {l: "speaks when a reporter has asked" for l in unknown - found}
        reasons.update({l: "a host: presents themselves so, or welcomes the guest" for l in hosts})
        if guests:
            # Where an operator or a moderator gives the floor and the opening introduces the
            # guests (an earnings call, a briefing): who spoke before the first question is on
            # the answering side with the guests; who comes in later (the analysts) asks.
            spoken = [t.label for t in turns if t.label]
            first = next(i for i, l in enumerate(spoken) if l in askers)
            opening = set(spoken[:first])
            found = (unknown - guests - opening) | (moderators - guests)
            reasons = {l: "comes in after the floor is given, beside the guests the opening introduces" for l in found}
            reasons.update({l: "asks often in short turns, between the answers (a moderator)" for l in moderators})
            reasons.update({l: "the opening introduces them as a guest" for l in guests})
            reasons.update({l: "speaks before the questions, beside the guests" for l in unknown - found - guests})
        reasons.update({l: "asks often in short turns, between the answers (a moderator)" for l in moderators})
        reasons.update({l: "says only a word or two now and then" for l in minor - set(replies) - moderators})
        return found, "known", reasons
    if not askers and (courtesy := _courtesies(turns, unknown, stats)):
        hosts = {l for l, why in courtesy.items() if why.startswith("a host")}
        return hosts, "introduced", courtesy
    # Nobody's role is known: askers end their turns with questions clearly more often than
    # the one who talks longest, or ask now and then in much shorter turns.
    found = minor | {
        l
        for l, (ends, words) in stats.items()
        if ends >= max(0.2, 2 * ends_talker) or (ends >= 0.15 and words < 0.5 * words_talker)
    }
    if not found or found == unknown:
        # The one who talks longest asks (a host's long questions, short answers): the label
        # whose turns end with a question far more often than any other's.
        ranked = sorted(unknown, key=lambda l: -stats[l][0])
        if len(ranked) >= 2 and stats[ranked[0]][0] >= 0.3 and stats[ranked[0]][0] >= 2 * stats[ranked[1]][0]:
            found = {ranked[0]}
    reasons = {
        l: f"{100 * stats[l][0]:.0f}% of their turns end with a question, {stats[l][1]:.0f} words a turn"
        for l in unknown
    }
    # Clear-cut when most of every asker's turns are questions and hardly any of the others'.
    others = unknown - found
    clear = (
        bool(found and others)
        and sum(turns_of[l] for l in found) >= CLEAR_TURNS  # enough turns to tell
        and min(stats[l][0] for l in found) >= CLEAR_ASKER
        and max(stats[l][0] for l in others) <= CLEAR_ANSWERER
    )
    return found, "clear statistics" if clear else "statistics", reasons


# Shares of turns ending with a question that settle who asks beyond doubt (measured on the
# labelled transcripts decided by statistics: 35 of the 36 so settled were split right; with
# fewer than six asking turns a guest's uptalk can pass for questions).
CLEAR_ASKER, CLEAR_ANSWERER, CLEAR_TURNS = 0.6, 0.1, 6


GUEST_COURTESY = re.compile(
    r"\b(?:thanks?(?: you)?(?: so much| very much| again)? for having (?:me|us)|"
    r"(?:great|glad|good|happy|nice|lovely|pleased|a pleasure|an honou?r|excited) to be (?:here|back|on|with you)|"
    r"(?:my|our) pleasure to be)\b",
    re.I,
)
HOST_COURTESY = re.compile(
    r"(?<!you're )(?<!you’re )(?<!you are )\bwelcome(?: back)?(?:,? (?:to (?:the|our|both|all)|both|everybody|everyone|[A-Z])|[.!])|"
    r"\b(?:great|glad|good|happy|nice|lovely|a pleasure|so excited) to have (?:you|both of you|y'all)\b|"
    r"\bthanks?(?: you)?(?: so much| very much)? for (?:joining|coming on|coming in|being (?:here|with) (?:us|me))\b",
    re.I,
)


def _welcomes(turns: list[Turn], labels: set[str]) -> tuple[set[str], set[str]]:
    """Of ``labels``, who welcomes at either end of the conversation, and who thanks for
    being had (a label that does both is neither)."""
    spoken = [t for t in turns if t.label in labels]
    hosts: set[str] = set()
    guests: set[str] = set()
    for turn in spoken[:15] + spoken[-10:]:
        if HOST_COURTESY.search(turn.text):
            hosts.add(turn.label)
        if GUEST_COURTESY.search(turn.text):
            guests.add(turn.label)
    return hosts - guests, guests - hosts


def _courtesies(turns: list[Turn], labels: set[str], stats: dict[str, tuple[float, float]]) -> dict[str, str]:
    """Roles from the courtesies at either end of a conversation, with why: a host
    welcomes ("Welcome to the show", "great to have you", "thanks for joining us"), a
    guest replies ("thanks for having me", "great to be here"). Labels that say neither
    go with the side whose turns are nearer theirs in length. Empty unless both sides
    are heard, or the one side and a single other label."""
    hosts, guests = _welcomes(turns, labels)
    rest = labels - hosts - guests
    if not hosts and not guests or (not hosts or not guests) and len(rest) != 1:
        return {}
    reasons = dict.fromkeys(hosts, "a host: welcomes the guest")
    reasons.update(dict.fromkeys(guests, "a guest: thanks the hosts for having them"))
    if not hosts or not guests:
        side = "a guest" if hosts else "a host"
        reasons |= dict.fromkeys(rest, f"{side}: the other side of the welcome")
        hosts = hosts or rest
    if not any(stats[l][0] for l in hosts):
        return {}  # hosts who never ask: remarks at a summit ("thank you for having me, Jens")
    if len(reasons) == len(labels):
        return reasons
    host_words = sum(stats[l][1] for l in hosts) / len(hosts)
    guest_words = sum(stats[l][1] for l in guests) / len(guests)
    for label in rest:
        words = stats[label][1]
        if abs(words - host_words) <= abs(words - guest_words):
            reasons[label] = f"a host: {words:.0f} words a turn, nearer the host's {host_words:.0f} than the guest's"
        else:
            reasons[label] = f"a guest: {words:.0f} words a turn, nearer the guest's {guest_words:.0f} than the host's"
    return reasons


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


def _turn_counts(turns: list[Turn]) -> dict[str, int]:
    """Per label: how many turns it has (a run of one label's paragraphs is one turn)."""
    counts: dict[str, int] = {}
    before = None
    for turn in turns:
        if turn.label and turn.label != before:
            counts[turn.label] = counts.get(turn.label, 0) + 1
        before = turn.label or before
    return counts


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


TITLE_GUEST = re.compile(
    r"\b(?:with|featuring|feat\.|guest|interview(?:ing|s)?|meets?|talks? to|conversation with)\s+"
    r"(?P<name>[A-ZÀ-Þ][\w’'\-]+(?: [A-ZÀ-Þ][\w’'\-]+){1,2})"
)


def _guests_in_title(turns: list[Turn], labels: set[str], title: str) -> dict[str, str]:
    """Labels of the guest the title names ("Diving In with Robert Bogart"), with why: the
    label that is the name, or, for labels that name nobody ("[Speaker 3]"), the one who
    speaks when the others address the guest by first name ("Peter, you were there …")."""
    match = TITLE_GUEST.search(title)
    if not match:
        return {}
    name = match["name"]
    named = {l for l in labels if l == name or (len(l.split()) > 1 and l.split()[-1] == name.split()[-1])}
    if named and named != labels:
        return dict.fromkeys(named, f"the title names them (“{name}”)")
    if any(_name_variants(l) for l in labels if not re.search(r"\d", l)):
        return {}  # labels that are names, none of them the guest's
    first = name.split()[0]
    addressed = re.compile(rf"\b{re.escape(first)}\b")
    replies: dict[str, int] = {}
    spoken = [t for t in turns if t.label in labels]
    for before, turn in zip(spoken, spoken[1:], strict=False):
        if turn.label != before.label and addressed.search(before.text):
            replies[turn.label] = replies.get(turn.label, 0) + 1
    if not replies:
        return {}
    best = max(replies, key=replies.get)
    if replies[best] < 2 or replies[best] < 0.5 * sum(replies.values()):
        return {}
    return {best: f"speaks when the others address {first}, the guest the title names"}


SELF_INTRODUCED = re.compile(r"\b(?:I'm|I’m|I am|this is|my name is)\s+$", re.I)
HOST_BEFORE = re.compile(r"\b(?:my|our) (?:colleague|co-?host|fellow host)s?,?\s+(?:\w+,?\s+)?$|\bhosts?,?\s+$", re.I)


def _hosts(turns: list[Turn], labels: set[str]) -> set[str]:
    """Labels the opening turns present as hosts: "I'm Adam Wiggins" said by Adam Wiggins,
    "here with my colleague Mark McGranaghan"."""
    found = set()
    opening = [t for t in turns[:12] if t.label]
    for i, turn in enumerate(opening):
        if i and opening[i - 1].label != turn.label and opening[i - 1].text.rstrip(' "”’)').endswith("?"):
            continue  # "My name is Ingrid Solberg" in reply to a question: a guest answering
        for label in labels:
            for variant in _name_variants(label):
                for match in re.finditer(rf"\b{re.escape(variant)}\b", turn.text):
                    before = turn.text[max(0, match.start() - 40) : match.start()]
                    if (label == turn.label and SELF_INTRODUCED.search(before)) or HOST_BEFORE.search(before):
                        found.add(label)
    return found


def _opening(turns: list[Turn]) -> list[Turn]:
    """The first dozen labelled turns, each with the unlabelled paragraphs that follow it."""
    opening: list[Turn] = []
    for turn in turns[:40]:
        if turn.label:
            opening.append(Turn(turn.label, turn.text, turn.line))
        elif opening:
            opening[-1] = Turn(opening[-1].label, opening[-1].text + " " + turn.text, opening[-1].line)
    return opening[:12]


LIST_GOES_ON = re.compile(r"^\s*(?:and|also|plus|as well as)\s*$", re.I)


def _introduced(turns: list[Turn], labels: set[str]) -> set[str]:
    """Labels the opening turns present as guests or candidates ("our special guest is …")."""
    opening = _opening(turns)
    found: dict[str, bool] = {}
    said: dict[str, str] = {}  # label -> its previous turn in the opening
    for turn in opening:
        for label in labels - {turn.label}:
            for variant in _name_variants(label):
                for match in re.finditer(rf"\b{re.escape(variant)}\b", turn.text):
                    before = turn.text[max(0, match.start() - 160) : match.start()]
                    if LIST_GOES_ON.match(before):
                        # "… our guests today, James Lindenbaum." / "And Szymon Kaliski.": the
                        # host's next turn goes on with the list the last one began.
                        before = said.get(turn.label, "")[-160:] + " " + before
                    cues = list(STRONG_GUEST_CUE.finditer(before)) or list(WEAK_GUEST_CUE.finditer(before))
                    if not cues or HOST_WORD.search(before[cues[-1].start() :]):
                        continue
                    strong = bool(STRONG_GUEST_CUE.search(before))
                    found[label] = found.get(label, False) or strong
        said[turn.label] = turn.text
    if any(found.values()):
        return {l for l, strong in found.items() if strong}
    return set(found)


def _name_variants(label: str) -> list[str]:
    words = [w for w in label.replace(".", " ").split() if len(w) > 1 and w[0].isupper()]
    if not words:
        return []
    return list(dict.fromkeys([" ".join(words), words[-1], words[0]] if len(words) > 1 else words))
