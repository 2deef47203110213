"""Signing in through the site's sign-in page (allauth), as readers and staff do."""

import re

from playwright.sync_api import expect

from tests.factories import PASSWORD


def sign_in(page, user, *, to: str = "/admin/") -> None:
    """Open `to` (the admin by default), sign in on the page it sends to, and land there."""
    page.goto(to)
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(to) + "$"))
