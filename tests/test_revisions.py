"""Revisions of articles in the admin: one per save, who and what, compare, restore."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import workflow
from articles.models import Article
from tests.admin_forms import change_form_data
from tests.factories import ArticleFactory, UserFactory
from tests.html import between, page

pytestmark = pytest.mark.django_db

Status = Article.Status


def change_url(article: Article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def revisions_url(article: Article) -> str:
    return reverse("admin:articles_article_revisions", args=[article.pk])


def restore_url(article: Article, record) -> str:
    return reverse("admin:articles_article_restore_revision", args=[article.pk, record.history_id])


def save(client, article: Article, **changes):
    """Open the change form on the story as saved now, change it, and save."""
    article.refresh_from_db()
    response = client.post(change_url(article), change_form_data(article, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


@pytest.fixture
def story():
    return ArticleFactory(headline="Bridge reopens", body="<p>The bridge reopened today.</p>")


@pytest.fixture
def signed_in_editor(client, editor):
    client.force_login(editor)
    return editor


def test_a_save_keeps_exactly_one_revision_with_its_user_and_tags(client, signed_in_editor, story):
    before = story.history.count()
    save(client, story, headline="Bridge reopens at noon", tags="traffic, New Delhi")
    assert story.history.count() == before + 1
    revision = story.history.latest()
    assert revision.history_user == signed_in_editor
    assert revision.headline == "Bridge reopens at noon"
    assert revision.tag_names == '"New Delhi", traffic'
    story.refresh_from_db()
    assert sorted(story.tags.names()) == ["New Delhi", "traffic"]
    assert story.tag_names == revision.tag_names


def test_a_new_story_from_the_admin_has_one_revision_with_its_tags(client, signed_in_editor, story):
    data = change_form_data(
        Article(section=story.section), headline="Rain", slug="rain", tags="weather"
    )
    response = client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302
    article = Article.objects.get(slug="rain")
    (revision,) = article.history.all()
    assert (revision.history_type, revision.tag_names) == ("+", "weather")
    assert revision.history_user == signed_in_editor


def test_a_workflow_action_keeps_a_revision(client, signed_in_editor, story):
    before = story.history.count()
    response = client.post(reverse("admin:articles_article_workflow", args=[story.pk, "publish"]))
    assert response.status_code == 302
    assert story.history.count() == before + 1
    revision = story.history.latest()
    assert revision.status == Status.PUBLISHED
    assert revision.history_user == signed_in_editor


def comparison(client, article: Article, old, new) -> str:
    """The revisions page's comparison of `old` and `new`, as HTML."""
    response = client.get(revisions_url(article), {"old": old.history_id, "new": new.history_id})
    assert response.status_code == 200
    return between(page(response), 'id="comparison"', 'id="revisions"')


def test_compare_marks_the_changed_words_of_the_body_paragraph_by_paragraph(
    client, signed_in_editor, story
):
    save(client, story, body="<p>The bridge reopened today.</p><p>Traffic is light.</p>")
    save(client, story, body="<p>The bridge reopened at noon.</p><p>Traffic is light.</p>")
    old, new = story.history.order_by("history_id")[1:3]
    html = comparison(client, story, old, new)
    assert (
        '<p class="diff-block">The bridge reopened <del class="diff-del">today</del>'
        '<ins class="diff-ins">at noon</ins>.</p>'
    ) in html
    assert '<p class="diff-block">Traffic is light.</p>' in html


def test_compare_never_shows_the_bodys_tags(client, signed_in_editor, story):
    save(client, story, body="<p>The bridge reopened <strong>today</strong>.</p><p>More.</p>")
    old, new = story.history.order_by("history_id")[0:2]
    html = comparison(client, story, old, new)
    assert "<p>" not in html
    assert "&lt;p&gt;" not in html
    assert "strong" not in html
    assert '<ins class="diff-ins">More.</ins>' in html


def test_compare_marks_the_changed_words_of_the_headline(client, signed_in_editor, story):
    save(client, story, headline="Bridge reopens at noon")
    old, new = story.history.order_by("history_id")[0:2]
    html = comparison(client, story, old, new)
    assert 'Bridge reopens<ins class="diff-ins"> at noon</ins>' in html
    assert "Body" not in html  # unchanged fields are not listed


def test_compare_shows_other_fields_as_old_and_new_values(client, signed_in_editor, story):
    save(client, story, is_lead="on")
    old, new = story.history.order_by("history_id")[0:2]
    html = comparison(client, story, old, new)
    assert '<del class="diff-del">no</del> → <ins class="diff-ins">yes</ins>' in html


def test_the_revisions_page_loads_the_diff_stylesheet(client, signed_in_editor, story):
    response = client.get(revisions_url(story))
    assert 'href="/static/articles/admin/diff.css"' in page(response)


def test_the_revisions_page_lists_who_changed_what_newest_first(client, signed_in_editor, story):
    save(client, story, headline="Bridge reopens at noon")
    save(client, story, summary="Traffic flows again.")
    response = client.get(revisions_url(story))
    rows = [row["record"] for row in response.context["rows"]]
    assert rows == list(story.history.order_by("-history_date", "-history_id"))
    assert response.context["rows"][0]["changed"] == ["summary"]
    assert response.context["rows"][1]["changed"] == ["headline"]
    assert str(signed_in_editor) in page(response)
    assert revisions_url(story) in page(client.get(change_url(story)))


def test_restore_brings_back_the_old_content_as_a_new_revision(client, signed_in_editor):
    story = ArticleFactory(live=True, headline="Bridge reopens", body="<p>Open today.</p>")
    save(client, story, tags="traffic")
    old = story.history.latest()
    save(client, story, headline="Bridge closes again", body="<p>Closed.</p>", tags="repairs")
    count = story.history.count()

    response = client.post(restore_url(story, old), {"confirm": "yes"})

    assert response.status_code == 302
    assert response["Location"] == change_url(story)
    story.refresh_from_db()
    assert (story.headline, story.body) == ("Bridge reopens", "<p>Open today.</p>")
    assert list(story.tags.names()) == ["traffic"]
    assert story.status == Status.PUBLISHED
    assert story.history.count() == count + 1
    restored = story.history.latest()
    assert (restored.headline, restored.tag_names) == ("Bridge reopens", "traffic")
    assert restored.history_user == signed_in_editor
    assert restored.history_change_reason.startswith("Restored the revision of")


def test_restore_keeps_the_workflow_state(client, signed_in_editor, story):
    old = story.history.latest()  # a draft
    workflow.publish(article=story, by=signed_in_editor)
    workflow.trash(article=story, by=signed_in_editor)
    workflow.restore(article=story, by=signed_in_editor)
    client.post(restore_url(story, old), {"confirm": "yes"})
    story.refresh_from_db()
    assert story.status == Status.PUBLISHED
    assert story.published_at is not None
    assert story.trashed_at is None


def test_restoring_a_revision_of_a_live_story_asks_first(client, signed_in_editor):
    story = ArticleFactory(live=True, headline="Bridge reopens", body="<p>Open today.</p>")
    old = story.history.latest()
    save(client, story, headline="Bridge closes again")

    response = client.post(restore_url(story, old))

    assert response.status_code == 200
    html = page(response)
    assert "This story is live: restoring changes what readers see now" in html
    assert (
        'Bridge <del class="diff-del">closes again</del><ins class="diff-ins">reopens</ins>' in html
    )
    assert 'href="/static/articles/admin/diff.css"' in html


def test_the_restore_question_posts_yes_with_its_token_or_cancels_to_the_revisions(
    client, signed_in_editor, live_article
):
    old = live_article.history.latest()
    save(client, live_article, headline="A new headline")
    html = page(client.post(restore_url(live_article, old)))
    form = between(
        html, f'<form method="post" action="{restore_url(live_article, old)}"', "</form>"
    )
    assert '<input type="hidden" name="confirm" value="yes">' in form
    assert 'name="csrfmiddlewaretoken"' in form
    assert 'value="Yes, restore it"' in form
    assert f'<a href="{revisions_url(live_article)}" class="button cancel-link">Cancel</a>' in form


def test_a_live_story_is_unchanged_until_the_restore_is_confirmed(client, signed_in_editor):
    story = ArticleFactory(live=True, headline="Bridge reopens")
    old = story.history.latest()
    save(client, story, headline="Bridge closes again")
    count = story.history.count()

    client.post(restore_url(story, old))
    client.post(restore_url(story, old), {"confirm": "no"})

    story.refresh_from_db()
    assert story.headline == "Bridge closes again"
    assert story.history.count() == count


def test_a_draft_restores_at_once_without_asking(client, signed_in_editor, story):
    old = story.history.latest()
    save(client, story, headline="Bridge closes again")

    response = client.post(restore_url(story, old))

    assert response.status_code == 302
    story.refresh_from_db()
    assert story.headline == "Bridge reopens"


def test_a_scheduled_story_restores_at_once_without_asking(client, signed_in_editor):
    story = ArticleFactory(scheduled=True, headline="Bridge reopens")
    old = story.history.latest()
    save(client, story, headline="Bridge closes again")

    assert client.post(restore_url(story, old)).status_code == 302
    story.refresh_from_db()
    assert story.headline == "Bridge reopens"


def test_restore_refuses_a_get(client, signed_in_editor, story):
    old = story.history.latest()
    assert client.get(restore_url(story, old)).status_code == 405


def test_restore_refused_for_a_writer_on_someone_elses_story(client, writer, story):
    story.created_by = UserFactory(role="Writer")
    story.save()
    old = story.history.earliest()
    save_count = story.history.count()
    client.force_login(writer)
    assert client.post(restore_url(story, old)).status_code == 404
    assert client.get(revisions_url(story)).status_code == 404
    assert story.history.count() == save_count


def test_a_writer_who_may_not_edit_sees_revisions_read_only(client, writer):
    story = ArticleFactory(created_by=writer, status=Status.IN_REVIEW, headline="Rain")
    story.headline = "Heavy rain"
    story.save()
    client.force_login(writer)
    response = client.get(revisions_url(story))
    assert response.status_code == 200
    assert "Restore this revision" not in page(response)
    old = story.history.earliest()
    assert client.post(restore_url(story, old)).status_code == 403
    story.refresh_from_db()
    assert story.headline == "Heavy rain"


def test_a_writer_restores_on_their_own_draft(client, writer):
    story = ArticleFactory(created_by=writer, headline="Rain")
    story.headline = "Heavy rain"
    story.save()
    client.force_login(writer)
    assert "Restore this revision" in page(client.get(revisions_url(story)))
    assert client.post(restore_url(story, story.history.earliest())).status_code == 302
    story.refresh_from_db()
    assert story.headline == "Rain"


def test_a_revision_of_another_story_is_not_found(client, signed_in_editor, story):
    other = ArticleFactory()
    assert client.post(restore_url(story, other.history.latest())).status_code == 404


@pytest.mark.parametrize("revisions", [3, 30])
def test_the_revisions_page_query_count_does_not_grow(
    client, signed_in_editor, story, revisions, django_assert_max_num_queries
):
    for number in range(revisions - story.history.count()):
        story.headline = f"Bridge reopens, update {number}"
        story.save()
    assert story.history.count() == revisions
    # Session, user, 2 x permissions, story, bylines, revisions, sections of the comparison,
    # the header's unread notifications and, with no worker (tests, make run), the
    # scheduled stories due to be announced.
    with django_assert_max_num_queries(10):
        response = client.get(revisions_url(story))
    assert response.status_code == 200
    assert len(response.context["rows"]) == revisions


def test_the_revisions_page_makes_the_same_queries_for_3_and_30(client, signed_in_editor):
    counts = []
    for revisions in (3, 30):
        story = ArticleFactory()
        for number in range(revisions - 1):
            story.headline = f"Update {number}"
            story.save()
        with CaptureQueriesContext(connection) as queries:
            client.get(revisions_url(story))
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_tags_set_outside_the_admin_reach_the_latest_revision_without_a_new_one():
    story = ArticleFactory()
    count = story.history.count()
    story.tags.set(["floods", "New Delhi"])
    assert story.history.count() == count
    assert story.history.latest().tag_names == '"New Delhi", floods'
    story.refresh_from_db()
    assert story.tag_names == '"New Delhi", floods'
    story.tags.clear()
    assert story.history.latest().tag_names == ""


def test_the_revisions_page_of_a_story_without_revisions_loads(client):
    """Stories inserted in bulk (seed_demo --articles) or before revisions existed have none."""
    article = ArticleFactory()
    article.history.all().delete()
    client.force_login(UserFactory(role="Editor"))
    response = client.get(reverse("admin:articles_article_revisions", args=[article.pk]))
    assert response.status_code == 200
