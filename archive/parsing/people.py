"""People named in the text: full names behind surnames, initials and misspellings (pure).

::

    "MS. PSAKI"  + "Press Secretary Jen Psaki" in the title -> "Jen Psaki"
    "AA"         + "Andreas Antonopoulos" in the text       -> "Andreas Antonopoulos"
    "Gutteres"   + "António Guterres" in the text           -> "António Guterres"
"""

from __future__ import annotations

import difflib
import re

NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'\-.]*"
# The lower-case words of names: "Ana de la Cruz", "Aaron van Wirdum".
PARTICLES = ("de", "da", "del", "van", "von", "der", "bin", "al", "la", "le", "dos", "das")
NAME = re.compile(rf"^{NAME_WORD}(?: (?:{NAME_WORD}|{'|'.join(PARTICLES)})){{1,4}}$")
NAME_WORD_RE = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w’'\-.]*(?: [A-ZÀ-ÖØ-Þ][\w’'\-.]*)*$")
# Words that open a title ("Interview of President Trump"), not a role.
NOT_ROLE_WORDS = {
    "interview",
    "interviews",
    "remarks",
    "briefing",
    "gaggle",
    "conversation",
    "call",
    "conference",
    "statement",
    "transcript",
    "exclusive",
    "talk",
    "talks",
    "readout",
    "background",
    "on-the-record",
    "moderated",
    "joint",
    "and",
    "with",
    "by",
}
ROLE_WORD = r"(?:[A-Z][\w\-’']*|of|for|the|and|on)"


HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "the",
    "hon",
    "rt",
    "honorable",
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "general",
    "secretary-general",
    "senator",
    "sen",
    "governor",
    "gov",
    "ambassador",
    "admiral",
    "mayor",
    "chancellor",
    "premier",
    "deputy",
    "first",
    "lady",
    "chief",
    "director",
    "speaker",
    "leader",
    "representative",
    "rep",
    "congressman",
    "congresswoman",
    "judge",
    "justice",
    "commissioner",
    "chairman",
    "chairwoman",
    "chair",
    "press",
    "national",
    "security",
    "advisor",
    "adviser",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "state",
    "of",
    "defense",
    "treasury",
    "attorney",
    "foreign",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
}


NOT_FIRST_NAMES = {
    "and",
    "but",
    "or",
    "so",
    "under",
    "before",
    "after",
    "by",
    "in",
    "on",
    "at",
    "with",
    "from",
    "to",
    "for",
    "of",
    "as",
    "if",
    "when",
    "then",
    "thank",
    "thanks",
    "yes",
    "no",
    "well",
    "okay",
    "oh",
    "hi",
    "hello",
    "dear",
    "says",
    "said",
    "ask",
    "asked",
    "tell",
    "told",
    "welcome",
    "meet",
    "where",
    "what",
    "why",
    "how",
    "who",
    "which",
    "while",
    "because",
    "also",
    "both",
    "now",
    "today",
    "here",
    "there",
    "this",
    "that",
    "these",
    "those",
    "my",
    "our",
    "your",
    "his",
    "her",
    "their",
    "member",
    "council",
    "house",
    "office",
    "communications",
    "strategic",
    "economic",
    "white",
    "united",
    "states",
    "new",
    "i’m",
    "i'm",
    "it’s",
    "it's",
    "that’s",
    "that's",
    "let’s",
    "let's",
    "we’re",
    "you’re",
}
FIRST_NAME = r"(?:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ’'\-]+|[A-Z]\.)"


def full_name(surname: str, text: str) -> str:
    """The most printed "First [Middle] Surname" in ``text`` for this surname, or ""."""
    if len(surname) < 2:
        return ""
    pattern = re.compile(rf"(?<![\w-])((?:{FIRST_NAME} ){{1,2}})(?i:{re.escape(surname)})(?![\w-])")
    counts: dict[str, int] = {}
    for match in pattern.finditer(text):
        words = match.group(1).split()
        while words and (words[0].casefold().strip(".") in HONORIFICS | NOT_FIRST_NAMES):
            words.pop(0)
        last = match.group()[len(match.group(1)) :]
        if (
            not words
            or not last[:1].isupper()
            or any(w.casefold().strip(".") in HONORIFICS | NOT_FIRST_NAMES for w in words)
        ):
            continue
        if len(words) == 2 and _not_a_name(words[0], text):
            words.pop(0)  # "Fire Chief Rafael Alvarez", "Transit Authority Owen Bellwether"
        name = " ".join(words + [last if not last.isupper() else last.capitalize()])
        counts[name] = counts.get(name, 0) + 1
    if not counts and surname.upper() in text and (surname.isupper() or surname[1:].islower()):
        # A hearing's record prints its witnesses in capitals: "FIONA DOYLE, Chief Executive, affirmed".
        caps = re.compile(rf"(?<![\w-])([A-ZÀ-Þ]{{2,}} ){re.escape(surname.upper())}(?![\w-])")
        for match in caps.finditer(text):
            words = [w for w in match.group(1).split() if w.casefold() not in HONORIFICS | NOT_FIRST_NAMES]
            if words and not _not_a_name(words[0].capitalize(), text):
                name = " ".join(w.capitalize() for w in [*words, surname])
                counts[name] = counts.get(name, 0) + 1
    if not counts:
        return ""
    return max(counts, key=lambda n: (counts[n], len(n)))


def _not_a_name(word: str, text: str) -> bool:
    """A capitalised word before a name that is a title or an organisation's, not the person's
    ("Coordinator Julian Okafor", "Library Samuel Tuilagi"): a role word, an institution's
    word, or one the text also prints as a common word ("fire")."""
    return (
        word.casefold() in ROLE_WORDS
        or word in INSTITUTION_WORDS
        or bool(re.search(rf"(?<![\w’'\-]){re.escape(word.lower())}(?![\w’'\-])", text))
    )


def similar_name(surname: str, text: str) -> str:
    """A full name in ``text`` whose surname is this one misspelt ("Gutteres": "António Guterres")."""
    best, best_ratio = "", 0.0
    for match in re.finditer(rf"\b{FIRST_NAME} (?P<last>[A-ZÀ-Þ][a-zà-ÿ’'\-]{{3,}})\b", text):
        ratio = difflib.SequenceMatcher(None, surname.casefold(), match["last"].casefold()).ratio()
        if ratio > best_ratio and match.group().split()[0].casefold() not in HONORIFICS | NOT_FIRST_NAMES:
            best, best_ratio = match.group(), ratio
    return best if best_ratio >= 0.8 else ""


def name_with_initials(initials: str, text: str) -> str:
    """A name in ``text`` whose initials are these ("AA" for Andreas Antonopoulos), or ""."""
    letters = list(initials.upper())
    pattern = re.compile(r"\b" + r" ".join(rf"{c}[a-zà-ÿ’'\-]+" for c in letters) + r"\b")
    match = pattern.search(text)
    return match.group() if match else ""


def is_alias(label: str, name: str) -> bool:
    """Keep a label as another spelling only when it names the person, not a role."""
    words = {w.casefold() for w in re.split(r"[\s.]+", label) if w} - HONORIFICS
    return label != name and bool(words) and bool(words & {w.casefold() for w in name.split()})


# Words a title held by a person is made of; a role as printed has at least one of them.
ROLE_WORDS = HONORIFICS | {
    "founder",
    "co-founder",
    "cofounder",
    "ceo",
    "cto",
    "cfo",
    "coo",
    "executive",
    "officer",
    "editor",
    "author",
    "writer",
    "reporter",
    "correspondent",
    "host",
    "professor",
    "lecturer",
    "researcher",
    "scientist",
    "economist",
    "analyst",
    "member",
    "head",
    "manager",
    "maintainer",
    "engineer",
    "developer",
    "designer",
    "architect",
    "lead",
    "coordinator",
    "spokesperson",
    "candidate",
    "nominee",
    "mp",
    "mep",
    "envoy",
    "delegate",
    "captain",
    "commander",
    "general",
    "colonel",
    "bishop",
    "pope",
    "rabbi",
    "imam",
    "founders",
    "co-founders",
    "councillor",
    "councilmember",
    "councilwoman",
    "councilman",
    "alderman",
    "sheriff",
    "inspector",
    "superintendent",
    "sergeant",
    "constable",
    "principal",
    "dean",
    "provost",
    "rector",
    "trustee",
    "administrator",
    "treasurer",
    "registrar",
    "warden",
    "pastor",
    "reverend",
    "sindaco",
    "sindaca",
    "questore",
    "prefetto",
    "assessore",
    "assessora",
    "bürgermeister",
    "bürgermeisterin",
    "ministerin",
    "maire",
    "préfet",
    "député",
    "députée",
    "alcalde",
    "alcaldesa",
    "concejal",
    "concejala",
    "prefeito",
    "prefeita",
    "vereador",
    "vereadora",
    "governador",
    "governadora",
    "coach",
    "player",
    "artist",
    "actor",
    "actress",
    "singer",
    "musician",
    "director",
    "producer",
    "fellow",
    "student",
    "activist",
    "lawyer",
    "doctor",
    "physician",
    "nurse",
    "farmer",
    "owner",
    "partner",
    "chairman",
    "chairwoman",
    "president-elect",
    "governor-elect",
    "presidente",
    "presidenta",
    "secretario",
    "secretaria",
    "subsecretario",
    "subsecretaria",
    "ministro",
    "ministra",
    "jefe",
    "jefa",
    "titular",
    "directora",
    "gobernador",
    "gobernadora",
    "ministre",
    "président",
    "présidente",
}


def is_role(text: str) -> bool:
    """Whether ``text`` reads as a title held by a person ("Press Secretary", "Secretary of the
    Treasury", "UN Secretary General"), not a piece of the sentence around a name ("Elon Musk,
    President Trump and", "to discuss this move")."""
    words = text.strip().split()
    if not words or len(words) > 8 or not (words[0][:1].isupper() or words[0].casefold() in {"the", "a", "an"}):
        return False
    if words[-1].casefold() in {"and", "or", "to", "of", "the", "with", "for", "in", "on", "at", "by"}:
        return False
    if " and " in f" {text.casefold()} " and sum(1 for w in words if w[:1].isupper()) >= 4:
        return False  # a list of people: "Jared Bernstein, Secretary Karine Jean-Pierre and CEA Member"
    return any(w.casefold().strip(".,") in ROLE_WORDS for w in words)


def one_name_per_person(names: dict[str, str]) -> dict[str, str]:
    """Labels → names, with a surname alone or a title and a surname ("Biden", "President
    Biden") replaced by the one fuller name of that surname in the same text ("Joe Biden"),
    and a first name alone by the one fuller name it begins ("Rosalind")."""

    def core(name):
        return [w for w in re.split(r"[\s.]+", name) if w and w.casefold() not in HONORIFICS]

    by_surname: dict[str, set[str]] = {}
    by_first: dict[str, set[str]] = {}
    for name in set(names.values()):
        words = core(name)
        if len(words) >= 2:
            by_surname.setdefault(words[-1].casefold(), set()).add(name)
            by_first.setdefault(words[0].casefold(), set()).add(name)
    out = {}
    for label, name in names.items():
        words = core(name)
        fuller = by_surname.get(words[-1].casefold(), set()) if len(words) == 1 else set()
        if len(words) == 1 and not fuller:
            # A first name alone after the full name ("ROSALIND" after "ROSALIND ACHTERBERG"),
            # where no other speaker has that first name.
            fuller = by_first.get(words[0].casefold(), set())
        out[label] = next(iter(fuller)) if len(fuller) == 1 else name
    return out


PERSON = r"(?<![\w’'\-])[A-ZÀ-Þ][\w’'\-]+(?:[ ][A-ZÀ-Þ][\w’'\-]+){0,2}"
# A person's name, not an outlet's: "Jim Hall", not "BBC Radio Kent".
PERSON_NAME = (
    r"(?<![\w’'\-])(?-i:[A-ZÀ-Þ][a-zß-ÿ’'\-]+(?: [A-ZÀ-Þ][a-zß-ÿ’'\-]+(?:-[A-ZÀ-Þ][a-zß-ÿ’']+)?){1,2})(?![\w’'\-])"
)
PEOPLE = rf"{PERSON}(?:(?:, | and | & ){PERSON})*"
# The lead says who asks: "I spoke with Ann Lee and Bo Tan", "Jo Roe sat down with Ann Lee",
# "interviewed by Jo Roe", "our correspondent Jo Roe talked to Ann Lee".
ASKED_BY = re.compile(
    rf"(?P<asker>{PERSON}|\bI\b|\bwe\b)\s+(?:spoke|speaks|talked|talks|sat down|chatted|met)\s+(?:to|with)\s+"
    rf"(?:(?!(?:the|a|an|our|his|her|their|its|my|your|reporters?|journalists?)\b)[a-z][\w\-]+\s+){{0,2}}(?:(?:Dr|Prof|Professor)\.?\s+)?(?P<answerers>{PEOPLE})|(?P<answerers2>{PEOPLE}),?\s+(?:was |were )?interviewed by\s+(?P<asker2>{PERSON})|"
    rf"(?P<asker3>{PERSON})\s+interview(?:s|ed)\s+(?P<answerers3>{PEOPLE})|"
    # Only who answers: "An interview with FreeDOS founder Jim Hall.", "in conversation with Ann Lee, who …"
    rf"\b(?:interview|conversation|Q&A|chat|town hall|fireside chat|(?:an?|the) (?:afternoon|evening|morning|hour|day|"
    rf"lunch|coffee|walk|drink))\s+with\s+(?:[\w’'\-]+\s+){{0,3}}?(?P<answerers4>{PERSON_NAME})"
    r"(?=[,.;:!?)]|\s+(?:who|about|on|in|at|from|of)\b|[ \t]*(?:\n|$))"
)
# A reported interview: "In an interview with the Herald at …, chief executive Ann Lee said",
# "Ann Lee, head of the union, told Coastline Press in an interview" (read only where the text
# says "interview": the patterns are dear on a long transcript).
REPORTED_INTERVIEW = re.compile(
    rf"\bIn an? (?:exclusive |wide-ranging )?interview with [^,\n]{{1,80}},\s+(?:(?:{ROLE_WORD}|[a-z][\w\-]*)\s+){{0,4}}?"
    rf"(?P<named>{PERSON_NAME})(?=,|\s+(?:said|says|told|admitted|warned|insisted|added)\b)|"
    rf"(?P<teller>{PERSON_NAME})(?:, [^,\n]{{1,80}},)? told (?:the )?[A-Z][^,.\n]{{0,40}}? in an? (?:exclusive )?interview\b"
)
# A live chat's staff: "Transit reporter Ann Lee and data editor Bo Tan took readers' questions".
TOOK_QUESTIONS = re.compile(
    rf"(?P<people>{PERSON_NAME}(?:,? (?:and|&) (?:[\w’'\-]+ ){{0,3}}?{PERSON_NAME})*) (?:took|answered|answers|"
    r"take|will take|will answer|fielded) (?:readers[’']|listeners[’']|viewers[’']|your|audience|the audience[’']s) questions"
)


def took_questions(text: str) -> list[str]:
    """The people a live chat's introduction says answered the readers' questions."""
    if "questions" not in text:
        return []
    return [name for match in TOOK_QUESTIONS.finditer(text) for name in re.findall(PERSON_NAME, match["people"])]


# A moderator or a call's operator gives the floor by name: "Our next question comes from the
# line of Luca Benedetti with Marchetti & Co.", "The first question is from Kari Nyland".
FLOOR_GIVEN = re.compile(rf"\bquestions? (?:comes?|is|will come) from (?:the line of )?(?P<name>{PERSON_NAME})")


OUTLET_WORDS = {
    "Radio",
    "TV",
    "Television",
    "News",
    "Times",
    "Post",
    "Magazine",
    "Journal",
    "Daily",
    "Weekly",
    "Channel",
    "Network",
    "Press",
    "Media",
    "Review",
    "Gazette",
    "Herald",
    "Tribune",
    "Podcast",
    "Show",
    "FM",
    "Online",
}


# Words that make a run of capitals a body, not a person: "The Brennock Reservoir Inquiry".
INSTITUTION_WORDS = OUTLET_WORDS | {
    "Inquiry",
    "Committee",
    "Council",
    "Commission",
    "Institute",
    "University",
    "College",
    "School",
    "Association",
    "Society",
    "Foundation",
    "Company",
    "Corporation",
    "Ltd",
    "Inc",
    "Group",
    "Board",
    "Parliament",
    "Senate",
    "Assembly",
    "Ministry",
    "Department",
    "Agency",
    "Trust",
    "Club",
    "Museum",
    "Library",
    "Reservoir",
    "Festival",
    "Conference",
    "Summit",
    "Forum",
    "Project",
    "Centre",
    "Center",
    "Hospital",
    "Church",
    "Court",
    "Tribunal",
    "Hearing",
    "Report",
    "Union",
    "Party",
    "Office",
    "Service",
    "Authority",
    "Bank",
    "Fund",
    "Episode",
    "Session",
    "Day",
}


def who_asks(text: str) -> tuple[list[str], list[str]]:
    """(interviewers, interviewees) the text names: "Jo Roe sat down with Ann Lee and Bo Tan"
    → (["Jo Roe"], ["Ann Lee", "Bo Tan"])."""
    askers, answerers = [], []
    for match in ASKED_BY.finditer(text):
        asker = match["asker"] or match["asker2"] or match["asker3"]
        people = match["answerers"] or match["answerers2"] or match["answerers3"] or match["answerers4"]
        if match["answerers4"] and set(people.split()) & OUTLET_WORDS:
            continue  # "an interview with BBC Radio Kent": an outlet, not the interviewee
        if asker in ("He", "She", "They"):
            # "Bill Penhallow has been coxswain … He spoke to Susan Treloar": she asked, he answered.
            askers += [p for p in re.split(r", | and | & ", people) if p.casefold() not in HONORIFICS]
            paragraph = text[: match.start()].rsplit("\n", 1)[-1]
            if named := re.search(PERSON_NAME, paragraph):
                answerers.append(named.group())
            continue
        if asker and asker.casefold() not in ("i", "we"):
            askers.append(asker)
        answerers += [p for p in re.split(r", | and | & ", people) if p.casefold() not in HONORIFICS]
    if "interview" in text:
        answerers += [m["named"] or m["teller"] for m in REPORTED_INTERVIEW.finditer(text)]
    answerers += took_questions(text)
    return askers, [_without_title(person) for person in answerers]


def _without_title(person: str) -> str:
    """ "Councillor Isla Duarte" → "Isla Duarte": a title before a full name is no part of it."""
    words = person.split()
    while len(words) > 2 and words[0].casefold() in ROLE_WORDS:
        words.pop(0)
    return " ".join(words)


def names_one_of(label: str, names: list[str]) -> bool:
    """Whether a label ("Kris", "MR. LEE", "Ann Lee") is one of these people."""
    words = {w.casefold() for w in re.split(r"[\s.]+", label) if w} - HONORIFICS
    # ("Ines Calloway:" is the "Ines" of "He talks to Ines", and "Kris:" the "Kris Nova" of the lead)
    return bool(words) and any(
        words <= (named := {w.casefold() for w in name.split()} - HONORIFICS) or named and named <= words
        for name in names
    )


def name_from_first(first: str, text: str) -> str:
    """The full name a first name stands for in ``text`` ("Kris" → "Kris Nova"), when the
    text prints exactly one: the most printed "First Surname" after which no other word of a
    name follows."""
    if len(first) < 2 or not first[0].isupper() or first.casefold() in HONORIFICS | NOT_FIRST_NAMES:
        return ""
    counts: dict[str, int] = {}
    for match in re.finditer(
        rf"\b{re.escape(first)} (?P<last>[A-ZÀ-Þ][a-zà-ÿ’'\-]+(?: [A-ZÀ-Þ][a-zà-ÿ’'\-]+)?)\b", text
    ):
        last = match["last"]
        if last.split()[0].casefold() in HONORIFICS | NOT_FIRST_NAMES:
            continue
        counts[f"{first} {last}"] = counts.get(f"{first} {last}", 0) + 1
    return max(counts, key=counts.get) if len(counts) == 1 else ""
