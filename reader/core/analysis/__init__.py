"""Analysis of a team's coding: tag statistics and intercoder agreement."""
