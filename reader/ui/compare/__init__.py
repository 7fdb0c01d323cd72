"""The compare window: two documents side by side, aligned section by section."""
