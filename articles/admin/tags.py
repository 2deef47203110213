"""Tags and bylines in the admin: merging duplicate tags, seeing authors' pictures."""

from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Count
from django.utils.html import format_html
from taggit.admin import TagAdmin as TaggitTagAdmin
from taggit.models import Tag

from ..models import Article


def avatar_preview(author, size: int = 96) -> str:
    """The author's picture as it will appear, or a dash."""
    if not author.avatar:
        return "—"
    return format_html(
        '<img src="{}" alt="" width="{}" height="{}" style="border-radius:50%;object-fit:cover">',
        author.avatar.url,
        size,
        size,
    )


admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(TaggitTagAdmin):
    list_display = ("name", "slug", "story_count")
    actions = ["merge_tags"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(stories=Count("articles_taggedarticle_items"))

    @admin.display(description="Stories", ordering="stories")
    def story_count(self, tag: Tag) -> int:
        return tag.stories

    @admin.action(description="Merge selected tags into the most used one", permissions=["change"])
    @transaction.atomic
    def merge_tags(self, request, queryset):
        """Duplicates ("Monsoon", "monsoon rains") become one tag; stories keep a single copy."""
        tags = sorted(queryset, key=lambda tag: (-tag.stories, tag.name))
        if len(tags) < 2:
            self.message_user(request, "Select two or more tags to merge.", messages.WARNING)
            return
        keeper, others = tags[0], tags[1:]
        stories = Article.objects.filter(tagged_items__tag__in=others).distinct()
        for article in stories:
            # Through the tag manager, so each story's recorded tag names follow.
            article.tags.remove(*others)
            article.tags.add(keeper)
        names = ", ".join(f"“{tag.name}”" for tag in others)
        Tag.objects.filter(pk__in=[tag.pk for tag in others]).delete()
        self.message_user(
            request,
            f"Merged {names} into “{keeper.name}” ({len(stories)} stories moved).",
            messages.SUCCESS,
        )
