"""The second factor in Chromium, under the site's Content-Security-Policy: the code step in the
sign-in modal, an editor sent from the admin to set up an app, and passkeys made by Chromium's
virtual authenticator (allauth's passkey script must run under script-src 'self')."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_csp_browser import Violations
from tests.factories import PASSWORD, ArticleFactory, UserFactory, authenticator_app, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def virtual_authenticator(page) -> None:
    """A passkey authenticator built into this page's browser, that says yes at once."""
    session = page.context.new_cdp_session(page)
    session.send("WebAuthn.enable")
    options = {
        "protocol": "ctap2",
        "transport": "internal",
        "hasResidentKey": True,
        "hasUserVerification": True,
        "isUserVerified": True,
        "automaticPresenceSimulation": True,
    }
    session.send("WebAuthn.addVirtualAuthenticator", {"options": options})


def sign_in_on_the_page(page, user, to: str = "/accounts/2fa/") -> None:
    page.goto(f"/accounts/login/?next={to}")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()


def add_passkey(page, user) -> None:
    """Sign in and add a passkey (it also signs in alone), confirming the password first."""
    sign_in_on_the_page(page, user)
    page.get_by_role("link", name="Add a passkey").click()
    expect(page).to_have_url(re.compile(r"/accounts/reauthenticate/"))
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    page.get_by_label("Name").fill("Laptop")
    page.get_by_label("Passwordless").check()
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/recovery-codes/"))
    # No request of the page left running: a late answer (site.js asks /accounts/state/)
    # would set its cookies again after the clear, and the CSRF cookie of the sign-in page
    # opened next would no longer match its form (a 403, seen once in CI).
    page.wait_for_load_state("networkidle")
    page.context.clear_cookies()  # signed out; the passkey stays in the authenticator


def test_the_second_step_asks_for_the_apps_code_in_the_sign_in_modal(page):
    reader = UserFactory(email="meera@example.com", name="Meera Pillai")
    secret = authenticator_app(reader)
    page.goto("/")
    page.get_by_role("link", name="Sign in").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Email").fill("meera@example.com")
    dialog.get_by_label("Password").fill(PASSWORD)
    dialog.get_by_role("button", name="Sign in", exact=True).click()
    expect(dialog.get_by_role("heading", name="One more step")).to_be_visible()
    expect(dialog.get_by_label("Code")).to_be_focused()
    dialog.get_by_label("Code").fill(totp_code(secret))
    dialog.get_by_role("button", name="Sign in", exact=True).click()
    expect(dialog).to_be_hidden()
    expect(page.locator("[data-account-menu] summary")).to_have_text("Meera Pillai")


def test_an_editor_sent_from_the_admin_sets_up_an_app_and_reaches_the_admin(page, settings):
    settings.NEWSROOM_REQUIRE_STAFF_MFA = True
    editor = UserFactory(role="Editor")
    violations = Violations(page)
    page.goto("/admin/")
    page.get_by_label("Email").fill(editor.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/$"))
    expect(page.get_by_text("the newsroom admin asks for a second factor")).to_be_visible()

    page.get_by_role("link", name="Set up an authenticator app").click()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("img", name="QR code")).to_be_visible()
    secret = page.locator("[data-totp-secret]").inner_text()
    page.get_by_label("Authenticator code").fill(totp_code(secret))
    page.get_by_role("button", name="Turn on").click()
    expect(page.get_by_role("heading", name="Recovery codes")).to_be_visible()
    page.get_by_role("link", name="Continue to the newsroom admin").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("h1")).to_have_text("Newsroom")
    assert violations.found() == []


def test_a_passkey_is_the_second_step_under_the_content_security_policy(page):
    editor = UserFactory(role="Editor")
    story = ArticleFactory(live=True)
    virtual_authenticator(page)
    violations = Violations(page)
    add_passkey(page, editor)

    # From the modal, the passkey option opens the second step as a page of its own.
    page.goto(story.get_absolute_url())
    page.get_by_role("link", name="Sign in").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Email").fill(editor.email)
    dialog.get_by_label("Password").fill(PASSWORD)
    dialog.get_by_role("button", name="Sign in", exact=True).click()
    dialog.get_by_role("link", name="Use a passkey or security key").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    page.get_by_role("button", name="Use a passkey or security key").click()
    expect(page).to_have_url(re.compile(re.escape(story.get_absolute_url()) + "$"))
    expect(page.locator("[data-account-menu]")).to_be_visible()
    assert violations.found() == []


def test_a_passkey_signs_in_on_its_own_from_the_sign_in_page(page):
    reader = UserFactory(name="Meera Pillai")
    virtual_authenticator(page)
    violations = Violations(page)
    add_passkey(page, reader)

    page.goto("/accounts/login/?next=/accounts/")
    page.get_by_role("button", name="Sign in with a passkey").click()
    # The path itself (the sign-in page's own address ends in ?next=/accounts/).
    expect(page).to_have_url(re.compile(r"^[^?]*/accounts/$"))
    expect(page.locator("h1")).to_have_text("Your account")
    assert violations.found() == []
