"""The ``lib`` fixture of the regression tests of issue 18 (defined in badinput_helpers)."""

from badinput_helpers import lib

__all__ = ["lib"]
