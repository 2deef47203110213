"""The editorial workflow through the admin, over HTTP: who may do what, and what they see."""

import re
from datetime import datetime, time, timedelta

import pytest
from django.contrib.messages import constants, get_messages
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article, ArticleAuthor
from tests.admin_forms import change_form_data
from tests.factories import ArticleFactory, AuthorFactory, UserFactory

pytestmark = pytest.mark.django_db

Status = Article.Status

# The roles of the matrix: (group, whose story, its state). A state of None means the story is
# in whatever state the action needs (editors, administrators and readers act on any story).
WHO = {
    "writer on own draft": ("Writer", "own", Status.DRAFT),
    "writer on someone else's draft": ("Writer", "other", Status.DRAFT),
    "writer on own story in review": ("Writer", "own", Status.IN_REVIEW),
    "editor": ("Editor", "other", None),
    "administrator": ("Administrator", "other", None),
    "reader without staff": (None, "other", None),
}

# The state each action starts from when the role does not fix it: one the action accepts.
STARTS = {
    "open": {},
    "save": {},
    "submit": {},
    "withdraw": {"status": Status.IN_REVIEW},
    "request_changes": {"status": Status.IN_REVIEW},
    "approve": {"status": Status.IN_REVIEW},
    "publish": {},
    "schedule": {},
    "unpublish": {"live": True},
    "archive": {"live": True},
    "trash": {},
    "restore": {"trashed_at": "now"},
    "empty_trash": {"trashed_at": "now"},
}

# What each allowed workflow action leaves behind: the status, and whether it is in the trash.
AFTER = {
    "submit": (Status.IN_REVIEW, False),
    "withdraw": (Status.DRAFT, False),
    "request_changes": (Status.CHANGES_REQUESTED, False),
    "approve": (Status.PUBLISHED, False),
    "publish": (Status.PUBLISHED, False),
    "schedule": (Status.PUBLISHED, False),
    "unpublish": (Status.DRAFT, False),
    "archive": (Status.ARCHIVED, False),
    "trash": (None, True),
    "restore": (None, False),
}

ALLOWED, REFUSED, FORBIDDEN, MISSING, LOGIN = "allowed", "refused", "403", "missing", "login"
WORKFLOW_ACTIONS = list(AFTER)
EVERY_ACTION = ["open", "save", *WORKFLOW_ACTIONS, "empty_trash"]


def expected(who: str, action: str) -> str:
    if who == "reader without staff":
        return LOGIN
    if action == "empty_trash" and who != "administrator":
        return FORBIDDEN
    if who == "writer on someone else's draft":
        return MISSING  # not in a writer's queryset: the admin cannot find it
    if who == "writer on own draft":
        return {"open": ALLOWED, "save": ALLOWED, "submit": ALLOWED}.get(action, REFUSED)
    if who == "writer on own story in review":
        return {"open": ALLOWED, "save": FORBIDDEN, "withdraw": ALLOWED}.get(action, REFUSED)
    return ALLOWED  # editor, administrator


MATRIX = [(who, action, expected(who, action)) for who in WHO for action in EVERY_ACTION]


def messages_at(response, level: int) -> list[str]:
    return [m.message for m in get_messages(response.wsgi_request) if m.level == level]


def change_url(article: Article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def workflow_url(article: Article, action: str) -> str:
    return reverse("admin:articles_article_workflow", args=[article.pk, action])


def tomorrow_at(hour: int) -> tuple[str, str, datetime]:
    """Tomorrow at `hour`:00 in the site's time zone, as the form sends it and as a time."""
    day = timezone.localdate() + timedelta(days=1)
    at = datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())
    return day.isoformat(), f"{hour:02d}:00", at


def story_for(who: str, action: str, user) -> Article:
    _, whose, state = WHO[who]
    shape = dict(STARTS[action])
    if state is not None:
        shape = {"status": state, **({"trashed_at": "now"} if "trashed_at" in shape else {})}
    if shape.get("trashed_at") == "now":
        shape["trashed_at"] = timezone.now()
    creator = user if whose == "own" else UserFactory(role="Writer")
    return ArticleFactory(created_by=creator, authors=[], **shape)


def act(client, article: Article, action: str):
    if action == "open":
        return client.get(change_url(article))
    if action == "save":
        data = change_form_data(article, headline="A corrected headline")
        return client.post(change_url(article), data)
    if action == "empty_trash":
        url = reverse("admin:articles_article_delete", args=[article.pk])
        return client.post(url, {"post": "yes"})
    data = {}
    if action == "request_changes":
        data["note"] = "Add a quote from the mayor."
    if action == "schedule":
        data["date"], data["time"], _ = tomorrow_at(9)
    return client.post(workflow_url(article, action), data)


@pytest.mark.parametrize(("who", "action", "outcome"), MATRIX)
def test_permission_matrix_over_http(client, who, action, outcome):
    role = WHO[who][0]
    user = UserFactory(role=role) if role else UserFactory()
    client.force_login(user)
    article = story_for(who, action, user)
    before = Article.objects.values("status", "trashed_at", "headline").get(pk=article.pk)

    response = act(client, article, action)

    if outcome == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    elif outcome == FORBIDDEN:
        assert response.status_code == 403
    elif outcome == MISSING:
        if action in WORKFLOW_ACTIONS:
            assert response.status_code == 404
        else:
            assert response.status_code == 302
            assert response["Location"] == reverse("admin:index")
    elif outcome == REFUSED:
        assert response.status_code == 302
        assert response["Location"] == change_url(article)
        assert messages_at(response, constants.ERROR)
        assert not messages_at(response, constants.SUCCESS)

    if outcome != ALLOWED:
        assert Article.objects.values("status", "trashed_at", "headline").get(pk=article.pk) == (
            before
        )
        assert not article.events.exists()
        return

    if action == "open":
        assert response.status_code == 200
        return
    assert response.status_code == 302
    if action == "empty_trash":
        assert not Article.objects.filter(pk=article.pk).exists()
        return
    article.refresh_from_db()
    if action == "save":
        assert article.headline == "A corrected headline"
        return
    assert messages_at(response, constants.SUCCESS)
    status, trashed = AFTER[action]
    assert article.status == (status or before["status"])
    assert (article.trashed_at is not None) is trashed
    event = article.events.get()
    assert (event.action, event.actor, event.from_status) == (action, user, before["status"])


def test_a_writer_sees_their_story_in_review_read_only(client, writer):
    article = ArticleFactory(created_by=writer, status=Status.IN_REVIEW)
    client.force_login(writer)
    response = client.get(change_url(article))
    assert response.context["has_change_permission"] is False
    assert 'name="_save"' not in response.content.decode()


@pytest.mark.parametrize(
    ("role", "shape"),
    [
        ("Writer", {"status": Status.DRAFT}),
        ("Writer", {"status": Status.CHANGES_REQUESTED}),
        ("Writer", {"status": Status.IN_REVIEW}),
        ("Editor", {"status": Status.DRAFT}),
        ("Editor", {"status": Status.IN_REVIEW}),
        ("Editor", {"live": True}),
        ("Editor", {"scheduled": True}),
        ("Editor", {"status": Status.ARCHIVED}),
        ("Editor", {"trashed_at": "now"}),
    ],
)
def test_the_buttons_shown_are_the_actions_available(client, role, shape):
    user = UserFactory(role=role)
    if shape.get("trashed_at") == "now":
        shape = {**shape, "trashed_at": timezone.now()}
    article = ArticleFactory(created_by=user, **shape)
    client.force_login(user)
    html = client.get(change_url(article)).content.decode()
    # A small form of its own, or a button of the change form.
    small_form = rf'action="/admin/articles/article/{article.pk}/workflow/(\w+)/"'
    with_form = r'name="_workflow" value="(\w+)"'
    shown = [a or b for a, b in re.findall(f"{small_form}|{with_form}", html)]
    assert shown == [name for name, _ in workflow.available_actions(user, article)]
    assert shown  # every one of these states has something to do


def test_request_changes_without_a_note_is_refused_and_changes_nothing(client, editor):
    article = ArticleFactory(status=Status.IN_REVIEW)
    client.force_login(editor)
    response = client.post(workflow_url(article, "request_changes"), {"note": "  "})
    assert response.status_code == 302
    assert messages_at(response, constants.ERROR) == ["Say what should change: a note is required."]
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    assert not article.events.exists()


def test_request_changes_keeps_the_note_on_the_timeline(client, editor):
    article = ArticleFactory(status=Status.IN_REVIEW)
    client.force_login(editor)
    client.post(workflow_url(article, "request_changes"), {"note": "Add a quote."})
    html = client.get(change_url(article)).content.decode()
    assert "Add a quote." in html
    assert "In review → Changes requested" in html


def test_schedule_reads_the_time_in_the_site_time_zone(client, editor):
    article = ArticleFactory()
    client.force_login(editor)
    day_text, hour_text, at = tomorrow_at(9)
    response = client.post(workflow_url(article, "schedule"), {"date": day_text, "time": hour_text})
    article.refresh_from_db()
    assert article.published_at == at
    assert at.utcoffset() == timedelta(hours=5, minutes=30)  # Asia/Kolkata
    assert article.is_scheduled
    day = timezone.localdate() + timedelta(days=1)
    assert messages_at(response, constants.SUCCESS) == [
        f"Scheduled for {day.day} {day:%B}, {day.year} 9:00 AM."
    ]


def test_schedule_with_a_past_time_is_refused(client, editor):
    article = ArticleFactory()
    client.force_login(editor)
    yesterday = timezone.localdate() - timedelta(days=1)
    response = client.post(
        workflow_url(article, "schedule"), {"date": yesterday.isoformat(), "time": "09:00"}
    )
    assert messages_at(response, constants.ERROR) == [
        "Pick a time in the future to schedule, or publish now."
    ]
    article.refresh_from_db()
    assert (article.status, article.published_at) == (Status.DRAFT, None)


def test_schedule_with_an_unreadable_time_is_refused(client, editor):
    article = ArticleFactory()
    client.force_login(editor)
    response = client.post(workflow_url(article, "schedule"), {"date": "soon", "time": ""})
    assert response.status_code == 302
    assert messages_at(response, constants.ERROR)
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_the_workflow_url_only_accepts_post(client, editor):
    article = ArticleFactory()
    client.force_login(editor)
    assert client.get(workflow_url(article, "submit")).status_code == 405
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_an_unknown_workflow_action_is_not_found(client, editor):
    client.force_login(editor)
    assert client.post(workflow_url(ArticleFactory(), "delete")).status_code == 404


def test_a_workflow_action_on_a_missing_story_is_not_found(client, editor):
    client.force_login(editor)
    url = reverse("admin:articles_article_workflow", args=[987654, "submit"])
    assert client.post(url).status_code == 404


def test_a_writer_who_submits_goes_back_to_the_story_read_only(client, writer):
    article = ArticleFactory(created_by=writer)
    client.force_login(writer)
    response = client.post(workflow_url(article, "submit"), follow=True)
    assert response.redirect_chain[-1][0] == change_url(article)
    assert "Submitted for review." in response.content.decode()
    assert response.context["has_change_permission"] is False


def test_the_timeline_lists_events_newest_first(client, editor):
    article = ArticleFactory()
    workflow.submit(article=article, by=editor)
    workflow.withdraw(article=article, by=editor)
    client.force_login(editor)
    response = client.get(change_url(article))
    assert [e.action for e in response.context["timeline"]] == ["withdraw", "submit"]
    html = response.content.decode()
    assert html.index("Withdraw") < html.index("Submit</td>")


def test_a_scheduled_story_shows_as_scheduled_in_the_list(client, editor):
    ArticleFactory(scheduled=True, headline="Budget day arrives")
    client.force_login(editor)
    html = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "Scheduled for " in html


def test_the_scheduled_filter_lists_only_scheduled_stories(client, editor):
    ArticleFactory(scheduled=True, headline="Budget day arrives")
    ArticleFactory(live=True, headline="Rain floods the old market")
    client.force_login(editor)
    url = reverse("admin:articles_article_changelist") + "?status=scheduled"
    listed = [a.headline for a in client.get(url).context["cl"].result_list]
    assert listed == ["Budget day arrives"]


def test_bulk_publish_reports_refused_stories_by_headline(client, editor):
    draft = ArticleFactory(headline="Tram depot reopens")
    live = ArticleFactory(live=True, headline="Ferry fares go up")
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [draft.pk, live.pk]},
    )
    assert response.status_code == 302
    assert messages_at(response, constants.WARNING) == [
        "“Ferry fares go up”: This story is already published."
    ]
    assert messages_at(response, constants.SUCCESS) == ["Published: “Tram depot reopens”."]
    draft.refresh_from_db()
    assert draft.is_live
    assert live.events.count() == 0


def test_writers_are_not_offered_the_editors_bulk_actions(client, writer):
    client.force_login(writer)
    response = client.get(reverse("admin:articles_article_changelist"))
    offered = {name for name, _ in response.context["action_form"].fields["action"].choices}
    assert offered == {"", "submit_selected"}


def test_a_writer_cannot_bulk_publish_their_draft(client, writer):
    article = ArticleFactory(created_by=writer)
    client.force_login(writer)
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [article.pk]},
    )
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_writers_list_shows_only_their_stories(client, writer):
    started = ArticleFactory(created_by=writer, headline="Started by the writer")
    bylined = ArticleFactory(authors=[AuthorFactory(user=writer)], headline="Under their byline")
    ArticleFactory(headline="Somebody else's story")
    client.force_login(writer)
    listed = client.get(reverse("admin:articles_article_changelist")).context["cl"].result_list
    assert sorted(a.pk for a in listed) == sorted([started.pk, bylined.pk])


def test_editors_list_shows_every_story(client, editor):
    ArticleFactory.create_batch(3)
    client.force_login(editor)
    response = client.get(reverse("admin:articles_article_changelist"))
    assert len(response.context["cl"].result_list) == 3


def test_the_mine_filter_shows_the_stories_an_editor_started_or_signs(client, editor):
    started = ArticleFactory(created_by=editor)
    bylined = ArticleFactory(authors=[AuthorFactory(user=editor)])
    ArticleFactory()
    client.force_login(editor)
    url = reverse("admin:articles_article_changelist") + "?mine=yes"
    listed = client.get(url).context["cl"].result_list
    assert sorted(a.pk for a in listed) == sorted([started.pk, bylined.pk])


def test_trash_hides_a_story_from_the_list_and_from_readers_and_restore_brings_it_back(
    client, editor
):
    article = ArticleFactory(live=True)
    assert client.get(article.get_absolute_url()).status_code == 200
    client.force_login(editor)
    changelist = reverse("admin:articles_article_changelist")

    client.post(workflow_url(article, "trash"))
    assert article.pk not in [a.pk for a in client.get(changelist).context["cl"].result_list]
    in_trash = client.get(changelist + "?trash=yes").context["cl"].result_list
    assert [a.pk for a in in_trash] == [article.pk]
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 404

    client.force_login(editor)
    client.post(workflow_url(article, "restore"))
    assert article.pk in [a.pk for a in client.get(changelist).context["cl"].result_list]
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 200


def test_bulk_restore_works_from_the_trash_filter(client, editor):
    article = ArticleFactory(trashed_at=timezone.now())
    client.force_login(editor)
    client.post(
        reverse("admin:articles_article_changelist") + "?trash=yes",
        {"action": "restore_selected", "_selected_action": [article.pk]},
    )
    article.refresh_from_db()
    assert article.trashed_at is None


def test_only_administrators_can_delete_from_the_trash(client, editor):
    article = ArticleFactory(trashed_at=timezone.now())
    delete = reverse("admin:articles_article_delete", args=[article.pk])
    client.force_login(editor)
    assert client.post(delete, {"post": "yes"}).status_code == 403
    client.force_login(UserFactory(role="Administrator"))
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()


def test_a_story_outside_the_trash_cannot_be_deleted_even_by_an_administrator(client):
    article = ArticleFactory(live=True)
    client.force_login(UserFactory(role="Administrator"))
    url = reverse("admin:articles_article_delete", args=[article.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_the_bulk_delete_spares_stories_outside_the_trash(client):
    trashed = ArticleFactory(trashed_at=timezone.now())
    kept = ArticleFactory(headline="Still needed")
    client.force_login(UserFactory(role="Administrator"))
    response = client.post(
        reverse("admin:articles_article_changelist") + "?trash=yes",
        {"action": "delete_selected", "_selected_action": [trashed.pk, kept.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Article.objects.filter(pk=trashed.pk).exists()
    assert Article.objects.filter(pk=kept.pk).exists()


def test_editors_are_not_offered_the_bulk_delete(client, editor):
    client.force_login(editor)
    response = client.get(reverse("admin:articles_article_changelist"))
    offered = {name for name, _ in response.context["action_form"].fields["action"].choices}
    assert "delete_selected" not in offered
    assert {"publish_selected", "trash_selected", "restore_selected"} <= offered


def test_a_new_story_gets_the_byline_linked_to_its_writer(client, writer):
    author = AuthorFactory(user=writer)
    client.force_login(writer)
    story = ArticleFactory.build(section=ArticleFactory().section)
    data = change_form_data(story, slug="a-new-story")
    response = client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302
    article = Article.objects.get(slug="a-new-story")
    assert list(ArticleAuthor.objects.filter(article=article).values_list("author", flat=True)) == [
        author.pk
    ]


def test_a_writer_cannot_set_the_publication_time_through_the_form(client, writer):
    article = ArticleFactory(created_by=writer, authors=[])
    client.force_login(writer)
    _, _, at = tomorrow_at(9)
    data = change_form_data(
        article, published_at_0=at.date().isoformat(), published_at_1="09:00:00"
    )
    assert client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.published_at is None
