"""One person, one speaker record across articles, and no guess that could misattribute."""

from archive.models import Speaker
from archive.parsing import ParsedSpeaker
from archive.speakers import resolve_speaker


def test_a_title_before_the_name_is_the_same_speaker(db):
    first = resolve_speaker(ParsedSpeaker("Ann Roe"))
    assert resolve_speaker(ParsedSpeaker("President Ann Roe")) == first
    assert Speaker.objects.count() == 1


def test_a_surname_alone_from_another_article_is_not_guessed_to_be_the_full_name(db):
    resolve_speaker(ParsedSpeaker("Jill Roe"))
    assert resolve_speaker(ParsedSpeaker("Roe")).name == "Roe"
    assert Speaker.objects.count() == 2
