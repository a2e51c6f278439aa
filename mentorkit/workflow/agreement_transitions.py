"""A pull request may move an agreement's status only along its lifecycle.

The steps are ``mentorkit.lifecycle.agreements.TRANSITIONS``: forward only, and
``completed`` and ``rematched`` are final. Reviving a final agreement would rewrite
history the metrics read (a rematched pair's goals already count on its successor), so a
pull request that does so shows an error in its review, at the ``status`` line of the
agreement file; a new relationship gets a new agreement.

Code: ``agreement-transition``. Passing: ``status: draft`` on the base, ``status: active``
on the head. Failing: ``status: completed`` on the base, ``status: active`` on the head
(agreement-transition: an agreement cannot go from completed to active; ...).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from mentorkit.checks.base import problem_at
from mentorkit.lifecycle.agreements import transition_problem
from mentorkit.model.changes import Change
from mentorkit.model.paths import kind_of
from mentorkit.model.program import Program
from mentorkit.problems import Problem

CODE = "agreement-transition"


def transition_problems(
    changes: Iterable[Change], base: Program, head: Program
) -> Iterator[Problem]:
    """One problem per changed agreement whose status takes a step the lifecycle has not."""
    before = {a.source: a for a in base.agreements}
    after = {a.source: a for a in head.agreements}
    for change in changes:
        if change.status == "deleted" or kind_of(change.path) != "agreement":
            continue
        old, new = before.get(change.old_path or change.path), after.get(change.path)
        if old is None or new is None:
            continue
        why = transition_problem(old.status, new.status)
        if why is not None:
            yield problem_at(
                head,
                change.path,
                ("status",),
                CODE,
                f"{why}; a new relationship gets a new agreement (mentorkit new agreement)",
            )
