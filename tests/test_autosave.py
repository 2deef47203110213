"""Autosave and presence over HTTP: private copies of unsaved edits, offered back, never
seen by readers."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Autosave, Presence
from tests.admin_forms import opened_form
from tests.factories import ArticleFactory, SectionFactory, UserFactory
from tests.html import page

pytestmark = pytest.mark.django_db


def autosave_url(article) -> str:
    return reverse("admin:articles_article_autosave", args=[article.pk])


def change_url(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def editor(client):
    user = UserFactory(role="Editor", name="Asha Editor")
    client.force_login(user)
    return user


@pytest.fixture
def story():
    return ArticleFactory(live=True, headline="Floods recede", body="<p>Water fell.</p>")


def typed(client, article, **changes) -> dict:
    return {**opened_form(client, article), **changes}


def test_an_autosave_keeps_the_form_and_leaves_the_story_alone(client, editor, story):
    before = Article.objects.values().get(pk=story.pk)
    response = client.post(autosave_url(story), typed(client, story, headline="Floods recede fast"))
    assert response.status_code == 200
    assert response.json()["saved_label"]
    kept = Autosave.objects.get(user=editor, article=story)
    assert kept.data["headline"] == ["Floods recede fast"]
    assert "csrfmiddlewaretoken" not in kept.data
    assert Article.objects.values().get(pk=story.pk) == before
    assert story.history.count() == Article.objects.get(pk=story.pk).history.count()


def test_an_autosave_is_not_a_revision(client, editor, story):
    revisions = story.history.count()
    client.post(autosave_url(story), typed(client, story, headline="Changed"))
    assert story.history.count() == revisions


def test_readers_never_see_an_autosave(client, editor, story):
    client.post(autosave_url(story), typed(client, story, headline="Secret draft headline"))
    reader = Client()
    assert "Secret draft headline" not in page(reader.get(story.get_absolute_url()))
    assert "Secret draft headline" not in page(reader.get(reverse("articles:feed")))


def test_an_autosave_does_not_renew_the_page_cache(
    client, editor, story, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    from articles import page_cache

    page_cache.invalidate()
    token = cache.get(page_cache.TOKEN_KEY)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        client.post(autosave_url(story), typed(client, story, headline="Changed"))
    assert cache.get(page_cache.TOKEN_KEY) == token
    assert page_cache.last_change() is None
    # The same story saved does record a change, so the check above can fail.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(change_url(story), typed(client, story, headline="Changed"))
    assert page_cache.last_change() is not None
    assert callbacks is not None


def test_an_autosave_is_private_to_its_user(client, editor, story):
    client.post(autosave_url(story), typed(client, story, headline="Asha's unsaved headline"))
    other = Client()
    other.force_login(UserFactory(role="Editor"))
    html = page(other.get(change_url(story)))
    assert "Asha's unsaved headline" not in html
    restored = page(other.get(change_url(story) + "?restore=autosave"))
    assert "Asha's unsaved headline" not in restored


def test_saving_the_story_deletes_the_autosave(client, editor, story):
    data = typed(client, story, headline="Floods recede fast")
    client.post(autosave_url(story), data)
    assert client.post(change_url(story), data).status_code == 302
    assert not Autosave.objects.exists()


def test_someone_elses_save_keeps_my_autosave(client, editor, story):
    client.post(autosave_url(story), typed(client, story, headline="Mine"))
    other = Client()
    other.force_login(UserFactory(role="Editor"))
    other.post(change_url(story), typed(other, story, summary="Theirs"))
    assert Autosave.objects.filter(user=editor).exists()


def test_opening_a_story_with_an_autosave_offers_it_with_a_readable_diff(client, editor, story):
    client.post(autosave_url(story), typed(client, story, body="<p>Water fell fast.</p>"))
    html = page(client.get(change_url(story)))
    assert "Restore your unsaved changes from" in html
    assert '<ins class="diff-ins"> fast</ins>' in html
    assert "&lt;p&gt;" not in html.split('id="autosave-offer"')[1].split("</table>")[0]


def test_an_autosave_the_same_as_the_story_is_not_offered(client, editor, story):
    client.post(autosave_url(story), typed(client, story))
    assert "Restore your unsaved changes" not in page(client.get(change_url(story)))


def test_restoring_fills_the_form_with_the_autosave(client, editor, story):
    client.post(autosave_url(story), typed(client, story, headline="Floods recede at last"))
    response = client.get(change_url(story) + "?restore=autosave")
    assert response.context["adminform"].form["headline"].value() == "Floods recede at last"
    assert "Restored your unsaved changes" in page(response)
    assert Article.objects.get().headline == "Floods recede"


def test_discarding_forgets_the_autosave(client, editor, story):
    client.post(autosave_url(story), typed(client, story, headline="Never mind"))
    response = client.post(reverse("admin:articles_article_autosave_discard", args=[story.pk]))
    assert response.status_code == 302
    assert not Autosave.objects.exists()


def test_a_heartbeat_keeps_nothing_but_says_who_is_here(client, editor, story):
    response = client.post(autosave_url(story), {"heartbeat": "1"})
    assert response.status_code == 200
    assert not Autosave.objects.exists()
    assert Presence.objects.filter(user=editor, article=story).exists()


def test_a_second_editor_hears_who_else_is_editing(client, editor, story):
    client.post(autosave_url(story), {"heartbeat": "1"})
    other = Client()
    other.force_login(UserFactory(role="Editor"))
    answer = other.post(autosave_url(story), {"heartbeat": "1"}).json()
    assert [person["name"] for person in answer["editing"]] == ["Asha Editor"]
    assert "Asha Editor is editing this story (since" in page(other.get(change_url(story)))


def test_presence_not_heard_from_for_a_while_ends(client, editor, story):
    client.post(autosave_url(story), {"heartbeat": "1"})
    Presence.objects.update(seen_at=timezone.now() - timedelta(minutes=5))
    other = Client()
    other.force_login(UserFactory(role="Editor"))
    assert other.post(autosave_url(story), {"heartbeat": "1"}).json()["editing"] == []


def test_leaving_ends_presence(client, editor, story):
    client.post(autosave_url(story), {"heartbeat": "1"})
    client.post(reverse("admin:articles_article_autosave_leave", args=[story.pk]))
    assert not Presence.objects.exists()


def test_a_writer_cannot_autosave_a_story_they_may_not_edit(client, story):
    client.force_login(UserFactory(role="Writer"))
    response = client.post(autosave_url(story), {"headline": "x"})
    assert response.status_code in {403, 404}
    assert not Autosave.objects.exists()


def test_autosave_answers_only_post(client, editor, story):
    assert client.get(autosave_url(story)).status_code == 405


def test_the_answer_is_never_cached(client, editor, story):
    response = client.post(autosave_url(story), {"heartbeat": "1"})
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def add_form_data(**fields) -> dict:
    data = {
        "headline": "",
        "slug": "",
        "section": "",
        "summary": "",
        "body": "",
        "tags": "",
        "_new_story": "1",
        "bylines-TOTAL_FORMS": "0",
        "bylines-INITIAL_FORMS": "0",
        "bylines-MIN_NUM_FORMS": "0",
        "bylines-MAX_NUM_FORMS": "1000",
    }
    data.update(fields)
    return data


def test_a_new_story_is_kept_as_a_copy_until_it_could_be_saved(client, editor):
    response = client.post(
        reverse("admin:articles_article_autosave_new"), add_form_data(body="<p>Notes</p>")
    )
    assert response.json()["created"] is None
    assert Autosave.objects.get(article=None).data["body"] == ["<p>Notes</p>"]
    assert not Article.objects.exists()


def test_a_new_story_becomes_a_draft_with_its_first_autosave_that_could_save(client, editor):
    data = add_form_data(
        headline="Metro line opens", slug="metro-line-opens", section=str(SectionFactory().pk)
    )
    answer = client.post(reverse("admin:articles_article_autosave_new"), data).json()
    article = Article.objects.get()
    assert (article.headline, article.status, article.created_by) == (
        "Metro line opens",
        Article.Status.DRAFT,
        editor,
    )
    assert answer["created"]["change_url"] == change_url(article)
    assert Autosave.objects.get().article == article


def test_the_draft_made_by_autosave_gets_the_writers_byline_at_its_first_save(client):
    from tests.factories import AuthorFactory

    writer = UserFactory(role="Writer")
    AuthorFactory(user=writer, name="Kiran Writer")
    client.force_login(writer)
    data = add_form_data(
        headline="Metro line opens", slug="metro-line-opens", section=str(SectionFactory().pk)
    )
    created = client.post(reverse("admin:articles_article_autosave_new"), data).json()["created"]
    data.update(edit_version=created["edit_version"], edit_base=created["edit_base"])
    assert client.post(created["change_url"], data).status_code == 302
    assert [a.name for a in Article.objects.get().byline_authors] == ["Kiran Writer"]


def test_the_add_form_offers_an_unsaved_new_story(client, editor):
    client.post(reverse("admin:articles_article_autosave_new"), add_form_data(body="<p>Notes</p>"))
    html = page(client.get(reverse("admin:articles_article_add")))
    assert "Restore your unsaved changes from" in html
    restored = client.get(reverse("admin:articles_article_add") + "?restore=autosave")
    assert restored.context["adminform"].form["body"].value() == "<p>Notes</p>"


def test_presences_left_behind_for_a_day_are_swept(client, editor, story):
    gone = UserFactory(role="Editor")
    Presence.objects.create(
        user=gone,
        article=story,
        since=timezone.now() - timedelta(days=2),
        seen_at=timezone.now() - timedelta(days=2),
    )
    client.post(autosave_url(story), {"heartbeat": "1"})
    assert not Presence.objects.filter(user=gone).exists()
