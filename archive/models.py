"""Articles, the people who speak in them, and their questions and answers."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.text import slugify

from .names import accented, fold

KEY_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"


def new_key() -> str:
    """A short public id for a permalink: 8 characters, no look-alike letters."""
    return "".join(secrets.choice(KEY_ALPHABET) for _ in range(8))


def unique_slug(model, text: str, max_length: int = 80) -> str:
    base = slugify(text, allow_unicode=False)[:max_length].strip("-") or "untitled"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug = f"{base[: max_length - 6]}-{n}"
        n += 1
    return slug


def sees_unpublished(user) -> bool:
    """Editors (active staff) see unpublished articles and their answers; nobody else does."""
    return bool(user and user.is_active and user.is_staff)


class FieldTooLong(ValueError):
    """A value longer than its column; the message names the field and the limit."""


def check_lengths(instance) -> None:
    """Raise :class:`FieldTooLong` for the first text longer than its field allows (SQLite
    would store it; PostgreSQL would refuse it at save)."""
    for f in instance._meta.concrete_fields:
        value = getattr(instance, f.attname)
        if f.max_length and isinstance(value, str) and len(value) > f.max_length:
            raise FieldTooLong(
                f"{instance._meta.verbose_name} {f.verbose_name} is {len(value)} characters long; "
                f"the limit is {f.max_length}: {value[:60]!r}…"
            )


class SpeakerQuerySet(models.QuerySet):
    def with_answer_counts(self):
        """Each speaker with ``answers``: how many of their answers the public can read."""
        return self.annotate(answers=Count("pairs", filter=Q(pairs__article__is_published=True)))

    def public(self):
        """Speakers with at least one answer in a published article: someone who speaks only
        in unpublished articles has no public page and is not listed."""
        return self.filter(pairs__article__is_published=True).distinct()

    def visible_to(self, user):
        return self if sees_unpublished(user) else self.public()

    def find(self, name: str):
        """The speaker known by this name or one of its spellings, or None."""
        key = fold(name)
        return self.filter(name_key=key).first() or self.filter(aliases__key=key).first()


class Speaker(models.Model):
    name = models.CharField(max_length=200, help_text="The spelling shown to readers, with its accents.")
    slug = models.SlugField(max_length=100, unique=True)
    name_key = models.CharField(max_length=200, unique=True, editable=False)
    role = models.CharField(
        max_length=200,
        blank=True,
        help_text="The role last printed with the name; each article keeps the role held at the time.",
    )

    objects = SpeakerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = fold(self.name)
        if not self.slug:
            self.slug = unique_slug(Speaker, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("speaker_detail", args=[self.slug])

    def spellings(self) -> list[str]:
        return [self.name] + [a.name for a in self.aliases.all()]

    def add_spelling(self, name: str) -> None:
        """Record another way the name is printed; the accented spelling becomes the main one."""
        key = fold(name)
        if name == self.name or not key:
            return
        if key == self.name_key and accented(name) > accented(self.name):
            self.aliases.filter(name=name).delete()
            SpeakerAlias.objects.get_or_create(speaker=self, name=self.name)
            self.name = name
            self.save(update_fields=["name", "name_key"])
        elif not self.aliases.filter(name=name).exists():
            SpeakerAlias.objects.create(speaker=self, name=name)


class SpeakerAlias(models.Model):
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200, help_text="Another spelling of the name, as printed somewhere.")
    key = models.CharField(max_length=200, db_index=True, editable=False)
    slug = models.SlugField(
        max_length=100,
        blank=True,
        db_index=True,
        help_text="The page address of a speaker merged into this one; it redirects here.",
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "speaker aliases"
        constraints = [models.UniqueConstraint(fields=["speaker", "name"], name="unique_alias_per_speaker")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.key = fold(self.name)
        super().save(*args, **kwargs)


class ArticleQuerySet(models.QuerySet):
    def public(self):
        """Articles on the site: published ones."""
        return self.filter(is_published=True)

    def visible_to(self, user):
        """What ``user`` may read: editors every article, everyone else the public ones."""
        return self if sees_unpublished(user) else self.public()

    def with_answer_counts(self):
        return self.annotate(answers=Count("pairs"))


class Article(models.Model):
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=100, unique=True)
    outlet = models.CharField(max_length=200, blank=True, help_text="Who published the interview.")
    published = models.DateField(null=True, blank=True, help_text="Publication date, when known.")
    source_url = models.URLField(max_length=500, blank=True)
    photo_credit = models.CharField(max_length=200, blank=True)
    place = models.CharField(max_length=200, blank=True, help_text="Where the interview took place, as printed.")
    language = models.CharField(max_length=20, blank=True, help_text="Language code, e.g. en, ru, kk.")
    lead = models.TextField(blank=True, help_text="Paragraphs before the first question.")
    closing = models.TextField(blank=True, help_text="Article text after the answers that nobody said in reply.")
    original_text = models.TextField(blank=True, help_text="The imported text, verbatim.")
    is_published = models.BooleanField(
        "published on the site",
        default=True,
        help_text="Unpublished articles are hidden from pages and search.",
    )
    import_ref = models.CharField(
        max_length=255,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text="The file an import came from; a re-import of it updates this article.",
    )
    fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    parsed_by = models.CharField(
        max_length=16,
        blank=True,
        editable=False,
        help_text="The parser's revision that read the imported text: a re-import of the same "
        "text skips it without parsing it again unless the parser has changed.",
    )
    content_hash = models.CharField(
        max_length=64,
        blank=True,
        db_index=True,
        editable=False,
        help_text="SHA-256 of the imported text: the same interview under another file name is a duplicate.",
    )
    needs_review = models.BooleanField(
        "needs review",
        default=False,
        help_text="The parser was unsure of the split; untick (or use the list's action) once checked.",
    )
    confidence = models.FloatField(
        null=True, blank=True, editable=False, help_text="How sure the parser was of the split, 0 to 1."
    )
    evidence = models.TextField(blank=True, editable=False, help_text="The parser's account of how it split the text.")
    corrections = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text="The editor's corrections to the parsed text (see archive/corrections.py); a re-import "
        "of the same file applies them again where the text they name is unchanged.",
    )
    speakers = models.ManyToManyField(Speaker, through="Appearance", related_name="articles")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = [models.F("published").desc(nulls_last=True), "-created"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Article, self.title)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("article_detail", args=[self.slug])


class Appearance(models.Model):
    """A speaker in one article, with the role printed there."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="appearances")
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="appearances")
    role = models.CharField(max_length=200, blank=True, help_text="The role as printed in this article.")

    class Meta:
        ordering = ["article", "speaker__name"]
        constraints = [models.UniqueConstraint(fields=["article", "speaker"], name="one_appearance_per_speaker")]

    def __str__(self):
        return f"{self.speaker} in {self.article}"


class PairQuerySet(models.QuerySet):
    def public(self):
        """Answers in published articles: the only ones pages, search and feeds show."""
        return self.filter(article__is_published=True)

    def visible_to(self, user):
        return self if sees_unpublished(user) else self.public()

    def for_display(self):
        return self.select_related("article", "speaker")


class Pair(models.Model):
    """One question and the answer it drew: the unit a journalist quotes."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="pairs")
    position = models.PositiveIntegerField(default=0, help_text="Order in the article, from 1.")
    key = models.CharField(
        max_length=16,
        unique=True,
        default=new_key,
        editable=False,
        help_text="The permalink id; it never changes.",
    )
    question = models.TextField()
    answer = models.TextField(blank=True)
    speaker = models.ForeignKey(
        Speaker,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pairs",
        help_text="Who answered.",
    )
    asker = models.CharField(max_length=200, blank=True, help_text="Who asked, when the article says.")

    objects = PairQuerySet.as_manager()

    class Meta:
        ordering = ["article", "position", "id"]

    def __str__(self):
        return f"{self.article}: {self.question[:60]}"

    def get_absolute_url(self):
        return reverse("pair_detail", args=[self.key])

    @property
    def anchor(self):
        return f"a-{self.key}"

    def role(self) -> str:
        """The role the speaker held in this article, as printed there."""
        if not self.speaker_id:
            return ""
        for appearance in self.article.appearances.all():
            if appearance.speaker_id == self.speaker_id:
                return appearance.role
        return self.speaker.role


class Correction(models.Model):
    """An answer's earlier wording, kept when its text changed after publication: the public
    page says when, and shows the previous wording on request."""

    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="corrections")
    previous_question = models.TextField(blank=True)
    previous_answer = models.TextField(blank=True)
    corrected = models.DateTimeField(auto_now_add=True)
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text="Who changed it (empty: a re-import).",
    )

    class Meta:
        ordering = ["-corrected", "-id"]

    def __str__(self):
        return f"{self.pair.key} corrected {self.corrected:%Y-%m-%d}"


def record_correction(pair: Pair, question: str, answer: str, editor=None) -> Correction | None:
    """Keep ``pair``'s wording before an edit when the public could have read it; None when
    the text did not change or the article was never published."""
    if not pair.pk or (question, answer) == (pair.question, pair.answer):
        return None
    # As stored: an edit saved together with the first publication is no correction.
    if not Article.objects.filter(pk=pair.article_id, is_published=True).exists():
        return None
    return Correction.objects.create(pair=pair, previous_question=question, previous_answer=answer, editor=editor)


class RemovedPair(models.Model):
    """A permalink whose answer was deleted: it answers 410 and points to what is left."""

    key = models.CharField(max_length=16, unique=True)
    # Plain values, not a foreign key: the article may be deleted too.
    article_slug = models.SlugField(max_length=100)
    article_title = models.CharField(max_length=300)
    removed = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-removed"]

    def __str__(self):
        return self.key


class PendingIndexUpdate(models.Model):
    """A row whose index document could not be written; the next index write retries it."""

    model = models.CharField(max_length=100, help_text="app_label.model")
    object_id = models.BigIntegerField()
    reason = models.CharField(max_length=300, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created"]
        constraints = [models.UniqueConstraint(fields=["model", "object_id"], name="one_pending_update_per_row")]

    def __str__(self):
        return f"{self.model} {self.object_id}"
