"""The second factor (allauth.mfa, accounts/mfa.py): required before the admin for staff who
can publish, offered to everyone, asked for at every sign-in once set up. Over HTTP, with real
codes computed from the authenticator app's secret."""

import re
from html import unescape

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from articles.models import Article, SiteSettings
from tests.factories import (
    PASSWORD,
    ArticleFactory,
    UserFactory,
    authenticator_app,
    totp_code,
)
from tests.html import page
from tests.servers import base_environment, settings_output

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
SETUP = "/accounts/2fa/"
SECOND_STEP = "/accounts/2fa/authenticate/"


@pytest.fixture
def required(settings):
    settings.NEWSROOM_REQUIRE_STAFF_MFA = True


def sign_in(client, user, next_url="/admin/"):
    return client.post(LOGIN, {"login": user.email, "password": PASSWORD, "next": next_url})


def confirm_password(client) -> None:
    """Adding a second factor asks for the password again (allauth), however fresh the session."""
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})


def signed_in(client) -> bool:
    return SESSION_KEY in client.session


# Who must have one


@pytest.mark.parametrize("role", ["Editor", "Administrator"])
def test_staff_who_can_publish_without_a_second_factor_are_sent_from_the_admin_to_set_one_up(
    client, required, role
):
    user = UserFactory(role=role, is_superuser=role == "Administrator")
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == SETUP


def test_an_editor_without_a_second_factor_is_sent_from_an_admin_change_page_to_set_one_up(
    client, required, editor
):
    story = ArticleFactory()
    client.force_login(editor)
    response = client.get(reverse("admin:articles_article_change", args=[story.pk]))
    assert response.status_code == 302
    assert response["Location"] == SETUP


def test_a_post_to_the_admin_without_a_second_factor_changes_nothing(client, required, editor):
    story = ArticleFactory(headline="The council meets")
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[story.pk])
    response = client.post(url, {"headline": "Fake story under the masthead"})
    assert response["Location"] == SETUP
    assert Article.objects.get(pk=story.pk).headline == "The council meets"


def test_the_setup_page_says_why_and_offers_an_app_and_a_passkey(client, required, editor):
    client.force_login(editor)
    html = page(client.get("/admin/", follow=True))
    assert "newsroom admin asks for a second factor" in html
    assert 'href="/accounts/2fa/totp/activate/"' in html
    assert 'href="/accounts/2fa/webauthn/add/"' in html


def test_a_writer_is_not_forced_to_set_up_a_second_factor(client, required, writer):
    client.force_login(writer)
    assert client.get("/admin/").status_code == 200


def test_without_the_requirement_an_editor_reaches_the_admin_with_a_password(client, editor):
    sign_in(client, editor)
    assert client.get("/admin/").status_code == 200


def test_staff_without_a_second_factor_can_still_sign_out_of_the_admin(client, required, editor):
    client.force_login(editor)
    client.post(reverse("admin:logout"))
    assert not signed_in(client)


def test_the_requirement_is_on_in_production_and_off_in_development():
    code = "print(settings.NEWSROOM_REQUIRE_STAFF_MFA)"
    production = base_environment()
    del production["NEWSROOM_REQUIRE_STAFF_MFA"]  # the test servers turn it off
    assert settings_output(code, production).strip() == "True"
    assert settings_output(code, {**production, "DJANGO_DEBUG": "1"}).strip() == "False"
    relaxed = {**production, "NEWSROOM_REQUIRE_STAFF_MFA": "0"}
    assert settings_output(code, relaxed).strip() == "False"


# Setting one up


def test_an_editor_sets_up_an_authenticator_app_and_continues_to_the_admin_page_asked_for(
    client, required, editor
):
    sign_in(client, editor)
    wanted = reverse("admin:articles_article_changelist")
    assert client.get(wanted)["Location"] == SETUP
    setup = page(client.get(SETUP))
    assert "Set up an authenticator app" in setup

    asked = client.get("/accounts/2fa/totp/activate/")
    assert asked["Location"].startswith("/accounts/reauthenticate/")
    confirm_password(client)
    form = page(client.get("/accounts/2fa/totp/activate/"))
    assert 'src="data:image/svg+xml;base64,' in form
    secret = re.search(r"data-totp-secret>([A-Z2-7]+)<", form)[1]
    response = client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response["Location"] == "/accounts/2fa/recovery-codes/"

    codes = page(client.get(response["Location"]))
    assert len(re.findall(r"<li><code>\w+</code></li>", codes)) == 10
    assert f'href="{wanted}">Continue to the newsroom admin' in codes
    assert client.get(wanted).status_code == 200


def test_a_wrong_code_turns_nothing_on(client, editor):
    client.force_login(editor)
    confirm_password(client)
    client.get("/accounts/2fa/totp/activate/")
    response = client.post("/accounts/2fa/totp/activate/", {"code": "000000"})
    assert response.status_code == 200
    assert not Authenticator.objects.filter(user=editor).exists()


def test_the_authenticator_app_shows_the_sites_name(client, writer):
    settings = SiteSettings.current()
    settings.site_name = "City Desk"
    settings.save()
    client.force_login(writer)
    confirm_password(client)
    response = client.get("/accounts/2fa/totp/activate/")
    assert "issuer=City%20Desk" in unescape(response.context["totp_url"])


def test_readers_are_offered_a_second_factor_on_their_account_pages(client):
    client.force_login(UserFactory())
    assert 'href="/accounts/2fa/"' in page(client.get("/accounts/"))
    response = client.get(SETUP)
    assert response.status_code == 200
    assert "Set up an authenticator app" in page(response)


# Signing in with one


def test_an_editor_with_an_app_reaches_the_admin_only_after_the_second_step(
    client, required, editor
):
    secret = authenticator_app(editor)
    response = sign_in(client, editor)
    assert response["Location"] == SECOND_STEP
    assert not signed_in(client)
    assert "One more step" in page(client.get(SECOND_STEP))

    response = client.post(SECOND_STEP, {"code": totp_code(secret)})
    assert response["Location"] == "/admin/"
    assert signed_in(client)
    assert client.get("/admin/").status_code == 200


def test_an_editor_with_an_app_reaches_an_admin_change_page_after_the_second_step(
    client, required, editor
):
    secret = authenticator_app(editor)
    url = reverse("admin:articles_article_change", args=[ArticleFactory().pk])
    sign_in(client, editor, next_url=url)
    response = client.post(SECOND_STEP, {"code": totp_code(secret)})
    assert response["Location"] == url
    assert client.get(url).status_code == 200


def test_a_wrong_second_step_code_signs_nobody_in(client, editor):
    authenticator_app(editor)
    sign_in(client, editor)
    response = client.post(SECOND_STEP, {"code": "123456"})
    assert response.status_code == 200
    assert "Incorrect code" in page(response)
    assert not signed_in(client)


def test_a_code_works_once(client, editor):
    secret = authenticator_app(editor)
    code = totp_code(secret)
    sign_in(client, editor)
    client.post(SECOND_STEP, {"code": code})
    client.post("/accounts/logout/")
    sign_in(client, editor)
    client.post(SECOND_STEP, {"code": code})
    assert not signed_in(client)


def test_signing_in_by_emailed_code_still_asks_for_the_second_factor(client, mailoutbox, editor):
    authenticator_app(editor)
    client.post("/accounts/login/code/", {"email": editor.email})
    emailed = re.search(r"^\s*([A-Z0-9-]{6,})\s*$", mailoutbox[0].body, re.MULTILINE)[1]
    response = client.post(reverse("account_confirm_login_code"), {"code": emailed})
    assert response["Location"] == SECOND_STEP
    assert not signed_in(client)


def test_a_recovery_code_stands_in_for_the_app_once(client, editor):
    client.force_login(editor)
    confirm_password(client)
    client.get("/accounts/2fa/totp/activate/")
    secret = client.session["mfa.totp.secret"]
    client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    codes = page(client.get("/accounts/2fa/recovery-codes/"))
    recovery = re.findall(r"<li><code>(\w+)</code></li>", codes)
    client.post("/accounts/logout/")

    sign_in(client, editor)
    assert client.post(SECOND_STEP, {"code": recovery[0]})["Location"] == "/admin/"
    client.post("/accounts/logout/")
    sign_in(client, editor)
    client.post(SECOND_STEP, {"code": recovery[0]})
    assert not signed_in(client)


def test_cancelling_the_second_step_leaves_nobody_half_signed_in(client, editor):
    authenticator_app(editor)
    sign_in(client, editor)
    client.post("/accounts/logout/", {"next": LOGIN})
    assert client.get(SECOND_STEP)["Location"].startswith(LOGIN)
