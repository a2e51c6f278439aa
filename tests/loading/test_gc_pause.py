"""The collector pauses: what a long process (tests, ``watch``) relies on afterwards."""

from __future__ import annotations

import gc

from mentorkit.loading.gc_pause import gc_frozen, gc_paused


def test_a_pause_restores_the_collector_even_after_an_error() -> None:
    assert gc.isenabled()
    try:
        with gc_paused():
            assert not gc.isenabled()
            raise RuntimeError
    except RuntimeError:
        pass
    assert gc.isenabled()


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_frozen_objects_are_skipped_then_handed_back() -> None:
    gc.collect()
    with gc_frozen():
        assert gc.get_freeze_count() > 0  # what was alive is out of the collector's way
        made_inside = Cycle()
        del made_inside
        assert gc.collect() >= 1  # garbage made inside is still collected
    assert gc.get_freeze_count() == 0  # nothing stays frozen for good
