"""How allauth speaks for the site: email subjects carry the site's name, failed sign-ins are
counted per address and account, and what a reader asked for while signed out is done at
sign-in."""

from allauth.account.adapter import DefaultAccountAdapter

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
