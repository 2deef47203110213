"""Admin widgets: an image field that shows the picture, before and after choosing a file."""

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
