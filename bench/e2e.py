"""`gapflow run` as the console script runs it, with the bench's stage timers in every process.

    python -m bench.e2e run --inbox DIR --db URL

The timers are installed when this module is imported, and a spawned pool worker imports its
parent's main module (this one) before any task: so the workers' stages are timed too.
"""

from __future__ import annotations

import os

from bench import stages

if os.environ.get(stages.ENV):
    # imported as __main__ by the run, as __mp_main__ by each spawned worker: the analysis is timed there
    stages.install(stages.WRITER_MODULES if __name__ == "__main__" else None)


def main() -> None:
    from gapflow.cli import main as gapflow_main

    try:
        gapflow_main()
    finally:
        stages.dump()


if __name__ == "__main__":
    main()
