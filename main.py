"""Policy Reader: ``python main.py`` starts the app; ``python main.py SUBCOMMAND`` the CLI."""

import sys

from reader.entry import main

if __name__ == "__main__":
    sys.exit(main())
