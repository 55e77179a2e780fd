"""Subprocesses of the code under test: `python -m planner` with this checkout first on the path.

The installed `planner` script may belong to another copy (a wheel, another worktree); these do not.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent


def planner_command(*args: str) -> list[str]:
    """`python -m planner ARGS`: run with checkout_env, the process runs this checkout, not an installed copy."""
    return [sys.executable, "-m", "planner", *args]


def checkout_env(env: dict[str, str]) -> dict[str, str]:
    """The environment with this checkout first on PYTHONPATH, so `-m planner` imports the code under test."""
    rest = env.get("PYTHONPATH")
    return {**env, "PYTHONPATH": os.pathsep.join([str(CHECKOUT), rest] if rest else [str(CHECKOUT)])}
