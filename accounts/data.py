"""A reader's data: download all of it, or delete the account with it."""

import json

from django import forms
from django.contrib.auth import logout
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views import View
from django.views.generic import FormView, TemplateView

from . import personal
from .views import private_page

DELETED_FLAG = "account_deleted"


def email_addresses(user) -> list[dict]:
    """The account's addresses as allauth keeps them; none while allauth is not installed."""
    try:
        from allauth.account.models import EmailAddress
    except (ImportError, RuntimeError):  # RuntimeError: importable but not installed
        return []
    rows = EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    return list(rows.values("email", "verified", "primary"))


def export(request, user) -> dict:
    """Everything the site keeps about `user` as a reader, as plain JSON-ready data."""
    saved = personal.saved_stories(user).only("headline", "slug")
    return {
        "exported_at": timezone.now(),
        "account": {
            "email": user.email,
            "name": user.name,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "email_addresses": email_addresses(user),
        },
        "saved_stories": [
            {
                "headline": story.headline,
                "url": request.build_absolute_uri(story.get_absolute_url()),
                "saved_at": story.saved_at,
            }
            for story in saved
        ],
        "follows": [
            {
                "kind": follow.kind,
                "name": follow.target.name,
                "slug": follow.target.slug,
                "url": request.build_absolute_uri(personal.KINDS[follow.kind].url(follow.target)),
                "followed_at": follow.followed_at,
            }
            for follow in personal.follows_of(user)
        ],
    }


@private_page
class DataExportView(LoginRequiredMixin, View):
    """The reader's data as a JSON file to download."""

    def get(self, request):
        text = json.dumps(export(request, request.user), cls=DjangoJSONEncoder, indent=2)
        response = HttpResponse(text, content_type="application/json; charset=utf-8")
        filename = f"newsroom-data-{timezone.localdate().isoformat()}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class DeleteAccountForm(forms.Form):
    email = forms.CharField(
        label="Your email address",
        max_length=254,
        help_text="Type the address you sign in with to confirm.",
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        if email.lower() != self.user.email.lower():
            raise forms.ValidationError(
                "That is not this account's email address, so nothing was deleted. "
                "Type the address shown above."
            )
        return email


@private_page
class DeleteAccountView(LoginRequiredMixin, FormView):
    """Delete a reader's account, its saved stories and follows, after they confirm.

    Staff cannot delete themselves here: their name is on bylines, revisions and editorial
    events, so an administrator decides what becomes of the account.
    """

    template_name = "accounts/delete.html"
    form_class = DeleteAccountForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def is_staff(self) -> bool:
        return self.request.user.is_staff or self.request.user.is_superuser

    def get_context_data(self, **kwargs):
        return super().get_context_data(staff=self.is_staff(), **kwargs)

    def post(self, request, *args, **kwargs):
        if self.is_staff():
            return self.render_to_response(self.get_context_data(), status=403)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        user = self.request.user
        logout(self.request)
        user.delete()  # saved stories and follows go with it (CASCADE)
        self.request.session[DELETED_FLAG] = True  # in the new, anonymous session
        return redirect("accounts:deleted")


@private_page
class AccountDeletedView(TemplateView):
    """Says the account is gone, once (reader pages are shared, so they cannot say it)."""

    template_name = "accounts/deleted.html"

    def get(self, request, *args, **kwargs):
        if not request.session.pop(DELETED_FLAG, False):
            return redirect("articles:home")
        return super().get(request, *args, **kwargs)
