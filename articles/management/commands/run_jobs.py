"""Run the background jobs: `python manage.py run_jobs` (bin/serve starts it beside gunicorn).

django-tasks-db's `db_worker` with its options, named `host:pid`, never reloading, and
first putting back in the queue the jobs a dead worker left running (articles/jobs.py).
A stop signal lets the job in hand finish; a second one stops at once.
"""

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from articles import jobs


class Command(DatabaseWorkerCommand):
    help = "Run the background jobs, after requeueing those a dead worker left running."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # A reloader's parent keeps the worker id while its child runs the jobs.
        parser.set_defaults(worker_id=jobs.worker_id(), reload=False)

    def handle(self, *args, **options):
        self.configure_logging(options["verbosity"])
        jobs.requeue_abandoned()
        super().handle(*args, **options)
