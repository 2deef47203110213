"""The article form in the admin: no edit is lost to someone else's save."""

import difflib

from django import forms
from django.contrib.admin.widgets import AdminTextareaWidget
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join
from django_prose_editor.fields import ProseEditorFormField
from taggit.models import Tag

from ..models import Article
from ..sanitize import clean_html
from .widgets import ImagePreviewInput

# What the body editor offers: every element it can make is in articles.sanitize's allow-list,
# and what it sends is cleaned by that same sanitizer (again on save, for every writer).
BODY_EDITOR = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "History": True,
    "HTML": True,
    "SpecialCharacters": True,
}

COMPARED = ("headline", "summary", "body")


class ArticleAdminForm(forms.ModelForm):
    """Refuses a save when the story changed after this form was opened.

    The form carries the story's `modified_at` as it was when opened. If the row has moved
    on since (another editor saved, or a workflow action), the save is refused, the user's
    text stays in the form, the difference is shown, and the form now carries the new
    version: saving again is a deliberate choice to replace the other change.
    """

    edit_version = forms.CharField(widget=forms.HiddenInput, required=False)
    body = ProseEditorFormField(
        extensions=BODY_EDITOR,
        sanitize=clean_html,
        required=False,
        widget=AdminTextareaWidget,  # the field turns this into the admin's editor widget
        help_text="The story. Scripts, styles and unsafe links are removed when it is saved.",
    )

    class Meta:
        model = Article
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose the fields shown
        widgets = {
            "headline": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "slug": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "featured_image": ImagePreviewInput,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["edit_version"].initial = self.instance.modified_at.isoformat()

    def clean_tags(self):
        """Each tag fits its column: taggit's field checks no length, and PostgreSQL refused
        a longer name with a 500."""
        names = self.cleaned_data.get("tags") or []
        limit = Tag._meta.get_field("name").max_length
        for name in names:
            if len(name) > limit:
                raise ValidationError(
                    f"A tag can have at most {limit} characters; “{name[:40]}…” has {len(name)}."
                )
        return names

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        saved = Article.objects.select_related("last_edited_by").get(pk=self.instance.pk)
        current = saved.modified_at.isoformat()
        if cleaned.get("edit_version") == current:
            return cleaned
        # Carry the new version, so the next save (after reading the difference) goes through.
        self.data = self.data.copy()
        self.data[self.add_prefix("edit_version")] = current
        raise ValidationError(self.stale_message(saved, cleaned))

    def stale_message(self, saved: Article, cleaned: dict):
        who = saved.last_edited_by or "someone"
        lines = []
        for name in COMPARED:
            if name in cleaned and str(getattr(saved, name)) != str(cleaned[name]):
                lines += difflib.unified_diff(
                    str(getattr(saved, name)).splitlines(),
                    str(cleaned[name]).splitlines(),
                    fromfile=f"{name}: saved by {who}",
                    tofile=f"{name}: yours",
                    lineterm="",
                )
        diff = format_html_join("\n", "{}", ((line,) for line in lines))
        return format_html(
            "{} saved this story after you opened it. Nothing of yours was saved, and your "
            "text is still below. What differs between their version and yours:"
            '<pre class="stale-diff">{}</pre>Save again to replace their version with yours.',
            who,
            diff or "(only fields not shown here)",
        )
