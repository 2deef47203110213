from datetime import timedelta

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import Follow, SavedStory
from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    Notification,
    Page,
    Picture,
    Section,
)

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    name = factory.Faker("name")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        """The address is verified (sign-in requires it) unless `verified=False`."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        """`role="Editor"` makes newsroom staff in that group."""
        if create and extracted:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
            user.groups.add(Group.objects.get(name=extracted))


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.LazyAttribute(lambda s: s.name.lower().replace(" ", "-"))
    in_primary_menu = True


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Reporter {n}")
    slug = factory.Sequence(lambda n: f"reporter-{n}")
    bio = "Covers the city for the newsroom."


class ArticleFactory(factory.django.DjangoModelFactory):
    """A draft by default; `live=True`, `scheduled=True` and `status=` shape the rest."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    class Params:
        live = factory.Trait(
            status=Article.Status.PUBLISHED,
            published_at=factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1)),
        )
        scheduled = factory.Trait(
            status=Article.Status.PUBLISHED,
            published_at=factory.LazyFunction(lambda: timezone.now() + timedelta(hours=6)),
        )

    headline = factory.Sequence(lambda n: f"Council approves new cycle lanes, plan number {n}")
    slug = factory.Sequence(lambda n: f"council-approves-new-cycle-lanes-{n}")
    summary = "The city council voted for a network of protected cycle lanes."
    dateline = "Pune"
    body = "<p>The council met on Tuesday and voted for the plan.</p>"
    section = factory.SubFactory(SectionFactory)
    status = Article.Status.DRAFT

    @factory.post_generation
    def authors(article, create, extracted, **kwargs):
        if not create:
            return
        for order, author in enumerate(extracted if extracted is not None else [AuthorFactory()]):
            ArticleAuthor.objects.create(article=article, author=author, order=order)

    @factory.post_generation
    def tags(article, create, extracted, **kwargs):
        if create and extracted:
            article.tags.set(extracted)


def _jpeg(width: int = 900, height: int = 600) -> bytes:
    """Left half red, right half blue (tests.pictures.photo): a crop shows which side it kept."""
    from tests.pictures import encode, photo

    return encode(photo(width, height), "JPEG", quality=90)


class PictureFactory(factory.django.DjangoModelFactory):
    """A picture of the media library, 900 by 600 (`image__data=` another picture's bytes)."""

    class Meta:
        model = Picture

    image = factory.django.FileField(filename="harbour.jpg", data=factory.LazyFunction(_jpeg))
    alt = factory.Sequence(lambda n: f"Fishing boats moored along a harbour wall, view {n}")
    caption = "Boats wait out the monsoon swell."
    credit = "Photo: Desk archive"


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    title = factory.Sequence(lambda n: f"Standing page {n}")
    slug = factory.Sequence(lambda n: f"standing-page-{n}")
    body = "<p>Who we are and how we work.</p>"


class NotificationFactory(factory.django.DjangoModelFactory):
    """An unread "submitted for review" notification for a new editor."""

    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory, role="Editor")
    kind = "submitted"
    article = factory.SubFactory(ArticleFactory)
    actor = factory.SubFactory(UserFactory, role="Writer")


class SavedStoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SavedStory

    user = factory.SubFactory(UserFactory)
    article = factory.SubFactory(ArticleFactory, live=True)


class FollowFactory(factory.django.DjangoModelFactory):
    """Follows a section unless `tag=` or `author=` is given."""

    class Meta:
        model = Follow

    user = factory.SubFactory(UserFactory)
    section = factory.Maybe(
        factory.LazyAttribute(lambda f: f.tag is None and f.author is None),
        yes_declaration=factory.SubFactory(SectionFactory),
        no_declaration=None,
    )
    tag = None
    author = None


def authenticator_app(user) -> str:
    """Turn on an authenticator app (TOTP) for `user`, as allauth does; returns its secret."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def totp_code(secret: str, steps: int = 0) -> str:
    """The code an authenticator app shows for `secret` now, or `steps` periods away.

    Each code works once, so a test that signs in twice uses another step (the settings
    accept one period either side).
    """
    import time

    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    counter = int(time.time()) // app_settings.TOTP_PERIOD + steps
    return format_hotp_value(hotp_value(secret, counter))


def passkey(user, name: str = "Desk key"):
    """A passkey (WebAuthn) for `user`, registered as a browser would have sent it."""
    import hashlib
    import secrets

    from allauth.mfa.webauthn.internal.auth import WebAuthn
    from cryptography.hazmat.primitives.asymmetric import ec
    from fido2.cose import ES256
    from fido2.webauthn import (
        Aaguid,
        AttestationObject,
        AttestedCredentialData,
        AuthenticatorAttestationResponse,
        AuthenticatorData,
        CollectedClientData,
        RegistrationResponse,
    )

    key = ec.generate_private_key(ec.SECP256R1()).public_key()
    credential_id = secrets.token_bytes(16)
    attested = AttestedCredentialData.create(
        Aaguid.NONE, credential_id, ES256.from_cryptography_key(key)
    )
    flags = AuthenticatorData.FLAG.UP | AuthenticatorData.FLAG.AT
    auth_data = AuthenticatorData.create(hashlib.sha256(b"testserver").digest(), flags, 0, attested)
    response = RegistrationResponse(
        raw_id=credential_id,
        response=AuthenticatorAttestationResponse(
            client_data=CollectedClientData.create(
                type="webauthn.create",
                challenge=secrets.token_bytes(16),
                origin="http://testserver",
            ),
            attestation_object=AttestationObject.create("none", auth_data, {}),
        ),
    )
    return WebAuthn.add(user, name, dict(response)).instance
