"""The frame every reader page shares, as Chromium shows it: cookie bar, header tools,
the mobile menu and the sign-in modal (LAYOUT.md, "Every page: the frame")."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import PASSWORD, ArticleFactory, SectionFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COOKIE_NOTICE = (
    "This website uses cookie or similar technologies, to enhance your browsing experience "
    "and provide personalised recommendations. By continuing to use our website, you agree "
    "to our Privacy Policy and Terms of Use."
)
PHONE = {"width": 360, "height": 740}
LIGHT_PAPER = "rgb(255, 255, 255)"
DARK_PAPER = "rgb(21, 23, 27)"


# The focused element, whether it is inside the cookie bar, and whether the bar covers any of it.
FOCUSED_AND_BAR = """() => {
  const el = document.activeElement;
  const bar = document.querySelector("[data-cookie-bar]");
  const a = el.getBoundingClientRect(), b = bar.getBoundingClientRect();
  const overlap = a.bottom > b.top && a.top < b.bottom && a.right > b.left && a.left < b.right;
  const name = (el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 40);
  const what = `${el.tagName.toLowerCase()} "${name}"`;
  return {inBar: bar.contains(el), overlap: overlap, what: what};
}"""


def expect_background(page, colour: str) -> None:
    expect(page.locator("body")).to_have_css("background-color", colour)


def font_size(locator) -> float:
    return locator.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")


def header_control(page, name: str):
    """A header dropdown's control: a <summary>, which Playwright gives no role, so by its title."""
    return page.get_by_role("banner").get_by_title(name, exact=True)


def focus_is_inside(locator) -> bool:
    return locator.evaluate("el => el.contains(document.activeElement)")


# Cookie bar


def test_the_cookie_bar_greets_a_first_visit_with_the_notice_and_its_two_links(page):
    page.goto("/")
    bar = page.get_by_role("region", name="Cookie notice")
    expect(bar).to_be_visible()
    expect(bar.get_by_text(COOKIE_NOTICE, exact=True)).to_be_visible()
    privacy = bar.get_by_role("link", name="Privacy Policy", exact=True)
    terms = bar.get_by_role("link", name="Terms of Use", exact=True)
    expect(privacy).to_have_attribute("href", reverse("articles:page", args=["privacy-policy"]))
    expect(terms).to_have_attribute("href", reverse("articles:page", args=["terms-of-use"]))
    expect(bar.get_by_role("button", name="Accept")).to_be_visible()


def test_accepting_cookies_hides_the_bar_for_good_after_reloads_and_on_other_pages(page):
    article = ArticleFactory(live=True)
    page.goto("/")
    bar = page.get_by_role("region", name="Cookie notice")
    bar.get_by_role("button", name="Accept").click()
    expect(bar).to_be_hidden()

    page.reload()
    expect(page.get_by_role("heading", level=1)).to_be_attached()
    expect(bar).to_be_hidden()
    page.goto(article.get_absolute_url())
    expect(page.get_by_role("heading", level=1, name=article.headline)).to_be_visible()
    expect(bar).to_be_hidden()
    assert page.evaluate("localStorage.getItem('cookie-consent')") == "accepted"


def test_on_a_phone_the_cookie_bar_never_covers_the_focused_element(new_page, reader_site):
    page = new_page(viewport={"width": 360, "height": 640})
    page.goto(reader_site.article.get_absolute_url())
    bar = page.get_by_role("region", name="Cookie notice")
    expect(bar).to_be_visible()
    assert bar.bounding_box()["height"] > 100  # tall enough to hide a whole link

    covered, stops = [], 0
    while stops < 300:
        page.keyboard.press("Tab")
        stops += 1
        focused = page.evaluate(FOCUSED_AND_BAR)
        if focused["inBar"]:  # reached the bar's own links and Accept: the end of the page
            break
        if focused["overlap"]:
            covered.append(focused["what"])
    assert stops > 40, "expected a long page of Tab stops before the cookie bar"
    assert not covered, f"the cookie bar covers {len(covered)} of {stops} Tab stops: {covered}"


# Font Resizer


def test_larger_text_enlarges_the_article_body_and_is_remembered_until_reset(page):
    article = ArticleFactory(live=True, body="<p>Ferries resume after the monsoon pause.</p>")
    page.goto(article.get_absolute_url())
    paragraph = page.get_by_text("Ferries resume after the monsoon pause.")
    default_size = font_size(paragraph)

    resizer = header_control(page, "Font Resizer")
    expect(resizer.get_by_text("Aa", exact=True)).to_be_visible()
    larger = page.get_by_role("button", name="Larger text")
    expect(larger).to_be_hidden()
    resizer.click()
    expect(larger).to_be_visible()
    larger.click()
    assert font_size(paragraph) > default_size
    enlarged = font_size(paragraph)

    page.reload()
    assert font_size(paragraph) == enlarged

    header_control(page, "Font Resizer").click()
    page.get_by_role("button", name="Default text size").click()
    assert font_size(paragraph) == default_size


def test_the_text_size_buttons_say_which_size_is_chosen_and_keep_it_after_a_reload(page):
    article = ArticleFactory(live=True)
    page.goto(article.get_absolute_url())
    header = page.get_by_role("banner")
    header_control(page, "Font Resizer").click()

    def pressed() -> list[str]:
        return [
            name
            for name in ("Smaller text", "Default text size", "Larger text")
            if header.get_by_role("button", name=name, exact=True).get_attribute("aria-pressed")
            == "true"
        ]

    assert pressed() == ["Default text size"]
    header.get_by_role("button", name="Larger text").click()
    expect(header.get_by_role("button", name="Larger text", pressed=True)).to_be_visible()
    assert pressed() == ["Larger text"]

    page.reload()
    header_control(page, "Font Resizer").click()
    assert pressed() == ["Larger text"]
    mobile_copy = page.locator("#mobile-menu [data-font-step='1']")
    expect(mobile_copy).to_have_attribute("aria-pressed", "true")

    header.get_by_role("button", name="Smaller text").click()
    assert pressed() == ["Default text size"]
    header.get_by_role("button", name="Smaller text").click()
    assert pressed() == ["Smaller text"]


# Dark mode


def test_the_dark_mode_toggle_darkens_a_light_page_and_is_remembered(new_page):
    page = new_page(color_scheme="light")
    page.goto("/")
    toggle = page.get_by_role("button", name="Dark mode")
    expect_background(page, LIGHT_PAPER)
    expect(toggle).to_have_attribute("aria-pressed", "false")

    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect_background(page, DARK_PAPER)

    page.reload()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect_background(page, DARK_PAPER)


def test_a_reader_whose_system_is_dark_gets_the_dark_page_without_a_click(new_page):
    page = new_page(color_scheme="dark")
    page.goto("/")
    expect(page.get_by_role("button", name="Dark mode")).to_have_attribute("aria-pressed", "true")
    expect_background(page, DARK_PAPER)


# Mobile menu


@pytest.fixture
def menu_sections(db):
    """Mobile-menu sections whose order (mobile_position) is not their alphabetical one."""
    SectionFactory(name="India", in_primary_menu=True, in_mobile_menu=True, mobile_position=1)
    SectionFactory(name="World", in_primary_menu=True, in_mobile_menu=True, mobile_position=3)
    SectionFactory(name="Trending", in_primary_menu=False, in_mobile_menu=True, mobile_position=2)
    SectionFactory(name="Career", in_primary_menu=False, in_mobile_menu=True, mobile_position=4)
    return ["India", "Trending", "World", "Career"]


def test_on_a_phone_the_menu_button_opens_the_mobile_menu_with_its_sections_in_order(
    new_page, menu_sections
):
    page = new_page(viewport=PHONE)
    page.goto("/")
    expect(page.get_by_role("navigation", name="Primary")).to_be_hidden()
    mobile = page.get_by_role("navigation", name="Mobile")
    expect(mobile).to_be_hidden()

    page.get_by_role("link", name="Menu").click()
    expect(mobile).to_be_visible()
    sections = mobile.get_by_role("list").filter(has_text="Trending")  # not a primary section
    expect(sections.get_by_role("link")).to_have_text(menu_sections)
    expect(mobile.get_by_text("Follow US", exact=True)).to_be_visible()
    year = timezone.localdate().year
    expect(mobile.get_by_text(f"© {year} NM Media. All Rights Reserved.")).to_be_visible()


def test_the_open_mobile_menu_holds_focus_and_escape_gives_it_back_to_the_menu_button(
    new_page, menu_sections
):
    page = new_page(viewport=PHONE)
    page.goto("/")
    menu_button = page.get_by_role("link", name="Menu")
    mobile = page.get_by_role("navigation", name="Mobile")
    menu_button.click()
    expect(mobile).to_be_visible()
    assert focus_is_inside(mobile)

    stops = mobile.evaluate(
        "el => el.querySelectorAll('a[href], button, summary').length"
    )  # more Tab presses than the panel has stops: focus must wrap, not leave
    for _ in range(stops + 2):
        page.keyboard.press("Tab")
        assert focus_is_inside(mobile)
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
        assert focus_is_inside(mobile)

    page.keyboard.press("Escape")
    expect(mobile).to_be_hidden()
    expect(menu_button).to_be_focused()


def test_without_javascript_the_menu_link_still_opens_the_mobile_menu(new_page, menu_sections):
    page = new_page(viewport=PHONE, java_script_enabled=False)
    page.goto("/")
    mobile = page.get_by_role("navigation", name="Mobile")
    expect(mobile).to_be_hidden()
    page.get_by_role("link", name="Menu").click()
    expect(page).to_have_url(re.compile(r"#mobile-menu$"))
    expect(mobile).to_be_visible()
    expect(mobile.get_by_role("link", name="Trending")).to_be_visible()


# Notifications


def test_the_bell_lists_the_nine_newest_stories_of_the_last_three_days_then_show_more(page):
    now = timezone.now()
    recent = [
        ArticleFactory(
            live=True, headline=f"Recent story {hours}", published_at=now - timedelta(hours=hours)
        )
        for hours in range(1, 12)
    ]
    ArticleFactory(live=True, headline="Old story", published_at=now - timedelta(hours=80))
    page.goto("/")

    bell = header_control(page, "Notification")
    bell.click()
    panel = (
        page.get_by_role("banner")
        .get_by_role("group")
        .filter(has=page.get_by_title("Notification", exact=True))
    )
    expect(panel.get_by_role("listitem").get_by_role("link")).to_have_text(
        [story.headline for story in recent[:9]]
    )
    expect(panel.get_by_role("link", name="Old story")).to_have_count(0)
    expect(panel.get_by_role("link").last).to_have_text("Show More")

    page.keyboard.press("Escape")
    expect(panel.get_by_role("link", name="Show More")).to_be_hidden()
    expect(bell).to_be_focused()

    bell.click()
    panel.get_by_role("link", name="Show More").click()
    expect(page).to_have_url(re.compile(re.escape(reverse("articles:latest")) + "$"))
    expect(page.get_by_role("heading", level=1, name="Latest News")).to_be_visible()


def test_a_page_kept_with_an_older_bell_and_latest_shows_the_newest_stories_once_loaded(
    page, settings
):
    from articles import page_cache

    settings.NEWSROOM_PAGE_CACHE = True
    page_cache._memo.token = None
    story = ArticleFactory(
        live=True, headline="Council approves the budget", section=SectionFactory(slug="city")
    )
    elsewhere = SectionFactory(slug="travel")  # not in the story's related boxes
    page.goto(story.get_absolute_url())
    ArticleFactory(live=True, headline="Bridge reopens after repairs", section=elsewhere)
    page_cache._memo.read_at = 0  # the change read now, not up to a second later

    kept = page.goto(story.get_absolute_url())
    assert kept.headers["x-page-cache"] == "hit"
    assert "Bridge reopens after repairs" not in kept.text()  # kept as it was rendered
    header_control(page, "Notification").click()
    bell = page.locator(".notifications__list")
    expect(bell.get_by_role("link").first).to_have_text("Bridge reopens after repairs")
    expect(bell.locator("time").first).to_have_text(
        re.compile(r"^(just now|\d+ (minute|hour)s? ago)$")
    )
    expect(page.locator(".notifications .badge")).to_have_text("2")
    latest = page.get_by_role("complementary", name="More stories").locator("[data-latest]")
    expect(latest.get_by_role("link", name="Bridge reopens after repairs")).to_have_count(1)
    expect(latest.get_by_role("link", name="Council approves the budget")).to_have_count(0)


def test_an_up_to_date_latest_box_is_left_as_it_is(page):
    ArticleFactory.create_batch(3, live=True)
    story = ArticleFactory(live=True)
    held = []
    page.route("**/site-parts/", lambda route: held.append(route))  # answered below
    page.goto(story.get_absolute_url())
    first = page.locator("[data-latest] li").first
    first.evaluate("li => { li.dataset.seen = 'yes'; }")
    with page.expect_response("**/site-parts/"):
        held[0].continue_()
    page.wait_for_timeout(100)  # site.js has applied the answer
    expect(page.locator("[data-latest] li").first).to_have_attribute("data-seen", "yes")


# Whether a click at the middle of Show More reaches it (not the cookie bar over it).
TOP_ELEMENT_AT_SHOW_MORE = """link => {
  const box = link.getBoundingClientRect();
  return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === link;
}"""


@pytest.mark.parametrize("width, height", [(1280, 800), (360, 640)])
def test_a_full_bell_fits_the_window_and_show_more_is_reachable_without_scrolling_the_page(
    new_page, width, height
):
    now = timezone.now()
    for hours in range(1, 10):
        ArticleFactory(
            live=True,
            headline=f"Story {hours}: state assembly passes the coastal zone bill after a long "
            "night of debate over fishing rights and new harbour limits",
            published_at=now - timedelta(hours=hours),
        )
    page = new_page(viewport={"width": width, "height": height})
    page.goto("/")
    expect(page.get_by_role("region", name="Cookie notice")).to_be_visible()
    header_control(page, "Notification").click()
    panel = page.locator(".notifications__panel")
    show_more = panel.get_by_role("link", name="Show More")
    expect(show_more).to_be_visible()

    panel_box, link_box = panel.bounding_box(), show_more.bounding_box()
    assert panel_box["y"] + panel_box["height"] <= height
    assert link_box["y"] >= 0 and link_box["y"] + link_box["height"] <= height
    assert show_more.evaluate(TOP_ELEMENT_AT_SHOW_MORE), "the cookie bar covers Show More"
    assert page.evaluate("window.scrollY") == 0
    expect(panel.get_by_role("listitem")).to_have_count(9)  # all nine, scrolling inside


# Sign-in modal


def test_the_sign_in_control_opens_a_modal_with_the_email_field_focused(page):
    page.goto("/")
    page.get_by_role("link", name="Sign in").click()
    dialog = page.get_by_role("dialog", name="Welcome Back!")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("heading", name="Welcome Back!")).to_be_visible()
    subheading = dialog.get_by_text("Sign in to your account", exact=True).filter(visible=True)
    expect(subheading).to_have_count(1)
    expect(dialog.get_by_label("Email")).to_be_focused()
    expect(dialog.get_by_label("Password")).to_be_visible()


def test_tab_stays_in_the_sign_in_modal_and_escape_returns_focus_to_the_control(page):
    page.goto("/")
    control = page.get_by_role("link", name="Sign in")
    control.click()
    dialog = page.get_by_role("dialog", name="Welcome Back!")
    expect(dialog.get_by_label("Email")).to_be_focused()

    for _ in range(6):  # close, email, password, submit: more presses than stops
        page.keyboard.press("Tab")
        assert focus_is_inside(dialog)
    for _ in range(6):
        page.keyboard.press("Shift+Tab")
        assert focus_is_inside(dialog)

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(control).to_be_focused()


def test_without_javascript_the_sign_in_control_leads_to_a_working_sign_in_page(new_page):
    user = UserFactory()
    page = new_page(java_script_enabled=False)
    page.goto("/")
    page.get_by_role("link", name="Sign in").click()
    expect(page).to_have_url(re.compile(re.escape(reverse("account_login")) + "$"))
    expect(page.get_by_role("heading", level=1, name="Welcome Back!")).to_be_visible()
    expect(page.get_by_role("main").get_by_text("Sign in to your account")).to_be_visible()

    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign in", exact=True).click()
    expect(page).to_have_url(re.compile(r"/$"))
    assert "sessionid" in {cookie["name"] for cookie in page.context.cookies()}
