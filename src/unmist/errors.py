"""Every error unmist raises on purpose, with its message built in one place."""

from __future__ import annotations


class UnmistError(Exception):
    """Base class: a configuration or programmer error, shown to the user as one line."""


class KnowledgeError(UnmistError):
    """A knowledge file (groups, lexicons, places) has a malformed row."""


class IngestError(UnmistError):
    """One input file could not be read as a report; the run goes on with the others."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self):  # rebuilt from both arguments when it crosses from a worker process
        return (type(self), (self.source, self.reason))


class ModelNotFound(UnmistError):
    """No English spaCy pipeline is installed."""


class LedgerBusy(UnmistError):
    """Another process holds the ledger."""
