import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, UserFactory
from tests.html import page

pytestmark = pytest.mark.django_db


def merge(client, *tags):
    return client.post(
        reverse("admin:taggit_tag_changelist"),
        {"action": "merge_tags", "_selected_action": [tag.pk for tag in tags]},
        follow=True,
    )


def test_merging_tags_moves_every_story_to_the_most_used_one(editor_client):
    a = ArticleFactory(tags=["Monsoon"])
    b = ArticleFactory(tags=["Monsoon", "monsoon rains"])
    c = ArticleFactory(tags=["monsoon rains"])
    main, duplicate = Tag.objects.get(name="Monsoon"), Tag.objects.get(name="monsoon rains")
    response = merge(editor_client, main, duplicate)
    assert "Merged “monsoon rains” into “Monsoon”" in page(response)
    assert not Tag.objects.filter(pk=duplicate.pk).exists()
    for article in (a, b, c):
        assert list(article.tags.names()) == ["Monsoon"]
    assert Article.objects.get(pk=c.pk).tag_names == "Monsoon"


def test_merging_needs_two_tags(editor_client):
    ArticleFactory(tags=["Cricket"])
    response = merge(editor_client, Tag.objects.get())
    assert "Select two or more tags to merge." in page(response)
    assert Tag.objects.count() == 1


def test_writers_cannot_merge_tags(client):
    ArticleFactory(tags=["A", "B"])
    client.force_login(UserFactory(role="Writer"))
    merge(client, *Tag.objects.all())
    assert Tag.objects.count() == 2


def test_the_tag_list_counts_stories(editor_client):
    ArticleFactory(tags=["Cricket"])
    ArticleFactory(tags=["Cricket"])
    html = page(editor_client.get(reverse("admin:taggit_tag_changelist")))
    assert '<td class="field-story_count">2</td>' in html


def test_authors_pictures_show_in_the_list_and_on_the_form(editor_client):
    author = AuthorFactory(name="Farah Qureshi")
    author.avatar.save("farah.png", ContentFile(_png()), save=True)
    listing = page(editor_client.get(reverse("admin:articles_author_changelist")))
    form = page(editor_client.get(reverse("admin:articles_author_change", args=[author.pk])))
    assert author.avatar.url in listing
    assert f'<img src="{author.avatar.url}" alt="The image now stored"' in form


def _png() -> bytes:
    from io import BytesIO

    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (64, 64), (120, 40, 40)).save(out, "PNG")
    return out.getvalue()
