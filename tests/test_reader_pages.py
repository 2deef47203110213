import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, PageFactory, SectionFactory
from tests.html import main, page

pytestmark = pytest.mark.django_db


def test_home_lists_live_stories_and_hides_the_rest(client):
    live = ArticleFactory(live=True, headline="Ferry service resumes after repairs")
    ArticleFactory(headline="Draft about a ferry")
    ArticleFactory(scheduled=True, headline="Scheduled ferry story")
    html = main(client.get("/"))
    assert live.headline in html
    assert live.get_absolute_url() in html
    assert "Draft about a ferry" not in html
    assert "Scheduled ferry story" not in html


def test_home_leads_with_the_story_editors_chose(client):
    lead = ArticleFactory(live=True, is_lead=True, headline="The lead story of the day")
    ArticleFactory(live=True, headline="A newer but ordinary story")
    response = client.get("/")
    assert response.context["lead"] == lead
    assert lead not in response.context["latest"]


def test_home_says_so_when_nothing_is_published(client):
    ArticleFactory()
    assert "No stories have been published yet." in client.get("/").content.decode()


def test_article_page_shows_the_story_with_breadcrumb_byline_and_tags(client):
    article = ArticleFactory(
        live=True,
        headline="Metro line opens to the airport",
        body="<p>Trains run every eight minutes.</p>",
        authors=[AuthorFactory(name="NM Desk", is_desk=True)],
        tags=["North korea", "Transport"],
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.count("<h1") == 1
    assert '<li><a href="/">News</a></li>' in html
    assert "Trains run every eight minutes." in html
    assert "NM Desk" in html
    assert "Last updated:" in html
    assert "TAGGED:" in html
    assert ">North korea</a>" in html


def test_last_updated_is_printed_in_the_sites_time_zone_with_am_pm(client):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    published = datetime(2024, 10, 24, 1, 47, tzinfo=ZoneInfo("UTC"))  # 7:17 AM in Kolkata
    article = ArticleFactory(live=True, published_at=published)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "24 October, 2024 7:17 AM" in html


@pytest.mark.parametrize(
    "shape",
    [{}, {"status": Article.Status.IN_REVIEW}, {"scheduled": True}],
    ids=["draft", "in_review", "scheduled"],
)
def test_story_that_is_not_live_is_not_found(client, shape):
    article = ArticleFactory(**shape)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_unknown_story_is_not_found_in_the_sites_frame(client):
    response = client.get("/news/no-such-story/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_section_page_includes_stories_of_its_child_sections(client):
    india = SectionFactory(name="India")
    child = ArticleFactory(live=True, section=SectionFactory(name="State", parent=india))
    other = ArticleFactory(live=True, section=SectionFactory(name="World"))
    html = main(client.get(india.get_absolute_url()))
    assert child.headline in html
    assert other.headline not in html


def test_tag_page_lists_live_stories_with_the_tag(client):
    tagged = ArticleFactory(live=True, tags=["Monsoon"])
    ArticleFactory(tags=["Monsoon"], headline="A draft tagged monsoon")
    html = main(client.get(reverse("articles:tag", args=["monsoon"])))
    assert tagged.headline in html
    assert "A draft tagged monsoon" not in html


def test_author_page_shows_the_bio_and_the_authors_stories(client):
    author = AuthorFactory(name="Farah Qureshi", bio="Reports on climate.")
    story = ArticleFactory(live=True, authors=[author])
    html = client.get(author.get_absolute_url()).content.decode()
    assert "Reports on climate." in html
    assert story.headline in html


def test_standing_page_shows_its_title_and_body(client):
    page = PageFactory(slug="about-us", title="About Us", body="<p>An independent newsroom.</p>")
    html = client.get(page.get_absolute_url()).content.decode()
    assert "<h1>About Us</h1>" in html
    assert "An independent newsroom." in html


def test_every_page_carries_the_footer_copyright_for_this_year(client):
    from django.utils import timezone

    html = client.get("/").content.decode()
    assert f"© {timezone.localdate().year} NM Media. All Rights Reserved." in html


def test_the_dateline_opens_the_first_paragraph_and_is_escaped(client):
    article = ArticleFactory(live=True, dateline="Seoul <b>", body="<p>Talks resumed.</p>")
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<p><strong class="dateline">Seoul &lt;b&gt;:</strong> Talks resumed.</p>' in html


def test_reader_pages_are_the_same_for_everyone_no_cookie_no_vary(client):
    article = ArticleFactory(live=True)
    for url in ("/", article.get_absolute_url(), article.section.get_absolute_url()):
        response = client.get(url)
        assert not response.cookies, url
        assert "Cookie" not in response.get("Vary", ""), url


def test_a_server_error_shows_the_sites_error_page(client, monkeypatch):
    from articles import views

    def broken(*args, **kwargs):
        raise RuntimeError("database is down")

    monkeypatch.setattr(views.HomeView, "get_context_data", broken)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def test_home_has_a_block_per_primary_section_with_its_latest_stories(client):
    india = SectionFactory(name="India", position=1)
    state = SectionFactory(name="State", parent=india, in_primary_menu=False)
    SectionFactory(name="Career", in_primary_menu=False)
    ArticleFactory(live=True, is_lead=True, headline="Lead story")
    for n in range(10):  # the lead and the four beside it are not repeated below
        ArticleFactory(live=True, section=state, headline=f"State story {n}")
    html = main(client.get("/"))
    block = html[html.index('id="block-india"') :]
    assert block.count('<article class="card') == 4
    assert 'id="block-career"' not in html


def test_home_does_not_repeat_the_top_stories_in_the_section_blocks(client):
    india = SectionFactory(name="India")
    ArticleFactory(live=True, section=india, is_lead=True, headline="Lead story")
    html = main(client.get("/"))
    assert html.count("Lead story") == 1


@pytest.mark.parametrize(
    "url", ["/section/nowhere/", "/tag/nothing/", "/author/nobody/", "/no-page/"]
)
def test_unknown_sections_tags_authors_and_pages_are_not_found(client, url):
    assert client.get(url).status_code == 404


def test_search_keeps_the_query_in_the_box_and_lists_results_as_cards(client):
    ArticleFactory(live=True, headline="Ferry strike ends after talks")
    html = main(client.get("/search/", {"q": "ferry"}))
    assert 'name="q" value="ferry"' in html
    assert "Ferry strike ends after talks" in html
    assert '<article class="card' in html


def test_search_with_no_results_says_so(client):
    html = main(client.get("/search/", {"q": "zeppelin"}))
    assert "No stories match your search." in html


def test_search_without_a_query_invites_one(client):
    ArticleFactory(live=True)
    html = main(client.get("/search/"))
    assert "Type a word or two" in html
    assert '<article class="card' not in html


def test_search_escapes_the_query_it_shows(client):
    html = page(client.get("/search/", {"q": '"><script>alert(1)</script>'}))
    assert "<script>alert(1)</script>" not in html


def test_author_page_shows_the_author_box_with_avatar_and_social_links(client):
    author = AuthorFactory(
        name="Farah Qureshi", bio="Reports on climate.", twitter="https://x.com/farah"
    )
    html = main(client.get(author.get_absolute_url()))
    assert "<h1>Farah Qureshi</h1>" in html
    assert '<a href="https://x.com/farah" rel="noopener me">Twitter</a>' in html


def test_latest_news_lists_every_live_story_newest_first(client):
    older = ArticleFactory(live=True, headline="Older story")
    newer = ArticleFactory(live=True, headline="Newer story")
    response = client.get("/latest/")
    assert list(response.context["articles"]) == [newer, older]
    assert "<h1>Latest News</h1>" in main(response)


def test_cards_show_label_headline_excerpt_author_date_and_reading_time(client):
    section = SectionFactory(name="Business")
    ArticleFactory(
        live=True,
        section=section,
        headline="Port traffic rises",
        summary="Container volumes grew.",
        authors=[AuthorFactory(name="Vikram Mehta")],
    )
    card = main(client.get(section.get_absolute_url()))
    for part in (
        "Business",
        "Port traffic rises",
        "Container volumes grew.",
        "Vikram Mehta",
        "1 Min Read",
    ):
        assert part in card


def test_the_sign_in_page_works_without_javascript(client):
    from tests.factories import PASSWORD, UserFactory

    UserFactory(email="meera@example.com")
    html = page(client.get("/accounts/login/"))
    assert "<h1>Welcome Back!</h1>" in html
    assert "Sign in to your account" in html
    response = client.post("/accounts/login/", {"login": "meera@example.com", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_a_wrong_password_is_refused_and_keeps_the_email(client):
    html = page(client.post("/accounts/login/", {"login": "meera@example.com", "password": "nope"}))
    assert "The email address and/or password you specified are not correct." in html
    assert 'value="meera@example.com"' in html
