"""The newsroom's models, a module per group: taxonomy (sections, tags), authors, the
article with its bylines and timeline, the site around them, editing (autosaves and
presence), and previews (shareable preview links)."""

from .article import (
    WORDS_PER_MINUTE,
    Article,
    ArticleAuthor,
    EditorialEvent,
    reading_minutes,
    renditions_recorded,
)
from .authors import Author
from .editing import Autosave, Presence
from .notifications import Notification, NotificationSettings
from .previews import PreviewLink
from .site import ContactMessage, LegacyURL, Page, SiteSettings
from .taxonomy import Section, TaggedArticle, tag_string

__all__ = [
    "WORDS_PER_MINUTE",
    "Article",
    "ArticleAuthor",
    "Author",
    "Autosave",
    "ContactMessage",
    "EditorialEvent",
    "LegacyURL",
    "Notification",
    "NotificationSettings",
    "Page",
    "Presence",
    "PreviewLink",
    "Section",
    "SiteSettings",
    "TaggedArticle",
    "reading_minutes",
    "renditions_recorded",
    "tag_string",
]
