import pytest
from django.test import Client
from django.urls import reverse

from articles.models import ContactMessage
from tests.factories import PageFactory, UserFactory
from tests.html import between, page, text

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


def test_the_hidden_field_is_out_of_the_tab_order_and_hidden_from_screen_readers(client):
    html = " ".join(page(client.get(URL)).split())
    trap = between(html, 'class="contact-trap" aria-hidden="true">', "</div> </div>")
    assert 'name="website"' in trap
    field = between(trap, "<input", ">")
    assert 'tabindex="-1"' in field
    assert 'autocomplete="off"' in field


def test_the_name_and_email_fields_ask_the_browser_to_fill_them_in(client):
    html = page(client.get(URL))
    assert 'autocomplete="name"' in between(html, '<input type="text" name="name"', ">")
    assert 'autocomplete="email"' in between(html, '<input type="email" name="email"', ">")


def test_a_refused_message_opens_with_an_error_summary_linking_to_each_field(client):
    response = client.post(URL, {**MESSAGE, "email": "not-an-address", "subject": ""})
    form = between(page(response), 'action="/contact-us/', "</form>")
    summary = between(form, '<div class="error-summary"', "</div>")
    assert form.index("error-summary") < form.index('name="name"')
    assert 'tabindex="-1"' in summary and "data-error-summary" in summary
    assert text(summary).startswith("There is a problem")
    assert '<a href="#id_email">Your email: Enter a valid email address.</a>' in summary
    assert '<a href="#id_subject">Subject: This field is required.</a>' in summary
    assert "Your name" not in summary


def test_a_form_without_errors_has_no_error_summary(client):
    assert "error-summary" not in page(client.get(URL))


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


# Five messages an hour from one address (issue 13)

TOO_MANY = "You have sent us several messages in a short time, so this one has not been sent."


def send(client, count: int, **extra):
    """Post the message `count` times; the last answer."""
    for _ in range(count):
        response = client.post(URL, MESSAGE, **extra)
    return response


def test_a_sixth_message_within_the_hour_from_one_address_is_refused_with_a_clear_message(
    client,
):
    response = send(client, 6)
    assert response.status_code == 429
    assert TOO_MANY in page(response)
    assert ContactMessage.objects.count() == 5


def test_a_message_refused_for_the_limit_keeps_what_the_reader_typed(client):
    html = page(send(client, 6))
    assert "The bridge opened in 2019, not 2018." in html
    assert 'value="Meera Iyer"' in html
    assert 'value="A correction"' in html


def test_another_address_can_still_write_while_one_is_over_the_limit(client):
    send(client, 6)
    response = Client(REMOTE_ADDR="198.51.100.7").post(URL, MESSAGE)
    assert response.status_code == 302
    assert ContactMessage.objects.count() == 6


def test_behind_a_trusted_proxy_each_reader_is_limited_by_their_own_address(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    send(client, 6, headers={"X-Forwarded-For": "203.0.113.5"})
    response = send(client, 1, headers={"X-Forwarded-For": "203.0.113.9"})
    assert response.status_code == 302
    assert ContactMessage.objects.count() == 6
