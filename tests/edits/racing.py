"""Two editors saving at the same moment: each save runs in its own thread, released together by a barrier."""

from __future__ import annotations

import threading
from collections.abc import Callable

from sq_layout.errors import EditConflict


def race(saves: dict[str, Callable[[], object]]) -> tuple[list[str], list[EditConflict]]:
    """Run the saves at once; (who saved, the conflicts the others got)."""
    gate = threading.Barrier(len(saves))
    outcome: dict[str, object] = {}

    def editor(name: str) -> None:
        gate.wait()
        try:
            saves[name]()
            outcome[name] = "saved"
        except EditConflict as exc:
            outcome[name] = exc

    threads = [threading.Thread(target=editor, args=(name,)) for name in saves]
    for th in threads:
        th.start()
    for th in threads:
        th.join(60)
    return [n for n, o in outcome.items() if o == "saved"], [o for o in outcome.values() if isinstance(o, EditConflict)]
