"""articles/tasks.py: background jobs, their retries, and email sent through them."""

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles import jobs, tasks
from tests.factories import UserFactory
from tests.servers import ROOT, base_environment, run_manage, throwaway_database

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


def running_job(worker: str, started_ago: timedelta = timedelta(seconds=5)) -> DBTaskResult:
    """A queued email marked as taken by `worker` a while ago."""
    enqueue_email()
    job = queued().get()
    queued().update(status="RUNNING", started_at=timezone.now() - started_ago, worker_ids=[worker])
    return job


def dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def test_a_job_left_running_by_a_dead_process_of_this_host_is_queued_again(settings):
    settings.TASKS = DATABASE_BACKEND
    running_job(f"{jobs.host()}:{dead_pid()}")
    assert jobs.requeue_abandoned() == 1
    job = queued().get()
    assert (job.status, job.started_at) == ("READY", None)


def test_a_job_in_the_hands_of_a_live_worker_is_left_alone(settings):
    settings.TASKS = DATABASE_BACKEND
    running_job(f"{jobs.host()}:{os.getppid()}")
    assert jobs.requeue_abandoned() == 0
    assert queued().get().status == "RUNNING"


def test_a_job_of_another_host_is_left_alone_while_it_may_still_be_running(settings):
    settings.TASKS = DATABASE_BACKEND
    running_job("another-host:12")
    assert jobs.requeue_abandoned() == 0


def test_a_job_running_for_longer_than_any_job_takes_is_queued_again(settings):
    settings.TASKS = DATABASE_BACKEND
    running_job("another-host:12", started_ago=jobs.STALLED_AFTER + timedelta(minutes=1))
    assert jobs.requeue_abandoned() == 1


def test_the_worker_is_named_after_its_host_and_process():
    assert jobs.worker_id() == f"{jobs.host()}:{os.getpid()}"
    assert len(jobs.worker_id()) < 64


@pytest.fixture(scope="module")
def job_site(tmp_path_factory):
    """A migrated database of its own, and the environment for workers that use it."""
    folder = tmp_path_factory.mktemp("jobs")
    with throwaway_database(folder) as url:
        environment = base_environment(DATABASE_URL=url, DJANGO_TASKS_IMMEDIATE="0")
        run_manage(environment, "migrate", "--no-input", "--verbosity", "0")
        yield environment


def shell(environment, code: str) -> str:
    return run_manage(environment, "shell", "--no-imports", "-c", code).strip()


def job_status(environment, job_id: str) -> str:
    return shell(
        environment,
        "from django_tasks_db.models import DBTaskResult; "
        f"print(DBTaskResult.objects.get(id='{job_id}').status)",
    )


def hold_job(environment, folder: Path) -> str:
    """Queue tests.jobs.hold for `folder`; its id."""
    return shell(
        environment, f"from tests.jobs import hold; print(hold.enqueue(folder={str(folder)!r}).id)"
    )


def start_worker(environment, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "run_jobs", "--interval", "0.2", "--no-startup-delay"],
        cwd=ROOT,
        env=environment,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def wait_for(path: Path, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert time.monotonic() < deadline, f"{path.name} never appeared"
        time.sleep(0.05)


@pytest.mark.slow
def test_a_job_whose_worker_is_killed_is_run_by_the_next_worker(job_site, tmp_path):
    job_id = hold_job(job_site, tmp_path)
    worker = start_worker(job_site, tmp_path / "worker.log")
    try:
        wait_for(tmp_path / "runs")
    finally:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()
    assert job_status(job_site, job_id) == "RUNNING"
    (tmp_path / "go").touch()
    run_manage(job_site, "run_jobs", "--batch", "--no-startup-delay")
    assert job_status(job_site, job_id) == "SUCCESSFUL"
    assert (tmp_path / "done").exists()
    assert (tmp_path / "runs").read_text().count("started") == 2


@pytest.mark.slow
def test_a_worker_told_to_stop_finishes_the_job_in_hand_first(job_site, tmp_path):
    job_id = hold_job(job_site, tmp_path)
    worker = start_worker(job_site, tmp_path / "worker.log")
    try:
        wait_for(tmp_path / "runs")
        worker.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        assert worker.poll() is None
        (tmp_path / "go").touch()
        assert worker.wait(timeout=30) == 0
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)
    assert job_status(job_site, job_id) == "SUCCESSFUL"
    assert (tmp_path / "runs").read_text().count("started") == 1
