"""Sign-up takes the same time whether or not the address already has an account.

allauth answers both the same way ("verify your address"), and emails the owner of a taken
address instead of creating an account. But a new account costs a password hash (hundreds of
milliseconds, by design) that the taken address skipped: its fast answer told who has an
account. Both now hash the password once and send one email through the adapter's `send_mail`.

A module of its own: allauth's form inherits from ours in accounts/forms.py
(ACCOUNT_SIGNUP_FORM_CLASS), so that module cannot import allauth's forms.
"""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django.contrib.auth.hashers import make_password


class SignupForm(AllauthSignupForm):
    """allauth's sign-up form (ACCOUNT_FORMS), as slow for a taken address as for a new one."""

    def try_save(self, request):
        password = self.cleaned_data.get("password1")
        if self.account_already_exists and password:
            # The work a new account's set_password does; the hash itself is thrown away.
            make_password(password)
        return super().try_save(request)
