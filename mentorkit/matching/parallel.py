"""Run independent NumPy-heavy pieces of work on both cores, results in input order.

NumPy releases the GIL inside its loops, so threads overlap on large arrays without
copying data between processes. Results come back in the order of the inputs, so the
output never depends on timing, and only a few finished results wait at once, which
bounds memory when the consumer is slower than the workers.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

THREADS = min(2, os.cpu_count() or 1)


def in_order(work: Callable[[T], R], items: Iterable[T], threads: int | None = None) -> Iterator[R]:
    """``map(work, items)``, spread over ``threads`` threads (default ``THREADS``)."""
    todo = list(items)
    count = THREADS if threads is None else threads
    if count < 2 or len(todo) < 2:
        yield from map(work, todo)
        return
    with ThreadPoolExecutor(count) as pool:
        waiting: deque[Future[R]] = deque()
        for item in todo:
            waiting.append(pool.submit(work, item))
            if len(waiting) > count:
                yield waiting.popleft().result()
        while waiting:
            yield waiting.popleft().result()
