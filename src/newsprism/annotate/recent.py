"""Results kept for reuse, a bounded number, the least recently used forgotten first."""

from __future__ import annotations

from collections import OrderedDict
from typing import Hashable, Iterable, TypeVar

Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")


class Recent(OrderedDict[Key, Value]):
    """A dict of at most `size` entries once `used` has been called."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def used(self, keys: Iterable[Key]) -> None:
        """Mark `keys` as just used, then forget the oldest entries past the size."""
        for key in keys:
            self.move_to_end(key)
        while len(self) > self.size:
            self.popitem(last=False)
