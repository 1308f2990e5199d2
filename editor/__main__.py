"""`python -m editor`: the same as the `duiqi` command."""

import multiprocessing
import sys

from editor.cli import main

# A frozen app starts the aligner process by running itself again; this makes that child an aligner.
multiprocessing.freeze_support()
sys.exit(main())
