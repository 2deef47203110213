"""Sign-in for readers and staff (django-allauth): sign-up with verification, password and
emailed-code sign-in, reset, rate limits, safe redirects, and the admin behind the same door."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.auth.hashers import get_hasher
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.adapter import AccountAdapter
from tests.factories import PASSWORD, UserFactory
from tests.html import page

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
NEW_PASSWORD = "a river of lanterns at dusk"


def signed_in_user(client):
    return client.session.get(SESSION_KEY)


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


def sign_in(client, email, password=PASSWORD, **extra):
    return client.post(LOGIN, {"login": email, "password": password, **extra})


def sign_up(client, email):
    return client.post(
        "/accounts/signup/", {"email": email, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )


@pytest.fixture
def slow_work(monkeypatch):
    """The slow steps requests take, in order: passwords hashed and emails sent."""
    steps = []
    hasher = type(get_hasher())
    encode, send_mail = hasher.encode, AccountAdapter.send_mail

    def counted_encode(self, *args, **kwargs):
        steps.append("hash a password")
        return encode(self, *args, **kwargs)

    def counted_send_mail(self, *args, **kwargs):
        steps.append("send an email")
        return send_mail(self, *args, **kwargs)

    monkeypatch.setattr(hasher, "encode", counted_encode)
    monkeypatch.setattr(AccountAdapter, "send_mail", counted_send_mail)
    return steps


# Sign-up and verification


def test_signing_up_sends_a_verification_link_and_signs_nobody_in_yet(client):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "Kavya@Example.com",
            "name": "Kavya Menon",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = get_user_model().objects.get(email="kavya@example.com")
    assert user.name == "Kavya Menon"
    assert signed_in_user(client) is None
    (message,) = mail.outbox
    assert message.to == ["kavya@example.com"]
    assert "/accounts/confirm-email/" in link_in(message)


def test_following_the_verification_link_verifies_the_address_and_signs_in(client):
    client.post(
        "/accounts/signup/",
        {"email": "kavya@example.com", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    confirm = link_in(mail.outbox[0])
    client.post(confirm)
    user = get_user_model().objects.get(email="kavya@example.com")
    assert EmailAddress.objects.get(user=user).verified
    assert signed_in_user(client) == str(user.pk)


def test_an_unverified_address_cannot_sign_in_and_gets_a_new_link(client):
    UserFactory(email="ravi@example.com", verified=False)
    response = sign_in(client, "ravi@example.com")
    assert signed_in_user(client) is None
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "/accounts/confirm-email/" in link_in(mail.outbox[0])


def test_signing_up_with_a_registered_address_reveals_nothing_and_emails_the_owner(client):
    UserFactory(email="asha@example.com")
    response = client.post(
        "/accounts/signup/",
        {"email": "asha@example.com", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response["Location"] == reverse("account_email_verification_sent")
    (message,) = mail.outbox
    assert message.subject.endswith("You already have an account")


def test_signing_up_with_a_registered_address_does_the_slow_work_a_new_address_does(
    client, slow_work
):
    UserFactory(email="asha@example.com")
    slow_work.clear()
    sign_up(client, "asha@example.com")
    registered = list(slow_work)
    slow_work.clear()
    sign_up(client, "kavya@example.com")
    assert registered == slow_work == ["hash a password", "send an email"]


# Signing in


def test_a_reader_signs_in_with_email_and_password_in_any_case(client):
    user = UserFactory(email="meera@example.com")
    response = sign_in(client, "Meera@Example.com")
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert signed_in_user(client) == str(user.pk)


def test_a_wrong_password_says_so_keeps_the_email_and_signs_nobody_in(client):
    UserFactory(email="meera@example.com")
    html = page(sign_in(client, "meera@example.com", "not the password"))
    assert "The email address and/or password you specified are not correct." in html
    assert 'value="meera@example.com"' in html
    assert signed_in_user(client) is None


def test_an_unknown_address_gets_the_same_answer_as_a_wrong_password(client):
    UserFactory(email="meera@example.com")
    known = page(sign_in(client, "meera@example.com", "not the password"))
    unknown = page(sign_in(client, "nobody@example.com", "not the password"))
    assert known.count("are not correct") == unknown.count("are not correct") == 1


def test_without_remember_me_the_session_ends_with_the_browser(client):
    UserFactory(email="meera@example.com")
    sign_in(client, "meera@example.com")
    assert client.session.get_expire_at_browser_close()


def test_remember_me_keeps_the_session_after_the_browser_closes(client):
    UserFactory(email="meera@example.com")
    sign_in(client, "meera@example.com", remember="on")
    assert not client.session.get_expire_at_browser_close()


def test_a_reader_signs_in_with_a_code_sent_by_email(client):
    user = UserFactory(email="meera@example.com")
    response = client.post("/accounts/login/code/", {"email": "meera@example.com"})
    assert response["Location"] == reverse("account_confirm_login_code")
    (message,) = mail.outbox
    assert message.subject.endswith("Your sign-in code")
    code = re.search(r"^\s*([A-Z0-9-]{6,})\s*$", message.body, re.MULTILINE).group(1)
    response = client.post(reverse("account_confirm_login_code"), {"code": code})
    assert response.status_code == 302
    assert signed_in_user(client) == str(user.pk)


def test_a_wrong_code_signs_nobody_in(client):
    UserFactory(email="meera@example.com")
    client.post("/accounts/login/code/", {"email": "meera@example.com"})
    html = page(client.post(reverse("account_confirm_login_code"), {"code": "WRONG1"}))
    assert "Incorrect code." in html
    assert signed_in_user(client) is None


def test_repeated_wrong_passwords_are_rate_limited_with_a_clear_message(client):
    UserFactory(email="meera@example.com")
    for _ in range(5):
        sign_in(client, "meera@example.com", "not the password")
    html = page(sign_in(client, "meera@example.com"))
    assert "Too many failed login attempts. Try again later." in html
    assert signed_in_user(client) is None


def test_signing_out_needs_a_post(client):
    client.force_login(UserFactory())
    assert client.get("/accounts/logout/").status_code == 200
    assert signed_in_user(client) is not None
    client.post("/accounts/logout/")
    assert signed_in_user(client) is None


def test_signing_out_leaves_a_message_for_the_pages_script_to_show(client):
    client.force_login(UserFactory())
    client.post("/accounts/logout/", {"next": "/section/india/"})
    messages = client.get(reverse("accounts:state")).json()["messages"]
    assert messages == [{"level": "success", "text": "You have signed out."}]


def test_the_signed_out_message_is_shown_once(client):
    client.force_login(UserFactory())
    client.post("/accounts/logout/")
    client.get(reverse("accounts:state"))
    assert client.get(reverse("accounts:state")).json()["messages"] == []


# Where sign-in leads


def test_sign_in_returns_to_the_page_named_by_next(client):
    UserFactory(email="meera@example.com")
    response = sign_in(client, "meera@example.com", next="/section/india/")
    assert response["Location"] == "/section/india/"


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/", "/\\evil.example/", "http:evil.example"],
)
def test_next_never_leads_off_the_site(client, target):
    UserFactory(email="meera@example.com")
    response = sign_in(client, "meera@example.com", next=target)
    assert response.status_code == 302
    assert response["Location"] == "/"


# Password reset


def test_password_reset_sends_a_link_that_sets_a_new_password(client):
    user = UserFactory(email="meera@example.com")
    response = client.post("/accounts/password/reset/", {"email": "meera@example.com"})
    assert response["Location"] == reverse("account_reset_password_done")
    (message,) = mail.outbox
    assert message.subject.endswith("Choose a new password")
    form_url = client.get(link_in(message))["Location"]
    client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_password_reset_for_an_unknown_address_looks_the_same(client):
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.com"})
    assert response["Location"] == reverse("account_reset_password_done")
    (message,) = mail.outbox
    assert message.subject.endswith("About your sign-in attempt")


# Emails


def test_emails_have_plain_text_and_html_in_the_sites_voice(client):
    UserFactory(email="meera@example.com", name="Meera")
    client.post("/accounts/password/reset/", {"email": "meera@example.com"})
    (message,) = mail.outbox
    assert message.subject == "IndiaPost Live: Choose a new password"
    assert message.body.startswith("Hello Meera,")
    ((html, mime),) = message.alternatives
    assert mime == "text/html"
    assert "Choose a new password</a>" in html
    assert "The IndiaPost Live team" in html


# Account pages


def test_account_pages_are_never_cached(client):
    response = client.get(LOGIN)
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_the_sign_in_page_is_in_the_sites_frame_with_both_ways_to_sign_in(client):
    html = page(client.get(LOGIN))
    assert '<header class="site-header">' in html
    assert "<h1>Welcome Back!</h1>" in html
    assert 'href="/accounts/login/code/"' in html
    assert 'href="/accounts/signup/"' in html
    assert 'href="/accounts/password/reset/"' in html


def test_a_reader_changes_their_password(client):
    user = UserFactory()
    client.force_login(user)
    client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_changing_the_email_address_verifies_the_new_one_first(client):
    user = UserFactory(email="meera@example.com")
    client.force_login(user)
    client.post("/accounts/email/", {"action_add": "", "email": "meera.new@example.com"})
    assert mail.outbox[-1].to == ["meera.new@example.com"]
    user.refresh_from_db()
    assert user.email == "meera@example.com"
    client.post(link_in(mail.outbox[-1]))
    user.refresh_from_db()
    assert user.email == "meera.new@example.com"


# Staff


def test_the_admin_sends_staff_to_the_sites_sign_in_page(client):
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/login/?next=%2Fadmin%2F"


def test_staff_land_back_in_the_admin_after_signing_in(client):
    UserFactory(email="editor@example.com", role="Editor")
    response = sign_in(client, "editor@example.com", next="/admin/")
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_create_staff_makes_an_account_that_can_sign_in_at_once(client, monkeypatch):
    monkeypatch.setenv("STAFF_PASSWORD", NEW_PASSWORD)
    call_command(
        "create_staff", "Nisha@Example.com", role="Editor", password_from_env="STAFF_PASSWORD"
    )
    user = get_user_model().objects.get(email="nisha@example.com")
    assert user.is_staff and user.groups.filter(name="Editor").exists()
    response = sign_in(client, "nisha@example.com", NEW_PASSWORD, next="/admin/")
    assert response["Location"] == "/admin/"


def test_create_staff_refuses_a_weak_password(monkeypatch):
    monkeypatch.setenv("STAFF_PASSWORD", "12345678")
    with pytest.raises(CommandError, match="too common"):
        call_command(
            "create_staff", "nisha@example.com", role="Writer", password_from_env="STAFF_PASSWORD"
        )
    assert not get_user_model().objects.exists()


def test_an_account_an_administrator_adds_in_the_admin_can_sign_in_at_once(client):
    client.force_login(UserFactory(role="Administrator"))
    client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "Nisha@Example.com",
            "name": "Nisha",
            "usable_password": "true",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    client.logout()
    response = sign_in(client, "nisha@example.com", NEW_PASSWORD)
    assert response["Location"] == "/"
    assert EmailAddress.objects.get(email="nisha@example.com").verified
