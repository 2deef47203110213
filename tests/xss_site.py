"""A site full of XSS vectors (tests/xss_vectors.py), put there the way people would.

A writer writes one story per vector in the admin (HTTP POSTs with the writer's session:
the add form, then the change form with the vector in every field a writer controls) and
submits it; an editor gives each vector's author its name and bio through the admin and
approves the story with the vector as the note. Readers write in through Contact Us.
Used by tests/test_xss_escaping.py and tests/browser/test_xss_browser.py.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image
from taggit.utils import parse_tags

from articles.models import Article, Author, Section
from tests.admin_forms import change_form_data
from tests.factories import SectionFactory, UserFactory
from tests.xss_vectors import VECTORS, Vector

COMMON_TAG = "XSS vectors"
SECTION_SLUG = "xss-vectors"
OMNIBUS_SLUG = "xss-every-vector"
# The form fields' limits: longer text is refused, so the omnibus story's are cut to fit.
FIELD_LIMITS = {
    "headline": 200,
    "dateline": 80,
    "featured_image_alt": 250,
    "featured_image_caption": 300,
    "featured_image_credit": 150,
    "seo_title": 70,
    "seo_description": 160,
}


@dataclass
class XssSite:
    writer: object
    editor: object
    section: Section
    stories: dict[int, Article] = field(default_factory=dict)  # by vector id
    authors: dict[int, Author] = field(default_factory=dict)
    tag_names: dict[int, list[str]] = field(default_factory=dict)  # the vector's own tags
    # One story and one author holding every vector at once (fields that fit them all hold
    # them all; shorter ones their start), bylined by every vector's author.
    omnibus: Article | None = None
    omnibus_author: Author | None = None

    def story(self, vector: Vector) -> Article:
        return Article.objects.get(pk=self.stories[vector.id].pk)


def story_slug(vector: Vector) -> str:
    return f"xss-story-{vector.id}"


def tag_input(payload: str) -> str:
    """What the writer types in the tags field: the payload as one tag where quoting allows."""
    if '"' not in payload and "," not in payload:
        return f'"{payload}", {COMMON_TAG}'
    return f"{payload}, {COMMON_TAG}"


def jpeg(width: int = 480, height: int = 320) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (40, 90, 160)).save(out, "JPEG", quality=70)
    return out.getvalue()


def _ok(response, what: str) -> None:
    if response.status_code != 302:
        errors = ""
        context = response.context
        if context is not None and "adminform" in context:
            errors = context["adminform"].form.errors.as_json()
            errors += " ".join(str(e) for e in context.get("inline_admin_formsets") or [])
        raise AssertionError(f"{what}: {response.status_code} {errors}")


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def vector_fields(payload: str) -> dict[str, str]:
    """Every field of the article form a writer fills, each holding the payload."""
    values = {
        "headline": payload,
        "summary": payload,
        "dateline": payload,
        # The body's HTML goes through the sanitizer: the raw payload, and inside a paragraph.
        "body": f"<p>Before {payload} after.</p>{payload}",
        "featured_image_alt": payload,
        "featured_image_caption": payload,
        "featured_image_credit": payload,
        "seo_title": payload,
        "seo_description": payload,
        "tags": tag_input(payload),
    }
    return {name: value[: FIELD_LIMITS.get(name, len(value))] for name, value in values.items()}


def author_form(author: Author, payload: str) -> dict[str, str]:
    return {
        "name": payload,
        "slug": author.slug,
        "bio": f"{payload}\nCovers {payload} for the desk.",
        "user": "",
        "website": "",
        "twitter": "",
        "facebook": "",
        "instagram": "",
        "linkedin": "",
    }


def _write(
    writer: Client, editor: Client, draft: Article, fields: dict, bylines: list[Author], note: str
) -> Article:
    """The writer adds `draft` (plain, with a picture), puts `fields` in, submits; the editor
    approves it with `note`. The story, live."""
    data = change_form_data(
        draft,
        tags=f'"{COMMON_TAG}"',
        featured_image=SimpleUploadedFile("photo.jpg", jpeg(), "image/jpeg"),
        # A new picture goes into the media library, which needs its alt text.
        featured_image_alt="A picture for the escaping test",
        **{"bylines-TOTAL_FORMS": str(len(bylines))},
    )
    for order, author in enumerate(bylines):
        data.update({f"bylines-{order}-author": author.pk, f"bylines-{order}-order": order})
    _ok(writer.post(reverse("admin:articles_article_add"), data), f"{draft.slug}: add")
    article = Article.objects.get(slug=draft.slug)
    change = reverse("admin:articles_article_change", args=[article.pk])
    # The writer accepts the cleaned body: many vectors lose an element or text to the
    # sanitizer, and the story must still hold what is left of them.
    fields = {**fields, "accept_cleaned_body": "on"}
    _ok(writer.post(change, change_form_data(article, **fields)), f"{draft.slug}: change")
    workflow = "admin:articles_article_workflow"
    _ok(writer.post(reverse(workflow, args=[article.pk, "submit"])), f"{draft.slug}: submit")
    approve = reverse(workflow, args=[article.pk, "approve"])
    _ok(editor.post(approve, {"note": note}), f"{draft.slug}: approve")
    article.refresh_from_db()
    assert article.is_live, f"{draft.slug}: not live after approval ({article.status})"
    return article


def _name_author(editor: Client, author: Author, name: str, bio: str) -> Author:
    """The editor gives `author` a name and a bio in the admin."""
    url = reverse("admin:articles_author_change", args=[author.pk])
    form = {**author_form(author, name), "bio": bio}
    _ok(editor.post(url, form), f"{author.slug}: author")
    author.refresh_from_db()
    return author


def seed(vectors: list[Vector] = VECTORS, *, contact: bool = True) -> XssSite:
    """One live story per vector, written by a writer and approved by an editor in the admin."""
    site = XssSite(
        writer=UserFactory(role="Writer", email="xss-writer@example.com", name="Vee Writer"),
        editor=UserFactory(role="Editor", email="xss-editor@example.com", name="Ed Itor"),
        section=SectionFactory(name="Vectors", slug=SECTION_SLUG, in_primary_menu=True),
    )
    writer, editor = signed_in(site.writer), signed_in(site.editor)
    for number, vector in enumerate(vectors, start=1):
        # The editor names the vector's author in the admin (the writer cannot edit authors).
        author = Author.objects.create(name=f"Reporter {vector.id}", slug=f"xss-{vector.id}")
        bio = author_form(author, vector.payload)["bio"]
        site.authors[vector.id] = _name_author(editor, author, vector.payload, bio)
        # The writer starts the story with plain text and a picture, then puts the vector in.
        fields = vector_fields(vector.payload)
        site.stories[vector.id] = _write(
            writer, editor, plain_draft(site, story_slug(vector)), fields, [author], vector.payload
        )
        site.tag_names[vector.id] = [
            name for name in parse_tags(fields["tags"]) if name != COMMON_TAG
        ]
        if contact:
            message = {
                "name": vector.payload,
                "email": f"reader{vector.id}@example.com",
                "subject": vector.payload,
                "message": vector.payload,
            }
            # Each from its own address: the contact form takes five an hour from one.
            reader = Client(REMOTE_ADDR=f"198.51.100.{number % 250 + 1}")
            _ok(reader.post(reverse("articles:contact"), message), f"{vector}: contact")
    everything = "\n".join(vector.payload for vector in vectors)
    omnibus = Author.objects.create(name="Every vector", slug="xss-every-vector")
    site.omnibus_author = _name_author(
        editor, omnibus, " ".join(everything.split())[:120], everything
    )
    fields = {
        **vector_fields(" ".join(everything.split())),
        "summary": everything,
        "body": "<p>Before every vector.</p>"
        + "".join(f"<p>{vector.payload}</p>" for vector in vectors)
        + everything,
        "tags": f'"{COMMON_TAG}"',  # quoted, or it is two tags
    }
    fields = {name: value[: FIELD_LIMITS.get(name, len(value))] for name, value in fields.items()}
    bylines = list(site.authors.values())
    site.omnibus = _write(
        writer, editor, plain_draft(site, OMNIBUS_SLUG), fields, bylines, everything
    )
    return site


def plain_draft(site: XssSite, slug: str) -> Article:
    return Article(
        headline=f"Plain story {slug}",
        slug=slug,
        section=site.section,
        summary="Plain to begin with.",
        dateline="Pune",
        body="<p>Plain to begin with.</p>",
    )
