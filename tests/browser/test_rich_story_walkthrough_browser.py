"""Issue 15's "Done when", in Chromium: a writer builds a story with a YouTube video (the Embed
button), an X post (its address pasted on a line of its own), two pictures from the library
(one chosen, one uploaded on the spot), a table pasted from Word and a pull quote, and sends
it for review; the editor publishes it; a reader sees it all at 360 and 1280 px, and nothing
third-party loads until the reader asks for it.

No network: every request that would leave the test server is answered locally by
`ThirdParties` (tests/browser/test_embeds_browser.py), which records it.
"""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from articles.models import Article, Picture
from tests.browser.editor import new_paragraph_at_end
from tests.browser.signin import sign_in
from tests.browser.test_accessibility import violations
from tests.browser.test_embeds_browser import ThirdParties
from tests.browser.test_paste_browser import PASTE
from tests.factories import ArticleFactory, PictureFactory, UserFactory, _jpeg

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORD_TABLE = Path(__file__).resolve().parent.parent / "fixtures" / "paste" / "word_table.html"
YOUTUBE_ID = "Mz4kR7tQw2E"
TWEET_ID = "1801234567890123456"
QUOTE = "We planted the saplings before the first rain, and every one of them took."


def prose_of(page):
    prose = page.locator(".tiptap.ProseMirror[contenteditable=true]")
    expect(prose).to_be_visible()
    return prose


def new_line(prose) -> None:
    new_paragraph_at_end(prose)
    expect(prose.get_by_text(QUOTE)).to_have_count(1)


def paste(prose, *, html: str = "", text: str = "") -> None:
    if html:
        prose.evaluate(PASTE, html)
        return
    prose.evaluate(
        """(element, text) => {
            const data = new DataTransfer();
            data.setData("text/plain", text);
            element.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data,
                                                              bubbles: true, cancelable: true}));
        }""",
        text,
    )


def test_a_rich_story_from_the_writers_desk_to_the_readers_screen(new_page, tmp_path):
    writer = UserFactory(role="Writer", name="Nandini Kulkarni")
    editor = UserFactory(role="Editor", name="Rohan Mehta")
    harbour = PictureFactory(
        alt="Fishing boats tied up along the harbour wall",
        caption="The harbour at first light",
        credit="Desk photo",
    )
    story = ArticleFactory(
        headline="A green belt takes root along the creek",
        body=f"<p>{QUOTE}</p><p>Volunteers from three wards turned out every Sunday.</p>",
        created_by=writer,
    )
    upload = tmp_path / "saplings.jpg"
    upload.write_bytes(_jpeg(1000, 700))

    # The writer builds the story in the body editor.
    writing = new_page()
    sign_in(writing, writer)
    writing.goto(f"/admin/articles/article/{story.pk}/change/")
    prose = prose_of(writing)

    new_line(prose)
    writing.get_by_role("button", name="Embed a video, post, track or map").click()
    dialog = writing.get_by_role("dialog", name="Embed")
    dialog.get_by_label("Address").fill(f"https://www.youtube.com/watch?v={YOUTUBE_ID}")
    dialog.get_by_label("Caption (optional)").fill("Planting day on the creek bank")
    dialog.get_by_role("button", name="Embed", exact=True).click()
    expect(prose.locator(".embed-node")).to_contain_text("YouTube video")

    new_line(prose)
    paste(prose, text=f"https://x.com/creekwatch/status/{TWEET_ID}")
    # The editor asks the server about the address first: give a busy machine time.
    expect(prose.locator(".embed-node")).to_have_count(2, timeout=20_000)

    new_line(prose)
    writing.get_by_role("button", name="Image", exact=True).click()
    dialog = writing.get_by_role("dialog", name="Insert a picture")
    dialog.get_by_label("Search by alt text, caption or credit").fill("harbour wall")
    dialog.get_by_role("button", name=f"Insert: {harbour.alt}").click()
    expect(prose.locator(f'figure[data-picture="{harbour.pk}"] img')).to_be_visible()

    new_line(prose)
    writing.get_by_role("button", name="Image", exact=True).click()
    dialog = writing.get_by_role("dialog", name="Insert a picture")
    dialog.get_by_label("Picture", exact=True).set_input_files(str(upload))
    dialog.get_by_label("Alt text (required)").fill("Rows of young mangrove saplings in mud")
    dialog.get_by_label("Credit", exact=True).fill("Nandini Kulkarni")
    dialog.get_by_role("button", name="Upload and insert").click()
    expect(dialog).to_be_hidden()
    uploaded = Picture.objects.get(uploaded_by=writer)

    new_line(prose)
    paste(prose, html=WORD_TABLE.read_text())
    expect(prose.locator("table")).to_have_count(1)

    prose.get_by_text(QUOTE).click()
    writing.get_by_role("button", name="Pull quote").click()
    expect(prose.locator("blockquote.pull-quote")).to_have_text(QUOTE)

    writing.get_by_role("button", name="Submit for review", exact=True).first.click()
    expect(writing.locator(".messagelist")).to_contain_text("Submitted for review")
    story.refresh_from_db()
    body = story.body
    assert f'<figure data-embed="youtube" data-id="{YOUTUBE_ID}">' in body
    assert f'<figure data-embed="x" data-id="{TWEET_ID}"></figure>' in body
    assert f'<figure data-picture="{harbour.pk}">' in body
    assert f'<figure data-picture="{uploaded.pk}">' in body
    assert "<table>" in body and "<thead>" in body
    assert f'<blockquote class="pull-quote"><p>{QUOTE}</p></blockquote>' in body

    # The editor publishes it.
    editing = new_page()
    sign_in(editing, editor)
    editing.goto(f"/admin/articles/article/{story.pk}/change/")
    editing.get_by_role("button", name="Approve and publish", exact=True).first.click()
    expect(editing.locator(".messagelist")).to_contain_text("Approved and published")
    story.refresh_from_db()
    assert story.status == Article.Status.PUBLISHED and story.is_live

    # A reader, on a phone and on a desktop.
    for width in (360, 1280):
        reading = new_page(viewport={"width": width, "height": 900})
        outside = ThirdParties(reading)
        reading.goto(story.get_absolute_url())
        expect(reading.get_by_role("button", name="Load video from YouTube")).to_be_visible()
        expect(reading.get_by_role("button", name="Load post from X")).to_be_visible()
        for picture in (harbour, uploaded):
            image = reading.get_by_role("img", name=picture.alt)
            expect(image).to_be_visible()
            assert (
                image.get_attribute("srcset")
                or image.locator("xpath=ancestor::picture/source").count()
            )
        expect(reading.locator(".table-scroll table")).to_have_count(1)
        expect(reading.locator("blockquote.pull-quote")).to_have_text(QUOTE)
        assert reading.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert violations(reading, f"story at {width} px") == []
        assert outside.requests == []  # nothing third-party before the click

        reading.get_by_role("button", name="Load video from YouTube").click()
        player = reading.locator("iframe")
        expect(player).to_have_count(1)
        assert player.get_attribute("src").startswith(
            f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}"
        )
        player.scroll_into_view_if_needed()  # a lazy frame loads once it is in view
        for _ in range(100):  # the request is made a moment after the frame is
            if outside.requests:
                break
            reading.wait_for_timeout(100)
        assert outside.requests, "the player was asked for once the reader clicked"
        assert {urlsplit(url).hostname for url in outside.requests} == {"www.youtube-nocookie.com"}
