"""The answer a journalist expects comes first: a set of searches over the seeds and part of
the development corpus (shared/corpus/dev), imported with the real ``import_interviews``.

Each search names its expected answer by a distinctive fragment of the answer's text, not by
an id, so the set survives a parser that splits documents a little differently: a result is
the expected one when its question and answer, whitespace and case aside, contain the
fragment. A search that finds nothing but offers "Did you mean" is judged on the suggestion,
as a reader would click it. The shares are reported in docs/search.md.
"""

import io
from contextlib import suppress
from pathlib import Path

import pytest
from django.core.management import call_command
from haystack import connections

from archive.search import search_answers

from ..conftest import FIXTURES

DEV = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev"
# The database is set up only for a session with database tests; the data itself comes from
# the module fixture below, once.
pytestmark = [
    pytest.mark.django_db,
    # CI clones the project beside shared/; a checkout elsewhere has no corpus to search.
    pytest.mark.skipif(not DEV.exists(), reason="../shared/corpus/dev is not beside this checkout"),
]

FILES = [
    FIXTURES,
    DEV / "wikinews",
    DEV / "debates",
    *[
        DEV / "whitehouse" / name
        for name in (
            "2021-01-20-press-briefing-by-press-secretary-jen-psaki-january-20-2021.txt",
            "2021-02-17-remarks-by-president-biden-in-a-cnn-town-hall-with-anderson-cooper.txt",
            "2021-03-25-remarks-by-president-biden-in-press-conference.txt",
            "2022-06-08-press-gaggle-by-press-secretary-karine-jean-pierre-and-national-security-advisor-"
            "jake-sullivan-en-route-los-angeles-ca.txt",
            "2022-07-19-press-briefing-by-press-secretary-karine-jean-pierre-and-cea-member-jared-bernstein.txt",
            "2024-05-13-remarks-by-vice-president-harris-in-a-moderated-conversation-with-jimmy-o-yang-at-the-"
            "asian-pacific-american-institute-for-congressional-studies-legislative-leadership-summit.txt",
            "2024-08-29-remarks-by-apnsa-jake-sullivan-in-press-conference-beijing-peoples-republic-of-china.txt",
            "2025-02-18-interview-of-president-trump-and-elon-musk-by-sean-hannity-the-sean-hannity-show.txt",
        )
    ],
    DEV / "bitcointranscripts" / "2020-08-03-eric-lombrozo-luke-dashjr-taproot-activation.txt",
    DEV / "changelog" / "the-changelog-500.txt",
]

# (search, a fragment of the expected answer, what the search tries)
CASES = [
    # the seeds
    ('"one world"', "a vision of one world that is not divided", "quote"),
    ("Antonio Guterres Azerbaijan", "Conference of Parties in Azerbaijan", "name without accents"),
    ("guterres water scarcity central asia", "The climate crisis and water scarcity", "speaker and topic"),
    ("superpowers at odds countries like Kazakhstan", "When the superpowers are at odds with each other", "words"),
    ("Guteres counterterrorism", "our Office of Counterterrorism is ready", "typo"),
    ("GUTERRES CLIMATE EMERGENCY", "worsening climate emergency", "capitals"),
    # Wikinews interviews
    ('"store their guns in a manner"', "store their guns in a manner that prevents youth", "quote"),
    ("gun owners store guns youth suicide policy", "store their guns in a manner that prevents youth", "words"),
    (
        "we don’t hypothesize substantial difference",
        "We don't hypothesize that there would be any substantial",
        "phone apostrophe",
    ),
    ('"sand crabs"', "collect sand crabs", "quote"),
    ("marine scientist since I was a child", "wanted to be a marine scientist since I was a child", "words"),
    ("aggression between males sex ratio colony", "aggression between males of Magellanic penguins", "words"),
    ("penguns migrate long distances", "Because penguins migrate such long distances", "typo"),
    ("penguin migration distances fisheries", "Because penguins migrate such long distances", "word forms"),
    ('"Each for Equal"', "each of us can contribute in creating a gender-equal world", "quote"),
    ('"Islamophobia is a made-up term"', "Islamophobia is a made-up term", "quote"),
    ("islamophobia made up term stops criticism", "Islamophobia is a made-up term", "words"),
    ("Zara Kay Syria shrines", "I went to Syria", "speaker and topic"),
    ('"digital restrictions management"', "stands for digital restrictions management", "quote"),
    ("Stallman patent laws intellectual property", "For instance, patent laws", "speaker and topic"),
    (
        "speaker:stallman leasing product",
        "if a company leases a product to you then you don't own it",
        "speaker and topic",
    ),
    ("Stalman DRM injustice", "It's an injustice", "typo"),
    ("Neandertals selective raw material ribs", "Neandertals were definitely selective in their raw material", "words"),
    ("archaeology childhood father history", "My father was very interested in history", "accents (æ)"),
    ('"not a very social person"', "I'm not a very social person at all", "quote"),
    ("Perttu Ahola celeron55 Finland", "my real name is Perttu Ahola", "name"),
    ("minetest mods forum", "Many of our users like to write mods", "topic"),
    ('"a single black hole is almost impossible to find"', "a single black hole is almost impossible to find", "quote"),
    ("impossible to find a single black hole", "a single black hole is almost impossible to find", "reordered"),
    ("Rivinius stellar mass black holes binaries", "only 50 of them are known", "speaker and topic"),
    ("black hole binaries", "only 50 of them are known", "topic"),
    ("brown dwarf instabilities planet", "It could be a brown dwarf", "words"),
    (
        "Boccaletti adaptive optics infrared wavelength",
        "it's the wavelength where we can use adaptive optics",
        "speaker and topic",
    ),
    ("harm aversion lack human society", "harm aversion is such an important phenomenon", "words"),
    ("Dorsa Derakhshani Switzerland federation", "Switzerland was one of my choices", "name"),
    ("Derakhshani hijab", "start wearing hijab", "speaker and topic"),
    ("women titles harmed chess federations", "so many women will be harmed by that", "words"),
    ("pets not claimed killed Melbourne", "if lost pets are not claimed within a certain number of days", "words"),
    (
        "Tseng participating democracy anonymous posts",
        "The initial model do not allow anonymous posts",
        "speaker and topic",
    ),
    ("soap Detol nobody asked alive or dead", "nobody even bothered to ask if we're alive or dead", "words"),
    (
        "CentOS Linux rebuild of Red Hat Enterprise Linux",
        "CentOS Linux is a rebuild of Red Hat Enterprise Linux",
        "words",
    ),
    ("Vlada Stamenkovic kinetics shorter timescales", "exploring the kinetics part", "name without accents"),
    # presidential debates
    ('"time America started moving again"', "time America started moving again", "quote"),
    ("time America began moving again", "time America started moving again", "misremembered quote"),
    ("Kennedy moving again", "time America started moving again", "speaker and topic"),
    ("binders full of women", "binders full of women", "words"),
    ("binders ful of wimen", "binders full of women", "typo"),
    ("speaker:trump nasty woman", "Such a nasty woman", "speaker and topic"),
    ("“nasty woman”", "Such a nasty woman", "phone quotes"),
    # White House transcripts: the quoted phrases stand across a line break in the source files
    ('"each individual idiosyncratic reason"', "each individual idiosyncratic reason", "across a line break"),
    ('"States very rigorously adheres"', "States very rigorously adheres", "across a line break"),
    ('"after those horrific killings"', "after those horrific killings", "across a line break"),
    ('"everyone from Bernie Sanders"', "everyone from Bernie Sanders", "across a line break"),
    ('"negotiate bringing down drug"', "negotiate bringing down drug", "across a line break"),
    ('"brilliant young people working"', "brilliant young people working", "across a line break"),
    ("Psaki Bernie Sanders", "everyone from Bernie Sanders", "speaker and topic"),
    ("Jake Sullivan migration crisis", "tackling this migration crisis", "speaker and topic"),
    ("Biden filibuster", "go back to a position on the filibuster", "speaker and topic"),
]
MUST_BE_FIRST = {"quote", "phone quotes", "across a line break"}


def normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def rank(query: str, fragment: str) -> int | None:
    """Where the expected answer stands in the first five results (1 = first), or None."""
    results = search_answers(query)
    if results.count == 0 and results.suggestion:
        results = search_answers(results.suggestion.query)
    for place, hit in enumerate(results.page.object_list[:5], 1):
        if normal(fragment) in normal(f"{hit.question} {hit.answer}"):
            return place
    return None


@pytest.fixture(autouse=True)
def empty_index():
    """Overrides conftest's: this module's index is built once, by the fixture below."""
    yield


@pytest.fixture(scope="module")
def ranks(django_db_setup, django_db_blocker):
    """Every case's rank, on the corpus imported once; the database and index are emptied after."""
    with django_db_blocker.unblock():
        connections["default"].get_backend().clear()
        out = io.StringIO()
        with suppress(SystemExit):  # a file the parser refuses is reported, the others are imported
            call_command("import_interviews", *map(str, FILES), stdout=out, stderr=out)
        found = {case: rank(case[0], case[1]) for case in CASES}
        print(report(found))
        yield found
        call_command("flush", interactive=False, verbosity=0)
        connections["default"].get_backend().clear()


def report(found) -> str:
    lines = [f"{'-' if place is None else place:>2}  {kind:<22} {query}" for (query, _, kind), place in found.items()]
    first = sum(place == 1 for place in found.values())
    top5 = sum(place is not None for place in found.values())
    lines.append(
        f"first: {first}/{len(found)} ({first / len(found):.0%}); "
        f"in the top 5: {top5}/{len(found)} ({top5 / len(found):.0%})"
    )
    return "\n".join(lines)


def test_the_set_is_large_and_varied():
    assert len(CASES) >= 40
    assert len({kind for _, _, kind in CASES}) >= 10


def test_the_expected_answer_is_first_for_most_searches(ranks):
    first = sum(place == 1 for place in ranks.values()) / len(ranks)
    assert first >= 0.85, report(ranks)


def test_the_expected_answer_is_in_the_top_five_for_nearly_all(ranks):
    top5 = sum(place is not None for place in ranks.values()) / len(ranks)
    assert top5 >= 0.95, report(ranks)


def test_quotes_find_the_quoted_answer_first_even_across_line_breaks(ranks):
    missed = [(query, place) for (query, _, kind), place in ranks.items() if kind in MUST_BE_FIRST and place != 1]
    assert not missed, report(ranks)
