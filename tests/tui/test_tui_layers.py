"""The floors of `reader/tui/`, read from the source: every import (at the top, inside a
function, or under `TYPE_CHECKING`) goes down a floor or stays in its own package, so there is
no import circle; the text layer and the analysis worker never import Textual; screens are
handed their dependencies rather than reading attributes of the app."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TUI = ROOT / "reader" / "tui"

#: The floors, top first: a module imports only from floors below its own (or its package).
FLOORS = {
    "launch": 9,
    "app": 8,
    "navigate": 7,
    "session": 6,
    "palette": 6,
    "keys": 5,
    "screens": 4,
    "dialogs": 3,
    "widgets": 2,
    "text": 1,
    "runtime": 1,
    "messages": 1,
    "context": 1,
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(name: str) -> bool:
    base = ROOT.joinpath(*name.split("."))
    return base.with_suffix(".py").exists() or (base / "__init__.py").exists()


def _imports(path: Path) -> set[str]:
    """Every `reader.*` module `path` imports, wherever the import statement is."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                child = f"{node.module}.{alias.name}"
                found.add(child if _is_module(child) else node.module)
    return {name for name in found if name.startswith("reader")}


def _graph() -> dict[str, set[str]]:
    return {_module_name(path): _imports(path) for path in sorted(TUI.rglob("*.py"))}


def _floor(module: str) -> tuple[str, int]:
    part = module.split(".")[2]
    return part, FLOORS[part]


def test_every_tui_module_has_a_floor_and_imports_only_below_it() -> None:
    wrong = []
    for module, imported in _graph().items():
        if module == "reader.tui":
            continue
        package, floor = _floor(module)
        for target in imported:
            if not target.startswith("reader.tui.") or target == "reader.tui":
                continue
            target_package, target_floor = _floor(target)
            if target_package != package and target_floor >= floor:
                wrong.append(f"{module} -> {target}")
    assert wrong == []


def test_there_is_no_import_circle_in_tui() -> None:
    graph = _graph()
    done: set[str] = set()
    path: list[str] = []

    def visit(module: str) -> None:
        if module in path:
            raise AssertionError(" -> ".join([*path[path.index(module) :], module]))
        if module in done:
            return
        path.append(module)
        for target in graph.get(module, ()):
            if target in graph:
                visit(target)
        path.pop()
        done.add(module)

    for module in graph:
        visit(module)


def test_the_key_registry_is_imported_only_from_above() -> None:
    importers = {module for module, imported in _graph().items() if "reader.tui.keys" in imported}
    assert importers == {"reader.tui.app", "reader.tui.palette", "reader.tui.session"}


def test_the_text_layer_and_the_worker_never_import_textual() -> None:
    free = [
        *sorted((TUI / "text").glob("*.py")),
        TUI / "context.py",
        TUI / "screens" / "selection.py",
        ROOT / "reader" / "analyze" / "worker.py",
        ROOT / "reader" / "keep" / "correction_log.py",
        *sorted((ROOT / "reader" / "archive").glob("*.py")),  # the archive is core
    ]
    for path in free:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        ] + [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        assert not [name for name in names if name.split(".")[0] == "textual"], path.name


def test_screens_are_handed_their_dependencies() -> None:
    for path in TUI.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert 'getattr(self.app, "' not in source, path.name
        assert "._keymap" not in source and '"_keymap"' not in source, path.name


def test_each_package_says_in_one_line_what_it_holds() -> None:
    packages = [ROOT / "reader" / name / "__init__.py" for name in ("keep", "archive")]
    for init in [*TUI.rglob("__init__.py"), *packages]:
        lines = init.read_text(encoding="utf-8").splitlines()
        assert len(lines) == 1 and lines[0].startswith('"""') and lines[0].endswith('"""'), init
