"""Benchmarks: ``python -m bench.<name>``; figures are recorded in docs/benchmarks.md."""
