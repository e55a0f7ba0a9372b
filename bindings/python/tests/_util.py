"""Shared helpers for the binding's tests."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import custcadence

HERE = Path(__file__).resolve().parent
BINDING = HERE.parent
REPO = BINDING.parent.parent
VECTORS = REPO / "tests" / "vectors"


def library_path() -> Path:
    return Path(custcadence.LIBRARY_PATH).resolve() if os.path.sep in custcadence.LIBRARY_PATH \
        else Path(custcadence.LIBRARY_PATH)


def build_dir() -> Optional[Path]:
    """The build tree the loaded library comes from (build*/lib/libcustcadence.so*)."""
    p = Path(custcadence.LIBRARY_PATH)
    if not p.is_absolute():
        p = (Path.cwd() / p)
    if p.exists() and p.parent.name == "lib":
        return p.parent.parent
    for cand in sorted(REPO.glob("build*/lib/libcustcadence.so.1")):
        return cand.parent.parent
    return None


def abi_layout_program() -> Optional[Path]:
    """build*/tests/abi-layout next to the loaded library, if built."""
    b = build_dir()
    if b is not None and (b / "tests" / "abi-layout").exists():
        return b / "tests" / "abi-layout"
    for cand in sorted(REPO.glob("build*/tests/abi-layout")):
        return cand
    return None
