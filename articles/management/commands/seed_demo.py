"""Demo content for a fresh site: `python manage.py seed_demo [--articles N]`.

Idempotent: everything is looked up by its slug or email first, and what exists is left
exactly as it is, so a second run changes nothing. Needs no network: pictures are drawn.
"""

from datetime import timedelta
from html import escape

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from articles import page_cache
from articles.demo import site
from articles.demo.bulk import add_generated_articles
from articles.demo.content import ARTICLES, PAGES
from articles.demo.images import avatar, illustration
from articles.models import Article, ArticleAuthor, Author, Page, Section, SiteSettings

STATUSES = {
    "draft": Article.Status.DRAFT,
    "in_review": Article.Status.IN_REVIEW,
    "scheduled": Article.Status.PUBLISHED,
}


PICTURES_PER_SECTION = 2


def picture(section_slug: str, index: int) -> tuple[str, str]:
    """A drawn picture for a story in the section, and its alt text.

    Stories share a few pictures per section, so their smaller copies are made once.
    """
    seed = index % PICTURES_PER_SECTION
    name = f"articles/demo/{section_slug}-{seed}.jpg"
    data, alt = illustration(seed, section_slug)
    if not default_storage.exists(name):
        name = default_storage.save(name, ContentFile(data))
    return name, alt


def paragraphs_html(paragraphs: list[str]) -> str:
    return "".join(f"<p>{escape(text)}</p>" for text in paragraphs)


class Command(BaseCommand):
    help = (
        "Create the demo site (sections, menus, bylines, stories, pages, sign-ins); safe to rerun."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles",
            type=int,
            default=0,
            metavar="N",
            help="Also add N generated stories (bulk inserts, for benchmarks).",
        )

    def handle(self, *args, articles: int, **options):
        if articles < 0:
            raise CommandError("--articles must be zero or more.")
        with transaction.atomic():
            SiteSettings.objects.get_or_create(pk=1)
            sections = self.sections()
            authors = self.authors()
            users = self.accounts(authors)
            made = self.articles(sections, authors, users)
            pages = self.pages()
        self.stdout.write(f"Demo content: {made} new stories, {pages} new pages.")
        if made:
            # Saving queued the pictures' copies for the worker; a fresh site has them at once.
            call_command("make_renditions", stdout=self.stdout)
        if articles:
            added = add_generated_articles(articles)
            self.stdout.write(f"Generated stories: {added} added.")
            # Bulk inserts send no signals: a running site's cached pages must still go.
            page_cache.invalidate()
        self.print_sign_ins()

    def sections(self) -> dict[str, Section]:
        found = {s.slug: s for s in Section.objects.all()}
        for slug, name, parent, header, mobile, description in site.SECTIONS:
            if slug not in found:
                found[slug] = Section.objects.create(
                    slug=slug,
                    name=name,
                    parent=found.get(parent),
                    position=header or 0,
                    mobile_position=mobile or 0,
                    in_primary_menu=header is not None,
                    in_mobile_menu=mobile is not None,
                    description=description,
                )
        return found

    def authors(self) -> dict[str, Author]:
        found = {a.slug: a for a in Author.objects.all()}
        for index, (slug, name, is_desk, bio) in enumerate(site.AUTHORS):
            if slug not in found:
                author = Author(slug=slug, name=name, is_desk=is_desk, bio=bio)
                initials = "".join(word[0] for word in name.split()[:2]).upper()
                author.avatar.save(f"{slug}.png", ContentFile(avatar(initials, index)), save=False)
                author.save()
                found[slug] = author
        return found

    def accounts(self, authors: dict[str, Author]) -> dict[str, object]:
        User = get_user_model()
        users = {}
        for email, name, role, superuser, author_slug in site.ACCOUNTS:
            user = User.objects.filter(email=email).first()
            if user is None:
                make = User.objects.create_superuser if superuser else User.objects.create_user
                user = make(
                    email=email, password=site.DEMO_PASSWORD, name=name, is_staff=bool(role)
                )
                if role:
                    user.groups.add(Group.objects.get(name=role))
                if author_slug and authors[author_slug].user_id is None:
                    authors[author_slug].user = user
                    authors[author_slug].save(update_fields=["user"])
            # Demo sign-ins work at once: their addresses count as verified (no emailed link).
            EmailAddress.objects.get_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            users[email] = user
        return users

    def articles(self, sections, authors, users) -> int:
        now = timezone.now()
        existing = set(
            Article.objects.filter(slug__in=[a["slug"] for a in ARTICLES]).values_list(
                "slug", flat=True
            )
        )
        writer = users["writer@example.com"]
        editor = users["editor@example.com"]
        made = 0
        for index, data in enumerate(ARTICLES):
            if data["slug"] in existing:
                continue
            state = data.get("status", "published")
            published_at = (
                now - timedelta(hours=data["hours_ago"])
                if state in {"published", "scheduled"}
                else None
            )
            by_writer = "ananya-rao" in data["authors"]
            updated_at = None
            if state == "published":
                # A third of live stories were updated a while after they went out.
                late = timedelta(hours=2) if index % 3 == 0 else timedelta()
                updated_at = min(published_at + late, now)
            article = Article(
                slug=data["slug"],
                headline=data["headline"],
                summary=data["summary"],
                dateline=data["dateline"],
                body=paragraphs_html(data["paragraphs"]),
                section=sections[data["section"]],
                status=STATUSES.get(state, Article.Status.PUBLISHED),
                published_at=published_at,
                first_published_at=published_at,
                updated_at=updated_at,
                created_at=(published_at or now) - timedelta(hours=3),
                created_by=writer if by_writer else editor,
                last_edited_by=editor if published_at else writer,
                is_lead=data.get("lead", False),
                featured_image_credit="NM Media graphics",
            )
            article.featured_image, article.featured_image_alt = picture(data["section"], index)
            article._history_user = article.last_edited_by  # who the first revision names
            article.save()
            ArticleAuthor.objects.bulk_create(
                ArticleAuthor(article=article, author=authors[slug], order=order)
                for order, slug in enumerate(data["authors"])
            )
            article.tags.set(data["tags"])
            made += 1
        return made

    def pages(self) -> int:
        made = 0
        for data in PAGES:
            _, created = Page.objects.get_or_create(
                slug=data["slug"],
                defaults={"title": data["title"], "body": paragraphs_html(data["paragraphs"])},
            )
            made += created
        return made

    def print_sign_ins(self) -> None:
        self.stdout.write(
            self.style.SUCCESS(f"\nDemo sign-ins (password for all: {site.DEMO_PASSWORD})")
        )
        for email, _name, role, _superuser, _author in site.ACCOUNTS:
            where = "/admin/" if role else "the site (reader)"
            self.stdout.write(f"  {role or 'Reader':<14} {email:<22} → {where}")
        if settings.NEWSROOM_REQUIRE_STAFF_MFA:
            self.stdout.write(
                "  The Editor and the Administrator set up a second factor (an authenticator app "
                "or a passkey) on their first visit to /admin/; NEWSROOM_REQUIRE_STAFF_MFA=0 "
                "turns that off."
            )
