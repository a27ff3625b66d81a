"""Runners for the public third-party benchmarks in shared/bench (never copied here)."""
