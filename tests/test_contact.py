import pytest
from django.urls import reverse

from articles.models import ContactMessage
from tests.factories import PageFactory, UserFactory
from tests.html import page

pytestmark = pytest.mark.django_db

URL = "/contact-us/"
MESSAGE = {
    "name": "Meera Iyer",
    "email": "meera@example.com",
    "subject": "A correction",
    "message": "The bridge opened in 2019, not 2018.",
}


def test_contact_page_shows_the_editable_page_text_above_the_form(client):
    PageFactory(slug="contact-us", title="Contact Us", body="<p>Write to the duty editor.</p>")
    html = page(client.get(URL))
    assert "<h1>Contact Us</h1>" in html
    assert html.index("Write to the duty editor.") < html.index("<form")


def test_a_valid_message_is_stored_and_the_sender_is_thanked(client):
    response = client.post(URL, MESSAGE, follow=True)
    stored = ContactMessage.objects.get()
    assert (stored.name, stored.email, stored.subject) == (
        "Meera Iyer",
        "meera@example.com",
        "A correction",
    )
    assert "Thank you for writing to us." in page(response)


def test_a_message_with_errors_is_refused_and_keeps_what_was_typed(client):
    response = client.post(URL, {**MESSAGE, "email": "not-an-address", "subject": ""})
    html = page(response)
    assert response.status_code == 200
    assert "Enter a valid email address." in html
    assert "This field is required." in html
    assert "The bridge opened in 2019, not 2018." in html
    assert 'value="Meera Iyer"' in html
    assert not ContactMessage.objects.exists()


def test_a_message_from_a_bot_filling_the_hidden_field_is_dropped_quietly(client):
    response = client.post(URL, {**MESSAGE, "website": "https://spam.example"}, follow=True)
    assert "Thank you for writing to us." in page(response)
    assert not ContactMessage.objects.exists()


def test_an_overlong_message_is_refused_with_a_clear_error(client):
    response = client.post(URL, {**MESSAGE, "message": "x" * 5001})
    assert "Ensure this value has at most 5000 characters" in page(response)


def test_editors_read_contact_messages_in_the_admin(client):
    ContactMessage.objects.create(**MESSAGE)
    client.force_login(UserFactory(role="Editor"))
    html = page(client.get(reverse("admin:articles_contactmessage_changelist")))
    assert "A correction" in html


def test_writers_cannot_read_contact_messages(client):
    client.force_login(UserFactory(role="Writer"))
    assert client.get(reverse("admin:articles_contactmessage_changelist")).status_code == 403
