"""Reader pages from the shared cache, and every kind of change making them new again."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import page_cache, workflow
from articles.models import Article, ArticleAuthor
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    PageFactory,
    SectionFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


def status(response) -> str:
    return response.get(page_cache.STATUS_HEADER, "")


def test_a_page_asked_for_twice_is_served_from_the_cache_without_queries(
    client, django_assert_num_queries
):
    ArticleFactory(live=True, headline="Tram line extended to the airport")
    first = client.get("/")
    with django_assert_num_queries(0):
        second = client.get("/")
    assert (status(first), status(second)) == ("miss", "hit")
    assert second.content == first.content
    assert "Tram line extended to the airport" in second.content.decode()


def test_a_cached_page_keeps_its_public_headers_and_answers_a_conditional_get(client):
    ArticleFactory(live=True)
    first = client.get("/")
    hit = client.get("/")
    assert hit["Cache-Control"] == first["Cache-Control"]
    assert "public" in hit["Cache-Control"]
    assert hit["ETag"] == first["ETag"]
    again = client.get("/", headers={"if-none-match": hit["ETag"]})
    assert again.status_code == 304


def test_a_signed_in_reader_gets_the_same_cached_page_and_no_cookie(client):
    ArticleFactory(live=True)
    anonymous = client.get("/")
    client.force_login(UserFactory())
    signed_in = client.get("/")
    assert status(signed_in) == "hit"
    assert signed_in.content == anonymous.content
    assert not signed_in.cookies
    assert "Cookie" not in signed_in.get("Vary", "")


def test_publishing_a_story_shows_it_on_the_next_request(client, commit, editor):
    story = ArticleFactory(headline="Harbour bridge opens to cyclists")
    client.get("/")
    with commit():
        workflow.publish(article=story, by=editor)
    response = client.get("/")
    assert status(response) == "miss"
    assert "Harbour bridge opens to cyclists" in response.content.decode()


def test_editing_a_live_story_shows_the_new_text_on_every_page(client, commit):
    story = ArticleFactory(live=True, headline="Old headline about the ferry")
    client.get("/")
    client.get(story.get_absolute_url())
    with commit():
        story.headline = "New headline about the ferry"
        story.save()
    assert "New headline about the ferry" in client.get("/").content.decode()
    assert "New headline about the ferry" in client.get(story.get_absolute_url()).content.decode()


def test_unpublishing_a_story_takes_its_cached_page_down(client, commit, editor):
    story = ArticleFactory(live=True)
    assert client.get(story.get_absolute_url()).status_code == 200
    with commit():
        workflow.unpublish(article=story, by=editor)
    assert client.get(story.get_absolute_url()).status_code == 404


def test_a_scheduled_story_appears_when_its_time_comes_without_any_save(
    client, editor, monkeypatch
):
    story = ArticleFactory(headline="Night markets return to the old quarter")
    at = timezone.now() + timedelta(minutes=30)
    workflow.schedule(article=story, by=editor, at=at)
    page_cache.invalidate()  # as the commit would
    assert "Night markets" not in client.get("/").content.decode()
    assert status(client.get("/")) == "hit"
    later = at + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    response = client.get("/")
    assert status(response) == "miss"
    assert "Night markets return to the old quarter" in response.content.decode()


def test_renaming_a_section_shows_the_new_name(client, commit):
    section = SectionFactory(name="Metro", slug="metro")
    ArticleFactory(live=True, section=section)
    client.get("/")
    with commit():
        section.name = "City"
        section.save()
    assert ">City<" in client.get("/").content.decode()


def test_tagging_a_story_shows_the_tag_on_its_page(client, commit):
    story = ArticleFactory(live=True)
    client.get(story.get_absolute_url())
    with commit():
        story.tags.add("Monsoon")
    assert "Monsoon" in client.get(story.get_absolute_url()).content.decode()


def test_saving_a_draft_its_bylines_and_tags_keeps_the_cached_pages(client, commit):
    reporter = AuthorFactory()
    ArticleFactory(live=True, authors=[reporter], tags=["Harbour"])
    draft = ArticleFactory(headline="Draft about the harbour")
    client.get("/")
    with commit():
        draft.headline = "Second draft about the harbour"
        draft.save()
        draft.tags.add("Harbour")
        ArticleFactory(headline="A new draft", section=draft.section, authors=[reporter])
    assert status(client.get("/")) == "hit"


def test_saving_a_scheduled_story_keeps_the_pages_and_records_its_time(client, editor, commit):
    story = ArticleFactory(headline="Lantern festival returns to the river")
    client.get("/")
    at = timezone.now() + timedelta(minutes=10)
    with commit():
        workflow.schedule(article=story, by=editor, at=at)
    assert status(client.get("/")) == "hit"
    assert page_cache._state().next_live == at.timestamp()


def test_a_scheduled_story_going_live_keeps_the_pages_of_other_sections(
    client, editor, monkeypatch, settings
):
    settings.NEWSROOM_PAGE_CACHE_SOFT_SECONDS = 3600  # the bell may lag by more than the wait
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 7200  # and pages live longer than it
    sport, culture = SectionFactory(slug="sport"), SectionFactory(slug="culture")
    ArticleFactory(live=True, section=culture)
    story = ArticleFactory(section=sport, headline="Rowing club wins the river cup")
    at = timezone.now() + timedelta(minutes=30)
    workflow.schedule(article=story, by=editor, at=at)
    page_cache._reschedule()  # as the commit would
    for path in ("/section/sport/", "/section/culture/"):
        client.get(path)
    later = at + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    sport_page = client.get("/section/sport/")
    assert status(sport_page) == "miss"
    assert "Rowing club wins the river cup" in sport_page.content.decode()
    assert status(client.get("/section/culture/")) == "hit"


def test_sending_a_live_story_back_to_draft_makes_pages_new(client, commit):
    story = ArticleFactory(live=True)
    assert client.get(story.get_absolute_url()).status_code == 200
    with commit():
        story.status = Article.Status.DRAFT
        story.save()
    assert client.get(story.get_absolute_url()).status_code == 404


def test_a_byline_added_to_a_live_story_shows_on_its_page(client, commit):
    story = ArticleFactory(live=True)
    client.get(story.get_absolute_url())
    with commit():
        ArticleAuthor.objects.create(article=story, author=AuthorFactory(name="Kavya Menon"))
    assert "Kavya Menon" in client.get(story.get_absolute_url()).content.decode()


def test_a_page_rendered_while_content_changed_is_not_served_after_the_change(rf):
    """The page is stored under the version read when its request began."""
    rendered = []

    def render_during_a_change(request):
        response = _public_page(f"rendered {len(rendered)}")
        page_cache.invalidate()  # an editor's save commits while this page renders
        rendered.append(response)
        return response

    middleware = page_cache.PageCacheMiddleware(render_during_a_change)
    middleware(rf.get("/"))
    middleware(rf.get("/"))
    assert len(rendered) == 2  # the second request did not get the first, stale, copy


@pytest.mark.parametrize(
    "url",
    [
        "/accounts/login/",
        "/contact-us/",
        "/news/no-such-story/",
    ],
)
def test_pages_for_one_visitor_and_errors_are_never_stored(client, url):
    client.get(url)
    assert status(client.get(url)) != "hit"


def test_the_preview_is_never_stored(client, editor):
    story = ArticleFactory(headline="Draft about the budget")
    client.force_login(editor)
    client.get(reverse("articles:preview", args=[story.pk]))
    assert status(client.get(reverse("articles:preview", args=[story.pk]))) != "hit"


def test_the_benchmark_may_ask_for_an_uncached_page_only_in_bench_mode(client, settings):
    ArticleFactory(live=True)
    client.get("/")
    bypass = {page_cache.BYPASS_HEADER: "1"}
    assert status(client.get("/", headers=bypass)) == "hit"
    settings.NEWSROOM_BENCH = True
    assert status(client.get("/", headers=bypass)) == ""


def test_the_page_cache_can_be_switched_off(client, settings):
    settings.NEWSROOM_PAGE_CACHE = False
    ArticleFactory(live=True)
    client.get("/")
    assert status(client.get("/")) == ""


def _public_page(text: str):
    from django.http import HttpResponse

    response = HttpResponse(text)
    response["Cache-Control"] = "public, max-age=60"
    return response


# The frame (header, footer, menus, notifications): rendered once per content version.


def rendered_without_any_cache(client, settings, url: str) -> bytes:
    settings.NEWSROOM_PAGE_CACHE = False
    try:
        return client.get(url).content
    finally:
        settings.NEWSROOM_PAGE_CACHE = True


def test_pages_rendered_with_the_cached_frame_are_the_same_bytes(client, settings):
    india = SectionFactory(name="India", slug="india")
    story = ArticleFactory(live=True, section=india, headline="Monsoon reaches the coast")
    client.get("/")  # the frame is stored
    for url in (story.get_absolute_url(), "/section/india/", "/latest/", "/no-such-page/"):
        expected = rendered_without_any_cache(client, settings, url)
        response = client.get(url)
        assert status(response) in {"miss", ""}
        assert response.content == expected, url


def test_each_section_page_marks_its_own_menu_item_with_the_frame_cached(client):
    for name in ("India", "World"):
        ArticleFactory(live=True, section=SectionFactory(name=name, slug=name.lower()))
    client.get("/")
    for slug in ("india", "world", "india"):
        html = client.get(f"/section/{slug}/").content.decode()
        assert html.count('aria-current="page"') == 1
        assert f'<a href="/section/{slug}/" aria-current="page">' in html


def test_a_new_story_reaches_the_notifications_on_a_page_not_asked_for_before(
    client, commit, editor
):
    story = ArticleFactory(live=True)
    client.get("/")
    fresh = ArticleFactory(headline="Ferry service resumes after the storm")
    with commit():
        workflow.publish(article=fresh, by=editor)
    html = client.get(story.get_absolute_url()).content.decode()
    assert html.count("Ferry service resumes after the storm") >= 1
    bell = html.split('class="notifications__list"')[1].split("</ul>")[0]
    assert "Ferry service resumes after the storm" in bell


def test_a_page_under_a_cached_frame_runs_no_query_for_it(client, django_assert_num_queries):
    PageFactory(slug="about-us", title="About us")
    story = ArticleFactory(live=True)
    client.get(story.get_absolute_url())  # the frame of pages that are not in the menu
    with django_assert_num_queries(1):  # the page's own row
        assert status(client.get("/about-us/")) == "miss"


# What a page is kept under: scheme, host, path and the query parameters its view reads.


def canonical(response) -> str:
    html = response.content.decode()
    start = html.index('<link rel="canonical" href="') + len('<link rel="canonical" href="')
    return html[start : html.index('"', start)]


def test_a_page_rendered_for_https_is_never_served_to_http_readers(client):
    story = ArticleFactory(live=True)
    client.get(story.get_absolute_url(), secure=True)
    plain = client.get(story.get_absolute_url())
    assert status(plain) == "miss"
    assert canonical(plain) == f"http://testserver{story.get_absolute_url()}"


def test_behind_a_proxy_its_https_pages_are_kept_apart_from_its_http_ones(client, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    story = ArticleFactory(live=True)
    # The proxy's Host, as it sends it: without one the test client adds a port to https.
    proxied = {"host": "testserver"}
    https = client.get(story.get_absolute_url(), headers={**proxied, "x-forwarded-proto": "https"})
    http = client.get(story.get_absolute_url(), headers={**proxied, "x-forwarded-proto": "http"})
    assert (status(https), status(http)) == ("miss", "miss")
    assert canonical(https).startswith("https://") and canonical(http).startswith("http://")


@pytest.mark.parametrize(
    "query",
    ["?utm_source=newsletter&utm_medium=email", "?fbclid=IwAR0abc", "?gclid=Cj0KCQ", "?x=84213"],
)
def test_parameters_a_page_does_not_read_find_the_page_already_stored(client, query):
    ArticleFactory(live=True)
    client.get("/latest/")
    response = client.get("/latest/" + query)
    assert status(response) == "hit"


def test_random_parameters_make_no_new_cache_entries(client):
    from django.core.cache import cache

    ArticleFactory(live=True)
    client.get("/latest/")
    entries = len(cache._cache)
    for n in range(20):
        client.get(f"/latest/?x={n}", {"utm_campaign": n})
    assert len(cache._cache) == entries


def test_a_page_first_asked_for_with_tracking_parameters_is_stored_without_them(client):
    section = SectionFactory(name="Metro", slug="metro")
    ArticleFactory.create_batch(45, live=True, section=section)
    client.get("/section/metro/?utm_source=spam&page=2")
    clean = client.get("/section/metro/?page=2")
    assert status(clean) == "hit"
    assert "utm_source" not in clean.content.decode()


def test_each_page_of_a_list_is_kept_apart(client):
    section = SectionFactory(name="Metro", slug="metro")
    ArticleFactory.create_batch(25, live=True, section=section)
    first, second = client.get("/section/metro/"), client.get("/section/metro/?page=2")
    assert (status(first), status(second)) == ("miss", "miss")
    assert first.content != second.content


def test_search_pages_are_kept_by_their_query(client):
    ArticleFactory(live=True, headline="Ferry timetable changes")
    ArticleFactory(live=True, headline="Budget passes the council")
    client.get("/search/?q=ferry")
    budget = client.get("/search/?q=budget")
    again = client.get("/search/?q=ferry&utm_source=x")
    assert (status(budget), status(again)) == ("miss", "hit")
    assert "Budget passes the council" in budget.content.decode()


def test_a_page_of_a_view_that_reads_no_parameter_ignores_them_all(client):
    story = ArticleFactory(live=True)
    client.get(story.get_absolute_url())
    assert status(client.get(story.get_absolute_url() + "?page=7&q=x")) == "hit"


def test_pages_that_are_not_reader_pages_keep_their_parameters(client):
    response = client.get("/accounts/login/?next=/accounts/saved/")
    assert 'value="/accounts/saved/"' in response.content.decode()


def test_a_search_query_never_reaches_the_frame_other_pages_share(client):
    story = ArticleFactory(live=True)
    client.get("/search/?q=poisonword")  # the first page after a change renders the frame
    assert "poisonword" not in client.get(story.get_absolute_url()).content.decode()


# Targeted invalidation: a change replaces the pages that show it, and no other.


def test_editing_a_live_story_keeps_the_pages_that_do_not_show_it(client, commit):
    sport, culture = SectionFactory(slug="sport"), SectionFactory(slug="culture")
    edited = ArticleFactory(live=True, section=sport, headline="Ferry fares frozen")
    other = ArticleFactory(live=True, section=culture)
    for path in ("/section/culture/", other.get_absolute_url(), "/section/sport/"):
        client.get(path)
    with commit():
        edited.headline = "Ferry fares frozen for a year"
        edited.save()
    assert status(client.get("/section/culture/")) == "hit"
    assert status(client.get(other.get_absolute_url())) == "hit"
    sport_page = client.get("/section/sport/")
    assert status(sport_page) == "miss"
    assert "Ferry fares frozen for a year" in sport_page.content.decode()


def test_publishing_a_story_keeps_the_pages_of_other_sections_and_tags(client, commit, editor):
    sport, culture = SectionFactory(slug="sport"), SectionFactory(slug="culture")
    ArticleFactory(live=True, section=culture, tags=["Theatre"])
    story = ArticleFactory(section=sport, tags=["Rowing"], headline="Regatta moves to May")
    for path in ("/section/culture/", "/tag/theatre/", "/section/sport/", "/tag/rowing/"):
        client.get(path)
    with commit():
        workflow.publish(article=story, by=editor)
    assert status(client.get("/section/culture/")) == "hit"
    assert status(client.get("/tag/theatre/")) == "hit"
    assert "Regatta moves to May" in client.get("/section/sport/").content.decode()
    assert "Regatta moves to May" in client.get("/tag/rowing/").content.decode()


def test_a_story_sharing_a_tag_joins_the_related_boxes_once_the_page_is_half_an_hour_old(
    client, commit, editor, monkeypatch, settings
):
    story = ArticleFactory(live=True, tags=["Monsoon"])
    client.get(story.get_absolute_url())
    newer = ArticleFactory(tags=["Monsoon"], headline="Reservoirs fill a month early")
    with commit():
        workflow.publish(article=newer, by=editor)
    assert status(client.get(story.get_absolute_url())) == "hit"
    later = timezone.now() + timedelta(seconds=settings.NEWSROOM_PAGE_CACHE_SOFT_SECONDS)
    monkeypatch.setattr(timezone, "now", lambda: later)
    page = client.get(story.get_absolute_url())
    assert status(page) == "miss"
    related = page.content.decode().split('class="article__body"')[1]
    assert "Reservoirs fill a month early" in related.split('id="sidebar-latest-title"')[0]


def test_an_edit_to_a_story_in_the_related_boxes_reaches_them_once_the_page_is_half_an_hour_old(
    client, commit, monkeypatch, settings
):
    story = ArticleFactory(live=True, tags=["Monsoon"])
    shown = ArticleFactory(live=True, tags=["Monsoon"], headline="Reservoirs fill early")
    client.get(story.get_absolute_url())
    with commit():
        shown.headline = "Reservoirs fill a month early"
        shown.save()
    assert status(client.get(story.get_absolute_url())) == "hit"
    later = timezone.now() + timedelta(seconds=settings.NEWSROOM_PAGE_CACHE_SOFT_SECONDS)
    monkeypatch.setattr(timezone, "now", lambda: later)
    page = client.get(story.get_absolute_url())
    assert status(page) == "miss"
    assert "Reservoirs fill a month early" in page.content.decode()


def test_a_story_taken_down_leaves_the_related_boxes_at_once(client, commit, editor):
    story = ArticleFactory(live=True, tags=["Monsoon"])
    shown = ArticleFactory(live=True, tags=["Monsoon"], headline="Reservoirs fill early")
    client.get(story.get_absolute_url())
    with commit():
        workflow.unpublish(article=shown, by=editor)
    page = client.get(story.get_absolute_url())
    assert status(page) == "miss"
    assert "Reservoirs fill early" not in page.content.decode()


def test_a_new_story_elsewhere_reaches_the_latest_box_once_the_page_is_a_minute_old(
    client, commit, editor, monkeypatch, settings
):
    culture = SectionFactory(slug="culture")
    story = ArticleFactory(live=True, section=culture)
    client.get(story.get_absolute_url())
    newer = ArticleFactory(section=SectionFactory(slug="sport"), headline="Stadium roof fixed")
    with commit():
        workflow.publish(article=newer, by=editor)
    assert status(client.get(story.get_absolute_url())) == "hit"
    later = timezone.now() + timedelta(seconds=settings.NEWSROOM_PAGE_CACHE_SOFT_SECONDS)
    monkeypatch.setattr(timezone, "now", lambda: later)
    page = client.get(story.get_absolute_url())
    assert status(page) == "miss"
    assert "Stadium roof fixed" in page.content.decode()


def test_a_page_untouched_by_a_change_for_a_minute_stays_cached(
    client, commit, monkeypatch, settings
):
    story = ArticleFactory(live=True, section=SectionFactory(slug="culture"))
    draft = ArticleFactory(section=story.section)
    client.get(story.get_absolute_url())
    with commit():
        draft.headline = "Still a draft"
        draft.save()
    later = timezone.now() + timedelta(seconds=settings.NEWSROOM_PAGE_CACHE_SOFT_SECONDS)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert status(client.get(story.get_absolute_url())) == "hit"


@pytest.fixture
def edit_in_sport(client, commit):
    """A live story in Sport and one in Culture, whose page is cached; calling it edits the
    Sport story's headline (committed)."""
    edited = ArticleFactory(live=True, section=SectionFactory(slug="sport"))
    ArticleFactory(live=True, section=SectionFactory(slug="culture"))
    client.get("/section/culture/")

    def edit() -> None:
        with commit():
            edited.headline = "Another headline"
            edited.save()

    return edit


def test_with_global_invalidation_any_change_replaces_every_page(client, settings, edit_in_sport):
    settings.NEWSROOM_PAGE_CACHE_INVALIDATION = "global"
    edit_in_sport()
    assert status(client.get("/section/culture/")) == "miss"


def test_a_change_whose_record_is_lost_renders_every_older_page_again(client, monkeypatch):
    from django.core.cache import cache

    ArticleFactory(live=True)
    client.get("/")
    token = page_cache.current_token()
    cache.incr(page_cache._seq_key(token))  # a number taken, its record never written
    page_cache._memo.read_at = 0.0
    assert status(client.get("/")) == "hit"  # its writer may still be writing it
    waited = page_cache.time.monotonic() + page_cache.MISSING_GRACE_SECONDS
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: waited)
    page_cache._memo.read_at = 0.0
    assert status(client.get("/")) == "miss"


def test_a_process_that_starts_later_keeps_the_pages_of_earlier_changes(client, edit_in_sport):
    edit_in_sport()
    page_cache._memo.token = None  # as a new worker finds the shared state
    assert status(client.get("/section/culture/")) == "hit"
    assert status(client.get("/section/sport/")) == "miss"


def test_a_lost_counter_renders_every_page_again(client):
    from django.core.cache import cache

    ArticleFactory(live=True)
    client.get("/")
    cache.delete(page_cache._seq_key(page_cache.current_token()))
    page_cache._memo.read_at = 0.0
    assert status(client.get("/")) == "miss"


def test_an_old_post_address_at_the_home_page_is_redirected_while_the_home_page_is_cached(
    client,
):
    from articles.models import LegacyURL
    from articles.redirects import post_id_path

    story = ArticleFactory(live=True)
    LegacyURL.objects.create(path=post_id_path(4021), article=story)
    client.get("/")
    assert status(client.get("/")) == "hit"
    response = client.get("/?p=4021")
    assert response.status_code == 301
    assert response["Location"] == story.get_absolute_url()
    assert status(client.get("/?p=99999")) == "hit"  # no such post: the home page, cached


def test_a_page_from_the_cache_has_the_length_of_the_form_it_is_sent_in(client):
    ArticleFactory(live=True)
    client.get("/")
    for encoding in ("br", "gzip", "identity"):
        hit = client.get("/", headers={"accept-encoding": encoding})
        assert status(hit) == "hit"
        assert int(hit["Content-Length"]) == len(hit.content)


def test_a_page_this_process_served_is_answered_again_without_asking_the_shared_cache(
    client, monkeypatch
):
    from django.core.cache import caches

    ArticleFactory(live=True)
    client.get("/")
    asked = []
    backend = caches["default"]
    real_get = backend.get
    monkeypatch.setattr(
        backend, "get", lambda key, *a, **k: asked.append(key) or real_get(key, *a, **k)
    )
    assert status(client.get("/")) == "hit"
    assert not [key for key in asked if key.startswith("page-cache:") and key.count(":") > 2]


def test_a_page_kept_in_memory_is_not_served_past_the_page_cache_s_time(
    client, monkeypatch, settings
):
    ArticleFactory(live=True)
    client.get("/")
    later = timezone.now() + timedelta(seconds=settings.NEWSROOM_PAGE_CACHE_SECONDS)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert status(client.get("/")) == "miss"


def test_while_the_shared_cache_keeps_nothing_no_page_comes_from_memory(client, monkeypatch):
    from django.core.cache import caches

    ArticleFactory(live=True)
    client.get("/")
    backend = caches["default"]
    backend.clear()  # as after a Redis restart, which then refuses every write
    monkeypatch.setattr(backend, "set", lambda *args, **kwargs: False)
    monkeypatch.setattr(backend, "set_many", lambda data, *args, **kwargs: list(data))
    page_cache._memo.read_at = 0.0
    assert status(client.get("/")) == "miss"
    assert status(client.get("/")) == "miss"


def test_a_new_story_moves_the_stories_on_page_two_of_its_section(client, commit, editor):
    from articles.pagination import PER_PAGE

    section = SectionFactory(slug="city")
    stories = [ArticleFactory(live=True, section=section) for _ in range(PER_PAGE + 1)]
    oldest_on_page_one = sorted(stories, key=lambda a: (a.published_at, a.pk))[1]
    assert oldest_on_page_one.headline not in client.get("/section/city/?page=2").content.decode()
    with commit():
        workflow.publish(article=ArticleFactory(section=section), by=editor)
    page_two = client.get("/section/city/?page=2")
    assert status(page_two) == "miss"
    assert oldest_on_page_one.headline in page_two.content.decode()


def test_a_process_that_has_remembered_too_many_keys_renders_older_pages_again(
    client, commit, monkeypatch
):
    story = ArticleFactory(live=True, section=SectionFactory(slug="culture"))
    other = ArticleFactory(live=True, section=SectionFactory(slug="sport"))
    client.get(story.get_absolute_url())
    monkeypatch.setattr(page_cache, "MAX_REMEMBERED_KEYS", 1)
    with commit():
        other.headline = "A first edit elsewhere"
        other.save()
    assert status(client.get(story.get_absolute_url())) == "hit"
    with commit():
        other.headline = "A second edit elsewhere"
        other.save()  # past the limit: what was remembered is forgotten, older pages go
    assert status(client.get(story.get_absolute_url())) == "miss"


def test_a_page_kept_by_one_release_is_not_served_by_the_next(client, monkeypatch):
    ArticleFactory(live=True)
    client.get("/")
    assert status(client.get("/")) == "hit"
    page_cache._recent.clear()  # another process, running the new code
    page_cache._recent_parts.clear()
    monkeypatch.setattr(page_cache, "_release", lambda: "the-next-deploy")
    assert status(client.get("/")) == "miss"


def test_a_change_reaches_the_pages_of_every_release(client, commit, monkeypatch):
    story = ArticleFactory(live=True, headline="Old headline about the ferry")
    client.get(story.get_absolute_url())
    running = page_cache._release()
    monkeypatch.setattr(page_cache, "_release", lambda: "the-next-deploy")
    client.get(story.get_absolute_url())  # kept by the new release too
    with commit():
        story.headline = "New headline about the ferry"
        story.save()
    page_cache._memo.read_at = 0  # read the change now, not a second later
    for release in ("the-next-deploy", running):
        monkeypatch.setattr(page_cache, "_release", lambda release=release: release)
        assert "New headline about the ferry" in client.get(story.get_absolute_url()).text


def test_the_release_is_the_deploy_s_name_when_given(settings):
    settings.NEWSROOM_RELEASE = "2026-12-06-a1b2c3"
    page_cache._release.cache_clear()
    try:
        named = page_cache._release()
        settings.NEWSROOM_RELEASE = "2026-12-07-d4e5f6"
        page_cache._release.cache_clear()
        assert page_cache._release() != named
    finally:
        settings.NEWSROOM_RELEASE = ""
        page_cache._release.cache_clear()


def test_the_site_s_settings_are_read_once_until_they_change(client, commit):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.models import SiteSettings

    story = ArticleFactory(live=True)
    client.get("/")  # the settings read, and kept for this content version
    cache.delete(SiteSettings.CACHE_KEY)  # reading them again would take a query
    with CaptureQueriesContext(connection) as queries:
        client.get(story.get_absolute_url())
    assert not [q for q in queries.captured_queries if "sitesettings" in q["sql"]]
    with commit():
        SiteSettings(site_name="Harbour Times").save()
    assert "Harbour Times" in client.get(story.get_absolute_url()).text
