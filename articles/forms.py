from django import forms

from .models import ContactMessage


class ContactForm(forms.ModelForm):
    # A field people never see: bots fill it in, and their messages are dropped.
    website = forms.CharField(required=False, label="Leave this empty", max_length=200)

    class Meta:
        model = ContactMessage
        fields = ["name", "email", "subject", "message"]
        labels = {"name": "Your name", "email": "Your email", "message": "Your message"}
        widgets = {"message": forms.Textarea(attrs={"rows": 7})}

    def save(self, commit: bool = True) -> ContactMessage | None:
        """Store the message, unless the hidden field says a bot sent it."""
        if self.cleaned_data.get("website"):
            return None
        return super().save(commit=commit)
