"""Django's "view on site" shortcut (`/admin/r/<content type>/<id>/`), guarded for stories.

Django's own sends any staff member to any object's address, and a story's address names
it (its slug) even while it is a draft, in review or scheduled: a writer could read every
unpublished headline by counting ids. Here a live story answers any staff member (its page
is public anyway); a story that is not live answers only those who may edit it, with its
preview (the one page that shows it); anyone else gets the 404 of a story that does not
exist. Every other model goes to Django's shortcut.
"""

from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse

from .. import workflow
from ..models import Article


def view_on_site(request, content_type_id: int, object_id: str):
    """Redirect to the object's page; for a story, only as far as the user may see it."""
    content_type = ContentType.objects.filter(pk=content_type_id).first()
    if content_type is None or content_type.model_class() is not Article:
        return shortcut(request, content_type_id, object_id)
    article = Article.objects.filter(pk=int(object_id)).first() if object_id.isdigit() else None
    if article is None:
        raise Http404("No such story.")
    if article.is_live:
        return redirect(article.get_absolute_url())
    if workflow.may_edit(request.user, article):
        return redirect(reverse("articles:preview", args=[article.pk]))
    raise Http404("No such story.")
