"""The Newsroom benchmark: `make bench` or `python -m bench` (see README.md, "Benchmark")."""
