"""The editing tool: articles with their ordered answers, speakers with their spellings,
and an import page that previews how a pasted or uploaded text splits before saving it."""

import json

from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from . import parsing
from .forms import ArticleForm, DocumentForm, ImportForm, PairForm, load_corrections
from .importer import import_text, read_corrected, text_key
from .models import Appearance, Article, Correction, Pair, RemovedPair, Speaker, SpeakerAlias, record_correction
from .names import accented
from .speakers import merge_speakers
from .suggestions import merge_suggestions

MAX_DOCUMENTS = 200


class AnswerCountMixin:
    """An ``answers`` column (every answer, published or not), sortable."""

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(answers=Count("pairs"))

    @admin.display(description="answers", ordering="answers")
    def answer_count(self, obj):
        return obj.answers


def set_published(model_admin, request, queryset, published: bool) -> None:
    """Publish or unpublish articles one save each, so the search index follows, each change
    in the admin's history."""
    for article in queryset:
        article.is_published = published
        article.save(update_fields=["is_published", "updated"])
        model_admin.log_change(request, article, "Published on the site." if published else "Unpublished.")


def keep_previous_wording(request, form) -> None:
    """A published answer edited in the admin keeps its earlier wording for the public page."""
    pair = form.instance
    if pair.pk and {"question", "answer"} & set(form.changed_data):
        before = form.initial.get("question", ""), form.initial.get("answer", "")
        record_correction(pair, *before, editor=request.user)


class CorrectionInline(admin.TabularInline):
    model = Correction
    extra = 0
    fields = ["corrected", "editor", "previous_question", "previous_answer"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class PairInline(admin.StackedInline):
    model = Pair
    form = PairForm
    extra = 0
    ordering = ["position"]
    autocomplete_fields = ["speaker"]
    readonly_fields = ["permalink"]
    fields = ["position", "question", "answer", "speaker", "asker", "permalink"]

    @admin.display(description="Permalink")
    def permalink(self, obj):
        return format_html('<a href="{0}">{0}</a>', obj.get_absolute_url()) if obj.pk else "given on save"


class AppearanceInline(admin.TabularInline):
    model = Appearance
    extra = 0
    autocomplete_fields = ["speaker"]


@admin.register(Article)
class ArticleAdmin(AnswerCountMixin, admin.ModelAdmin):
    form = ArticleForm
    list_display = ["title", "outlet", "published", "is_published", "needs_review", "answer_count", "updated"]
    list_filter = ["needs_review", "is_published", "outlet", ("published", admin.DateFieldListFilter)]
    search_fields = ["title", "outlet", "lead", "speakers__name"]
    date_hierarchy = "published"
    prepopulated_fields = {"slug": ["title"]}
    inlines = [AppearanceInline, PairInline]
    readonly_fields = ["import_ref", "created", "updated", "confidence", "evidence", "corrections_made"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "is_published",
                    "needs_review",
                    "outlet",
                    "published",
                    "place",
                    "language",
                    "source_url",
                    "photo_credit",
                ]
            },
        ),
        ("Text around the answers", {"fields": ["lead", "closing"]}),
        ("How the parser read it", {"fields": ["confidence", "evidence", "corrections_made"]}),
        ("Source", {"classes": ["collapse"], "fields": ["original_text", "import_ref", "created", "updated"]}),
    ]
    actions = ["publish", "unpublish", "mark_reviewed"]

    @admin.display(description="Corrections made before import")
    def corrections_made(self, obj):
        return format_html_join("", "<div>{}</div>", ((describe(c),) for c in obj.corrections)) or "none"

    @admin.action(description="Mark the selected articles as reviewed")
    def mark_reviewed(self, request, queryset):
        count = queryset.update(needs_review=False)
        messages.success(request, f"{count} article(s) marked as reviewed.")

    def save_formset(self, request, form, formset, change):
        if formset.model is Pair:
            for subform in formset.forms:
                if subform.has_changed() and subform.is_valid() and subform not in formset.deleted_forms:
                    keep_previous_wording(request, subform)
        super().save_formset(request, form, formset, change)

    @admin.action(description="Publish the selected articles")
    def publish(self, request, queryset):
        set_published(self, request, queryset, True)

    @admin.action(description="Unpublish the selected articles (hide them from pages and search)")
    def unpublish(self, request, queryset):
        set_published(self, request, queryset, False)

    def get_urls(self):
        return [
            path("import/", self.admin_site.admin_view(self.import_view), name="archive_article_import"),
        ] + super().get_urls()

    def import_view(self, request):
        """Paste or upload → preview the split, correct it → import (unpublished unless asked)."""
        if not self.has_add_permission(request):
            return redirect("admin:index")
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "title": "Import interviews"}
        if request.method == "POST" and "docs" in request.POST:
            documents = list(_posted_documents(request.POST))
            if "confirm" in request.POST and all(d.get("valid") or d.get("error") for d in documents):
                return self._import_confirmed(request, documents)
            previews = [
                _preview(d["name"], d["text"], d.get("error", ""), d["corrections"], i) for i, d in enumerate(documents)
            ]
            for preview, document in zip(previews, documents, strict=True):
                if document.get("form") is not None and not document.get("valid"):
                    preview["form"] = document["form"]  # show the editor's input with its errors
            return self._render_preview(request, context, previews)
        form = ImportForm(request.POST or None, request.FILES or None)
        context["form"] = form
        if request.method == "POST" and form.is_valid():
            previews = []
            for i, (name, text, error) in enumerate(form.documents()):
                if i >= MAX_DOCUMENTS:
                    messages.warning(
                        request, f"Only the first {MAX_DOCUMENTS} files are previewed; import the rest next."
                    )
                    break
                existing = Article.objects.filter(import_ref=name).first() if name else None
                corrections = list(existing.corrections) if existing else []
                preview = _preview(name, text, error, corrections, i)
                if preview.get("interview") is not None and (batch := form.batch_corrections(preview["interview"])):
                    preview = _preview(name, text, error, corrections + batch, i)
                previews.append(preview)
            return self._render_preview(request, context, previews)
        return TemplateResponse(request, "admin/archive/article/import.html", context)

    def _render_preview(self, request, context, previews):
        context["previews"] = previews
        context["importable"] = any(p.get("interview") is not None for p in previews)
        context["doubtful"] = sum(1 for p in previews if p.get("interview") is not None and p["interview"].needs_review)
        return TemplateResponse(request, "admin/archive/article/import.html", context)

    def _import_confirmed(self, request, documents):
        publish = request.POST.get("publish") == "on"
        opened = []
        for document in documents:
            if document.get("error"):
                continue
            name = document["name"]
            outcome = import_text(
                document["text"],
                import_ref=name or None,
                path=name or "pasted text",
                publish=publish,
                filename=name,
                corrections=document["corrections"],
            )
            report(request, outcome)
            if outcome.status in ("created", "updated"):
                log = self.log_addition if outcome.status == "created" else self.log_change
                log(request, outcome.article, f"Imported from {outcome.path} ({len(outcome.interview.pairs)} answers).")
            if outcome.status in ("created", "updated", "unchanged"):
                opened.append(outcome.article)
        if len(opened) == 1 and len(documents) == 1:
            return redirect(reverse("admin:archive_article_change", args=[opened[0].pk]))
        return redirect(reverse("admin:archive_article_changelist"))


def report(request, outcome) -> None:
    """One message per imported file: what happened, with a link to the article concerned."""
    article = outcome.article
    link = reverse("admin:archive_article_change", args=[article.pk]) if article else ""
    if not outcome.ok:
        messages.error(request, f"“{outcome.path}” was not imported: {outcome.error}")
    elif outcome.status == "duplicate":
        messages.warning(
            request,
            format_html(
                '“{}” is a duplicate of <a href="{}">{}</a>, already in the archive: not saved again.',
                outcome.path,
                link,
                article.title,
            ),
        )
    elif outcome.status == "unchanged":
        messages.info(
            request,
            format_html(
                '“{}”: unchanged (<a href="{}">{}</a> was imported from this text).', outcome.path, link, article.title
            ),
        )
    else:
        answers = len(outcome.interview.pairs)
        doubt = ""
        if outcome.interview.needs_review:
            doubt = (
                f" Needs review: the parser was unsure of the split (confidence {outcome.interview.confidence:.2f})."
            )
        level = messages.warning if doubt else messages.success
        level(
            request,
            format_html(
                '“{}”: {}, {} answer(s).{} <a href="{}">Open</a>', outcome.path, outcome.status, answers, doubt, link
            ),
        )
        for warning in outcome.warnings:
            if warning.startswith("an editor's correction"):
                messages.warning(request, f"“{outcome.path}”: {warning}")


def _posted_documents(post):
    """Each previewed document as posted back: its text, the corrections it carried, and the
    editor's new decisions turned into corrections (or the form with its errors)."""
    try:
        count = min(int(post.get("docs", "0")), MAX_DOCUMENTS)
    except ValueError:
        count = 0
    for i in range(count):
        prefix = f"d{i}"
        name, text = post.get(f"{prefix}-name", "")[:255], post.get(f"{prefix}-text", "")
        corrections = load_corrections(post.get(f"{prefix}-corrections", ""))
        document = {"name": name, "text": text, "corrections": corrections}
        if refused := post.get(f"{prefix}-error", "")[:300]:  # refused at upload: not text at all
            document["error"] = refused
            yield document
            continue
        try:
            interview, _ = read_corrected(text, filename=name, corrections=corrections)
        except parsing.ParseError as exc:
            document["error"] = str(exc)
            yield document
            continue
        form = DocumentForm(post, interview=interview, corrections=corrections, prefix=prefix)
        document["form"] = form
        if form.is_valid():
            document["valid"] = True
            document["corrections"] = form.new_corrections(corrections)
        yield document


def _preview(name, text, error, corrections, index):
    prefix = f"d{index}"
    preview = {"name": name, "prefix": prefix, "text": text}
    if error:
        return {**preview, "error": error}
    try:
        interview, skipped = read_corrected(text, filename=name, corrections=corrections)
    except parsing.ParseError as exc:
        return {**preview, "error": str(exc)}
    same = Article.objects.filter(content_hash=text_key(text)).first()
    return {
        **preview,
        "interview": interview,
        "corrections": json.dumps(corrections, ensure_ascii=False),
        "described": [describe(c) for c in corrections],
        "skipped": [f"{describe(c)}: {reason}" for c, reason in skipped],
        "form": DocumentForm(interview=interview, corrections=corrections, prefix=prefix),
        "already": same,
        "already_same_file": bool(same and same.import_ref == name and name),
    }


def describe(c: dict) -> str:
    """A correction in words, for the preview and the article's page."""
    op = c.get("op")
    if op == "role":
        return f"“{c.get('label')}” {c.get('role')}"
    if op == "set":
        return f"{c.get('field')}: “{c.get('was')}” → “{c.get('value')}”"
    if op == "speaker":
        return f"speaker “{c.get('was')}” → “{c.get('value')}”"
    if op == "speaker_role":
        return f"role of {c.get('speaker')}: “{c.get('was')}” → “{c.get('value')}”"
    question = str((c.get("pair") or [""])[0])[:60]
    if op == "merge":
        return f"merged the pair “{question}” with the next"
    if op == "split":
        return f"new question at “{str(c.get('paragraph'))[:60]}”"
    if op == "move":
        return f"moved “{str(c.get('paragraph'))[:60]}” to the {c.get('to')}"
    return str(op)


class AliasInline(admin.TabularInline):
    model = SpeakerAlias
    extra = 1
    fields = ["name", "slug"]


@admin.register(Speaker)
class SpeakerAdmin(AnswerCountMixin, admin.ModelAdmin):
    list_display = ["name", "role", "answer_count"]
    search_fields = ["name", "aliases__name", "role"]
    inlines = [AliasInline]
    fields = ["name", "slug", "role"]
    actions = ["merge"]
    change_list_template = "admin/archive/speaker/change_list.html"

    def get_urls(self):
        return [
            path(
                "suggestions/",
                self.admin_site.admin_view(self.suggestions_view),
                name="archive_speaker_suggestions",
            ),
        ] + super().get_urls()

    def suggestions_view(self, request):
        """Speakers likely to be one person, with their answer counts; one button merges."""
        if not self.has_change_permission(request):
            return redirect("admin:index")
        if request.method == "POST":
            ids = [i for i in request.POST.getlist("speaker") if i.isdigit()]
            speakers = self.get_queryset(request).filter(pk__in=ids)
            if len(speakers) >= 2:
                self.merge(request, speakers)
            else:
                messages.warning(request, "Those speakers are no longer there (merged or deleted already?).")
            return redirect("admin:archive_speaker_suggestions")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Speakers who may be one person",
            "suggestions": merge_suggestions(self.get_queryset(request)),
        }
        return TemplateResponse(request, "admin/archive/speaker/suggestions.html", context)

    @admin.action(description="Merge the selected speakers into one (the one with most answers)")
    def merge(self, request, queryset):
        speakers = sorted(queryset, key=lambda s: (s.answers, accented(s.name)), reverse=True)
        if len(speakers) < 2:
            messages.warning(request, "Select at least two speakers to merge.")
            return
        keeper, others = speakers[0], speakers[1:]
        names = ", ".join(o.name for o in others)
        with transaction.atomic():
            merge_speakers(keeper, others)
            self.log_change(request, keeper, f"Merged {names} into this speaker.")
        messages.success(
            request,
            f"Merged {', '.join(o.name for o in others)} into {keeper.name}; "
            "their names are kept as other spellings and their pages redirect.",
        )


@admin.register(Pair)
class PairAdmin(admin.ModelAdmin):
    form = PairForm
    list_display = ["short_question", "speaker", "article", "position"]
    list_select_related = ["speaker", "article"]
    search_fields = ["question", "answer", "speaker__name", "article__title"]
    list_filter = ["article__is_published"]
    autocomplete_fields = ["speaker", "article"]
    fields = ["article", "position", "question", "answer", "speaker", "asker"]
    inlines = [CorrectionInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change:
            keep_previous_wording(request, form)

    @admin.display(description="question")
    def short_question(self, obj):
        return obj.question[:100]

    def view_on_site(self, obj):
        return obj.get_absolute_url()


@admin.register(RemovedPair)
class RemovedPairAdmin(admin.ModelAdmin):
    list_display = ["key", "article_title", "removed"]
    search_fields = ["key", "article_title"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
