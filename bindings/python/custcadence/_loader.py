"""Finding and loading the shared library ``libcustcadence``.

Order of the search (the first library that loads and has the right major
version wins):

1. ``CUSTCADENCE_LIB``: a path to the library. When set, it is the only
   candidate: an explicit override that fails is an error, not a hint.
2. The soname ``libcustcadence.so.1`` through the dynamic loader (and the name
   ``ctypes.util.find_library("custcadence")`` reports).
3. A developer's build tree: walking up from this package, every
   ``build*/lib/libcustcadence.so*`` (``build/`` first, then the most
   recently built). Sanitizer builds are skipped: they cannot be loaded into
   an uninstrumented interpreter.

If nothing works, one :class:`ImportError` lists every candidate and why it
was refused.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
from pathlib import Path
from typing import List, Optional, Tuple

#: The major version this binding is written for (``ccad_version_number() // 10000``).
BINDING_MAJOR = 1
#: The library's soname for that major version.
SONAME = "libcustcadence.so.%d" % BINDING_MAJOR
#: Environment variable naming the library path explicitly.
ENV_VAR = "CUSTCADENCE_LIB"


def _build_tree_candidates() -> List[Path]:
    """Libraries in ``build*/lib`` of every directory above this package."""
    found: List[Path] = []
    seen = set()
    here = Path(__file__).resolve().parent
    for up in [here, *here.parents]:
        builds = sorted(up.glob("build*/lib"), key=lambda p: (p.parent.name != "build",
                                                             -_mtime(p)))
        for libdir in builds:
            for name in (SONAME, "libcustcadence.so"):
                p = libdir / name
                if p.exists() and p.resolve() not in seen:
                    seen.add(p.resolve())
                    found.append(p)
                    break
    return found


def _mtime(p: Path) -> float:
    try:
        return p.stat().st_mtime
    except OSError:
        return 0.0


def _is_sanitized(path: Path) -> bool:
    try:
        data = path.read_bytes()
    except OSError:
        return False
    return b"__asan_init" in data or b"libasan.so" in data


def _try(path: str, tried: List[str]) -> Optional[ctypes.CDLL]:
    try:
        lib = ctypes.CDLL(path)
    except OSError as e:
        tried.append("%s: %s" % (path, e))
        return None
    try:
        fn = lib.ccad_version_number
    except AttributeError:
        tried.append("%s: not libcustcadence (no ccad_version_number)" % path)
        return None
    fn.argtypes = []
    fn.restype = ctypes.c_int
    number = fn()
    if number // 10000 != BINDING_MAJOR:
        tried.append("%s: version %d.%d.%d, but this binding needs major version %d"
                     % (path, number // 10000, number // 100 % 100, number % 100,
                        BINDING_MAJOR))
        return None
    return lib


def load() -> Tuple[ctypes.CDLL, str]:
    """Loads the library; returns it and the name or path it was loaded by.

    :raises ImportError: nothing suitable was found; the message lists every
        candidate tried and why it failed.
    """
    tried: List[str] = []
    override = os.environ.get(ENV_VAR)
    if override:
        lib = _try(override, tried)
        if lib is not None:
            return lib, override
        raise ImportError("custcadence: cannot load the library named by %s:\n  %s"
                          % (ENV_VAR, "\n  ".join(tried)))
    names = [SONAME]
    found = ctypes.util.find_library("custcadence")
    if found and found not in names:
        names.append(found)
    for name in names:
        lib = _try(name, tried)
        if lib is not None:
            return lib, name
    candidates = _build_tree_candidates()
    for path in candidates:
        if _is_sanitized(path):
            tried.append("%s: skipped, a sanitizer build" % path)
            continue
        lib = _try(str(path), tried)
        if lib is not None:
            return lib, str(path)
    if not candidates:
        tried.append("build tree: no build*/lib/libcustcadence.so* above %s"
                     % Path(__file__).resolve().parent)
    raise ImportError(
        "custcadence: cannot find libcustcadence (major version %d). Tried:\n  %s\n"
        "Set %s to the library's path, install the library, or build it with "
        "'cmake -B build -S . && cmake --build build'."
        % (BINDING_MAJOR, "\n  ".join(tried), ENV_VAR))
