"""The newsroom's admin, a module per concern.

`stories` is the article form with its workflow buttons; `revisions`, `forms`, `filters`,
`widgets` and `csp` serve it; `site` registers sections, authors, pages, site settings and
contact messages; `tags` and `redirects` manage tags and old addresses.
"""

from . import redirects, site, stories, tags  # noqa: F401 (each registers its models)
