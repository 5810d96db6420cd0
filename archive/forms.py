"""The forms: what a reader may type into a search, and what an editor may save or import.

Validation lives here; views and the admin only call ``is_valid()`` and use
``cleaned_data``. A bad value gets a message a person can act on, never a 500.
"""

from __future__ import annotations

import json
from datetime import date

from django import forms

from . import corrections as editing
from .importer import too_big
from .models import Article, Pair
from .parsing import ParseError, decode
from .search import MAX_PAGE, MAX_QUERY_CHARS, MAX_QUERY_WORDS
from .search.results import SORTS
from .search.syntax import normalize, parse_date


# -- search ----------------------------------------------------------------------------------
class DateInput(forms.CharField):
    """A day, a month or a year: 2020-05-17, 2020-05 or 2020 (the first or last day of it)."""

    def __init__(self, *, end=False, **kwargs):
        super().__init__(required=False, **kwargs)
        self.end = end

    def to_python(self, value):
        value = super().to_python(value).strip()
        if not value:
            return None
        day = parse_date(value, end=self.end) if len(value) <= 10 else None
        if day is None:
            raise forms.ValidationError(
                f"“{value[:10]}” is not a date: write a year, a month or a day, as in 2020, 2020-05 or 2020-05-17."
            )
        return day


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search answers",
        required=False,
        max_length=MAX_QUERY_CHARS,
        strip=True,
        error_messages={"max_length": f"Searches are limited to {MAX_QUERY_CHARS} characters; shorten the query."},
    )
    exact = forms.BooleanField(label="Exact word forms", required=False)
    speaker = forms.SlugField(required=False, max_length=100)
    outlet = forms.CharField(required=False, max_length=200)
    year = forms.RegexField(required=False, regex=r"^\d{4}$", error_messages={"invalid": "A year has four digits."})
    article = forms.SlugField(required=False, max_length=100)
    date_from = DateInput(label="From")
    date_to = DateInput(label="To", end=True)
    sort = forms.ChoiceField(
        required=False,
        choices=[("", "")] + list(SORTS.items()),
        error_messages={"invalid_choice": "Sort by relevance, newest or oldest."},
    )
    view = forms.ChoiceField(
        required=False,
        choices=[("", "answers"), ("speakers", "speakers")],
        error_messages={"invalid_choice": "The view is answers or speakers."},
    )
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        error_messages={
            "max_value": f"Only the first {MAX_PAGE} pages are shown; narrow the search instead.",
            "min_value": "Pages are numbered from 1.",
            "invalid": "The page must be a number.",
        },
    )

    def __init__(self, data=None, **kwargs):
        # The URL says from= and to=, which are not Python names.
        if data is not None:
            data = data.copy()
            for name in ("from", "to"):
                if name in data:
                    data[f"date_{name}"] = data.pop(name)[-1] if hasattr(data, "getlist") else data.pop(name)
        super().__init__(data, **kwargs)

    def clean_q(self):
        q = " ".join(normalize(self.cleaned_data["q"]).split())
        if len(q.split()) > MAX_QUERY_WORDS:
            raise forms.ValidationError(f"Searches are limited to {MAX_QUERY_WORDS} words; shorten the query.")
        return q

    def clean_outlet(self):
        return " ".join(normalize(self.cleaned_data["outlet"]).replace('"', "").split())

    def clean_page(self):
        return self.cleaned_data["page"] or 1

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError("The first date is after the second; swap them.")
        return data

    def search_kwargs(self) -> dict:
        """The cleaned values as :func:`search_answers` takes them."""
        data = self.cleaned_data
        return {
            name: data[name]
            for name in (
                "exact",
                "speaker",
                "outlet",
                "year",
                "article",
                "date_from",
                "date_to",
                "sort",
                "view",
                "page",
            )
        }

    def errors_by_field(self) -> dict[str, list[str]]:
        names = {"date_from": "from", "date_to": "to"}
        return {names.get(f, f): [str(e) for e in errs] for f, errs in self.errors.items()}


# -- the admin -------------------------------------------------------------------------------
class PairForm(forms.ModelForm):
    class Meta:
        model = Pair
        fields = ["position", "question", "answer", "speaker", "asker"]
        widgets = {"question": forms.Textarea(attrs={"rows": 3}), "answer": forms.Textarea(attrs={"rows": 8})}

    def clean(self):
        data = super().clean()
        if data.get("answer") and not data.get("speaker"):
            self.add_error("speaker", "Say who gave this answer: search results show the speaker.")
        return data


class ArticleForm(forms.ModelForm):
    source_url = forms.URLField(label="Source URL", required=False, max_length=500, assume_scheme="https")

    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "is_published",
            "outlet",
            "published",
            "place",
            "language",
            "source_url",
            "photo_credit",
            "lead",
            "closing",
            "original_text",
        ]

    def clean(self):
        data = super().clean()
        if data.get("is_published") and not data.get("title", "").strip():
            self.add_error("title", "A published article needs a title.")
        return data


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class ImportForm(forms.Form):
    text = forms.CharField(
        label="Paste an interview",
        required=False,
        widget=forms.Textarea(attrs={"rows": 14, "cols": 100}),
        help_text="Title on the first line; questions as paragraphs ending in “?”, or Q:/A: labels.",
    )
    files = MultipleFileField(
        label="…or upload .txt files",
        required=False,
        widget=MultipleFileInput(attrs={"accept": ".txt,text/plain"}),
    )
    outlet = forms.CharField(
        label="Outlet for all", required=False, max_length=200, help_text="Overrides what the texts say."
    )
    published = forms.DateField(
        label="Date for all", required=False, help_text="YYYY-MM-DD; overrides what the texts say."
    )
    language = forms.CharField(label="Language for all", required=False, max_length=20, help_text="e.g. en, ru, kk.")

    def clean(self):
        data = super().clean()
        if not data.get("text", "").strip() and not data.get("files"):
            raise forms.ValidationError("Paste a text or choose at least one file.")
        return data

    def documents(self):
        """(file name or "", text, error) for the pasted text and each uploaded file."""
        if self.cleaned_data.get("text", "").strip():
            yield "", self.cleaned_data["text"], ""
        for upload in self.cleaned_data.get("files") or []:
            if reason := too_big(upload.size):
                yield upload.name, "", reason  # refused unread
                continue
            try:
                text, _ = decode(upload.read())
            except ParseError as exc:
                yield upload.name, "", str(exc)
            else:
                yield upload.name, text, ""

    def batch_corrections(self, interview) -> list[dict]:
        """The values set for all files, as corrections of this file's parsed fields."""
        out = []
        for name in ("outlet", "published", "language"):
            value = self.cleaned_data.get(name)
            value = value.isoformat() if hasattr(value, "isoformat") else (value or "").strip()
            if value and value != editing.field_value(interview, name):
                out.append({"op": "set", "field": name, "was": editing.field_value(interview, name), "value": value})
        return out


ROLE_CHOICES = [("", "as the parser read it"), ("asks", "asks"), ("answers", "answers"), ("neither", "neither")]
PARAGRAPH_CHOICES = [
    ("", "—"),
    ("split", "starts a new question"),
    ("lead", "move to the lead"),
    ("closing", "move to the closing text"),
    ("discarded", "discard"),
]
EDITABLE = [
    ("title", "Title", 300),
    ("outlet", "Outlet", 200),
    ("published", "Date", 10),
    ("language", "Language", 20),
    ("place", "Place", 200),
    ("interviewer", "Interviewer", 200),
]


def load_corrections(raw: str) -> list[dict]:
    """The corrections a preview carried, or none when the value was tampered with."""
    try:
        value = json.loads(raw or "[]")
    except ValueError:
        return []
    return [c for c in value if editing.well_formed(c)] if isinstance(value, list) else []


class DocumentForm(forms.Form):
    """One document in the import preview: the editor's decisions about the split as the
    parser (and the corrections so far) left it. ``new_corrections()`` turns what the editor
    changed into corrections, named by the text they apply to."""

    def __init__(self, data=None, *, interview, corrections=(), **kwargs):
        super().__init__(data, **kwargs)
        self.interview = interview
        iv = interview
        for name, label, length in EDITABLE:
            self.fields[name] = forms.CharField(
                label=label, required=name == "title", max_length=length, initial=editing.field_value(iv, name)
            )
        self.fields["published"].help_text = "YYYY-MM-DD"
        self.speakers = self._speakers()
        for j, (name, role) in enumerate(self.speakers):
            self.fields[f"speaker-{j}"] = forms.CharField(label="Speaker", required=False, max_length=200, initial=name)
            self.fields[f"speaker-{j}-role"] = forms.CharField(
                label="Role", required=False, max_length=200, initial=role
            )
        self.labels = list(dict.fromkeys(iv.labels))
        chosen = editing.roles(corrections)
        for j, label in enumerate(self.labels):
            self.fields[f"role-{j}"] = forms.ChoiceField(
                label=label, choices=ROLE_CHOICES, required=False, initial=chosen.get(label, "")
            )
        self.pair_rows = []
        for k, pair in enumerate(iv.pairs):
            if k + 1 < len(iv.pairs):
                self.fields[f"merge-{k}"] = forms.BooleanField(label="merge with the next pair", required=False)
            rows = []
            for part in ("q", "a"):
                texts = editing.paragraphs(pair.question if part == "q" else pair.answer)
                for m, text in enumerate(texts):
                    choices = [c for c in PARAGRAPH_CHOICES if c[0] != "split" or (part == "a" and m > 0)]
                    if part == "q" and len(texts) == 1:
                        choices = []  # a question keeps at least one paragraph
                    name = f"p-{k}-{part}{m}"
                    if choices:
                        self.fields[name] = forms.ChoiceField(label="", choices=choices, required=False)
                    rows.append((part, text, name if choices else ""))
            self.pair_rows.append(rows)

    def _speakers(self) -> list[tuple[str, str]]:
        iv = self.interview
        roles = {s.name: s.role for s in iv.speakers}
        names = list(dict.fromkeys([s.name for s in iv.speakers] + [p.speaker for p in iv.pairs if p.speaker]))
        return [(n, roles.get(n, "")) for n in names] or [("", "")]

    def clean_published(self):
        value = self.cleaned_data["published"].strip()
        if value:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise forms.ValidationError(f"“{value}” is not a date: write it as 2024-07-01.") from None
        return value

    def pairs(self):
        """Each pair with its paragraphs and their bound controls, for the template."""
        for k, pair in enumerate(self.interview.pairs):
            merge = self[f"merge-{k}"] if f"merge-{k}" in self.fields else None
            rows = [(part, text, self[name] if name else None) for part, text, name in self.pair_rows[k]]
            yield {"pair": pair, "merge": merge, "rows": rows, "number": k + 1}

    def label_fields(self):
        return [self[f"role-{j}"] for j in range(len(self.labels))]

    def speaker_fields(self):
        return [(self[f"speaker-{j}"], self[f"speaker-{j}-role"]) for j in range(len(self.speakers))]

    def field_rows(self):
        return [self[name] for name, _, _ in EDITABLE]

    def new_corrections(self, previous: list[dict]) -> list[dict]:
        """``previous`` with the editor's new decisions appended (call after is_valid())."""
        iv, data, out = self.interview, self.cleaned_data, []
        for name, _, _ in EDITABLE:
            was, value = editing.field_value(iv, name), " ".join(data[name].split())
            if value != was:
                out.append({"op": "set", "field": name, "was": was, "value": value})
        for j, (was, role) in enumerate(self.speakers):
            name = " ".join(data[f"speaker-{j}"].split())
            if name and name != was:
                out.append({"op": "speaker", "was": was, "value": name})
            new_role = data[f"speaker-{j}-role"].strip()
            if new_role != role and (name or was):
                out.append({"op": "speaker_role", "speaker": name or was, "was": role, "value": new_role})
        roles = [c for c in previous if c.get("op") == "role"]
        chosen = editing.roles(roles)
        for j, label in enumerate(self.labels):
            if data[f"role-{j}"] != chosen.get(label, ""):
                roles = [c for c in roles if c.get("label") != label]
                if data[f"role-{j}"]:
                    roles.append({"op": "role", "label": label, "role": data[f"role-{j}"]})
        pairs = iv.pairs
        for k, pair in enumerate(pairs):
            anchor = editing.pair_anchor(pair)
            for _part, text, name in self.pair_rows[k]:
                choice = data.get(name) if name else ""
                if choice == "split":
                    out.append({"op": "split", "pair": anchor, "paragraph": text})
                elif choice:
                    out.append({"op": "move", "pair": anchor, "paragraph": text, "to": choice})
        # Merges last, from the end, so the pairs they name are still as shown.
        for k in reversed(range(len(pairs) - 1)):
            if data.get(f"merge-{k}"):
                out.append(
                    {"op": "merge", "pair": editing.pair_anchor(pairs[k]), "next": editing.pair_anchor(pairs[k + 1])}
                )
        return roles + [c for c in previous if c.get("op") != "role"] + out
