"""Embeds: YouTube, X and the like stored as safe, provider-neutral figures, shown to readers
as click-to-load facades (docs/rich-bodies.md).

A body stores `<figure data-embed="PROVIDER" data-id="ID">` with an optional caption; the
sanitizer (articles/sanitize.py) keeps it only when `embed()` accepts the pair, and makes one
from a provider's address alone in a paragraph (`from_url`) or from a frame of a host on the
administrators' allow-list (`EmbedHost`). Pages turn them into facades (`render`), and allow
exactly their players' origins (`policy`).
"""

from __future__ import annotations

from functools import cached_property

from .providers import GENERIC, PROVIDERS, SANDBOX, Embed, generic_id, provider_for_url

__all__ = ["GENERIC", "PROVIDERS", "Embed", "Hosts", "embed", "from_url", "iframe_embed"]


class Hosts:
    """The allow-list of frame hosts (host → name), read from the database once, if needed."""

    def __init__(self, hosts: dict[str, str] | None = None):
        if hosts is not None:
            self.__dict__["names"] = hosts

    @cached_property
    def names(self) -> dict[str, str]:
        from ..models import EmbedHost

        return dict(EmbedHost.objects.values_list("host", "name"))


def embed(provider: object, embed_id: object, hosts: Hosts | None = None) -> Embed | None:
    """The embed stored as (`provider`, `embed_id`), or None if either is not acceptable."""
    if provider == GENERIC:
        return iframe_embed(embed_id, hosts)
    known = PROVIDERS.get(provider) if isinstance(provider, str) else None
    if known is None or not known.valid(embed_id):
        return None
    return Embed(
        provider=known.key,
        id=embed_id,
        label=known.label,
        noun=known.noun,
        frame_url=known.frame(embed_id),
        original_url=known.original(embed_id),
        frame_origins=known.frame_origins,
        features=known.features,
        sandbox=known.sandbox,
        shape=known.shape_of(embed_id),
    )


def iframe_embed(url: object, hosts: Hosts | None = None) -> Embed | None:
    """A generic embed of the frame at `url`, if its host is on the allow-list."""
    names = (hosts or Hosts()).names
    found = generic_id(url, names)
    if found is None:
        return None
    host = found.split("/")[2]
    return Embed(
        provider=GENERIC,
        id=found,
        label=names[host],
        noun="content",
        frame_url=found,
        original_url=found,
        frame_origins=(f"https://{host}",),
        sandbox=SANDBOX,
        shape="frame",
    )


def from_url(url: object, hosts: Hosts | None = None) -> Embed | None:
    """The embed a provider's address stands for; with `hosts`, an allow-listed host's
    address too (the editor's Embed button). Nothing is fetched."""
    found = provider_for_url(url)
    if found is not None:
        return embed(*found)
    return iframe_embed(url, hosts) if hosts is not None else None
