"""gapflow: reads complaint letters and work reports, flags the gaps, watches the deadlines."""

__version__ = "0.1.0"
# Bumped whenever extraction or checking changes what it produces: stored results record it,
# and `reprocess` re-runs documents whose results came from an older version.
EXTRACTOR_VERSION = "2026.11.1"
