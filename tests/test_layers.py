"""The layer rules of README "The code" and CONTRIBUTING.md, held by walking the source.

Three rules, all read from the syntax tree of every module in ``mentorkit/``:

* imports: a layer imports only the layers below it (``LAYERS``); nothing imports ``cli``;
  the pure layers (``PURE``) import neither ``loading`` nor ``writing``.
* file I/O: only ``loading/`` (input) and ``writing/`` (output) open, read, stat, list,
  write or delete files. The CLI passes paths to them and never touches the disk itself.
* libraries that touch files themselves (``IO_LIBRARIES``: MkDocs' build and serve) are
  imported only where the table says.
* programs: only the modules in ``PROGRAM_RUNNERS`` start another program. Git is input
  (history is read, never written, apart from ``git init``): it runs only through
  ``loading.git.run_git``.

There is no list of tolerated breaks. When a rule is bent on purpose, name the module in
``MODULE_EXTRA`` or ``PROGRAM_RUNNERS`` with the reason, in the same commit: the tables
are the design, reviewed like code. ``SHARED_MODULES`` names the pure modules of an I/O
layer that every layer may import (a test holds them free of file access).
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
    "checks": frozenset({"problems", "model", "sealing"}),
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
# Pure functions over values: they receive what loading read and return what writing or
# a reporter puts out.
PURE = frozenset({"model", "checks", "matching", "lifecycle", "site", "reporters"})

# Pure modules of an I/O layer that every layer may import, each with the reason; a test
# below holds them pure (they open, read and write nothing).
SHARED_MODULES: dict[str, str] = {
    # The one set of ruamel round-trip settings: match, rematch, accept, leave, seal and
    # the check-in migration each prepare their edit as text in their own layer, and
    # writing.files writes it.
    "mentorkit.writing.yaml_round_trip": "the YAML every edit of a hand-written file writes",
}

# Single modules allowed more than their layer, each with the reason. An entry is a layer
# ("loading") or one module of it ("loading.git").
MODULE_EXTRA: dict[str, frozenset[str]] = {
    # The site build's orchestration: reads site/ through loading, syncs the docs
    # folder through writing; every other site module stays pure.
    "mentorkit.site.publish": frozenset({"loading", "writing"}),
    # The JSON Schemas ship in the package and are read once (cached); the YAML 1.1
    # boolean words are loading's reading rule, named again in the schema's message.
    "mentorkit.checks.schema": frozenset({"loading.schemas", "loading.yaml_scalars"}),
    # git init runs git the one way git is run (clean environment, no pager).
    "mentorkit.writing.git": frozenset({"loading.git"}),
    # The base of a pull request is read from a scratch copy of its tree.
    "mentorkit.workflow.snapshots": frozenset({"writing.git"}),
}
# Libraries that read or write files themselves when called, and the modules that may
# import them (besides loading/ and writing/): MkDocs' build and serve write the site.
# Jinja's file loaders and importlib.resources read packaged files when used, outside the
# calls the I/O rule sees (a loader reads on ``get_template``): only loading/ may.
IO_LIBRARIES: dict[str, frozenset[str]] = {
    "mkdocs.commands": frozenset({"mentorkit.site.publish"}),
    "importlib.resources": frozenset(),
    "jinja2.PackageLoader": frozenset(),
    "jinja2.FileSystemLoader": frozenset(),
    "jinja2.ModuleLoader": frozenset(),
    "jinja2.loaders": frozenset(),
}
# The modules that start another program, and which.
PROGRAM_RUNNERS: dict[str, str] = {
    "mentorkit.loading.git": "git, to read history (and git init for writing.git)",
    "mentorkit.writing.private": "the user's $EDITOR on a private scratch file (mentorkit edit)",
}

# Methods of pathlib.Path that touch the disk. ``replace`` and ``open`` are judged by their
# arguments (str.replace takes two, a Path's one; ``state.open("facilitator", 4)`` is no
# file mode). ``resolve``/``absolute`` only name a path, the way the CLI passes it on;
# ``owner``/``group`` are left out for ``match.group()``.
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
        "readlink",
        "exists",
        "is_file",
        "is_dir",
        "is_symlink",
        "is_mount",
        "is_fifo",
        "is_socket",
        "is_block_device",
        "is_char_device",
        "samefile",
        "stat",
        "lstat",
        "chmod",
        "lchmod",
    }
)
# Modules whose every call touches the disk, and the disk-touching calls of ``os``.
_IO_MODULES = frozenset({"shutil", "tempfile", "glob", "fileinput", "pkgutil", "shelve", "dbm"})
_OS_CALLS = frozenset(
    {
        "open",
        "fdopen",
        "remove",
        "unlink",
        "replace",
        "rename",
        "renames",
        "link",
        "symlink",
        "readlink",
        "walk",
        "fwalk",
        "listdir",
        "scandir",
        "makedirs",
        "mkdir",
        "mkfifo",
        "mknod",
        "rmdir",
        "removedirs",
        "stat",
        "lstat",
        "chmod",
        "chown",
        "utime",
        "truncate",
        "access",
        "fsync",
        "exists",
        "lexists",
        "isfile",
        "isdir",
        "islink",
        "ismount",
        "samefile",
        "getmtime",
        "getatime",
        "getctime",
        "getsize",
    }
)
_OPENERS = frozenset({"io", "builtins", "tarfile", "gzip", "bz2", "lzma", "zipfile", "codecs"})
_IO_CALLS = frozenset(
    {
        "importlib.resources.read_text",
        "importlib.resources.read_binary",
        "importlib.resources.open_text",
        "importlib.resources.open_binary",
        "importlib.resources.as_file",
        "importlib.resources.path",
        "importlib.resources.contents",
        "click.open_file",
        "click.edit",
        "jinja2.PackageLoader",
        "jinja2.FileSystemLoader",
        "jinja2.ModuleLoader",
        "jinja2.loaders.PackageLoader",
        "jinja2.loaders.FileSystemLoader",
    }
)
_RUN_CALLS = ("os.system", "os.popen", "os.exec", "os.spawn", "os.posix_spawn", "pty.spawn")
_OPEN_MODE = frozenset("rwxabt+")
_OPEN_KEYWORDS = frozenset({"mode", "encoding", "errors", "newline", "buffering"})


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
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__" and len(parts) > 1:
            parts.pop()
        name = ".".join(parts)
        found.append(Module(name, path, ast.parse(path.read_text(encoding="utf-8"), str(path))))
    return found


MODULES = _modules()


def _is_module(dotted: str) -> bool:
    """Whether ``mentorkit.x.y`` names a module or package (rather than a name inside one)."""
    rel = Path(*dotted.split(".")[1:]) if "." in dotted else Path()
    return (PACKAGE / rel).is_dir() or (PACKAGE / rel).with_suffix(".py").is_file()


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
            # from mentorkit import cli / from mentorkit.loading import schemas: the modules
            # named are what is imported; the package itself for any other name.
            names = [f"{target}.{alias.name}" for alias in node.names]
            if not target.startswith("mentorkit"):  # from mkdocs import commands
                yield from ((node.lineno, n) for n in [target, *names])
                continue
            modules = [n for n in names if _is_module(n)]
            if len(modules) < len(names):
                yield node.lineno, target
            for name in modules:
                yield node.lineno, name
        elif isinstance(node, ast.Call) and _dotted(node.func) in (
            "importlib.import_module",
            "import_module",
            "__import__",
        ):
            yield node.lineno, _import_name(node.args[0] if node.args else None)


# A name computed at run time cannot be judged. Only ``cli`` may use one: main.py loads
# its commands lazily from the COMMANDS table, and cli may import every layer anyway.
COMPUTED = "mentorkit.<computed>"


def _import_name(arg: ast.expr | None) -> str:
    """A constant module name, or the package a name like f"mentorkit.checks.{name}" lies in."""
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    if isinstance(arg, ast.JoinedStr) and arg.values:
        first = arg.values[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            package = first.value.rpartition(".")[0]
            if package.startswith("mentorkit.") and _is_module(package):
                return package
    return COMPUTED


def _layer_of(dotted: str) -> str | None:
    parts = dotted.split(".")
    if parts[0] != "mentorkit" or len(parts) < 2:
        return None  # another package, or the package root (its version)
    return parts[1]


def _allows(allowed: frozenset[str], target: str) -> bool:
    parts = target.split(".")
    return parts[1] in allowed or ".".join(parts[1:3]) in allowed


def _io_library(module: Module, target: str) -> bool:
    """Whether ``target`` is a file-touching library ``module`` may not import."""
    return module.layer not in IO_LAYERS and any(
        (target == library or target.startswith(library + ".")) and module.name not in users
        for library, users in IO_LIBRARIES.items()
    )


def import_violations(modules: list[Module]) -> list[str]:
    found = []
    for module in modules:
        allowed = LAYERS.get(module.layer, frozenset()) | MODULE_EXTRA.get(module.name, frozenset())
        library_lines: set[int] = set()  # one finding per import statement
        for line, target in _imported(module):
            if _io_library(module, target):
                if line not in library_lines:
                    where = f"{module.path.relative_to(PACKAGE.parent)}:{line}"
                    found.append(f"{where}: {module.name} imports {target}, which touches files")
                library_lines.add(line)
                continue
            layer = _layer_of(target)
            if layer is None or layer == module.layer or target in SHARED_MODULES:
                continue
            if target == COMPUTED and module.layer == "cli":
                continue
            if module.layer not in LAYERS or not _allows(allowed, target):
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


def _full_name(call: ast.Call, aliases: dict[str, str]) -> str | None:
    """``o.replace`` after ``import os as o`` -> os.replace; None for a method of a value."""
    dotted = _dotted(call.func)
    if dotted is None:
        return None
    head, _, rest = dotted.partition(".")
    return f"{aliases.get(head, head)}.{rest}" if rest else aliases.get(head, head)


def _module_call(full: str) -> str | None:
    module, _, name = full.rpartition(".")
    if full == "open" or module.split(".")[0] in _IO_MODULES or full in _IO_CALLS:
        return full
    if module in ("os", "os.path") and name in _OS_CALLS:
        return full
    if name == "open" and module in _OPENERS:
        return full
    return None


def _opens_a_file(call: ast.Call) -> bool:
    """``x.open()``, ``x.open("rb")``, ``x.open(encoding=...)``: a file's open, not a domain one."""
    if any(k.arg in _OPEN_KEYWORDS for k in call.keywords):
        return True
    if not call.args:
        return True
    first = call.args[0]
    return (
        isinstance(first, ast.Constant)
        and isinstance(first.value, str)
        and (set(first.value) <= _OPEN_MODE and first.value != "")
    )


def _method_call(call: ast.Call, aliases: dict[str, str]) -> str | None:
    func = call.func
    if not isinstance(func, ast.Attribute):
        return None
    head, _, rest = (_dotted(func.value) or "").partition(".")
    receiver = f"{aliases.get(head, head)}.{rest}" if rest else aliases.get(head, head)
    if receiver.startswith("mentorkit.") and _is_module(receiver):
        return None  # a function of a mentorkit module is judged where it lives
    if func.attr in _PATH_METHODS:
        return f".{func.attr}()"
    if func.attr == "replace" and len(call.args) == 1 and not call.keywords:
        return ".replace()"
    if func.attr == "open" and _opens_a_file(call):
        return ".open()"
    return None


def _io_call(call: ast.Call, aliases: dict[str, str]) -> str | None:
    full = _full_name(call, aliases)
    found = _module_call(full) if full else None
    return found or _method_call(call, aliases)


def _runs_a_program(call: ast.Call, aliases: dict[str, str]) -> str | None:
    full = _full_name(call, aliases) or ""
    if full.startswith(("subprocess.", "asyncio.create_subprocess", *_RUN_CALLS)):
        return full
    return None


def io_violations(modules: list[Module]) -> list[str]:
    found = []
    for module in modules:
        aliases = _aliases(module.tree)
        for node in ast.walk(module.tree):
            if not isinstance(node, ast.Call):
                continue
            where = f"{module.path.relative_to(PACKAGE.parent)}:{node.lineno}"
            what = _io_call(node, aliases) if module.layer not in IO_LAYERS else None
            if what:
                found.append(f"{where}: {module.layer} calls {what}")
            runs = _runs_a_program(node, aliases)
            if runs and module.name not in PROGRAM_RUNNERS:
                found.append(f"{where}: {module.name} runs a program through {runs}")
    return found


def test_every_layer_is_in_the_table() -> None:
    unknown = sorted({m.layer for m in MODULES} - set(LAYERS))
    assert not unknown, f"add these layers to LAYERS (and to CONTRIBUTING.md): {unknown}"


def test_the_table_says_what_the_readme_says() -> None:
    """cli -> core, never back; the model sits on problems only; pure layers do no I/O."""
    assert not any("cli" in allowed for layer, allowed in LAYERS.items() if layer != "__main__")
    assert LAYERS["model"] == {"problems"}
    assert LAYERS["cli"] >= CORE
    for layer in PURE:
        assert not LAYERS[layer] & IO_LAYERS, layer
    for name, extra in MODULE_EXTRA.items():  # every exception names a real module
        assert _is_module(name), name
        assert all(_is_module(f"mentorkit.{target}") for target in extra), name
    assert all(_is_module(name) for name in PROGRAM_RUNNERS)


def test_layers_import_only_the_layers_below_them() -> None:
    assert import_violations(MODULES) == []


def test_only_loading_and_writing_touch_files_and_run_programs() -> None:
    assert io_violations(MODULES) == []


def test_git_runs_only_through_run_git() -> None:
    """Every git command line is built in loading/git.py (a "git" literal starting an argv)."""
    found = {
        module.name
        for module in MODULES
        for node in ast.walk(module.tree)
        if isinstance(node, ast.List | ast.Tuple)
        and node.elts
        and isinstance(node.elts[0], ast.Constant)
        and node.elts[0].value == "git"
    }
    assert found <= {"mentorkit.loading.git"}, found


def _parsed(name: str, source: str) -> list[Module]:
    return [Module(name, PACKAGE / (name.replace(".", "/") + ".py"), ast.parse(source))]


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("mentorkit.model.program", "from mentorkit.loading.yaml_reader import LoadedDocument"),
        ("mentorkit.model.program", "from mentorkit import validation"),
        ("mentorkit.matching.engine", "import mentorkit.cli.main"),
        ("mentorkit.checks.schema", "from mentorkit import cli"),
        ("mentorkit.checks.schema", "from mentorkit.loading.repository import load_repository"),
        ("mentorkit.checks.capacity", "from mentorkit.loading import schemas"),
        ("mentorkit.site.generate", "from ..writing import files"),
        ("mentorkit.site.render", "from mentorkit.loading.handbook import packaged_assets"),
        (
            "mentorkit.lifecycle.health",
            "import importlib\nimportlib.import_module('mentorkit.cli')",
        ),
        ("mentorkit.matching.engine", "from importlib import import_module\nimport_module(name)"),
        (
            "mentorkit.checks",
            "from importlib import import_module\nimport_module(f'mentorkit.cli.{n}')",
        ),
        ("mentorkit.checks", "from importlib import import_module\nimport_module(f'mentor{n}')"),
        ("mentorkit.workflow.review", "from mentorkit.writing.files import write_text_atomic"),
        ("mentorkit.reporters.github", "from mentorkit.loading import files"),
        ("mentorkit.newlayer.x", "from mentorkit.model import program"),
        ("mentorkit.cli.build", "from mkdocs.commands.serve import serve"),
        ("mentorkit.site.render", "from mkdocs import commands"),
        # packaged-file readers: the site renders templates loading/ read
        ("mentorkit.site.render", "from jinja2 import Environment, PackageLoader"),
        ("mentorkit.site.render", "from jinja2 import FileSystemLoader"),
        ("mentorkit.site.render", "from jinja2.loaders import PackageLoader"),
        ("mentorkit.lifecycle.survey", "from importlib import resources"),
        ("mentorkit.reporters.review", "import importlib.resources"),
    ],
)
def test_the_import_rule_catches_a_wrong_import(name: str, source: str) -> None:
    assert len(import_violations(_parsed(name, source))) == 1


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("mentorkit.checks.schema", "from mentorkit.loading.schemas import load_schema"),
        ("mentorkit.writing.git", "from mentorkit.loading.git import run_git"),
        ("mentorkit.cli.main", "import importlib\nimportlib.import_module(name)"),
        ("mentorkit.checks", "import importlib\nimportlib.import_module(f'mentorkit.checks.{n}')"),
        ("mentorkit.model.program", "from mentorkit import __version__"),
        ("mentorkit.site.render", "import jinja2"),
        ("mentorkit.site.render", "from jinja2 import DictLoader, Environment"),
        ("mentorkit.loading.templates", "from importlib import resources"),
        ("mentorkit.site.publish", "from mkdocs.commands.build import build"),
        ("mentorkit.site.verify", "from mkdocs.utils.meta import get_data"),
    ],
)
def test_the_import_rule_allows_what_the_table_names(name: str, source: str) -> None:
    assert import_violations(_parsed(name, source)) == []


@pytest.mark.parametrize(
    "source",
    [
        "open('x')",
        "import io\nio.open('x')",
        "from builtins import open as o\no('x')",
        "from pathlib import Path\nPath('x').read_text()",
        "from pathlib import Path\nPath.read_text(Path('x'))",
        "def f(p):\n    p.write_bytes(b'')",
        "def f(p):\n    p.write_text('')",
        "def f(p):\n    p.unlink(missing_ok=True)",
        "def f(p, q):\n    p.rename(q)",
        "def f(p, q):\n    p.replace(q)",
        "def f(p):\n    return p.open()",
        "def f(p):\n    return p.open('rb')",
        "def f(p):\n    return p.open(encoding='utf-8')",
        "import os\nos.remove('x')",
        "import os as o\no.replace('a', 'b')",
        "from os import replace\nreplace('a', 'b')",
        "import os\nos.link('a', 'b')",
        "import shutil\nshutil.rmtree('x')",
        "from shutil import rmtree\nrmtree('x')",
        "import shutil\nshutil.copyfile('a', 'b')",
        "import tempfile\ntempfile.mkdtemp()",
        "import tempfile\nwith tempfile.TemporaryDirectory(): pass",
        "def f(p):\n    return p.exists()",
        "def f(p):\n    return p.is_symlink()",
        "def f(p):\n    return p.stat().st_size",
        "def f(p):\n    return list(p.iterdir())",
        "import os\nfor _ in os.walk('.'): pass",
        "import os.path\nos.path.isfile('x')",
        "from pathlib import Path\nPath('x').open()",
        "import tarfile\ntarfile.open('x')",
        "from importlib import resources\nresources.files('m').joinpath('a').read_bytes()",
        "from importlib import resources\nresources.read_text('m', 'a')",
        "import click\nclick.open_file('x')",
        "import jinja2\njinja2.PackageLoader('mentorkit.site', 'templates')",
        "import jinja2\njinja2.FileSystemLoader('templates')",
        "from mentorkit.model import paths\ndef f(p):\n    return paths.x.exists()",
    ],
)
def test_the_io_rule_catches_file_access(source: str) -> None:
    assert len(io_violations(_parsed("mentorkit.cli.match", source))) == 1


@pytest.mark.parametrize(
    "source",
    [
        "import subprocess\nsubprocess.run(['git', 'status'])",
        "from subprocess import run\nrun(['ls'])",
        "import subprocess as s\ns.Popen(['ls'])",
        "import os\nos.system('ls')",
        "import os\nos.execvp('ls', ['ls'])",
        "import asyncio\nasyncio.create_subprocess_exec('ls')",
    ],
)
@pytest.mark.parametrize("name", ["mentorkit.cli.sealing", "mentorkit.loading.repository"])
def test_the_program_rule_catches_a_program_run(name: str, source: str) -> None:
    """Even loading/ and writing/ start programs only where PROGRAM_RUNNERS says."""
    assert len(io_violations(_parsed(name, source))) == 1


@pytest.mark.parametrize(
    "source",
    [
        "'a-b'.replace('-', '_')",
        "def f(state):\n    state.open('facilitator', 4)",
        "def f(p):\n    return p.with_suffix('.yaml').name",
        "def f(p):\n    return p.resolve()",
        "from mentorkit.loading.files import read_text\nread_text('x')",
        "from mentorkit.loading import files\nfiles.read_text('x')",
        "import os\nos.environ.get('EDITOR')",
        "import shlex\nshlex.split('vi -n')",
    ],
)
def test_the_io_rule_lets_pure_code_be(source: str) -> None:
    assert io_violations(_parsed("mentorkit.cli.match", source)) == []


@pytest.mark.parametrize("name", sorted(SHARED_MODULES))
def test_shared_modules_touch_no_files(name: str) -> None:
    module = next(m for m in MODULES if m.name == name)
    shared = Module(name.replace(".writing.", ".model."), module.path, module.tree)
    assert io_violations([shared]) == []


def test_a_shared_module_may_be_imported_from_any_layer() -> None:
    source = "from mentorkit.writing.yaml_round_trip import round_trip_yaml"
    assert import_violations(_parsed("mentorkit.sealing.rewrite", source)) == []
    other = "from mentorkit.writing.files import write_text_atomic"
    assert len(import_violations(_parsed("mentorkit.sealing.rewrite", other))) == 1


def test_loading_and_writing_may_touch_files() -> None:
    assert io_violations(_parsed("mentorkit.writing.files", "open('x', 'w')")) == []
    assert io_violations(_parsed("mentorkit.loading.files", "def f(p):\n    p.exists()")) == []


def test_the_named_runners_may_run_their_program() -> None:
    source = "import subprocess\nsubprocess.run(['git', 'status'])"
    assert io_violations(_parsed("mentorkit.loading.git", source)) == []
