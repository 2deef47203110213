"""The frame every reader page shares: LAYOUT.md, "Every page: the frame"."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import ArticleFactory, SectionFactory
from tests.html import between, page, text

pytestmark = pytest.mark.django_db

COOKIE_TEXT = (
    "This website uses cookie or similar technologies, to enhance your browsing experience "
    "and provide personalised recommendations. By continuing to use our website, you agree "
    "to our Privacy Policy and Terms of Use."
)


@pytest.fixture
def home(client):
    return page(client.get("/"))


def test_cookie_bar_prints_the_notice_with_its_two_links_and_accept(home):
    bar = between(home, '<section class="cookie-bar"', "</section>")
    assert text(bar).startswith(COOKIE_TEXT)
    assert '<a href="/privacy-policy/">Privacy Policy</a>' in bar
    assert '<a href="/terms-of-use/">Terms of Use</a>' in bar
    assert ">Accept</button>" in bar


def test_header_menu_lists_home_then_the_primary_sections_in_order(client):
    SectionFactory(name="World", position=2)
    SectionFactory(name="India", position=1)
    SectionFactory(name="Trending", in_primary_menu=False, in_mobile_menu=True)
    nav = between(page(client.get("/")), '<nav class="primary-nav"', "</nav>")
    assert text(nav) == "Home India World"


def test_mobile_menu_lists_both_menus_follow_us_and_the_copyright(client):
    SectionFactory(name="India", position=1)
    SectionFactory(name="State", in_primary_menu=False, in_mobile_menu=True, mobile_position=2)
    SectionFactory(name="India News", in_primary_menu=False, in_mobile_menu=True, mobile_position=1)
    menu = text(between(page(client.get("/")), '<div class="offcanvas"', "</nav>"))
    year = timezone.localdate().year
    assert "Home India India News State Follow US" in menu
    assert "Font Resizer" in menu
    assert menu.endswith(f"© {year} NM Media. All Rights Reserved.")


def test_notification_bell_lists_up_to_nine_stories_from_the_last_72_hours(client):
    for hours in range(1, 12):
        ArticleFactory(
            live=True,
            headline=f"Fresh story {hours}",
            published_at=timezone.now() - timedelta(hours=hours),
        )
    ArticleFactory(
        live=True, headline="Old story", published_at=timezone.now() - timedelta(hours=80)
    )
    panel = between(page(client.get("/")), '<details class="dropdown notifications">', "</details>")
    assert "Notification" in panel
    assert panel.count("Fresh story") == 9
    assert "Fresh story 1<" in panel and "Fresh story 10<" not in panel
    assert panel.index("Fresh story 1<") < panel.index("Fresh story 2<")
    assert "Old story" not in panel
    assert panel.rstrip().endswith('<a class="show-more" href="/latest/">Show More</a>\n  </div>')


def test_header_has_the_font_resizer_search_dark_mode_and_sign_in_controls(home):
    header = between(home, '<header class="site-header">', "</header>")
    for name in ("Font Resizer", "Aa", "Dark mode", "Search", "Sign in", "Notification"):
        assert name in header
    assert 'action="/search/"' in header
    assert 'href="/accounts/login/"' in header


def test_the_cached_text_size_buttons_mark_the_default_size_as_chosen(home):
    header = between(home, '<header class="site-header">', "</header>")
    mobile = between(home, '<div class="offcanvas"', "</nav>")
    for frame in (header, mobile):
        resizer = between(frame, '<details class="dropdown font-resizer', "</details>")
        assert 'data-font-step="-1" aria-pressed="false"' in resizer
        assert 'data-font-step="0" aria-pressed="true"' in resizer
        assert 'data-font-step="1" aria-pressed="false"' in resizer


def test_sign_in_modal_shell_has_the_layout_headings(home):
    modal = between(home, '<dialog class="modal"', "</dialog>")
    assert ">Welcome Back!</h2>" in modal
    assert "<p>Sign in to your account</p>" in modal


def test_footer_has_follow_us_the_copyright_and_three_links(home):
    footer = text(between(home, '<footer class="site-footer">', "</footer>"))
    year = timezone.localdate().year
    assert "Follow US Facebook Twitter Instagram YouTube Telegram" in footer
    assert footer.endswith(
        f"© {year} NM Media. All Rights Reserved. About Us Privacy Policy Contact Us"
    )


def test_the_frame_follows_the_site_settings(client):
    from articles.models import SiteSettings

    SiteSettings(site_name="Harbour Times", publisher="Harbour Media", facebook_url="").save()
    html = page(client.get("/"))
    assert '<a class="logo" href="/">Harbour Times</a>' in html
    assert "© " in html and "Harbour Media. All Rights Reserved." in html
    assert "facebook.com" not in html


def test_reader_pages_work_without_javascript_by_marking_js_only_controls(home):
    assert '<html lang="en-IN" class="no-js"' in home
    assert 'class="button js-only" data-cookie-accept' in home
    assert '<script src="/static/js/site.js" defer></script>' in home


def test_a_frame_fragment_refuses_a_block_inside_it():
    from django.template import Template, TemplateSyntaxError

    with pytest.raises(TemplateSyntaxError, match="cannot hold a"):
        Template(
            '{% load newsroom %}{% frame_fragment "x" %}{% block a %}{% endblock %}'
            "{% endframe_fragment %}"
        )


def test_the_logo_as_a_pages_picture_is_a_full_url_on_each_host_and_scheme(
    client, settings, page_cache_on
):
    # Kept as a fragment of the frame: one per host and scheme, never another host's.
    settings.ALLOWED_HOSTS = ["one.example", "two.example"]
    first = page(client.get("/", HTTP_HOST="one.example"))
    second = page(client.get("/latest/", HTTP_HOST="two.example", secure=True))
    assert '<meta property="og:image" content="http://one.example/static/img/logo' in first
    assert '<meta property="og:image" content="https://two.example/static/img/logo' in second
