"""`python -m bench [run|plans|render|import|admin|newsroom|search|compression]`: the benchmark,
the PostgreSQL plan check alone, report.md written again from report.json (after a change to the
report's layout), the WordPress import's measurement alone (bench/wordpress_import.py), or the
admin's timings at 100,000 stories alone (bench/admin_scale.py), or the newsroom simulation alone
(readers and editors at once, global against targeted invalidation: bench/newsroom.py), or
search's timings alone (bench/search_timing.py), or the pages' bytes per encoding alone
(bench/wire.py).
`python -m bench soak [options]`: the soak, readers and writers at saturation (bench/soak.py)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    what = ["run", "plans", "render", "import", "admin", "newsroom", "search", "compression"]
    p.add_argument("what", nargs="?", choices=what, default="run")
    p.add_argument("--articles", type=int, default=10_000, metavar="N", help="generated stories")
    p.add_argument("--duration", type=float, default=8.0, help="seconds per measured run")
    p.add_argument("--warmup", type=float, default=2.0, help="seconds of warm-up before each")
    p.add_argument("--connections", type=int, default=16, help="wrk connections")
    p.add_argument("--threads", type=int, default=2, help="wrk threads")
    p.add_argument("--rounds", type=int, default=3, help="interleaved rounds (median reported)")
    p.add_argument("--pages", nargs="*", metavar="PAGE", help="only these (home, section...)")
    p.add_argument("--port", type=int, default=0, help="server port (default: a free one)")
    p.add_argument("--skip-dataset", action="store_true", help="use the dataset as it is")
    p.add_argument("--skip-plans", action="store_true", help="no PostgreSQL plan check")
    p.add_argument("--skip-weight", action="store_true", help="no page weight (Chromium)")
    p.add_argument(
        "--search-requests",
        type=int,
        default=30,
        metavar="N",
        help="requests per searched word, in-process (0: no search timing in the full run)",
    )
    p.add_argument(
        "--import-posts",
        type=int,
        default=100_000,
        metavar="N",
        help="posts in the WordPress import's generated export (0: no import run)",
    )
    p.add_argument(
        "--admin-stories",
        type=int,
        default=100_000,
        metavar="N",
        help="stories of the admin's timing (five revisions each; 0: none; PostgreSQL only)",
    )
    p.add_argument(
        "--newsroom-seconds",
        type=float,
        default=240.0,
        metavar="S",
        help="seconds of the newsroom simulation per design (0: none)",
    )
    p.add_argument(
        "--newsroom-warmup", type=float, default=30.0, metavar="S", help="its readers-only warm-up"
    )
    p.add_argument("--out", default=str(ROOT / "bench" / "results"), help="report folder")
    return p


def main(argv=None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["soak"]:  # its own options: bench/soak.py
        from bench import soak

        soak.main(argv[1:])
        return
    options = parser().parse_args(argv)
    options.redis_url = os.environ.get("REDIS_URL", "").strip()
    os.chdir(ROOT)
    from bench import run

    if options.what == "plans":
        run.plans_only(options)
    elif options.what == "render":
        run.render_again(options)
    elif options.what == "import":
        run.import_only(options)
    elif options.what == "admin":
        run.admin_only(options)
    elif options.what == "newsroom":
        run.newsroom_only(options)
    elif options.what == "search":
        run.search_only(options)
    elif options.what == "compression":
        run.compression_only(options)
    else:
        run.run(options)


if __name__ == "__main__":
    main()
