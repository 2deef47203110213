"""articles/tasks.py: background jobs, their retries, and email sent through them."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles import tasks
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the worker's locking is tested on PostgreSQL"
)


class RefusingBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")


def queued(path: str = "articles.tasks.send_email"):
    return DBTaskResult.objects.filter(task_path=path)


def enqueue_email(**kwargs):
    tasks.send_email.enqueue(subject="Hello", text="A line.", to=["desk@example.com"], **kwargs)


def test_an_email_job_sends_text_and_html():
    enqueue_email(html="<p>A line.</p>")
    (message,) = mail.outbox
    assert message.body == "A line."
    assert message.alternatives[0] == ("<p>A line.</p>", "text/html")


def test_with_the_database_backend_an_email_waits_for_the_worker(settings):
    settings.TASKS = DATABASE_BACKEND
    enqueue_email()
    assert not mail.outbox
    assert queued().get().status == "READY"


def test_a_failed_email_is_tried_again_later(settings):
    settings.TASKS = DATABASE_BACKEND
    settings.EMAIL_BACKEND = "tests.test_tasks.RefusingBackend"
    with pytest.raises(ConnectionRefusedError):
        tasks.send_email.call(subject="Hello", text="A line.", to=["desk@example.com"])
    retry = queued().get()
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert retry.run_after > timezone.now() + timedelta(seconds=50)


def test_the_last_try_of_a_failed_email_is_not_repeated(settings):
    settings.TASKS = DATABASE_BACKEND
    settings.EMAIL_BACKEND = "tests.test_tasks.RefusingBackend"
    with pytest.raises(ConnectionRefusedError):
        tasks.send_email.call(
            subject="Hi", text="A line.", to=["desk@example.com"], attempt=tasks.EMAIL_ATTEMPTS
        )
    assert not queued().exists()


def test_account_emails_go_through_the_queue(client, settings):
    settings.TASKS = DATABASE_BACKEND
    user = UserFactory()
    client.post(reverse("account_reset_password"), {"email": user.email})
    assert not mail.outbox
    job = queued().get()
    assert job.args_kwargs["kwargs"]["to"] == [user.email]


def test_sign_up_queues_one_email_for_a_known_and_for_a_new_address(client, settings):
    settings.TASKS = DATABASE_BACKEND
    known = UserFactory()
    for email in (known.email, "newcomer@example.com"):
        client.post(
            reverse("account_signup"),
            {
                "email": email,
                "password1": "a long new passphrase",
                "password2": "a long new passphrase",
            },
        )
        client.logout()
    assert [job.args_kwargs["kwargs"]["to"] for job in queued().order_by("enqueued_at")] == [
        [known.email],
        ["newcomer@example.com"],
    ]


def test_failed_jobs_are_listed_for_administrators(client, settings):
    settings.TASKS = DATABASE_BACKEND
    enqueue_email()
    queued().update(status="FAILED", traceback="ConnectionRefusedError: the mail server is down")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = reverse("admin:django_tasks_database_dbtaskresult_changelist") + "?status__exact=FAILED"
    assert "send_email" in client.get(url).content.decode()


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_the_database_worker_runs_a_queued_email(settings):
    settings.TASKS = DATABASE_BACKEND
    enqueue_email()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert [message.subject for message in mail.outbox] == ["Hello"]
    assert queued().get().status == "SUCCESSFUL"


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_the_database_worker_records_a_failed_job_and_queues_its_retry(settings):
    settings.TASKS = DATABASE_BACKEND
    settings.EMAIL_BACKEND = "tests.test_tasks.RefusingBackend"
    enqueue_email()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    failed, retry = queued().order_by("enqueued_at")
    assert failed.status == "FAILED"
    assert "ConnectionRefusedError" in failed.traceback
    assert retry.status == "READY"
