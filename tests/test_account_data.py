"""A reader's account: the overview, downloading their data, deleting the account."""

import json
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from taggit.models import Tag

from accounts.models import Follow, SavedStory
from articles import workflow
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    FollowFactory,
    SavedStoryFactory,
    SectionFactory,
    UserFactory,
)
from tests.html import main, vnu_errors

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def reader(db):
    """The reader, with the name and address these tests look for."""
    return UserFactory(name="Meera Iyer", email="meera@example.com")


@pytest.mark.parametrize("url", ["/accounts/", "/accounts/data/", "/accounts/delete/"])
def test_account_pages_ask_an_anonymous_visitor_to_sign_in(client, url):
    assert client.get(url)["Location"] == f"/accounts/login/?next={url}"


@pytest.mark.parametrize("url", ["/accounts/", "/accounts/data/", "/accounts/delete/"])
def test_account_pages_are_private_and_never_stored(reader_client, url):
    cache_control = reader_client.get(url)["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control


# Overview


def test_the_overview_shows_the_account_and_links_to_everything(reader_client):
    html = main(reader_client.get("/accounts/"))
    assert "Meera Iyer" in html and "meera@example.com" in html
    for url in ["/accounts/saved/", "/accounts/for-you/", "/accounts/data/", "/accounts/delete/"]:
        assert f'href="{url}"' in html, url
    assert 'href="/accounts/email/"' in html
    assert 'href="/accounts/password/change/"' in html
    assert 'action="/accounts/logout/"' in html


# Data export


def export(client) -> dict:
    response = client.get("/accounts/data/")
    assert response.status_code == 200
    return json.loads(response.content)


def test_the_data_export_is_a_json_file_to_download(reader_client):
    response = reader_client.get("/accounts/data/")
    assert response["Content-Type"].startswith("application/json")
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (f'attachment; filename="newsroom-data-{today}.json"')


def test_the_data_export_holds_the_account_and_its_addresses(reader_client, reader):
    account = export(reader_client)["account"]
    assert account["email"] == "meera@example.com"
    assert account["name"] == "Meera Iyer"
    assert account["date_joined"].startswith(reader.date_joined.isoformat()[:19])
    assert "last_login" in account
    assert account["email_addresses"] == [
        {"email": "meera@example.com", "verified": True, "primary": True}
    ]


def test_the_data_export_holds_the_saved_stories(reader_client, reader):
    story = ArticleFactory(live=True, headline="Metro line opens")
    SavedStoryFactory(user=reader, article=story)
    SavedStoryFactory(article=ArticleFactory(live=True, headline="Someone else's"))
    [saved] = export(reader_client)["saved_stories"]
    assert saved["headline"] == "Metro line opens"
    assert saved["url"] == f"http://testserver{story.get_absolute_url()}"
    assert saved["saved_at"]


def test_the_data_export_leaves_out_stories_that_are_no_longer_live(reader_client, reader, editor):
    story = SavedStoryFactory(user=reader).article
    workflow.unpublish(article=story, by=editor)
    assert export(reader_client)["saved_stories"] == []


def test_the_data_export_holds_the_follows(reader_client, reader):
    FollowFactory(user=reader, section=SectionFactory(name="India", slug="india"))
    FollowFactory(
        user=reader,
        tag=Tag.objects.create(name="Monsoon", slug="monsoon"),
        followed_at=timezone.now() - timedelta(days=1),
    )
    FollowFactory(
        user=reader,
        author=AuthorFactory(name="Asha Rao", slug="asha-rao"),
        followed_at=timezone.now() - timedelta(days=2),
    )
    follows = export(reader_client)["follows"]
    assert [(f["kind"], f["name"], f["url"]) for f in follows] == [
        ("section", "India", "http://testserver/section/india/"),
        ("tag", "Monsoon", "http://testserver/tag/monsoon/"),
        ("author", "Asha Rao", "http://testserver/author/asha-rao/"),
    ]
    assert all(f["followed_at"] for f in follows)


# Deleting the account


def test_the_delete_page_explains_what_goes_and_asks_for_the_address(reader_client):
    html = main(reader_client.get("/accounts/delete/"))
    assert "saved stories" in html and "follow" in html
    assert 'name="email"' in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_a_wrong_confirmation_keeps_the_account(reader_client, reader):
    SavedStoryFactory(user=reader)
    response = reader_client.post("/accounts/delete/", {"email": "someone@example.com"})
    assert response.status_code == 200
    assert "nothing was deleted" in main(response)
    assert User.objects.filter(pk=reader.pk).exists()
    assert SavedStory.objects.filter(user=reader).exists()
    assert reader_client.get("/accounts/state/").json()["authenticated"] is True


def test_an_empty_confirmation_keeps_the_account(reader_client, reader):
    response = reader_client.post("/accounts/delete/", {"email": ""})
    assert response.status_code == 200
    assert User.objects.filter(pk=reader.pk).exists()


def test_the_right_address_deletes_the_account_saved_stories_and_follows(reader_client, reader):
    SavedStoryFactory(user=reader)
    FollowFactory(user=reader)
    kept = SavedStoryFactory()  # someone else's
    response = reader_client.post("/accounts/delete/", {"email": " Meera@Example.com "})
    assert response["Location"] == "/accounts/deleted/"
    assert not User.objects.filter(pk=reader.pk).exists()
    assert list(SavedStory.objects.all()) == [kept]
    assert not Follow.objects.exists()


def test_deleting_the_account_signs_out_and_says_so_once(reader_client):
    reader_client.post("/accounts/delete/", {"email": "meera@example.com"})
    assert reader_client.get("/accounts/state/").json()["authenticated"] is False
    html = main(reader_client.get("/accounts/deleted/"))
    assert "Your account has been deleted" in html
    assert reader_client.get("/accounts/deleted/")["Location"] == "/"


def test_the_deleted_page_sends_anyone_else_home(client):
    assert client.get("/accounts/deleted/")["Location"] == "/"


def test_a_staff_account_cannot_delete_itself(client, editor):
    client.force_login(editor)
    html = main(client.get("/accounts/delete/"))
    assert "ask an administrator" in html.lower()
    assert 'name="email"' not in html
    response = client.post("/accounts/delete/", {"email": editor.email})
    assert response.status_code == 403
    assert User.objects.filter(pk=editor.pk).exists()


# Every personal page is valid HTML (the W3C checker, as in test_html_valid.py)


def personal_pages(client, site) -> dict[str, str]:
    """File name -> HTML of every page a signed-in reader has under /accounts/."""
    reader = UserFactory(name="Meera Iyer", email="meera@example.com")
    client.force_login(reader)
    pages = {
        "overview": "/accounts/",
        "saved-empty": "/accounts/saved/",
        "for-you-suggestions": "/accounts/for-you/",
        "delete": "/accounts/delete/",
    }
    html = {name: client.get(url).content.decode() for name, url in pages.items()}
    SavedStoryFactory(user=reader, article=site.article)
    FollowFactory(user=reader, section=site.india)
    FollowFactory(user=reader, tag=Tag.objects.get(slug=site.tag_slug))
    FollowFactory(user=reader, author=site.reporter)
    pages = {
        "saved": "/accounts/saved/",
        "for-you": "/accounts/for-you/",
        "save": f"/accounts/saved/{site.article.pk}/?next=/latest/",
        "save-other": f"/accounts/saved/{site.others[0].pk}/",
        "follow-section": f"/accounts/follow/section/{site.world.slug}/",
        "follow-tag": f"/accounts/follow/tag/{site.tag_slug}/",
        "follow-author": f"/accounts/follow/author/{site.reporter.slug}/",
    }
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, (name, url)
        html[name] = response.content.decode()
    response = client.post("/accounts/delete/", {"email": "wrong@example.com"})
    assert response.context["form"].errors
    html["delete-errors"] = response.content.decode()
    client.force_login(UserFactory(role="Editor"))
    html["delete-staff"] = client.get("/accounts/delete/").content.decode()
    client.force_login(reader)
    client.post("/accounts/delete/", {"email": reader.email})
    html["deleted"] = client.get("/accounts/deleted/").content.decode()
    return html


def test_personal_pages_are_valid_html(client, reader_site, vnu_command, tmp_path):
    pages = personal_pages(client, reader_site)
    assert "You follow" in pages["for-you"] and "Popular tags" in pages["for-you-suggestions"]
    assert "is-invalid" in pages["delete-errors"]
    errors = vnu_errors(vnu_command, pages, tmp_path / "html")
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(errors)
