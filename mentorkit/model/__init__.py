"""The data model: frozen dataclasses built once from the loaded files."""

from __future__ import annotations

from mentorkit.model.build import build_program
from mentorkit.model.program import Program

__all__ = ["Program", "build_program"]
