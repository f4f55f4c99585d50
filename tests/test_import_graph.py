"""The project's import graph has no cycle, and no `except ImportError` hides one of the project's own modules."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("flows", "extractors", "schemas", "warehouse")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules() -> dict[str, ast.Module]:
    """Every module under the project's packages, parsed, by dotted name."""
    return {_module_name(p): ast.parse(p.read_text(encoding="utf-8"), str(p))
            for package in PACKAGES for p in sorted((ROOT / package).rglob("*.py"))}


def _imported(node: ast.AST, module: str, is_package: bool) -> list[str]:
    """Dotted names an import statement names (relative imports resolved against `module`)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        base = node.module or ""
        if node.level:
            anchor = module.split(".") if is_package else module.split(".")[:-1]
            anchor = anchor[:len(anchor) - node.level + 1]
            base = ".".join(anchor + ([base] if base else []))
        return [base] + [f"{base}.{alias.name}" for alias in node.names]
    return []


def import_graph(modules: dict[str, ast.Module]) -> dict[str, set[str]]:
    """module -> the project modules it imports, at module level or inside functions."""
    packages = {name for name, tree in modules.items()
                if (ROOT / Path(*name.split(".")) / "__init__.py").is_file()}
    graph: dict[str, set[str]] = {}
    for name, tree in modules.items():
        edges = set()
        for node in ast.walk(tree):
            for target in _imported(node, name, name in packages):
                # 'from extractors.pdf import cache' names the module extractors.pdf.cache; importing a module
                # also runs its package's __init__, which has no imports here, so only the deepest module counts.
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    edges.add(target)
        graph[name] = edges
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of the graph as a path that returns to its start, or [] when there is none."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return []

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return []


def test_project_import_graph_has_no_cycle():
    graph = import_graph(project_modules())
    assert len(graph) > 50 and sum(map(len, graph.values())) > 100  # the walk really saw the project
    cycle = find_cycle(graph)
    assert not cycle, "import cycle: " + " -> ".join(cycle)


def test_find_cycle_reports_a_loop_hidden_in_a_function():
    trees = {"a": ast.parse("import b\n"), "b": ast.parse("def f():\n    from a import x\n")}
    graph = {name: {t for node in ast.walk(tree) for t in _imported(node, name, False)} for name, tree in trees.items()}
    assert find_cycle({k: {t.split(".")[0] for t in v} for k, v in graph.items()}) == ["a", "b", "a"]


def _guards_project_import(handler: ast.ExceptHandler, body: list[ast.stmt]) -> bool:
    names = {n.id for n in ast.walk(handler.type) if isinstance(n, ast.Name)} if handler.type else set()
    if not names & {"ImportError", "ModuleNotFoundError"}:
        return False
    imported = [t for stmt in body for node in ast.walk(stmt) for t in _imported(node, "", False)]
    return any(t.split(".")[0] in PACKAGES for t in imported)


def test_no_except_import_error_around_project_imports():
    offenders = [f"{name}:{node.lineno}" for name, tree in project_modules().items() for node in ast.walk(tree)
                 if isinstance(node, ast.Try)
                 and any(_guards_project_import(h, node.body) for h in node.handlers)]
    assert offenders == [], "our own modules must import or fail loudly: " + ", ".join(offenders)


@pytest.mark.parametrize("source, guarded", [
    ("try:\n    from extractors.nlp import gazetteers\nexcept ImportError:\n    gazetteers = None\n", True),
    ("try:\n    import orjson\nexcept ImportError:\n    orjson = None\n", False),
])
def test_import_error_guard_is_recognised(source, guarded):
    node = ast.parse(source).body[0]
    assert _guards_project_import(node.handlers[0], node.body) is guarded


ALLOWED_LAYER_IMPORTS = {
    ("extractors", "schemas"), ("warehouse", "schemas"),
    ("schemas.validate", "schemas"), ("schemas.validate", "extractors"), ("schemas.validate", "warehouse"),
    ("flows", "schemas"), ("flows", "schemas.validate"), ("flows", "extractors"), ("flows", "warehouse"),
}
"""Which layer may import which: records, settings and declarations (schemas) import no other layer."""


def _layer(module: str) -> str:
    return "schemas.validate" if module.startswith("schemas.validate") else module.split(".")[0]


def test_layers_import_only_downwards():
    graph = import_graph(project_modules())
    upward = sorted(f"{a} -> {b}" for a, targets in graph.items() for b in targets
                    if _layer(a) != _layer(b) and (_layer(a), _layer(b)) not in ALLOWED_LAYER_IMPORTS)
    assert upward == []
