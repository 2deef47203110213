import re

import pytest

from articles.models import Article
from articles.sanitize import clean_html
from tests.factories import ArticleFactory, PageFactory, SectionFactory


def test_script_tags_are_removed_with_their_content():
    cleaned = clean_html("<p>Hello</p><script>alert('x')</script>")
    assert "script" not in cleaned
    assert "alert" not in cleaned
    assert "<p>Hello</p>" in cleaned


@pytest.mark.parametrize(
    "html",
    [
        '<img src="/x.jpg" onerror="alert(1)">',
        '<p onclick="alert(1)">Tap</p>',
        '<a href="/" onmouseover="alert(1)">Link</a>',
    ],
)
def test_event_handler_attributes_are_removed(html):
    cleaned = clean_html(html)
    assert "alert" not in cleaned
    assert not re.search(r"\son\w+\s*=", cleaned)


@pytest.mark.parametrize(
    "href",
    ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,x"],
)
def test_javascript_and_data_links_lose_their_target(href):
    cleaned = clean_html(f'<a href="{href}">Read</a>')
    assert "alert" not in cleaned
    assert "data:" not in cleaned
    assert "Read" in cleaned


def test_style_and_iframe_are_removed():
    cleaned = clean_html(
        '<style>body{}</style><iframe src="https://evil.example"></iframe><p>Ok</p>'
    )
    assert cleaned == "<p>Ok</p>"


def test_ordinary_story_markup_is_kept():
    html = (
        "<h2>What happened</h2><p>The <strong>council</strong> met, <em>again</em>, and read "
        '<a href="https://example.com/report">the report</a>.</p>'
        "<blockquote><p>We will act.</p></blockquote><ul><li>One</li><li>Two</li></ul>"
    )
    cleaned = clean_html(html)
    for fragment in ("<h2>What happened</h2>", "<strong>council</strong>", "<em>again</em>",
                     "<blockquote><p>We will act.</p></blockquote>", "<li>Two</li>",
                     'href="https://example.com/report"'):  # fmt: skip
        assert fragment in cleaned


@pytest.mark.django_db
def test_body_is_cleaned_when_saved_through_the_orm_not_only_through_forms():
    article = Article.objects.create(
        headline="A story",
        slug="a-story",
        section=SectionFactory(),
        body='<p onclick="steal()">Text</p><script>steal()</script>',
    )
    article.refresh_from_db()
    assert "steal" not in article.body
    assert article.body == "<p>Text</p>"


@pytest.mark.django_db
def test_body_is_cleaned_when_an_existing_story_is_edited():
    article = ArticleFactory()
    article.body = '<p>Fine</p><img src=x onerror="steal()">'
    article.save()
    article.refresh_from_db()
    assert "steal" not in article.body


@pytest.mark.django_db
def test_standing_page_body_is_cleaned_when_saved():
    page = PageFactory(body="<p>About</p><script>steal()</script>")
    page.refresh_from_db()
    assert page.body == "<p>About</p>"
