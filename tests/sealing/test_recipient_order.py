"""Values are sealed to the coordinators first, in the order program.yaml lists them.

age tries a value's keys in order, so a reader whose key comes later pays a key
agreement for each key before it, on every value; the handbook tells programs to list
the key CI holds first, which only helps if sealing keeps that order.
"""

from __future__ import annotations

from mentorkit.loading.repository import load_repository
from mentorkit.model.build import build_program
from mentorkit.sealing.keys import generate
from mentorkit.sealing.service import recipient_keys
from tests.sealing.conftest import SealedRepo


def test_coordinators_first_in_listed_order_then_the_people_concerned(
    sealed_repo: SealedRepo,
) -> None:
    second = sealed_repo.add_coordinator_key("max")
    eve, ann = generate(), generate()
    for pid, key in (("eve", eve), ("ann", ann)):
        path = sealed_repo.root / f"participants/{pid}.yaml"
        path.write_text(path.read_text(encoding="utf-8") + f"keys: [{key.public}]\n", "utf-8")
    program = build_program(load_repository(sealed_repo.root))
    coordinators = [sealed_repo.coordinator.public, second.public]

    eve_data = {"id": "eve", "keys": [eve.public]}
    assert recipient_keys(program, "participant", eve_data) == [*coordinators, eve.public]
    agreement = {"mentor": "ann", "mentee": "eve"}
    assert recipient_keys(program, "agreement", agreement) == [
        *coordinators,
        ann.public,
        eve.public,
    ]
