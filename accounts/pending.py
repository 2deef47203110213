"""A save or follow a reader asked for while signed out, done as soon as they sign in.

The save and follow pages (accounts/views.py) show their form to a signed-out reader too. Its
POST, with the reader's CSRF token, cannot act for nobody: it is kept in the session and the
reader is sent to sign in. Signing in (the account adapter) does it. A GET never changes
anything; only the reader's own POST, carried through the sign-in, does.
"""

from django.http import Http404

from articles.models import Article

from . import personal

SESSION_KEY = "accounts_pending"


def remember(request, wish: list) -> None:
    """Keep `wish` (["save", article_id] or ["follow", kind, slug]) until the reader signs in."""
    request.session[SESSION_KEY] = wish


def complete(request, user) -> None:
    """Do the save or follow kept for this session, if any and if its target still exists."""
    wish = request.session.pop(SESSION_KEY, None)
    match wish:
        case ["save", int(article_id)]:
            article = Article.objects.live().filter(pk=article_id).first()
            if article:
                personal.save_story(user=user, article=article)
        case ["follow", str(kind_name), str(slug)]:
            kind = personal.follow_kind(kind_name)
            try:
                target = kind.get(slug) if kind else None
            except Http404:
                target = None
            if target:
                personal.follow(user=user, kind=kind.name, target=target)
