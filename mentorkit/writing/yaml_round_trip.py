"""The YAML mentorkit writes into files people also edit by hand: one set of ruamel.yaml
round-trip settings for every command, so each edit looks the same and touches only its keys.

Comments, key order and quoting survive; mappings indent by 2, sequences by 4 with the
dash at 2 (as ``match --write`` writes them); no line is wrapped, so a long reason stays
one line. Pure: text in, text out (files are written by ``mentorkit.writing.files``), so
any layer that prepares an edit may use it.
"""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML


def round_trip_yaml() -> YAML:
    """A fresh round-trip YAML (its state is per load and dump, so one per edit)."""
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    yaml.preserve_quotes = True
    return yaml


def dump_text(doc: Any, yaml: YAML | None = None) -> str:
    """``doc`` as round-trip YAML text."""
    out = io.StringIO()
    (yaml or round_trip_yaml()).dump(doc, out)
    return out.getvalue()
