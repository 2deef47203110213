"""How allauth speaks for the site: email subjects carry the site's name."""

from allauth.account.adapter import DefaultAccountAdapter

from articles.models import SiteSettings

# Reader pages are the same for everyone and show no messages (the header shows who is
# signed in), so "Signed in as ..." would only surface later, on some unrelated page.
SILENT = {"account/messages/logged_in.txt", "account/messages/logged_out.txt"}


class AccountAdapter(DefaultAccountAdapter):
    def add_message(self, request, level, message_template=None, *args, **kwargs) -> None:
        if message_template in SILENT:
            return
        super().add_message(request, level, message_template, *args, **kwargs)

    def format_email_subject(self, subject: str) -> str:
        return f"{SiteSettings.current().site_name}: {subject}"
