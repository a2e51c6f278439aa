from __future__ import annotations

from mentorkit.cli.main import main

main()
