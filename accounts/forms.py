"""Forms of our own around allauth's: sign-up asks for a name (optional)."""

from django import forms


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    name = forms.CharField(
        max_length=150,
        required=False,
        label="Your name (optional)",
        help_text="How we greet you on the site. You can leave it empty.",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def signup(self, request, user) -> None:
        user.name = self.cleaned_data.get("name", "").strip()
        user.save(update_fields=["name"])
