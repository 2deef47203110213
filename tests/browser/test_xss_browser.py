"""Stored XSS in Chromium (issue 8): every vector of tests/xss_vectors.py, put into every field
by a writer, an editor and readers through the admin and sign-up (tests/xss_site.py), never
runs on a reader page, in a feed or in the admin.

Each vector's payload would set `window.__xss` to its number (or open a dialog) if it ran.
After each page loads, and after its dropdowns and menus are opened, the test asserts that
no frame has `window.__xss`, that no dialog opened, and that the live DOM holds nothing a
story could have smuggled in (an `on*` attribute, a `javascript:` URL, a frame, a stray
inline script...). Pages load with the Content-Security-Policy bypassed: the policy would
block an injected script anyway, and this test is about escaping, not about the policy.
"""

from __future__ import annotations

from functools import partial
from urllib.parse import quote

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from taggit.models import Tag

from tests import xss_site
from tests.xss_vectors import BY_NAME, VECTORS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_PASSWORD = "a long new password 42"
# Vectors aimed at the contexts a page has besides the article page's (attribute values,
# <title>, <textarea>, scripts, comments, parser mutations): each gets its author, tag and
# search pages, a signed-in reader with it as their name, and its story's admin pages, here.
# tests/test_xss_escaping.py reads every vector on every one of those pages.
SAMPLE = [
    BY_NAME[name]
    for name in (
        "double-quote-breakout",
        "single-quote-breakout",
        "script-breakout",
        "title-breakout",
        "textarea-breakout",
        "json-ld-comment-breakout",
        "comment-breakout",
        "noscript-title",
        "math-mglyph-style",
        "template-ish",
    )
]

# The live DOM, as Chromium built it: what only an injection would put there.
FIND_INJECTIONS = r"""() => {
  const found = [];
  const dangerous = (value) => /^(javascript|vbscript|data):/i.test(
    (value || "").replace(/[\u0000-\u0020\u007f-\u00a0\u2028\u2029\ufeff]+/g, ""));
  const URLS = ["href", "src", "action", "formaction", "data", "xlink:href", "poster",
                "background", "codebase", "cite"];
  const SMUGGLED = ["iframe", "frame", "frameset", "object", "embed", "applet", "base",
                    "math", "template", "marquee", "video", "audio", "animate", "set",
                    "foreignobject"];
  const DATA = ["application/ld+json", "application/json", "importmap"];
  const SCRIPTY = /__xss|javascript:|expression\(|@import/i;
  for (const el of document.querySelectorAll("*")) {
    const tag = el.localName.toLowerCase();
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const shown = `<${tag} ${name}="${attr.value}">`;
      if (name.startsWith("on") || name === "srcdoc") found.push(shown);
      else if (URLS.includes(name) && dangerous(attr.value)) found.push(shown);
      else if (name === "style" && SCRIPTY.test(attr.value)) found.push(shown);
    }
    if (SMUGGLED.includes(tag)) found.push(`<${tag}> element`);
    if (tag === "meta" && el.hasAttribute("http-equiv")) found.push("<meta http-equiv>");
    if (tag === "style" && SCRIPTY.test(el.textContent)) found.push("<style> with script");
    if (tag !== "script") continue;
    if (el.hasAttribute("src")) {
      const origin = new URL(el.src, location.href).origin;
      if (origin !== location.origin) found.push(`<script src=${el.src}>`);
    } else if (!DATA.includes((el.type || "").toLowerCase())) {
      found.push(`inline <script>${el.textContent.slice(0, 60)}`);
    }
  }
  return found;
}"""
OPEN_DROPDOWNS = """() => {
  for (const details of document.querySelectorAll("details")) details.open = true;
}"""
RAN = "() => window.__xss"


class Watcher:
    """Loads pages in one tab and collects every sign that a vector ran."""

    def __init__(self, page) -> None:
        self.page = page
        # Our pictures are not what is tested, and each one costs a trip through the test's
        # media route. Refused, an injected <img src=x onerror> would still fire its error.
        page.context.route(f"**{settings.MEDIA_URL}**", lambda route: route.abort())
        self.dialogs: list[str] = []
        self.problems: list[str] = []
        self.visited = 0
        page.on("dialog", self._dialog)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{self.page.url}: {dialog.type} {dialog.message!r}")
        dialog.dismiss()

    def visit(self, url: str, *, then=None, wait_for: str | None = None) -> None:
        response = self.page.goto(url, wait_until="load")
        self.visited += 1
        if response is None or response.status != 200:
            self.problems.append(f"{url}: answered {response and response.status}")
            return
        if wait_for:
            self.page.wait_for_selector(wait_for, state="attached")
        if then:
            then(self.page)
        self.page.evaluate(OPEN_DROPDOWNS)
        self.problems += [f"{url}: {found}" for found in self.page.evaluate(FIND_INJECTIONS)]
        for frame in self.page.frames:  # an injected frame runs its own window
            ran = frame.evaluate(RAN) if not frame.is_detached() else None
            if ran is not None:
                self.problems.append(f"{url}: vector {ran} ran (frame {frame.url})")

    def report(self) -> str:
        return "\n".join([*self.problems, *self.dialogs])


def session_cookie(user, base_url: str) -> dict:
    client = Client()
    client.force_login(user)
    value = client.cookies[settings.SESSION_COOKIE_NAME].value
    return {"name": settings.SESSION_COOKIE_NAME, "value": value, "url": base_url}


def sign_up_readers(vectors) -> list:
    """A reader per vector, through the sign-up form, the vector as their name."""
    readers = []
    for vector in vectors:
        email = f"reader{vector.id}@example.com"
        data = {"email": email, "name": vector.payload, "password1": NEW_PASSWORD}
        response = Client().post("/accounts/signup/", {**data, "password2": NEW_PASSWORD})
        assert response.status_code == 302, f"{vector}: sign-up answered {response.status_code}"
        readers.append(get_user_model().objects.get(email=email))
    return readers


@pytest.mark.slow
def test_no_vector_runs_on_any_page_that_shows_it(new_page, live_server):
    site = xss_site.seed()
    readers = sign_up_readers(SAMPLE)

    # Readers: every story's page; the story and the author with every vector; the pages
    # of one tag, author and search per sampled vector; every list of all the stories.
    reader = Watcher(new_page(bypass_csp=True))
    for vector in VECTORS:
        reader.visit(site.story(vector).get_absolute_url(), then=open_share)
    reader.visit(site.omnibus.get_absolute_url(), then=copy_link)
    reader.visit(site.omnibus_author.get_absolute_url())
    for vector in SAMPLE:
        reader.visit(site.authors[vector.id].get_absolute_url())
        for tag in Tag.objects.filter(name__in=site.tag_names[vector.id])[:1]:
            reader.visit(reverse("articles:tag", args=[tag.slug]))
        reader.visit(reverse("articles:search") + "?q=" + quote(vector.payload, safe=""))
    common = Tag.objects.get(name=xss_site.COMMON_TAG)
    for url in (
        reverse("articles:latest") + "?",
        reverse("articles:section", args=[xss_site.SECTION_SLUG]) + "?",
        reverse("articles:tag", args=[common.slug]) + "?",
        reverse("articles:search") + "?q=Before&",
    ):
        for number in (1, 2, 3):
            reader.visit(f"{url}page={number}")
    reader.visit(reverse("articles:home"), then=open_bell_and_sign_in)
    # Feeds as Chromium shows them (XML, as text), and the news sitemap's headlines.
    for name in ("articles:feed", "articles:atom_feed", "articles:news_sitemap"):
        reader.visit(reverse(name))

    # Readers signed in: the account page and the menu the page's script builds, with
    # their name in both.
    account = Watcher(new_page(bypass_csp=True))
    for person in readers:
        account.page.context.clear_cookies()
        account.page.context.add_cookies([session_cookie(person, live_server.url)])
        account.visit(
            reverse("accounts:overview"), then=partial(open_account_menu, name=person.name)
        )

    # The editor in the admin: the lists; the change form (with the body editor running),
    # the revisions compared and the author of the story with every vector; the same for
    # each sampled vector's story.
    admin = Watcher(new_page(bypass_csp=True))
    admin.page.context.add_cookies([session_cookie(site.editor, live_server.url)])
    for name in (
        "admin:index",
        "admin:articles_article_changelist",
        "admin:taggit_tag_changelist",
        "admin:articles_author_changelist",
        "admin:articles_contactmessage_changelist",
    ):
        admin.visit(reverse(name))
    admin.visit(reverse("admin:articles_author_change", args=[site.omnibus_author.pk]))
    for story in (site.omnibus, *(site.story(vector) for vector in SAMPLE)):
        admin.visit(
            reverse("admin:articles_article_change", args=[story.pk]),
            wait_for=".field-body .ProseMirror",
        )
        history = list(story.history.order_by("history_date", "history_id"))
        compare = f"?old={history[0].history_id}&new={history[-1].history_id}"
        revisions = reverse("admin:articles_article_revisions", args=[story.pk])
        admin.visit(revisions + compare, wait_for="#comparison")

    report = "\n".join(w.report() for w in (reader, account, admin) if w.report())
    assert not report, report
    # Every page was seen.
    assert reader.visited == len(VECTORS) + 2 + 3 * len(SAMPLE) + 12 + 1 + 3
    assert account.visited == len(SAMPLE)
    assert admin.visited == 5 + 1 + 2 * (1 + len(SAMPLE))


def open_share(page) -> None:
    """The byline's Share dropdown (the headline rides in its links)."""
    page.locator("details.share-dropdown summary").click()


def copy_link(page) -> None:
    """Copy Link, which shows the story's address in the page."""
    open_share(page)
    page.locator(".share-dropdown [data-copy-link]").click()
    page.wait_for_function("() => document.querySelector('[data-copy-status]').textContent")


def open_bell_and_sign_in(page) -> None:
    """The notifications bell (every headline of the last three days) and the sign-in modal."""
    page.locator("details.notifications summary").click()
    page.locator("[data-signin].account-link").click()
    page.locator("#signin-modal [data-auth-form]").wait_for()
    page.keyboard.press("Escape")


def open_account_menu(page, *, name: str) -> None:
    """The account menu the page's script builds from /accounts/state/, the name as text."""
    menu = page.locator("[data-account-menu] summary")
    menu.wait_for()
    menu.click()
    assert menu.text_content() == name


def test_the_checks_catch_every_markup_vector_that_is_not_escaped(new_page):
    """The same checks on each payload pasted raw into a page: each is seen, so their
    silence above means something."""
    watcher = Watcher(new_page(bypass_csp=True))
    missed = []
    for vector in (v for v in VECTORS if v.markup):
        watcher.page.set_content(f"<!doctype html><title>t</title><p>{vector.payload}</p>")
        watcher.page.wait_for_load_state("load")
        before = len(watcher.problems) + len(watcher.dialogs)
        watcher.page.evaluate(OPEN_DROPDOWNS)
        watcher.problems += watcher.page.evaluate(FIND_INJECTIONS)
        for frame in watcher.page.frames:
            if not frame.is_detached() and frame.evaluate(RAN) is not None:
                watcher.problems.append(f"{vector} ran")
        if len(watcher.problems) + len(watcher.dialogs) == before:
            missed.append(str(vector))
    assert not missed, missed
