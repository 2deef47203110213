"""WordPress authors as our bylines: matched to the bylines already here before one is made.

A site moving to Newsroom has usually set up its desk and reporters first ("NM Desk",
"Asha Rao"). A post's author is the byline here with the same slug as its login, else the
one whose staff account has the author's email, else the one with the same display name
(case aside); only then is a byline made. Logins are cleaned of the stray characters some
exports carry (`asha>`, ` asha `), and a login with no `<wp:author>` entry still gets a
byline, named after it: both are reported.
"""

from __future__ import annotations

import re

from ..models import Author
from . import wxr
from .content import ascii_slug, plain_text, stable_suffix
from .report import Report

SLUG_MAX = Author._meta.get_field("slug").max_length
NAME_MAX = Author._meta.get_field("name").max_length
# What a WordPress login may hold (sanitize_user): letters, digits, space and _ . - @
NOT_IN_LOGIN = re.compile(r"[^\w .@-]+")


def clean_login(login: str) -> str:
    return " ".join(NOT_IN_LOGIN.sub("", login).split())


class People:
    """The byline of each post's author, found or made once per import."""

    def __init__(self, authors: dict[str, wxr.Author], report: Report):
        self.entries = {clean_login(login): entry for login, entry in authors.items()}
        self.report = report
        self.found: dict[str, Author] = {}  # by cleaned login

    def for_item(self, item: wxr.Item) -> Author:
        login = clean_login(item.creator)
        if login != item.creator:
            self.report.decide(
                item, "author-normalized", f"author “{item.creator}” read as “{login}”"
            )
        if login in self.found:
            return self.found[login]
        entry = self.entries.get(login)
        if entry is None:
            self.report.decide(
                item,
                "author-unknown",
                f"author “{login or '(none)'}” has no <wp:author> entry: byline named after it",
            )
            entry = wxr.Author(login=login, display_name=login)
        self.found[login] = author = self._byline(entry)
        return author

    def _byline(self, entry: wxr.Author) -> Author:
        name = plain_text(entry.display_name)[:NAME_MAX] or entry.login or "WordPress author"
        slug = byline_slug(entry.login or name)
        author = (
            Author.objects.filter(slug=slug).first()
            or (
                Author.objects.filter(user__email__iexact=entry.email).first()
                if entry.email
                else None
            )
            or Author.objects.filter(name__iexact=name).order_by("pk").first()
        )
        if author is not None:
            self.report.authors_matched += 1
            return author
        self.report.authors_created += 1
        return Author.objects.create(slug=slug, name=name)


def byline_slug(login: str) -> str:
    """The slug of the byline made for a WordPress author (`articles.redirects` finds the
    byline of an `/author/…/` address by it too)."""
    return ascii_slug(login, max_length=SLUG_MAX, fallback=f"author-{stable_suffix(login)}")
