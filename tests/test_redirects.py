"""A story's earlier addresses: each answers with a 301 to where the story is now."""

import pytest
from django.urls import reverse

from articles import workflow
from articles.models import LegacyURL
from tests.admin_forms import change_form_data
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db


def rename(story, slug: str):
    story.slug = slug
    story.save()
    return story


def assert_redirects(client, old: str, new: str) -> None:
    response = client.get(old)
    assert response.status_code == 301, old
    assert response["Location"] == new


def test_renaming_a_live_story_redirects_its_old_address_to_the_new_one(client):
    rename(ArticleFactory(live=True, slug="metro-opens"), "metro-line-opens")
    assert_redirects(client, "/news/metro-opens/", "/news/metro-line-opens/")
    assert client.get("/news/metro-line-opens/").status_code == 200


def test_every_earlier_address_redirects_straight_to_the_current_one(client):
    story = ArticleFactory(live=True, slug="first")
    rename(rename(story, "second"), "third")
    assert_redirects(client, "/news/first/", "/news/third/")
    assert_redirects(client, "/news/second/", "/news/third/")


def test_renaming_back_to_an_old_slug_serves_the_story_there_without_a_loop(client):
    story = rename(rename(ArticleFactory(live=True, slug="first"), "second"), "first")
    assert client.get("/news/first/").status_code == 200
    assert_redirects(client, "/news/second/", "/news/first/")
    assert list(story.legacy_urls.values_list("path", flat=True)) == ["/news/second"]


def test_an_address_two_stories_had_redirects_to_its_newest_holder(client):
    rename(ArticleFactory(live=True, slug="budget"), "budget-2025")
    newer = rename(ArticleFactory(live=True, slug="budget"), "budget-2026")
    assert_redirects(client, "/news/budget/", newer.get_absolute_url())


def test_renaming_a_draft_keeps_no_old_address():
    story = rename(ArticleFactory(slug="working-title"), "final-title")
    assert not story.legacy_urls.exists()


def test_an_unpublished_storys_old_address_redirects_once_it_is_live_again(client):
    editor = UserFactory(role="Editor")
    story = ArticleFactory(slug="flood-warning")
    workflow.publish(article=story, by=editor)
    workflow.unpublish(article=story, by=editor)
    story.refresh_from_db()
    rename(story, "flood-warning-lifted")
    assert client.get("/news/flood-warning/").status_code == 404
    workflow.publish(article=story, by=editor)
    assert_redirects(client, "/news/flood-warning/", "/news/flood-warning-lifted/")


def test_a_slug_changed_in_the_admin_keeps_the_old_address(client):
    client.force_login(UserFactory(role="Editor"))
    story = ArticleFactory(live=True, slug="rains-lash-city")
    data = change_form_data(story, slug="heavy-rains-lash-city")
    response = client.post(reverse("admin:articles_article_change", args=[story.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert_redirects(client, "/news/rains-lash-city/", "/news/heavy-rains-lash-city/")


def test_restoring_a_revision_with_an_earlier_slug_redirects_the_later_one(client):
    client.force_login(UserFactory(role="Editor"))
    story = rename(ArticleFactory(live=True, slug="first-draft-of-history"), "history-rewritten")
    first = story.history.earliest()
    url = reverse("admin:articles_article_restore_revision", args=[story.pk, first.history_id])
    assert client.post(url, {"confirm": "yes"}).status_code == 302
    assert client.get("/news/first-draft-of-history/").status_code == 200
    assert_redirects(client, "/news/history-rewritten/", "/news/first-draft-of-history/")
    assert not LegacyURL.objects.filter(path="/news/first-draft-of-history").exists()


# A WordPress site's archive addresses (articles.redirects.archive_target)


@pytest.fixture
def imported_site(db):
    from articles.models import Author, Section

    section = Section.objects.create(name="Kothrud", slug="kothrud")
    author = Author.objects.create(name="Priya Nair", slug="priyanair")
    story = ArticleFactory(live=True, section=section, tags=["Metro Rail"])
    LegacyURL.objects.create(path="/2024/05/14/pune-metro-evening-trains", article=story)
    return {"section": section, "author": author, "story": story}


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/category/cities/pune/kothrud/", "/section/kothrud/"),
        ("/category/kothrud/feed/", "/section/kothrud/feed/"),
        ("/category/kothrud/feed/atom/", "/section/kothrud/feed/atom/"),
        ("/author/PriyaNair/", "/author/priyanair/"),
        ("/author/PriyaNair/feed/", "/author/priyanair/feed/"),
        ("/tag/Metro-Rail/", "/tag/metro-rail/"),
        ("/tag/Metro-Rail/feed/rss2/", "/tag/metro-rail/feed/"),
        ("/feed/rss2/", "/feed/"),
        ("/feed/rdf/", "/feed/"),
        ("/comments/feed/", "/feed/"),
        ("/page/3/", "/latest/?page=3"),
        ("/category/kothrud/page/2/", "/section/kothrud/?page=2"),
        ("/tag/Metro-Rail/page/4/", "/tag/metro-rail/?page=4"),
        ("/author/PriyaNair/page/1/", "/author/priyanair/"),
        ("/2024/", "/archive/2024/"),
        ("/2024/10/", "/archive/2024/10/"),
        ("/2024/10/05/", "/archive/2024/10/05/"),
        ("/2024/10/page/2/", "/archive/2024/10/?page=2"),
    ],
)
def test_a_wordpress_archive_address_redirects_to_its_counterpart(client, imported_site, old, new):
    response = client.get(old)
    assert response.status_code == 301, old
    assert response["Location"] == new


def test_a_posts_comment_feed_redirects_to_the_story(client, imported_site):
    response = client.get("/2024/05/14/pune-metro-evening-trains/feed/")
    assert response.status_code == 301
    assert response["Location"] == imported_site["story"].get_absolute_url()


def test_a_category_nothing_here_stands_for_stays_404(client, imported_site):
    assert client.get("/category/nowhere/").status_code == 404


@pytest.mark.parametrize("old", ["/2024/13/", "/2024/02/30/", "/0000/"])
def test_a_date_archive_of_no_date_stays_404(client, imported_site, old):
    assert client.get(old).status_code == 404
