"""Admin widgets: an image field that shows the picture, before and after choosing a file;
a date and time as the browser's own pickers."""

from django import forms
from django.contrib.admin.widgets import AdminFileWidget


class ImagePreviewInput(AdminFileWidget):
    """The admin's file input, with the stored image shown and a chosen file previewed.

    The preview of a newly chosen file is made in the browser (a small script); without
    JavaScript the field is the admin's ordinary file input with the stored image above it.
    """

    template_name = "admin/widgets/image_preview_input.html"

    class Media:
        css = {"all": ("articles/admin/image_preview.css",)}
        js = ("articles/admin/image_preview.js",)

    def __init__(self, attrs=None):
        super().__init__({"accept": "image/*", **(attrs or {})})


class DateTimeBoxes(forms.SplitDateTimeWidget):
    """A date box and a time box (the browser's pickers), each with a name of its own.

    The admin's split widget shows "Date:" and "Time:" as bare text, and its field label
    points at neither box, so a screen reader announces two unnamed text boxes.
    """

    def __init__(self, name: str, attrs=None):
        super().__init__(
            attrs=attrs,
            date_attrs={"type": "date", "aria-label": f"{name}: date"},
            time_attrs={"type": "time", "aria-label": f"{name}: time"},
            date_format="%Y-%m-%d",
            time_format="%H:%M",
        )

    def id_for_label(self, id_):
        # The field's label goes with the date box, the first one.
        return f"{id_}_0" if id_ else ""
