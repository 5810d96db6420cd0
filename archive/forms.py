"""The forms: what a reader may type into a search, and what an editor may save or import.

Validation lives here; views and the admin only call ``is_valid()`` and use
``cleaned_data``. A bad value gets a message a person can act on, never a 500.
"""

from __future__ import annotations

from django import forms

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
            try:
                text, _ = decode(upload.read())
            except ParseError as exc:
                yield upload.name, "", str(exc)
            else:
                yield upload.name, text, ""
