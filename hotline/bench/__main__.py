"""``python -m hotline.bench``: see :mod:`hotline.bench`."""

import sys

from hotline.bench import main

if __name__ == "__main__":  # worker processes import this module again: they must not run it
    sys.exit(main())
