"""Policy Reader: read policy documents, see their structure, annotate and share."""

# The one place the version lives besides pyproject.toml (a test keeps the two equal).
# A constant rather than importlib.metadata: the frozen binary has no dist-info, and
# reading metadata cost ~34 ms of start-up.
__version__ = "0.1.0"
