"""Import interview files: read, parse (pure), save in one transaction per file.

Re-runnable: an article is known by its ``import_ref`` (the file name), so importing the same
file again reports it unchanged, and a corrected file updates its article in place. Answers
that survive a correction keep their permalink key; answers that disappear leave a tombstone.
The editor's corrections (:mod:`archive.corrections`) are kept with the article and applied
again to every re-import of its file, where the text they name is still there.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction

from . import corrections as editing
from . import parsing
from .models import Appearance, Article, FieldTooLong, Pair, check_lengths, record_correction
from .parsing import Interview, ParsedPair, ParsedSpeaker, ParseError, decode
from .security import is_web_address
from .speakers import resolve_speaker


class ImportProblem(Exception):
    """A file cannot be saved; the message is the reason shown to the user."""


@dataclass
class Outcome:
    path: str
    status: str  # created, updated, unchanged, duplicate, failed; "would create"/"would update" in a dry run
    error: str = ""
    interview: Interview | None = None
    article: Article | None = None
    encoding: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status != "failed"

    @property
    def needs_review(self) -> bool:
        if self.interview is not None:
            return self.interview.needs_review
        return bool(self.article and self.article.needs_review)

    def as_json(self) -> dict:
        return {
            "path": self.path,
            "ok": self.ok,
            "status": self.status,
            "error": self.error or None,
            "warnings": self.warnings,
            "needs_review": self.needs_review,
            "confidence": self.interview.confidence if self.interview else None,
            "evidence": list(self.interview.evidence) if self.interview else [],
            "duplicate_of": self.article.import_ref or self.article.title
            if self.status == "duplicate" and self.article
            else None,
            "article": interview_json(self.interview) if self.interview else None,
        }


def interview_json(iv: Interview) -> dict:
    """The parsed article as plain JSON values (paragraphs separated by a blank line)."""
    return {
        "title": iv.title,
        "outlet": iv.outlet,
        "published": iv.published.isoformat() if iv.published else None,
        "photo_credit": iv.photo_credit,
        "source_url": iv.source_url,
        "place": iv.place,
        "language": iv.language,
        "lead": iv.lead,
        "closing": iv.closing,
        "speakers": [{"name": s.name, "role": s.role, "aliases": list(s.aliases)} for s in iv.speakers],
        "pairs": [
            {"question": p.question, "answer": p.answer, "speaker": p.speaker, "asker": p.asker} for p in iv.pairs
        ],
        "discarded": iv.discarded,
    }


def text_key(text: str) -> str:
    """The digest that finds the same text again, however it came in: pasted (browsers send
    CRLF, forms strip the ends), uploaded or read from a file with trailing spaces."""
    lines = [line.rstrip() for line in parsing.normalise(text).strip().split("\n")]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def read_corrected(text: str, filename: str = "", corrections=()) -> tuple[Interview, list[tuple[dict, str]]]:
    """The parser's reading of ``text`` with the editor's corrections applied, and the
    corrections that no longer apply (with why). Raises ParseError."""
    roles = editing.roles(corrections)
    interview = parsing.parse(text, filename=filename, roles=roles) if roles else parsing.parse(text, filename=filename)
    applied = editing.apply(interview, list(corrections))
    return applied.interview, applied.skipped


def text_files(paths) -> list[Path]:
    """The .txt files named, and those under the folders named, in a stable order."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() == ".txt" and p.is_file()))
        else:
            found.append(path)
    return found


def too_big(size: int) -> str:
    """Why a file of ``size`` bytes is refused unread, or ""."""
    limit = settings.ARCHIVE_MAX_UPLOAD_BYTES
    if size <= limit:
        return ""
    mb = 1024 * 1024
    return (
        f"the file is {round(size / mb, 1):g} MB; the limit is {round(limit / mb, 1):g} MB (ARCHIVE_MAX_UPLOAD_BYTES)"
    )


def read_text(path: Path) -> tuple[str, str]:
    try:
        size = path.stat().st_size
        if reason := too_big(size):
            raise ImportProblem(reason)
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportProblem("the file does not exist (or was removed during the import)") from None
    except IsADirectoryError:
        raise ImportProblem("this is a folder, not a file") from None
    except PermissionError:
        raise ImportProblem("permission denied") from None
    except OSError as exc:
        raise ImportProblem(f"cannot be read: {exc.strerror or exc}") from None
    return decode(raw)


def import_file(path: Path, *, dry_run: bool = False, defaults: dict | None = None) -> Outcome:
    try:
        text, encoding = read_text(path)
    except (ImportProblem, ParseError) as exc:
        return Outcome(str(path), "failed", error=str(exc))
    outcome = import_text(
        text, import_ref=path.name, dry_run=dry_run, path=str(path), filename=path.name, defaults=defaults
    )
    outcome.encoding = encoding
    return outcome


def import_text(
    text: str,
    *,
    import_ref: str | None,
    dry_run: bool = False,
    path: str = "",
    publish: bool = True,
    filename: str = "",
    corrections: list[dict] | None = None,
    defaults: dict | None = None,
) -> Outcome:
    """Parse one article's text and save it (unless ``dry_run``); never raises for bad input.
    A file imported before, unchanged and read by the same parser, is not parsed again: an
    interrupted import resumes at the first file it had not saved. ``corrections`` are the
    editor's (None: those recorded with the article, if any); ``defaults`` give ``outlet``,
    ``published`` (a date) or ``language`` to a text that does not state them."""
    path = path or import_ref or "pasted text"
    original = parsing.normalise(text)
    content_hash = text_key(original)
    existing = Article.objects.filter(import_ref=import_ref).first() if import_ref else None
    if corrections is None:
        corrections = list(existing.corrections) if existing else []
    if (
        existing
        and not dry_run
        and existing.content_hash == content_hash
        and existing.parsed_by == parser_revision()
        and existing.corrections == corrections
    ):
        return Outcome(path, "unchanged", article=existing)
    try:
        interview, skipped = read_corrected(text, filename=filename, corrections=corrections)
    except ParseError as exc:
        return Outcome(path, "failed", error=str(exc))
    for name, value in (defaults or {}).items():
        if value and not getattr(interview, name):
            setattr(interview, name, value)
    outcome = Outcome(path, "", interview=interview, warnings=list(interview.warnings))
    outcome.warnings += [f"an editor's correction no longer applies: {reason}" for _, reason in skipped]
    dropped = [c for c, _ in skipped]
    kept = [c for c in corrections if c not in dropped]
    fingerprint = hashlib.sha256(json.dumps([interview_json(interview), original], sort_keys=True).encode()).hexdigest()
    if existing and existing.fingerprint == fingerprint and existing.corrections == kept:
        if not dry_run and existing.parsed_by != parser_revision():
            Article.objects.filter(pk=existing.pk).update(parsed_by=parser_revision())
        outcome.status, outcome.article = "unchanged", existing
        return outcome
    twin = Article.objects.filter(content_hash=content_hash).exclude(pk=getattr(existing, "pk", None)).first()
    if twin:
        outcome.status, outcome.article = "duplicate", twin
        outcome.warnings.append(f"the same text as “{twin.import_ref or twin.title}”, already imported: skipped")
        return outcome
    if dry_run:
        outcome.status = "would update" if existing else "would create"
        return outcome
    try:
        with transaction.atomic():
            outcome.article = save_interview(
                interview,
                original_text=original,
                import_ref=import_ref,
                fingerprint=fingerprint,
                content_hash=content_hash,
                article=existing,
                publish=publish,
                corrections=kept,
            )
    except FieldTooLong as exc:
        return Outcome(path, "failed", error=str(exc), interview=interview)
    except DatabaseError as exc:  # the database refused the row: the transaction is rolled back
        # The same file saved meanwhile by another import (two uploads at once): the other
        # import's article stands, and this one says so instead of failing.
        saved = None
        if isinstance(exc, IntegrityError) and import_ref and not existing:
            saved = Article.objects.filter(import_ref=import_ref).first()
        if saved is not None:
            outcome.status, outcome.article = "unchanged", saved
            outcome.warnings.append("saved a moment ago by another import of the same file")
            return outcome
        return Outcome(
            path, "failed", error=f"could not be saved: {exc.__class__.__name__}: {exc}", interview=interview
        )
    outcome.status = "updated" if existing else "created"
    return outcome


@cache
def parser_revision() -> str:
    """A digest of the parser's source code: an article read by another revision is parsed
    again on re-import, in case the parser now reads it differently."""
    digest = hashlib.sha256()
    for module in sorted(Path(parsing.__file__).parent.glob("*.py")):
        digest.update(module.read_bytes())
    return digest.hexdigest()[:16]


def save_interview(
    iv: Interview,
    *,
    original_text: str,
    import_ref: str | None,
    fingerprint: str = "",
    content_hash: str = "",
    article: Article | None = None,
    publish: bool = True,
    corrections: list[dict] | None = None,
) -> Article:
    """Write a parsed article; call inside a transaction. An answer whose text changes in a
    published article keeps its previous wording as a :class:`Correction`."""
    same_text = bool(article and article.pk and article.content_hash == content_hash)
    article = article or Article(import_ref=import_ref, is_published=publish)
    # An editor who marked the article reviewed is not asked again while its text stays the same.
    article.needs_review = article.needs_review if same_text else iv.needs_review
    article.confidence = iv.confidence
    article.evidence = "\n".join(iv.evidence)
    if corrections is not None:
        article.corrections = corrections
    article.title = iv.title
    article.outlet = iv.outlet
    article.published = iv.published
    article.photo_credit = iv.photo_credit
    article.place = iv.place
    article.source_url = iv.source_url if is_web_address(iv.source_url) else ""  # never javascript:
    article.language = iv.language
    article.lead = iv.lead
    article.closing = iv.closing
    article.original_text = original_text
    article.fingerprint = fingerprint
    article.content_hash = content_hash
    article.parsed_by = parser_revision() if fingerprint else ""
    check_lengths(article)
    article.save()

    speakers = {s.name: resolve_speaker(s) for s in iv.speakers}
    for name in {p.speaker for p in iv.pairs if p.speaker and p.speaker not in speakers}:
        speakers[name] = resolve_speaker(ParsedSpeaker(name))
    roles = {s.name: s.role for s in iv.speakers}
    article.appearances.exclude(speaker__in=speakers.values()).delete()
    for name, speaker in speakers.items():
        Appearance.objects.update_or_create(article=article, speaker=speaker, defaults={"role": roles.get(name, "")})

    matched, removed = match_pairs(list(article.pairs.all()), iv.pairs)
    for old in removed:
        old.delete()
    for position, (parsed, pair) in enumerate(zip(iv.pairs, matched, strict=True), start=1):
        pair = pair or Pair(article=article)
        before = (pair.question, pair.answer) if pair.pk else None
        pair.position = position
        pair.question, pair.answer, pair.asker = parsed.question, parsed.answer, parsed.asker
        pair.speaker = speakers.get(parsed.speaker)
        check_lengths(pair)
        pair.save()
        if before:
            record_correction(pair, *before)
    return article


def match_pairs(old: list[Pair], new: list[ParsedPair]) -> tuple[list[Pair | None], list[Pair]]:
    """Which existing pair each new one continues (so its permalink lives on), and which are gone.

    Exact matches first, then the same question, the same answer, then the most similar text.
    """
    result: list[Pair | None] = [None] * len(new)
    free = list(old)

    def norm(text):
        return " ".join(text.split()).casefold()

    def similarity(o, p):
        return difflib.SequenceMatcher(
            None, norm(o.question + " " + o.answer), norm(p.question + " " + p.answer)
        ).ratio()

    rules = (
        lambda o, p: o.question == p.question and o.answer == p.answer,
        lambda o, p: norm(o.question) == norm(p.question),
        lambda o, p: bool(p.answer) and norm(o.answer) == norm(p.answer),
        lambda o, p: similarity(o, p) >= 0.6,
    )
    for rule in rules:
        for i, parsed in enumerate(new):
            if result[i] is None:
                found = next((o for o in free if rule(o, parsed)), None)
                if found is not None:
                    result[i] = found
                    free.remove(found)
    return result, free
