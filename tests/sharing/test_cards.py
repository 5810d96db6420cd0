"""Each answer's social card is a 1200×630 PNG drawn with Pillow from its quote, speaker, role,
outlet and date, kept on disk per answer and drawn again when any of those change."""

import io

import pytest
from PIL import Image

from archive import cards
from archive.models import Pair

pytestmark = pytest.mark.django_db(transaction=True)


def card_response(client, pair, **params):
    return client.get(f"/a/{pair.key}/card.png", params)


def test_card_is_a_large_png_served_as_og_and_twitter_image(client, seeds):
    pair = Pair.objects.get(answer__contains="Azerbaijan")
    page = client.get(pair.get_absolute_url()).text
    version = cards.facts_for(pair).version
    url = f"http://testserver/a/{pair.key}/card.png?v={version}"
    assert f'<meta property="og:image" content="{url}">' in page
    assert f'<meta name="twitter:image" content="{url}">' in page
    assert '<meta name="twitter:card" content="summary_large_image">' in page
    response = card_response(client, pair, v=version)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert "immutable" in response["Cache-Control"]
    image = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert image.size == (1200, 630)


def test_card_is_kept_on_disk_and_drawn_again_when_the_answer_changes(client, seeds, settings):
    pair = Pair.objects.for_display().get(answer__contains="Azerbaijan")
    b"".join(card_response(client, pair).streaming_content)
    folder = cards.card_dir(pair.key)
    assert folder.parent == settings.DATA_DIR / "cards"
    (first,) = folder.glob("*.png")
    mtime = first.stat().st_mtime_ns
    b"".join(card_response(client, pair).streaming_content)
    assert first.stat().st_mtime_ns == mtime  # a cache hit: not drawn again

    pair.answer = "A corrected answer. It says something else."
    pair.save()
    b"".join(card_response(client, pair).streaming_content)
    (second,) = folder.glob("*.png")  # the old version is gone
    assert second != first and second.stem == cards.facts_for(Pair.objects.for_display().get(pk=pair.pk)).version


def test_card_revalidates_with_its_version_as_etag(client, seeds):
    pair = Pair.objects.first()
    etag = card_response(client, pair)["ETag"]
    again = client.get(f"/a/{pair.key}/card.png", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304


def test_card_quote_is_cut_at_a_sentence_and_stays_large():
    long_answer = "This is a sentence that carries on for a while. " * 30
    lines, face = cards._fit_quote(long_answer)
    assert face.size >= 40  # about 13 px high in a 400 px wide preview
    assert lines[-1].endswith("[…]”")
    text = " ".join(lines)
    assert text.count("while.") >= 1 and "for a […]" not in text


def test_card_draws_speaker_role_outlet_and_date_and_the_archive_name():
    with_all = cards.Facts(
        key="k", quote="Yes.", speaker="Ann Lee", role="Minister", outlet="Times", date="1 July 2024"
    )
    bare = cards.Facts(key="k", quote="Yes.")
    assert cards.render(with_all) != cards.render(bare)
    assert with_all.version != bare.version
    image = Image.open(io.BytesIO(cards.render(bare)))
    assert image.size == (cards.WIDTH, cards.HEIGHT)


def test_a_word_wider_than_the_card_is_cut_to_fit():
    lines, face = cards._fit_quote("See https://example.org/" + "a" * 300 + " for more.")
    assert all(face.getlength(line) <= cards.QUOTE_BOX[0] for line in lines)
