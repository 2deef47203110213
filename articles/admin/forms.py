"""The article form in the admin: no edit is lost to someone else's save."""

from django import forms
from django.contrib.admin.widgets import AdminTextareaWidget
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django_prose_editor.fields import ProseEditorFormField
from taggit.models import Tag

from .. import diffs, merge, workflow
from ..embeds import PROVIDERS
from ..models import Article, tag_string
from . import buttons
from .body_check import BodyCheckMixin
from .widgets import DateTimeBoxes, ImagePreviewInput

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
    # Ours (settings.DJANGO_PROSE_EDITOR_EXTENSIONS, docs/rich-bodies.md): a table with a
    # caption and a header row, the pull quote, and paste from Word and Google Docs cleaned.
    "CaptionedTable": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "PullQuote": True,
    "CleanPaste": True,
    # A picture of the media library (articles/admin/library.py serves its picker).
    "LibraryPicture": {
        "chooseUrl": reverse_lazy("admin:articles_picture_choose"),
        "uploadUrl": reverse_lazy("admin:articles_picture_upload"),
    },
    # Embeds: the Embed button and pasted provider addresses, checked by the server
    # (articles/admin/embeds.py); each shown in the editor as a labelled box.
    "Embed": {
        "checkUrl": reverse_lazy("admin:articles_embed_check"),
        "labels": {key: f"{p.label} {p.noun}" for key, p in PROVIDERS.items()},
    },
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "History": True,
    "HTML": True,
    "SpecialCharacters": True,
}


class ArticleAdminForm(BodyCheckMixin, forms.ModelForm):
    """The story's form: a save on an outdated form is merged, never blindly written over.

    The form carries the story's `modified_at` (`edit_version`) and, signed, its fields as
    they were when opened (`edit_base`). If the row has moved on since (another editor
    saved, or a workflow action), the three versions are merged field by field
    (`articles.merge`): what only they changed is kept, what only this user changed
    is saved, and what both changed is shown side by side for the user to pick; the form is
    then refused with the user's text kept. A workflow button (`articles.admin.buttons`)
    submits this form: the action is checked here, before anything is saved.
    """

    edit_version = forms.CharField(widget=forms.HiddenInput, required=False)
    edit_base = forms.CharField(widget=forms.HiddenInput, required=False)
    body = ProseEditorFormField(
        extensions=BODY_EDITOR,
        # Not sanitized here: BodyCheckMixin needs the body as sent, and cleans it itself.
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
            "deadline": DateTimeBoxes("Deadline"),
        }
        labels = {"featured_image": "Or upload a new picture"}
        help_texts = {
            "featured_image": (
                "It goes into the media library with the alt text (required), caption and "
                "credit below. Tick “Clear” to remove the story's featured image."
            ),
        }

    # ArticleAdmin.get_form sets the request: who saves, and the byline rows sent with it.
    request = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.press: buttons.Press | None = None
        self.conflict: Conflict | None = None  # a refused merge, for the template
        self.merged: Conflict | None = None  # a merge that went through, for the message
        if self.instance.pk:
            self.fields["edit_version"].initial = self.instance.modified_at.isoformat()
            self.fields["edit_base"].initial = merge.sign(merge.snapshot(self.instance))

    def picked_other_picture(self, cleaned: dict) -> bool:
        """Whether the user chose a library picture other than the one the story has."""
        picked = cleaned.get("featured_picture")
        return picked is not None and picked.pk != self.instance._saved_picture

    def clean_featured_image_alt(self):
        """A new picture goes into the library with its alt text, which it must have."""
        alt = self.cleaned_data.get("featured_image_alt", "")
        if self.files.get(self.add_prefix("featured_image")) and not alt.strip():
            raise ValidationError(
                "Describe the new picture for readers who cannot see it: it goes into the "
                "media library with this alt text."
            )
        return alt

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
        stored = None
        if self.instance.pk:
            stored = Article.objects.select_related("last_edited_by", "section")
            if transaction.get_connection().in_atomic_block:
                # A save: lock the story's row (only it: PostgreSQL locks no row of an outer
                # join's other side) until the save and its action are done. A form filled
                # from an autosave is checked while its page renders, outside any transaction.
                stored = stored.select_for_update(of=("self",))
            stored = stored.get(pk=self.instance.pk)
            self.reconcile(stored, cleaned)
        self.press = buttons.pressed(self.data)
        if self.press is not None:
            self.check_press(stored or self.instance)
        return cleaned

    def check_press(self, article: Article) -> None:
        """Refuse the whole submission if its workflow action would be refused after it."""
        press = self.press
        if self._errors:
            raise ValidationError(
                f"“{press.label}” was not done: nothing is saved until the errors below are fixed."
            )
        try:
            press.check(article=article, by=self.request.user)
        except workflow.WorkflowError as error:
            raise ValidationError(
                f"“{press.label}” was not done and nothing was saved: {error}"
            ) from None

    # The three-way merge of a save on an outdated form.

    def reconcile(self, stored: Article, cleaned: dict) -> None:
        base, pending = merge.unsign(self.data.get(self.add_prefix("edit_base"), ""))
        theirs = merge.snapshot(stored)
        mine = self.submitted(cleaned, base or theirs)
        unsettled = []
        for name in pending:  # the conflicts the last refusal listed, settled as picked
            choice = self.data.get(f"keep_{name}")
            if choice == "theirs":
                self.take_theirs(name, stored, cleaned)
                mine[name] = theirs[name]
            elif choice != "mine":
                unsettled.append(name)
        stale = cleaned.get("edit_version") != stored.modified_at.isoformat()
        if not stale and not unsettled:
            return
        result = merge.merge(base, theirs, mine) if stale else merge.Merge()
        for name in result.theirs:
            self.take_theirs(name, stored, cleaned)
        if stale and merge.BYLINES in mine:
            wanted = theirs if merge.BYLINES in result.theirs else mine
            self.rewrite_bylines(stored, wanted[merge.BYLINES])
        conflicts = [*result.conflicts, *(n for n in unsettled if n not in result.conflicts)]
        report = Conflict(stored, result, conflicts, base, theirs, mine, stale)
        if not conflicts and not buttons.pressed(self.data):
            self.merged = report  # nothing to decide: the merged story is saved
            return
        # Carry the new version and base, so the next save is based on the story as it is now.
        self.data = self.data.copy()
        self.data[self.add_prefix("edit_version")] = stored.modified_at.isoformat()
        self.data[self.add_prefix("edit_base")] = merge.sign(theirs, conflicts)
        self.conflict = report
        raise ValidationError(report.message())

    def submitted(self, cleaned: dict, base: dict) -> dict:
        """What this user sent, in the shape `merge` compares (fields with errors left out)."""
        mine = {}
        for name in (*merge.TEXTS, "body", "tags", "is_lead"):
            if name in cleaned:
                mine[name] = cleaned[name] if name != "tags" else sorted(cleaned[name])
        if "section" in cleaned:
            mine["section"] = str(cleaned["section"].pk) if cleaned["section"] else ""
        if "assignee" in cleaned:
            mine["assignee"] = str(cleaned["assignee"].pk) if cleaned["assignee"] else ""
        if "deadline" in cleaned:
            mine["deadline"] = merge.moment(cleaned["deadline"])
        image = self.add_prefix("featured_image")
        upload = self.files.get(image)
        if upload:
            mine["featured_image"] = f"(new picture: {upload.name})"
        elif self.data.get(f"{image}-clear"):
            mine["featured_image"] = ""
        elif self.picked_other_picture(cleaned):
            # A picture of the library is compared as its file, as the story stores it.
            mine["featured_image"] = cleaned["featured_picture"].image.name
        else:
            mine["featured_image"] = base.get("featured_image", "")
        if self.data.get(f"{merge.BYLINES}-TOTAL_FORMS") is not None:
            mine[merge.BYLINES] = merge.submitted_bylines(self.data)
        return mine

    def take_theirs(self, name: str, stored: Article, cleaned: dict) -> None:
        """Put the stored value of `name` in the form, as if this user had not touched it."""
        if name == merge.BYLINES:
            self.rewrite_bylines(stored, merge.snapshot(stored)[merge.BYLINES])
            return
        self.data = self.data.copy() if not getattr(self.data, "_mutable", True) else self.data
        key = self.add_prefix(name)
        if name == "section":
            cleaned["section"] = stored.section
            self.data[key] = str(stored.section_id)
        elif name == "tags":
            names = sorted(stored.tags.names())
            cleaned["tags"] = names
            self.data[key] = tag_string(names)
        elif name == "is_lead":
            cleaned["is_lead"] = stored.is_lead
            if stored.is_lead:
                self.data[key] = "on"
            else:
                self.data.pop(key, None)
        elif name == "featured_image":
            cleaned["featured_image"] = stored.featured_image
            cleaned["featured_picture"] = stored.featured_picture
            self.data[self.add_prefix("featured_picture")] = str(stored.featured_picture_id or "")
        elif name == "assignee":
            cleaned["assignee"] = stored.assignee
            self.data[key] = str(stored.assignee_id or "")
        elif name == "deadline":
            # The admin splits the deadline into a date and a time box.
            cleaned["deadline"] = stored.deadline
            local = timezone.localtime(stored.deadline) if stored.deadline else None
            self.data[f"{key}_0"] = local.strftime("%Y-%m-%d") if local else ""
            self.data[f"{key}_1"] = local.strftime("%H:%M:%S") if local else ""
        else:
            cleaned[name] = getattr(stored, name)
            self.data[key] = getattr(stored, name)

    def rewrite_bylines(self, stored: Article, wanted: list[int]) -> None:
        """Make the byline rows sent with this form say `wanted`, against the stored rows."""
        formset = next(
            (f for f in getattr(self.request, "article_formsets", ()) if f.prefix == merge.BYLINES),
            None,
        )
        if formset is None:
            return
        data = formset.data.copy()
        for key in list(data):
            if key.startswith(f"{merge.BYLINES}-") and not key.endswith("_NUM_FORMS"):
                del data[key]
        data.update(merge.byline_rows(stored, wanted))
        formset.data = data
        # The formset builds its rows and their errors once, lazily: let it build them again.
        for cached in ("forms", "management_form", "_object_dict", "_queryset"):
            formset.__dict__.pop(cached, None)
        formset._errors = None
        formset._non_form_errors = None


class Conflict:
    """A save on an outdated form: what was merged, and what the user must pick."""

    def __init__(self, stored, result, conflicts, base, theirs, mine, stale):
        self.who = stored.last_edited_by or "Someone"
        self.at = stored.modified_at
        self.result = result
        self.names = conflicts
        self.base, self.theirs, self.mine = base, theirs, mine
        self.stale = stale

    @staticmethod
    def _labels(names) -> str:
        return ", ".join(merge.label(name) for name in names)

    def message(self):
        parts = []
        if self.stale:
            parts.append(
                format_html(
                    "{} saved this story after you opened it ({}). Nothing of yours was saved "
                    "yet, and your text is still below.",
                    self.who,
                    buttons.when(self.at),
                )
            )
        if self.result.theirs:
            parts.append(
                f"Their changes to {self._labels(self.result.theirs)} are now in the form."
            )
        if self.result.mine:
            parts.append(f"Your changes to {self._labels(self.result.mine)} are kept.")
        if self.names:
            parts.append(
                f"Pick the version to keep for {self._labels(self.names)} (below), then save again."
            )
        else:
            parts.append("Check the story, then press your button again.")
        return format_html_join(" ", "{}", ((part,) for part in parts))

    def merged_message(self) -> str:
        kept = []
        if self.result.theirs:
            kept.append(f"kept {self.who}'s changes to {self._labels(self.result.theirs)}")
        if self.result.mine:
            kept.append(f"saved yours to {self._labels(self.result.mine)}")
        done = " and ".join(kept) or "nothing of theirs and yours overlapped"
        return f"{self.who} had saved this story after you opened it: merged, {done}."

    def rows(self) -> list[dict]:
        """Each conflicting field, theirs and mine, marked against the version you opened."""
        rows = []
        for name in self.names:
            base = self.base.get(name) if self.base else None
            rows.append(
                {
                    "name": name,
                    "label": merge.label(name),
                    "theirs": self._marked(name, base, self.theirs.get(name)),
                    "mine": self._marked(name, base, self.mine.get(name)),
                }
            )
        return rows

    @staticmethod
    def _marked(name, base, value):
        kind = merge.kind(name)
        if base is None:
            base = value
        if kind == "body":
            return diffs.body_diff(base or "", value or "")
        if kind == "text":
            return diffs.text_diff(base or "", value or "")
        old, new = merge.shown(name, base), merge.shown(name, value)
        return diffs.value_change(old, new) if old != new else new or "(empty)"
