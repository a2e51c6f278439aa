"""The review's golden files are made from the ``mentorkit init`` program repository."""

from __future__ import annotations

from tests.workflow.conftest import program_repo

__all__ = ["program_repo"]
