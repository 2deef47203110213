"""The media library in Chromium: the body editor's Image button picks a picture from the
library or uploads one on the spot; the story page shows it with its renditions, clean in
axe; a card's crop follows the picture's focal point."""

import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from articles.models import Article, Picture
from tests.browser.signin import sign_in
from tests.browser.test_accessibility import violations
from tests.factories import ArticleFactory, PictureFactory, UserFactory, _jpeg
from tests.pictures import encode, photo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_story(page, user, article):
    sign_in(page, user)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    prose = page.locator(".tiptap.ProseMirror[contenteditable=true]")
    expect(prose).to_be_visible()
    prose.click()
    page.keyboard.press("Control+End")
    return prose


def save(page):
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")


def test_the_image_button_puts_a_library_picture_in_the_body(page):
    editor = UserFactory(role="Editor")
    picture = PictureFactory(caption="Nets dry on the harbour wall.")
    PictureFactory(alt="A judge enters the court", caption="The bench.", credit="Agency")
    article = ArticleFactory(body="<p>The boats came back early.</p>")
    prose = open_story(page, editor, article)
    page.get_by_role("button", name="Image", exact=True).click()
    dialog = page.get_by_role("dialog", name="Insert a picture")
    dialog.get_by_label("Search by alt text, caption or credit").fill("harbour wall")
    expect(dialog.get_by_role("status")).to_have_text("1 pictures")
    dialog.get_by_label("Caption in this story").fill("Back before the storm")
    dialog.get_by_role("button", name=f"Insert: {picture.alt}").click()
    expect(dialog).to_be_hidden()
    shown = prose.locator(f'figure[data-picture="{picture.pk}"] img')
    expect(shown).to_have_attribute("alt", picture.alt)
    save(page)
    figure = f'<figure data-picture="{picture.pk}"><figcaption>Back before the storm</figcaption>'
    assert Article.objects.get(pk=article.pk).body == (
        f"<p>The boats came back early.</p>{figure}</figure>"
    )


def test_the_image_button_uploads_a_picture_on_the_spot(page, tmp_path):
    writer = UserFactory(role="Writer")
    article = ArticleFactory(body="<p>The ferry left on time.</p>", created_by=writer)
    file = tmp_path / "ferry.jpg"
    file.write_bytes(_jpeg())
    prose = open_story(page, writer, article)
    page.get_by_role("button", name="Image", exact=True).click()
    dialog = page.get_by_role("dialog", name="Insert a picture")
    dialog.get_by_label("Picture", exact=True).set_input_files(str(file))
    dialog.get_by_role("button", name="Upload and insert").click()
    expect(dialog.get_by_role("alert")).to_contain_text("Alt text")  # required
    dialog.get_by_label("Alt text (required)").fill("A ferry pulls away from the jetty")
    dialog.get_by_label("Credit", exact=True).fill("Desk photo")
    dialog.get_by_role("button", name="Upload and insert").click()
    expect(dialog).to_be_hidden()
    picture = Picture.objects.get(uploaded_by=writer)
    assert (picture.alt, picture.credit, picture.uploaded_by) == (
        "A ferry pulls away from the jetty",
        "Desk photo",
        writer,
    )
    expect(prose.locator(f'figure[data-picture="{picture.pk}"] img')).to_be_visible()
    save(page)
    assert (
        f'<figure data-picture="{picture.pk}"></figure>' in Article.objects.get(pk=article.pk).body
    )


def test_the_story_page_shows_the_body_picture_with_srcset_and_no_axe_violation(new_page):
    page = new_page(viewport={"width": 1280, "height": 900})
    picture = PictureFactory()
    body = (
        "<p>The season opened with a calm sea.</p>"
        f'<figure data-picture="{picture.pk}">'
        "<figcaption>Boats at first light</figcaption></figure>"
        "<p>Crews expect a good catch.</p>"
    )
    article = ArticleFactory(live=True, body=body)
    page.goto(article.get_absolute_url())
    image = page.locator(".article__body figure.body-picture img")
    expect(image).to_have_attribute("srcset", f"{image.get_attribute('srcset')}")
    assert "800w" in image.get_attribute("srcset")
    image.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    assert image.evaluate("img => img.currentSrc").endswith((".webp", ".jpg"))
    expect(page.locator(".article__body figure.body-picture figcaption")).to_have_text(
        "Boats at first light Photo: Desk archive"
    )
    assert violations(page, "article with a library picture") == []


@pytest.mark.parametrize(("focus_x", "colour"), [(0.05, "red"), (0.95, "blue")])
def test_a_thumbnail_crop_keeps_the_focal_point_in_frame(new_page, focus_x, colour):
    """A wide picture, left half red and right half blue, cropped to a 4:3 thumbnail."""
    page = new_page(viewport={"width": 1280, "height": 900})
    wide = encode(photo(1600, 400), "JPEG", quality=95)
    picture = PictureFactory(image__data=wide, focus_x=focus_x)
    ArticleFactory(live=True, featured_picture=picture)
    story = ArticleFactory(live=True)
    page.goto(story.get_absolute_url())  # the sidebar's Latest News lists the other story
    thumb = page.locator(".sidebar .thumb img").first
    thumb.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=thumb.element_handle()
    )
    shot = Image.open(io.BytesIO(thumb.screenshot())).convert("RGB")
    red, _, blue = shot.getpixel((shot.width // 2, shot.height // 2))
    assert ("red" if red > blue else "blue") == colour
