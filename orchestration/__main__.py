"""``python -m orchestration run``: the same as ``hotline run`` (kept for scripts and the evaluation, which
call it by that name). Every other command is ``hotline``'s too."""

import sys

from hotline.cli import main

if __name__ == "__main__":
    sys.exit(main())
