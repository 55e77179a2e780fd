"""The layers stay layers: the schedule and the feeds never import reminders, and no two modules import each other.

Read from the source with ast (every import, at module level or inside a function), so a lazy import
inside a function cannot hide a circle.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "planner"


def _name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(p): p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts}


def _module(name: str) -> str | None:
    """The planner module an import names (`from planner.x import y` is planner.x.y if that is a module)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _imported(name: str, path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = name if path.name == "__init__.py" else name.rpartition(".")[0]
                for _ in range(node.level - 1):
                    package = package.rpartition(".")[0]
                base = f"{package}.{base}" if base else package
            targets = [f"{base}.{alias.name}" for alias in node.names]
        for target in targets:
            module = _module(target) if target.split(".")[0] == "planner" else None
            if module and module != name:
                found.add(module)
    return found


GRAPH = {name: _imported(name, path) for name, path in MODULES.items()}


def _in(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def test_the_graph_sees_imports_at_module_level_inside_functions_and_relative() -> None:
    # the finder itself: a test of the graph is only as good as the edges it sees
    assert "planner.schedule.audit" in GRAPH["planner.schedule.accept"]  # module level
    assert "planner.app" in GRAPH["planner.__main__"]  # inside a function
    assert "planner.schedule.signals" in GRAPH["planner.schedule.audit"]
    assert "planner.reminders.sync" in GRAPH["planner.app"]  # the subscription, inside a function


def test_schedule_and_feeds_never_import_reminders() -> None:
    """Reminders follow the schedule through planner.schedule.signals.event_changed, subscribed in create_app."""
    upward = sorted((a, b) for a, targets in GRAPH.items() for b in targets
                    if (_in(a, "planner.schedule") or _in(a, "planner.feeds")) and _in(b, "planner.reminders"))
    assert not upward


def test_extraction_imports_no_flask_and_nothing_above_it() -> None:
    allowed = ("planner.extract", "planner.folding", "planner.textlines", "planner.schedule.datefmt", "planner.clock")
    above = sorted((a, b) for a, targets in GRAPH.items() if _in(a, "planner.extract") for b in targets
                   if not any(_in(b, ok) for ok in allowed))
    assert not above
    flask = [name for name, path in MODULES.items() if _in(name, "planner.extract") and any(
        line.lstrip().startswith(("import flask", "from flask")) for line in path.read_text().splitlines())]
    assert not flask


def test_no_two_modules_import_each_other() -> None:
    circles = sorted({tuple(sorted((a, b))) for a, targets in GRAPH.items() for b in targets if a in GRAPH.get(b, ())})
    assert not circles
