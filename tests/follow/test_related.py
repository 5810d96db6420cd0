"""Related answers share the answer's topic words (not stop words or conversation), come from
other interviews, and read cleanly: an excerpt without Markdown, not a whole question."""

import pytest

from archive.models import Pair
from archive.search import related, related_answers
from archive.search.analysis import analyze
from archive.search.related import excerpt, is_topic_word, plain

from .conftest import add

pytestmark = pytest.mark.django_db(transaction=True)


def test_related_answers_share_topic_words_and_come_from_other_interviews(seeds):
    pair = Pair.objects.get(answer__contains="water scarcity are two issues")
    found = related_answers(pair)
    assert found
    for item in found:
        assert item.article_slug != pair.article.slug
        assert item.shared
        assert not set(item.shared) & {"think", "question", "people", "the", "and"}


def test_an_answer_on_another_subject_is_not_related(penguins):
    pair = penguins.pairs.get(answer__contains="burrow")
    assert related_answers(pair) == []  # the seeds speak of diplomacy, not penguins
    other = add(
        "Title: Seabirds\nSpeaker: Cy Wren\n\nWhat about the burrows?\n\n"
        "Penguins dig burrows in the colony, and skuas take the chicks from burrows left open.\n",
        "seabirds.txt",
    )
    found = related_answers(pair)
    assert [item.key for item in found] == [other.pairs.get().key]
    assert set(found[0].shared) >= {"burrow", "penguins"} or set(found[0].shared) >= {"burrows", "penguins"}


def test_conversation_and_function_words_are_not_topics():
    def topic(word):
        return all(is_topic_word(term) for term, _, _ in analyze(word))

    assert not any(topic(w) for w in ("think", "know", "question", "thank", "Wikinews", "yeah", "because", "our"))
    assert all(topic(w) for w in ("penguins", "burrow", "sanctions", "Kazakhstan"))


def test_related_answers_read_without_markdown():
    text = "**Yes.** See [our survey](https://example.org/survey) and `the data`.\n\n## Next\n> quoted"
    assert plain(text) == "Yes. See our survey and the data.\n\nNext\nquoted"
    assert (
        excerpt("It&#39;s *fine*. " + "Then more words follow here. " * 20, 60)
        == "It's fine. Then more words follow here. […]"
    )

    pleasantries = "Thank you. I appreciate that. The burrows are deep. Skuas wait."
    assert excerpt(pleasantries, 60, about=["burrows"]) == "[…] The burrows are deep. Skuas wait."


def test_the_answer_page_lists_related_answers_cleanly(client, penguins):
    add(
        "Title: Seabirds\nSpeaker: Cy Wren\n\nWhat about the burrows?\n\n"
        "**Penguins** dig burrows in the [colony](https://example.org), and skuas take chicks from burrows.\n",
        "seabirds.txt",
    )
    pair = penguins.pairs.get(answer__contains="burrow")
    text = client.get(pair.get_absolute_url()).text
    related = text.split('<section class="related"')[1].split("</section>")[0]
    assert "Cy Wren: “Penguins dig burrows in the colony, and skuas take chicks from burrows.”" in related
    assert "**" not in related and "](" not in related
    assert "What about the burrows?" not in related  # the question is not the title


def test_enough_in_common_is_three_topic_words_or_fewer_that_weigh_enough():
    topic = [("tariff", 0.5), ("steel", 0.2), ("farmer", 0.1), ("port", 0.1), ("rail", 0.1)]
    sets = related.enough_in_common(topic)
    assert ("tariff",) in sets  # carries half of the topic alone
    assert ("steel", "farmer") in sets  # 30 % together
    assert ("farmer", "port", "rail") in sets  # any three
    assert ("port", "rail") not in sets and not any("tariff" in s and len(s) > 1 for s in sets)
