"""Generated stories in bulk for benchmarks: `seed_demo --articles N`.

Rows go in with `bulk_create`, which bypasses `Article.save()`, so each body goes through
`Article.clean_body()` (the one sanitizer) here.
"""

import random
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from ..images import ensure_renditions
from ..models import Article, ArticleAuthor, Author, Picture, Section, TaggedArticle
from .images import illustration

BATCH = 1000
IMAGE_POOL = 12

SUBJECTS = [
    "State transport board", "District hospital", "Port authority", "City council",
    "Farmers' cooperative", "Metro rail agency", "University senate", "Monsoon survey team",
    "Textile exporters", "Coastal fishing unions", "Solar park operator", "Railway zone",
    "National archive", "Wildlife census team", "Film certification board", "Junior hockey side",
]  # fmt: skip
ACTIONS = [
    "announces", "reviews", "expands", "delays", "completes", "rethinks", "opens", "trims",
    "doubles", "tests", "restores", "funds",
]  # fmt: skip
OBJECTS = [
    "night bus routes", "flood warning network", "cold-storage plan", "heritage walk",
    "water metering pilot", "apprentice scheme", "river clean-up drive", "library hours",
    "cycle lanes", "school meal menu", "drought relief fund", "rooftop solar subsidy",
]  # fmt: skip
PLACES = [
    "in Pune", "in Madurai", "in Shillong", "in Indore", "in Kochi", "in Bhubaneswar",
    "in Nagpur", "in Srinagar", "in Patna", "in Surat", "in Mysuru", "in Dehradun",
]  # fmt: skip
SENTENCES = [
    "Officials said the change follows months of complaints from residents and traders.",
    "The plan will be reviewed again after the first quarter, according to a written statement.",
    "Local groups welcomed the decision but asked for clearer timelines.",
    "The budget for the work has been set aside from the current financial year.",
    "A public hearing is scheduled for next week at the district collectorate.",
    "Similar schemes in neighbouring districts have produced mixed results.",
    "Engineers on the project said most of the groundwork was already done.",
    "Residents can send suggestions through the civic body's helpline until the end of the month.",
    "The opposition in the council called for an independent audit of the costs.",
    "Early figures suggest demand is higher than the authorities had expected.",
]  # fmt: skip
TAGS = ["Civic", "Infrastructure", "Budget", "Transport", "Environment", "Jobs", "Health"]


def _image_pool() -> list[dict]:
    """A few pictures drawn once (with their renditions), in the library, shared by stories."""
    field = Article._meta.get_field("featured_image")
    pool = []
    for i in range(IMAGE_POOL):
        name = f"articles/generated/pool-{i:02d}.jpg"
        data, alt = illustration(1000 + i, "india")
        if not default_storage.exists(name):
            name = default_storage.save(name, ContentFile(data))
        sizes = ensure_renditions(FieldFile(None, field, name))
        # In the media library, as every featured image is (articles.library.featured).
        picture = Picture.objects.filter(image=name).first()
        if picture is None:
            picture = Picture(width=1200, height=675, alt=alt, credit="NM Media graphics")
            picture.__dict__["image"] = name  # stored already: not measured again
            picture.sizes = sizes
            picture.save()
        pool.append(
            {
                "featured_image": name,
                "featured_picture": picture,
                "featured_image_width": 1200,
                "featured_image_height": 675,
                "featured_image_alt": alt,
                "featured_image_sizes": sizes,
            }
        )
    return pool


def _story(rng: random.Random) -> tuple[str, str, str]:
    headline = (
        f"{rng.choice(SUBJECTS)} {rng.choice(ACTIONS)} {rng.choice(OBJECTS)} {rng.choice(PLACES)}"
    )
    paragraphs = [" ".join(rng.sample(SENTENCES, 4)) for _ in range(rng.randint(4, 7))]
    summary = paragraphs[0].split(". ")[0].rstrip(".") + "."
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return headline, summary, body


def add_generated_articles(count: int, *, seed: int = 2024) -> int:
    """Insert `count` generated live stories spread over two years; returns how many."""
    rng = random.Random(seed + count)
    sections = list(Section.objects.all())
    authors = list(Author.objects.all())
    if not sections or not authors:
        raise ValueError("Run seed_demo without --articles first: it creates sections and authors.")
    tags = [
        Tag.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0] for name in TAGS
    ]
    pool = _image_pool()
    now = timezone.now()
    next_id = (Article.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
    made = 0
    while made < count:
        size = min(BATCH, count - made)
        articles = []
        for i in range(size):
            headline, summary, body = _story(rng)
            published = now - timedelta(minutes=rng.randint(60, 2 * 365 * 24 * 60))
            article = Article(
                headline=headline,
                slug=f"{slugify(headline)[:150]}-{next_id + made + i}",
                summary=summary,
                body=body,
                section=rng.choice(sections),
                status=Article.Status.PUBLISHED,
                published_at=published,
                first_published_at=published,
                updated_at=published,
                created_at=published,
                featured_image_credit="NM Media graphics",
                **rng.choice(pool),
            )
            article.clean_body()
            articles.append(article)
        with transaction.atomic():
            created = Article.objects.bulk_create(articles)
            if created and created[0].pk is None:  # backends that do not return keys
                slugs = [a.slug for a in articles]
                created = list(Article.objects.filter(slug__in=slugs))
            ArticleAuthor.objects.bulk_create(
                ArticleAuthor(article=a, author=rng.choice(authors), order=0) for a in created
            )
            TaggedArticle.objects.bulk_create(
                TaggedArticle(content_object=a, tag=t) for a in created for t in rng.sample(tags, 2)
            )
        made += size
    return made
