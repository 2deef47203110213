"""A story's featured image is a picture of the library; the story keeps a copy for its cards.

Every featured image is in the library: a story saved with a new file (the story form's
upload, the WordPress import, seed_demo, the shell) makes the library's entry for it, or
finds the one that already has that file; a story given a library picture takes its file.
The story's row keeps what readers' pages need (file name, width and height, renditions'
widths, focal point), so no page joins the library to draw a card. This module is the one
place that copy is made and kept in step:

- `settle`, from `Article.save`, before the row is written (`settle_new` for bulk inserts);
- `record_sizes`, when renditions are made (by the story's job or the picture's);
- `follow_focus`, when the picture's focal point moves (from `Picture.save`).

Alt text, caption and credit are the story's own (filled from the library when they are
empty), as the form edits them and `articles.merge` merges them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..models import Article, Picture

# The story's fields this module writes, added to a save's `update_fields`.
COPIED = (
    "featured_image",
    "featured_picture",
    "featured_image_width",
    "featured_image_height",
    "featured_image_sizes",
    "featured_image_focus_x",
    "featured_image_focus_y",
    "featured_image_alt",
    "featured_image_caption",
    "featured_image_credit",
)
TEXTS = (("featured_image_alt", "alt"), ("featured_image_caption", "caption"))


def needs_settling(article: Article, update_fields) -> bool:
    """Whether this save changes the featured image or picture, or has one to file."""
    if update_fields is not None and not {"featured_image", "featured_picture"} & set(
        update_fields
    ):
        return False
    return (
        new_file(article)
        or article.featured_picture_id != article._saved_picture
        or (bool(article.featured_image) and article.featured_picture_id is None)
    )


def new_file(article: Article) -> bool:
    """Whether the story's image file is not the one it was loaded with (none counts as "")."""
    return (article.featured_image.name or "") != (article._saved_image or "")


def settle(article: Article) -> None:
    """Make the story's image and its library picture agree, before the story is written.

    A new file (an upload, or a name set by an import or a restored revision) wins: the
    picture with that file is found or made. Otherwise a newly chosen picture gives the
    story its file; none leaves it without a featured image.
    """
    from ..models import Picture

    image = article.featured_image
    if new_file(article) or (image and article.featured_picture_id is None):
        if not image:
            article.featured_picture = None
            return
        if not image._committed:
            # As FileField.pre_save would, a moment later: the picture needs the stored name.
            image.save(image.name, image.file, save=False)
        picture = Picture.objects.filter(image=image.name).first()
        if picture is None:
            picture = picture_of(article)
            picture.queue_renditions = False  # the story's save queues them (Article.save)
            picture.save()
        take(article, picture, file=False)
    elif article.featured_picture_id is None:
        article.featured_image = None
        article.featured_image_sizes = []
    else:
        take(article, article.featured_picture, file=True)


def settle_new(articles: list[Article]) -> None:
    """`settle` for new stories written together (bulk inserts, which call no `save()`):
    each file's picture found or made, one query to find them and one to make the rest."""
    from ..models import Picture

    with_file = [a for a in articles if a.featured_image]
    if not with_file:
        return
    names = {a.featured_image.name for a in with_file}
    pictures = {p.image.name: p for p in Picture.objects.filter(image__in=names)}
    made = []
    for article in with_file:
        name = article.featured_image.name
        if name not in pictures:
            pictures[name] = picture_of(article)
            made.append(pictures[name])
    # The stories' job makes the copies and gives the pictures their widths (record_sizes).
    Picture.objects.bulk_create(made)
    for article in with_file:
        take(article, pictures[article.featured_image.name], file=False)


def picture_of(article: Article) -> Picture:
    """A new library picture of the story's image file, with its texts (not yet saved)."""
    from ..models import Picture

    return Picture(
        image=article.featured_image.name,
        width=article.featured_image_width,
        height=article.featured_image_height,
        alt=article.featured_image_alt,
        caption=article.featured_image_caption,
        credit=article.featured_image_credit,
        uploaded_by_id=article.last_edited_by_id or article.created_by_id,
        sizes=article.featured_image_sizes or [],
    )


def take(article: Article, picture: Picture, *, file: bool) -> None:
    """Copy `picture` into the story (its file too, if `file`); empty texts are filled."""
    article.featured_picture = picture
    if file:
        article.featured_image = picture.image.name
        article.featured_image_width = picture.width
        article.featured_image_height = picture.height
        article.featured_image_sizes = list(picture.sizes or [])
    elif picture.sizes and not article.featured_image_sizes:
        article.featured_image_sizes = list(picture.sizes)
    article.featured_image_focus_x = picture.focus_x
    article.featured_image_focus_y = picture.focus_y
    for mine, theirs in (*TEXTS, ("featured_image_credit", "credit")):
        if not (getattr(article, mine) or "").strip():
            setattr(article, mine, getattr(picture, theirs))


def queue_renditions(picture: Picture) -> None:
    """Have the background worker make the picture's smaller copies (in the save's
    transaction, so the job exists exactly when the picture does)."""
    from ..tasks import make_picture_renditions  # tasks imports the models

    job = make_picture_renditions.enqueue(picture_id=picture.pk, name=picture.image.name)
    if job.is_finished:  # run at once (development, tests): this copy learns the widths
        picture.refresh_from_db(fields=["sizes"])


def record_sizes(picture_id: int | None, name: str, sizes: list[int]) -> None:
    """Record the renditions' widths of the picture whose file is `name`, and of its stories."""
    from ..models import Article, Picture, renditions_recorded

    if picture_id is None or not name:
        return
    pictures = Picture.objects.filter(pk=picture_id, image=name).exclude(sizes=sizes)
    stories = Article.objects.filter(featured_picture_id=picture_id, featured_image=name)
    updated = pictures.update(sizes=sizes)
    updated += stories.exclude(featured_image_sizes=sizes).update(featured_image_sizes=sizes)
    picture = Picture.objects.filter(pk=picture_id).first() if updated else None
    if picture is not None:
        # A plain update sends no post_save: say so, for the page cache.
        renditions_recorded.send(sender=Picture, instance=picture)


def follow_focus(picture: Picture) -> None:
    """The stories whose featured image `picture` is take its new focal point."""
    from ..models import Article

    Article.objects.filter(featured_picture=picture).update(
        featured_image_focus_x=picture.focus_x, featured_image_focus_y=picture.focus_y
    )


def make_renditions(picture: Picture) -> None:
    """Make the picture's smaller copies and record their widths (the background job)."""
    from ..images import ensure_renditions

    sizes = ensure_renditions(picture.image) if picture.image else []
    record_sizes(picture.pk, picture.image.name, sizes)
    picture.sizes = sizes
