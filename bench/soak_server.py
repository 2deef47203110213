"""The soak's server (bench/soak.py): `bin/serve` as `make serve` runs it, and what its
processes do with the CPU, read from /proc."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from bench.server import free_port, stop_group, wait_until_answering

ROOT = Path(__file__).resolve().parent.parent


class Serve:
    """`bin/serve` with SERVE_SETUP=0 on a free port, in its own process group."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.port = free_port()
        self.env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"} | env
        self.env |= {
            "SERVE_SETUP": "0",
            "HOST": "127.0.0.1",
            "PORT": str(self.port),
            "NEWSROOM_PYTHON": sys.executable,
        }
        self.log = log
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Serve:
        out = self.log.open("wb")
        self.process = subprocess.Popen(
            ["bash", str(ROOT / "bin" / "serve")],
            cwd=ROOT,
            env=self.env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        out.close()
        try:
            wait_until_answering(self.process, self.url, f"bin/serve (see {self.log})")
        except RuntimeError:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc) -> None:
        stop_group(self.process)

    def cpu_seconds(self) -> float:
        """CPU time (user + system) of gunicorn's master and workers so far."""
        assert self.process is not None
        return sum(_cpu(pid) for pid in [self.process.pid, *_children(self.process.pid)])


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


def _cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class WorkerStates(threading.Thread):
    """How the workers spend the run, sampled from /proc: running or waiting for a CPU (R),
    waiting for something else (S: a lock, the database, a socket; D: the disk)."""

    def __init__(self, server: Serve) -> None:
        super().__init__(daemon=True)
        self.server, self.counts, self._done = server, {}, threading.Event()

    def run(self) -> None:
        assert self.server.process is not None
        while not self._done.wait(0.1):
            for pid in _children(self.server.process.pid):
                try:
                    state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
                except (OSError, IndexError):
                    continue
                self.counts[state] = self.counts.get(state, 0) + 1

    def stop(self) -> None:
        self._done.set()
        self.join()

    def shares(self) -> dict[str, float]:
        total = sum(self.counts.values()) or 1
        return {state: round(n / total, 3) for state, n in sorted(self.counts.items())}


def machine_busy() -> tuple[float, float]:
    """(busy, total) jiffies of every CPU so far, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)
