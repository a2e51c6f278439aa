"""The layer rules of README "The code" and CONTRIBUTING.md, held by walking the source.

Two rules, both read from the syntax tree of every module in ``mentorkit/``:

* imports: a layer imports only the layers below it (``LAYERS``); nothing imports ``cli``.
* file I/O: only ``loading/`` (input) and ``writing/`` (output) open, read, list, write
  or delete files. The CLI passes paths to them and never touches the disk itself.

When a rule is broken on purpose, change the table here in the same commit and say why:
the table is the design, reviewed like code.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "mentorkit"

# Which layers each layer may import (besides itself). A layer is a subpackage, or a
# top-level module (problems, validation). ``cli`` may import every core layer.
LAYERS: dict[str, frozenset[str]] = {
    "problems": frozenset(),
    "model": frozenset({"problems"}),
    "loading": frozenset({"problems", "model"}),
    "writing": frozenset({"problems", "model"}),
    # sealing: age through pyrage, pure apart from the keys it is handed (see privacy docs)
    "sealing": frozenset({"problems", "model", "loading"}),
    "checks": frozenset({"problems", "model", "loading", "sealing"}),
    "validation": frozenset({"problems", "model", "loading", "checks", "sealing"}),
    "matching": frozenset({"problems", "model"}),
    "lifecycle": frozenset({"problems", "model", "matching"}),
    "site": frozenset({"problems", "model", "matching", "lifecycle"}),
    "reporters": frozenset({"problems", "model", "checks", "matching", "lifecycle", "workflow"}),
    "workflow": frozenset(
        {
            "problems",
            "model",
            "loading",
            "checks",
            "validation",
            "matching",
            "lifecycle",
            "sealing",
        }
    ),
}
CORE = frozenset(LAYERS)
LAYERS["cli"] = CORE | {"reporters", "site", "workflow", "writing"}
LAYERS["__main__"] = frozenset({"cli"})
LAYERS["__init__"] = frozenset()

IO_LAYERS = frozenset({"loading", "writing"})

# Single modules allowed more than their layer, each with the reason.
MODULE_EXTRA: dict[str, frozenset[str]] = {
    # The site build's orchestration: reads site/ through loading, syncs the docs
    # folder through writing; every other site module stays pure.
    "mentorkit.site.publish": frozenset({"loading", "writing"}),
}

# Methods of pathlib.Path that touch the disk. ``replace`` and ``open`` are left out, as
# other objects have methods of those names; os.replace, open(), Path(...).open() and
# tarfile/gzip/zipfile.open are caught below.
_PATH_METHODS = frozenset(
    {
        "read_text",
        "read_bytes",
        "write_text",
        "write_bytes",
        "unlink",
        "mkdir",
        "rmdir",
        "touch",
        "iterdir",
        "glob",
        "rglob",
        "walk",
        "rename",
        "symlink_to",
        "hardlink_to",
        "exists",
        "is_file",
        "is_dir",
        "is_symlink",
        "stat",
        "lstat",
        "chmod",
    }
)
# Modules whose every call touches the disk, and the disk-touching calls of ``os``.
_IO_MODULES = frozenset({"shutil", "tempfile", "glob", "fileinput"})
_OS_CALLS = frozenset(
    {
        "open",
        "fdopen",
        "remove",
        "unlink",
        "replace",
        "rename",
        "renames",
        "walk",
        "listdir",
        "scandir",
        "makedirs",
        "mkdir",
        "rmdir",
        "removedirs",
        "stat",
        "lstat",
        "chmod",
        "fsync",
        "exists",
        "isfile",
        "isdir",
        "islink",
        "getmtime",
        "getsize",
    }
)


@dataclass(frozen=True)
class Module:
    name: str  # mentorkit.site.publish
    path: Path
    tree: ast.Module

    @property
    def layer(self) -> str:
        parts = self.name.split(".")
        return parts[1] if len(parts) > 1 else "__init__"


def _modules() -> list[Module]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent)
        if "templates" in rel.parts:
            continue
        parts = list(rel.with_suffix("").parts)
        if parts[-1] == "__init__" and len(parts) > 1:
            parts.pop()
        name = ".".join(parts)
        found.append(Module(name, path, ast.parse(path.read_text(encoding="utf-8"), str(path))))
    return found


MODULES = _modules()


def _imported(module: Module) -> Iterator[tuple[int, str]]:
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative import: resolve against the module's package
                base = module.name.split(".")
                package = base if module.path.name == "__init__.py" else base[:-1]
                stem = package[: len(package) - node.level + 1]
                target = ".".join([*stem, node.module] if node.module else stem)
            else:
                target = node.module or ""
            yield node.lineno, target
            for alias in node.names:  # from mentorkit import cli
                if target == "mentorkit" and (PACKAGE / alias.name).exists():
                    yield node.lineno, f"mentorkit.{alias.name}"


def _layer_of(dotted: str) -> str | None:
    parts = dotted.split(".")
    if parts[0] != "mentorkit" or len(parts) < 2:
        return None  # another package, or the package root (its version)
    return parts[1]


def import_violations(modules: list[Module]) -> list[str]:
    found = []
    for module in modules:
        allowed = LAYERS.get(module.layer)
        if allowed is not None:
            allowed = allowed | MODULE_EXTRA.get(module.name, frozenset())
        for line, target in _imported(module):
            layer = _layer_of(target)
            if layer is None or layer == module.layer:
                continue
            if allowed is None or layer not in allowed:
                where = f"{module.path.relative_to(PACKAGE.parent)}:{line}"
                found.append(f"{where}: {module.layer} imports {target}")
    return found


def _aliases(tree: ast.Module) -> dict[str, str]:
    """Local names bound to modules or module members: ``import os.path as p`` -> p: os.path."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                names[alias.asname or alias.name.split(".")[0]] = (
                    alias.name if alias.asname else alias.name.split(".")[0]
                )
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def _dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = _dotted(node.value)
        return f"{inner}.{node.attr}" if inner else None
    return None


def _io_call(call: ast.Call, aliases: dict[str, str]) -> str | None:
    func = call.func
    dotted = _dotted(func)
    if dotted is not None:
        head, _, rest = dotted.partition(".")
        full = f"{aliases.get(head, head)}.{rest}" if rest else aliases.get(head, head)
        module, _, name = full.rpartition(".")
        if full == "open" or module.split(".")[0] in _IO_MODULES:
            return full
        if module in ("os", "os.path") and name in _OS_CALLS:
            return full
        if name == "open" and module in (
            "io",
            "tarfile",
            "gzip",
            "bz2",
            "lzma",
            "zipfile",
            "codecs",
        ):
            return full
    if (
        isinstance(func, ast.Attribute)
        and func.attr == "open"
        and isinstance(func.value, ast.Call)
        and _dotted(func.value.func) in ("Path", "pathlib.Path")
    ):
        return "Path().open()"
    if isinstance(func, ast.Attribute) and func.attr in _PATH_METHODS:
        receiver = _dotted(func.value) or ""
        root = aliases.get(receiver.split(".")[0], receiver.split(".")[0])
        if root in ("os", "os.path", "webbrowser", "click") or root.startswith(
            ("mentorkit.", "os.")
        ):
            return None  # os.* handled above; mentorkit helpers are judged where they live
        return f".{func.attr}()"
    return None


def io_violations(modules: list[Module]) -> list[str]:
    found = []
    for module in modules:
        if module.layer in IO_LAYERS:
            continue
        aliases = _aliases(module.tree)
        for node in ast.walk(module.tree):
            if isinstance(node, ast.Call):
                what = _io_call(node, aliases)
                if what:
                    where = f"{module.path.relative_to(PACKAGE.parent)}:{node.lineno}"
                    found.append(f"{where}: {module.layer} calls {what}")
    return found


def test_every_layer_is_in_the_table() -> None:
    unknown = sorted({m.layer for m in MODULES} - set(LAYERS))
    assert not unknown, f"add these layers to LAYERS (and to CONTRIBUTING.md): {unknown}"


# Breaks of the rules that predate this test, being moved out (issue 16). The list only
# shrinks: a new break fails, and so does an entry here that no longer happens.
KNOWN: frozenset[str] = frozenset(
    {
        "mentorkit/cli/init.py: cli calls .exists()",
        "mentorkit/cli/validate.py: cli calls .exists()",
        "mentorkit/site/generate.py: site calls .read_bytes()",
        "mentorkit/site/watch.py: site calls .is_file()",
        "mentorkit/site/watch.py: site calls .stat()",
        "mentorkit/site/watch.py: site calls os.walk",
        "mentorkit/workflow/gitrepo.py: workflow calls .mkdir()",
        "mentorkit/workflow/gitrepo.py: workflow calls tarfile.open",
        "mentorkit/workflow/initialize.py: workflow calls .iterdir()",
        "mentorkit/workflow/initialize.py: workflow calls .is_dir()",
        "mentorkit/workflow/initialize.py: workflow calls .exists()",
        "mentorkit/workflow/initialize.py: workflow calls .read_text()",
        "mentorkit/workflow/pull_request.py: workflow calls .is_symlink()",
        "mentorkit/workflow/snapshots.py: workflow calls tempfile.TemporaryDirectory",
        "mentorkit/workflow/snapshots.py: workflow calls .is_symlink()",
        "mentorkit/workflow/snapshots.py: workflow calls .exists()",
    }
)


def _without_line(entry: str) -> str:
    where, _, what = entry.partition(": ")
    return f"{where.rsplit(':', 1)[0]}: {what}"


def _unlisted(found: list[str]) -> list[str]:
    return [entry for entry in found if _without_line(entry) not in KNOWN]


def test_layers_import_only_the_layers_below_them() -> None:
    assert _unlisted(import_violations(MODULES)) == []


def test_only_loading_and_writing_touch_files() -> None:
    assert _unlisted(io_violations(MODULES)) == []


def test_known_breaks_are_still_there() -> None:
    """Fixed breaks leave KNOWN, so that they cannot come back unseen."""
    found = import_violations(MODULES) + io_violations(MODULES)
    seen = {_without_line(entry) for entry in found}
    assert sorted(KNOWN - seen) == []


def _parsed(name: str, source: str) -> list[Module]:
    return [Module(name, PACKAGE / (name.replace(".", "/") + ".py"), ast.parse(source))]


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("mentorkit.model.program", "from mentorkit.loading.yaml_reader import LoadedDocument"),
        ("mentorkit.matching.engine", "import mentorkit.cli.main"),
        ("mentorkit.checks.schema", "from mentorkit import cli"),
        ("mentorkit.site.generate", "from ..writing import files"),
    ],
)
def test_the_import_rule_catches_a_wrong_import(name: str, source: str) -> None:
    assert len(import_violations(_parsed(name, source))) == 1


@pytest.mark.parametrize(
    "source",
    [
        "open('x')",
        "from pathlib import Path\nPath('x').read_text()",
        "def f(p):\n    p.write_bytes(b'')",
        "def f(p):\n    p.unlink(missing_ok=True)",
        "import os\nos.remove('x')",
        "import os as o\no.replace('a', 'b')",
        "from os import replace\nreplace('a', 'b')",
        "import shutil\nshutil.rmtree('x')",
        "from shutil import rmtree\nrmtree('x')",
        "import tempfile\ntempfile.mkdtemp()",
        "def f(p):\n    return p.exists()",
        "def f(p):\n    return list(p.iterdir())",
        "import os\nfor _ in os.walk('.'): pass",
        "import os.path\nos.path.isfile('x')",
        "from pathlib import Path\nPath('x').open()",
        "import tarfile\ntarfile.open('x')",
    ],
)
def test_the_io_rule_catches_file_access(source: str) -> None:
    assert len(io_violations(_parsed("mentorkit.cli.match", source))) == 1


@pytest.mark.parametrize(
    "source",
    [
        "'a-b'.replace('-', '_')",
        "def f(state):\n    state.open('facilitator', 4)",
        "def f(p):\n    return p.with_suffix('.yaml').name",
        "from mentorkit.loading.files import read_text\nread_text('x')",
    ],
)
def test_the_io_rule_lets_pure_code_be(source: str) -> None:
    assert io_violations(_parsed("mentorkit.cli.match", source)) == []


def test_loading_and_writing_may_touch_files() -> None:
    assert io_violations(_parsed("mentorkit.writing.files", "open('x', 'w')")) == []
