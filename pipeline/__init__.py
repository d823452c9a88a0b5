"""The pure pipeline: parsed document + rules + today -> fields, flags, deadlines. No I/O."""

# Bumped whenever extraction or checking changes what it produces: stored results record it,
# and `reprocess` re-runs documents whose results came from an older version.
EXTRACTOR_VERSION = "2026.12.30"
