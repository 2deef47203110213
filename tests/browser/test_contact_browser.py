"""Contact Us in Chromium: the spam trap is out of the keyboard's and screen readers' way,
and a refused message takes focus to the list of what to fix."""

import pytest
from playwright.sync_api import expect

from articles.models import ContactMessage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_tab_never_reaches_the_spam_trap_and_screen_readers_do_not_hear_it(page):
    page.goto("/contact-us/")
    form = page.locator("#contact-form form")
    expect(form.get_by_role("textbox", name="Your name")).to_be_visible()
    expect(form.get_by_role("textbox", name="Leave this empty")).to_have_count(0)

    form.get_by_role("textbox", name="Your message").focus()
    page.keyboard.press("Tab")
    expect(form.get_by_role("button", name="Send message")).to_be_focused()


def test_after_a_refused_message_focus_is_on_the_error_summary_whose_links_lead_to_fields(page):
    page.goto("/contact-us/")
    form = page.locator("#contact-form form")
    form.get_by_label("Your name").fill("Meera Iyer")
    form.get_by_label("Your email").fill("not-an-address")
    form.get_by_role("button", name="Send message").click()

    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("There is a problem")
    summary.get_by_role("link", name="Your email: Enter a valid email address.").click()
    expect(form.get_by_label("Your email")).to_be_focused()
    assert not ContactMessage.objects.exists()


def test_without_javascript_a_refused_message_still_lands_focus_on_the_error_summary(new_page):
    page = new_page(java_script_enabled=False)
    page.goto("/contact-us/")
    page.locator("#contact-form form").get_by_role("button", name="Send message").click()
    expect(page.locator("[data-error-summary]")).to_be_focused()
