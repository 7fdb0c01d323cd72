"""Policy Reader: read policy documents, see their structure, annotate and share."""

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("policy-reader")
except _metadata.PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.1.0"
