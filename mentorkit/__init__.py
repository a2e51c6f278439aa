"""mentorkit: run a peer-mentoring program as code."""

from __future__ import annotations

# The one place the version is written: pyproject.toml reads it from here
# ([tool.setuptools.dynamic]), and the CLI, match files and `init` import it.
__version__ = "0.1.0"
