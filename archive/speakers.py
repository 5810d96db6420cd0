"""One person, one speaker record: finding the record for a printed name, and merging two.

resolve_speaker(ParsedSpeaker("Antonio Guterres", aliases=("António Guterres",)))
    → the existing "António Guterres", with "Antonio Guterres" kept as another spelling
merge_speakers(keeper, [other])  → other's answers, roles and spellings move to keeper;
                                   other's page redirects, every permalink stays
"""

from __future__ import annotations

from .models import Pair, Speaker, SpeakerAlias, check_lengths
from .names import fold
from .parsing import ParsedSpeaker
from .parsing.people import HONORIFICS


def resolve_speaker(parsed: ParsedSpeaker) -> Speaker:
    """The one speaker record for a person, whichever spelling the article used: the same
    letters (accents, case and spacing aside), or the same name with a title before it
    ("President Joe Biden" is "Joe Biden"). A surname alone is not matched across articles:
    "Biden" may be Jill; a wrong attribution is worse than two records, which the admin's
    merge suggestions offer to join."""
    spellings = [parsed.name, *parsed.aliases]
    speaker = next((s for s in map(Speaker.objects.find, spellings) if s), None) or _same_name_titles_aside(parsed.name)
    if speaker is None:
        speaker = Speaker(name=parsed.name, role=parsed.role)
        check_lengths(speaker)
        speaker.save()
    elif parsed.role and speaker.role != parsed.role:
        speaker.role = parsed.role
        check_lengths(speaker)
        speaker.save(update_fields=["role"])
    for spelling in spellings:
        speaker.add_spelling(spelling)
    return speaker


def _core(name: str) -> list[str]:
    """The name's words without titles: "President Joe Biden" → ["joe", "biden"]."""
    return [w for w in fold(name).split() if w not in HONORIFICS]


def _same_name_titles_aside(name: str) -> Speaker | None:
    """The one speaker whose name is this one's once titles are set aside."""
    core = _core(name)
    if not core:
        return None
    candidates = [s for s in Speaker.objects.filter(name_key__endswith=core[-1]) if _core(s.name) == core]
    return candidates[0] if len(candidates) == 1 else None


def merge_speakers(keeper: Speaker, others) -> Speaker:
    """Fold ``others`` into ``keeper``: their answers, appearances and spellings move over,
    their page addresses redirect. Permalinks are per answer, so none changes. Call in a
    transaction."""
    for other in others:
        if other.pk == keeper.pk:
            continue
        Pair.objects.filter(speaker=other).update(speaker=keeper)
        for appearance in other.appearances.all():
            if keeper.appearances.filter(article_id=appearance.article_id).exists():
                appearance.delete()
            else:
                appearance.speaker = keeper
                appearance.save(update_fields=["speaker"])
        for alias in other.aliases.all():
            alias.speaker = keeper
            if keeper.aliases.filter(name=alias.name).exists() or alias.name == keeper.name:
                alias.delete()
            else:
                alias.save()
        SpeakerAlias.objects.update_or_create(speaker=keeper, name=other.name, defaults={"slug": other.slug})
        other.delete()
    keeper.save()  # reindexes every answer now under this speaker
    return keeper
