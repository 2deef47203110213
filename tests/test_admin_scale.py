"""The admin at scale: its pages run as many queries at 10,000 stories as at 100, its list's
count is an estimate only where that serves, and a story's revisions come a page at a time."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.admin import changelist
from articles.models import Article, ArticleAuthor
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/articles/article/"
REVISIONS_OF_ONE = 250  # more than two pages of the revisions page


def add_stories(
    count: int, *, section, author, status=Article.Status.PUBLISHED, prefix="bulk"
) -> list[int]:
    """`count` stories in bulk inserts, each with a byline; their ids."""
    now = timezone.now()
    stories = [
        Article(
            headline=f"Council story number {i}",
            slug=f"{prefix}-{status}-{i}",
            summary="The council met.",
            body="<p>The council met.</p>",
            section=section,
            status=status,
            published_at=now - timedelta(minutes=i + 1) if status == "published" else None,
        )
        for i in range(count)
    ]
    Article.objects.bulk_create(stories, batch_size=1000)
    made = Article.objects.filter(slug__startswith=f"{prefix}-{status}-")
    ids = list(made.values_list("pk", flat=True))
    ArticleAuthor.objects.bulk_create(
        (ArticleAuthor(article_id=pk, author=author, order=0) for pk in ids), batch_size=1000
    )
    return ids


def add_revisions(article: Article, count: int) -> None:
    history = Article.history.model
    start = timezone.now() - timedelta(days=30)
    history.objects.bulk_create(
        history(
            id=article.pk,
            headline=f"{article.headline} (version {n})",
            slug=article.slug,
            summary=article.summary,
            body=article.body,
            section_id=article.section_id,
            status=article.status,
            published_at=article.published_at,
            history_date=start + timedelta(minutes=n),
            history_type="~",
        )
        for n in range(count)
    )


@pytest.fixture(scope="class", params=[100, 10_000], ids=["100-stories", "10000-stories"])
def newsroom(request, django_db_setup, django_db_blocker):
    """A table of 100 or 10,000 stories, one of them with 250 revisions, committed for the
    class's tests (each in its own transaction) and removed when they are done."""
    with django_db_blocker.unblock():
        section = SectionFactory(name="Scale desk")
        author = AuthorFactory(name="Scale Reporter")
        ids = add_stories(request.param, section=section, author=author, prefix="scale")
        story = Article.objects.get(pk=ids[0])
        add_revisions(story, REVISIONS_OF_ONE)
        if connection.vendor == "postgresql":
            # The planner's estimate, which the list's count reads, as autovacuum would leave
            # it: without this it depends on whether autovacuum came by during the tests.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE articles_article")
    yield {"story": story, "section": section, "author": author, "stories": request.param}
    with django_db_blocker.unblock():
        # Raw deletes: the ORM's would collect and signal each of 10,000 stories (a minute).
        stories = Article.objects.filter(slug__startswith="scale-")
        Article.history.model.objects.filter(id__in=ids)._raw_delete(connection.alias)
        ArticleAuthor.objects.filter(article__in=stories.values("pk"))._raw_delete(connection.alias)
        stories._raw_delete(connection.alias)
        author.delete()
        section.delete()


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def signed_in(client, role: str):
    client.force_login(UserFactory(role=role))
    return client


# Page → most queries, the same at 100 and at 10,000 stories: session, user, permissions,
# the page's own reads (counts, the page of rows, bylines, filters' choices), the bell.
LIMITS = {
    "list": 14,
    "list: page 2": 14,
    "list: drafts": 14,
    "list: search": 14,
    "list: by author": 14,
    "list: a year": 14,
    "dashboard": 14,
    "change form": 26,
    "revisions": 12,
    "revisions: page 3": 12,
}


def path_for(name: str, newsroom) -> str:
    story = newsroom["story"]
    year = story.published_at.year
    return {
        "list": LIST,
        "list: page 2": LIST + "?p=2",
        "list: drafts": LIST + "?status=draft",
        "list: search": LIST + "?q=council",
        "list: by author": LIST + f"?author={newsroom['author'].pk}",
        "list: a year": LIST + f"?published_at__year={year}",
        "dashboard": "/admin/",
        "change form": LIST + f"{story.pk}/change/",
        "revisions": LIST + f"{story.pk}/revisions/",
        "revisions: page 3": LIST + f"{story.pk}/revisions/?page=3",
    }[name]


def story_rows_read(browser, path: str) -> int:
    """Rows of the stories table that GET `path`'s queries read (PostgreSQL's EXPLAIN
    ANALYZE): the rows each scan of it returned plus those its filter removed."""
    with CaptureQueriesContext(connection) as captured:
        assert browser.get(path).status_code == 200
    read = 0
    for query in captured.captured_queries:
        sql = query["sql"]  # a union of SELECTs starts with the first one in brackets
        if not sql.lstrip("(").startswith("SELECT") or "articles_article" not in sql:
            continue
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
            raw = cursor.fetchone()[0]
        nodes = [(json.loads(raw) if isinstance(raw, str) else raw)[0]["Plan"]]
        while nodes:
            node = nodes.pop()
            nodes.extend(node.get("Plans", []))
            if node.get("Relation Name") == "articles_article":
                rows = node.get("Actual Rows", 0) + node.get("Rows Removed by Filter", 0)
                read += rows * node.get("Actual Loops", 1)
    return read


class TestAtScale:
    """The same limits at 100 and at 10,000 stories (the class holds the stories)."""

    @pytest.mark.parametrize("name", LIMITS)
    def test_admin_page_queries_do_not_grow_with_the_stories(
        self, newsroom, superuser_client, name, django_assert_max_num_queries
    ):
        path = path_for(name, newsroom)
        superuser_client.get(path)  # the first request fills the session and small caches
        with django_assert_max_num_queries(LIMITS[name]):
            assert superuser_client.get(path).status_code == 200

    @pytest.mark.parametrize("name", ["list", "list: page 2", "dashboard"])
    def test_a_writers_admin_page_queries_do_not_grow_with_the_stories(
        self, newsroom, client, name, django_assert_max_num_queries
    ):
        browser = signed_in(client, "Writer")
        path = path_for(name, newsroom)
        browser.get(path)
        with django_assert_max_num_queries(LIMITS[name]):
            assert browser.get(path).status_code == 200

    # A user's own stories ("Mine", articles.querysets.owned_by), in PostgreSQL's plans: one
    # story is looked up, not found by reading every story; every story is met by walking
    # the list's order until the page and the count's cap are full, not by sorting them all.

    @pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plans")
    def test_a_user_who_owns_one_story_has_it_looked_up(self, newsroom, client):
        if newsroom["stories"] < 10_000:
            pytest.skip("at 100 stories reading them all is as good a plan")
        editor = UserFactory(role="Editor")
        ArticleFactory(created_by=editor)
        client.force_login(editor)
        client.get(LIST + "?mine=yes")  # the session's first request
        assert story_rows_read(client, LIST + "?mine=yes") < 100

    @pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plans")
    def test_a_user_who_owns_every_story_has_the_order_walked(self, newsroom, client):
        if newsroom["stories"] < 10_000:
            pytest.skip("at 100 stories reading them all is as good a plan")
        editor = UserFactory(role="Editor")
        author = newsroom["author"]  # the byline of every story
        author.user = editor
        author.save(update_fields=["user"])
        client.force_login(editor)
        client.get(LIST + "?mine=yes")
        # A page of 100 and a count that stops past 1,000: not 10,000 read and sorted.
        assert story_rows_read(client, LIST + "?mine=yes") < 2_500


# The list's count.


def paginator_text(response) -> str:
    html = response.content.decode()
    start = html.index('<p class="paginator">')
    return " ".join(html[start : html.index("</p>", start)].split())


@pytest.fixture
def ten_a_page(monkeypatch):
    from articles.admin.stories import ArticleAdmin

    monkeypatch.setattr(ArticleAdmin, "list_per_page", 10)


@pytest.fixture
def few_stories():
    section, author = SectionFactory(), AuthorFactory()
    return add_stories(30, section=section, author=author)


def test_a_small_list_is_counted_exactly(client, few_stories):
    response = signed_in(client, "Editor").get(LIST)
    assert paginator_text(response).endswith("30 articles")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner estimates")
def test_a_large_list_nobody_narrowed_says_about_how_many_on_postgresql(
    client, few_stories, monkeypatch, ten_a_page
):
    monkeypatch.setattr(changelist, "ESTIMATE_FROM", 10)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
    response = signed_in(client, "Editor").get(LIST)
    assert "about 30 articles" in paginator_text(response)


def test_a_narrowed_list_is_counted_exactly_however_large(client, few_stories, monkeypatch):
    monkeypatch.setattr(changelist, "ESTIMATE_FROM", 10)
    monkeypatch.setattr(changelist, "planner_estimate", lambda queryset: 5_000)
    section, author = SectionFactory(), AuthorFactory()
    add_stories(3, section=section, author=author, status=Article.Status.DRAFT)
    response = signed_in(client, "Editor").get(LIST + "?status=draft")
    assert paginator_text(response).endswith("3 articles")


def test_an_estimate_above_a_short_page_gives_way_to_the_rows_found(
    client, few_stories, monkeypatch
):
    monkeypatch.setattr(changelist, "ESTIMATE_FROM", 10)
    monkeypatch.setattr(changelist, "planner_estimate", lambda queryset: 5_000)
    response = signed_in(client, "Editor").get(LIST)
    assert paginator_text(response).endswith("30 articles")


@pytest.mark.parametrize("estimate", [0, -1, None], ids=["zero", "never-analyzed", "sqlite"])
def test_a_list_is_never_said_to_be_empty_by_an_estimate(
    client, few_stories, monkeypatch, estimate
):
    monkeypatch.setattr(changelist, "planner_estimate", lambda queryset: estimate)
    response = signed_in(client, "Editor").get(LIST)
    assert paginator_text(response).endswith("30 articles")


def test_pages_past_an_estimate_that_fell_short_still_list_stories(
    client, few_stories, monkeypatch, ten_a_page
):
    monkeypatch.setattr(changelist, "ESTIMATE_FROM", 10)
    monkeypatch.setattr(changelist, "planner_estimate", lambda queryset: 15)
    browser = signed_in(client, "Editor")
    browser.get(LIST)  # the session's first request
    response = browser.get(LIST + "?p=3", follow=False)
    assert response.status_code == 200
    # 30 stories at 10 a page: the third page is full, so the count is still "about".
    assert paginator_text(response).endswith("about 15 articles")
    assert "Council story number 29" in response.content.decode()


def test_a_search_is_counted_up_to_the_cap_and_then_says_more_than(
    client, few_stories, monkeypatch, ten_a_page
):
    monkeypatch.setattr(changelist, "SEARCH_COUNT_CAP", 20)
    html = signed_in(client, "Editor").get(LIST + "?q=council").content.decode()
    assert "more than 20 results" in html


def test_a_writers_own_list_is_counted_up_to_the_cap(client, monkeypatch, ten_a_page):
    monkeypatch.setattr(changelist, "SEARCH_COUNT_CAP", 20)
    writer = UserFactory(role="Writer")
    section, author = SectionFactory(), AuthorFactory(user=writer)
    add_stories(25, section=section, author=author, status=Article.Status.DRAFT)
    client.force_login(writer)
    assert paginator_text(client.get(LIST)).endswith("more than 20 articles")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search on PostgreSQL")
def test_the_list_search_finds_the_beginning_of_a_word(client):
    ArticleFactory(headline="Councillors vote on the budget")
    ArticleFactory(headline="Monsoon arrives early", summary="Rain.", body="<p>Rain.</p>")
    html = signed_in(client, "Editor").get(LIST + "?q=counc").content.decode()
    assert "Councillors vote" in html
    assert "Monsoon arrives" not in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search on PostgreSQL")
def test_the_list_search_finds_a_story_by_its_web_address(client):
    story = ArticleFactory(headline="Monsoon arrives early", slug="rains-are-here")
    html = signed_in(client, "Editor").get(LIST + "?q=/news/rains-are-here/").content.decode()
    assert story.headline in html


def test_the_list_filters_by_author_without_repeating_a_story(client):
    author = AuthorFactory()
    story = ArticleFactory(headline="Two bylines, one story", authors=[author, AuthorFactory()])
    html = signed_in(client, "Editor").get(LIST + f"?author={author.pk}").content.decode()
    assert html.count(f"/admin/articles/article/{story.pk}/change/") == 1


def test_the_date_links_offer_the_years_between_the_first_and_last_story(client):
    now = timezone.now()
    ArticleFactory(live=True, published_at=now.replace(year=now.year - 2, day=1))
    ArticleFactory(live=True)
    html = signed_in(client, "Editor").get(LIST).content.decode()
    links = html[html.index('<nav class="toplinks">') :]
    for year in (now.year - 2, now.year - 1, now.year):
        assert f"?published_at__year={year}" in links


# The revisions page.


@pytest.fixture
def busy_story():
    story = ArticleFactory(headline="Edited all day")
    add_revisions(story, REVISIONS_OF_ONE)
    return story


def revision_rows(html: str) -> int:
    return html.count('name="old"')


def test_a_story_with_many_revisions_lists_a_hundred_a_page(superuser_client, busy_story):
    html = superuser_client.get(LIST + f"{busy_story.pk}/revisions/").content.decode()
    assert revision_rows(html) == 100
    assert f"{REVISIONS_OF_ONE + 1} revisions, 1" in " ".join(html.split())


def test_the_last_page_of_revisions_holds_the_oldest(superuser_client, busy_story):
    oldest = busy_story.history.order_by("history_date").first()
    html = superuser_client.get(LIST + f"{busy_story.pk}/revisions/?page=3").content.decode()
    assert revision_rows(html) == REVISIONS_OF_ONE + 1 - 200
    assert f'name="old" value="{oldest.history_id}"' in html


def test_a_page_number_past_the_end_shows_the_last_page(superuser_client, busy_story):
    oldest = busy_story.history.order_by("history_date").first()
    html = superuser_client.get(LIST + f"{busy_story.pk}/revisions/?page=99").content.decode()
    assert f'name="old" value="{oldest.history_id}"' in html


def test_two_revisions_on_different_pages_can_be_compared(superuser_client, busy_story):
    history = list(busy_story.history.order_by("history_date"))
    oldest, newer = history[0], history[200]
    html = superuser_client.get(
        LIST + f"{busy_story.pk}/revisions/?old={oldest.history_id}&new={newer.history_id}"
    ).content.decode()
    comparison = html[html.index('id="comparison"') : html.index('id="revisions"')]
    # The headlines differ in their version number only: 0 became 200.
    assert '<del class="diff-del">0</del>' in comparison
    assert '<ins class="diff-ins">200</ins>' in comparison
