"""jionlp, imported once and quietly: its import prints a banner to stdout, which staff must not see."""

from __future__ import annotations

import contextlib
import io
from types import ModuleType


def jionlp() -> ModuleType:
    """The jionlp module (slow first import, ~1 s: call only when needed)."""
    with contextlib.redirect_stdout(io.StringIO()):
        import jionlp as module
    return module
