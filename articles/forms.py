from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout
from django import forms

from .models import ContactMessage


class ContactForm(forms.ModelForm):
    # A field people never see: bots fill it in, and their messages are dropped. Out of the
    # Tab order, hidden from screen readers (its wrapper) and from the browser's autofill.
    website = forms.CharField(
        required=False,
        label="Leave this empty",
        max_length=200,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = ContactMessage
        fields = ["name", "email", "subject", "message"]
        labels = {"name": "Your name", "email": "Your email", "message": "Your message"}
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "message": forms.Textarea(attrs={"rows": 7}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the template's <form> has the token
        self.helper.layout = Layout(
            "name",
            "email",
            "subject",
            "message",
            Div("website", css_class="contact-trap", aria_hidden="true"),
        )

    def save(self, commit: bool = True) -> ContactMessage | None:
        """Store the message, unless the hidden field says a bot sent it."""
        if self.cleaned_data.get("website"):
            return None
        return super().save(commit=commit)
