"""A background job that holds its worker until told to finish, for tests of the worker."""

import time
from pathlib import Path

from django_tasks import task


@task()
def hold(*, folder: str) -> None:
    """Add a line to FOLDER/runs, wait for FOLDER/go to exist, then write FOLDER/done."""
    here = Path(folder)
    with (here / "runs").open("a") as runs:
        runs.write("started\n")
    while not (here / "go").exists():
        time.sleep(0.05)
    (here / "done").write_text("done")
