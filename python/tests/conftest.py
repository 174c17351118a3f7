"""Shared fixtures: generated articles, and the `tidings` binary when built."""

from __future__ import annotations

import os
import pathlib

import pytest

import news

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def articles():
    return [news.article(i) for i in range(12)]


@pytest.fixture(scope="session")
def pages():
    return [news.page(i) for i in range(6)]


@pytest.fixture(scope="session")
def cli():
    """Path of the `tidings` CLI (TIDINGS_BIN, or target/release), or skip."""
    path = pathlib.Path(os.environ.get("TIDINGS_BIN", ROOT / "target/release/tidings"))
    if not path.is_file():
        pytest.skip(f"the tidings CLI is not built at {path} (cargo build --release)")
    return path
