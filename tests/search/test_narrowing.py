"""A search narrows by speaker, outlet, year, dates and article, through facet links that
can be removed; sorts by relevance, newest or oldest; groups answers by speaker; charts the
years; and finds related answers."""

from datetime import date
from urllib.parse import parse_qs

import pytest

from archive.models import Appearance, Article, Pair, Speaker
from archive.search import related_answers, search_answers

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def trade(transactional_db):
    """Four answers on tariffs: Ann Lee twice in 2019 and once undated, Bob Stone in 2021."""
    ann = Speaker.objects.create(name="Ann Lée")
    ann.add_spelling("Ann Lee")
    bob = Speaker.objects.create(name="Bob Stone")
    made = {}
    for slug, title, outlet, published, speaker, role, answers in [
        (
            "times-2019",
            "Talking trade",
            "Example Times",
            date(2019, 5, 1),
            ann,
            "Minister of Trade",
            ["Tariffs hurt farmers first.", "Tariffs on steel stay until the talks end."],
        ),
        (
            "planet-2021",
            "Steel and tariffs",
            "Daily Planet",
            date(2021, 3, 10),
            bob,
            "Senator",
            ["Tariffs are a tax on our own people."],
        ),
        ("planet-undated", "An old talk", "Daily Planet", None, ann, "Deputy Minister", ["Tariffs were lower then."]),
    ]:
        article = Article.objects.create(slug=slug, title=title, outlet=outlet, published=published)
        Appearance.objects.create(article=article, speaker=speaker, role=role)
        for n, text in enumerate(answers, 1):
            made[text] = Pair.objects.create(
                article=article, speaker=speaker, position=n, question="Tariffs?", answer=text
            )
    return made


def facet(results, name):
    return {v.value: (v.label, v.count) for v in results.facets[name]}


def apply(link, **more):
    """search_answers for a facet or filter link."""
    params = {k: v[0] for k, v in parse_qs(link.lstrip("?")).items()}
    q = params.pop("q", "")
    for name in ("from", "to"):
        if name in params:
            params[f"date_{name}"] = date.fromisoformat(params.pop(name))
    return search_answers(q, **params, **more)


def answers(results):
    return [hit.answer for hit in results.page.object_list]


def test_facets_count_speakers_outlets_and_years(trade):
    results = search_answers("tariffs")
    assert facet(results, "speaker") == {"ann-lee": ("Ann Lée", 3), "bob-stone": ("Bob Stone", 1)}
    assert facet(results, "outlet") == {"Daily Planet": ("Daily Planet", 2), "Example Times": ("Example Times", 2)}
    assert facet(results, "year") == {"2019": ("2019", 2), "2021": ("2021", 1)}


def test_a_facet_link_narrows_and_the_same_link_then_removes_it(trade):
    results = search_answers("tariffs")
    bob = next(v for v in results.facets["speaker"] if v.value == "bob-stone")
    narrowed = apply(bob.link)
    assert answers(narrowed) == ["Tariffs are a tax on our own people."]
    chosen = next(v for v in narrowed.facets["speaker"] if v.value == "bob-stone")
    assert chosen.active
    assert apply(chosen.link).count == 4


def test_filters_in_force_are_listed_with_links_that_remove_them(trade):
    results = search_answers("tariffs", speaker="ann-lee", year="2019")
    assert [f.label for f in results.filters] == ["Only answers by Ann Lée", "Year 2019"]
    assert results.count == 2
    assert apply(results.filters[1].remove).count == 3


def test_each_result_shows_the_role_the_speaker_held_then(trade):
    roles = {hit.answer: hit.speaker_role for hit in search_answers("tariffs", speaker="ann-lee").page.object_list}
    assert roles["Tariffs hurt farmers first."] == "Minister of Trade"
    assert roles["Tariffs were lower then."] == "Deputy Minister"


def test_date_range_keeps_only_dated_answers_inside_it(trade):
    assert search_answers("tariffs", date_from=date(2020, 1, 1)).count == 1
    assert search_answers("tariffs", date_to=date(2019, 12, 31)).count == 2
    assert search_answers("tariffs from:2019-05 to:2019-05").count == 2
    assert search_answers("tariffs from:2022").count == 0


def test_outlet_and_speaker_syntax_accept_any_spelling(trade):
    assert search_answers("tariffs outlet:planet").count == 2
    assert search_answers('tariffs outlet:"example times"').count == 2
    assert search_answers("tariffs speaker:lee").count == 3
    assert search_answers("tariffs speaker:LÉE -outlet:planet").count == 2
    assert search_answers("tariffs -speaker:ann").count == 1


def test_outlet_facet_value_narrows_by_the_whole_name(trade):
    assert search_answers("tariffs", outlet="Daily Planet").count == 2
    assert search_answers("tariffs", outlet="Daily").count == 0


def test_newest_and_oldest_put_undated_answers_last(trade):
    newest = answers(search_answers("tariffs", sort="newest"))
    oldest = answers(search_answers("tariffs", sort="oldest"))
    assert newest[0] == "Tariffs are a tax on our own people." and newest[-1] == "Tariffs were lower then."
    assert oldest[-1] == "Tariffs were lower then." and oldest[-2] == "Tariffs are a tax on our own people."


def test_sort_links_offer_the_other_orders(trade):
    results = search_answers("tariffs", sort="newest")
    links = {label: (link, chosen) for label, link, chosen in results.sort_links()}
    assert links["Newest first"] == ("?q=tariffs&sort=newest", True)
    assert links["Best match"] == ("?q=tariffs", False)


def test_filters_alone_list_answers_newest_first(trade):
    results = search_answers("", speaker="ann-lee")
    assert answers(results)[0] in ("Tariffs hurt farmers first.", "Tariffs on steel stay until the talks end.")
    assert answers(results)[-1] == "Tariffs were lower then."


def test_search_within_one_article(trade):
    results = search_answers("tariffs", article="planet-undated")
    assert answers(results) == ["Tariffs were lower then."]
    assert results.filters[0].label == "Only in “An old talk”"


def test_who_said_it_most_groups_answers_by_speaker(trade):
    groups = search_answers("tariffs", view="speakers").speakers
    assert [(g.name, g.count) for g in groups] == [("Ann Lée", 3), ("Bob Stone", 1)]
    assert len(groups[0].hits) == 2 and {h.speaker_name for h in groups[0].hits} == {"Ann Lée"}
    assert apply(groups[1].link).count == 1


def test_year_chart_has_a_bar_per_year_and_keeps_all_years_when_one_is_chosen(trade):
    chart = search_answers("tariffs").chart()
    assert [(bar.year, bar.count) for bar in chart["bars"]] == [(2019, 2), (2020, 0), (2021, 1)]
    assert chart["bars"][0].height == chart["height"]
    chosen = search_answers("tariffs", year="2021").chart()
    assert [(bar.year, bar.count, bar.active) for bar in chosen["bars"]][-1] == (2021, 1, True)
    assert len(chosen["bars"]) == 3


def test_related_answers_come_from_other_articles(trade):
    pair = trade["Tariffs hurt farmers first."]
    related = related_answers(pair)
    assert related
    assert all(hit.article_slug != "times-2019" for hit in related)
    assert pair.key not in {hit.key for hit in related}


def test_results_and_facets_need_no_database_query(trade, django_assert_max_num_queries):
    with django_assert_max_num_queries(0):
        results = search_answers("tariffs", view="speakers", year="2019", sort="newest")
        assert results.count == 2 and results.speakers and results.chart()
