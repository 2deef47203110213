"""Signing in from the modal and using the personal bits, in Chromium (issue 5)."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import SavedStory
from tests.factories import PASSWORD, ArticleFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_modal(page):
    page.get_by_role("link", name="Sign in").click()
    dialog = page.get_by_role("dialog", name="Welcome Back!")
    expect(dialog.get_by_label("Email")).to_be_focused()
    return dialog


def test_a_wrong_password_is_shown_in_the_modal_with_the_email_kept(page):
    UserFactory(email="meera@example.com")
    page.goto("/")
    dialog = open_modal(page)
    dialog.get_by_label("Email").fill("meera@example.com")
    dialog.get_by_label("Password").fill("not the password")
    dialog.get_by_role("button", name="Sign in", exact=True).click()
    expect(dialog).to_contain_text("are not correct")
    expect(dialog.get_by_label("Email")).to_have_value("meera@example.com")
    expect(page).to_have_url(re.compile(r"/$"))


def test_signing_in_in_the_modal_shows_the_readers_name_without_reloading(page):
    UserFactory(email="meera@example.com", name="Meera Pillai")
    page.goto("/")
    page.evaluate("window.notReloaded = true")
    dialog = open_modal(page)
    dialog.get_by_label("Email").fill("meera@example.com")
    dialog.get_by_label("Password").fill(PASSWORD)
    dialog.get_by_role("button", name="Sign in", exact=True).click()
    expect(dialog).to_be_hidden()
    expect(page.locator("[data-account-menu] summary")).to_have_text("Meera Pillai")
    expect(page.get_by_role("link", name="Sign in")).to_be_hidden()
    assert page.evaluate("window.notReloaded") is True


def test_a_reader_signs_in_saves_a_story_finds_it_in_saved_stories_and_signs_out(page):
    UserFactory(email="meera@example.com", name="Meera Pillai")
    story = ArticleFactory(live=True, headline="Ferry timetable changes for the festival week")
    page.goto(story.get_absolute_url())
    dialog = open_modal(page)
    dialog.get_by_label("Email").fill("meera@example.com")
    dialog.get_by_label("Password").fill(PASSWORD)
    dialog.get_by_role("button", name="Sign in", exact=True).click()
    expect(dialog).to_be_hidden()
    expect(page.locator("[data-account-menu]")).to_be_visible()

    save = page.locator(f'main [data-save="{story.pk}"]').first
    expect(save).to_have_attribute("aria-pressed", "false")
    save.click()
    expect(save).to_have_attribute("aria-pressed", "true")
    expect(save).to_contain_text("Saved")

    menu = page.locator("[data-account-menu]")
    menu.locator("summary").click()
    menu.get_by_role("link", name="Saved stories").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Saved stories")
    expect(page.get_by_role("main")).to_contain_text(story.headline)

    page.locator("[data-account-menu] summary").click()
    page.locator("[data-account-menu]").get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    expect(page.locator("[data-account-menu]")).to_have_count(0)


def test_save_asks_an_anonymous_reader_to_sign_in_first(page):
    story = ArticleFactory(live=True)
    page.goto(story.get_absolute_url())
    page.locator(f'main [data-save="{story.pk}"]').first.click()
    expect(page.get_by_role("dialog", name="Welcome Back!")).to_be_visible()


def sign_in_in_modal(dialog, email):
    dialog.get_by_label("Email").fill(email)
    dialog.get_by_label("Password").fill(PASSWORD)
    dialog.get_by_role("button", name="Sign in", exact=True).click()
    expect(dialog).to_be_hidden()


def test_a_story_saved_while_signed_out_is_saved_once_the_reader_signs_in(page):
    reader = UserFactory(email="meera@example.com")
    story = ArticleFactory(live=True)
    page.goto(story.get_absolute_url())
    save = page.locator(f'main [data-save="{story.pk}"]').first
    save.click()
    sign_in_in_modal(page.get_by_role("dialog", name="Welcome Back!"), reader.email)
    expect(save).to_have_attribute("aria-pressed", "true")
    assert SavedStory.objects.filter(user=reader, article=story).exists()


def test_signing_out_returns_the_reader_to_the_story_and_says_so(page):
    reader = UserFactory(email="meera@example.com")
    story = ArticleFactory(live=True)
    page.goto(story.get_absolute_url())
    sign_in_in_modal(open_modal(page), reader.email)
    page.locator("[data-account-menu] summary").click()
    page.locator("[data-account-menu]").get_by_role("button", name="Sign out").click()
    notice = page.get_by_role("main").get_by_role("status").filter(has_text="signed out")
    expect(notice).to_have_text("You have signed out.")
    expect(page).to_have_url(re.compile(re.escape(story.get_absolute_url()) + "$"))
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()


def test_a_save_clicked_before_the_reader_state_arrives_waits_for_it(page):
    story = ArticleFactory(live=True)
    held = []
    page.route("**/accounts/state/**", lambda route: held.append(route))
    page.goto(story.get_absolute_url())
    for _ in range(50):  # the held request reaches the handler between Playwright calls
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the page asks who is reading"
    page.locator(f'main [data-save="{story.pk}"]').first.click()
    held[0].continue_()
    expect(page.get_by_role("dialog", name="Welcome Back!")).to_be_visible()
    expect(page).to_have_url(re.compile(re.escape(story.get_absolute_url()) + "$"))


def test_signing_up_in_the_modal_ends_on_the_verify_your_email_step(page):
    page.goto("/")
    dialog = open_modal(page)
    dialog.get_by_role("link", name="Create an account").click()
    dialog.locator("#id_password1").fill("lanterns over the river")
    dialog.locator("#id_email").fill("tara@example.com")
    dialog.locator("#id_password2").fill("lanterns over the river")
    dialog.get_by_role("button", name="Sign Up").click()
    expect(dialog.get_by_role("heading", name="Verify Your Email Address")).to_be_visible()
    expect(dialog.get_by_role("heading", name="Welcome Back!")).to_be_hidden()
    expect(page).to_have_url(re.compile(r"/$"))
