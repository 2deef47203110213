"""Placing a story at the top of the home page is an editor's decision, enforced on the server."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.admin_forms import opened_form
from tests.factories import ArticleFactory, UserFactory
from tests.html import page

pytestmark = pytest.mark.django_db


def change_url(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def test_a_writer_posting_the_lead_flag_does_not_set_it(client):
    writer = UserFactory(role="Writer")
    story = ArticleFactory(created_by=writer)
    client.force_login(writer)
    form = {**opened_form(client, story), "is_lead": "on", "summary": "Edited"}
    assert client.post(change_url(story), form).status_code == 302
    story.refresh_from_db()
    assert (story.summary, story.is_lead) == ("Edited", False)


def test_a_writer_cannot_set_the_lead_flag_on_a_new_story(client):
    from tests.factories import SectionFactory

    client.force_login(UserFactory(role="Writer"))
    data = {
        "headline": "Port strike ends",
        "slug": "port-strike-ends",
        "section": SectionFactory().pk,
        "is_lead": "on",
        "bylines-TOTAL_FORMS": "0",
        "bylines-INITIAL_FORMS": "0",
        "bylines-MIN_NUM_FORMS": "0",
        "bylines-MAX_NUM_FORMS": "1000",
    }
    assert client.post(reverse("admin:articles_article_add"), data).status_code == 302
    assert Article.objects.get().is_lead is False


def test_the_writers_form_shows_the_lead_flag_without_a_box_to_tick(client):
    writer = UserFactory(role="Writer")
    story = ArticleFactory(created_by=writer)
    client.force_login(writer)
    html = page(client.get(change_url(story)))
    assert 'name="is_lead"' not in html
    assert "Home page lead" in html


def test_an_editor_sets_the_lead_flag(client):
    client.force_login(UserFactory(role="Editor"))
    story = ArticleFactory()
    assert (
        client.post(change_url(story), {**opened_form(client, story), "is_lead": "on"}).status_code
        == 302
    )
    assert Article.objects.get().is_lead is True


def test_a_writers_save_keeps_a_lead_flag_an_editor_set(client):
    writer = UserFactory(role="Writer")
    story = ArticleFactory(created_by=writer, is_lead=True)
    client.force_login(writer)
    assert (
        client.post(change_url(story), {**opened_form(client, story), "summary": "x"}).status_code
        == 302
    )
    assert Article.objects.get().is_lead is True
