"""The import graph of ``reader/`` read with ast: no cycle, the store at the bottom,
the core below the UI and the CLI, and only the app's start-up building the main window.

Every import counts, at module level or inside a function or ``if TYPE_CHECKING:``.
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
STORE_MUST_NOT_IMPORT = (
    "analysis", "exchange", "refiqda", "export", "compare", "importers", "team",
)  # fmt: skip


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted((REPO / "reader").rglob("*.py")):
        parts = list(path.relative_to(REPO).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _known(name: str) -> str | None:
    """The module of ``reader`` that importing ``name`` loads last (its deepest module)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(module: str) -> set[str]:
    """The modules of ``reader`` that ``module`` imports (anywhere in its code)."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(filter(None, (_known(a.name) for a in node.names)))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            if not source.startswith("reader"):
                continue
            for alias in node.names:  # ``from package import module`` imports the module
                target = _known(f"{source}.{alias.name}")
                found.add(target if target == f"{source}.{alias.name}" else _known(source))
    found.discard(module)
    found.discard(None)  # type: ignore[arg-type]
    return found


GRAPH = {module: imports_of(module) for module in MODULES}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    return found


def test_the_import_graph_has_no_cycle():
    assert _cycles(GRAPH) == []


def test_the_cycle_check_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_store_imports_none_of_the_features_built_on_it():
    wrong = {
        (module, target)
        for module, targets in GRAPH.items()
        if module.startswith("reader.core.store")
        for target in targets
        if not target.startswith("reader.core")
        or any(target.startswith(f"reader.core.{feature}") for feature in STORE_MUST_NOT_IMPORT)
    }
    assert wrong == set()


def test_the_core_imports_neither_the_ui_nor_the_cli():
    wrong = {
        (module, target)
        for module, targets in GRAPH.items()
        if module.startswith("reader.core")
        for target in targets
        if target.startswith(("reader.ui", "reader.cli"))
    }
    assert wrong == set()


def test_only_the_start_up_imports_the_main_window():
    importers = {m for m, targets in GRAPH.items() if "reader.ui.main_window" in targets}
    assert importers == {"reader.ui.app"}


def test_the_graph_sees_imports_in_functions_and_packages():
    # Sanity checks of the reader itself, so that an empty graph cannot pass the tests.
    assert "reader.core.store.library" in GRAPH["reader.core.store"]
    assert "reader.ui.main_window" in GRAPH["reader.ui.app"]  # imported inside run()
    assert "reader.core.store.migrations" in GRAPH["reader.core.store.opening"]
