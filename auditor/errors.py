"""Errors that end a file's (or the run's) processing with a one-line message."""


class AuditorError(Exception):
    """Something the user must fix; printed as `path: reason`, never as a traceback."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class InputError(AuditorError):
    """A report that cannot be read as text."""


class RulesError(AuditorError):
    """A rule or vocabulary file that cannot be used."""


class ConfigError(AuditorError):
    """A configuration or baseline file that cannot be used."""


class ClusterError(AuditorError):
    """A Dask cluster that cannot be started, reached or used (`--dask`)."""
