"""Fixtures every test module of ``tests/hotline`` shares."""

from __future__ import annotations

import pytest

from hotline.reference import Reference, load_reference


@pytest.fixture(scope="session")
def reference() -> Reference:
    """The reference data of the dbt seeds (loaded once: :func:`load_reference` caches it per folder)."""
    return load_reference()
