"""How allauth speaks for the site: email subjects carry the site's name, failed sign-ins are
counted per address and account, emails are sent by a background job, and what a reader
asked for while signed out is done at sign-in."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site

from articles import tasks
from articles.models import SiteSettings

from . import pending

# "Signed in as ..." would only surface later, on some unrelated page: the header already
# shows who is signed in. "You have signed out." is shown, on the page the reader signed out
# from, by the page's script (it comes with /accounts/state/).
SILENT = {"account/messages/logged_in.txt"}


class AccountAdapter(DefaultAccountAdapter):
    def add_message(self, request, level, message_template=None, *args, **kwargs) -> None:
        if message_template in SILENT:
            return
        super().add_message(request, level, message_template, *args, **kwargs)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's email, rendered now and sent by a background job (articles.tasks).

        Every account email goes this way, so sign-up answers as fast for an address that
        has an account (emailed a notice) as for a new one (emailed a link), however slow
        the mail server.
        """
        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request)}
        ctx.update(context)
        tasks.email(self.render_mail(template_prefix, email, ctx))

    def format_email_subject(self, subject: str) -> str:
        return f"{SiteSettings.current().site_name}: {subject}"

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """The "key" of the login_failed rate limit: the client's address and the account."""
        # allauth's key is the account alone, so anyone's wrong guesses locked its owner out
        # everywhere. Per address and account, one address guessing is still stopped.
        account = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{self.get_client_ip(request)}|{account}"

    def login(self, request, user) -> None:
        super().login(request, user)
        pending.complete(request, user)
