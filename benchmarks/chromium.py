"""The headless Chromium the browser tests and the HTML benchmark launch, and how.

Chromium comes from the system's packages (Debian's `chromium`); `CAREERGRAPH_CHROMIUM` names
another binary.
"""

from __future__ import annotations

import os
from pathlib import Path

CHROMIUM = Path(os.environ.get("CAREERGRAPH_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
