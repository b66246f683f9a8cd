"""Work done once per set of inputs, not once per language build.

mkdocs-static-i18n builds the site once per language by running MkDocs' whole
`build()` again, so every on_config and on_files runs twice on the same files.
Checks that read the whole site (the registry, every page's citations, unsafe
content, the village pages) keep their result here and do the work again only
when a file they read changed (its path, size or modification time), as in a
`mkdocs serve` rebuild.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")

Fingerprint = tuple[Any, ...]


def fingerprint(paths: Iterable[Path], *extra: Any) -> Fingerprint:
    """Path, size and modification time of each file (a missing file counts too), plus `extra`."""
    stamps: list[tuple[str, int, int]] = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            stamps.append((str(path), -1, -1))
        else:
            stamps.append((str(path), stat.st_size, stat.st_mtime_ns))
    return (tuple(stamps), extra)


class Once(Generic[T]):
    """The last result of `compute`, kept while its inputs' fingerprint is the same."""

    def __init__(self) -> None:
        self.key: Fingerprint | None = None
        self.value: T | None = None
        self.computed = 0

    def get(self, key: Fingerprint, compute: Callable[[], T]) -> T:
        if self.key != key or self.value is None:
            self.value = compute()  # an exception leaves nothing cached
            self.key = key
            self.computed += 1
        return self.value
