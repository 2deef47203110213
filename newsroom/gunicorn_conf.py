"""Gunicorn's settings for Newsroom, read from the environment.

`make serve`, the benchmarks and the tests start the same server with
`gunicorn -c newsroom/gunicorn_conf.py` (bin/serve does it after collectstatic and migrate):

- GUNICORN_BIND     address to listen on (default 127.0.0.1:8000)
- GUNICORN_WORKERS  worker processes (default 2 * CPUs + 1)
- GUNICORN_ACCESS_LOG  where to write the access log: a file, or "-" for stdout (default: none)
- GUNICORN_TIMEOUT, GUNICORN_GRACEFUL_TIMEOUT  seconds (defaults 30 and 10)
"""

import os


def _cpus() -> int:
    # The CPUs this process may run on (a container's share), not the machine's.
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


wsgi_app = "newsroom.wsgi:application"
proc_name = "newsroom"
bind = [os.environ.get("GUNICORN_BIND") or "127.0.0.1:8000"]
workers = int(os.environ.get("GUNICORN_WORKERS") or 2 * _cpus() + 1)
timeout = int(os.environ.get("GUNICORN_TIMEOUT") or 30)
# On stop (SIGTERM) or reload, requests in flight get this long to finish.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT") or 10)
keepalive = 5

# Off by default: a benchmark's access log costs more than the pages it times, and in
# production the proxy in front already logs every request.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"

# Whether a request came over https is Django's to decide, from DJANGO_BEHIND_PROXY
# (newsroom/settings.py): gunicorn's default takes X-Forwarded-Proto from any local client.
secure_scheme_headers = {}

# The workers' heartbeat files: on a disk-backed /tmp a slow disk can stall them.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"

# The control socket's default path is one per user, shared by every gunicorn on the
# machine: two servers (make serve and a benchmark, tests' servers) would fight over it.
control_socket_disable = True
