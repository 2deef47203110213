"""The newsroom's models, a module per group: taxonomy (sections, tags), authors, the
article with its bylines and timeline, and the site around them."""

from .article import (
    WORDS_PER_MINUTE,
    Article,
    ArticleAuthor,
    EditorialEvent,
    reading_minutes,
    renditions_recorded,
)
from .authors import Author
from .site import ContactMessage, LegacyURL, Page, SiteSettings
from .taxonomy import Section, TaggedArticle, tag_string

__all__ = [
    "WORDS_PER_MINUTE",
    "Article",
    "ArticleAuthor",
    "Author",
    "ContactMessage",
    "EditorialEvent",
    "LegacyURL",
    "Page",
    "Section",
    "SiteSettings",
    "TaggedArticle",
    "reading_minutes",
    "renditions_recorded",
    "tag_string",
]
