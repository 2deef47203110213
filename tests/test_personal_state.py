"""/accounts/state/: the personal bits the page's script draws on shared, cached pages."""

import pytest
from taggit.models import Tag

from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    FollowFactory,
    SavedStoryFactory,
    SectionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

URL = "/accounts/state/"
NOTHING_FOLLOWED = {"section": [], "tag": [], "author": []}


@pytest.fixture
def reader(db):
    """The reader, named here because these tests look for her name."""
    return UserFactory(name="Meera Iyer", email="meera@example.com")


def test_an_anonymous_visitor_is_told_they_are_not_signed_in(client):
    data = client.get(URL, {"articles": "1,2"}).json()
    assert data["authenticated"] is False
    assert data["name"] == ""
    assert data["csrf_token"] == ""
    assert data["saved"] == []
    assert data["following"] == NOTHING_FOLLOWED


def test_an_anonymous_visitor_gets_no_cookie_and_no_database_query(
    client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get(URL)
    assert not response.cookies


def test_a_signed_in_reader_gets_their_name_and_a_csrf_token(reader_client):
    data = reader_client.get(URL).json()
    assert data["authenticated"] is True
    assert data["name"] == "Meera Iyer"
    assert len(data["csrf_token"]) >= 32


def test_a_reader_without_a_name_is_called_by_their_address_before_the_at(client):
    client.force_login(UserFactory(name="", email="arun.k@example.com"))
    assert client.get(URL).json()["name"] == "arun.k"


def test_the_csrf_token_lets_the_script_post(reader):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    article = ArticleFactory(live=True)
    token = client.get(URL).json()["csrf_token"]
    response = client.post(
        f"/accounts/saved/{article.pk}/",
        {"action": "save"},
        headers={"Accept": "application/json", "X-CSRFToken": token},
    )
    assert response.json() == {"saved": True}


def test_saved_lists_only_the_asked_stories_the_reader_saved(reader_client, reader):
    one, _two, three = (SavedStoryFactory(user=reader).article for _ in range(3))
    SavedStoryFactory()  # someone else's
    not_saved = ArticleFactory(live=True)
    asked = f"{one.pk},{three.pk},{not_saved.pk}"
    assert reader_client.get(URL, {"articles": asked}).json()["saved"] == sorted([one.pk, three.pk])


def test_saved_is_empty_when_no_stories_are_asked_about(reader_client, reader):
    SavedStoryFactory(user=reader)
    assert reader_client.get(URL).json()["saved"] == []


@pytest.mark.parametrize(
    "junk",
    [
        "abc",
        ",,,",
        "-1",
        "0",
        "1.5",
        "1e3",
        " ",
        "٣",  # an Arabic-Indic digit: isdigit() but not an id
        "99999999999999999999999999",
        "9223372036854775808",
        "%00",
        "1;DROP TABLE",
    ],
)
def test_junk_article_ids_are_ignored(reader_client, reader, junk):
    story = SavedStoryFactory(user=reader).article
    response = reader_client.get(URL, {"articles": f"{junk},{story.pk}"})
    assert response.status_code == 200
    assert response.json()["saved"] == [story.pk]


def test_at_most_a_hundred_ids_are_looked_at(reader_client, reader):
    story = SavedStoryFactory(user=reader).article
    asked = ",".join([*(str(n) for n in range(10_000, 10_100)), str(story.pk)])  # 101 ids
    assert reader_client.get(URL, {"articles": asked}).json()["saved"] == []


def test_following_lists_the_readers_slugs_by_kind(reader_client, reader):
    FollowFactory(user=reader, section=SectionFactory(name="India", slug="india"))
    FollowFactory(user=reader, section=SectionFactory(name="World", slug="world"))
    FollowFactory(user=reader, tag=Tag.objects.create(name="Monsoon", slug="monsoon"))
    FollowFactory(user=reader, author=AuthorFactory(slug="asha-rao"))
    FollowFactory(section=SectionFactory(name="Sports", slug="sports"))  # someone else's
    assert reader_client.get(URL).json()["following"] == {
        "section": ["india", "world"],
        "tag": ["monsoon"],
        "author": ["asha-rao"],
    }


def test_links_lead_to_the_readers_pages(client):
    links = client.get(URL).json()["links"]
    assert links["saved"] == "/accounts/saved/"
    assert links["for_you"] == "/accounts/for-you/"
    assert links["overview"] == "/accounts/"
    assert links["account"] == "/accounts/email/"
    assert links["sign_out"] == "/accounts/logout/"


@pytest.mark.parametrize("signed", [False, True], ids=["anonymous", "signed-in"])
def test_the_state_is_never_stored_by_any_cache(client, reader, signed):
    if signed:
        client.force_login(reader)
    cache_control = client.get(URL)["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert "public" not in cache_control


def test_the_state_takes_a_constant_number_of_queries(
    reader_client, reader, django_assert_max_num_queries
):
    ids = [SavedStoryFactory(user=reader).article.pk for _ in range(20)]
    for _ in range(10):
        FollowFactory(user=reader)
    # session, user, saved, follows
    with django_assert_max_num_queries(4):
        reader_client.get(URL, {"articles": ",".join(map(str, ids))})


def test_the_state_answers_only_get(reader_client):
    assert reader_client.post(URL).status_code == 405


# Reader pages stay the same for everyone: the personal bits come only from the state


def reader_urls(site) -> list[str]:
    return [
        "/",
        site.article.get_absolute_url(),
        site.india.get_absolute_url(),
        site.state.get_absolute_url(),
        f"/tag/{site.tag_slug}/",
        site.reporter.get_absolute_url(),
        "/latest/",
    ]


def test_reader_pages_are_byte_identical_for_a_reader_who_saved_and_follows(client, reader_site):
    urls = reader_urls(reader_site)
    anonymous = [client.get(url).content for url in urls]
    reader = UserFactory(name="Meera Iyer", email="meera@example.com")
    SavedStoryFactory(user=reader, article=reader_site.article)
    SavedStoryFactory(user=reader, article=reader_site.others[0])
    FollowFactory(user=reader, section=reader_site.india)
    FollowFactory(user=reader, author=reader_site.reporter)
    FollowFactory(user=reader, tag=Tag.objects.get(slug=reader_site.tag_slug))
    client.force_login(reader)
    for url, before in zip(urls, anonymous, strict=True):
        response = client.get(url)
        assert response.content == before, url
        assert "Meera" not in response.content.decode(), url
