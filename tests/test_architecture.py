"""The shape of the package: no import cycle, reporters that only print, knowledge that knows
nothing of the framework, and modules small enough to read."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "lintrials"
MAX_LINES = 420  # "about 400" (issue 10): a module past it is split by concern


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _import_nodes(tree: ast.AST) -> list[tuple[ast.Import | ast.ImportFrom, bool]]:
    """Every import statement, and whether it runs inside a function."""
    found = []

    def walk(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                found.append((child, in_function))
            walk(child, in_function or isinstance(child, (ast.FunctionDef,
                                                             ast.AsyncFunctionDef)))

    walk(tree, False)
    return found


def imports(name: str) -> set[str]:
    """The lintrials modules ``name`` imports, at module level or inside a function alike
    (``from lintrials import files`` counts as lintrials.files when that is a module).

    One kind is left out: a package's ``__init__`` importing one of its own modules inside a
    function (``formats.detect`` asking each format module in turn). Python imports a package
    before any module in it, so such a module's import of the package is already done and the
    pair cannot fail to load; a module-level import either way still counts."""
    path = MODULES[name]
    is_package = path.name == "__init__.py"
    package = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    for node, in_function in _import_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                base = ".".join([*package.split(".")[: len(package.split(".")) - node.level + 1],
                                 *([base] if base else [])])
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                       for alias in node.names]
        own = is_package and in_function
        found |= {t for t in targets if t in MODULES and t != name
                  and not (own and t.startswith(name + "."))}
    return found


GRAPH = {name: imports(name) for name in MODULES}


def test_no_import_cycle() -> None:
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            cycle = [*path[path.index(name):], name]
            raise AssertionError("import cycle: " + " -> ".join(cycle))
        if name in done:
            return
        for other in sorted(GRAPH[name]):
            visit(other, [*path, name])
        done.add(name)

    for name in sorted(GRAPH):
        visit(name, [])


def test_the_graph_sees_function_level_imports() -> None:
    # cli imports the engine inside its commands only: the graph must still hold that edge.
    assert "lintrials.engine" in GRAPH["lintrials.cli"]
    assert "lintrials.results" in GRAPH["lintrials.reporters.text"]


def test_reporters_import_neither_the_engine_nor_the_scheduler() -> None:
    forbidden = {"lintrials.engine", "lintrials.schedule", "lintrials.checking"}
    for name, imported in GRAPH.items():
        if name.startswith("lintrials.reporters"):
            assert not imported & forbidden, f"{name} imports {sorted(imported & forbidden)}"


def test_knowledge_imports_only_knowledge_and_the_model() -> None:
    for name, imported in GRAPH.items():
        if name.startswith("lintrials.knowledge"):
            outside = {m for m in imported
                       if not m.startswith("lintrials.knowledge") and m != "lintrials.model"}
            assert not outside, f"{name} imports {sorted(outside)}"
    for path in (PACKAGE / "knowledge").rglob("*.py"):  # and never the checks
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for imported in names:
                assert not imported.startswith(("checks", "lintrials.checks")), (path, imported)


def test_no_module_is_too_long() -> None:
    too_long = []
    for path in MODULES.values():
        where = path.relative_to(REPO).as_posix()
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            too_long.append(f"{where}: {lines} lines")
    assert not too_long, f"over {MAX_LINES} lines: {too_long}"
