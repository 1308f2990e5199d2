"""`python -m editor`: the same as the `duiqi` command."""

import sys

from editor.cli import main

sys.exit(main())
