"""Embeds in Chromium: nothing third-party loads before the reader's click, then the player
loads from the provider's privacy-friendly host; the editor's Embed button and pasted
addresses; axe finds nothing on a story with embeds.

No network is needed: every request that would leave 127.0.0.1 is answered here with a tiny
local page (Playwright routing), and recorded.
"""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.editor import new_paragraph_at_end
from tests.browser.signin import sign_in
from tests.browser.test_accessibility import violations
from tests.browser.test_csp_browser import Violations
from tests.factories import ArticleFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

YOUTUBE_ID = "Xq3v9LwTz0A"
TWEET_ID = "1790000000000000001"
BODY = (
    "<p>The first rain of the season reached the ghats on Monday night.</p>"
    f'<figure data-embed="youtube" data-id="{YOUTUBE_ID}">'
    "<figcaption>Clouds rolling over the Sahyadri ridge</figcaption></figure>"
    "<p>Farmers in the valley had waited three weeks longer than usual.</p>"
    f'<figure data-embed="x" data-id="{TWEET_ID}"></figure>'
    "<p>The weather office expects heavy showers until Thursday.</p>"
)
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


class ThirdParties:
    """Records every request a page makes beyond the test server, answering it locally."""

    def __init__(self, page):
        self.requests: list[str] = []
        page.context.route("**/*", self._route)

    def _route(self, route) -> None:
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
            route.fallback()  # ours: the test server (or the media route)
            return
        self.requests.append(route.request.url)
        route.fulfill(
            status=200,
            content_type="text/html",
            body="<!doctype html><title>player</title><p>A player would be here.</p>",
        )


def story(**kwargs) -> Article:
    return ArticleFactory(live=True, body=BODY, **kwargs)


def test_no_request_leaves_the_site_before_the_reader_clicks(page):
    article = story()
    outside = ThirdParties(page)
    page.goto(article.get_absolute_url())
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("button", name="Load video from YouTube")).to_be_visible()
    expect(page.get_by_role("button", name="Load post from X")).to_be_visible()
    assert outside.requests == []


def test_after_the_click_the_player_loads_from_the_privacy_friendly_host(page):
    article = story()
    outside = ThirdParties(page)
    csp = Violations(page)
    page.goto(article.get_absolute_url())
    page.get_by_role("button", name="Load video from YouTube").click()
    frame = page.locator("iframe.embed__frame")
    expect(frame).to_have_count(1)
    expect(frame).to_have_attribute(
        "src", f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?autoplay=1"
    )
    expect(frame).to_have_attribute(
        "title", "YouTube video: Clouds rolling over the Sahyadri ridge"
    )
    expect(frame).to_have_attribute("loading", "lazy")
    expect(frame).to_have_attribute("sandbox", re.compile("allow-scripts"))
    expect(frame).to_be_focused()
    for _ in range(100):  # the request is made a moment after the frame is
        if outside.requests:
            break
        page.wait_for_timeout(100)
    assert outside.requests, "the player was requested"
    assert {urlsplit(url).hostname for url in outside.requests} == {"www.youtube-nocookie.com"}
    assert csp.found() == []  # the page's frame-src lets exactly this player in
    # The other embed is still a facade: nothing of X's was asked for.
    expect(page.get_by_role("button", name="Load post from X")).to_be_visible()


def test_without_javascript_the_facade_is_a_link_to_the_original(new_page):
    article = story()
    page = new_page(java_script_enabled=False)
    page.goto(article.get_absolute_url())
    link = page.get_by_role("link", name="Video on YouTube")
    expect(link).to_have_attribute("href", f"https://www.youtube.com/watch?v={YOUTUBE_ID}")
    expect(page.get_by_role("button", name="Load video from YouTube")).to_be_hidden()


@pytest.mark.parametrize("width", [(360, 740), (1280, 900)])
def test_a_story_with_embeds_has_no_wcag_violations(new_page, width):
    article = story()
    page = new_page(viewport={"width": width[0], "height": width[1]})
    ThirdParties(page)
    page.goto(article.get_absolute_url())
    found = violations(page, f"article with embeds at {width[0]}px")
    # The facade fits a narrow screen: the page never scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.get_by_role("button", name="Load video from YouTube").click()
    expect(page.locator("iframe.embed__frame")).to_have_count(1)
    found += violations(page, "after the click")
    assert not found, "\n".join(found)


def open_editor(page, article):
    sign_in(page, UserFactory(role="Editor"))
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    prose = page.locator(".tiptap.ProseMirror[contenteditable=true]")
    expect(prose).to_be_visible()
    return prose


def test_the_embed_button_refuses_an_unknown_address_and_embeds_a_known_one(page):
    article = ArticleFactory(body="<p>Rain reached the coast on Sunday.</p>")
    csp = Violations(page)
    prose = open_editor(page, article)
    prose.click()
    page.keyboard.press("End")
    page.get_by_role("button", name="Embed a video, post, track or map").click()
    dialog = page.get_by_role("dialog", name="Embed")
    dialog.get_by_label("Address").fill("https://example.com/not-a-video")
    dialog.get_by_role("button", name="Embed", exact=True).click()
    expect(dialog.get_by_role("alert")).to_contain_text("cannot be embedded")
    dialog.get_by_label("Address").fill(f"https://youtu.be/{YOUTUBE_ID}")
    dialog.get_by_label("Caption (optional)").fill("Waves at Marine Drive")
    dialog.get_by_role("button", name="Embed", exact=True).click()
    expect(dialog).to_be_hidden()
    box = prose.locator(".embed-node")
    expect(box).to_contain_text("YouTube video")
    expect(box).to_contain_text("Waves at Marine Drive")
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    body = Article.objects.get(pk=article.pk).body
    assert body == (
        "<p>Rain reached the coast on Sunday.</p>"
        f'<figure data-embed="youtube" data-id="{YOUTUBE_ID}">'
        "<figcaption>Waves at Marine Drive</figcaption></figure>"
    )
    assert csp.found() == []


def test_an_address_pasted_on_its_own_line_becomes_an_embed(page):
    article = ArticleFactory(body="<p>The storm made landfall at dawn.</p>")
    prose = open_editor(page, article)
    new_paragraph_at_end(prose)
    url = f"https://x.com/imd_weather/status/{TWEET_ID}"
    prose.evaluate(
        """(element, url) => {
            const data = new DataTransfer();
            data.setData("text/plain", url);
            element.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true,
                                                              cancelable: true}));
        }""",
        url,
    )
    # The editor asks the server about the address first: give a busy machine time.
    expect(prose.locator(".embed-node")).to_contain_text("X post", timeout=20_000)
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    body = Article.objects.get(pk=article.pk).body
    assert f'<figure data-embed="x" data-id="{TWEET_ID}"></figure>' in body
