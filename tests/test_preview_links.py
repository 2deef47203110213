"""Shareable preview links (issue 14): a story as readers will see it, for anyone with the link."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles import page_cache, preview_links, workflow
from articles.models import PreviewLink
from tests.factories import ArticleFactory, UserFactory
from tests.html import page

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor():
    """Someone without an account, in a browser of their own."""
    return Client()


def link_url(link: PreviewLink) -> str:
    return reverse("articles:shared_preview", args=[preview_links.token_for(link)])


def change_form(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def create_url(article) -> str:
    return reverse("admin:articles_article_preview_link_create", args=[article.pk])


def revoke_url(link: PreviewLink) -> str:
    return reverse("admin:articles_article_preview_link_revoke", args=[link.article_id, link.pk])


# The reader's side.


def test_a_preview_link_shows_the_draft_to_a_visitor_without_an_account(editor, visitor):
    story = ArticleFactory(headline="Harbour plan under review", body="<p>Boats return.</p>")
    link = preview_links.create(article=story, by=editor)
    response = visitor.get(link_url(link))
    html = page(response)
    assert response.status_code == 200
    assert "Harbour plan under review</h1>" in html
    assert "Boats return." in html
    assert "<strong>Preview</strong>" in html


def test_a_preview_link_shows_the_current_version_after_later_edits(editor, visitor):
    story = ArticleFactory(headline="First headline")
    link = preview_links.create(article=story, by=editor)
    story.headline = "Second headline"
    story.save()
    assert "Second headline</h1>" in page(visitor.get(link_url(link)))


def test_a_preview_link_is_marked_noindex_in_its_header_and_its_page(editor, visitor):
    response = visitor.get(link_url(preview_links.create(article=ArticleFactory(), by=editor)))
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex' in page(response)


def test_a_preview_link_is_never_cached_by_browsers_or_shared_caches(editor, visitor):
    response = visitor.get(link_url(preview_links.create(article=ArticleFactory(), by=editor)))
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives
    assert not any(part.startswith(("public", "s-maxage")) for part in directives)


def test_a_preview_link_is_never_stored_in_the_page_cache(editor, visitor, settings):
    settings.NEWSROOM_PAGE_CACHE = True
    page_cache._memo.token = None
    link = preview_links.create(article=ArticleFactory(), by=editor)
    visitor.get(link_url(link))
    second = visitor.get(link_url(link))
    assert second.status_code == 200
    assert page_cache.STATUS_HEADER not in second
    pages = [key for key in cache._cache if "page-cache:" in key]
    state = (page_cache.TOKEN_KEY, ":seq", ":schedule")  # the shared state, not pages
    assert all(":fragment:" in key or key.endswith(state) for key in pages)


def test_an_expired_preview_link_answers_404(editor, visitor, monkeypatch):
    link = preview_links.create(article=ArticleFactory(), by=editor, hours=1)
    later = timezone.now() + timedelta(hours=1, seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert visitor.get(link_url(link)).status_code == 404


def test_a_preview_link_works_until_it_expires(editor, visitor, monkeypatch):
    link = preview_links.create(article=ArticleFactory(), by=editor, hours=1)
    later = timezone.now() + timedelta(minutes=59)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert visitor.get(link_url(link)).status_code == 200


def test_a_revoked_preview_link_answers_404(editor, visitor):
    link = preview_links.create(article=ArticleFactory(), by=editor)
    preview_links.revoke(link=link, by=editor)
    assert visitor.get(link_url(link)).status_code == 404


def test_a_tampered_preview_link_answers_404(editor, visitor):
    token = preview_links.token_for(preview_links.create(article=ArticleFactory(), by=editor))
    link_id, signature = token.split(":")
    forged = f"{link_id[:-1]}{'0' if link_id[-1] != '0' else '1'}:{signature}"
    assert visitor.get(reverse("articles:shared_preview", args=[forged])).status_code == 404
    assert visitor.get(reverse("articles:shared_preview", args=[link_id])).status_code == 404


def test_a_validly_signed_token_for_a_deleted_link_answers_404(editor, visitor):
    link = preview_links.create(article=ArticleFactory(), by=editor)
    url = link_url(link)
    link.delete()
    assert visitor.get(url).status_code == 404


def test_a_preview_link_to_a_story_in_the_trash_answers_404(editor, visitor):
    story = ArticleFactory()
    link = preview_links.create(article=story, by=editor)
    workflow.trash(article=story, by=editor)
    assert visitor.get(link_url(link)).status_code == 404


def test_opening_a_preview_link_records_when(editor, visitor):
    link = preview_links.create(article=ArticleFactory(), by=editor)
    visitor.get(link_url(link))
    link.refresh_from_db()
    assert link.last_opened_at is not None
    assert link.open_count == 1


def test_the_staff_preview_by_number_still_works_beside_the_links(client, editor):
    client.force_login(editor)
    story = ArticleFactory()
    assert client.get(reverse("articles:preview", args=[story.pk])).status_code == 200


# Who may make and revoke links.


def test_an_editor_may_create_a_preview_link_to_any_story(editor):
    link = preview_links.create(article=ArticleFactory(), by=editor)
    assert link.expires_at - link.created_at == timedelta(hours=48)


def test_a_writer_may_create_a_preview_link_to_their_own_story():
    writer = UserFactory(role="Writer")
    story = ArticleFactory(created_by=writer, status="in_review")
    assert preview_links.create(article=story, by=writer, hours=24).article == story


def test_a_writer_may_not_create_a_preview_link_to_someone_elses_story():
    with pytest.raises(preview_links.PreviewLinkError):
        preview_links.create(article=ArticleFactory(), by=UserFactory(role="Writer"))


def test_a_reader_may_not_create_a_preview_link():
    with pytest.raises(preview_links.PreviewLinkError):
        preview_links.create(article=ArticleFactory(), by=UserFactory())


def test_a_preview_link_lasts_only_one_of_the_offered_times(editor):
    with pytest.raises(preview_links.PreviewLinkError):
        preview_links.create(article=ArticleFactory(), by=editor, hours=24 * 365)


def test_a_writer_may_not_revoke_a_link_to_someone_elses_story(editor):
    link = preview_links.create(article=ArticleFactory(), by=editor)
    with pytest.raises(preview_links.PreviewLinkError):
        preview_links.revoke(link=link, by=UserFactory(role="Writer"))


# The change form.


def test_an_editor_creates_a_link_from_the_change_form_and_sees_its_full_address(client, editor):
    story = ArticleFactory()
    client.force_login(editor)
    response = client.post(create_url(story), {"hours": "1"}, follow=True)
    link = PreviewLink.objects.get(article=story)
    assert link.expires_at - link.created_at == timedelta(hours=1)
    assert f'value="http://testserver{link_url(link)}"' in page(response)


def test_a_writer_creates_a_link_to_their_own_story_from_the_change_form(client):
    writer = UserFactory(role="Writer")
    story = ArticleFactory(created_by=writer)
    client.force_login(writer)
    client.post(create_url(story), {"hours": "48"})
    assert PreviewLink.objects.filter(article=story, created_by=writer).exists()


def test_a_writer_cannot_create_a_link_to_someone_elses_story_from_the_admin(client):
    story = ArticleFactory()
    client.force_login(UserFactory(role="Writer"))
    client.post(create_url(story), {"hours": "48"})
    assert not PreviewLink.objects.exists()


def test_a_reader_cannot_create_a_link_from_the_admin(client):
    client.force_login(UserFactory())
    client.post(create_url(ArticleFactory()), {"hours": "48"})
    assert not PreviewLink.objects.exists()


def test_creating_a_link_needs_a_post(client, editor):
    client.force_login(editor)
    assert client.get(create_url(ArticleFactory())).status_code == 405
    assert not PreviewLink.objects.exists()


def test_an_editor_revokes_a_link_from_the_change_form(client, editor):
    link = preview_links.create(article=ArticleFactory(), by=editor)
    client.force_login(editor)
    client.post(revoke_url(link))
    link.refresh_from_db()
    assert link.revoked_at is not None


def test_the_change_form_lists_the_links_with_who_made_them_and_when_they_were_last_opened(
    client, editor, visitor
):
    editor.name = "Mira Desk"
    editor.save()
    link = preview_links.create(article=ArticleFactory(), by=editor)
    visitor.get(link_url(link))
    link.refresh_from_db()
    client.force_login(editor)
    html = page(client.get(change_form(link.article)))
    listed = html[html.index('id="preview-links"') :]
    assert "Mira Desk" in listed
    opened = timezone.localtime(link.last_opened_at)
    assert f'<td><time datetime="{opened.isoformat()}">' in listed
    assert "Active" in listed
    assert "Create preview link" in listed


def test_the_change_form_shows_no_preview_links_to_a_writer_on_someone_elses_story(client):
    story = ArticleFactory(live=True)
    client.force_login(UserFactory(role="Writer"))
    assert 'id="preview-links"' not in page(client.get(change_form(story)))
