import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory, UserFactory
from tests.html import page

pytestmark = pytest.mark.django_db


def preview_url(article) -> str:
    return reverse("articles:preview", args=[article.pk])


def test_an_editor_previews_a_draft_as_readers_will_see_it_marked_as_a_preview(client):
    article = ArticleFactory(headline="Draft about the harbour", body="<p>Boats returned.</p>")
    client.force_login(UserFactory(role="Editor"))
    response = client.get(preview_url(article))
    html = page(response)
    assert response.status_code == 200
    assert "Draft about the harbour</h1>" in html
    assert "Boats returned." in html
    assert "<strong>Preview</strong>" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html


def test_a_preview_is_never_cached(client):
    client.force_login(UserFactory(role="Editor"))
    response = client.get(preview_url(ArticleFactory()))
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-cache", "no-store", "private"} <= directives
    assert not any(part.startswith(("s-maxage", "public")) for part in directives)


def test_a_writer_previews_their_own_draft(client):
    writer = UserFactory(role="Writer")
    client.force_login(writer)
    assert client.get(preview_url(ArticleFactory(created_by=writer))).status_code == 200


def test_a_writer_cannot_preview_someone_elses_draft(client):
    client.force_login(UserFactory(role="Writer"))
    assert client.get(preview_url(ArticleFactory())).status_code == 404


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "reader"])
def test_readers_get_a_404_for_a_preview(client, signed_in):
    if signed_in:
        client.force_login(UserFactory())
    article = ArticleFactory(status=Article.Status.IN_REVIEW)
    assert client.get(preview_url(article)).status_code == 404


def test_a_scheduled_story_preview_says_when_it_goes_live(client):
    client.force_login(UserFactory(role="Editor"))
    html = page(client.get(preview_url(ArticleFactory(scheduled=True))))
    assert "scheduled for" in html


def test_the_change_form_links_to_the_preview_for_those_who_may_edit(client):
    article = ArticleFactory()
    client.force_login(UserFactory(role="Editor"))
    html = page(client.get(reverse("admin:articles_article_change", args=[article.pk])))
    assert f'href="{preview_url(article)}"' in html
