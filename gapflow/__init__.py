"""gapflow: reads complaint letters and work reports, flags the gaps, watches the deadlines.

This package is the top floor: the command line. The pure pipeline lives in `pipeline/`, settings and
the runtime set-up in `config/`.
"""

__version__ = "0.1.0"
