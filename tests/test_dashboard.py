from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, UserFactory
from tests.html import between, page

pytestmark = pytest.mark.django_db


def dashboard(client, user) -> str:
    client.force_login(user)
    html = page(client.get("/admin/"))
    return between(html, '<div class="module newsroom-dashboard">', "</div>")


def test_a_writer_sees_their_drafts_and_stories_sent_back_to_them(client):
    writer = UserFactory(role="Writer")
    ArticleFactory(created_by=writer, headline="My own draft")
    ArticleFactory(
        created_by=writer, headline="Fix this one", status=Article.Status.CHANGES_REQUESTED
    )
    ArticleFactory(headline="A colleague draft")
    html = dashboard(client, writer)
    assert "My own draft" in between(html, "<h3>My drafts</h3>", "<h3>")
    assert "Fix this one" in between(html, "<h3>Changes requested</h3>", "<h3>")
    assert "A colleague draft" not in html


def test_an_editor_sees_every_story_awaiting_review_oldest_first(client):
    ArticleFactory(headline="Waiting longest", status=Article.Status.IN_REVIEW)
    ArticleFactory(headline="Just sent", status=Article.Status.IN_REVIEW)
    html = between(
        dashboard(client, UserFactory(role="Editor")), "<h3>Awaiting review</h3>", "<h3>"
    )
    assert html.index("Waiting longest") < html.index("Just sent")


def test_the_dashboard_lists_what_goes_live_next_and_what_went_live_last(client):
    ArticleFactory(headline="Story for tomorrow", scheduled=True)
    ArticleFactory(
        headline="Story from today", live=True, published_at=timezone.now() - timedelta(hours=1)
    )
    html = dashboard(client, UserFactory(role="Editor"))
    assert "Story for tomorrow" in between(html, "<h3>Scheduled next</h3>", "<h3>")
    assert "Story from today" in html[html.index("<h3>Recently published</h3>") :]


def test_stories_in_the_trash_stay_off_the_dashboard(client):
    ArticleFactory(
        headline="Binned draft", status=Article.Status.IN_REVIEW, trashed_at=timezone.now()
    )
    assert "Binned draft" not in dashboard(client, UserFactory(role="Editor"))
