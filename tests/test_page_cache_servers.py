"""Two real servers on one database and one cache: after each kind of change, both serve
the new content within a few seconds (issue 7, "Serving")."""

import time

import pytest

from articles import page_cache
from tests.servers import get, requires_gunicorn

pytestmark = requires_gunicorn

DEADLINE = 5.0  # seconds: "within a few seconds"
SCHEDULED_IN = 4  # seconds
# Every server is asked under one name, as behind a load balancer: the copies are shared.
HOST = {"Host": "127.0.0.1"}

SEED = """
from datetime import timedelta
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from articles.models import Article, Section

city = Section.objects.create(name="City", slug="city", in_primary_menu=True)
editor = get_user_model().objects.create_user(email="editor@example.com", is_staff=True)
editor.groups.add(Group.objects.get(name="Editor"))
now = timezone.now()


def story(slug, headline, **fields):
    Article.objects.create(
        slug=slug, headline=headline, section=city, summary="A summary.",
        body="<p>Text.</p>", **fields,
    )


story("ferry", "Ferry service resumes after the storm",
      status="published", published_at=now - timedelta(hours=1))
story("budget", "Council drafts the new budget", status="draft")
culture = Section.objects.create(name="Culture", slug="culture")
Article.objects.create(
    slug="gallery", headline="Gallery reopens its upper floor", section=culture,
    summary="A summary.", body="<p>Text.</p>", status="published",
    published_at=now - timedelta(hours=2),
)
"""

CHANGE = """
from django.contrib.auth import get_user_model
from articles import workflow
from articles.models import Article
editor = get_user_model().objects.get(email="editor@example.com")
"""


@pytest.fixture(scope="module")
def site(module_gunicorn_servers):
    servers = module_gunicorn_servers(count=2)
    servers.shell(SEED)
    return servers


def page(base: str, path: str) -> tuple[int, str, str]:
    status, headers, body = get(base + path, headers=HOST)
    return status, headers.get("X-Page-Cache", ""), body.decode()


def cached_everywhere(site, path: str) -> None:
    """Every server answers `path` from the shared cache (after at most a few tries: each
    process may go on using the version it read for up to a second)."""
    eventually_everywhere(site, path, lambda status, cache, html: cache == "hit")


def eventually_everywhere(site, path: str, check, deadline: float = DEADLINE) -> float:
    """Seconds until every server's answer for `path` passes `check`; fails past `deadline`."""
    start = time.monotonic()
    pending = set(site.urls)
    while pending and time.monotonic() - start < deadline:
        pending = {base for base in pending if not check(*page(base, path))}
        if pending:
            time.sleep(0.1)
    assert not pending, f"still old after {deadline} s on {sorted(pending)}"
    return time.monotonic() - start


def test_a_page_one_server_rendered_is_served_by_the_other_from_the_shared_cache(site):
    time.sleep(page_cache.TOKEN_MEMO_SECONDS)  # past any version remembered from the seeding
    first = page(site.urls[0], "/section/city/")
    second = page(site.urls[1], "/section/city/")
    assert (first[1], second[1]) == ("miss", "hit")
    assert second[2] == first[2]


def test_a_story_published_on_one_server_shows_on_every_server(site):
    cached_everywhere(site, "/")
    site.shell(CHANGE + 'workflow.publish(article=Article.objects.get(slug="budget"), by=editor)')
    eventually_everywhere(site, "/", lambda status, cache, html: "new budget" in html)


def test_an_edited_live_story_shows_its_new_headline_on_every_server(site):
    cached_everywhere(site, "/news/ferry/")
    site.shell(
        CHANGE + 'story = Article.objects.get(slug="ferry")\n'
        'story.headline = "Ferry service resumes with a new timetable"\n'
        "story.save()\n"
    )
    eventually_everywhere(site, "/news/ferry/", lambda status, cache, html: "timetable" in html)


def test_a_page_that_does_not_show_an_edited_story_stays_cached_on_every_server(site):
    for path in ("/section/culture/", "/news/gallery/", "/news/ferry/"):
        cached_everywhere(site, path)
    site.shell(
        CHANGE + 'story = Article.objects.get(slug="ferry")\n'
        'story.headline = "Ferry service resumes on the winter schedule"\n'
        "story.save()\n"
    )
    eventually_everywhere(site, "/news/ferry/", lambda status, cache, html: "winter" in html)
    for base in site.urls:
        for path in ("/section/culture/", "/news/gallery/"):
            assert page(base, path)[1] == "hit", f"{path} rendered again on {base}"


def test_an_unpublished_story_is_gone_from_every_server(site):
    cached_everywhere(site, "/news/ferry/")
    site.shell(CHANGE + 'workflow.unpublish(article=Article.objects.get(slug="ferry"), by=editor)')
    eventually_everywhere(site, "/news/ferry/", lambda status, cache, html: status == 404)


def test_a_scheduled_story_goes_live_on_every_server_when_its_time_comes(site):
    site.shell(
        CHANGE + "from datetime import timedelta\n"
        "from django.utils import timezone\n"
        'story = Article.objects.create(slug="markets", section_id=1, summary="A summary.",\n'
        '    headline="Night markets return to the old quarter", body="<p>Text.</p>")\n'
        f"workflow.schedule(article=story, by=editor, at=timezone.now() + "
        f"timedelta(seconds={SCHEDULED_IN}))\n"
    )
    scheduled_at = time.monotonic()
    cached_everywhere(site, "/latest/")
    assert "Night markets" not in page(site.url, "/latest/")[2]
    time.sleep(max(0.0, scheduled_at + SCHEDULED_IN - time.monotonic()))
    eventually_everywhere(site, "/latest/", lambda status, cache, html: "Night markets" in html)


@pytest.fixture(scope="module")
def proxied_site(module_gunicorn_servers):
    """Two servers told that a proxy in front sets X-Forwarded-Proto (DJANGO_BEHIND_PROXY)."""
    return module_gunicorn_servers(count=2, environment={"DJANGO_BEHIND_PROXY": "1"})


def test_behind_a_proxy_a_page_one_server_made_for_https_is_not_served_to_http(proxied_site):
    first, second = proxied_site.urls
    _, _, https = get(first + "/robots.txt", headers={**HOST, "X-Forwarded-Proto": "https"})
    _, _, http = get(second + "/robots.txt", headers={**HOST, "X-Forwarded-Proto": "http"})
    assert "Sitemap: https://127.0.0.1/sitemap.xml" in https.decode()
    assert "Sitemap: http://127.0.0.1/sitemap.xml" in http.decode()
