"""The quote check finds the original of a quote through the search index and says, word by
word, whether it is verbatim, trimmed, altered or stitched, with the permalink and citation."""

import pytest

from archive.models import Pair
from archive.quotecheck import check

pytestmark = pytest.mark.django_db(transaction=True)


def words_of(pair, start, end):
    return " ".join(pair.answer.split()[start:end])


@pytest.fixture
def water(seeds):
    return Pair.objects.get(answer__contains="water scarcity are two issues")


def test_a_verbatim_quote_is_found_first_with_its_permalink_and_citation(client, water):
    quote = words_of(water, 0, 20)
    response = client.get("/check/", {"q": f"“{quote}”"})
    assert response.status_code == 200
    verdict = response.context["verdict"]
    assert verdict.kind == "verbatim" and verdict.best.hit.key == water.key
    assert f'href="/a/{water.key}/"' in response.text
    assert f"http://testserver/a/{water.key}/" in verdict.best.citation
    assert "António Guterres (UN Secretary General), answer to" in verdict.best.citation


def test_a_trimmed_quote_shows_the_words_left_out(water):
    quote = words_of(water, 0, 6) + " … " + words_of(water, 12, 24)
    verdict = check(quote)
    assert verdict.kind == "trimmed" and verdict.best.hit.key == water.key
    assert verdict.best.left_out == 6
    assert [s.original for s in verdict.best.segments if s.kind == "left_out"] == [words_of(water, 6, 12)]


def test_an_altered_quote_shows_each_changed_word(client, water):
    words = water.answer.split()[:24]
    original = words[9]
    words[9] = "dangerous"
    verdict = check(" ".join(words))
    assert verdict.kind == "altered" and verdict.best.hit.key == water.key
    assert [(s.original, s.quoted) for s in verdict.best.changes] == [(original, "dangerous")]
    page = client.get("/check/", {"q": " ".join(words)})
    assert f'<del title="The original">{original}</del> <ins title="The quote">dangerous</ins>' in page.text


def test_a_quote_stitched_from_two_answers_names_both(water):
    other = next(
        p for p in Pair.objects.exclude(article=water.article).order_by("position") if len(p.answer.split()) > 30
    )
    quote = words_of(water, 0, 14) + " " + words_of(other, 0, 14)
    verdict = check(quote)
    assert verdict.kind == "stitched"
    assert [p.hit.key for p in verdict.placements] == [water.key, other.key]


def test_case_accents_and_punctuation_do_not_make_a_quote_altered(water):
    quote = words_of(water, 0, 16).upper().replace(",", "").replace("Kazakhstan", "Kazakhstán")
    assert check(quote).kind == "verbatim"


def test_words_nobody_said_are_not_found(seeds):
    verdict = check("Penguins prefer jazz to opera on long winter evenings in Patagonia")
    assert verdict.kind == "not_found" and verdict.placements == []


def test_unpublished_answers_are_never_the_original(secret):
    verdict = check("The embargoed treaty will say that zanzibarian penguins and the quokka colony get a reserve")
    assert verdict.kind == "not_found"
    assert all(hit.key not in {p.key for p in secret.pairs.all()} for hit in verdict.others)


def test_the_form_and_its_errors(client, seeds):
    empty = client.get("/check/")
    assert empty.status_code == 200 and '<textarea name="q"' in empty.text
    short = client.get("/check/", {"q": "too short"})
    assert short.status_code == 400 and "at least three words" in short.text
    long = client.get("/check/", {"q": "word " * 500})
    assert long.status_code == 400 and "at most 2000 characters" in long.text
    odd = client.get("/check/", {"q": '"( ) OR AND NOT -- :: speaker: from:2020 """'})
    assert odd.status_code in (200, 400)
