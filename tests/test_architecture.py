"""The tree shows the flow: layers import only downwards, no cycles, small functions, no language code in logic.

Checked on the source with `ast`, so a violation names the file and line instead of surfacing as a bug later.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "pipeline"

# Lower rank = lower layer. A module may import modules of its own rank or lower, never higher.
RANKS = {
    "pipeline.errors": 0, "pipeline.document": 1, "pipeline.text": 1, "pipeline.knowledge": 2,
    "pipeline.registry": 3, "pipeline.grammars": 3, "pipeline.config": 4, "pipeline.ingest": 4,
    "pipeline.stages": 5, "pipeline.reconcile": 6, "pipeline.datasets": 7, "pipeline.runtime": 8,
    "pipeline.api": 9, "pipeline.review": 9, "pipeline.cli": 10,
}
LANG_CODES = {"ar", "en", "fr", "vi", "xx"}


def _module_name(path: Path) -> str:
    rel = path.relative_to(PKG.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _rank(module: str) -> int | None:
    best = None
    for prefix, rank in RANKS.items():
        if module == prefix or module.startswith(prefix + "."):
            if best is None or len(prefix) > len(best[0]):
                best = (prefix, rank)
    return best[1] if best else None


def _sources() -> list[tuple[Path, ast.Module]]:
    return [(p, ast.parse(p.read_text(encoding="utf-8"))) for p in sorted(PKG.rglob("*.py"))]


def _imports(tree: ast.Module) -> list[tuple[int, str]]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pipeline"):
            names = [f"{node.module}.{a.name}" for a in node.names] if node.module == "pipeline" else [node.module]
            out.extend((node.lineno, n) for n in names)
        elif isinstance(node, ast.Import):
            out.extend((node.lineno, a.name) for a in node.names if a.name.startswith("pipeline"))
    return out


def test_layers_import_only_downwards():
    bad = []
    for path, tree in _sources():
        own = _rank(_module_name(path))
        if own is None:
            continue
        for line, target in _imports(tree):
            rank = _rank(target)
            if rank is not None and rank > own:
                bad.append(f"{path.relative_to(PKG.parent)}:{line} imports {target}")
    assert bad == []


def test_no_import_cycles_between_modules():
    graph: dict[str, set[str]] = {}
    for path, tree in _sources():
        graph[_module_name(path)] = {t for _, t in _imports(tree)}
    modules = set(graph)

    def resolve(target: str) -> str | None:
        while target and target not in modules:
            target = target.rpartition(".")[0]
        return target or None

    edges = {m: {r for t in ts if (r := resolve(t)) and r != m and not m.startswith(r + ".")} for m, ts in graph.items()}
    state: dict[str, int] = {}
    cycles: list[str] = []

    def visit(m: str, stack: list[str]) -> None:
        state[m] = 1
        for n in sorted(edges.get(m, ())):
            if state.get(n) == 1:
                cycles.append(" -> ".join(stack[stack.index(n):] + [n]) if n in stack else f"{m} -> {n}")
            elif n not in state:
                visit(n, stack + [n])
        state[m] = 2

    for m in sorted(edges):
        if m not in state:
            visit(m, [m])
    assert cycles == []


def test_no_function_over_sixty_lines():
    long = []
    for path, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > 60:
                    long.append(f"{path.relative_to(PKG.parent)}:{node.lineno} {node.name} ({length} lines)")
    assert long == []


def _lang_literal(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant) and node.value in LANG_CODES:
        return True
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return any(_lang_literal(e) for e in node.elts)
    return False


@pytest.mark.parametrize("layer", ["text", "knowledge", "grammars", "stages", "reconcile"])
def test_no_language_code_literal_steers_logic(layer):
    """`if lang == "ar"` belongs in models/<lang>/ data: a new language must be files, not code edits."""
    bad = []
    for path in sorted((PKG / layer).rglob("*.py")) if (PKG / layer).exists() else []:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Compare) and any(_lang_literal(c) for c in [node.left, *node.comparators]):
                bad.append(f"{path.relative_to(PKG.parent)}:{node.lineno}")
            elif isinstance(node, ast.Subscript) and _lang_literal(node.slice):
                bad.append(f"{path.relative_to(PKG.parent)}:{node.lineno}")
    assert bad == []
