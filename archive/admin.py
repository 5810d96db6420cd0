"""The editing tool: articles with their ordered answers, speakers with their spellings,
and an import page that previews how a pasted or uploaded text splits before saving it."""

from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from . import parsing
from .forms import ArticleForm, ImportForm, PairForm
from .importer import import_text
from .models import Appearance, Article, Pair, RemovedPair, Speaker, SpeakerAlias
from .names import accented
from .speakers import merge_speakers


class AnswerCountMixin:
    """An ``answers`` column (every answer, published or not), sortable."""

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(answers=Count("pairs"))

    @admin.display(description="answers", ordering="answers")
    def answer_count(self, obj):
        return obj.answers


def set_published(queryset, published: bool) -> None:
    """Publish or unpublish articles one save each, so the search index follows."""
    for article in queryset:
        article.is_published = published
        article.save(update_fields=["is_published", "updated"])


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
    list_display = ["title", "outlet", "published", "is_published", "answer_count", "updated"]
    list_filter = ["is_published", "outlet", ("published", admin.DateFieldListFilter)]
    search_fields = ["title", "outlet", "lead", "speakers__name"]
    date_hierarchy = "published"
    prepopulated_fields = {"slug": ["title"]}
    inlines = [AppearanceInline, PairInline]
    readonly_fields = ["import_ref", "created", "updated"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "is_published",
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
        ("Source", {"classes": ["collapse"], "fields": ["original_text", "import_ref", "created", "updated"]}),
    ]
    actions = ["publish", "unpublish"]

    @admin.action(description="Publish the selected articles")
    def publish(self, request, queryset):
        set_published(queryset, True)

    @admin.action(description="Unpublish the selected articles (hide them from pages and search)")
    def unpublish(self, request, queryset):
        set_published(queryset, False)

    def get_urls(self):
        return [
            path("import/", self.admin_site.admin_view(self.import_view), name="archive_article_import"),
        ] + super().get_urls()

    def import_view(self, request):
        """Paste or upload → preview the split → import (unpublished unless asked) → correct."""
        if not self.has_add_permission(request):
            return redirect("admin:index")
        form = ImportForm(request.POST or None, request.FILES or None)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "form": form,
            "title": "Import interviews",
        }
        if request.method == "POST" and "confirm" in request.POST:
            return self._import_confirmed(request)
        if request.method == "POST" and form.is_valid():
            context["previews"] = [_preview(name, text, error) for name, text, error in form.documents()]
        return TemplateResponse(request, "admin/archive/article/import.html", context)

    def _import_confirmed(self, request):
        names = request.POST.getlist("name")
        texts = request.POST.getlist("text")
        publish = request.POST.get("publish") == "on"
        imported = []
        for name, text in zip(names, texts, strict=False):
            outcome = import_text(
                text, import_ref=name or None, path=name or "pasted text", publish=publish, filename=name
            )
            if outcome.ok:
                imported.append(outcome.article)
                messages.success(
                    request, f"“{outcome.path}”: {outcome.status}, {len(outcome.interview.pairs)} answer(s)."
                )
            else:
                messages.error(request, f"“{outcome.path}” was not imported: {outcome.error}")
        if len(imported) == 1:
            return redirect(reverse("admin:archive_article_change", args=[imported[0].pk]))
        return redirect(reverse("admin:archive_article_changelist"))


def _preview(name, text, error):
    if error:
        return {"name": name, "error": error}
    try:
        interview = parsing.parse(text, filename=name)
        return {"name": name, "text": text, "interview": interview}
    except parsing.ParseError as exc:
        return {"name": name, "error": str(exc)}


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

    @admin.action(description="Merge the selected speakers into one (the one with most answers)")
    def merge(self, request, queryset):
        speakers = sorted(queryset, key=lambda s: (s.answers, accented(s.name)), reverse=True)
        if len(speakers) < 2:
            messages.warning(request, "Select at least two speakers to merge.")
            return
        keeper, others = speakers[0], speakers[1:]
        with transaction.atomic():
            merge_speakers(keeper, others)
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
