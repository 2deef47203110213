"""The admin's "view on site" shortcut names a story's address only to those who may see it."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.django_db


def shortcut(obj) -> str:
    content_type = ContentType.objects.get_for_model(obj)
    return reverse("view_on_site", args=[content_type.pk, obj.pk])


@pytest.mark.parametrize(
    "shape",
    [{"status": Article.Status.DRAFT}, {"status": Article.Status.IN_REVIEW}, {"scheduled": True}],
)
def test_a_writer_learns_nothing_of_someone_elses_unpublished_story(client, shape):
    story = ArticleFactory(slug="secret-merger-talks", **shape)
    client.force_login(UserFactory(role="Writer"))
    response = client.get(shortcut(story))
    assert response.status_code == 404
    assert "secret-merger-talks" not in response.content.decode()
    assert "secret-merger-talks" not in response.get("Location", "")


def test_an_unknown_story_id_answers_like_an_unpublished_one(client):
    client.force_login(UserFactory(role="Writer"))
    assert (
        client.get(
            reverse("view_on_site", args=[ContentType.objects.get_for_model(Article).pk, 999999])
        ).status_code
        == 404
    )


def test_a_live_story_sends_staff_to_its_page(client):
    story = ArticleFactory(live=True)
    client.force_login(UserFactory(role="Writer"))
    response = client.get(shortcut(story))
    assert response.status_code == 302
    assert response["Location"].endswith(story.get_absolute_url())


def test_an_editor_is_sent_to_the_preview_of_a_draft_not_its_address(client):
    story = ArticleFactory(slug="budget-draft")
    client.force_login(UserFactory(role="Editor"))
    response = client.get(shortcut(story))
    assert response["Location"] == reverse("articles:preview", args=[story.pk])


def test_a_writer_is_sent_to_the_preview_of_their_own_draft(client):
    writer = UserFactory(role="Writer")
    story = ArticleFactory(created_by=writer)
    client.force_login(writer)
    assert client.get(shortcut(story))["Location"] == reverse("articles:preview", args=[story.pk])


def test_other_objects_still_go_through_djangos_shortcut(client):
    section = SectionFactory(slug="cities")
    client.force_login(UserFactory(role="Writer"))
    response = client.get(shortcut(section))
    assert response.status_code == 302
    assert response["Location"].endswith(section.get_absolute_url())


def test_readers_cannot_use_the_shortcut(client):
    client.force_login(UserFactory())
    assert client.get(shortcut(ArticleFactory(live=True))).status_code in {302, 403}
