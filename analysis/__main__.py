"""``python -m analysis``: same commands as the ``briefing`` console script."""

import sys

from .cli import main

sys.exit(main())
