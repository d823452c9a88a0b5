"""Named errors at the boundaries. Messages are for staff, so they are in Chinese and name the file."""

from __future__ import annotations


class PipelineError(Exception):
    """Base of every error gapflow raises on purpose."""

    code = "error"


class LoadError(PipelineError):
    """A file could not be read into text. `code` is the export's `error.code`."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class ExtractionError(PipelineError):
    code = "extraction"


class RuleError(PipelineError):
    """A rule file is malformed: the message names the file, the rule id and the allowed values."""

    code = "rule"
