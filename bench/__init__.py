"""Benchmarks: each module measures planner beside a named peer in one run."""
