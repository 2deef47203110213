"""Guessing is stopped (issue 8): the admin's door, sign-in codes and resets, end to end.

Staff reach /admin/ through the site's sign-in (allauth, `secure_admin_login`), so its limits
are the admin's: five failures from one address to one account in five minutes, ten per address
a minute, a sign-in code dead after three wrong tries, five reset emails per address a minute.
Wrong guesses from one address never lock the owner out elsewhere (issue 13).
"""

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.test import Client

from tests.factories import PASSWORD, UserFactory
from tests.html import page

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
REFUSED = "Too many failed login attempts. Try again later."


@pytest.fixture
def editor_email():
    return UserFactory(role="Editor", email="editor@example.com").email


def sign_in_to_admin(client, email, password):
    """What a browser does: ask for /admin/, follow to the sign-in page, post the form."""
    door = client.get("/admin/", follow=True)
    target = door.redirect_chain[-1][0]
    assert target.startswith(LOGIN), door.redirect_chain
    return client.post(target, {"login": email, "password": password})


def in_admin(client) -> bool:
    return client.get("/admin/").status_code == 200


def test_the_admin_refuses_the_right_password_after_five_wrong_ones(client, editor_email):
    for n in range(5):
        sign_in_to_admin(client, editor_email, f"guess number {n}")
    response = sign_in_to_admin(client, editor_email, PASSWORD)
    assert REFUSED in page(response)
    assert client.session.get(SESSION_KEY) is None
    assert not in_admin(client)


def test_five_wrong_passwords_from_one_address_leave_the_account_open_from_another(
    client, editor_email
):
    for n in range(5):
        sign_in_to_admin(client, editor_email, f"guess number {n}")
    staff = Client(REMOTE_ADDR="198.51.100.7")
    assert sign_in_to_admin(staff, editor_email, PASSWORD)["Location"] == "/admin/"
    assert in_admin(staff)


def test_the_admin_lets_staff_in_after_fewer_than_five_wrong_passwords(client, editor_email):
    for n in range(4):
        sign_in_to_admin(client, editor_email, f"guess number {n}")
    response = sign_in_to_admin(client, editor_email, PASSWORD)
    assert response["Location"] == "/admin/"
    assert in_admin(client)


def test_one_address_guessing_across_many_accounts_is_stopped_after_ten_failures(
    client, editor_email
):
    for n in range(10):
        sign_in_to_admin(client, f"someone{n}@example.com", "password123")
    response = sign_in_to_admin(client, editor_email, PASSWORD)
    assert REFUSED in page(response)
    assert not in_admin(client)


def test_another_address_can_still_sign_in_while_one_is_locked_out(client, editor_email):
    for n in range(10):
        sign_in_to_admin(client, f"someone{n}@example.com", "password123")
    staff = Client(REMOTE_ADDR="198.51.100.7")
    assert sign_in_to_admin(staff, editor_email, PASSWORD)["Location"] == "/admin/"


def test_a_sign_in_code_is_dead_after_three_wrong_guesses(client, editor_email):
    client.post("/accounts/login/code/", {"email": editor_email})
    (message,) = mail.outbox
    code = re.search(r"^\s*([A-Z0-9-]{6,})\s*$", message.body, re.MULTILINE).group(1)
    for guess in ("AAAAAA", "BBBBBB", "CCCCCC"):
        client.post("/accounts/login/code/confirm/", {"code": guess})
    client.post("/accounts/login/code/confirm/", {"code": code})
    assert client.session.get(SESSION_KEY) is None
    assert not in_admin(client)


def test_password_reset_emails_to_one_address_are_limited(client, editor_email):
    for _ in range(8):
        client.post("/accounts/password/reset/", {"email": editor_email})
    assert 1 <= len(mail.outbox) <= 5
