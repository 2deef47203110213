"""No lost edits: a save based on an outdated form is refused, keeping the user's text."""

import re

import pytest
from django.urls import reverse

from articles import workflow
from articles.models import Article
from tests.admin_forms import change_form_data
from tests.factories import ArticleFactory, AuthorFactory, UserFactory
from tests.html import page

pytestmark = pytest.mark.django_db


def opened_form(client, article) -> dict:
    """The change form as this user's browser would post it back, opened now."""
    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    data = change_form_data(article)
    assert data["edit_version"] == response.context["adminform"].form["edit_version"].value()
    return data


@pytest.fixture
def story():
    return ArticleFactory(
        headline="Bridge reopens",
        body="<p>The bridge reopened today.</p>",
        authors=[AuthorFactory()],
    )


@pytest.fixture
def two_editors(client):
    from django.test import Client

    first, second = UserFactory(role="Editor", name="Asha Editor"), UserFactory(role="Editor")
    other = Client()
    client.force_login(first)
    other.force_login(second)
    return client, other


def test_a_save_after_someone_elses_save_is_refused_and_keeps_your_text(story, two_editors):
    asha, ravi = two_editors
    asha_form, ravi_form = opened_form(asha, story), opened_form(ravi, story)
    asha_form["body"] = "<p>The bridge reopened at noon.</p>"
    assert (
        asha.post(reverse("admin:articles_article_change", args=[story.pk]), asha_form).status_code
        == 302
    )
    ravi_form["body"] = "<p>The bridge reopened after repairs.</p>"
    response = ravi.post(reverse("admin:articles_article_change", args=[story.pk]), ravi_form)
    html = page(response)
    assert response.status_code == 200
    assert "Asha Editor saved this story after you opened it" in html
    assert "reopened after repairs" in html  # Ravi's text is still in the form
    assert Article.objects.get().body == "<p>The bridge reopened at noon.</p>"


def test_the_refusal_shows_what_differs(story, two_editors):
    asha, ravi = two_editors
    asha_form, ravi_form = opened_form(asha, story), opened_form(ravi, story)
    asha_form["headline"] = "Bridge reopens at noon"
    asha.post(reverse("admin:articles_article_change", args=[story.pk]), asha_form)
    ravi_form["headline"] = "Bridge reopens after repairs"
    html = page(ravi.post(reverse("admin:articles_article_change", args=[story.pk]), ravi_form))
    diff = re.search(r'<pre class="stale-diff">(.*?)</pre>', html, re.S).group(1)
    assert "-Bridge reopens at noon" in diff
    assert "+Bridge reopens after repairs" in diff


def test_saving_again_after_reading_the_difference_goes_through(story, two_editors):
    asha, ravi = two_editors
    asha_form, ravi_form = opened_form(asha, story), opened_form(ravi, story)
    asha.post(
        reverse("admin:articles_article_change", args=[story.pk]),
        {**asha_form, "summary": "Asha's"},
    )
    ravi_form["summary"] = "Ravi's"
    refused = ravi.post(reverse("admin:articles_article_change", args=[story.pk]), ravi_form)
    ravi_form["edit_version"] = refused.context["adminform"].form["edit_version"].value()
    assert (
        ravi.post(reverse("admin:articles_article_change", args=[story.pk]), ravi_form).status_code
        == 302
    )
    assert Article.objects.get().summary == "Ravi's"


def test_a_workflow_action_after_opening_the_form_also_makes_it_stale(story, two_editors):
    asha, _ = two_editors
    form = opened_form(asha, story)
    workflow.submit(article=story, by=UserFactory(role="Editor"))
    response = asha.post(reverse("admin:articles_article_change", args=[story.pk]), form)
    assert response.status_code == 200
    assert "saved this story after you opened it" in page(response)


def test_an_uncontested_save_goes_through(story, two_editors):
    asha, _ = two_editors
    form = opened_form(asha, story)
    form["summary"] = "New summary"
    assert (
        asha.post(reverse("admin:articles_article_change", args=[story.pk]), form).status_code
        == 302
    )
    assert Article.objects.get().summary == "New summary"
