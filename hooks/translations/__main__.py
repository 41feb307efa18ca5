"""`python -m translations`: see cli.py."""

from __future__ import annotations

from translations.cli import main

raise SystemExit(main())
