from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone


class UserManager(BaseUserManager):
    use_in_migrations = True

    def normalize_email(self, email: str | None) -> str:
        # Addresses are compared case-insensitively, so store them in one case.
        return (email or "").strip().lower()

    def get_by_natural_key(self, username: str) -> "User":
        return self.get(email__iexact=self.normalize_email(username))

    def _create_user(self, email: str, password: str | None, **extra_fields) -> "User":
        if not email:
            raise ValueError("Every account needs an email address.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields) -> "User":
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields) -> "User":
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in: a reader, or newsroom staff when `is_staff` is set."""

    email = models.EmailField(
        "email address",
        unique=True,
        help_text="People sign in with this address. It is stored in lower case.",
    )
    name = models.CharField(
        max_length=150, blank=True, help_text="How the site addresses this person."
    )
    is_staff = models.BooleanField(
        "staff",
        default=False,
        help_text="Staff can sign in to the newsroom admin; their group decides what they may do.",
    )
    is_active = models.BooleanField(
        "active",
        default=True,
        help_text="Untick instead of deleting an account: the person can no longer sign in.",
    )
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = "user"
        verbose_name_plural = "users"
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.name or self.email

    def clean(self) -> None:
        super().clean()
        self.email = User.objects.normalize_email(self.email)

    def get_full_name(self) -> str:
        return self.name or self.email

    def get_short_name(self) -> str:
        return self.name.split(" ")[0] if self.name else self.email


class SavedStory(models.Model):
    """A story a reader kept to read later. The Saved stories page shows only live ones."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_stories"
    )
    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="saves")
    saved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "saved story"
        verbose_name_plural = "saved stories"
        ordering = ["-saved_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "article"], name="saved_story_once"),
        ]
        indexes = [
            models.Index(fields=["user", "-saved_at"], name="saved_story_user_order"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id} saved by {self.user_id}"


class Follow(models.Model):
    """A reader following one section, tag or author: exactly one of the three is set.

    One table rather than three, so that a reader's follows are one query (the state
    endpoint, the data export) and For You filters on one index per kind.
    """

    class Kind(models.TextChoices):
        SECTION = "section", "Section"
        TAG = "tag", "Tag"
        AUTHOR = "author", "Author"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    section = models.ForeignKey(
        "articles.Section", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    tag = models.ForeignKey(
        "taggit.Tag", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    author = models.ForeignKey(
        "articles.Author", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    followed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-followed_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(section__isnull=False, tag__isnull=True, author__isnull=True)
                    | Q(section__isnull=True, tag__isnull=False, author__isnull=True)
                    | Q(section__isnull=True, tag__isnull=True, author__isnull=False)
                ),
                name="follow_exactly_one_target",
            ),
            # Each also serves For You's "does this reader follow X" lookups.
            models.UniqueConstraint(
                fields=["user", "section"],
                condition=Q(section__isnull=False),
                name="follow_section_once",
            ),
            models.UniqueConstraint(
                fields=["user", "tag"], condition=Q(tag__isnull=False), name="follow_tag_once"
            ),
            models.UniqueConstraint(
                fields=["user", "author"],
                condition=Q(author__isnull=False),
                name="follow_author_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} follows {self.kind} {self.target}"

    @property
    def kind(self) -> str:
        if self.section_id:
            return self.Kind.SECTION
        return self.Kind.TAG if self.tag_id else self.Kind.AUTHOR

    @property
    def target(self):
        """The followed section, tag or author."""
        return getattr(self, self.kind)
