"""`python -m planner`: the same commands as the `planner` entry point, from this checkout."""

from planner.cli import main

main()
