"""Find and read the files of a program repository: the only file I/O on the way in."""

from __future__ import annotations

import os
import pickle
import stat
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mentorkit.loading.gc_pause import gc_paused
from mentorkit.loading.yaml_reader import DEFAULT_MAX_BYTES, LoadedDocument, parse_yaml
from mentorkit.model.paths import CHARTER, SKILLS, kind_of
from mentorkit.problems import Problem

# Match files grow with the cohort (10,000 pairs is a few MB); people's files stay small.
# What a participant writes (their profile, a lesson) is small by nature: a generous
# 64 KiB bounds the work a hostile file can cause in every later step (validation, the
# pull-request review, the site build) long before the 1 MiB default would.
MAX_BYTES = {
    "match": 64 * 1024 * 1024,
    "skills": 4 * 1024 * 1024,
    "participant": 64 * 1024,
    "lesson": 64 * 1024,
    # A check-in is a few fields and one sealed value (at most 65,536 characters, 67 KiB
    # as an indented block): 96 KiB holds the largest, and a participant can no longer
    # add a 1 MiB check-in that every run then reads and opens.
    "checkin": 96 * 1024,
}
# Below this many files a process pool costs more than it saves.
PARALLEL_THRESHOLD = 4000
# Each worker gets its files in this many chunks: small enough that the workers finish
# together (a worker slowed by another process does not leave a long tail for the
# other) and that the main process unpacks results while the workers still read.
CHUNKS_PER_WORKER = 32

# Given a parsed document, what the caller wants worked out beside the parse (None for
# nothing): sealing.opening decrypts and merges sealed values this way, so that work is
# spread over the processes that read the files instead of needing a pool of its own.
# It must be picklable (a module-level function or a functools.partial of one).
Opener = Callable[[LoadedDocument], Any]


class RepositoryNotFound(Exception):
    """No program repository (a folder with program/program.yaml) was found."""


def find_repository_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` holding program/program.yaml."""
    here = start.resolve()
    for candidate in (here, *here.parents):
        if (candidate / CHARTER).is_file():
            return candidate
    raise RepositoryNotFound(
        f"no program repository at or above {start} (looked for program/program.yaml)"
    )


def _unreadable(relpath: str, message: str) -> Problem:
    return Problem(relpath, 0, 0, "error", "unreadable", message)


def _inside(root: str, full: str) -> bool:
    real_root = os.path.realpath(root)
    return os.path.commonpath([real_root, os.path.realpath(full)]) == real_root


def _data_folders(root: Path) -> Iterator[Path]:
    """program/ and participants/, unless a symbolic link takes one outside the repository."""
    for top in ("program", "participants"):
        base = root / top
        if base.is_dir() and _inside(str(root), str(base)):
            yield base


def _yaml_files(root: Path) -> Iterator[str]:
    """Every YAML-looking path under the data folders, whatever the case of its extension."""
    for base in _data_folders(root):
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            rel_dir = Path(dirpath).relative_to(root).as_posix()
            for name in filenames:
                if name.lower().endswith((".yaml", ".yml")) and not name.startswith("."):
                    yield f"{rel_dir}/{name}"


def discover(root: Path) -> list[str]:
    """Repository-relative paths of every data file, in a stable order."""
    return sorted(rel for rel in _yaml_files(root) if kind_of(rel) is not None)


def _stray(relpath: str, message: str) -> Problem:
    return Problem(relpath, 0, 0, "warning", "unknown-file", message)


def stray_files(root: Path) -> list[Problem]:
    """What looks like data but is not read: a typo in a folder name, ``.YAML``, a folder named x.yaml."""
    problems = []
    for rel in sorted(_yaml_files(root)):
        if kind_of(rel) is not None:
            continue
        lowered = rel[: rel.rfind(".")] + rel[rel.rfind(".") :].lower()
        if kind_of(lowered) is not None:
            problems.append(
                _stray(rel, "mentorkit does not read this file: write the extension in lower case")
            )
        else:
            problems.append(
                _stray(
                    rel,
                    "mentorkit does not read this file; data files live in program/cohorts/, "
                    "program/matches/, program/lessons/, program/agreements/<cohort>/, "
                    "program/checkins/<cohort>/<mentor>--<mentee>/ and participants/",
                )
            )
    for base in _data_folders(root):
        for dirpath, dirnames, _ in os.walk(base):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            for name in dirnames:
                if name.lower().endswith((".yaml", ".yml")):
                    rel = (Path(dirpath) / name).relative_to(root).as_posix()
                    problems.append(_stray(rel, "this is a folder, not a YAML file"))
    for top in ("program", "participants"):
        base = root / top
        if base.is_dir() and not _inside(str(root), str(base)):
            problems.append(
                Problem(
                    top,
                    0,
                    0,
                    "error",
                    "unreadable",
                    f"{top}/ is a symbolic link outside the repository; mentorkit does not read it",
                )
            )
    return sorted(problems)


@dataclass(frozen=True)
class LoadedRepository:
    """Every data file of a repository, parsed; unreadable ones became problems."""

    root: Path
    documents: dict[str, LoadedDocument]
    kinds: dict[str, str]
    problems: tuple[Problem, ...] = field(default=())
    # What load_repository's opener gave per path (opened sealed values: memory only).
    opened: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


def _read_one(root: str, relpath: str) -> LoadedDocument | Problem:
    """Read one data file: a regular file inside the repository, at most its kind's limit.

    A symbolic link is followed only when it stays inside the repository, so a pull
    request cannot make CI print (or publish) pieces of files elsewhere on the runner.
    Opening without blocking and checking the type keeps a FIFO or device from hanging
    or flooding the run.
    """
    kind = kind_of(relpath) or ""
    limit = MAX_BYTES.get(kind, DEFAULT_MAX_BYTES)
    full = os.path.join(root, relpath)
    try:
        if os.path.islink(full) and not _inside(root, full):
            return _unreadable(
                relpath,
                f"the file is a symbolic link to {os.readlink(full)}, outside the repository; "
                "mentorkit reads only files inside it",
            )
        descriptor = os.open(full, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode):
                what = "a folder" if stat.S_ISDIR(status.st_mode) else "not a regular file"
                return _unreadable(relpath, f"this is {what}; a data file must be a YAML file")
            if status.st_size > limit:
                return Problem(
                    relpath,
                    0,
                    0,
                    "error",
                    "file-too-large",
                    f"the file is {status.st_size:,} bytes; the limit for a {kind} file is {limit:,}",
                )
            raw = handle.read(limit + 1)
    except OSError as exc:
        return _unreadable(relpath, f"cannot read the file: {exc.strerror or exc}")
    return parse_yaml(raw, relpath, max_bytes=limit)


Read = tuple[LoadedDocument | Problem, Any]


def _read_chunk_packed(root: str, relpaths: list[str], opener: Opener | None = None) -> bytes:
    """``_read_chunk``'s results, pickled by the worker for the main thread to unpack.

    The pool would otherwise unpickle them in its own result thread, and glibc gives
    each thread its own heap: every document's text then lived in a heap that the
    matching threads inherit after the pool ends, and matching a 20,000-profile cohort
    took 0.4 s more CPU (more page faults) after a sealed load, whose texts are twice as
    long. Unpacked by the main thread, they live in the main heap. The bytes come from
    this function in our own worker process, as pool results always do.
    """
    return pickle.dumps(_read_chunk(root, relpaths, opener), protocol=pickle.HIGHEST_PROTOCOL)


def _read_chunk(root: str, relpaths: list[str], opener: Opener | None = None) -> list[Read]:
    with gc_paused():
        results = [_read_one(root, rel) for rel in relpaths]
        # Opened in a second pass: decrypting value after value keeps pyrage's code and
        # tables in the cache (4% less CPU than alternating with parsing).
        extras = [
            opener(result) if opener is not None and isinstance(result, LoadedDocument) else None
            for result in results
        ]
    return list(zip(results, extras, strict=True))


def _read_all(root: Path, relpaths: list[str], opener: Opener | None) -> Iterable[Read]:
    workers = min(os.cpu_count() or 1, 8)
    if len(relpaths) < PARALLEL_THRESHOLD or workers < 2:
        return _read_chunk(str(root), relpaths, opener)
    size = max(256, len(relpaths) // (workers * CHUNKS_PER_WORKER))
    chunks = [relpaths[i : i + size] for i in range(0, len(relpaths), size)]
    results: list[Read] = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for packed in pool.map(
            _read_chunk_packed, [str(root)] * len(chunks), chunks, [opener] * len(chunks)
        ):
            results.extend(pickle.loads(packed))
    return results


def load_repository(
    root: Path, relpaths: list[str] | None = None, opener: Opener | None = None
) -> LoadedRepository:
    """Read and parse the data files under ``root`` (all of them unless ``relpaths`` names some).

    With an ``opener``, its result for each document that gives one is kept in ``opened``.
    """
    paths = discover(root) if relpaths is None else sorted(relpaths)
    documents: dict[str, LoadedDocument] = {}
    kinds: dict[str, str] = {}
    problems: list[Problem] = []
    opened: dict[str, Any] = {}
    with gc_paused():  # unpacking the workers' results builds every document again
        read = _read_all(root, paths, opener)
        for relpath, (result, extra) in zip(paths, read, strict=True):
            kinds[relpath] = kind_of(relpath) or ""
            if isinstance(result, Problem):
                problems.append(result)
            else:
                documents[relpath] = result
                if extra is not None:
                    opened[relpath] = extra
    required = {
        CHARTER: "the program charter file is missing",
        SKILLS: "the skill vocabulary is missing, so no skill can be checked or matched",
    }
    for relpath, message in required.items():
        if relpath not in kinds and relpath.replace(".yaml", ".yml") not in kinds:
            problems.append(Problem(relpath, 0, 0, "error", "missing-file", message))
    return LoadedRepository(root, documents, kinds, tuple(problems), opened)
