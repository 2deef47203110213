"""The newsroom's models, a module per group: taxonomy (sections, tags), authors, the
article with its bylines and timeline, the media library, the site around them, editing
(autosaves and presence), previews (shareable preview links) and notes (the staff's thread
on a story)."""

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
from .embeds import EmbedHost
from .library import Picture
from .notes import StoryNote
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
    "EmbedHost",
    "LegacyURL",
    "Notification",
    "NotificationSettings",
    "Page",
    "Picture",
    "Presence",
    "PreviewLink",
    "Section",
    "SiteSettings",
    "StoryNote",
    "TaggedArticle",
    "reading_minutes",
    "renditions_recorded",
    "tag_string",
]
