"""The review's golden files are made from the ``mentorkit init`` program repository."""

from __future__ import annotations

from tests.workflow.conftest import committed_program, program_repo

__all__ = ["committed_program", "program_repo"]
