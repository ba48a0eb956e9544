"""The panel warm-up starts when the page run that loaded the version ends (an event), never after a fixed delay."""

from __future__ import annotations

import threading

from sq_layout.plan.dataset import Dataset
from ui.shared import _warm_after_run


def test_the_warm_up_waits_for_the_run_and_starts_when_it_ends(ds: Dataset) -> None:
    release = threading.Event()
    run = threading.Thread(target=release.wait, name="page-run")
    run.start()
    warmed: list[Dataset] = []
    warm = threading.Thread(target=_warm_after_run, args=(run, ds, warmed.append))
    warm.start()
    assert warm.is_alive() and warmed == []  # the run is held open, so the warm-up cannot have started
    release.set()
    warm.join(timeout=60)
    assert not warm.is_alive() and warmed == [ds]
