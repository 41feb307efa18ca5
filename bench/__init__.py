"""Benchmarks of the site's cost as it grows: `make bench` (python -m bench) writes RESULTS.md.

They measure and report; they never fail on a slow machine (the quality gates in tests/gates/
are what fail).
"""
