"""The demo as the front ends load it: through the service layer's error rule, so a
storage failure while filling the file is the core's ``StorageError``."""

from __future__ import annotations

import sqlite3

from salestui.core.boundary import storage_failure
from salestui.core.service import Services
from salestui.demo import DemoSummary, generate_demo


def load_demo(services: Services, seed: int = 1, scale: int = 0) -> DemoSummary:
    """``generate_demo`` into the services' database, with their clock."""
    try:
        return generate_demo(services.store, services.clock, seed=seed, scale=scale)
    except sqlite3.Error as error:
        raise storage_failure(error, services) from error
