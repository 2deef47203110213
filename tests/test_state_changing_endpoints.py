"""Every endpoint that changes something needs a POST with a CSRF token (issue 8).

The URL patterns come from the resolver, the admin's included, so a view added later is
swept without touching this file. Each pattern is filled with real values (a live story, a
real email-confirmation key, a real password-reset key, every workflow action...). Then:

- no view is exempt from the CSRF check;
- a POST without a token is refused with 403 and changes nothing;
- a GET changes nothing in the database, for an administrator and for a visitor;
- the endpoints that do change something answer a GET with 405 or with their POST form;
- no answer redirects off the site, whatever `?next=` says.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode, urlsplit

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from django.apps import apps
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from accounts.models import Follow, SavedStory
from articles import preview_links, tasks, workflow
from articles.models import Article, ContactMessage, EmbedHost, LegacyURL, SiteSettings
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    NotificationFactory,
    PageFactory,
    PictureFactory,
    SectionFactory,
    UserFactory,
    authenticator_app,
    passkey,
)

pytestmark = pytest.mark.django_db

# The endpoints that change something when they are POSTed to. Everything else only reads.
# fmt: off
WRITES = {
    "save", "follow", "delete", "contact",
    "account_login", "account_logout", "account_signup", "account_reauthenticate",
    "account_request_reauthentication_code", "account_confirm_reauthentication_code",
    "account_email", "account_change_password", "account_set_password",
    "account_reset_password", "account_reset_password_from_key", "account_confirm_email",
    "account_request_login_code", "account_confirm_login_code",
    # the second factor's (allauth.mfa)
    "mfa_authenticate", "mfa_reauthenticate", "mfa_reauthenticate_webauthn", "mfa_activate_totp",
    "mfa_deactivate_totp", "mfa_generate_recovery_codes", "mfa_add_webauthn", "mfa_edit_webauthn",
    "mfa_remove_webauthn", "mfa_login_webauthn",
    # the admin's
    "login", "logout", "password_change", "auth_user_password_change",
    "articles_article_workflow", "articles_article_restore_revision", "taggit_tag_merge_tags",
    "articles_article_autosave", "articles_article_autosave_new", "articles_article_autosave_leave",
    "articles_article_autosave_discard", "articles_article_autosave_new_discard",
    "articles_article_preview_link_create", "articles_article_preview_link_revoke",
    "articles_article_calendar_move", "articles_article_note_add",
    "articles_picture_upload",
    "notifications_read", "notification_settings",
}
READS = {
    None, "home", "latest", "site_parts", "year", "month", "day", "search", "detail", "preview",
    "section",
    "tag", "author", "page",
    "feed", "atom_feed", "section_feed", "section_atom_feed", "tag_feed", "tag_atom_feed",
    "author_feed", "author_atom_feed", "sitemap_index", "sitemap", "news_sitemap", "robots",
    "shared_preview",
    "overview", "saved", "for_you", "state", "data", "deleted", "account_inactive",
    "account_email_verification_sent", "account_reset_password_done",
    "account_reset_password_from_key_done",
    "mfa_index", "mfa_list_webauthn", "mfa_view_recovery_codes", "mfa_download_recovery_codes",
    # the admin's
    "index", "password_change_done", "autocomplete", "jsi18n", "view_on_site", "app_list",
    "articles_article_revisions", "articles_article_calendar", "notifications",
    "articles_picture_choose", "articles_embed_check",
}
# fmt: on
ADMIN_MODEL_VIEW = re.compile(r"^\w+_\w+_(changelist|add|history|delete|change)$")
ADMIN_MODEL_WRITES = {"add", "delete", "change"}


def writes(name: str | None) -> bool:
    match = ADMIN_MODEL_VIEW.match(name or "")
    if match and name not in WRITES | READS:
        return match[1] in ADMIN_MODEL_WRITES
    return name in WRITES


def all_patterns() -> list[tuple[str, str | None, URLPattern]]:
    """(route with placeholders, name, pattern) of every URL pattern, included ones walked."""
    found = []

    def walk(patterns, prefix: str) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern).removeprefix("^").removesuffix("$")
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            else:
                found.append((route, pattern.name, pattern))

    walk(get_resolver().url_patterns, "")
    return found


PATTERNS = all_patterns()
PLACEHOLDER = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>(?:[^()\\]|\\.)+\)")
ADMIN_MODELS = {
    "auth/group": "auth.Group",
    "account/emailaddress": "account.EmailAddress",
    "mfa/authenticator": "mfa.Authenticator",
    "accounts/user": "accounts.User",
    "taggit/tag": "taggit.Tag",
    "articles/section": "articles.Section",
    "articles/author": "articles.Author",
    "articles/article": "articles.Article",
    "articles/page": "articles.Page",
    "articles/sitesettings": "articles.SiteSettings",
    "articles/contactmessage": "articles.ContactMessage",
    "articles/legacyurl": "articles.LegacyURL",
    "articles/picture": "articles.Picture",
    "articles/embedhost": "articles.EmbedHost",
    "django_tasks_database/dbtaskresult": "django_tasks_database.DBTaskResult",
}


@pytest.fixture
def site(settings):
    """One of everything, so every pattern can be filled with something that exists."""
    settings.DEBUG = False
    section = SectionFactory(name="Cities", slug="cities")
    author = AuthorFactory(name="Asha Rao", slug="asha-rao")
    story = ArticleFactory(live=True, section=section, authors=[author], tags=["Transport"])
    story.headline = "Metro line opens a month early"  # a second revision to restore
    story.save()
    draft = ArticleFactory(section=section, authors=[author])
    page = PageFactory(slug="about-us", title="About us")
    admin = UserFactory(email="admin@example.com", is_staff=True, is_superuser=True)
    reader = UserFactory(email="reader@example.com")
    preview_link = preview_links.create(article=story, by=admin)
    SavedStory.objects.create(user=reader, article=story)
    Follow.objects.create(user=reader, section=section)
    SiteSettings().save()
    ContactMessage.objects.create(
        name="A reader", email="reader@example.com", subject="Hello", message="A question."
    )
    LegacyURL.objects.create(path="/2024/05/metro-opens", article=story)
    PictureFactory()  # a picture of the media library
    EmbedHost.objects.create(host="maps.example.org", name="Example maps")
    # Something to be told about: opening the story must not mark it read by itself.
    NotificationFactory(recipient=admin, article=story)
    media = settings.MEDIA_ROOT / "articles"
    media.mkdir(parents=True, exist_ok=True)
    (media / "photo.txt").write_text("a file in media")
    # A second factor for each: an app for the reader, a passkey for the administrator.
    authenticator_app(reader)
    key = passkey(admin)
    # A background job waiting in the database, for the tasks admin.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    tasks.announce_live.enqueue(article_id=story.pk, at=story.published_at.isoformat())
    newcomer = UserFactory(email="newcomer@example.com", verified=False)
    address = EmailAddress.objects.create(user=newcomer, email=newcomer.email, primary=True)
    return {
        "story": story,
        "draft": draft,
        "page": page,
        "section": section,
        "author": author,
        "admin": admin,
        "reader": reader,
        "confirm_key": EmailConfirmationHMAC(address).key,
        "reset": (user_pk_to_url_str(reader), default_token_generator.make_token(reader)),
        "passkey": key,
        "preview_link": preview_link,
    }


def object_of(route: str, site) -> object:
    if route.startswith("admin/r/"):
        return site["story"]
    for prefix, label in ADMIN_MODELS.items():
        if route.startswith(f"admin/{prefix}/"):
            model = apps.get_model(label)
            return {
                "articles.Article": site["story"],
                "accounts.User": site["reader"],
                "articles.Page": site["page"],
            }.get(label) or model.objects.order_by("pk").first()
    raise AssertionError(f"no object for {route}")


def urls_for(route: str, name: str | None, site) -> list[str]:
    """Real addresses for one pattern: one per workflow action, one otherwise."""
    story = site["story"]
    uid, token = site["reset"]
    values = {
        "slug": {
            "detail": story.slug,
            "section": "cities",
            "section_feed": "cities",
            "section_atom_feed": "cities",
            "tag": "transport",
            "tag_feed": "transport",
            "tag_atom_feed": "transport",
            "author": "asha-rao",
            "author_feed": "asha-rao",
            "author_atom_feed": "asha-rao",
            "page": "about-us",
            "follow": "cities",
        }.get(name, ""),
        "section": "articles",
        "pk": str(site["draft"].pk),
        "article_id": str(story.pk),
        "kind": "section",
        "key": site["confirm_key"],
        "uidb36": uid,
        "path": "articles/photo.txt",
        "app_label": "articles",
        "url": "nothing-here/",
        "content_type_id": str(ContentType.objects.get_for_model(Article).pk),
        "id": str(site["reader"].pk),
        "history_id": str(story.history.order_by("history_id").first().history_id),
        "link_id": str(site["preview_link"].pk),
        "token": preview_links.token_for(site["preview_link"]),
        "year": "2024",
        "month": "10",
        "day": "05",
    }
    if name == "account_reset_password_from_key":
        values["key"] = token
    if name in ("mfa_edit_webauthn", "mfa_remove_webauthn"):
        values["pk"] = str(site["passkey"].pk)

    def fill(match: re.Match, action: str = "") -> str:
        param = match[1] or match[2]
        if param == "object_id":
            return str(object_of(route, site).pk)
        if param == "action":
            return action
        return values[param]

    actions = list(workflow.ACTIONS) if "<str:action>" in route else [""]
    return ["/" + PLACEHOLDER.sub(lambda m, a=a: fill(m, a), route) for a in actions]


def every_url(site) -> list[tuple[str | None, str]]:
    return [(name, url) for route, name, _ in PATTERNS for url in urls_for(route, name, site)]


# What a GET may write: when a preview link was last opened, and how often (the link's
# list on the change form shows it).
VISIT_RECORDS = {"articles.PreviewLink": {"last_opened_at", "open_count"}}


def snapshot() -> dict[str, list[dict]]:
    """Every row of every table but the sessions (a GET may start one) and visit records."""
    return {
        model._meta.label: [
            {k: v for k, v in row.items() if k not in VISIT_RECORDS.get(model._meta.label, ())}
            for row in model._base_manager.order_by("pk").values()
        ]
        for model in apps.get_models()
        if model is not Session
    }


def test_every_url_pattern_is_counted_as_reading_or_writing():
    unknown = {name for _, name, _ in PATTERNS if name not in WRITES | READS} - {
        name for _, name, _ in PATTERNS if ADMIN_MODEL_VIEW.match(name or "")
    }
    assert not unknown, f"say whether these change anything: {sorted(unknown)}"


def test_no_view_is_exempt_from_the_csrf_check():
    exempt = [
        route for route, _, pattern in PATTERNS if getattr(pattern.callback, "csrf_exempt", 0)
    ]
    assert not exempt


def test_a_post_without_a_csrf_token_is_refused_everywhere_and_changes_nothing(site):
    clients = {}
    for who in ("admin", "reader"):
        clients[who] = Client(enforce_csrf_checks=True, raise_request_exception=False)
        clients[who].force_login(site[who])
    before = snapshot()
    for who, client in clients.items():
        for name, url in every_url(site):
            response = client.post(url, {"action": "save", "name": "Changed"})
            assert response.status_code == 403, f"{who} POST {url} ({name})"
    assert snapshot() == before


@pytest.mark.parametrize("who", ["admin", "reader", "visitor"])
def test_no_get_changes_anything_in_the_database(site, who):
    client = Client(raise_request_exception=False)
    if who != "visitor":
        client.force_login(site[who])
    before = snapshot()
    for name, url in every_url(site):
        response = client.get(url)
        assert response.status_code < 500, f"{who} GET {url} ({name})"
        assert snapshot() == before, f"{who} GET {url} ({name}) changed the database"


# Who sees each form (the rest are asked as an administrator): the sign-in family is for
# visitors, as is the link a newcomer is emailed; deleting an account is the reader's (staff
# keep theirs).
ASKED_BY = {
    "account_login": "visitor",
    "account_signup": "visitor",
    "account_reset_password": "visitor",
    "account_reset_password_from_key": "visitor",
    "account_request_login_code": "visitor",
    "account_confirm_login_code": "visitor",
    "mfa_authenticate": "visitor",  # the second step: with none under way, off to sign in
    "mfa_deactivate_totp": "reader",  # the reader has the authenticator app
    "mfa_login_webauthn": "visitor",
    "login": "visitor",
    "delete": "reader",
    "account_confirm_email": "visitor",
}
FORM = re.compile(r"<form\b[^>]*\bmethod=\"?post\"?", re.IGNORECASE)


def test_every_writing_endpoint_answers_a_get_with_405_403_or_its_post_form(site):
    admin = Client(raise_request_exception=False)
    admin.force_login(site["admin"])
    reader = Client(raise_request_exception=False)
    reader.force_login(site["reader"])
    visitor = Client(raise_request_exception=False)
    answers = {}
    for name, url in every_url(site):
        if not writes(name):
            continue
        client = {"visitor": visitor, "reader": reader}.get(ASKED_BY.get(name), admin)
        response = client.get(url, follow=True)
        if response.status_code in (403, 405):  # 403: nobody may (stories are trashed)
            answers[url] = response.status_code
            continue
        assert response.status_code == 200, f"GET {url} ({name}): {response.status_code}"
        assert FORM.search(response.content.decode()), f"GET {url} ({name}) shows no form"
        answers[url] = "form"
    workflow_urls = [url for url in answers if "/workflow/" in url]
    assert len(workflow_urls) == len(workflow.ACTIONS)
    assert all(answers[url] == 405 for url in workflow_urls)


OFF_SITE = ["https://evil.example/", "//evil.example/", "/\\evil.example/", "http:evil.example"]


def on_site(location: str) -> bool:
    parts = urlsplit(location)
    return (
        parts.scheme in ("", "http", "https")
        and parts.netloc in ("", "testserver")
        and not location.startswith(("//", "/\\"))
        and (parts.netloc or not parts.scheme)
    )


@pytest.mark.parametrize("who", ["admin", "visitor"])
def test_no_answer_redirects_off_the_site_whatever_next_says(site, who):
    client = Client(raise_request_exception=False)
    if who != "visitor":
        client.force_login(site[who])
    for name, url in every_url(site):
        if name in {"account_logout", "logout", "delete"}:
            continue  # a POST would end the session the sweep runs in (tested on their own)
        for target in OFF_SITE:
            for method in (client.get, client.post):
                response = method(url + "?" + urlencode({"next": target}), {"next": target})
                location = response.get("Location", "")
                assert not location or on_site(location), f"{name} {url} -> {location}"


@pytest.mark.parametrize("target", OFF_SITE)
def test_signing_out_never_leads_off_the_site(site, client, target):
    client.force_login(site["reader"])
    response = client.post("/accounts/logout/", {"next": target})
    assert response.status_code == 302
    assert on_site(response["Location"])
