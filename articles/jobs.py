"""Jobs a dead worker left behind go back in the queue (`manage.py run_jobs` asks on start).

django-tasks-db marks a job "running" when a worker takes it and "successful" or "failed"
when it ends. A worker stopped by a signal finishes its job first, but one that is killed
(out of memory, a machine restarted, `kill -9`) leaves the job "running" for ever, and no
other worker would take it. Each of our workers is named after its host and process id, so
a worker starting on a host can tell which running jobs belong to a process that is gone.
Jobs running for longer than any job takes are put back too, whatever host took them (a
host that never came back). The jobs are written to be run twice (see articles/tasks.py).
"""

from __future__ import annotations

import logging
import os
import socket
from datetime import timedelta

from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

# The longest job is an email with the mail server's time-outs and retries, a few minutes;
# a job running for this long has lost its worker.
STALLED_AFTER = timedelta(hours=1)


def host() -> str:
    # django-tasks-db keeps worker ids under 64 characters; a pid takes at most 7 of them.
    return socket.gethostname()[:48]


def worker_id() -> str:
    """This process's name as a worker: `host:pid`."""
    return f"{host()}:{os.getpid()}"


def _process_exists(pid: int) -> bool:
    if pid == os.getpid():
        return False  # an earlier process with our number: it is gone, since we have it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _abandoned(job: DBTaskResult, stalled_before) -> bool:
    if job.started_at is None or job.started_at < stalled_before:
        return True
    name, _, pid = (job.worker_ids[-1] if job.worker_ids else "").rpartition(":")
    return name == host() and pid.isdigit() and not _process_exists(int(pid))


def requeue_abandoned() -> int:
    """Put the jobs whose worker has died back in the queue; return how many."""
    running = DBTaskResult.objects.running()
    stalled_before = timezone.now() - STALLED_AFTER
    ids = [
        job.id
        for job in running.only("id", "started_at", "worker_ids")
        if _abandoned(job, stalled_before)
    ]
    if not ids:
        return 0
    # Still "running" at the update: a job that ended meanwhile keeps its result.
    count = running.filter(id__in=ids).update(status=TaskResultStatus.READY, started_at=None)
    logger.warning("Requeued %s job(s) left running by a worker that stopped", count)
    return count
