"""Who answers, and under which name and role (pure)::

MS. PSAKI      + "Press Secretary Jen Psaki" in the title   -> "Jen Psaki"
THE PRESIDENT  + "Remarks by President Biden" in the title  -> "President Biden" (fuller if printed)
Kris           + "Kris Nova and Toshaan Bharvani answer"    -> "Kris Nova"
Both           + answers by Kris and Toshaan                -> "Kris Nova and Toshaan Bharvani"
"António Guterres, UN Secretary General" in the lead        -> role "UN Secretary General"
"""

from __future__ import annotations

import re

from ..names import accented, fold
from . import roles as speaking
from . import turns
from .clean import split_sentences
from .document import ParsedSpeaker
from .metadata import (
    DATE_IN_TEXT,
    OUTLET_PATTERNS,
    OUTLET_SUFFIX,
    PLACE_WORDS,
)
from .people import (
    FIRST_NAME,
    HONORIFICS,
    INSTITUTION_WORDS,
    NAME,
    NAME_WORD,
    NOT_FIRST_NAMES,
    NOT_ROLE_WORDS,
    PERSON_NAME,
    ROLE_WORD,
    ROLE_WORDS,
    full_name,
    is_role,
    name_from_first,
    name_with_initials,
    names_one_of,
    similar_name,
    who_asks,
)


def _in_lower_case(word: str, text: str) -> bool:
    """Whether the text uses the word as a common word ("kitchen"), not in a link or a handle."""
    return bool(re.search(rf"(?<![\w’'\-/.@]){re.escape(word.lower())}(?![\w’'\-/.@])", text))


TITLE_SEPARATOR = re.compile(r"\s+[–—-]\s+(?=[^–—-]+$)")


# A witness sworn in by name, as a hearing's transcript prints it: "MR DERMOT FRANCIS HALDANE (sworn)".
SWORN = re.compile(
    r"(?:^|\s)(?:(?:MR|MRS|MS|MISS|DR|PROFESSOR|PROF|SIR|DAME|LORD|LADY|BARONESS)\.? )?"
    r"(?P<name>[A-ZÀ-Þ][A-ZÀ-Þ’'\-]+(?: [A-ZÀ-Þ][A-ZÀ-Þ’'\-]+){1,4}) \((?:sworn|affirmed)\)"
)


class Naming:
    """The naming half of the reader (:class:`archive.parsing.reader._Reader`)."""

    @staticmethod
    def _joint_names(names: dict[str, str], answerers: list[str], askers: set[str]) -> dict[str, str]:
        """The people behind a joint label: "Both" is every other interviewee, "AB/CD" the
        ones labelled AB and CD ("Kris Nova and Toshaan Bharvani")."""
        joint = {}
        single = [l for l in answerers if l and not turns.JOINT_LABEL.match(l) and l not in askers]
        for label in answerers:
            if not turns.JOINT_LABEL.match(label):
                continue
            parts = [p.strip() for p in label.split("/")] if "/" in label else single
            people = [names.get(p) or p for p in parts if p in names or "/" in label]
            if len(people) >= 2:
                joint[label] = ", ".join(people[:-1]) + " and " + people[-1]
        return joint

    def _names_interviewer(self, label: str) -> bool:
        """The title or header says this label is who asked ("Interview of X by Jamie Little")."""
        interviewer = self.header.get("interviewer") or self.interview.interviewer
        words = set(fold(label).split())
        # Whole words of the name ("Campbell:", "Christine Campbell:"), never a letter ("A:").
        if interviewer and words and words <= set(fold(interviewer).split()) and len(fold(label)) > 2:
            return True
        match = re.search(r"\b(?:by|with) (?P<name>[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){1,3})", self.interview.title)
        return bool(
            match
            and re.match(r"(?:Interview|Conversation|Q&A)\b", self.interview.title)
            and fold(label) == fold(match["name"])
        )

    def _name_for_label(self, label: str, context: str, main: ParsedSpeaker | None) -> str:
        """The person behind a label: "MS. PSAKI" is the "Jen Psaki" of the title."""
        if self.label_forms.get(label) == "qa-letter":  # "P." asks, "R." is the interviewee
            return (main.name if main else "") if label == "R" else ""
        if turns.ASKER_LABEL.match(label) and not re.search(
            r"\b(?:senator|sen|rep|representative|congress\w*)\b", label, re.I
        ):
            return ""
        if turns.ANSWERER_LABEL.match(label):
            return main.name if main else ""
        if turns.office_holder(label) or turns.member(label):  # "The Minister for Housing (Tom Reyes)"
            return turns.person_of(label)
        bare = re.sub(
            r"\s*\([^()]{1,30}\)$", "", label
        )  # "SEN. DOLORES ACKERLY (D-OR)", "ANA LIMA (through interpreter)"
        if bare != label and len(bare.split()) >= 2:
            return self._name_for_label(bare, context, main)
        if match := turns.NAME_WITH_ROLE.match(label):  # "Patrick Masson, OSI general manager"
            name = match["name"]
            return name.title() if name.isupper() else name  # "ADAEZE OKONJO, HOUSING MINISTER"
        words = [w for w in re.split(r"[\s.]+", label) if w]
        # Role words and, beside them, organisations' initials ("UN SECRETARY GENERAL") are no name.
        core = [
            w
            for w in words
            if w.casefold() not in HONORIFICS and not (len(words) > 1 and len(w) <= 3 and w.isupper() and w.isalpha())
        ]
        # A title before the name ("FIRE CHIEF RAFAEL ALVAREZ", "Questore Marcello Ruggeri").
        titled = [i for i, w in enumerate(words) if w.casefold() in ROLE_WORDS | HONORIFICS]
        titled_name = ""
        if titled and len(words) - titled[-1] > 2 and len(core) > 2:
            core = words[titled[-1] + 1 :]
            titled_name = " ".join(w.capitalize() if label.isupper() else w for w in core)
        if core and len(core) == len(words) and len(core) >= 2 and not label.isupper():
            return label  # already a full name: "Hillary R Clinton", "Erik St. Martin"
        if core:
            surname = core[-1]
            full = (
                full_name(surname, context)
                or full_name(surname, self.full_text)
                or similar_name(surname, context + " " + self.full_text)
            )
            if full and len(core) >= 2 and fold(full).endswith(" " + fold(" ".join(core))):
                # "DANI OKEREKE" is not the "Holt Dani Okereke" of a list of names run together
                return " ".join(full.split()[-len(core) :])
            if full:
                return full
            if (
                len(words) == 1
                and not label.isupper()
                and (given := name_from_first(label, context + " " + self.full_text))
            ):
                return given  # "Kris:" beside "Kris Nova and Toshaan Bharvani answer together"
            if len(core) == 1 and len(surname) <= 4 and surname.isupper():
                initials = name_with_initials(surname, context + " " + self.full_text)
                if initials:
                    return initials
            if label.isupper() and (
                len(label) > 3 or re.search(rf"\b{re.escape(label.capitalize())}\b", self.full_text)
            ):
                return " ".join(w.capitalize() for w in core)  # "AMA" whom the text calls "Ama"
            return titled_name or label
        # A role alone ("THE PRESIDENT", "UN SECRETARY GENERAL"): the title names who held it.
        role = r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", label) if w.casefold() != "the")
        match = re.search(rf"\b(?i:{role})\s+(?P<name>{FIRST_NAME}(?: [A-ZÀ-Þ][\w’'\-]+)?)", context)
        if match:
            name = match["name"]
            last = name.split()[-1]
            if " " in name and (PLACE_WORDS.match(last) or _in_lower_case(last, self.full_text)):
                name = name.split()[0]  # "President Trump Aboard Air Force One"
            if " " in name and self.full_text.count(name) + context.count(name) >= 2:
                return name  # "UN Secretary General António Guterres"
            first = name.split()[0]
            return full_name(first, self.full_text) or first
        return label.title()

    # -- title, byline, metadata -------------------------------------------------------

    def _speaker(self, texts: list[str]) -> ParsedSpeaker | None:
        """The interviewee named by the header, byline or title, in their best-printed spelling."""
        iv = self.interview
        candidates = list(self.byline_names)
        if "speaker" in self.header:
            candidates.insert(0, self.header["speaker"])
        suffix = self._title_suffix()
        if suffix and NAME.match(suffix):
            candidates.append(suffix)
        if named := self._title_name_line():  # "Charlie Stross, Novelist, recovering software developer"
            candidates.append(named)
        sworn = {
            " ".join(m["name"].split()).title() for t in [iv.lead, *texts, *iv.discarded] for m in SWORN.finditer(t)
        }
        if len(sworn) == 1 and "speaker" not in self.header:  # "MR DERMOT HALDANE (sworn)": the witness
            candidates.insert(0, sworn.pop())
        if not candidates:
            candidates = self._named_in_title(texts)
        if not candidates:
            # "An interview with Jim Hall.": the lead names the one who answers.
            named = list(dict.fromkeys(who_asks("\n".join([iv.title, iv.lead, *texts[:6]]))[1]))
            candidates = named if len(named) == 1 else []
        if not candidates:
            candidates = self._lead_subject(texts)
        if not candidates:
            return None
        primary = candidates[0]
        if " " not in primary:  # "We talked to Gloria" after "Gloria Amankwah has been …"
            primary = name_from_first(primary, "\n".join([iv.title, iv.lead, self.full_text[:3000]])) or primary
            candidates[0] = primary
        key = fold(primary)
        spellings = [c for c in candidates if fold(c) == key]
        # The same name printed elsewhere in the article, perhaps with its accents.
        for text in [iv.title, iv.lead, iv.closing, *texts]:
            for match in re.finditer(NAME_WORD + r"(?: " + NAME_WORD + r")+", text):
                words = match.group().split()
                for size in range(len(key.split()), 0, -1):
                    for start in range(0, len(words) - size + 1):
                        piece = " ".join(words[start : start + size]).rstrip(".,;:")
                        if fold(piece) == key:
                            spellings.append(piece)
        name = max(spellings, key=lambda s: (accented(s), -spellings.index(s)))
        aliases = tuple(dict.fromkeys(s for s in spellings if s != name))
        role = self.header.get("role") or self._role(spellings) or self.byline_affiliation
        return ParsedSpeaker(name=name, role=role, aliases=aliases)

    def _named_in_title(self, texts: list[str]) -> list[str]:
        """People the title names ("… Wikinews interviews biologist Natasha Gownaris"), the one
        the text mentions most first."""
        body = " ".join([self.interview.lead, self.interview.closing, *texts])
        names = []
        for run in re.finditer(r"[A-ZÀ-Þ][\w’'\-]*(?: [A-ZÀ-Þ][\w’'\-]*)+", self.interview.title):
            words = run.group().split()
            while words and (
                words[0].casefold() in HONORIFICS | NOT_FIRST_NAMES | NOT_ROLE_WORDS | {"wikinews"}
                or words[0].isupper()
                or re.search(r"[’']s$|^[A-Z]{2,}-", words[0])  # "EXCLUSIVE-Kessaria's Ondimba rules out …"
            ):
                words.pop(0)
            if (
                2 <= len(words) <= 4
                and not any(w.casefold() in HONORIFICS | {"wikinews"} for w in words)
                and not INSTITUTION_WORDS.intersection(words)
                and not any(w.casefold() in ROLE_WORDS or _in_lower_case(w, body) for w in words)
            ):  # "Contributor Spotlight", "Ledger Staff Writer": words, not a name
                names.append(" ".join(words))
        # "Oye Beck and the quiet life of Perch" over "I asked Oye how that works."
        mentions = {
            n: len(re.findall(rf"\b{re.escape(n.split()[-1])}\b", body))
            + len(re.findall(rf"\b{re.escape(n.split()[0])}\b(?! [A-ZÀ-Þ])", body))
            for n in names
        }
        # "Talking toolkits with Ann Lee": the guest the title names, mentioned or not.
        guest = speaking.TITLE_GUEST.search(self.interview.title)
        guest_name = guest["name"] if guest else ""
        return sorted((n for n in names if mentions[n] or n == guest_name), key=lambda n: -mentions[n])

    def _lead_subject(self, questions: list[str]) -> list[str]:
        """The person a Q&A's introduction is about, when nothing says who answers: a full name
        that opens a sentence of the lead ("Gloria Amankwah has been a volunteer tutor since
        2016.") and that the lead and the questions name again ("We talked to Gloria"), the one
        named most; never the byline's or the interviewer's name, an outlet or an institution."""
        # (a transcript's lead is not cut yet: its unlabelled paragraphs are the opening)
        lead = self.interview.lead or "\n\n".join(questions[:4])
        sentences = [s for paragraph in lead.split("\n\n") for s in split_sentences(paragraph)]
        others = [*self.byline_names, self.interview.interviewer, self.header.get("interviewer", "")]
        text = " ".join([lead, *questions])
        names = []
        for sentence in sentences:
            # "Ann Roe has…", "Ann Roe, 54,", "Captain Ann Roe has…", "This month: Ann Roe, 36, is…"
            opening = re.sub(
                r"^(?:(?:This|Next|Last|Today|In this) ?[\w’'\-]*|[^:]{1,80}[’”\"']):\s+", "", sentence.strip()
            )
            match = re.match(rf"(?:{ROLE_WORD} ){{0,3}}?(?P<name>{PERSON_NAME})(?=,| [a-zß-ÿ])", opening)
            if not match or any(w.casefold() not in ROLE_WORDS for w in opening[: match.start("name")].split()):
                continue
            name = match["name"]
            words = name.split()
            if (
                words[0].casefold() in HONORIFICS | NOT_FIRST_NAMES | NOT_ROLE_WORDS
                or any(_in_lower_case(w, text) for w in words)  # "Copperline Kitchen": a kitchen
                or INSTITUTION_WORDS.intersection(words)
                or names_one_of(name, [o for o in others if o])
            ):
                continue
            names.append(name)
        text = " ".join([self.interview.title, text])
        mentions = {
            name: sum(len(re.findall(rf"(?<![\w’'\-]){re.escape(w)}(?![\w’'\-])", text)) for w in name.split())
            for name in names
        }
        best = max(mentions, key=lambda n: (mentions[n], -names.index(n)), default="")
        return [best] if best and mentions[best] > len(best.split()) else []

    def _title_name_line(self) -> str:
        """A title printed as a name line, "Name, what they do" ("Khoi Vinh, Designer director
        (NYTimes.com)"): the person the Q&A is with, when the text names them again."""
        name, comma, rest = self.interview.title.partition(",")
        name = name.strip()
        if not comma or not NAME.match(name) or len(rest.split()) > 12 or rest.rstrip().endswith((".", "?", "!")):
            return ""
        words = name.split()
        body = self.full_text.replace(self.interview.title, "")
        if (
            words[0].casefold() in HONORIFICS | NOT_FIRST_NAMES | NOT_ROLE_WORDS
            or INSTITUTION_WORDS.intersection(words)
            or PLACE_WORDS.search(name)
            or any(_in_lower_case(w, body) for w in words)  # "Introducing Maëlle Salmon, …"
        ):
            return ""
        return name if any(re.search(rf"\b{re.escape(w)}\b", body) for w in (words[0], words[-1])) else ""

    def _title_suffix(self) -> str:
        parts = TITLE_SEPARATOR.split(self.interview.title)
        return parts[-1].strip() if len(parts) == 2 else ""

    def _role(self, spellings: list[str], labels=()) -> str:
        for label in labels:  # "**Patrick Masson, OSI general manager:**"
            if turns.office_holder(label) and fold(turns.person_of(label)) in {fold(s) for s in spellings}:
                return turns.office_of(label)  # "The Minister for Housing (Tom Reyes)"
            match = turns.NAME_WITH_ROLE.match(label)
            role = (match["role"] or match["dashed"].split(" -- ")[0]).strip() if match else ""
            role = role.title() if role.isupper() else role  # "HOUSING MINISTER"
            # A title in a label may be printed in lower case ("programme director at …").
            if match and fold(match["name"]) in {fold(s) for s in spellings} and is_role(role[:1].upper() + role[1:]):
                return role
            for spelling in spellings:  # "FIRE CHIEF RAFAEL ALVAREZ", "Questore Marcello Ruggeri"
                title = label[: -len(spelling)].strip()
                if title and fold(label).endswith(" " + fold(spelling)) and is_role(title.title()):
                    return title.title() if title.isupper() else title
        texts = [self.interview.lead, self.interview.title]
        for spelling in dict.fromkeys(spellings):
            name = re.escape(spelling)
            for text in texts:
                after = re.search(name + r", (?:the |a |an )?(?P<role>[^,.;()]{2,60}),", text)
                if (
                    after
                    and len(after["role"].split()) <= 8
                    and not DATE_IN_TEXT.search(after["role"] + " 2000")
                    and not re.search(r"\d", after["role"])
                    and is_role(after["role"])
                ):
                    return after["role"].strip()
                before = re.search(rf"(?P<role>(?:{ROLE_WORD} ){{1,6}}){name}", text)
                if before:
                    words = before["role"].split()
                    while words and (words[0][0].islower() or words[0].casefold() in NOT_ROLE_WORDS):
                        words.pop(0)
                    if words and is_role(" ".join(words)):
                        return " ".join(words)
        suffix = self._title_suffix()
        if suffix and not NAME.match(suffix) and len(suffix.split()) <= 6 and is_role(suffix):
            return suffix
        return ""

    def _guess_outlet(self, lead: str) -> str:
        for pattern in OUTLET_PATTERNS:
            for match in pattern.finditer(lead):
                name = OUTLET_SUFFIX.sub("", match["name"]).strip()
                if name and fold(name) not in {fold(n) for n in self.byline_names}:
                    return name
        return ""
