"""Readers follow sections, tags and authors: the follow page and its POST."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from taggit.models import Tag

from accounts.models import Follow
from tests.factories import (
    PASSWORD,
    AuthorFactory,
    FollowFactory,
    SectionFactory,
    UserFactory,
)
from tests.html import main

pytestmark = pytest.mark.django_db

JSON = {"Accept": "application/json"}


@pytest.fixture(params=["section", "tag", "author"])
def target(request, db):
    """(kind, the followed object, its reader page) for each kind that can be followed."""
    kind = request.param
    if kind == "section":
        obj = SectionFactory(name="India")
        return kind, obj, obj.get_absolute_url()
    if kind == "tag":
        obj = Tag.objects.create(name="North korea", slug="north-korea")
        return kind, obj, reverse("articles:tag", args=[obj.slug])
    obj = AuthorFactory(name="Asha Rao", slug="asha-rao")
    return kind, obj, obj.get_absolute_url()


def follow_url(kind, obj) -> str:
    return reverse("accounts:follow", args=[kind, obj.slug])


def follows(reader, kind, obj):
    return Follow.objects.filter(user=reader, **{kind: obj})


def test_follow_urls_name_the_kind_and_the_slug():
    assert reverse("accounts:follow", args=["tag", "monsoon"]) == "/accounts/follow/tag/monsoon/"


def test_a_reader_follows_a_section_a_tag_or_an_author(reader_client, reader, target):
    kind, obj, _ = target
    reader_client.post(follow_url(kind, obj), {"action": "follow"})
    assert follows(reader, kind, obj).count() == 1


def test_following_twice_keeps_one_follow(reader_client, reader, target):
    kind, obj, _ = target
    reader_client.post(follow_url(kind, obj), {"action": "follow"})
    reader_client.post(follow_url(kind, obj), {"action": "follow"})
    assert follows(reader, kind, obj).count() == 1


def test_unfollowing_removes_the_follow(reader_client, reader, target):
    kind, obj, _ = target
    FollowFactory(user=reader, **{kind: obj})
    reader_client.post(follow_url(kind, obj), {"action": "unfollow"})
    assert not follows(reader, kind, obj).exists()


def test_unfollowing_what_the_reader_does_not_follow_is_fine(reader_client, reader, target):
    kind, obj, _ = target
    response = reader_client.post(follow_url(kind, obj), {"action": "unfollow"})
    assert response.status_code == 302
    assert not Follow.objects.filter(user=reader).exists()


def test_unfollowing_leaves_other_readers_follows_alone(reader_client, target):
    kind, obj, _ = target
    other = FollowFactory(**{kind: obj})
    reader_client.post(follow_url(kind, obj), {"action": "unfollow"})
    assert Follow.objects.filter(pk=other.pk).exists()


def test_the_follow_page_shows_the_name_and_a_follow_form(reader_client, target):
    kind, obj, page = target
    response = reader_client.get(follow_url(kind, obj))
    html = main(response)
    assert response.status_code == 200
    assert obj.name in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="action" value="follow"' in html
    assert f'name="next" value="{page}"' in html
    assert ">Follow</button>" in html


def test_the_follow_page_offers_unfollow_to_a_follower(reader_client, reader, target):
    kind, obj, _ = target
    FollowFactory(user=reader, **{kind: obj})
    html = main(reader_client.get(follow_url(kind, obj)))
    assert 'name="action" value="unfollow"' in html
    assert ">Unfollow</button>" in html


def test_the_follow_page_is_private_and_never_stored(reader_client, target):
    kind, obj, _ = target
    cache_control = reader_client.get(follow_url(kind, obj))["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control


@pytest.mark.parametrize("kind", ["section", "tag", "author"])
def test_following_an_unknown_slug_is_not_found(reader_client, kind):
    url = reverse("accounts:follow", args=[kind, "no-such-thing"])
    assert reader_client.get(url).status_code == 404
    assert reader_client.post(url, {"action": "follow"}).status_code == 404


def test_only_sections_tags_and_authors_can_be_followed(reader_client, reader):
    SectionFactory(slug="india")
    assert (
        reader_client.post("/accounts/follow/user/india/", {"action": "follow"}).status_code == 404
    )
    assert not Follow.objects.filter(user=reader).exists()


def test_an_unknown_action_is_refused_and_follows_nothing(reader_client, reader, target):
    kind, obj, _ = target
    response = reader_client.post(follow_url(kind, obj), {"action": "save"})
    assert response.status_code == 400
    assert not Follow.objects.filter(user=reader).exists()


def test_following_goes_back_to_a_safe_next(reader_client, target):
    kind, obj, _ = target
    response = reader_client.post(follow_url(kind, obj), {"action": "follow", "next": "/latest/"})
    assert response["Location"] == "/latest/"


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example", "/\\evil.example", ""]
)
def test_an_unsafe_or_missing_next_falls_back_to_the_followed_page(reader_client, target, next_url):
    kind, obj, page = target
    response = reader_client.post(follow_url(kind, obj), {"action": "follow", "next": next_url})
    assert response["Location"] == page


def test_the_script_gets_json_instead_of_a_redirect(reader_client, target):
    kind, obj, _ = target
    followed = reader_client.post(follow_url(kind, obj), {"action": "follow"}, headers=JSON)
    assert followed.status_code == 200
    assert followed.json() == {"following": True}
    unfollowed = reader_client.post(follow_url(kind, obj), {"action": "unfollow"}, headers=JSON)
    assert unfollowed.json() == {"following": False}


def test_a_post_without_a_csrf_token_is_refused(reader, target):
    kind, obj, _ = target
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    assert client.post(follow_url(kind, obj), {"action": "follow"}).status_code == 403
    assert not Follow.objects.filter(user=reader).exists()


def test_the_follow_page_offers_an_anonymous_visitor_the_form_and_says_sign_in_comes_next(
    client, target
):
    kind, obj, _ = target
    response = client.get(f"{follow_url(kind, obj)}?next=/latest/")
    html = main(response)
    assert response.status_code == 200
    assert 'value="follow"' in html
    assert "you will be asked to sign in next" in html


def test_an_anonymous_post_leads_to_sign_in_then_back_to_the_follow_page(client, target):
    kind, obj, _ = target
    response = client.post(follow_url(kind, obj), {"action": "follow", "next": "/latest/"})
    location = urlsplit(response["Location"])
    assert location.path == "/accounts/login/"
    assert parse_qs(location.query)["next"] == [f"{follow_url(kind, obj)}?next=/latest/"]


def test_a_follow_asked_for_while_signed_out_is_done_once_the_reader_signs_in(client, target):
    kind, obj, _ = target
    reader = UserFactory(email="meera@example.com")
    client.post(follow_url(kind, obj), {"action": "follow"})
    client.post("/accounts/login/", {"login": "meera@example.com", "password": PASSWORD})
    assert Follow.objects.filter(user=reader, **{kind: obj}).exists()


def test_an_anonymous_post_follows_nothing_and_leads_to_sign_in(client, target):
    kind, obj, _ = target
    response = client.post(follow_url(kind, obj), {"action": "follow"})
    assert urlsplit(response["Location"]).path == "/accounts/login/"
    assert not Follow.objects.exists()


# The database keeps follows honest


def test_a_follow_without_a_target_is_refused_by_the_database(reader):
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(user=reader)


def test_a_follow_of_two_things_at_once_is_refused_by_the_database(reader):
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(user=reader, section=SectionFactory(), author=AuthorFactory())


def test_a_reader_follows_each_thing_once_in_the_database(reader):
    section = SectionFactory()
    FollowFactory(user=reader, section=section)
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(user=reader, section=section)


def test_a_reader_follows_several_things_of_one_kind(reader):
    FollowFactory(user=reader, author=AuthorFactory())
    FollowFactory(user=reader, author=AuthorFactory())
    FollowFactory(user=reader, tag=Tag.objects.create(name="Rain", slug="rain"))
    assert Follow.objects.filter(user=reader).count() == 3


def test_follows_go_when_what_they_follow_is_deleted(reader):
    section = SectionFactory()
    FollowFactory(user=reader, section=section)
    section.delete()
    assert not Follow.objects.exists()


# The follow controls on reader pages (the same for everyone: aria-pressed is the script's job)


def test_the_reader_page_has_a_follow_link_to_the_follow_page(client, target):
    kind, obj, page = target
    html = main(client.get(page))
    assert (
        f'<a class="follow-link" href="/accounts/follow/{kind}/{obj.slug}/?next={page}" '
        f'data-follow="{kind}:{obj.slug}" role="button" aria-pressed="false">'
        "<span data-follow-label>Follow</span>"
    ) in html


def test_a_child_section_page_follows_the_child_section(client):
    state = SectionFactory(name="State", parent=SectionFactory(name="India"))
    html = main(client.get(state.get_absolute_url()))
    assert 'data-follow="section:state"' in html
    assert 'data-follow="section:india"' not in html


def test_the_latest_news_page_has_no_follow_link(client):
    assert "data-follow" not in main(client.get("/latest/"))
