"""The sanitizer tells, in the admin: a body that cleaning would cut is refused with what
would go, and the writer's text stays in the form until they fix it or accept the cut.

The model refuses such a body too (`articles.sanitize.BodyWouldLoseContent`); this form says
so before the save, where the writer can answer, and passes their answer on to the model.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join

from ..sanitize import clean_html, removals

ACCEPT = "Save the cleaned version"
ACCEPT_LABEL = f"{ACCEPT}: remove what is listed above"


class BodyCheckMixin(forms.ModelForm):
    """For a ModelForm with a `body`: refuses a body whose cleaning would remove what a
    reader sees, listing it, unless the `accept_cleaned_body` box is ticked.

    The box is drawn inside the refusal (it belongs in no fieldset), so it shows only when
    there is something to accept. The body the form returns is the cleaned one.
    """

    accept_cleaned_body = forms.BooleanField(required=False, label=ACCEPT_LABEL)

    def clean_body(self) -> str:
        """The cleaned body; refused if cleaning the submitted one loses what readers see."""
        body = self.cleaned_data.get("body") or ""
        removed = removals(body)
        # Read from the data: the box is cleaned after the body (it is declared last).
        if removed and not self["accept_cleaned_body"].data:
            raise ValidationError(self.refusal(removed), code="body_would_lose_content")
        self.instance.accept_cleaned_body = bool(removed)
        return clean_html(body)

    def refusal(self, removed: list[str]) -> str:
        return format_html(
            "Saving would remove: <ul>{}</ul>Your text is kept below; fix it, or tick "
            "“{}” to save the cleaned version.<br><label>{} {}</label>",
            format_html_join("", "<li>{}</li>", ((item,) for item in removed)),
            ACCEPT,
            self["accept_cleaned_body"],
            ACCEPT_LABEL,
        )
