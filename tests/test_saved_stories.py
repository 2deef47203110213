"""Readers save live stories for later: the save page and its POST, and Saved stories."""

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import SavedStory
from articles import workflow
from articles.models import Article
from articles.pagination import PER_PAGE
from tests.factories import PASSWORD, ArticleFactory, SavedStoryFactory, UserFactory
from tests.html import main

pytestmark = pytest.mark.django_db

UNSAFE_NEXT = ["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)"]
JSON = {"Accept": "application/json"}


def save_url(article) -> str:
    return reverse("accounts:save", args=[article.pk])


def sign_in_next(response) -> str:
    """Where the sign-in page will send the reader back to."""
    location = urlsplit(response["Location"])
    assert location.path == "/accounts/login/"
    return parse_qs(location.query)["next"][0]


def test_save_url_is_under_accounts_saved():
    assert reverse("accounts:save", args=[7]) == "/accounts/saved/7/"


def test_a_reader_saves_a_live_story(reader_client, reader, live_article):
    reader_client.post(save_url(live_article), {"action": "save"})
    assert SavedStory.objects.filter(user=reader, article=live_article).exists()


def test_saving_a_story_twice_keeps_one_saved_story(reader_client, reader, live_article):
    reader_client.post(save_url(live_article), {"action": "save"})
    reader_client.post(save_url(live_article), {"action": "save"})
    assert SavedStory.objects.filter(user=reader, article=live_article).count() == 1


def test_removing_a_saved_story_takes_it_out_of_saved_stories(reader_client, reader, live_article):
    SavedStoryFactory(user=reader, article=live_article)
    reader_client.post(save_url(live_article), {"action": "remove"})
    assert not SavedStory.objects.filter(user=reader).exists()


def test_removing_a_story_that_was_not_saved_is_fine(reader_client, reader, live_article):
    response = reader_client.post(save_url(live_article), {"action": "remove"})
    assert response.status_code == 302
    assert not SavedStory.objects.filter(user=reader).exists()


def test_removing_leaves_other_readers_saved_stories_alone(reader_client, live_article):
    other = SavedStoryFactory(article=live_article)
    reader_client.post(save_url(live_article), {"action": "remove"})
    assert SavedStory.objects.filter(pk=other.pk).exists()


def test_a_story_is_saved_once_per_reader_in_the_database(reader, live_article):
    SavedStoryFactory(user=reader, article=live_article)
    with pytest.raises(IntegrityError), transaction.atomic():
        SavedStory.objects.create(user=reader, article=live_article)


def test_an_unknown_action_is_refused_and_saves_nothing(reader_client, reader, live_article):
    response = reader_client.post(save_url(live_article), {"action": "delete-everything"})
    assert response.status_code == 400
    assert not SavedStory.objects.filter(user=reader).exists()


def test_the_save_page_shows_the_headline_and_a_save_story_form(reader_client, live_article):
    response = reader_client.get(save_url(live_article), {"next": "/latest/"})
    html = main(response)
    assert response.status_code == 200
    assert live_article.headline in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="action" value="save"' in html
    assert 'name="next" value="/latest/"' in html
    assert ">Save story</button>" in html


def test_the_save_page_offers_removal_of_a_saved_story(reader_client, reader, live_article):
    SavedStoryFactory(user=reader, article=live_article)
    html = main(reader_client.get(save_url(live_article)))
    assert 'name="action" value="remove"' in html
    assert ">Remove from saved</button>" in html


def test_the_save_page_without_next_goes_back_to_the_story(reader_client, live_article):
    html = main(reader_client.get(save_url(live_article)))
    assert f'name="next" value="{live_article.get_absolute_url()}"' in html


def test_the_save_page_is_private_and_never_stored(reader_client, live_article):
    cache_control = reader_client.get(save_url(live_article))["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert "public" not in cache_control


@pytest.mark.parametrize(
    "shape",
    [
        {},
        {"status": Article.Status.IN_REVIEW},
        {"scheduled": True},
        {"live": True, "trashed_at": timezone.now() - timedelta(minutes=1)},
    ],
    ids=["draft", "in_review", "scheduled", "trashed"],
)
def test_a_story_that_is_not_live_cannot_be_saved(reader_client, reader, shape):
    article = ArticleFactory(**shape)
    assert reader_client.get(save_url(article)).status_code == 404
    assert reader_client.post(save_url(article), {"action": "save"}).status_code == 404
    assert not SavedStory.objects.filter(user=reader).exists()


def test_saving_an_unknown_story_is_not_found(reader_client):
    assert reader_client.post("/accounts/saved/999999/", {"action": "save"}).status_code == 404


def test_a_story_id_too_large_for_the_database_is_not_found(reader_client):
    url = "/accounts/saved/99999999999999999999999/"
    assert reader_client.get(url).status_code == 404
    assert reader_client.post(url, {"action": "save"}).status_code == 404


def test_saving_goes_back_to_a_safe_next(reader_client, live_article):
    response = reader_client.post(
        save_url(live_article), {"action": "save", "next": "/latest/?page=2"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/latest/?page=2"


def test_saving_without_next_goes_back_to_the_story(reader_client, live_article):
    response = reader_client.post(save_url(live_article), {"action": "save"})
    assert response["Location"] == live_article.get_absolute_url()


@pytest.mark.parametrize("next_url", UNSAFE_NEXT)
def test_an_unsafe_next_falls_back_to_the_story(reader_client, live_article, next_url):
    response = reader_client.post(save_url(live_article), {"action": "save", "next": next_url})
    assert response["Location"] == live_article.get_absolute_url()


@pytest.mark.parametrize("next_url", UNSAFE_NEXT)
def test_the_save_page_never_offers_an_unsafe_next(reader_client, live_article, next_url):
    html = main(reader_client.get(save_url(live_article), {"next": next_url}))
    assert "evil.example" not in html and "javascript:" not in html


def test_the_script_gets_json_instead_of_a_redirect(reader_client, live_article):
    saved = reader_client.post(save_url(live_article), {"action": "save"}, headers=JSON)
    assert saved.status_code == 200
    assert saved.json() == {"saved": True}
    removed = reader_client.post(save_url(live_article), {"action": "remove"}, headers=JSON)
    assert removed.json() == {"saved": False}


def test_a_post_without_a_csrf_token_is_refused(reader, live_article):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    response = client.post(save_url(live_article), {"action": "save"})
    assert response.status_code == 403
    assert not SavedStory.objects.filter(user=reader).exists()


def test_a_post_with_the_pages_csrf_token_is_accepted(reader, live_article):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    client.get(save_url(live_article))
    token = client.cookies["csrftoken"].value
    response = client.post(save_url(live_article), {"action": "save", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert SavedStory.objects.filter(user=reader).exists()


def test_the_save_page_offers_an_anonymous_visitor_the_form_and_says_sign_in_comes_next(
    client, live_article
):
    response = client.get(f"{save_url(live_article)}?next=/latest/")
    html = main(response)
    assert response.status_code == 200
    assert live_article.headline in html
    assert 'value="save"' in html
    assert "you will be asked to sign in next" in html


def test_an_anonymous_post_saves_nothing_and_leads_to_sign_in_then_the_save_page(
    client, live_article
):
    response = client.post(save_url(live_article), {"action": "save", "next": "/latest/"})
    assert sign_in_next(response) == f"{save_url(live_article)}?next=/latest/"
    assert not SavedStory.objects.exists()


def test_a_save_asked_for_while_signed_out_is_done_once_the_reader_signs_in(client, live_article):
    reader = UserFactory(email="meera@example.com")
    response = client.post(save_url(live_article), {"action": "save", "next": "/latest/"})
    client.post(
        "/accounts/login/",
        {"login": "meera@example.com", "password": PASSWORD, "next": sign_in_next(response)},
    )
    assert SavedStory.objects.filter(user=reader, article=live_article).exists()


def test_signing_in_after_a_save_asked_for_while_signed_out_lands_on_the_saved_story_page(
    client, live_article
):
    UserFactory(email="meera@example.com")
    response = client.post(save_url(live_article), {"action": "save", "next": "/latest/"})
    response = client.post(
        "/accounts/login/",
        {"login": "meera@example.com", "password": PASSWORD, "next": sign_in_next(response)},
        follow=True,
    )
    assert "This story is in your" in main(response)


def test_a_save_asked_for_while_signed_out_is_done_only_once(client, live_article):
    reader = UserFactory(email="meera@example.com")
    client.post(save_url(live_article), {"action": "save"})
    client.post("/accounts/login/", {"login": "meera@example.com", "password": PASSWORD})
    SavedStory.objects.all().delete()
    client.post("/accounts/logout/")
    client.post("/accounts/login/", {"login": "meera@example.com", "password": PASSWORD})
    assert not SavedStory.objects.filter(user=reader).exists()


def test_a_story_taken_down_before_the_reader_signs_in_is_not_saved(client, live_article):
    reader = UserFactory(email="meera@example.com")
    client.post(save_url(live_article), {"action": "save"})
    Article.objects.filter(pk=live_article.pk).delete()
    client.post("/accounts/login/", {"login": "meera@example.com", "password": PASSWORD})
    assert not SavedStory.objects.filter(user=reader).exists()


def test_an_anonymous_post_with_an_unsafe_next_leads_back_to_the_plain_save_page(
    client, live_article
):
    response = client.post(save_url(live_article), {"action": "save", "next": "//evil.example"})
    assert sign_in_next(response) == save_url(live_article)


def test_an_anonymous_json_request_is_told_to_sign_in(client, live_article):
    response = client.post(save_url(live_article), {"action": "save"}, headers=JSON)
    assert response.status_code == 401
    assert response.json()["sign_in"].startswith("/accounts/login/?next=")


# The Saved stories page


def test_saved_stories_asks_an_anonymous_visitor_to_sign_in(client):
    response = client.get("/accounts/saved/")
    assert sign_in_next(response) == "/accounts/saved/"


def test_saved_stories_lists_the_readers_stories_most_recently_saved_first(reader_client, reader):
    older, newer = ArticleFactory(live=True), ArticleFactory(live=True)
    SavedStoryFactory(user=reader, article=newer, saved_at=timezone.now() - timedelta(days=2))
    SavedStoryFactory(user=reader, article=older, saved_at=timezone.now() - timedelta(hours=1))
    response = reader_client.get("/accounts/saved/")
    assert list(response.context["articles"]) == [older, newer]
    html = main(response)
    assert html.index(older.headline) < html.index(newer.headline)


def test_saved_stories_shows_only_the_readers_own(reader_client, reader):
    mine = SavedStoryFactory(user=reader).article
    theirs = SavedStoryFactory().article
    html = main(reader_client.get("/accounts/saved/"))
    assert mine.headline in html
    assert theirs.headline not in html


def test_saved_stories_lists_a_story_once_when_others_saved_it_too(reader_client, reader):
    story = SavedStoryFactory(user=reader).article
    SavedStoryFactory(article=story)
    assert list(reader_client.get("/accounts/saved/").context["articles"]) == [story]


@pytest.mark.parametrize("action", ["unpublish", "trash"])
def test_saved_stories_hides_a_story_that_is_no_longer_live(reader_client, reader, editor, action):
    story = SavedStoryFactory(user=reader).article
    getattr(workflow, action)(article=story, by=editor)
    html = main(reader_client.get("/accounts/saved/"))
    assert story.headline not in html
    assert "You have no saved stories yet." in html


def test_saved_stories_says_so_when_there_are_none(reader_client):
    html = main(reader_client.get("/accounts/saved/"))
    assert "You have no saved stories yet." in html


def test_saved_stories_are_paginated(reader_client, reader):
    for _ in range(PER_PAGE + 1):
        SavedStoryFactory(user=reader)
    first = reader_client.get("/accounts/saved/")
    assert len(first.context["articles"]) == PER_PAGE
    assert 'rel="next" href="/accounts/saved/?page=2"' in main(first)
    assert len(reader_client.get("/accounts/saved/", {"page": 2}).context["articles"]) == 1


@pytest.mark.parametrize("page", ["abc", "-1", "0", "999", "%00"])
def test_saved_stories_answers_a_bad_page_number_with_not_found(reader_client, reader, page):
    SavedStoryFactory(user=reader)
    assert reader_client.get("/accounts/saved/", {"page": page}).status_code == 404


def test_saved_stories_is_private_and_never_stored(reader_client):
    cache_control = reader_client.get("/accounts/saved/")["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control


def test_saved_stories_cards_carry_their_save_control(reader_client, reader):
    story = SavedStoryFactory(user=reader).article
    assert f'data-save="{story.pk}"' in main(reader_client.get("/accounts/saved/"))


def saved_page_queries(client, reader, stories: int, django_assert_max_num_queries) -> int:
    for _ in range(stories):
        SavedStoryFactory(user=reader, article=ArticleFactory(live=True, tags=["Rain"]))
    client.get("/")  # warms the site settings' cache, as every later request finds it
    with django_assert_max_num_queries(7) as queries:
        assert client.get("/accounts/saved/").status_code == 200
    return len(queries)


def test_saved_stories_query_count_does_not_grow_with_the_stories(
    reader_client, reader, django_assert_max_num_queries
):
    few = saved_page_queries(reader_client, reader, 5, django_assert_max_num_queries)
    SavedStory.objects.all().delete()
    many = saved_page_queries(reader_client, reader, 25, django_assert_max_num_queries)
    assert few == many


# The save controls on reader pages (the same for everyone: aria-pressed is the script's job)


def test_the_article_page_has_a_save_link_to_the_save_page(client, live_article):
    html = main(client.get(live_article.get_absolute_url()))
    url = live_article.get_absolute_url()
    assert (
        f'<a class="save-link" href="/accounts/saved/{live_article.pk}/?next={url}" '
        f'data-save="{live_article.pk}" role="button" aria-pressed="false">'
    ) in html
    assert "<span data-save-label>Save story</span>" in html


def test_every_story_card_has_a_compact_save_link(client):
    stories = [ArticleFactory(live=True) for _ in range(3)]
    html = client.get("/latest/").content.decode()
    for story in stories:
        assert (
            f'<a class="save-link save-link--compact" href="/accounts/saved/{story.pk}/" '
            f'data-save="{story.pk}"'
        ) in html
