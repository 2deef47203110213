"""Load runs with wrk, and what its `--latency` report says, as numbers."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import asdict, dataclass

# Every request looks like production's: behind a TLS proxy (settings trust this header).
COMMON_HEADERS = {"X-Forwarded-Proto": "https"}
BYPASS_HEADERS = {"X-Bench-Bypass-Cache": "1"}  # the page rendered, its parts from the cache
COLD_HEADERS = {"X-Bench-Bypass-Cache": "all"}  # rendered with nothing from the cache
# Rendered as after a change to what the page is about: its own parts rendered, the site's
# (frame, Latest, other stories' cards) from the cache.
OWN_HEADERS = {"X-Bench-Bypass-Cache": "own"}

_TIME_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
_NUMBER = r"([\d.]+)(us|ms|s|m|h)"


@dataclass
class LoadResult:
    """One wrk run: throughput, latency percentiles (ms) and everything that failed."""

    requests: int
    seconds: float
    rps: float
    p50_ms: float
    p75_ms: float
    p90_ms: float
    p99_ms: float
    non_2xx_3xx: int
    socket_errors: dict[str, int]

    @property
    def errors(self) -> int:
        return self.non_2xx_3xx + sum(self.socket_errors.values())

    def as_dict(self) -> dict:
        return {**asdict(self), "errors": self.errors}


def _ms(value: str, unit: str) -> float:
    return float(value) * _TIME_UNITS[unit]


def parse_wrk(output: str) -> LoadResult:
    """The figures of a `wrk --latency` report; ValueError when it is not one."""
    percentiles = {
        int(p): _ms(v, u) for p, v, u in re.findall(rf"^\s+(\d+)%\s+{_NUMBER}\s*$", output, re.M)
    }
    totals = re.search(r"^\s*(\d+) requests in ([\d.]+)(us|ms|s|m|h)", output, re.M)
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M)
    if not (totals and rps and {50, 75, 90, 99} <= percentiles.keys()):
        raise ValueError(f"Not a wrk --latency report:\n{output}")
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    names = ("connect", "read", "write", "timeout")
    return LoadResult(
        requests=int(totals.group(1)),
        seconds=_ms(totals.group(2), totals.group(3)) / 1000,
        rps=float(rps.group(1)),
        p50_ms=percentiles[50],
        p75_ms=percentiles[75],
        p90_ms=percentiles[90],
        p99_ms=percentiles[99],
        non_2xx_3xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=dict(zip(names, map(int, sockets.groups()), strict=True))
        if sockets
        else dict.fromkeys(names, 0),
    )


@dataclass(frozen=True)
class Load:
    """How hard and how long wrk drives the server: the same for every run of a benchmark."""

    threads: int = 2
    connections: int = 16
    duration: float = 8.0
    warmup: float = 2.0
    timeout: float = 5.0

    def command(self, url: str, seconds: float, headers: dict[str, str]) -> list[str]:
        wrk = shutil.which("wrk") or "wrk"
        args = [wrk, f"-t{self.threads}", f"-c{self.connections}", f"-d{seconds:g}s"]
        args += [f"--timeout={self.timeout:g}s", "--latency"]
        for name, value in headers.items():
            args += ["-H", f"{name}: {value}"]
        return [*args, url]

    def run(
        self, url: str, *, bypass_cache: bool = False, cold: bool = False, own: bool = False
    ) -> tuple[LoadResult | None, LoadResult]:
        """A warm-up run (unless it lasts 0 s), then the measured one: (warm-up, measured)."""
        if cold:
            bypass = COLD_HEADERS
        elif own:
            bypass = OWN_HEADERS
        else:
            bypass = BYPASS_HEADERS if bypass_cache else {}
        headers = {**COMMON_HEADERS, **bypass}
        results: list[LoadResult | None] = [] if self.warmup > 0 else [None]
        for seconds in (self.warmup, self.duration) if self.warmup > 0 else (self.duration,):
            done = subprocess.run(
                self.command(url, seconds, headers),
                capture_output=True,
                text=True,
                check=True,
                timeout=seconds + self.timeout + 30,
            )
            results.append(parse_wrk(done.stdout))
        return results[0], results[1]
