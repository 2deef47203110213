"""The second factor (allauth.mfa): who must have one, and the admin's door that asks for it.

Everyone may add an authenticator app (with recovery codes) or a passkey under /accounts/2fa/.
Staff who can publish (Editors, Administrators, anyone granted `publish_article`) must: with a
password alone, whoever steals it can put fake stories under the masthead. Until they have
one, every admin page sends them to set it up. NEWSROOM_REQUIRE_STAFF_MFA switches the rule
(on by default when DEBUG is off). Once they have one, allauth asks for it at every sign-in,
whichever way they sign in (password or emailed code).
"""

from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from articles.models import SiteSettings
from newsroom.security import is_admin

PUBLISH = "articles.publish_article"
# Recovery codes only stand in for a lost device: on their own they are no second factor.
SECOND_FACTORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
# Where the setup pages' "Continue" link leads: the admin page the member was sent away from.
NEXT_KEY = "newsroom_mfa_next"
SET_UP_FIRST = (
    "Your account can publish to the site, so the newsroom admin asks for a second factor "
    "when you sign in. Add an authenticator app or a passkey to continue."
)


def must_have_second_factor(user) -> bool:
    """Whether `user` reaches the admin only with a second factor: staff who can publish."""
    return bool(
        settings.NEWSROOM_REQUIRE_STAFF_MFA
        and user.is_authenticated
        and user.is_active
        and user.is_staff
        and (user.is_superuser or user.has_perm(PUBLISH))
    )


def has_second_factor(user) -> bool:
    """Whether `user` has an authenticator app or a passkey (recovery codes do not count)."""
    return is_mfa_enabled(user, SECOND_FACTORS)


class StaffSecondFactorMiddleware:
    """Sends staff who must have a second factor, and have none, from the admin to set one up.

    Every admin page and action, POSTs included: a stolen password must not publish. Signing
    out of the admin still works.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.must_set_up(request):
            if request.method == "GET":
                request.session[NEXT_KEY] = request.get_full_path()
                messages.info(request, SET_UP_FIRST)
            return redirect("mfa_index")
        return self.get_response(request)

    def must_set_up(self, request) -> bool:
        if not is_admin(request):
            return False
        if request.path == reverse("admin:logout"):
            return False
        user = getattr(request, "user", None)
        return user is not None and must_have_second_factor(user) and not has_second_factor(user)


class MFAAdapter(DefaultMFAAdapter):
    """allauth.mfa's adapter: authenticator apps and passkeys show the site's name."""

    def get_totp_issuer(self) -> str:
        return self.site()

    def get_public_key_credential_rp_entity(self) -> dict[str, str]:
        return {**super().get_public_key_credential_rp_entity(), "name": self.site()}

    def site(self) -> str:
        return SiteSettings.current().site_name
