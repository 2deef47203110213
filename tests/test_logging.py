"""The console log of `make run`: Django's records printed once, not once per handler."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def console_after_logging(logger: str, level: str, message: str) -> str:
    """What a fresh process with the development settings prints for one log record."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS"))}
    environment.update(DJANGO_SETTINGS_MODULE="newsroom.settings")
    code = (
        "import logging, django; django.setup(); "
        f"logging.getLogger({logger!r}).{level}({message!r})"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


@pytest.mark.parametrize(
    ("logger", "level", "message"),
    [
        ("django.request", "warning", "Not Found: /no-such-page/"),
        ("django.utils.autoreload", "info", "Watching for file changes with StatReloader"),
    ],
)
def test_a_django_record_is_printed_once_in_development(logger, level, message):
    assert console_after_logging(logger, level, message).count(message) == 1


def test_runserver_request_lines_keep_their_time_stamp():
    line = '"GET / HTTP/1.1" 200 5'
    printed = console_after_logging("django.server", "info", line)
    assert printed.count(line) == 1
    assert printed.startswith("[")
