"""The article page (and the home page's layout) as Chromium renders them: Copy Link,
where the Read More box and the sidebar land, and layouts at phone, tablet and desktop
widths (LAYOUT.md, "The article page, in order")."""

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image
from playwright.sync_api import expect

from tests.factories import ArticleFactory, SectionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (360, 768, 1280)
PARAGRAPHS = [
    "The first paragraph sets the scene at the harbour.",
    "The second paragraph quotes the harbour master.",
    "The third paragraph gives the numbers.",
    "The fourth paragraph looks at what comes next.",
    "The fifth paragraph closes the story.",
]


def jpeg(width: int, height: int) -> ContentFile:
    image = Image.new("RGB", (width, height), (40, 90, 160))
    image.paste((220, 120, 40), (0, 0, width // 3, height))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return ContentFile(out.getvalue())


def illustrated(width: int, height: int, **kwargs):
    article = ArticleFactory(live=True, **kwargs)
    article.featured_image.save("photo.jpg", jpeg(width, height))  # saves, with renditions
    return article


@pytest.fixture
def story(db):
    """A five-paragraph story with a 3:2 picture, three related stories and a 16:9 home lead."""
    harbour = SectionFactory(name="India")
    article = illustrated(
        600,
        400,
        headline="Harbour reopens after the storm",
        featured_image_alt="Fishing boats tied up along the harbour wall",
        body="".join(f"<p>{text}</p>" for text in PARAGRAPHS),
        section=harbour,
    )
    for number in range(3):
        ArticleFactory(live=True, section=harbour, headline=f"Related harbour story {number}")
    illustrated(640, 360, headline="Monsoon arrives early in Kerala", is_lead=True)
    return article


def viewport(width: int) -> dict[str, int]:
    return {"width": width, "height": 740 if width < 768 else 900}


def box(locator) -> dict[str, float]:
    found = locator.bounding_box()
    assert found is not None, f"{locator} is not rendered"
    return found


def scrolls_sideways(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def rendered_and_intrinsic_ratio(image) -> tuple[float, float]:
    expect(image).to_have_js_property("complete", True)
    return image.evaluate(
        """img => {
            if (!img.naturalWidth) throw new Error("image did not load: " + img.currentSrc);
            const box = img.getBoundingClientRect();
            return [box.width / box.height, img.naturalWidth / img.naturalHeight];
        }"""
    )


# Copy Link


def test_copy_link_puts_the_canonical_url_on_the_clipboard_and_says_so(new_page, story):
    page = new_page()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(story.get_absolute_url())
    share = page.get_by_role("region", name="Share This Article")

    share.get_by_role("link", name="Copy Link").click()
    expect(share.get_by_role("status")).to_have_text("Link copied to clipboard.")
    expect(share.get_by_role("link", name="Link copied!")).to_be_visible()
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical == page.url  # the page's own address, absolute
    assert page.evaluate("navigator.clipboard.readText()") == canonical


# Article layout


def test_the_read_more_box_sits_right_after_the_third_paragraph(new_page, story):
    page = new_page()
    page.goto(story.get_absolute_url())
    read_more = page.get_by_role("complementary", name="Read More")
    expect(read_more).to_be_visible()
    expect(read_more.get_by_role("listitem")).to_have_count(3)

    before, after = read_more.evaluate(
        """box => {
            const before = [];
            for (let el = box.previousElementSibling; el; el = el.previousElementSibling)
                before.unshift(el.textContent.trim());
            return [before, box.nextElementSibling.textContent.trim()];
        }"""
    )
    assert before == [f"Pune: {PARAGRAPHS[0]}", PARAGRAPHS[1], PARAGRAPHS[2]]
    assert after == PARAGRAPHS[3]


def test_latest_news_sits_beside_the_article_on_a_wide_screen(new_page, story):
    page = new_page(viewport=viewport(1280))
    page.goto(story.get_absolute_url())
    article = box(page.get_by_role("main").get_by_role("article"))
    latest = box(page.get_by_role("region", name="Latest News"))
    assert latest["x"] >= article["x"] + article["width"]
    assert latest["y"] < article["y"] + article["height"]  # side by side, not below


def test_latest_news_comes_after_the_article_on_a_phone(new_page, story):
    page = new_page(viewport=viewport(360))
    page.goto(story.get_absolute_url())
    article = box(page.get_by_role("main").get_by_role("article"))
    latest = box(page.get_by_role("region", name="Latest News"))
    assert latest["y"] >= article["y"] + article["height"]


# Responsive


@pytest.mark.parametrize("width", WIDTHS)
def test_neither_the_home_page_nor_an_article_scrolls_sideways(new_page, story, width):
    page = new_page(viewport=viewport(width))
    page.goto("/")
    expect(page.get_by_role("heading", name="Monsoon arrives early in Kerala")).to_be_visible()
    assert not scrolls_sideways(page), "the home page is wider than the window"

    page.goto(story.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert not scrolls_sideways(page), "the article page is wider than the window"


@pytest.mark.parametrize("width", WIDTHS)
def test_featured_images_keep_their_own_aspect_ratio(new_page, story, width):
    page = new_page(viewport=viewport(width))
    page.goto("/")
    lead = page.get_by_role("article").filter(
        has=page.get_by_role("heading", name="Monsoon arrives early in Kerala")
    )
    rendered, intrinsic = rendered_and_intrinsic_ratio(lead.locator("img"))
    assert rendered == pytest.approx(intrinsic, rel=0.02), "home page lead image"

    page.goto(story.get_absolute_url())
    image = page.get_by_role("img", name="Fishing boats tied up along the harbour wall")
    rendered, intrinsic = rendered_and_intrinsic_ratio(image)
    assert rendered == pytest.approx(intrinsic, rel=0.02), "article featured image"
