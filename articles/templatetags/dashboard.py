"""The newsroom dashboard on the admin's front page."""

from django import template
from django.urls import reverse

from articles.models import Article

register = template.Library()

ROWS = 6


@register.inclusion_tag("admin/includes/dashboard.html", takes_context=True)
def newsroom_dashboard(context):
    """Assigned to me, overdue, my drafts, awaiting review, changes requested, scheduled next,
    recently published; and a link to the editorial calendar."""
    user = context["request"].user
    if not user.has_perm("articles.view_article"):
        return {"panels": []}
    # A row shows the headline and dates: the bodies would be most of the bytes read.
    stories = Article.objects.not_trashed().select_related("section").defer("body", "body_text")
    mine = stories.owned_by(user)
    Status = Article.Status
    review = stories if user.has_perm("articles.publish_article") else mine
    panels = [
        ("Assigned to me", stories.assigned_to(user)),
        ("Overdue", review.overdue().order_by("deadline", "pk")),
        ("My drafts", mine.in_state(Status.DRAFT).order_by("-modified_at")),
        ("Awaiting review", review.in_state(Status.IN_REVIEW).order_by("modified_at")),
        (
            "Changes requested",
            mine.in_state(Status.CHANGES_REQUESTED).order_by("-modified_at"),
        ),
        (
            "Scheduled next",
            stories.scheduled().order_by("published_at"),
        ),
        ("Recently published", stories.live().newest_first()),
    ]
    return {
        "panels": [(title, list(rows[:ROWS])) for title, rows in panels],
        "calendar_url": reverse("admin:articles_article_calendar"),
    }
