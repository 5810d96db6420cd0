"""The admin's door: repeated wrong passwords lock a user name and an address out for a
while (django-axes) with a page that says so, never a 5xx; no login or redirect sends anyone
off the site; every state-changing request needs a CSRF token; the admin's changes are logged."""

import re

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.test import Client

from archive.models import Article

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/"
PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """A fast hasher: the tests try many passwords, and what they test is the counting."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)


def attempt(client, username, password, address="198.51.100.7", **extra):
    return client.post(
        LOGIN + "?next=/admin/",
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        **extra,
    )


def test_five_wrong_passwords_lock_the_user_out_even_with_the_right_one(client, editor, settings):
    answers = [attempt(client, "editor", f"wrong {n}").status_code for n in range(settings.AXES_FAILURE_LIMIT)]
    assert answers[:-1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)  # the form again, with its error
    locked = attempt(client, "editor", PASSWORD)
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.text and "15 minutes" in locked.text
    assert "_auth_user_id" not in client.session


def test_lockout_by_user_name_holds_from_another_address(client, editor, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "editor", f"wrong {n}", address=f"203.0.113.{n + 1}")
    assert attempt(Client(), "editor", PASSWORD, address="192.0.2.99").status_code == 429


def test_lockout_by_address_holds_for_every_user_name(client, editor, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, f"guess{n}", "wrong")
    assert attempt(Client(), "editor", PASSWORD).status_code == 429
    assert attempt(Client(), "editor", PASSWORD, address="192.0.2.50").status_code == 302  # another address logs in


def test_forwarded_for_header_does_not_escape_an_address_lockout(client, editor, settings):
    """Without a proxy in front (DJANGO_BEHIND_PROXY off), X-Forwarded-For is the client's own
    word and does not change the address counted."""
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, f"guess{n}", "wrong", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
    assert attempt(Client(), "editor", PASSWORD, HTTP_X_FORWARDED_FOR="10.9.9.9").status_code == 429


def test_behind_a_proxy_the_address_the_proxy_appended_is_counted(client, editor, settings):
    settings.BEHIND_PROXY = True
    for n in range(settings.AXES_FAILURE_LIMIT):
        # The client forges the first entry; the proxy appends the real address last.
        attempt(client, f"guess{n}", "wrong", address="127.0.0.1", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, 198.51.100.7")
    other = Client()
    assert attempt(other, "editor", PASSWORD, address="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.1").status_code == 302
    assert (
        attempt(Client(), "editor", PASSWORD, address="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7").status_code
        == 429
    )


def test_a_successful_login_clears_earlier_failures(client, editor, settings):
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "editor", f"wrong {n}")
    assert attempt(client, "editor", PASSWORD).status_code == 302
    client.logout()
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "editor", f"wrong again {n}").status_code == 200
    assert attempt(client, "editor", PASSWORD).status_code == 302


def test_an_administrator_lifts_a_lockout_with_one_command(client, editor, settings):
    from django.core.management import call_command

    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "editor", f"wrong {n}")
    assert attempt(client, "editor", PASSWORD).status_code == 429
    call_command("axes_reset_username", "editor", verbosity=0)
    call_command("axes_reset_ip", "198.51.100.7", verbosity=0)
    assert attempt(client, "editor", PASSWORD).status_code == 302


def test_odd_login_posts_are_never_a_server_error(client, editor):
    for data in ({}, {"username": "x" * 10_000, "password": "y"}, {"username": "\x00", "password": "\x00"}):
        assert client.post(LOGIN, data).status_code in (200, 400, 429)


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "https:evil.example",
        "\\\\evil.example",
        " //evil.example",
    ],
)
def test_login_never_redirects_off_the_site(client, editor, target):
    response = client.post(LOGIN, {"username": "editor", "password": PASSWORD, "next": target})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_logout_never_redirects_off_the_site(staff_client):
    response = staff_client.post("/admin/logout/?next=https://evil.example/")
    assert "evil.example" not in response.get("Location", "")


def test_every_redirect_of_a_public_page_stays_on_the_site(client, seeds):
    """The public views that redirect (a merged speaker's page, a slash appended) send the
    reader to a path of this site whatever the request adds."""
    for path in ("/articles", "/speakers", "//evil.example/%2e%2e", "/search/help?next=//evil.example"):
        response = client.get(path)
        location = response.get("Location", "")
        assert response.status_code in (200, 301, 302, 404), path
        assert not re.match(r"^(https?:)?[/\\]{2}", location), (path, location)


def test_state_changing_requests_without_a_csrf_token_are_refused(editor):
    client = Client(enforce_csrf_checks=True)
    assert client.post(LOGIN, {"username": "editor", "password": PASSWORD}).status_code == 403
    client.force_login(editor)
    article = Article.objects.create(title="Checked", slug="checked")
    for path in (
        "/admin/archive/article/add/",
        f"/admin/archive/article/{article.pk}/change/",
        f"/admin/archive/article/{article.pk}/delete/",
        "/admin/archive/article/import/",
        "/admin/logout/",
    ):
        assert client.post(path, {"title": "changed", "post": "yes"}).status_code == 403, path
    article.refresh_from_db()
    assert article.title == "Checked"


def test_public_pages_refuse_every_state_changing_method(client, seeds):
    for path in ("/", "/search/?q=x", "/api/search/?q=x", "/articles/", "/speakers/"):
        for method in ("post", "put", "patch", "delete"):
            assert getattr(client, method)(path).status_code in (403, 405), (method, path)


def test_the_admins_changes_are_logged_with_who_and_what(staff_client, seeds):
    article = Article.objects.first()
    response = staff_client.get(f"/admin/archive/article/{article.pk}/change/")
    assert response.status_code == 200
    data = {
        **{k: v for k, v in response.context["adminform"].form.initial.items() if v is not None},
        **formset_management(response),
    }
    data["title"] = "A corrected title"
    data["published"] = article.published.isoformat() if article.published else ""
    staff_client.post(f"/admin/archive/article/{article.pk}/change/", data)
    entry = LogEntry.objects.filter(object_id=str(article.pk), action_flag=CHANGE).first()
    assert entry is not None and entry.user.username == "editor"
    assert "Title" in entry.get_change_message()


def formset_management(response) -> dict:
    """The inline formsets' fields as the page sent them, so the change form can be posted back."""
    data = {}
    for formset in response.context["inline_admin_formsets"]:
        fs = formset.formset
        for key, value in fs.management_form.initial.items():
            data[f"{fs.prefix}-{key}"] = value
        for form in fs.initial_forms:
            for name, field in form.fields.items():
                value = form.initial.get(name, field.initial)
                if value is not None and not isinstance(value, bool):
                    data[f"{form.prefix}-{name}"] = getattr(value, "pk", value)
                elif value:
                    data[f"{form.prefix}-{name}"] = "on"
    return data


def test_an_import_and_a_publish_action_are_logged_too(staff_client):
    from ..admin.preview import import_all
    from ..conftest import SEED_SCO

    import_all(staff_client, SEED_SCO.read_text())
    article = Article.objects.get()
    staff_client.post("/admin/archive/article/", {"action": "publish", "_selected_action": [article.pk], "index": 0})
    article.refresh_from_db()
    assert article.is_published
    assert LogEntry.objects.filter(object_id=str(article.pk)).count() >= 2  # imported, published
