"""Errors raised by newslineage.

Every error the library raises on purpose derives from one root, so callers (the CLI, the HTTP
API, scripts) can catch one class and show its message, which always names the input and says
what to do::

    NewslineageError
    ├── InputError                 an input text or file cannot be used
    │   ├── InputNotFoundError     the path does not exist
    │   ├── EmptyInputError        empty or whitespace-only text
    │   ├── BinaryInputError       the bytes are not text (image, PDF, archive...)
    │   ├── EncodingError          no text encoding could be determined
    │   └── InputTooLargeError     over the configured size limit
    ├── RecordError                one record of a multi-record file is bad (JSON line, WARC record)
    ├── StoreError                 the index file cannot be used
    │   ├── CorruptStoreError      the file is damaged or is not an index
    │   └── IncompatibleStoreError built with other parameters or an older schema
    ├── ConfigError                a setting is unknown or has a bad value
    └── MissingDependencyError     an optional extra is not installed (says the pip command)
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "ConfigError",
    "CorruptStoreError",
    "EmptyInputError",
    "EncodingError",
    "IncompatibleStoreError",
    "InputError",
    "InputNotFoundError",
    "InputTooLargeError",
    "MissingDependencyError",
    "NewslineageError",
    "RecordError",
    "StoreError",
]


class NewslineageError(Exception):
    """Root of every error newslineage raises on purpose.

    Args:
        message: One line saying what was wrong with which input and what to do.
    """

    exit_code: int = 1
    http_status: int = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(NewslineageError):
    """An input text or file cannot be used."""

    exit_code = 2
    http_status = 422


class InputNotFoundError(InputError):
    """The given path does not exist."""

    http_status = 404


class EmptyInputError(InputError):
    """The input holds no text (empty or whitespace only)."""


class BinaryInputError(InputError):
    """The input bytes are not text."""


class EncodingError(InputError):
    """No text encoding could be determined for the input."""


class InputTooLargeError(InputError):
    """The input is larger than the configured limit."""

    http_status = 413


class RecordError(NewslineageError):
    """One record inside a multi-record input (JSON line, CSV row, WARC record) is bad.

    Args:
        source: The file or stream name.
        location: Line or record number, 1-based, as a human reads it.
        reason: What is wrong.
    """

    exit_code = 2
    http_status = 422

    def __init__(self, source: str, location: int | str, reason: str) -> None:
        self.source = source
        self.location = location
        self.reason = reason
        super().__init__(f"{source}:{location}: {reason}")


class StoreError(NewslineageError):
    """The index (store) cannot be used."""

    exit_code = 3
    http_status = 500


class CorruptStoreError(StoreError):
    """The index file is damaged or is not a newslineage index."""


class IncompatibleStoreError(StoreError):
    """The index was built with other parameters or an older schema."""

    http_status = 409


class ConfigError(NewslineageError):
    """A setting is unknown or has a bad value."""

    exit_code = 2


class MissingDependencyError(NewslineageError):
    """An optional part is not installed.

    Args:
        feature: What the user tried to use, e.g. "WARC reading".
        extra: The pip extra that installs it, e.g. "readers".
    """

    exit_code = 4
    http_status = 501

    def __init__(self, feature: str, extra: str) -> None:
        self.feature = feature
        self.extra = extra
        super().__init__(
            f"{feature} needs an optional dependency: run  pip install 'newslineage[{extra}]'"
        )
