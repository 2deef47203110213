"""Tables, pull quotes and rules in Chromium: made in the body editor, and read at 360 and
1280 px, where a wide table scrolls inside its own box and never the page."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.signin import sign_in
from tests.browser.test_accessibility import violations
from tests.factories import ArticleFactory, UserFactory
from tests.rich_body import CAPTION, RICH_BODY

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"narrow": (360, 740), "wide": (1280, 900)}


def test_a_writer_makes_a_captioned_table_a_pull_quote_and_a_rule_in_the_editor(page):
    article = ArticleFactory(body="<p>Before the table.</p><p>Quoted words.</p>")
    sign_in(page, UserFactory(role="Editor"))
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    prose = page.locator(".tiptap.ProseMirror[contenteditable=true]")
    expect(prose).to_be_visible()

    prose.get_by_text("Before the table.").click()
    page.keyboard.press("End")
    page.get_by_role("button", name="horizontal rule").click()
    page.get_by_role("button", name="Insert table").click()
    dialog = page.locator("dialog[open]")
    dialog.get_by_label("Rows").fill("2")
    dialog.get_by_label("Columns").fill("2")
    expect(dialog.get_by_label("Header row")).to_have_value("Yes")
    dialog.get_by_label("Caption").fill("Seats won")
    dialog.get_by_role("button", name="Insert table").click()
    expect(prose.locator("table caption")).to_have_text("Seats won")
    for text in ("Party", "Seats", "Green"):
        page.keyboard.type(text)
        page.keyboard.press("Tab")
    page.keyboard.type("12")
    page.get_by_role("button", name="Table caption").click()
    dialog = page.locator("dialog[open]")
    expect(dialog.get_by_label("Caption")).to_have_value("Seats won")
    dialog.get_by_label("Caption").fill("Seats won, by party")
    dialog.get_by_role("button", name="Set caption").click()
    expect(prose.locator("table caption")).to_have_text("Seats won, by party")

    prose.get_by_text("Quoted words.").click()
    page.get_by_role("button", name="Pull quote").click()
    expect(prose.locator("blockquote.pull-quote")).to_have_text("Quoted words.")

    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert Article.objects.get(pk=article.pk).body == (
        "<p>Before the table.</p><hr>"
        "<table><caption>Seats won, by party</caption>"
        "<thead><tr><th>Party</th><th>Seats</th></tr></thead>"
        "<tbody><tr><td>Green</td><td>12</td></tr></tbody></table>"
        '<blockquote class="pull-quote"><p>Quoted words.</p></blockquote>'
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_a_wide_table_scrolls_inside_its_box_and_never_the_page(new_page, width):
    article = ArticleFactory(live=True, body=RICH_BODY)
    w, h = WIDTHS[width]
    page = new_page(viewport={"width": w, "height": h})
    page.goto(article.get_absolute_url())
    box = page.get_by_role("region", name=CAPTION)
    expect(box).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    sizes = box.evaluate("box => [box.scrollWidth, box.clientWidth]")
    if width == "narrow":
        assert sizes[0] > sizes[1]  # the table is wider than its box: the box scrolls
        box.focus()
        page.keyboard.press("ArrowRight")
        for _ in range(20):  # scrolling is smooth: it takes a few frames
            if box.evaluate("box => box.scrollLeft") > 0:
                break
            page.wait_for_timeout(100)
        assert box.evaluate("box => box.scrollLeft") > 0  # moved by the keyboard
        assert page.evaluate("window.scrollX") == 0
    # The caption stays readable inside the box, however wide the table.
    caption = page.locator(".table-scroll caption").bounding_box()
    frame = box.bounding_box()
    assert caption["x"] >= frame["x"] - 1
    assert caption["x"] + caption["width"] <= frame["x"] + frame["width"] + 1
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_story_with_a_table_a_pull_quote_and_a_rule_has_no_wcag_violations(
    new_page, scheme, width
):
    article = ArticleFactory(live=True, body=RICH_BODY)
    w, h = WIDTHS[width]
    page = new_page(viewport={"width": w, "height": h}, color_scheme=scheme)
    page.goto(article.get_absolute_url())
    expect(page.locator(".article__body .pull-quote")).to_be_visible()
    expect(page.locator(".article__body hr")).to_have_count(1)
    found = violations(page, f"rich body [{scheme}, {w}px]")
    assert not found, f"{len(found)} accessibility violation(s):\n" + "\n".join(found)
