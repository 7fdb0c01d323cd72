"""The side panes: library, annotations, tags (with excerpts) and library search."""
