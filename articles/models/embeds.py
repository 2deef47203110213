"""The hosts whose frames a story may embed besides the known providers (articles/embeds/)."""

import re

from django.core.exceptions import ValidationError
from django.db import models

HOST_NAME = re.compile(r"[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})+")


def validate_host(value: str) -> None:
    """A plain host name in lower case: no scheme, path, port or wildcard."""
    if not HOST_NAME.fullmatch(value or ""):
        raise ValidationError(
            "Enter the host name only, in lower case, as in “datawrapper.dwcdn.net”: "
            "no https://, no path, no port, no wildcard.",
            code="invalid_host",
        )


class EmbedHost(models.Model):
    """A host an administrator trusts to be embedded in stories as a frame (`<iframe>`).

    Its frames are stored as generic embeds and shown, like the providers', only after a
    reader's click; a host taken off the list is no longer embedded on any page.
    """

    host = models.CharField(
        max_length=253,
        unique=True,
        validators=[validate_host],
        help_text="The host name frames are loaded from, e.g. “datawrapper.dwcdn.net”. "
        "Only https addresses on exactly this host are embedded.",
    )
    name = models.CharField(
        max_length=60,
        help_text="Its name as readers see it on the button: “Load content from Datawrapper”.",
    )
    note = models.CharField(
        max_length=200, blank=True, help_text="Why it is trusted, for other administrators."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["host"]
        verbose_name = "embed host"
        verbose_name_plural = "embed hosts"

    def __str__(self) -> str:
        return f"{self.name} ({self.host})"

    def save(self, *args, **kwargs) -> None:
        self.host = (self.host or "").strip().lower().rstrip(".")
        super().save(*args, **kwargs)
