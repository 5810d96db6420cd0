"""A shared link to one answer keeps working through re-imports, corrections and speaker
merges; its page quotes the answer in context with social-card metadata and a citation."""

import shutil

import pytest
from django.core.management import call_command

from archive.models import Article, Pair, Speaker, SpeakerAlias

from ..conftest import SEED_SCO

pytestmark = pytest.mark.django_db(transaction=True)


def test_permalink_page_shows_question_answer_and_context(client, seeds):
    pair = Pair.objects.get(answer__contains="Azerbaijan")
    response = client.get(pair.get_absolute_url())
    assert response.status_code == 200
    text = response.text
    assert "You have always been an outspoken voice" in text
    assert "Conference of Parties in Azerbaijan" in text
    assert f'href="{pair.article.get_absolute_url()}#a-{pair.key}"' in text
    assert "Answer 3 of 3" in text
    assert "UN Secretary General" in text


def test_permalink_page_has_canonical_url_and_social_cards(client, seeds):
    pair = Pair.objects.get(answer__contains="Azerbaijan")
    text = client.get(pair.get_absolute_url()).text
    url = f"http://testserver/a/{pair.key}/"
    assert f'<link rel="canonical" href="{url}">' in text
    assert f'<meta property="og:url" content="{url}">' in text
    assert '<meta property="og:title" content="António Guterres in In the last few years' in text
    assert '<meta property="og:description" content="The climate crisis and water scarcity' in text
    assert '<meta name="twitter:card" content="summary_large_image">' in text


def test_copy_link_is_a_plain_link_without_javascript(client, seeds):
    pair = Pair.objects.first()
    text = client.get(pair.get_absolute_url()).text
    assert f'<a class="copy-link" href="http://testserver/a/{pair.key}/"' in text


def test_citation_names_speaker_role_article_outlet_and_link(client, seeds):
    pair = Pair.objects.get(answer__contains="Azerbaijan")
    text = client.get(pair.get_absolute_url()).text
    assert "António Guterres (UN Secretary General), answer to “You have always" in text
    assert f"Kazinform. http://testserver/a/{pair.key}/ (accessed " in text


def test_site_url_setting_sets_the_shared_address(client, seeds, settings):
    settings.SITE_URL = "https://archive.example.org"
    pair = Pair.objects.first()
    text = client.get(pair.get_absolute_url()).text
    assert f'<link rel="canonical" href="https://archive.example.org/a/{pair.key}/">' in text


def test_previous_and_next_answer_links(client, seeds):
    first, second, third = Article.objects.get(import_ref=SEED_SCO.name).pairs.all()
    text = client.get(second.get_absolute_url()).text
    assert f'href="/a/{first.key}/"' in text and f'href="/a/{third.key}/"' in text


def test_permalinks_survive_reimport_of_a_corrected_file(client, tmp_path):
    path = tmp_path / SEED_SCO.name
    shutil.copy(SEED_SCO, path)
    call_command("import_interviews", str(path), verbosity=0)
    urls = [p.get_absolute_url() for p in Pair.objects.all()]
    path.write_text(path.read_text().replace("around 80 events", "around 80 events in 2024"))
    call_command("import_interviews", str(path), verbosity=0)
    assert [client.get(url).status_code for url in urls] == [200, 200, 200]
    assert "in 2024" in client.get(urls[0]).text


def test_removed_answer_answers_410_and_points_to_the_article(client, seeds):
    pair = Pair.objects.get(answer__contains="Azerbaijan")
    url, article = pair.get_absolute_url(), pair.article
    pair.delete()
    response = client.get(url)
    assert response.status_code == 410
    assert f'href="{article.get_absolute_url()}"' in response.text


def test_removed_article_still_explains_its_answers(client, seeds):
    article = Article.objects.get(import_ref=SEED_SCO.name)
    urls = [p.get_absolute_url() for p in article.pairs.all()]
    article.delete()
    responses = [client.get(url) for url in urls]
    assert [r.status_code for r in responses] == [410, 410, 410]
    assert "no longer in the archive" in responses[0].text


def test_permalinks_survive_a_speaker_merge(client, transactional_db):
    duplicate = Speaker.objects.create(name="A. Guterres")
    keeper = Speaker.objects.create(name="António Guterres")
    article = Article.objects.create(title="T")
    pair = Pair.objects.create(article=article, speaker=duplicate, question="Q?", answer="A.")
    url = pair.get_absolute_url()
    Pair.objects.filter(speaker=duplicate).update(speaker=keeper)
    SpeakerAlias.objects.create(speaker=keeper, name=duplicate.name)
    duplicate.delete()
    response = client.get(url)
    assert response.status_code == 200
    assert "António Guterres" in response.text
