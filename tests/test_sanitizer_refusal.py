"""The sanitizer tells: a body that cleaning would cut is refused, with what would go, in the
admin and on save, unless the caller accepts the cleaned version; the import reports it."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, Page
from articles.sanitize import BodyWouldLoseContent, clean_html
from tests.admin_forms import change_form_data
from tests.factories import ArticleFactory, PageFactory, UserFactory

pytestmark = pytest.mark.django_db

# The mutation-XSS body, and the same with its style never closed: the style then
# swallows the rest, which cleaning drops.
MXSS = (
    "<p>Before</p><math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style>"
    "</mglyph></table></mtext></math><p>After this the writer kept typing.</p>"
)
SWALLOWING = MXSS.replace("</style>", "")
LOST = "the text “After this the writer kept typing.”"
TYPED_AFTER = "&lt;p&gt;After this the writer kept typing.&lt;/p&gt;"  # as the form shows it
EXPORT = Path(__file__).parent / "fixtures" / "wordpress" / "export.xml"


def change_url(article: Article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def page_form(page: Page, **overrides) -> dict:
    return {"title": page.title, "slug": page.slug, "body": page.body, **overrides}


# The article admin


def test_the_admin_refuses_the_mutation_xss_body_and_lists_what_would_go(editor_client):
    article = ArticleFactory()
    response = editor_client.post(change_url(article), change_form_data(article, body=MXSS))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Saving would remove:" in content
    assert "<li>a formula (math)</li><li>an image (img: x)</li>" in content


def test_the_refused_body_stays_in_the_form_as_the_writer_typed_it(editor_client):
    article = ArticleFactory()
    response = editor_client.post(change_url(article), change_form_data(article, body=MXSS))
    assert TYPED_AFTER in response.content.decode()


def test_text_cleaning_would_swallow_is_quoted_in_the_refusal(editor_client):
    article = ArticleFactory()
    data = change_form_data(article, body=SWALLOWING)
    response = editor_client.post(change_url(article), data)
    assert f"<li>{LOST}</li>" in response.content.decode()


def test_nothing_is_saved_when_the_body_is_refused(editor_client):
    article = ArticleFactory()
    before, revisions = article.body, article.history.count()
    editor_client.post(change_url(article), change_form_data(article, body=SWALLOWING))
    article.refresh_from_db()
    assert article.body == before
    assert article.history.count() == revisions


def test_the_accept_box_shows_only_with_a_refusal(editor_client):
    article = ArticleFactory()
    opened = editor_client.get(change_url(article)).content.decode()
    refused = editor_client.post(change_url(article), change_form_data(article, body=MXSS))
    assert 'name="accept_cleaned_body"' not in opened
    assert 'name="accept_cleaned_body"' in refused.content.decode()


def test_ticking_the_box_saves_the_cleaned_version(editor_client):
    article = ArticleFactory()
    data = change_form_data(article, body=SWALLOWING, accept_cleaned_body="on")
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body == "<p>Before</p>" == clean_html(SWALLOWING)


def test_a_body_that_only_loses_attributes_and_scripts_saves_without_asking(editor_client):
    article = ArticleFactory()
    body = '<p onclick="steal()">Kept <a href="javascript:steal()">words</a></p><script>x</script>'
    response = editor_client.post(change_url(article), change_form_data(article, body=body))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body == clean_html(body)


# Saving through the model


def test_saving_a_story_whose_body_would_lose_text_is_refused_with_the_list():
    article = ArticleFactory()
    article.body = SWALLOWING
    with pytest.raises(BodyWouldLoseContent) as refused:
        article.save()
    assert refused.value.removed == ["a formula (math)", "an image (img: x)", LOST]


def test_a_refused_story_keeps_its_stored_body():
    article = ArticleFactory()
    before = article.body
    article.body = SWALLOWING
    with pytest.raises(BodyWouldLoseContent):
        article.save()
    article.refresh_from_db()
    assert article.body == before


def test_a_story_saves_the_cleaned_body_when_its_caller_accepts_it():
    article = ArticleFactory()
    article.body = SWALLOWING
    article.accept_cleaned_body = True
    article.save()
    article.refresh_from_db()
    assert article.body == "<p>Before</p>"


def test_a_page_whose_body_would_lose_content_is_refused_on_save():
    page = PageFactory()
    page.body = MXSS
    with pytest.raises(BodyWouldLoseContent) as refused:
        page.save()
    assert refused.value.removed == ["a formula (math)", "an image (img: x)"]


# The standing pages' admin


def test_the_page_admin_refuses_the_mutation_xss_body_and_keeps_the_text(editor_client):
    page = PageFactory()
    url = reverse("admin:articles_page_change", args=[page.pk])
    response = editor_client.post(url, page_form(page, body=MXSS))
    content = response.content.decode()
    assert "<li>a formula (math)</li><li>an image (img: x)</li>" in content
    assert TYPED_AFTER in content
    page.refresh_from_db()
    assert page.body == "<p>Who we are and how we work.</p>"


def test_the_page_admin_saves_the_cleaned_version_when_ticked(editor_client):
    page = PageFactory()
    url = reverse("admin:articles_page_change", args=[page.pk])
    response = editor_client.post(url, page_form(page, body=MXSS, accept_cleaned_body="on"))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.body == clean_html(MXSS)


# The WordPress import


def import_with_post_103_ending(tmp_path, ending: str) -> str:
    """Import the test export with post 103's last sentence replaced; what it printed."""
    text = EXPORT.read_text().replace("Fares stay at 20 rupees for a single trip.", ending, 1)
    export = tmp_path / "export.xml"
    export.write_text(text)
    out = io.StringIO()
    report = tmp_path / "report.jsonl"
    call_command(
        "import_wordpress", str(export), report=str(report), stdout=out, stderr=io.StringIO()
    )
    return out.getvalue()


def test_the_import_saves_the_cleaned_body_and_reports_what_went(tmp_path):
    printed = import_with_post_103_ending(tmp_path, f"Fares stay the same.{SWALLOWING}")
    body = Article.objects.get(wordpress_id=103).body
    assert "Fares stay the same." in body and "writer kept typing" not in body
    assert "1 bodies the sanitizer cut: imported without what it removed." in printed
    (line,) = [line for line in printed.splitlines() if "post 103 " in line]
    assert line.endswith(f": a formula (math); an image (img: x); {LOST}")


def test_a_second_import_that_cleans_a_changed_body_reports_it_too(tmp_path):
    import_with_post_103_ending(tmp_path, "Fares stay the same.")
    printed = import_with_post_103_ending(tmp_path, '<iframe src="https://maps.example/k">')
    assert "an embedded frame (iframe: https://maps.example/k)" in printed


def test_a_workflow_step_never_refuses_a_story_for_its_stored_body():
    from articles import workflow

    article = ArticleFactory()
    # A body stored before the allow-list narrowed: workflow steps do not write the body.
    Article.objects.filter(pk=article.pk).update(body='<p>Map</p><iframe src="https://x.test">')
    article.refresh_from_db()
    workflow.publish(article=article, by=UserFactory(role="Editor"))
    assert Article.objects.get(pk=article.pk).status == Article.Status.PUBLISHED
