"""Speaker labels: which lines open a speaker's turn, and what the label is (pure).

Labels read at the start of a paragraph or line::

    MS. PSAKI:  Good evening.          an upper-case name or role, then a colon
    Q    Thank you, Jen.               Q or A with a colon, a full stop or two spaces
    **Erik St. Martin:** Alright …     Markdown bold, colon inside or after
    ((WN))  How did you start?         Wikinews double parentheses
    Chris Wallace: Good evening …      a name, a role or a nickname (when it recurs)
    **Q: What brought you here?**      a turn wholly in bold, label inside
    [Speaker 2] [00:08] Well, …        a recording tool's speaker and time
    Mark McGranaghan (00:01:02) - …
    HUGO LÓPEZ-GATELL RAMÍREZ          a name alone on a line in capitals, the words below it
    Buenos días, …

Who asks is decided by :mod:`.roles`, the pairs cut by :mod:`.pairs`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .people import HONORIFICS, PARTICLES, name_from_first

TIMESTAMP = re.compile(
    r"^(?:\\?\[\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?\\?\]|\(\d{1,2}(?::\d{2}){1,2}\)|"
    r"\d{2}:\d{2}:\d{2}[:;]\d{2}(?=\s))\s*"  # a video editor's timecode with frames: "01:00:41:12"
)
# A time of the recording: 00:08, 1:02:33, 00:00:00.662.
CLOCK = r"\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?"
# Question and answer markers, in the languages interviews arrive in: "Q:", "P.", "Frage:".
LETTER_MARKS = {"P", "R", "F"}
QA_WORDS = r"Q|A|P|R|F|Question|Answer|Pregunta|Respuesta|Frage|Antwort|Domanda|Risposta|Pergunta|Resposta|Réponse"
LABEL_FORMS = (
    ("markdown", re.compile(r"^\*\*(?P<label>[^*\n]{1,120}?)(?::\s?\*\*|\*\*\s*:)\s*")),
    # Recording tools write the speaker, then the time: "[Speaker 2] [00:08] …",
    # "Mark McGranaghan (00:01:02) - …".
    ("timed", re.compile(rf"^\[(?P<label>[^\]\n]{{1,60}})\]\s*\[{CLOCK}\]\s*")),
    ("timed", re.compile(rf"^(?P<label>[^\W\d_][^():\n]{{0,48}}?)\s*\({CLOCK}\)\s*(?:[-–—:]\s*)?")),
    # A turn wholly in bold, label inside: "**Q: What brought you here?**", "**DW: Why?**".
    ("bold-turn", re.compile(r"^(?:\d{1,2}[.)]\s+)?(?:\*\*|__)(?P<label>[^*_:\n]{1,120}?):\s+(?=\S)")),
    ("wiki", re.compile(r"^\(\((?P<label>[^()\n]{1,60})\)\)\s*:?\s*")),
    ("bracket", re.compile(r"^\[(?P<label>[^\[\]\n]{1,40})\]:\s+(?=\S)")),  # "[Interviewer]: …"
    # A recording tool's generic label without a time: "[Speaker 2] And I'm Yui."
    ("bracket", re.compile(r"^\[(?P<label>Speaker \d{1,2})\]\s+(?=\S)")),
    ("qa", re.compile(rf"^(?P<label>{QA_WORDS})(?:\s*:\s*|\.\s+|\s{{2,}}|\s[–—]\s|(?<=Q) (?=[A-Z]))(?=\S)")),
    # A Spanish press office's transcript: "Periodista.- Buenos días", "Ministra.- Gracias".
    ("plain", re.compile(r"^(?P<label>[^\W\d_][^.:\n]{0,40}?)\.-\s*(?=\S)")),
    ("plain", re.compile(r"^(?P<label>[^\W\d_][^:\n]{0,48}?)\s?:\s+(?=\S)")),
    # A minister by office and name, however long the office: "The Secretary of State for Housing,
    # Communities and Local Government (Priya Castellan):".
    ("plain", re.compile(r"^(?P<label>(?:The )?[A-Z][^:()\n]{2,100} \([A-ZÀ-Þ][^():\n]{2,40}\))\s?:\s+(?=\S)")),
    # Initials without a colon answering labelled questions: "MS Although we used …"
    ("initials", re.compile(r"^(?P<label>[A-Z]{2,3})\s+(?=[A-Z])")),
)
ASKER_LABEL = re.compile(
    r"^(?:the )?(?:q|question|pregunta|frage|domanda|pergunta|questioner|reporter|journalist|press|audience(?: \w+)?|member of the audience|"
    r"moderator|operator|conference operator|interviewer|host|co-?host|panell?ist|wn|wikinews|participant|me|"
    r"(?:q|reporter|question|questioner|caller|listener|audience member) \([^()]{1,40}\)|caller|listener|"
    r"[^()]{1,40} \((?:caller|listener|viewer|audience member|questioner)\)|"  # "BEV (Caller)"
    r"(?:question|comment) from \S.{0,40}|"  # a live chat's readers: "Question from Gwen in Otley"
    r"(?:the |mr\.? |madam )?chair(?:man|woman|person)?|(?:mr\.?|madam) (?:deputy )?speaker|senator(?: .*)?|sen\. .*|rep\. .*|"
    r"representative(?: .*)?|congress(?:man|woman)(?: .*)?|"
    r"pregunta|interlocutora?|reportera?|periodista|moderadora?|entrevistadora?|question(?:neur|neuse)?|journaliste)$",
    re.I,
)
ANSWERER_LABEL = re.compile(
    r"^(?:a|answer|respuesta|antwort|risposta|resposta|réponse|(?:the )?witness|(?:the )?interviewee|(?:the )?respondent)$",
    re.I,
)
QUESTION_LABEL = re.compile(r"^(?:q|p|f|question|pregunta|frage|domanda|pergunta)$", re.I)
# Several interviewees answering as one: "Both:", "AB/CD:", "Kris and Toshaan:".
JOINT_LABEL = re.compile(r"^(?:both|both of us|together|[A-Z][\w.]{0,3}(?:\s*/\s*[A-Z][\w.]{0,3})+)$", re.I)
# Voices that neither ask nor answer: their words stay where they fall, without a new pair.
NEUTRAL_LABEL = re.compile(
    r"^(?:announcer|narrator|voice[- ]?over|voice|interpreter|translator|crowd|audience members|all|"
    r"hon\.? members|honourable members|"
    r"video|clip|recording|sound|voz(?: \w+)?|voces(?: .*)?|coro|intervención(?: \w+)?|locutora?|int[ée]rprete|traductora?|"
    r".+ \((?:voice[- ]?over|v\.?o\.?|narration|narrating|off[- ]camera|archive|(?:archive |audio |video )?clip|"
    r"recording|on tape|sot|via video|in a clip)\))$",
    re.I,
)
NOT_LABELS = {
    # Lists of people, whom nobody speaks as: "Witnesses: Dr Imogen Raft and Professor Eadie."
    "witnesses",
    "panelists",
    "panellists",
    "members present",
    "participants",
    "note",
    "notes",
    "update",
    # A headline's kicker: "LIVE: Ask Orla", "EXCLUSIVE: …".
    "live",
    "breaking",
    "exclusive",
    "watch",
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
    "next issue",
    "in the next issue",
    "coming up",
    "up next",
    "also read",
    "also on",
    "advertisement",
    "sponsored",
    "more",
    "filed under",
    "filed in",
    "tagged",
    "tagged with",
    "category",
    "categories",
    "keywords",
    "archivado en",
    "from",
    "sent",
    "to",
    "reply-to",
    "fwd",
    "fw",
    "etiquetas",
    "schlagwörter",
    "mots-clés",
}
# Prompts that ask without a question mark: "Tell us a bit about yourself.", "Describe …".
# An interviewer's request in the imperative: "Tell us a bit about yourself.", "Describe your role."
REQUESTS = (
    r"tell (?:us|me)|describe|walk (?:us|me)|take (?:us|me)|talk (?:to us |to me )?about|explain|"
    r"introduce yourself|summari[sz]e|paint (?:us|me)|let'?s talk about"
)
PROMPT = re.compile(
    rf"^(?:\d{{1,2}}[.)]\s*)?(?:please\s+|so,?\s+|and\s+|now,?\s+)?"
    rf"(?:{REQUESTS}|share (?:with us|your)|give (?:us|me)|could you|would you|can you)\b",
    re.I,
)
# A request standing alone as a paragraph, without "could you …" (which asks with a "?").
REQUEST = re.compile(rf"^(?:please\s+|so,?\s+|and\s+|now,?\s+|finally,?\s+)?(?:{REQUESTS})\b", re.I)
# A name, a colon and a quotation: a headline's form ("Ann Lee: “We lost the harbour”").
# The rest of a subject heading ("Building Safety: Remediation"): a few words in title case.
SUBJECT_HEADING = re.compile(
    r"^(?:[A-Z][\w’'\-]*|and|of|the|for|in|on|to)(?: (?:[A-Z][\w’'\-]*|and|of|the|for|in|on|to)){0,5}$"
)
QUOTED_HEADLINE = re.compile(r"^[\"“«„].{3,200}[\"”»“]$")
# Capitals that open sentences as words, not as someone's initials.
COMMON_CAPITALS = {"US", "UN", "UK", "EU", "OK", "TV", "AI", "IT", "NO", "SO", "AND", "THE", "FOR", "BUT", "NOT", "BY"}
# An asker's turn this short, without a question mark or a prompt, does not start a question.
INTERJECTION_WORDS = 8
# The answerer of unlabelled answers: the article's interviewee.
UNLABELLED = ""


@dataclass
class Turn:
    label: str | None
    text: str
    line: int
    # Set apart by the text (in bold, as a heading): unlabelled, "**How did you two meet?**"
    # before "**Hanna:** At a games night." is the interviewer's question.
    marked: bool = False
    asks: bool = False  # a question set apart, as the pairing reads it


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


# Every label form but two has a colon or a closing bracket near the start; those two ("Q  …",
# "MS Although …") open with capitals. Other lines are not tried against every form.
BARE_LABEL_START = re.compile(rf"^(?:{QA_WORDS})(?:\.|\s)|^[A-Z]{{2,3}}\s|^\[Speaker \d")


# A committee's question number before the questioner's name: "Q12 Chair: …".
QUESTION_NUMBER = re.compile(r"^Q\d{1,4}\.?\s+(?=[A-Z])")


def question_number(line: str) -> str:
    """ "Q12" (or "1.", "T3." in a parliament's order paper) when the line opens with a question
    number and then a speaker label, else ""."""
    match = QUESTION_NUMBER.match(line) or ORDER_NUMBER.match(line)
    return match.group().strip() if match and find_label(line[match.end() :]) else ""


def find_label(line: str) -> tuple[str, str, str] | None:
    """(label, the rest of the line, form) when the line opens with a speaker label."""
    if (match := QUESTION_NUMBER.match(line) or ORDER_NUMBER.match(line)) and (
        found := find_label(line[match.end() :])
    ):
        return found  # "Q12 Chair: …" is the chair's turn; the number is debris
    head = line[:130] if line.startswith(("**", "__", "The ")) else line[:72]  # a bold label may hold a title
    if ":" not in head and ")" not in head and ".-" not in head and not BARE_LABEL_START.match(line):
        return None
    for form, pattern in LABEL_FORMS:
        match = pattern.match(line)
        if not match:
            continue
        label = " ".join(match["label"].split()).strip(" .") if form != "qa" else match["label"]
        if label.casefold() in NOT_LABELS or (
            form in ("plain", "markdown", "bold-turn", "bracket") and not _plausible(label)
        ):
            return None
        if form == "timed" and (len(label.split()) > 6 or any(c in label for c in '?!;"“”<>')):
            return None
        return label, line[match.end() :], form
    return None


def wholly_bold(text: str) -> bool:
    """ "**How will it work?**": a turn's words all in bold (markers at both ends, none inside)."""
    text = text.strip()
    return any(text.startswith(m) and text.endswith(m) and len(text) > 4 and m not in text[2:-2] for m in ("**", "__"))


def unbold_rest(rest: str) -> str:
    """The text of a bold turn without its closing marker: "Why?**" → "Why?"."""
    stripped = rest.rstrip()
    for marker in ("**", "__"):
        if stripped.endswith(marker):
            return stripped[: -len(marker)].rstrip()
    return rest


# A bold label that gives the name and the title on first use: "**Patrick Masson, OSI general
# manager:**"; the name is the speaker, the rest their role.
NAME_WITH_ROLE = re.compile(
    r"^(?P<name>[A-ZÀ-Þ][\w’'\-.]+(?: (?:[a-z]{1,3} )?[A-ZÀ-Þ][\w’'\-.]+){1,3})"
    r"(?:, (?P<role>[^,;:?!()]{2,100})|\s+--\s+(?P<dashed>[^;:?!()]{2,100}))$"  # "Ann Lee -- Chief Financial Officer"
)
INITIALS_SUFFIX = re.compile(r"\s*\((?P<initials>[A-Za-z]{1,4})\)$")


# "CALLER (Maria, Leeds)", "REPORTER (AFP)", a member of parliament with seat and party:
# "Ms Dana Whitlock (Eastfield) (Lab)", a minister with her name: "The Minister for Housing (Tom Reyes)".
WHO_AND_DETAIL = re.compile(r"(?P<who>[^()]{2,100}?) \((?P<detail>[^()]{1,40})\)(?: \((?P<party>[^()]{1,12})\))?")
# A parliament's question number before the member's name: "1. Ms Dana Whitlock (Eastfield) (Lab):", "T3. …".
ORDER_NUMBER = re.compile(r"^T?\d{1,3}\.\s+(?:\[\d{3,8}\]\s+)?(?=[A-Z][^:\n]{2,100}\) ?:\s)")


def _who(label: str) -> str:
    """The person in a label with details: "Ms Dana Whitlock (Eastfield) (Lab)" → "Ms Dana Whitlock"."""
    match = WHO_AND_DETAIL.fullmatch(label)
    return match["who"] if match else label


def _plausible(label: str) -> bool:
    if office_holder(label) or ASKER_LABEL.match(label):  # "Q (Valley Tribune)"
        return True
    label = INITIALS_SUFFIX.sub("", label)
    if JOINT_LABEL.match(label):
        return True
    if (match := NAME_WITH_ROLE.match(label)) and len((match["role"] or match["dashed"]).split()) <= 14:
        return _plausible(match["name"])
    if match := WHO_AND_DETAIL.fullmatch(label):  # "CALLER (Maria, Leeds)", "REPORTER (AFP)"
        return len(match["detail"].split()) <= 5 and _plausible(match["who"])
    words = label.split()
    if not words or len(words) > 6 or re.sub(r"\s*\d+$", "", label.casefold().rstrip(".")) in NOT_LABELS:  # "EDIT 2"
        return False
    if any(c in label for c in '?!,;"“”()[]{}<>=/\\|*#@&%$'):
        return False
    if len(words) == 1 and words[0][0].islower():  # a nickname like roasbeef, or the author's "me"
        return bool(re.fullmatch(r"[a-z][a-z0-9_\-]{2,24}|[a-z]{2}|me", words[0]))
    # Later words may be numbers or codes: "Lead 2A", "Speaker 3", "Counsel II".
    return words[0][0].isupper() and all(w[0].isalpha() or w[0] in "'’" or w.isalnum() for w in words)


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


# A recording tool's speaker line, the words on the lines below: "Dana Whitfield  00:01",
# "Speaker 2 (01:02):", "Ana Ruiz [00:00:14]", "**ROSA** · 00:00".
TIMED_LINE = re.compile(
    rf"^(?:\*\*|__)?(?P<label>[^\W\d_][^:()\[\]\n*]{{0,48}}?)(?:\*\*|__)?(?:\s+|\s*[·•|–—-]\s*)"
    rf"(?P<clock>\(?\[?{CLOCK}\]?\)?)\s*:?$"
)


# A comment's age as a thread prints it: "9h", "3d ago", "3 hours ago".
COMMENT_AGE = (
    r"\d{1,3}\s?(?:s|m|min|h|hr|d|w|mo|y)(?: ago)?|\d{1,3} (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?) ago"
)
# A discussion thread's comment header, the comment on the lines below: "marrow_and_moss · 9h",
# "ines_halvorsen_ice OP · 8h" (the original poster), "u/quietkestrel • 3 hours ago".
THREAD_HEADER = re.compile(
    r"^(?:u/)?(?P<label>[A-Za-z][\w\-]{2,30})(?P<op>\s+OP)?\s*[·•|]\s*"
    rf"(?P<clock>{COMMENT_AGE})$"
)


def timed_line(line: str) -> tuple[str, str] | None:
    """(label, time) when the line is a speaker's name and a time of the recording, or a
    thread's comment header (a user name and the comment's age), alone."""
    if match := THREAD_HEADER.match(line.strip()):
        return match["label"], match["clock"]
    match = TIMED_LINE.match(line.strip())
    if not match or len(match["label"].split()) > 6 or not _plausible(" ".join(match["label"].split())):
        return None
    return " ".join(match["label"].split()), match["clock"]


def timed_line_labels(lines: list[str]) -> set[str]:
    """Speakers named on lines of their own with a time, when the text is written so (at
    least three such lines)."""
    found = [label for line in lines if line.strip() and (label := (timed_line(line) or ("",))[0])]
    return set(found) if len(found) >= 3 else set()


# A speaker's label alone on its line, colon and all, the words on the lines below (a live
# chat's transcript, a word processor's export): "Marcus Idowu:", "Eastgate:".
COLON_LINE = re.compile(r"^(?P<label>[^\W\d_][^:\n]{0,48}?)\s?:$")


def colon_line(line: str) -> str:
    """The label of a line that is a label alone ("Marcus Idowu:"), or ""."""
    if not line.rstrip().endswith(":"):
        return ""
    match = COLON_LINE.match(" ".join(line.split()))
    if not match:
        return ""
    label = match["label"].strip()
    return label if _plausible(label) and label.casefold() not in NOT_LABELS else ""


def colon_line_labels(lines: list[str], beside: set[str] = frozenset()) -> set[str]:
    """Labels alone on their lines above the words they label, when a text is written so: at
    least four such lines, of two labels or more, one of them used twice, never the title.
    ``beside``: the labels a transcript already has; then a name with its title alone on its
    line ("LEILA HASSOUN, HOST:") labels the words under it however often it stands."""
    texts = [line.strip() for line in lines]
    if sum(1 for t in texts if t.endswith(":")) < (1 if beside else 4):
        return set()
    nonblank = [i for i, t in enumerate(texts) if t]
    found = []
    for i, following in zip(nonblank[1:], nonblank[2:], strict=False):
        if texts[i].endswith(":") and (label := colon_line(texts[i])) and not colon_line(texts[following]):
            found.append(label)
    if beside:
        return {l for l in found if NAME_WITH_ROLE.match(l) or HOST_TITLE.search(l)}
    if len(found) < 4 or len(set(found)) < 2 or max(found.count(l) for l in set(found)) < 2:
        return set()
    return set(found)


HOST_TITLE = re.compile(r"(?i)\b(?:host|anchor|presenter|moderator|interviewer)\)?$")


def caps_labels(lines: list[str]) -> set[str]:
    """Capitals lines that label the text under them, when a text is written so: at least
    three of them (one is a heading), one used twice at least, never the first line (the title)."""
    found = []
    texts = [line.strip() for line in lines]
    nonblank = [i for i, t in enumerate(texts) if t]
    for i, following in zip(nonblank[1:], nonblank[2:], strict=False):
        if following == i + 1 and (label := caps_label(texts[i], texts[following])):
            found.append(label)
    # A speaker speaks more than once; headings each used once ("CONTENTS", "FINANCIAL SUMMARY")
    # are a report's sections.
    if len(found) < 3 or max(found.count(label) for label in set(found)) < 2:
        return set()
    return set(found)


# A speaker's name alone on a line, their words in the paragraph below (earnings calls,
# transcript pages): "Jens Albrektsen", "Operator".
NAME_LINE = re.compile(
    r"^[A-ZÀ-Þ][\w’'.\-]*(?: (?:[A-ZÀ-Þ][\w’'.\-]*|de|da|del|van|von|der|bin|al|la|le)){0,4}"
    r"(?: -- [A-ZÀ-Þ][^\n:?!]{1,80})?$"  # an earnings call's "Priya Nand -- Halvorsen Securities -- Analyst"
)


def name_line_labels(lines: list[str]) -> set[str]:
    """Names alone on lines of their own above the words they label, when a text is written
    so (at least two such names, each at least twice, and six such lines in all); then a full
    name used once is one too."""
    texts = [" ".join(line.split()) for line in lines]

    def alone(text):  # "Ola Berg", not "Yes." (a turn of one word)
        return bool(NAME_LINE.match(text)) and len(text) <= (120 if " -- " in text else 40) and not text.endswith(".")

    following, after = [""] * len(texts), ""
    for i in range(len(texts) - 1, -1, -1):  # the next non-blank line after each line
        following[i] = after
        after = texts[i] or after
    found: dict[str, int] = {}
    for i, text in enumerate(texts):
        after = following[i]
        if (
            0 < i < len(texts) - 1
            and not texts[i - 1]
            and alone(text)
            and (len(text.split()) >= 2 or ASKER_LABEL.match(text) or ANSWERER_LABEL.match(text))
            and text.casefold() not in NOT_LABELS
            and after
            and not alone(after)
        ):
            found[text] = found.get(text, 0) + 1
    names = {name for name, uses in found.items() if uses >= 2}
    if len(names) < 2 or sum(found[n] for n in names) < 6:
        return set()
    return names | {name for name in found if len(name.split()) >= 2}  # an analyst who asks once


def accepted_labels(lines: list[str]) -> dict[str, str]:
    """Labels that are really speaker labels here (a known role, or a name that recurs), each
    with the form it is written in."""
    counts: dict[str, int] = {}
    forms: dict[str, str] = {}
    asked_in_bold: set[str] = set()  # "**Don Watkins: What does a week look like?**"
    headlines: set[str] = set()  # "Graciela Pereyra: “El silbato pesa más …”": a news headline
    letter_asks: dict[str, list[bool]] = {}  # "P. ¿Le costó?": whether each "P"/"F" line asks
    found_on: list[str | None] = []  # the label each non-blank line opens with
    spoken_rest: dict[str, str] = {}  # the words after each label's last use
    for line in lines:
        if not line.strip():
            continue
        found = find_label(strip_timestamp(line.strip())[0])
        found_on.append(found[0] if found else None)
        if found:
            label, rest, form = found
            counts[label] = counts.get(label, 0) + 1
            forms[label] = form
            spoken_rest[label] = rest
            if form in ("bold-turn", "markdown") and unbold_rest(rest).endswith("?") and _name_like(label):
                asked_in_bold.add(label)  # not "**Let's start where I always start: how …?**"
            if QUOTED_HEADLINE.match(rest.strip()) or SUBJECT_HEADING.match(rest.strip()):
                headlines.add(label)  # `Guterres: “We must act now”`, "Social Housing: Waiting Lists"
            if label in LETTER_MARKS:
                letter_asks.setdefault(label, []).append(rest.rstrip().endswith("?"))
    for label, count in list(counts.items()):  # "rb/ck:" is a turn of rb's and of ck's
        if "/" in label and JOINT_LABEL.match(label):
            for part in label.split("/"):
                if part.strip() in counts:
                    counts[part.strip()] += count
    title = next((line for line in lines if line.strip()), "")

    def introduces_initials(label):  # "Aaron van Wirdum (AvW):" or "Don Watkins:" once, then "AvW:"/"DW:"
        match = INITIALS_SUFFIX.search(label)
        initials = match["initials"] if match else initials_of(label)
        return bool(initials) and counts.get(initials, 0) >= 2

    initials = {l for l, f in forms.items() if f == "initials"}
    accepted = {
        label: forms[label]
        for label, count in counts.items()
        if label not in initials
        and count >= 2
        or ASKER_LABEL.match(label)
        or ANSWERER_LABEL.match(label)
        or JOINT_LABEL.match(label)
        or forms[label] == "plain"
        and (member(label) or office_holder(label))
        or forms[label] in ("qa", "wiki")
        and (label not in LETTER_MARKS or _letters_mark_questions(label, letter_asks))
        or label in asked_in_bold
        or _named_in(label, title)
        or introduces_initials(label)
    }
    for label in LETTER_MARKS & set(accepted):
        if _letters_mark_questions(label, letter_asks):
            accepted[label] = "qa-letter"  # "P." asks and "R." answers here
    caps = caps_labels(lines)
    caps_uses = sum(1 for line in lines if " ".join(line.split()) in caps)
    if caps_uses * 3 >= sum(counts.get(label, 0) for label in accepted):
        # Unless the text's turns are labelled otherwise ("Q." and "A." under a deposition's
        # capitals caption), a capitals line labels the words under it.
        accepted.update(dict.fromkeys(caps, "caps-line"))
    timed = timed_line_labels(lines)
    accepted.update(dict.fromkeys(timed, "timed-line"))
    accepted.update(dict.fromkeys(colon_line_labels(lines, beside=set(accepted)), "colon-line"))
    if not accepted:
        accepted.update(dict.fromkeys(name_line_labels(lines), "name-line"))
    # In a thread whose headers mark the original poster ("ines_halvorsen_ice OP · 9h"), the
    # poster answers and the other commenters ask.
    posters = {m["label"] for line in lines if (m := THREAD_HEADER.match(line.strip())) and m["op"]}
    if posters & timed:
        accepted.update({l: "thread-op" if l in posters else "thread" for l in timed})
    if accepted and any(f != "initials" for f in accepted.values()):
        # Initials without a colon count only beside other labels, and when they recur.
        accepted.update({l: "initials" for l in initials if counts[l] >= 3 and l not in COMMON_CAPITALS})
    if accepted:
        # In a transcript, an upper-case name used once ("UN SECRETARY GENERAL:") is a label too,
        # and so is a name with its title in bold ("**Carol Damm, director of programs:**").
        # (not a record sheet's field in capitals: "HELD AT: COUNCIL CHAMBERS - CITY HALL")
        accepted.update(
            {
                l: forms[l]
                for l in counts
                if l.isupper()
                and len(l) > 3
                and forms[l] == "plain"
                and (re.search(r"[a-zß-ÿ]", spoken_rest[l]) or re.fullmatch(r"(?i)presenters?|hosts?|guests?", l))
            }
        )
        accepted.update(
            {l: forms[l] for l in counts if forms[l] in ("markdown", "bold-turn") and NAME_WITH_ROLE.match(l)}
        )
        # Where most paragraphs open with a label, so does a full name used once: the town-hall
        # questioner who asks one question ("Katherine Fenton: In what new ways …?").
        # So does a first name the text gives in full ("Ben:" once, after "Ben Okoro sat in").
        labelled = sum(1 for label in found_on if label in accepted)
        if labelled >= 0.5 * len(found_on):
            text = "\n".join(lines)
            accepted.update(
                {
                    l: forms[l]
                    for l in counts
                    if forms[l] in ("plain", "markdown", "timed")
                    and not (counts[l] == 1 and l in headlines)
                    and not (counts[l] == 1 and l.isupper() and not re.search(r"[a-zß-ÿ]", spoken_rest[l]))
                    and (
                        2 <= len((who := _who(l)).split()) <= 4
                        and all(w[0].isupper() for w in who.split())
                        or len(who.split()) == 1
                        and name_from_first(who, text)
                    )
                }
            )
    # A full name used once before its surname labels the turns after it ("**Chidinma Okwuosa:**",
    # then "**Okwuosa:**").
    surnames = {label for label in accepted if len(label.split()) == 1}
    accepted.update(
        {
            l: forms[l]
            for l in counts
            if forms[l] in ("plain", "markdown") and 2 <= len(l.split()) <= 4 and l.split()[-1] in surnames
        }
    )
    # A member's or a minister's name alone after the label with seat or office ("Ms Whitlock",
    # "Tom Reyes" after "The Minister for Housing (Tom Reyes)").
    people = [person_of(label) for label in accepted if member(label) or office_holder(label)]
    accepted.update({l: forms[l] for l in counts if forms[l] == "plain" and any(_same_person(l, p) for p in people)})
    # Initials the text introduced with a full name ("**Ken Udas, program chair:**", then "**KU:**").
    introduced = {initials_of(label) for label in accepted} - {""}
    accepted.update({l: forms[l] for l in counts if l in introduced and forms[l] != "initials"})
    first_use = {label: i for i, label in enumerate(counts)}  # in the order the text uses them
    return dict(sorted(accepted.items(), key=lambda item: first_use.get(item[0], len(first_use))))


def _letters_mark_questions(label: str, letter_asks: dict[str, list[bool]]) -> bool:
    """ "P." and "R." (or "F." and "A.") mark questions and answers only together, and only
    where the "P." lines mostly ask: elsewhere a lone letter is someone's initial."""
    asker = {"R": "P", "P": "P", "F": "F"}[label]
    answer = {"P": "R", "F": "A"}[asker]
    asks = letter_asks.get(asker, [])
    partner = answer in letter_asks or answer == "A"
    return partner and len(asks) >= 2 and sum(asks) >= 0.5 * len(asks)


def canonical_labels(labels) -> dict[str, str]:
    """One label per person: "Aaron van Wirdum (AvW)" and a later "AvW" both become
    "Aaron van Wirdum"; a later "Odum" becomes the "Rachel Odum" before it."""
    canonical = {label: label for label in labels}
    for label in labels:
        match = INITIALS_SUFFIX.search(label) if not NEUTRAL_LABEL.match(label) else None  # "X (CLIP)"
        if member(label) or office_holder(label):
            # "Ms Dana Whitlock (Eastfield) (Lab)", then "Ms Whitlock"; "The Minister for Housing
            # (Tom Reyes)", then "Tom Reyes": one member, one minister.
            person = person_of(label)
            for other in labels:
                if other != label and canonical[other] == other and _same_person(other, person):
                    canonical[other] = label
            continue
        if match:
            name = label[: match.start()]
            canonical[label] = name
            if match["initials"] in canonical:
                canonical[match["initials"]] = name
        elif (initials := initials_of(label)) in canonical and initials != label:
            canonical[initials] = label  # "Don Watkins:" first, "DW:" after
    # "Rachel Odum:" first, "Odum:" after: a surname alone is the one full name it ends.
    # So is "BRANDT:" after "HANNE BRANDT, METRO NINE HOST:", a name with its title on first use.
    full_names: dict[str, list[str]] = {}
    for label in labels:
        words = label.split()
        if 2 <= len(words) <= 4 and all(w[:1].isupper() and not w.isupper() for w in words):
            full_names.setdefault(words[-1], []).append(label)
        elif (match := NAME_WITH_ROLE.match(label)) and 2 <= len(words := match["name"].split()) <= 4:
            full_names.setdefault(words[-1], []).append(label)
    order = list(labels)  # first use first
    for label in labels:
        fuller = full_names.get(label, [])
        # Only a full name used before the surname: "Carter:" many times, then "Sam Carter:" once,
        # is two people (a father and a son), not one.
        if len(fuller) == 1 and canonical[label] == label and order.index(fuller[0]) < order.index(label):
            canonical[label] = fuller[0]
    return canonical


# A title of office before the holder's name in brackets: "The Minister for Housing (Tom Reyes)".
OFFICE = re.compile(
    r"^(?:the )?(?:(?:deputy |prime |first |chief )?minister|secretary of state|(?:parliamentary )?under-secretary|"
    r"chancellor|attorney general|solicitor general|leader of the house|president|governor|mayor)\b",
    re.I,
)


def member(label: str) -> bool:
    """A member of a parliament, labelled with seat and party: "Ms Dana Whitlock (Eastfield) (Lab)"."""
    match = WHO_AND_DETAIL.fullmatch(label)
    return bool(match and match["party"])


def office_holder(label: str) -> bool:
    """A minister labelled by office and name: "The Minister for Housing (Tom Reyes)"."""
    match = WHO_AND_DETAIL.fullmatch(label)
    return bool(match and not match["party"] and OFFICE.match(match["who"]))


def person_of(label: str) -> str:
    """The person in a member's or a minister's label: "Ms Dana Whitlock", "Tom Reyes"."""
    parts = WHO_AND_DETAIL.fullmatch(label)
    return parts["who"] if parts["party"] else parts["detail"]


def office_of(label: str) -> str:
    """The office in a minister's label: "Minister for Housing"."""
    return re.sub(r"^the ", "", WHO_AND_DETAIL.fullmatch(label)["who"], flags=re.I)


def _same_person(label: str, person: str) -> bool:
    """ "Ms Whitlock" or "Dana Whitlock" is the "Ms Dana Whitlock" of a member's first label."""
    words = [w for w in label.split() if w.casefold().rstrip(".") not in HONORIFICS]
    full = [w for w in person.split() if w.casefold().rstrip(".") not in HONORIFICS]
    return bool(words) and (words == full or len(words) == 1 and len(label.split()) == 2 and words == full[-1:])


def initials_of(name: str) -> str:
    """ "Don Watkins" → "DW"; "" for what is not a name of two to four capitalised words."""
    if match := NAME_WITH_ROLE.match(name):
        name = match["name"]
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() and w[1:2].islower() for w in words):
        return ""
    return "".join(w[0] for w in words)


def _name_like(label: str) -> bool:
    """A name or a role as labels are printed: every word capitalised but a name's particles
    ("Don Watkins", "Ana de la Cruz", "CNN"), not a phrase ("Last one", "Let's start here")."""
    words = label.split()
    return bool(words) and all(w[0].isupper() or w in PARTICLES for w in words)


def _named_in(label: str, title: str) -> bool:
    """A full name used once as a label is a label when the title names that person (not
    when the title is the line: "Alumni Spotlight: Ines Mora")."""
    words = label.split()
    title = title.lstrip("*_# ")
    named = title[len(label) :] if title.startswith(label) else title
    return 2 <= len(words) <= 4 and all(w[0].isupper() for w in words) and label in named


def is_transcript(labels_in_order: list[str]) -> bool:
    distinct = set(labels_in_order)
    return len(labels_in_order) >= 2 and (len(distinct) >= 2 or any(ASKER_LABEL.match(l) for l in distinct))
