"""``python -m hotline.generate N DIR``: see :func:`hotline.generate.cli.main`."""

import sys

from hotline.generate.cli import main

if __name__ == "__main__":  # worker processes import this module again: they must not run it
    sys.exit(main())
