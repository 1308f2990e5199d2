"""The layers of ../shared/STYLE.md §1 hold: the core never imports the GUI, imports between packages never go in a
circle, and within editor/ui only the window (and the application's start) reaches into the window's folder.

A package here is a folder of editor/ (editor/ui/'s subfolders each count as one); a module directly in editor/
is its own node (`editor.workflow`), so an import from the CLI to the editor's start is not a circle.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

EDITOR = Path(__file__).resolve().parents[1] / "editor"


def _node(module: str) -> str:
    parts = module.split(".")
    if len(parts) >= 3 and parts[1] == "ui" and (EDITOR / "ui" / parts[2]).is_dir():
        return ".".join(parts[:3])
    if len(parts) >= 2 and (EDITOR / parts[1]).is_dir():
        return ".".join(parts[:2])
    return ".".join(parts[:2]) if len(parts) >= 2 else module


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for path in EDITOR.rglob("*.py"):
        module = ".".join(path.relative_to(EDITOR.parent).with_suffix("").parts)
        me = _node(module.removesuffix(".__init__"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module] if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 else \
                [a.name for a in node.names] if isinstance(node, ast.Import) else []
            for name in names:
                if name.startswith("editor.") and _node(name) != me:
                    graph[me].add(_node(name))
    return graph


def _is_gui(node: str) -> bool:
    return node.startswith("editor.ui") or node == "editor.app"


def test_the_core_never_imports_the_gui():
    graph = _graph()
    entry_points = {"editor.cli", "editor.__main__"}     # `duiqi` with no command starts the editor
    leaks = {f"{a} -> {b}" for a, targets in graph.items() for b in targets
             if not _is_gui(a) and a not in entry_points and _is_gui(b)}
    assert not leaks


def test_no_import_runs_in_a_circle_between_packages():
    graph = _graph()
    state: dict[str, int] = {}
    circles = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                circles.append(" -> ".join(path[path.index(nxt):] + [nxt]) if nxt in path else f"{node} -> {nxt}")
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    assert not circles


def test_only_the_window_and_the_start_reach_into_the_window_folder():
    graph = _graph()
    intruders = {a for a, targets in graph.items() if "editor.ui.window" in targets} - {"editor.app"}
    assert not intruders


def test_the_document_model_of_the_gui_depends_on_the_core_alone():
    graph = _graph()
    assert not {b for b in graph["editor.ui.model"] if _is_gui(b)}
