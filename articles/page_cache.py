"""Reader pages kept whole in Django's cache, shared by every worker and server.

Reader pages are the same for every visitor (DESIGN.md), so one copy serves everyone. A
change replaces only the pages that show what changed (targeted invalidation):

- While a page renders, it names the *keys* of what it shows (`depends_on`): the story it is
  about, the lists it draws from, each story it shows as a card. Which key means what, and
  which keys each kind of change touches, is one rule: articles/invalidation.py.
- A change, once its transaction has committed, is *recorded*: a number from a counter in
  the shared cache, and under it the keys it touched (`record`). A page is kept with the
  number it was rendered at and its keys; it is served only while no later change touched
  one of its keys. Every other page stays cached through the change.
- Each process reads the changes it has not seen at most every `TOKEN_MEMO_SECONDS` (one
  round trip when nothing changed, which bounds how stale a page can be) and keeps, per key,
  the number of its last change: checking a page is then a few look-ups in memory.
- Some parts of a page are the site's, not the page's: the bell's newest stories in the
  header, the Latest box beside a story. Their keys are *soft*: a change to them replaces a
  page only once it is `NEWSROOM_PAGE_CACHE_SOFT_SECONDS` old, so a new story every few
  minutes does not render every story page of the site again, and no page shows them older
  than that.
- A scheduled story goes live without a save: the cache records the next go-live time, and
  the first request after it records the change (once, whichever process gets there first).
- Changes that show on every page (a section renamed, the site's settings...) and writers of
  many rows at once (`held()`, the WordPress import) make a new *token*: every page is kept
  under the token it was rendered in, so a new one replaces them all. A lost counter or a
  lost record of a change does the same, never less.

With `NEWSROOM_PAGE_CACHE_INVALIDATION = "global"` every change makes a new token, as the
page cache did before it was targeted; the benchmark compares both (bench/newsroom.py).

A page is kept under everything its response depends on: the token, the scheme (http or
https), the host, the path and the values of the query parameters its view reads. A view
names those in `page_parameters` (`views.public_page` gives every reader page an empty
tuple, a list adds `page`, search `q`); the view is shown a request holding only them, each
once, so any other parameter (`utm_*`, `fbclid`, `?x=<random>`) finds the same page and
can neither make a new entry nor end up in its links. Views without `page_parameters` are
not pages: their requests pass by untouched. Which responses are stored is then decided by
their own headers: `Cache-Control: public` (set by `views.public_page`), 200, no cookie,
nothing that varies by visitor. The page cache stands before the middleware that sets the
security headers, so a stored page keeps every header it was first sent with (its
Content-Security-Policy and Permissions-Policy, which a page with embeds widens, included)
and a hit runs none of that middleware.
"""

from __future__ import annotations

import contextvars
import functools
import hashlib
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.http import HttpRequest, HttpResponse, QueryDict
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import parse_http_date_safe, urlencode
from taggit.models import Tag

from newsroom.security import set_etag

from . import compression, invalidation
from .invalidation import EVERYTHING, Placing
from .models import (
    Article,
    ArticleAuthor,
    Author,
    EmbedHost,
    Page,
    Picture,
    Section,
    SiteSettings,
    TaggedArticle,
    renditions_recorded,
)

TOKEN_KEY = "page-cache:token"
TOKEN_MEMO_SECONDS = 1.0
# Pages each process keeps in its own memory as well (`_Recent`): the home page, the sections
# and the stories of the moment, in each encoding asked for.
RECENT_PAGES = 300
# And the parts pages are put together from (the frame, cards, a story's parts): every page
# rendered again reads them, so each process keeps the ones it used last.
RECENT_PARTS = 3000
# How many recorded changes a process reads when it starts; pages older than those are
# rendered again (a newsroom records a few thousand a day).
LOG_WINDOW = 2000
# A change whose number is taken but whose record is not yet written (the writer is between
# the two) is waited for this long, then taken as lost: every older page is rendered again.
MISSING_GRACE_SECONDS = 5.0
# What renders pages: a change to any file of these makes a new release (`_release`).
CODE_FOLDERS = ("articles", "accounts", "newsroom", "templates")
BYPASS_HEADER = "X-Bench-Bypass-Cache"
_BYPASS_META = "HTTP_" + BYPASS_HEADER.upper().replace("-", "_")  # as WSGI names it
STATUS_HEADER = "X-Page-Cache"
# Pages may vary by how they are encoded, never by who asks.
ALLOWED_VARY = {"accept-encoding"}
# What readers see everywhere: saving or deleting any of these replaces every page.
SHOWN_MODELS = (Section, Author, Page, SiteSettings, Tag, EmbedHost)


@dataclass(frozen=True)
class Token:
    value: str
    # When it was made (epoch seconds); None in a token stored before this was kept.
    made_at: float | None = None


@dataclass(frozen=True)
class Shown:
    """What a stored page (or fragment) was rendered from: the number of the last change its
    process had read, when, and the keys of what it shows."""

    seq: int
    at: float
    keys: frozenset[str]
    soft: frozenset[str] = frozenset()


@dataclass
class _Memo:
    """This process's reading of the shared state."""

    token: Token | None = None
    read_at: float = 0.0
    seq: int = 0  # the last change read (every one up to it is in `changed`)
    floor: int = 0  # pages rendered before this change are all out of date
    changed: dict[str, int] = field(default_factory=dict)  # key: number of its last change
    last_at: float = 0.0  # when content last changed (epoch seconds)
    next_live: float | None = None  # when the next scheduled story goes live
    missing_since: dict[int, float] = field(default_factory=dict)
    # The shared cache would not keep the token: no change can be told or heard, so no page
    # is answered from this process's memory either until it is back.
    offline: bool = False
    # Computed once per token (`per_version`), with the floor they were computed at.
    values: dict[str, tuple[int, object]] = field(default_factory=dict)


_memo = _Memo()


def _now() -> float:
    # django.utils.timezone, so a test that moves the clock moves this too.
    return timezone.now().timestamp()


def _seq_key(token: Token) -> str:
    return f"page-cache:{token.value}:seq"


def _change_key(token: Token, number: int) -> str:
    return f"page-cache:{token.value}:change:{number}"


def _schedule_key(token: Token) -> str:
    return f"page-cache:{token.value}:schedule"


def _targeted() -> bool:
    return settings.NEWSROOM_PAGE_CACHE_INVALIDATION != "global"


def _next_go_live() -> float | None:
    """When the next scheduled story goes live, or None."""
    at = (
        Article.objects.scheduled()
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    return at.timestamp() if at else None


def _prefix(token: Token) -> str:
    """Where the pages and parts this code renders are kept under `token`."""
    return f"page-cache:{token.value}:{_release()}"


@functools.cache
def _release() -> str:
    """The code pages are rendered with: `NEWSROOM_RELEASE` (a deploy's name, its commit
    say) or else a digest of the templates, the Python code and the static files' manifest.

    Pages and their parts are kept per release, so a deploy never serves what the code
    before it rendered (its markup, its static files' hashed names); changes are recorded
    for every release alike, so two releases serving side by side during a deploy both stay
    exact.
    """
    if settings.NEWSROOM_RELEASE:
        return hashlib.sha256(settings.NEWSROOM_RELEASE.encode()).hexdigest()[:16]
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for folder in CODE_FOLDERS:
        for path in sorted((base / folder).rglob("*")):
            if path.suffix in {".py", ".html", ".txt", ".xml"} and path.is_file():
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    manifest = Path(settings.STATIC_ROOT or "") / "staticfiles.json"
    if settings.STATIC_ROOT and manifest.is_file():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:16]


def _new_token() -> Token:
    now = _now()
    token = Token(uuid.uuid4().hex, now)
    # Its counter and schedule first: a process that finds the token finds them too.
    cache.set_many({_seq_key(token): 0, _schedule_key(token): (now, _next_go_live())}, None)
    cache.set(TOKEN_KEY, token, timeout=None)
    _recent.clear()  # every page it holds was kept under the token before
    _recent_parts.clear()
    _memo.__init__()
    _memo.token, _memo.read_at, _memo.last_at = token, time.monotonic(), now
    _memo.offline = cache.get(TOKEN_KEY) != token
    _memo.next_live = _next_go_live_stored(token)
    return token


def _next_go_live_stored(token: Token) -> float | None:
    schedule = cache.get(_schedule_key(token))
    return schedule[1] if schedule else None


# Keys whose last change a process remembers; past it, it forgets them all and takes every
# page from before as out of date (once in a long while: a newsroom touches a few thousand a
# day).
MAX_REMEMBERED_KEYS = 100_000


def _apply(number: int, keys: frozenset[str], at: float) -> None:
    memo = _memo
    if EVERYTHING in keys or len(memo.changed) > MAX_REMEMBERED_KEYS:
        memo.floor, memo.changed = number, {}
    else:
        for key in keys:
            memo.changed[key] = number
    memo.seq, memo.last_at = number, max(memo.last_at, at)


def _catch_up(token: Token, seq: int) -> None:
    """Read the changes recorded since this process last looked."""
    memo = _memo
    if seq - memo.seq > LOG_WINDOW:
        memo.floor = memo.seq = seq - LOG_WINDOW
    if seq <= memo.seq:
        return
    numbers = range(memo.seq + 1, seq + 1)
    found = cache.get_many([_change_key(token, n) for n in numbers])
    for number in numbers:
        record = found.get(_change_key(token, number))
        if record is None:
            first = memo.missing_since.setdefault(number, time.monotonic())
            if time.monotonic() - first < MISSING_GRACE_SECONDS:
                return  # its writer may still be writing it: read it next time
            memo.missing_since.pop(number)
            _apply(number, frozenset({EVERYTHING}), _now())
            continue
        memo.missing_since.pop(number, None)
        _apply(number, *record)


def _read_state() -> None:
    memo = _memo
    token = cache.get(TOKEN_KEY)
    if token is None:
        _new_token()
        return
    found = cache.get_many([_seq_key(token), _schedule_key(token)])
    seq = found.get(_seq_key(token))
    if seq is None:  # the counter was lost: no page can be trusted
        _new_token()
        return
    if memo.token != token:
        _recent.clear()
        _recent_parts.clear()
        memo.__init__()
        memo.token, memo.last_at = token, token.made_at or _now()
        # A process new to this token reads its recent changes; older pages are rendered again.
        memo.floor = memo.seq = max(0, seq - LOG_WINDOW)
    _catch_up(token, seq)
    schedule = found.get(_schedule_key(token))
    memo.next_live = schedule[1] if schedule else None
    memo.read_at = time.monotonic()


def _state() -> _Memo:
    memo = _memo
    if memo.token is None or time.monotonic() - memo.read_at >= TOKEN_MEMO_SECONDS:
        _read_state()
    if memo.next_live is not None and _now() >= memo.next_live:
        _go_live(memo.token, memo.next_live)
    return memo


def current_token() -> Token:
    """The token pages are stored under now (the shared state read if it is due)."""
    return _state().token


def invalidate() -> None:
    """Every stored page is out of date: the next request of each page renders it again."""
    _new_token()


def content_changed_at() -> float:
    """When content readers see last changed (epoch seconds).

    It never moves back (a token lost from the cache is made again, later), unlike the
    newest story's date, which unpublishing that story moves back.
    """
    return _state().last_at or _now()


def record(keys: Iterable[str]) -> None:
    """A change touched `keys`: every page showing one of them is out of date from now."""
    keys = frozenset(keys)
    if not keys:
        return
    if EVERYTHING in keys or not _targeted():
        _new_token()
        return
    token = current_token()
    try:
        number = cache.incr(_seq_key(token))
    except ValueError:  # the counter was lost
        _new_token()
        return
    at = _now()
    timeout = settings.NEWSROOM_PAGE_CACHE_SECONDS + 60  # no page it could replace outlives it
    cache.set(_change_key(token, number), (keys, at), timeout=timeout)
    if _memo.token == token and _memo.seq == number - 1:
        _apply(number, keys, at)  # seen at once here
    else:
        _memo.read_at = 0.0  # read on the next request


def record_on_commit(keys: Iterable[str]) -> None:
    keys = frozenset(keys)
    if keys:
        transaction.on_commit(functools.partial(record, keys), robust=True)


def last_change() -> tuple[int, frozenset[str]] | None:
    """The newest change this process has read: its number and keys (for tests and bench)."""
    memo = _state()
    token = memo.token
    if memo.seq == 0:
        return None
    found = cache.get(_change_key(token, memo.seq))
    return (memo.seq, found[0]) if found else None


def _dt(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, tz=timezone.get_current_timezone())


def _go_live(token: Token, due: float) -> None:
    """Scheduled stories whose time has come: record what they touch, once in all processes."""
    if not cache.add(f"page-cache:{token.value}:going-live:{due}", 1, timeout=30):
        _memo.next_live = None  # another process is at it; its record arrives with the others
        _memo.read_at = min(_memo.read_at, time.monotonic() - TOKEN_MEMO_SECONDS + 0.2)
        return
    schedule = cache.get(_schedule_key(token))
    since = schedule[0] if schedule else due - 1
    now = _now()
    gone_live = list(
        Article.objects.live()
        .filter(published_at__gt=_dt(since), published_at__lte=_dt(now))
        .values_list("pk", flat=True)
    )
    cache.set(_schedule_key(token), (now, _next_go_live()), timeout=None)
    _memo.next_live = _next_go_live_stored(token)
    if not _targeted():
        _new_token()
        return
    record(invalidation.went_live(gone_live, _story_lists))


def _reschedule() -> None:
    """A story was scheduled, or stopped being: the next go-live time may have moved."""
    token = current_token()
    schedule = cache.get(_schedule_key(token))
    since = schedule[0] if schedule else _now()
    cache.set(_schedule_key(token), (since, _next_go_live()), timeout=None)
    _memo.next_live = _next_go_live_stored(token)


# What a page shows, collected while it renders.


@dataclass
class _Collected:
    # The last change read before the request's first query: what it renders is at least
    # that new, so parts of it may be stored under this number (`fragments`).
    seq: int
    keys: set[str] = field(default_factory=set)
    soft: set[str] = field(default_factory=set)
    declared: bool = False


_collecting: contextvars.ContextVar[_Collected | None] = contextvars.ContextVar(
    "page_cache_collecting", default=None
)
# The benchmark's cold render: no stored page, fragment or card is read or written.
_cold: contextvars.ContextVar[bool] = contextvars.ContextVar("page_cache_cold", default=False)
# The benchmark's render after a change to the page's subject: its own parts rendered again.
_renew_own: contextvars.ContextVar[bool] = contextvars.ContextVar("page_cache_own", default=False)


def depends_on(*keys: str, soft: bool = False) -> None:
    """The page being rendered shows `keys` (articles/invalidation.py); `soft` for the site's
    parts of it (see the module's docstring). Called with no key: the page shows nothing a
    story's change touches (a standing page). Outside a stored page's rendering: nothing."""
    collected = _collecting.get()
    if collected is None:
        return
    if soft:
        collected.soft.update(keys)
        exact = invalidation.exact(keys)
        if exact:
            collected.declared = True
            collected.keys.update(exact)
    else:
        collected.declared = True
        collected.keys.update(keys)


def depends_on_stories(stories: Iterable, *lists: str, soft: bool = False) -> None:
    """The page shows `stories` (cards, teasers, items) drawn from `lists`."""
    depends_on(*lists, *invalidation.stories(stories), soft=soft)


@contextmanager
def _collect(seq: int) -> Iterator[_Collected]:
    collected = _Collected(seq)
    reset = _collecting.set(collected)
    try:
        yield collected
    finally:
        _collecting.reset(reset)


def _shown(memo: _Memo, seq: int, at: float, collected: _Collected) -> Shown:
    keys = collected.keys if collected.declared else {invalidation.ANY_STORY}
    # A page that lists nothing of its own still changes with what every story's change does.
    return Shown(seq, at, frozenset(keys), frozenset(collected.soft - keys))


def _is_current(memo: _Memo, shown: Shown, now: float | None = None) -> bool:
    if shown.seq < memo.floor:
        return False
    changed = memo.changed
    if not changed:
        return True
    seq = shown.seq
    for key in shown.keys:
        if changed.get(key, -1) > seq:
            return False
    if not shown.soft:
        return True
    if (_now() if now is None else now) - shown.at >= settings.NEWSROOM_PAGE_CACHE_SOFT_SECONDS:
        for key in shown.soft:
            if changed.get(key, -1) > seq:
                return False
    return True


_holding = threading.local()


@contextmanager
def held() -> Iterator[None]:
    """Inside, saves and deletes invalidate nothing; leaving invalidates once, on commit.

    For writers of many rows at a time (the WordPress import's batches): one new content
    version per batch, and none of the per-save queries that decide what a change touches.
    """
    depth = getattr(_holding, "depth", 0)
    _holding.depth = depth + 1
    try:
        yield
    finally:
        _holding.depth = depth
    if depth == 0:
        transaction.on_commit(invalidate, robust=True)


def _holding_back() -> bool:
    return getattr(_holding, "depth", 0) > 0


# What each change touches (the rule is articles/invalidation.py; these read the rows).


# Made with no story yet, so shown nowhere until a story's byline or tagging names them.
SHOWN_ONCE_USED = (Tag, Author)


def _everything_changed(sender, raw=False, created=False, **kwargs) -> None:
    if raw or _holding_back():
        # loaddata (a restore) and `held()` writers invalidate once, at the end.
        return
    if created and sender in SHOWN_ONCE_USED:
        return
    record_on_commit({EVERYTHING})


def _is_live(article_id) -> bool:
    return Article.objects.live().filter(pk=article_id).exists()


def _story_lists(article_id, section_ids: Iterable[int] = ()) -> set[str]:
    """Every list story `article_id` belongs to, with its sections as they were too."""
    own = Article.objects.filter(pk=article_id).values_list("section_id", flat=True).first()
    ids = {pk for pk in (*section_ids, own) if pk is not None}
    sections = set(Section.objects.filter(pk__in=ids).values_list("pk", "parent_id"))
    tags = TaggedArticle.objects.filter(content_object_id=article_id).values_list("tag_id")
    authors = ArticleAuthor.objects.filter(article_id=article_id).values_list("author_id")
    return invalidation.lists_of(
        {pk for pair in sections for pk in pair}, (t for (t,) in tags), (a for (a,) in authors)
    )


def _story_about_to_be_saved(instance, raw=False, **kwargs) -> None:
    if raw or _holding_back():
        return
    instance._placing_before = None
    instance._scheduled_before = False
    if instance.pk is None:
        return
    row = (
        Article.objects.filter(pk=instance.pk)
        .only("status", "published_at", "trashed_at", "section_id", "is_lead")
        .first()
    )
    if row is not None:
        instance._placing_before = Placing.of(row)
        instance._scheduled_before = row.is_scheduled


def _story_saved(instance, raw=False, **kwargs) -> None:
    if raw or _holding_back():  # loaddata (a restore), `held()`: invalidated once, at the end
        return
    before = getattr(instance, "_placing_before", None)
    after = Placing.of(instance)
    sections = {before.section_id} if before else set()
    keys = invalidation.story_saved(
        instance.pk, before, after, lambda: _story_lists(instance.pk, sections)
    )
    record_on_commit(keys)
    if getattr(instance, "_scheduled_before", False) or instance.is_scheduled:
        transaction.on_commit(_reschedule, robust=True)


def _story_about_to_be_deleted(instance, **kwargs) -> None:
    if _holding_back():
        return
    if instance.is_live:
        record_on_commit(invalidation.deleted(instance.pk, _story_lists(instance.pk)))
    if instance.is_scheduled:
        transaction.on_commit(_reschedule, robust=True)


def _part_about_to_be_saved(sender, instance, raw=False, **kwargs) -> None:
    """A byline or tagging that moves from one author or tag to another leaves a list too."""
    if raw or _holding_back() or instance.pk is None:
        return
    column = "author_id" if sender is ArticleAuthor else "tag_id"
    instance._list_before = (
        sender.objects.filter(pk=instance.pk).values_list(column, flat=True).first()
    )


def _part_of_story_changed(sender, instance, raw=False, **kwargs) -> None:
    """A byline or a tagging: it matters only on a live story."""
    if raw or _holding_back():
        return
    if sender is ArticleAuthor:
        article_id, list_of = instance.article_id, invalidation.author_list
        now_in = instance.author_id
    else:
        article_id, list_of = instance.content_object_id, invalidation.tag_list
        now_in = instance.tag_id
    live = _is_live(article_id)
    keys = invalidation.part_changed(article_id, live, list_of(now_in))
    before = getattr(instance, "_list_before", None)
    if before is not None and before != now_in:
        keys |= invalidation.part_changed(article_id, live, list_of(before))
    record_on_commit(keys)


def _story_tags_changed(instance, action, pk_set, **kwargs) -> None:
    if _holding_back() or action not in ("post_add", "post_remove", "pre_clear"):
        return
    if not isinstance(instance, Article):  # a tag's stories changed from the tag's side
        record_on_commit({EVERYTHING})
        return
    if action == "pre_clear":
        pk_set = set(
            TaggedArticle.objects.filter(content_object_id=instance.pk).values_list(
                "tag_id", flat=True
            )
        )
    if not pk_set or not _is_live(instance.pk):
        return
    keys: set[str] = set()
    for tag_id in pk_set:
        keys |= invalidation.part_changed(instance.pk, True, invalidation.tag_list(tag_id))
    record_on_commit(keys)


def _renditions_recorded(sender, instance, **kwargs) -> None:
    if _holding_back():
        return
    if sender is Picture:
        _picture_changed(instance)
    elif _is_live(instance.pk):
        record_on_commit({invalidation.story(instance.pk), invalidation.ANY_STORY})


def _stories_showing(picture_id) -> list[int]:
    """Live stories that show the picture, featured or inside their bodies."""
    shown = Q(featured_picture_id=picture_id) | Q(body__contains=f'data-picture="{picture_id}"')
    return list(Article.objects.live().filter(shown).values_list("pk", flat=True))


def _picture_changed(instance, raw=False, **kwargs) -> None:
    if raw or _holding_back() or instance.pk is None:
        return
    stories = _stories_showing(instance.pk)
    if stories:
        record_on_commit({invalidation.ANY_STORY, *map(invalidation.story, stories)})


def connect_signals() -> None:
    """Content changes replace the pages that show them (called once, from AppConfig.ready)."""
    for model in SHOWN_MODELS:
        post_save.connect(_everything_changed, sender=model, dispatch_uid=f"pages-{model}")
        post_delete.connect(_everything_changed, sender=model, dispatch_uid=f"pages-d-{model}")
    pre_save.connect(_story_about_to_be_saved, sender=Article, dispatch_uid="pages-story-before")
    post_save.connect(_story_saved, sender=Article, dispatch_uid="pages-story")
    pre_delete.connect(_story_about_to_be_deleted, sender=Article, dispatch_uid="pages-d-story")
    for part in (ArticleAuthor, TaggedArticle):
        pre_save.connect(_part_about_to_be_saved, sender=part, dispatch_uid=f"pages-b-{part}")
        post_save.connect(_part_of_story_changed, sender=part, dispatch_uid=f"pages-{part}")
        post_delete.connect(_part_of_story_changed, sender=part, dispatch_uid=f"pages-d-{part}")
    m2m_changed.connect(
        _story_tags_changed, sender=Article.tags.through, dispatch_uid="pages-article-tags"
    )
    renditions_recorded.connect(_renditions_recorded, dispatch_uid="pages-renditions")
    post_save.connect(_picture_changed, sender=Picture, dispatch_uid="pages-picture")
    # Before the row goes, while its id still finds the stories that show it.
    pre_delete.connect(_picture_changed, sender=Picture, dispatch_uid="pages-d-picture")


def fragment(name: str, vary: str, render: Callable[[], str], *, soft: bool = True) -> str:
    """A part many pages share (the frame), kept with the keys of what it shows.

    A page the cache misses (each page after a change, or one never asked for) is then
    rendered without its frame's queries and templates. The fragment is rendered again when
    a change touches one of its keys; the pages that include it take its keys as soft ones
    (`soft=False`: as their own). Only while the page cache is on.
    """
    if not settings.NEWSROOM_PAGE_CACHE or _cold.get():
        return render()
    memo = _state()
    token = memo.token
    key = f"{_prefix(token)}:fragment:{name}:{hashlib.sha256(vary.encode()).hexdigest()}"
    stored = _kept(memo, [key]).get(key)
    if stored is not None:
        html, shown = stored
    else:
        seq, at = memo.seq, _now()
        with _collect(seq) as collected:
            html = render()
        shown = Shown(seq, at, frozenset(collected.keys | collected.soft))
        _keep(memo, {key: (html, shown)})
    depends_on(*shown.keys, soft=soft)
    return html


def _kept(memo: _Memo, keys: list[str]) -> dict[str, tuple]:
    """The parts stored under `keys` that are still current, by key: from this process's
    memory, else from the shared cache in one round trip (and then kept in memory too).
    Each is checked against the changes as a page is, so a copy in memory is never older."""
    found = {}
    if not memo.offline:
        for key in keys:
            stored = _recent_parts.get(key)
            if stored is not None:
                found[key] = stored
    missing = [key for key in keys if key not in found]
    if missing:
        fetched = cache.get_many(missing)
        found.update(fetched)
        if not memo.offline:
            for key, stored in fetched.items():
                _recent_parts.put(key, stored)
    now = _now()
    return {key: stored for key, stored in found.items() if _current_part(memo, stored[1], now)}


def _current_part(memo: _Memo, shown: Shown, now: float) -> bool:
    # Not older than the shared cache would keep it, for a copy in memory.
    return now - shown.at < settings.NEWSROOM_PAGE_CACHE_SECONDS and _is_current(memo, shown, now)


def _keep(memo: _Memo, parts: dict[str, tuple]) -> None:
    cache.set_many(parts, timeout=settings.NEWSROOM_PAGE_CACHE_SECONDS)
    if not memo.offline:
        for key, stored in parts.items():
            _recent_parts.put(key, stored)


def fragments(
    name: str,
    items: list,
    render: Callable[[object], str],
    prepare: Callable[[list], None] | None = None,
) -> list[str]:
    """Each story's part (its card, its teaser), kept until a change touches the story.

    All of a list's parts are read in one round trip; those missing or out of date are
    made ready together (`prepare`: what their rendering draws, in one query) and rendered
    and stored. Only while a reader page renders with the page cache on: a part is stored
    under the number read before the page's first query, so a story loaded before a change
    can only be stored as older than it.
    """
    collected = _collecting.get()
    if collected is None or not items:
        if prepare is not None and items:
            prepare(items)
        return [render(item) for item in items]
    memo = _state()
    prefix = f"{_prefix(memo.token)}:part:{name}:"
    found = _kept(memo, [f"{prefix}{item.pk}" for item in items])
    kept = {}
    for item in items:
        stored = found.get(f"{prefix}{item.pk}")
        if stored is not None:
            kept[item.pk] = stored[0]
    missing = [item for item in items if item.pk not in kept]
    if prepare is not None and missing:
        prepare(missing)
    parts, new = [], {}
    for item in items:
        if item.pk in kept:
            parts.append(kept[item.pk])
            continue
        html = render(item)
        key = f"{prefix}{item.pk}"
        new[key] = (html, Shown(collected.seq, _now(), frozenset({invalidation.story(item.pk)})))
        parts.append(html)
    if new:
        _keep(memo, new)
    return parts


@dataclass(frozen=True)
class Part:
    """A part of a page kept on its own (`parts`): rendered by `render` for what `vary`
    says, its keys taken by the page as soft ones with `soft` (the site's)."""

    name: str
    vary: str
    render: Callable[[], object]
    soft: bool = False
    # The page's own (what a change to its subject touches), not the site's.
    own: bool = True


def parts(*wanted: Part) -> dict[str, object]:
    """The parts of a page, each kept until a change touches one of its keys.

    A page the page cache misses after a change elsewhere is then put together from its
    parts, read in one round trip, without a query; only the parts the change touched are
    rendered again (each under the number read before the page's first query, as
    `fragments`). Only while a reader page renders with the page cache on.
    """
    collected = _collecting.get()
    if collected is None:
        return {part.name: part.render() for part in wanted}
    memo = _state()
    names = {
        part.name: f"{_prefix(memo.token)}:piece:{part.name}:"
        + hashlib.sha256(part.vary.encode()).hexdigest()
        for part in wanted
    }
    found = _kept(memo, list(names.values()))
    result, new = {}, {}
    for part in wanted:
        stored = None if part.own and _renew_own.get() else found.get(names[part.name])
        if stored is not None:
            value, shown = stored
        else:
            with _collect(collected.seq) as inner:
                value = part.render()
            shown = Shown(collected.seq, _now(), frozenset(inner.keys | inner.soft))
            new[names[part.name]] = (value, shown)
        depends_on(*shown.keys, soft=part.soft)
        result[part.name] = value
    if new:
        _keep(memo, new)
    return result


def per_version(name: str, compute: Callable[[], object]) -> object:
    """`compute()` once per process until the content changes everywhere: what every page
    reads of the site (its settings), whose change makes a new token. Computed each time
    while the page cache is off, or while the shared cache keeps nothing."""
    if not settings.NEWSROOM_PAGE_CACHE:
        return compute()
    memo = _state()
    kept = memo.values.get(name)
    if memo.offline or kept is None or kept[0] != memo.floor:
        kept = (memo.floor, compute())
        if not memo.offline:
            memo.values[name] = kept
    return kept[1]


def page_parameters(request: HttpRequest) -> tuple[str, ...] | None:
    """The query parameters the page at the request's path reads, or None if it is no page."""
    urlconf = getattr(request, "urlconf", None) or settings.ROOT_URLCONF
    return _parameters_at(urlconf, request.path_info)


# Remembered per path: resolving one takes 40-100 µs, a good share of a page from the cache.
@functools.lru_cache(maxsize=4096)
def _parameters_at(urlconf: str, path: str) -> tuple[str, ...] | None:
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return None
    view = getattr(match.func, "view_class", match.func)  # a class's view, or a feed object
    return getattr(view, "page_parameters", None)


def _keep_only(request: HttpRequest, parameters: tuple[str, ...]) -> None:
    """Leave the request only `parameters`, each with its last value (the one views read)."""
    if not request.META.get("QUERY_STRING"):
        return  # nothing to leave out (most requests): no QueryDict built
    query = urlencode([(name, request.GET[name]) for name in parameters if name in request.GET])
    if query != request.META["QUERY_STRING"]:  # else already as the view would read it
        request.GET = QueryDict(query)
        request.META["QUERY_STRING"] = query


def _key(token: Token, request: HttpRequest) -> str:
    where = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"{_prefix(token)}:{hashlib.sha256(where.encode()).hexdigest()}"


def _storable(response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if "public" not in response.get("Cache-Control", ""):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return vary <= ALLOWED_VARY


def _bypassed(request: HttpRequest) -> str:
    """The benchmark measures uncached pages on the same server by asking for it: "1" for
    the page rendered as on a miss after a change elsewhere (its parts, fragments and cards
    from the cache), "own" as after a change to what the page is about (its own parts
    rendered, the site's from the cache), "all" for a cold render (nothing from the cache).
    "" when not asked, or not in bench mode."""
    if not settings.NEWSROOM_BENCH:
        return ""
    found = request.META.get(_BYPASS_META, "")
    return {"1": "page", "own": "own", "all": "all"}.get(found, "")


class _Recent:
    """The pages this process served last, kept in its memory too (a few hundred, the hot
    ones): a hit on one of them makes no round trip to the shared cache. Each is checked
    against the changes exactly as one read from the shared cache, so it is never older."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.pages: OrderedDict[str, tuple] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str):
        with self.lock:
            found = self.pages.get(key)
            if found is not None:
                self.pages.move_to_end(key)
            return found

    def put(self, key: str, page: tuple) -> None:
        with self.lock:
            self.pages[key] = page
            self.pages.move_to_end(key)
            while len(self.pages) > self.size:
                self.pages.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.pages.clear()


_recent = _Recent(RECENT_PAGES)
_recent_parts = _Recent(RECENT_PARTS)


# Never kept with a page: set again for each answer (the length of the form sent), or the
# cache's own word on it.
_NOT_KEPT = {"content-length", "content-encoding", STATUS_HEADER.lower()}
# What a 304 leaves out of its page's headers: it has no body.
_NOT_ON_304 = {"content-type", "content-length", "content-encoding"}


def _answer(content: bytes, headers: list[tuple[str, str]], status: str) -> HttpResponse:
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    response[STATUS_HEADER] = status
    return response


def _conditional(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """A 304 when the client holds this form already (as Django's ConditionalGetMiddleware,
    which a page answered here does not reach), carrying the page's other headers: a
    browser may update its stored copy's headers from it, security policies included."""
    if request.method != "GET":
        return response
    last_modified = response.get("Last-Modified")
    answer = get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=last_modified and parse_http_date_safe(last_modified),
        response=response,
    )
    if answer is not response:
        for name, value in response.items():
            if name.lower() not in _NOT_ON_304 and not answer.has_header(name):
                answer[name] = value
    return answer


class PageCacheMiddleware:
    """Answer a reader page from the cache; store the ones that may be shared.

    It stands before the security headers, sessions, redirects and the rest (MIDDLEWARE in
    newsroom/settings.py): a page is kept with every header it was first sent with, in each
    encoding, so a hit runs none of them and answers a conditional GET itself.
    """

    def __init__(self, get_response):
        from .redirects import diverted, find_redirect  # they import the models' app

        self.get_response = get_response
        self.diverted, self.find_redirect = diverted, find_redirect

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        parameters = page_parameters(request)
        if parameters is None:
            return self.get_response(request)
        if self.diverted(request) and self.find_redirect(request) is not None:
            return self.get_response(request)  # an old post's address: redirected inside
        # With the cache off too, so a page never differs by whether the cache is on.
        _keep_only(request, parameters)
        encoding = compression.chosen(request)
        if not settings.NEWSROOM_PAGE_CACHE:
            return self._render(request, encoding)
        bypass = _bypassed(request)
        if bypass == "all":
            cold = _cold.set(True)
            try:
                return self._render(request, encoding)
            finally:
                _cold.reset(cold)
        memo = _state()
        if bypass:  # rendered as on a miss (its parts from the cache), not stored
            own = _renew_own.set(bypass == "own")
            try:
                with _collect(memo.seq):
                    return self._render(request, encoding)
            finally:
                _renew_own.reset(own)
        key = f"{_key(memo.token, request)}:{encoding}"
        stored = None if memo.offline else _recent.get(key)
        if stored is None:
            stored = cache.get(key)
            if stored is not None:
                _recent.put(key, stored)
        if stored is not None and _usable(memo, stored):
            content, headers, _ = stored
            return _conditional(request, _answer(content, headers, "hit"))
        if encoding != compression.IDENTITY:
            # Another encoding of a stored page: compressed from it, not rendered again.
            plain = cache.get(f"{key.rsplit(':', 1)[0]}:{compression.IDENTITY}")
            if plain is not None and _usable(memo, plain):
                form = _encode(plain, encoding)
                cache.set(key, form, timeout=settings.NEWSROOM_PAGE_CACHE_SECONDS)
                if not memo.offline:
                    _recent.put(key, form)
                return _conditional(request, _answer(*form[:2], "hit"))
        # The number and time read before rendering: a change committed while the page
        # renders is later than both, so it replaces this copy.
        seq, at = memo.seq, _now()
        with _collect(seq) as collected:
            response = self._render(request, encoding, keep=request.method == "GET")
        store = getattr(response, "_page_cache_store", None)
        if store is None:
            return response
        del response._page_cache_store
        shown = _shown(memo, seq, at, collected)
        # Each encoding under its own key, so a hit reads only what it sends: the one sent
        # and the page as it is, from which another encoding is made when first asked for.
        base = key.rsplit(":", 1)[0]
        pages = {f"{base}:{name}": (*form, shown) for name, form in store.items()}
        cache.set_many(pages, timeout=settings.NEWSROOM_PAGE_CACHE_SECONDS)
        if not memo.offline:
            _recent.put(key, pages[key])
        return response

    def _render(self, request: HttpRequest, encoding: str, *, keep: bool = False):
        """The page rendered and, if it may be shared, in the form the client accepts; with
        `keep`, each form's body and headers in `_page_cache_store`."""
        response = self.get_response(request)
        if not _storable(response):
            return response
        if not response.has_header("ETag"):
            set_etag(response)
        patch_vary_headers(response, ("Accept-Encoding",))
        common = [(k, v) for k, v in response.items() if k.lower() not in _NOT_KEPT]
        # Compressed in the one encoding sent: a page rendered again after each change
        # should not pay for the encodings nobody has asked for yet.
        body = compression.compress(response.content, encoding)
        forms = {compression.IDENTITY: _form(common, compression.IDENTITY, response.content)}
        forms[encoding] = (
            _form(common, encoding, body) if body is not None else forms[compression.IDENTITY]
        )
        answer = _answer(*forms[encoding], "miss" if keep else "")
        if not keep:
            del answer[STATUS_HEADER]
        else:
            answer._page_cache_store = forms
        return _conditional(request, answer)


def _usable(memo: _Memo, stored: tuple) -> bool:
    shown = stored[2]
    # Not older than the shared cache would keep it, for a copy in memory.
    fresh = _now() - shown.at < settings.NEWSROOM_PAGE_CACHE_SECONDS
    return fresh and _is_current(memo, shown)


def _encode(plain: tuple, encoding: str) -> tuple:
    """A stored page (as it is) in `encoding`, kept as it was rendered: same keys, same age."""
    content, headers, shown = plain
    body = compression.compress(content, encoding)
    if body is None:  # too small to gain anything: kept as it is
        return plain
    common = [(k, v) for k, v in headers if k.lower() not in _NOT_KEPT]
    return (*_form(common, encoding, body), shown)


def _form(common: list[tuple[str, str]], encoding: str, body: bytes) -> tuple:
    """A form of the page: its body and headers."""
    return body, _form_headers(common, encoding, body)


def _form_headers(common: list[tuple[str, str]], encoding: str, body: bytes):
    """A form's headers: the page's, with its encoding, length and (compressed: weak) ETag."""
    headers = []
    for name, value in common:
        if name.lower() == "etag" and encoding != compression.IDENTITY and value.startswith('"'):
            value = "W/" + value  # the same page, other bytes: conditional requests still match
        headers.append((name, value))
    if encoding != compression.IDENTITY:
        headers.append(("Content-Encoding", encoding))
    headers.append(("Content-Length", str(len(body))))
    return headers
