"""The newsroom's admin, a module per concern.

`stories` is the article form with its workflow buttons; `revisions`, `forms`, `filters`,
`widgets` and `csp` serve it; `site` registers sections, authors, pages, site settings and
contact messages; `tags` and `redirects` manage tags and old addresses; `library` is the
media library, with the endpoints of the body editor's picture picker; `embeds` the hosts
whose frames stories may embed, and the Embed button's check.
"""

from . import embeds, library, redirects, site, stories, tags  # noqa: F401 (each registers its models)
