"""Counters as you type on the article form, in Chromium under the admin's real policy."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.signin import sign_in
from tests.browser.test_csp_browser import Violations
from tests.factories import ArticleFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OVER = re.compile(r"\bcounter--over\b")


def words(count: int) -> str:
    return " ".join(f"word{n}" for n in range(count))


def open_change_form(page, **article):
    article = ArticleFactory(**article)
    sign_in(page, UserFactory(role="Editor"))
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    return article


def editor(page):
    prose = page.locator(".tiptap.ProseMirror[contenteditable=true]")
    expect(prose).to_be_visible()
    return prose


def test_typing_a_headline_updates_its_count_and_past_110_it_turns_amber_and_says_why(page):
    violations = Violations(page)
    open_change_form(page, headline="Tides")
    headline = page.locator("#id_headline")
    counter = page.locator("#id_headline_counter")
    expect(counter).to_have_text("5 / 110 characters")
    expect(counter).not_to_have_class(OVER)

    headline.click()
    headline.press("End")
    headline.press_sequentially(" rise")
    expect(counter).to_have_text("10 / 110 characters")

    headline.fill("x" * 110)
    expect(counter).to_have_text("110 / 110 characters")
    expect(counter).not_to_have_class(OVER)
    headline.press("End")
    headline.press_sequentially("y")
    expect(counter).to_have_text("111 / 110 characters — longer than Google News shows")
    expect(counter).to_have_class(OVER)

    # Described by its help, if any, and its counter; not announced at every keystroke.
    expect(headline).to_have_attribute("aria-describedby", "id_headline_counter")
    expect(counter).not_to_have_attribute("aria-live", re.compile(".*"))
    expect(counter).not_to_have_attribute("role", re.compile(".*"))
    assert violations.found() == []


def test_the_summary_counts_characters_up_to_what_search_results_show(page):
    open_change_form(page, summary="")
    summary = page.locator("#id_summary")
    counter = page.locator("#id_summary_counter")
    expect(counter).to_have_text("0 / 160 characters")
    summary.press_sequentially("Ça va.")  # characters, as the server counts them
    expect(counter).to_have_text("6 / 160 characters")
    summary.fill("s" * 161)
    expect(counter).to_have_text(
        "161 / 160 characters — longer than search results show, if there is no SEO description"
    )
    expect(counter).to_have_class(OVER)
    # The help text is still described, the counter appended to it.
    expect(summary).to_have_attribute("aria-describedby", "id_summary_helptext id_summary_counter")


def test_words_typed_in_the_body_update_words_and_reading_time_as_the_server_counts_them(page):
    violations = Violations(page)
    article = open_change_form(page, body="<p>Old text.</p>")
    counter = page.locator("#id_body_counter")
    expect(counter).to_have_text("2 words · 1 min read")

    prose = editor(page)
    prose.click()
    page.keyboard.press("Control+a")
    page.keyboard.type("One")
    expect(counter).to_have_text("1 word · 1 min read")
    page.keyboard.type(" " + words(199))
    expect(counter).to_have_text("200 words · 1 min read")
    page.keyboard.press("Control+b")
    page.keyboard.type(" bold")
    page.keyboard.press("Control+b")
    expect(counter).to_have_text("201 words · 2 min read")

    # The editor the user types in is described by the counter too.
    expect(prose).to_have_attribute("aria-describedby", re.compile(r"\bid_body_counter\b"))
    expect(page.locator("#id_body")).to_have_attribute(
        "aria-describedby", "id_body_helptext id_body_counter"
    )

    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert Article.objects.get(pk=article.pk).reading_minutes == 2
    assert violations.found() == []


def test_the_body_counter_splits_words_at_tags_as_the_server_does(page):
    article = open_change_form(page, body="<p>Tides rose</p><p>two<strong>metres</strong></p>")
    counter = page.locator("#id_body_counter")
    expect(counter).to_have_text("4 words · 1 min read")
    assert len(Article.objects.get(pk=article.pk).body_text.split()) == 4


def test_seo_counters_count_once_the_search_engines_group_is_opened(page):
    open_change_form(page, seo_title="", seo_description="")
    title = page.locator("#id_seo_title")
    expect(title).to_be_hidden()
    page.get_by_text("Search engines", exact=True).click()
    expect(title).to_be_visible()

    title_counter = page.locator("#id_seo_title_counter")
    expect(title_counter).to_have_text("0 / 60 characters")
    title.fill("t" * 58)
    expect(title_counter).to_have_text("58 / 60 characters")
    expect(title_counter).not_to_have_class(OVER)
    title.press("End")
    title.press_sequentially("ttt")
    expect(title_counter).to_have_text("61 / 60 characters — longer than search results show")
    expect(title_counter).to_have_class(OVER)

    description = page.locator("#id_seo_description")
    description_counter = page.locator("#id_seo_description_counter")
    description.fill("d" * 150)
    expect(description_counter).to_have_text("150 / 160 characters")
    expect(description_counter).not_to_have_class(OVER)
    expect(description).to_have_attribute(
        "aria-describedby", "id_seo_description_helptext id_seo_description_counter"
    )


def test_the_add_form_has_the_counters_too(page):
    violations = Violations(page)
    sign_in(page, UserFactory(role="Editor"))
    page.goto("/admin/articles/article/add/")
    expect(page.locator("#id_headline_counter")).to_have_text("0 / 110 characters")
    expect(page.locator("#id_body_counter")).to_have_text("0 words · 1 min read")
    page.locator("#id_headline").press_sequentially("Sea wall holds")
    expect(page.locator("#id_headline_counter")).to_have_text("14 / 110 characters")
    editor(page).click()
    page.keyboard.type("The sea wall held overnight.")
    expect(page.locator("#id_body_counter")).to_have_text("5 words · 1 min read")
    expect(page.locator("#id_summary_counter")).to_have_text("0 / 160 characters")
    expect(page.locator("#id_seo_title_counter")).to_have_text("0 / 60 characters")
    expect(page.locator("#id_seo_description_counter")).to_have_text("0 / 160 characters")
    assert violations.found() == []


def test_without_the_body_editor_the_textarea_is_counted(page):
    page.route("**/django_prose_editor/configurable.js", lambda route: route.abort())
    open_change_form(page, body="<p>Old text.</p>")
    body = page.locator("#id_body")
    expect(body).to_be_visible()
    body.fill("<p>Tides rose&nbsp;two metres</p>")
    expect(page.locator("#id_body_counter")).to_have_text("4 words · 1 min read")


LIGHT = ("rgb(138, 80, 0)", "rgb(255, 255, 204)")  # amber on the admin's pale warning yellow
DARK = ("rgb(245, 176, 65)", "rgb(88, 51, 5)")  # amber on its dark warning brown


@pytest.mark.parametrize(
    ("scheme", "chosen", "colours"),
    [
        ("light", "auto", LIGHT),
        ("dark", "auto", DARK),
        ("light", "dark", DARK),  # the admin's theme switch wins over the system's
        ("dark", "light", LIGHT),
    ],
)
def test_a_counter_past_its_mark_is_amber_in_the_light_and_the_dark_theme(
    new_page, scheme, chosen, colours
):
    page = new_page(color_scheme=scheme)
    page.add_init_script(f"localStorage.setItem('theme', '{chosen}')")
    open_change_form(page, headline="x" * 120)
    counter = page.locator("#id_headline_counter")
    expect(counter).to_have_class(OVER)
    expect(page.locator("html")).to_have_attribute("data-theme", chosen)
    text = counter.locator("span")
    expect(text).to_have_css("color", colours[0])
    expect(text).to_have_css("background-color", colours[1])
