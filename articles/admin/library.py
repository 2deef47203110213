"""The media library in the admin: the pictures with their thumbnails, searched by alt text,
caption and credit; an upload checked as every upload is (articles/uploads.py); the focal
point set by clicking on the picture (or typed in its two number boxes, without JavaScript).

Two staff-only endpoints serve the body editor's picture picker (picture.js) and the story
form: `choose/` (GET, JSON: search the library, or look pictures up by id) and `upload/`
(POST with the CSRF token: a new picture, answered as JSON). Each asks the model's own
permission: viewing pictures, adding one.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponseNotAllowed, JsonResponse
from django.urls import path
from django.utils.html import format_html

from ..images import rendition_name
from ..models import Picture
from .csp import NonceMediaMixin
from .widgets import ImagePreviewInput

CHOICES = 24  # pictures a search answers with


def thumbnail_url(picture: Picture) -> str:
    """The smallest copy of the picture (the original until its copies are made)."""
    if picture.sizes:
        return picture.image.storage.url(
            rendition_name(picture.image.name, min(picture.sizes), "jpg")
        )
    return picture.image.url


def as_json(picture: Picture) -> dict:
    """What the picker shows of a picture and puts in the body."""
    return {
        "id": picture.pk,
        "alt": picture.alt,
        "caption": picture.caption,
        "credit": picture.credit,
        "thumbnail": thumbnail_url(picture),
        "width": picture.width,
        "height": picture.height,
    }


class FocusInput(forms.NumberInput):
    """A number from 0 to 1, in hundredths: one coordinate of the focal point."""

    def __init__(self, attrs=None):
        super().__init__({"min": "0", "max": "1", "step": "0.01", **(attrs or {})})


class PictureForm(forms.ModelForm):
    """A library picture: the file (new pictures only), what readers are told, the focal point."""

    class Meta:
        model = Picture
        fields = ("image", "alt", "caption", "credit", "focus_x", "focus_y")
        widgets = {
            "image": ImagePreviewInput,
            "alt": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "caption": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "focus_x": FocusInput,
            "focus_y": FocusInput,
        }

    def clean(self):
        cleaned = super().clean()
        for name in ("focus_x", "focus_y"):
            value = cleaned.get(name)
            if value is not None and not 0 <= value <= 1:
                self.add_error(name, "Give a number from 0 to 1 (0.5 is the middle).")
        return cleaned


class PictureUploadForm(forms.ModelForm):
    """A picture uploaded from the story form's picker: the file and its texts."""

    class Meta:
        model = Picture
        fields = ("image", "alt", "caption", "credit")


@admin.register(Picture)
class PictureAdmin(NonceMediaMixin, admin.ModelAdmin):
    form = PictureForm
    list_display = ("thumbnail", "alt", "caption", "credit", "uploaded_by", "created_at", "used")
    list_display_links = ("thumbnail", "alt")
    search_fields = ("alt", "caption", "credit")
    list_filter = (("uploaded_by", admin.RelatedOnlyFieldListFilter),)
    date_hierarchy = "created_at"
    list_select_related = ("uploaded_by",)
    list_per_page = 40
    fieldsets = (
        (None, {"fields": ("image", "alt", "caption", "credit")}),
        (
            "Focal point",
            {
                "description": (
                    "Click the subject of the picture: crops for cards and thumbnails keep it "
                    "in. Or type where it is, across and down, from 0 to 1."
                ),
                "fields": ("focal_point", "focus_x", "focus_y"),
            },
        ),
        ("Uploaded", {"fields": ("uploaded_by", "created_at", "sizes")}),
    )

    class Media:
        css = {"all": ("articles/admin/library.css",)}
        js = ("articles/admin/focal_point.js",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(stories=Count("featured_in"))

    def get_readonly_fields(self, request, obj=None):
        fields = ("focal_point", "uploaded_by", "created_at", "sizes")
        # A picture's file never changes: another picture is another entry of the library.
        return (*fields, "image") if obj is not None else fields

    def get_fieldsets(self, request, obj=None):
        if obj is None:  # a new picture: its focal point is set once it is there to click
            return (
                (None, {"fields": ("image", "alt", "caption", "credit")}),
                ("Focal point", {"fields": ("focus_x", "focus_y")}),
            )
        return self.fieldsets

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description="Picture")
    def thumbnail(self, picture: Picture) -> str:
        return format_html(
            '<img src="{}" alt="" class="library-thumb" width="96" loading="lazy">',
            thumbnail_url(picture),
        )

    @admin.display(description="Featured in", ordering="stories")
    def used(self, picture: Picture) -> str:
        count = getattr(picture, "stories", 0)
        return f"{count} stor{'y' if count == 1 else 'ies'}"

    @admin.display(description="Focal point")
    def focal_point(self, picture: Picture) -> str:
        if not picture or not picture.image:
            return "—"
        return format_html(
            '<div class="focal-picker" data-focal-picker data-x="id_focus_x" data-y="id_focus_y">'
            '<img src="{}" alt="{}" width="{}" height="{}">'
            '<span class="focal-picker__mark" aria-hidden="true"></span></div>',
            picture.image.url,
            picture.alt,
            picture.width or "",
            picture.height or "",
        )

    # The picker's endpoints.

    def get_urls(self):
        urls = [
            path(
                "choose/",
                self.admin_site.admin_view(self.choose_view),
                name="articles_picture_choose",
            ),
            path(
                "upload/",
                self.admin_site.admin_view(self.upload_view),
                name="articles_picture_upload",
            ),
        ]
        return [*urls, *super().get_urls()]

    def choose_view(self, request):
        """Pictures as JSON: `?q=` searches alt text, caption and credit; `?ids=1,2` looks up."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        pictures = Picture.objects.all()
        ids = [int(part) for part in request.GET.get("ids", "").split(",") if part.isdigit()]
        if ids:
            pictures = pictures.filter(pk__in=ids[:100])
        else:
            pictures = pictures.matching(request.GET.get("q", "")[:200])[:CHOICES]
        return JsonResponse({"results": [as_json(picture) for picture in pictures]})

    def upload_view(self, request):
        """A new picture from the picker (POST, multipart): JSON of it, or of why it is refused."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = PictureUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            errors = {name: [str(e) for e in errors] for name, errors in form.errors.items()}
            return JsonResponse({"errors": errors}, status=400)
        picture = form.save(commit=False)
        picture.uploaded_by = request.user
        picture.save()
        return JsonResponse({"picture": as_json(picture)}, status=201)
