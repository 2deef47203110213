from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles.models import Section

register = template.Library()


@register.inclusion_tag("includes/primary_menu.html", takes_context=True)
def primary_menu(context):
    """The header's navigation: Home, then the sections editors put in the primary menu."""
    request = context.get("request")
    return {
        "sections": Section.objects.filter(in_primary_menu=True),
        "path": request.path if request else "",
    }


@register.filter
def with_dateline(body: str, dateline: str) -> str:
    """The body with “Dateline:” opening its first paragraph.

    Marking the result safe is right only because the body was cleaned by
    articles.sanitize when it was saved, and the dateline is escaped here.
    """
    if not dateline:
        return mark_safe(body)
    label = format_html('<strong class="dateline">{}:</strong> ', dateline)
    if body.startswith("<p>"):
        return mark_safe(f"<p>{label}{body[3:]}")
    return mark_safe(f"<p>{label}</p>{body}")
