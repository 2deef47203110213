"""The admin's form media, rendered with this response's Content-Security-Policy nonce."""

from js_asset import Media


class NonceMediaMixin:
    """Puts the request's CSP nonce on every tag of the change form's media.

    The body editor (django-prose-editor) needs an inline `<script type="importmap">`. The
    admin's policy allows inline scripts only with the response's nonce, and django-csp
    puts a nonce in the header only once something reads `request.csp_nonce`, which
    Django 5.2's admin never does: without this the import map is blocked and the editor
    silently fails to load (DEPENDENCIES.md, trap 2). Reading the nonce here, while the
    page renders, puts it in the header too (newsroom/security.py).
    """

    def render_change_form(self, request, context, *args, **kwargs):
        nonce = getattr(request, "csp_nonce", None)
        if nonce is not None and context.get("media") is not None:
            context["media"] = Media.from_media(context["media"], nonce=nonce)
        return super().render_change_form(request, context, *args, **kwargs)
