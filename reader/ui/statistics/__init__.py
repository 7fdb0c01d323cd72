"""The Tag Statistics window: tag figures, a co-occurrence heat map, tags by section."""
