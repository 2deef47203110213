"""The Newsroom benchmark: `make bench` or `python -m bench` (see docs/benchmark.md)."""
