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


class DatabaseUnavailable(PipelineError):
    """The results database does not answer; the message names where it is and what to check."""

    code = "database"


class RuntimeUnavailable(PipelineError):
    """The Prefect runtime could not be started or reached; the message says what to do."""

    code = "runtime"


class InboxMissing(PipelineError):
    """The inbox folder does not exist (creating one is an explicit choice: --create-inbox)."""

    code = "inbox"
