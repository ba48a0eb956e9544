"""`python -m sq_layout …` — see sq_layout.cli."""

import sys

from sq_layout.cli import main

sys.exit(main())
