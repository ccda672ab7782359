"""One renderer per format. Each takes a Report and returns the text to write."""

from __future__ import annotations

FORMATS = ("table", "json", "csv", "markdown")
