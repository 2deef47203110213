"""Never lose a word, in Chromium: workflow buttons act on what is on screen, autosave brings
words back after the browser is closed, two editors see each other and merge, and leaving
with unsaved changes asks first."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article, Autosave
from tests.browser import signin
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, user) -> None:
    signin.sign_in(page, user)
    expect(page.locator("#user-tools")).to_contain_text("Welcome")


def open_story(page, article) -> None:
    page.goto(reverse("admin:articles_article_change", args=[article.pk]))
    expect(body_editor(page)).to_be_visible()


def body_editor(page):
    return page.locator(".field-body .ProseMirror[contenteditable=true]")


def type_at_end_of_body(page, text: str) -> None:
    body_editor(page).click()
    page.keyboard.press("Control+End")
    page.keyboard.type(text)


def expect_autosaved(page) -> None:
    expect(page.locator("#autosave-status")).to_contain_text("Saved as you type at")


def test_publish_now_with_an_unsaved_edit_puts_the_edit_live(page):
    editor = UserFactory(role="Editor")
    story = ArticleFactory(headline="Tram depot opens on Monday")
    sign_in(page, editor)
    open_story(page, story)
    page.get_by_label("Headline").fill("Tram depot opens on Tuesday")
    page.get_by_role("button", name="Publish now").click()
    expect(page.locator("ul.messagelist")).to_contain_text("Your changes were saved. Published.")
    reader = page.context.new_page()
    reader.goto(Article.objects.get(pk=story.pk).get_absolute_url())
    expect(reader.get_by_role("heading", level=1)).to_have_text("Tram depot opens on Tuesday")


def test_words_typed_before_the_browser_closed_come_back_after_restoring(new_page):
    editor = UserFactory(role="Editor")
    story = ArticleFactory(body="<p>The depot has forty bays.</p>")
    first = new_page()
    sign_in(first, editor)
    open_story(first, story)
    type_at_end_of_body(first, " Each bay takes one tram overnight.")
    expect_autosaved(first)
    first.context.close()  # no Save: the browser is gone

    second = new_page()
    sign_in(second, editor)
    open_story(second, story)
    offer = second.locator("#autosave-offer")
    expect(offer).to_contain_text("You have unsaved changes to this story")
    expect(offer.locator("ins")).to_contain_text("Each bay takes one tram overnight.")
    offer.get_by_role("link", name=re.compile("Restore your unsaved changes from")).click()
    expect(body_editor(second)).to_contain_text("Each bay takes one tram overnight.")
    second.get_by_role("button", name="Save", exact=True).first.click()
    expect(second.locator("ul.messagelist")).to_contain_text("was changed successfully")
    assert "Each bay takes one tram overnight." in Article.objects.get(pk=story.pk).body
    assert not Autosave.objects.exists()


def test_two_editors_see_each_other_and_their_saves_merge(new_page):
    asha = UserFactory(role="Editor", name="Asha Rao")
    ravi = UserFactory(role="Editor", name="Ravi Kumar")
    story = ArticleFactory(headline="Ferry fares rise", body="<p>Fares rise by a tenth.</p>")
    asha_page, ravi_page = new_page(), new_page()
    sign_in(asha_page, asha)
    sign_in(ravi_page, ravi)
    open_story(asha_page, story)
    open_story(ravi_page, story)

    asha_page.get_by_label("Headline").fill("Ferry fares rise from June")
    expect_autosaved(asha_page)
    type_at_end_of_body(ravi_page, " Monthly passes stay the same.")
    expect_autosaved(ravi_page)
    expect(ravi_page.locator("#presence")).to_contain_text("Asha Rao is editing this story")
    asha_page.get_by_label("Summary").fill("The first rise in four years.")
    expect(asha_page.locator("#presence")).to_contain_text("Ravi Kumar is editing this story")

    asha_page.get_by_role("button", name="Save", exact=True).first.click()
    expect(asha_page.locator("ul.messagelist")).to_contain_text("was changed successfully")
    ravi_page.get_by_label("Dateline").fill("Kochi")  # his next autosave hears of her save
    expect(ravi_page.locator("#presence")).to_contain_text("Asha Rao saved this story at")
    ravi_page.get_by_role("button", name="Save", exact=True).first.click()
    expect(ravi_page.locator("ul.messagelist")).to_contain_text("kept Asha Rao's changes")
    saved = Article.objects.get(pk=story.pk)
    assert saved.headline == "Ferry fares rise from June"
    assert saved.summary == "The first rise in four years."
    assert saved.dateline == "Kochi"
    assert "Monthly passes stay the same." in saved.body


def test_two_editors_changing_the_same_field_pick_a_version_side_by_side(new_page):
    asha = UserFactory(role="Editor", name="Asha Rao")
    ravi = UserFactory(role="Editor", name="Ravi Kumar")
    story = ArticleFactory(headline="Ferry fares rise")
    asha_page, ravi_page = new_page(), new_page()
    sign_in(asha_page, asha)
    sign_in(ravi_page, ravi)
    open_story(asha_page, story)
    open_story(ravi_page, story)
    asha_page.get_by_label("Headline").fill("Ferry fares rise in June")
    asha_page.get_by_role("button", name="Save", exact=True).first.click()
    expect(asha_page.locator("ul.messagelist")).to_contain_text("was changed successfully")

    ravi_page.get_by_label("Headline").fill("Ferry fares rise by a tenth")
    ravi_page.get_by_role("button", name="Save", exact=True).first.click()
    merge = ravi_page.locator("#merge")
    expect(merge).to_contain_text("Both of you changed these")
    expect(merge.locator("ins").first).to_be_visible()
    merge.get_by_label("Keep yours").check()
    ravi_page.get_by_role("button", name="Save", exact=True).first.click()
    expect(ravi_page.locator("ul.messagelist")).to_contain_text("was changed successfully")
    assert Article.objects.get(pk=story.pk).headline == "Ferry fares rise by a tenth"


def test_leaving_with_unsaved_changes_asks_first(page):
    editor = UserFactory(role="Editor")
    story = ArticleFactory(headline="Night buses return")
    sign_in(page, editor)
    open_story(page, story)
    page.get_by_label("Headline").fill("Night buses return next week")
    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()  # "stay on this page"

    page.on("dialog", answer)
    page.locator(".breadcrumbs").get_by_role("link", name="Articles").click()
    expect(page.get_by_label("Headline")).to_have_value("Night buses return next week")
    assert dialogs == ["beforeunload"]


def test_leaving_without_changes_does_not_ask(page):
    editor = UserFactory(role="Editor")
    story = ArticleFactory(headline="Night buses return")
    sign_in(page, editor)
    open_story(page, story)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.locator(".breadcrumbs").get_by_role("link", name="Articles").click()
    expect(page).to_have_url(re.compile(r"/admin/articles/article/$"))
    assert dialogs == []


def test_offline_changes_are_kept_in_the_browser_and_handed_over_when_back(page):
    editor = UserFactory(role="Editor")
    story = ArticleFactory(headline="Harbour dredging starts")
    sign_in(page, editor)
    open_story(page, story)
    page.route("**/autosave/", lambda route: route.abort())
    page.get_by_label("Headline").fill("Harbour dredging starts in May")
    expect(page.locator("#autosave-status")).to_contain_text("Offline: keeping your changes")
    page.unroute("**/autosave/")
    # The laptop died: the page is gone without asking, the browser's copy remains.
    page.close(run_before_unload=False)
    again = page.context.new_page()
    open_story(again, story)
    status = again.locator("#autosave-status")
    expect(status).to_contain_text("This browser kept changes that were not saved")
    status.get_by_role("link").click()
    expect(again.get_by_label("Headline")).to_have_value("Harbour dredging starts in May")
    # No request of the page left running as the test's database is emptied.
    again.wait_for_load_state("networkidle")


def test_a_new_story_is_saved_as_a_draft_by_its_first_autosave(page):
    writer = UserFactory(role="Writer")
    AuthorFactory(user=writer, name="Kiran Shah")
    SectionFactory(name="Pune", slug="pune")
    sign_in(page, writer)
    page.goto(reverse("admin:articles_article_add"))
    page.get_by_label("Headline").fill("Hill road reopens after landslide")
    page.keyboard.press("Tab")
    page.locator(".field-section .select2-selection").click()
    page.locator(".select2-search__field").fill("Pun")
    page.get_by_role("option", name="Pune", exact=True).click()
    expect_autosaved(page)
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    expect(page).to_have_url(re.compile(rf"/admin/articles/article/{article.pk}/change/$"))
    page.get_by_label("Summary").fill("Crews cleared the debris in two days.")
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.locator("ul.messagelist")).to_contain_text("successfully")
    assert Article.objects.count() == 1
    article.refresh_from_db()
    assert article.summary == "Crews cleared the debris in two days."
    assert [a.name for a in article.byline_authors] == ["Kiran Shah"]


def test_an_ended_session_is_said_and_the_words_are_not_taken_as_kept(page):
    editor = UserFactory(role="Editor")
    story = ArticleFactory(headline="Ring road tolls scrapped")
    sign_in(page, editor)
    open_story(page, story)
    page.context.clear_cookies()  # signed out elsewhere, or the session expired
    page.get_by_label("Headline").fill("Ring road tolls scrapped from April")
    expect(page.locator("#autosave-status")).to_contain_text("Your session has ended")
    assert not Autosave.objects.exists()
