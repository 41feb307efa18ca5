"""Benchmarks of the site's cost as it grows: `make bench` (python -m bench) writes RESULTS.md.

They measure and report; they never fail on a slow machine (the quality gates in tests/gates/
are what fail).
"""

import sys
from pathlib import Path

# The core imports as `checks`, as in the hooks and the tests: hooks/ on the path, as MkDocs puts
# it when it loads a hook.
_HOOKS = str(Path(__file__).resolve().parents[1] / "hooks")
if _HOOKS not in sys.path:
    sys.path.insert(0, _HOOKS)
