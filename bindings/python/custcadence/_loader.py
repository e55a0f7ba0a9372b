"""Finding and loading the shared library ``libcustcadence``.

Order of the search (the first library that loads and has the right major
version wins):

1. ``CUSTCADENCE_LIB``: a path to the library. When set, it is the only
   candidate: an explicit override that fails is an error, not a hint.
2. This package's own directory: ``libcustcadence.so.1`` next to this file,
   where a wheel built by ``pip`` puts it (see ``_backend/`` and
   docs/python.md, "Install").
3. An installed library: the soname ``libcustcadence.so.1`` through the
   dynamic loader (and the name ``ctypes.util.find_library("custcadence")``
   reports).
4. Only when running from a source checkout (this package is
   ``bindings/python/custcadence`` of the repository): the checkout's build
   trees, ``build*/lib/libcustcadence.so*`` (``build/`` first, then the most
   recently built; e.g. ``build/main/lib``, ``build/release/lib`` too).
   Sanitizer builds are skipped: they cannot be loaded into an
   uninstrumented interpreter.

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


def source_checkout() -> Optional[Path]:
    """The repository root when this package runs from a source checkout, else None."""
    here = Path(__file__).resolve().parent
    root = here.parents[2] if len(here.parents) > 2 else None
    if (root is not None and here.parent.name == "python" and here.parent.parent.name == "bindings"
            and (root / "CMakeLists.txt").exists() and (root / "include" / "custcadence.h").exists()):
        return root
    return None


def _build_tree_candidates(root: Path) -> List[Path]:
    """Libraries in the checkout's build trees: ``build*/lib`` and ``build*/*/lib``."""
    found: List[Path] = []
    seen = set()
    libdirs = [p for p in list(root.glob("build*/lib")) + list(root.glob("build*/*/lib"))
               if p.is_dir()]
    libdirs.sort(key=lambda p: (p != root / "build" / "lib", -_mtime(p)))
    for libdir in libdirs:
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
    bundled = Path(__file__).resolve().parent / SONAME
    if bundled.exists():
        lib = _try(str(bundled), tried)
        if lib is not None:
            return lib, str(bundled)
    else:
        tried.append("%s: not there (a wheel built by pip puts it there)" % bundled)
    names = [SONAME]
    found = ctypes.util.find_library("custcadence")
    if found and found not in names:
        names.append(found)
    for name in names:
        lib = _try(name, tried)
        if lib is not None:
            return lib, name
    root = source_checkout()
    if root is not None:
        candidates = _build_tree_candidates(root)
        for path in candidates:
            if _is_sanitized(path):
                tried.append("%s: skipped, a sanitizer build" % path)
                continue
            lib = _try(str(path), tried)
            if lib is not None:
                return lib, str(path)
        if not candidates:
            tried.append("source checkout %s: no build*/lib/libcustcadence.so*" % root)
        hint = "build it with 'cmake -B build -S %s && cmake --build build'" % root
    else:
        hint = "reinstall the package from a wheel that bundles it ('pip install bindings/python')"
    raise ImportError(
        "custcadence: cannot find libcustcadence (major version %d). Tried:\n  %s\n"
        "Set %s to the library's path, install the library, or %s."
        % (BINDING_MAJOR, "\n  ".join(tried), ENV_VAR, hint))
