"""Queries per page stay constant however many stories, tags and authors there are."""

import pytest

from articles.pagination import PER_PAGE
from tests.factories import ArticleFactory, AuthorFactory, PageFactory, SectionFactory

pytestmark = pytest.mark.django_db

SECTIONS = 5  # the primary menu's sections: the home page runs one query per block


@pytest.fixture(params=[5, 50], ids=["5-stories", "50-stories"])
def site(request, client):
    n = request.param
    sections = [SectionFactory(name=f"Desk {i}") for i in range(SECTIONS)]
    SectionFactory(
        name="Child desk", parent=sections[0], in_primary_menu=False, in_mobile_menu=True
    )
    authors = [AuthorFactory() for _ in range(n)]
    articles = [
        ArticleFactory(
            live=True,
            section=sections[i % SECTIONS],
            authors=[authors[i], authors[(i + 1) % n]],
            tags=[f"Tag {i}", f"Tag {(i + 1) % n}", "Common"],
        )
        for i in range(n)
    ]
    PageFactory(slug="about-us")
    client.get("/")  # warms the site settings' cache, as every later request finds it
    last_page = -(-n // PER_PAGE)  # a later page when there is one: it costs the same
    return {
        "article": articles[0],
        "section": sections[0],
        "author": authors[0],
        "latest": f"/latest/?page={last_page}" if last_page > 1 else "/latest/",
    }


# Page → queries, and what they are.
LIMITS = {
    # lead, top and latest, sections, a block per section, bylines, menus, bell
    "home": 6 + SECTIONS,
    # article, bylines, tags, related (tagged, same section), latest, bylines, menus, bell
    "article": 9,
    # section, count, page, bylines, menus, bell
    "section": 6,
    "tag": 6,
    "author": 6,
    # count, page, bylines, menus, bell
    "latest": 5,
    "search": 5,
    # page, menus, bell
    "page": 3,
    "contact": 3,
}


def url_for(name, site):
    return {
        "home": "/",
        "article": site["article"].get_absolute_url(),
        "section": site["section"].get_absolute_url(),
        "tag": "/tag/common/",
        "author": site["author"].get_absolute_url(),
        "latest": site["latest"],
        "search": "/search/?q=council",
        "page": "/about-us/",
        "contact": "/contact-us/",
    }[name]


@pytest.mark.parametrize("name", LIMITS)
def test_page_query_count_is_pinned(client, site, name, django_assert_max_num_queries):
    with django_assert_max_num_queries(LIMITS[name]):
        assert client.get(url_for(name, site)).status_code == 200
