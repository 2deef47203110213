import pytest
from django.urls import reverse

from articles.models import Article
from tests.admin_forms import change_form_data
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.django_db


def article_form(**overrides):
    """The add form as a browser posts it: one byline, two tags, a body with a script."""
    story = ArticleFactory.build(
        headline="Harbour bridge opens to cyclists on Sundays",
        slug="harbour-bridge-opens-to-cyclists",
        section=SectionFactory(),
        summary="The bridge closes to cars every Sunday morning.",
        dateline="Kochi",
        body='<p>Riders gathered at dawn.</p><script>alert("x")</script>',
    )
    byline = {
        "bylines-TOTAL_FORMS": "1",
        "bylines-0-author": AuthorFactory().pk,
        "bylines-0-order": "0",
    }
    return change_form_data(story, tags="Transport, Kochi", **byline, **overrides)


@pytest.mark.parametrize("role", ["Writer", "Editor"])
def test_staff_write_a_new_story_in_the_admin_as_a_clean_draft(client, role):
    user = UserFactory(role=role)
    client.force_login(user)
    response = client.post(reverse("admin:articles_article_add"), article_form())
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get(slug="harbour-bridge-opens-to-cyclists")
    assert article.status == Article.Status.DRAFT
    assert article.created_by == user
    assert article.last_edited_by == user
    assert "<script>" not in article.body
    assert sorted(t.name for t in article.tags.all()) == ["Kochi", "Transport"]
    assert len(article.byline_authors) == 1


def test_a_story_with_a_missing_headline_is_refused_and_keeps_what_was_typed(client):
    client.force_login(UserFactory(role="Writer"))
    response = client.post(reverse("admin:articles_article_add"), article_form(headline=""))
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert "Riders gathered at dawn." in response.content.decode()
    assert not Article.objects.exists()


def test_the_status_cannot_be_set_through_the_admin_form(client):
    client.force_login(UserFactory(role="Editor"))
    client.post(reverse("admin:articles_article_add"), article_form(status="published"))
    assert Article.objects.get().status == Article.Status.DRAFT


def test_site_settings_open_straight_on_the_single_row(client):
    client.force_login(UserFactory(role="Administrator"))
    response = client.get(reverse("admin:articles_sitesettings_changelist"))
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_sitesettings_change", args=[1])


def test_an_administrator_renames_the_publisher_and_readers_see_it(client):
    client.force_login(UserFactory(role="Administrator"))
    url = reverse("admin:articles_sitesettings_change", args=[1])
    form = (
        client.get(reverse("admin:articles_sitesettings_changelist"), follow=True)
        .context["adminform"]
        .form
    )
    data = {name: ("" if value is None else value) for name, value in form.initial.items()}
    data.update(publisher="Northern Media", site_name="IndiaPost Live")
    assert client.post(url, data).status_code == 302
    client.logout()
    assert "Northern Media. All Rights Reserved." in client.get("/").content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "admin:articles_article_changelist",
        "admin:articles_section_changelist",
        "admin:articles_author_changelist",
        "admin:articles_page_changelist",
        "admin:accounts_user_changelist",
        "admin:accounts_user_add",
        "admin:taggit_tag_changelist",
    ],
)
def test_administrator_admin_pages_load(client, url):
    client.force_login(UserFactory(role="Administrator"))
    assert client.get(reverse(url)).status_code == 200


def test_the_publication_time_cannot_be_set_through_the_form_only_by_the_workflow(client):
    client.force_login(UserFactory(role="Editor"))
    client.post(
        reverse("admin:articles_article_add"),
        article_form(published_at_0="2020-01-01", published_at_1="10:00"),
    )
    article = Article.objects.get()
    assert article.published_at is None
    assert not Article.objects.live().exists()


def test_the_change_form_shows_a_scheduled_story_as_scheduled_with_its_time(client):
    client.force_login(UserFactory(role="Editor"))
    article = ArticleFactory(scheduled=True)
    html = client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "Scheduled for" in html
