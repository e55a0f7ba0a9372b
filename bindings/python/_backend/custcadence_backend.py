"""In-tree PEP 517 build backend of the custcadence Python package.

Standard library only, so that ``pip install bindings/python`` works offline
in a fresh virtual environment (no ``wheel``, no ``setuptools`` needed, no
index): ``pyproject.toml`` says ``requires = []``.

``build_wheel`` compiles the C library with CMake (Release, no tests, no
examples) in a temporary directory and puts ``libcustcadence.so.1`` into the
``custcadence`` package directory of the wheel, where ``custcadence._loader``
looks first. The wheel is tagged ``py3-none-<platform>`` (the package is
pure Python apart from that library, which does not depend on the Python
version).

The C sources are found at ``csrc/`` next to ``pyproject.toml`` (in an sdist
made by ``build_sdist``) or else two directories up (the source tree:
``bindings/python`` in the repository).

Environment: ``CMAKE`` names the cmake program (default: ``cmake`` on PATH);
``CUSTCADENCE_BUILD_JOBS`` the number of parallel compile jobs;
``CUSTCADENCE_BUILD_CACHE`` a directory where a compiled library is kept
under a digest of everything that goes into it (the C sources, the cmake
program, CC and CFLAGS), so that wheels built from the same sources, for
any Python version, compile it once (the project's test command sets it for
the install tests of its six interpreters; concurrent builds take turns on
a lock).
"""
from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

HERE = Path(__file__).resolve().parent.parent        # bindings/python (or the sdist root)
PACKAGE = "custcadence"
SONAME = "libcustcadence.so.1"
#: What an sdist needs of the C project to configure and build the library.
C_FILES = ["CMakeLists.txt", "LICENSE", "lib", "include", "docs/CMakeLists.txt",
           "docs/Doxyfile.in"]


# ---------------------------------------------------------------- metadata

def _parse_project_table(text: str) -> Dict[str, Any]:
    """The ``[project]`` table of pyproject.toml.

    tomllib where there is one (3.11+); otherwise a reader of the subset this
    file uses: strings, arrays of strings (over several lines too) and inline
    tables of strings.
    """
    try:
        import tomllib  # type: ignore[import-not-found]
    except ImportError:
        return _mini_toml_project(text)
    return dict(tomllib.loads(text).get("project", {}))


_STRING = r'"((?:[^"\\]|\\.)*)"'


def _unquote(s: str) -> str:
    return s.encode("latin-1", "backslashreplace").decode("unicode_escape")


def _mini_value(raw: str) -> Any:
    raw = raw.strip()
    if raw.startswith('"'):
        m = re.fullmatch(_STRING, raw)
        if not m:
            raise ValueError("pyproject.toml: cannot read the value %r" % raw)
        return _unquote(m.group(1))
    if raw.startswith("["):
        return [_unquote(s) for s in re.findall(_STRING, raw)]
    if raw.startswith("{"):
        return {k: _unquote(v) for k, v in re.findall(r'([A-Za-z0-9_-]+)\s*=\s*' + _STRING, raw)}
    raise ValueError("pyproject.toml: cannot read the value %r" % raw)


def _mini_toml_project(text: str) -> Dict[str, Any]:
    out: Dict[str, Any] = {}
    table = None
    lines = iter(text.splitlines())
    for line in lines:
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        if s.startswith("["):
            table = s.strip("[]").strip()
            continue
        if table != "project":
            continue
        key, _, raw = s.partition("=")
        raw = raw.strip()
        if raw.startswith("[") and "]" not in raw:
            while "]" not in raw:
                raw += " " + next(lines).split("#")[0].strip()
        out[key.strip()] = _mini_value(raw)
    return out


def _project() -> Dict[str, Any]:
    return _parse_project_table((HERE / "pyproject.toml").read_text(encoding="utf-8"))


def _name_version() -> Tuple[str, str]:
    p = _project()
    return p["name"], p["version"]


def _metadata() -> str:
    p = _project()
    lines = ["Metadata-Version: 2.1", "Name: %s" % p["name"], "Version: %s" % p["version"]]
    if "description" in p:
        lines.append("Summary: %s" % p["description"])
    if "requires-python" in p:
        lines.append("Requires-Python: %s" % p["requires-python"])
    lic = p.get("license")
    if isinstance(lic, dict) and "text" in lic:
        lines.append("License: %s" % lic["text"])
    for c in p.get("classifiers", []):
        lines.append("Classifier: %s" % c)
    for d in p.get("dependencies", []):
        lines.append("Requires-Dist: %s" % d)
    body = ""
    readme = p.get("readme")
    if isinstance(readme, str) and (HERE / readme).exists():
        lines.append("Description-Content-Type: text/markdown")
        body = (HERE / readme).read_text(encoding="utf-8")
    return "\n".join(lines) + "\n\n" + body


def _dist_info(name: str, version: str) -> str:
    return "%s-%s.dist-info" % (re.sub(r"[-_.]+", "_", name), version)


def _tag() -> str:
    plat = re.sub(r"[-.]", "_", sysconfig.get_platform())
    return "py3-none-%s" % plat


def _wheel_file(tag: str) -> str:
    return ("Wheel-Version: 1.0\nGenerator: custcadence_backend\n"
            "Root-Is-Purelib: false\nTag: %s\n" % tag)


# ---------------------------------------------------------------- the C library

def _c_source() -> Path:
    for cand in (HERE / "csrc", HERE.parent.parent):
        if (cand / "CMakeLists.txt").exists() and (cand / "include" / "custcadence.h").exists():
            return cand
    raise RuntimeError(
        "custcadence: the C sources of libcustcadence are not here: neither %s nor %s has "
        "CMakeLists.txt and include/custcadence.h. Build the wheel from the source tree "
        "(bindings/python of the repository) or from an sdist made by this backend."
        % (HERE / "csrc", HERE.parent.parent))


def _run(cmd: List[str]) -> None:
    print("custcadence_backend: " + " ".join(cmd), file=sys.stderr, flush=True)
    r = subprocess.run(cmd, stdout=sys.stderr, stderr=subprocess.STDOUT)
    if r.returncode != 0:
        raise RuntimeError("custcadence: command failed with status %d: %s"
                           % (r.returncode, " ".join(cmd)))


def _build_library(build_dir: Path) -> Path:
    cmake = os.environ.get("CMAKE") or shutil.which("cmake")
    if not cmake:
        raise RuntimeError("custcadence: building the wheel compiles libcustcadence and needs "
                           "CMake (3.25+) and a C99 compiler; cmake is not on PATH (or set CMAKE)")
    jobs = os.environ.get("CUSTCADENCE_BUILD_JOBS") or str(os.cpu_count() or 1)
    _run([cmake, "-S", str(_c_source()), "-B", str(build_dir), "-DCMAKE_BUILD_TYPE=Release",
          "-DCCAD_BUILD_TESTS=OFF", "-DCCAD_BUILD_EXAMPLES=OFF", "-DCCAD_WERROR=OFF"])
    _run([cmake, "--build", str(build_dir), "--target", "custcadence", "--parallel", jobs])
    lib = build_dir / "lib" / SONAME
    if not lib.exists():
        raise RuntimeError("custcadence: the build did not produce %s" % lib)
    return lib.resolve()


#: What the library is built from, relative to the C source root (_c_source).
_LIBRARY_INPUTS = ("CMakeLists.txt", "cmake", "include", "lib")
#: The environment a compile depends on besides the sources.
_BUILD_ENVIRONMENT = ("CMAKE", "CC", "CFLAGS", "LDFLAGS")


def _sources_digest(root: Path) -> str:
    """SHA-256 over the library's inputs under root (each file's path and
    bytes, in path order), the cmake program and the compile environment."""
    h = hashlib.sha256()
    for top in _LIBRARY_INPUTS:
        base = root / top
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for f in files:
            if "__pycache__" in f.parts:
                continue
            h.update(f.relative_to(root).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(f.read_bytes()).digest())
    for name in _BUILD_ENVIRONMENT:
        h.update(("%s=%s\0" % (name, os.environ.get(name, ""))).encode())
    h.update(str(shutil.which(os.environ.get("CMAKE") or "cmake")).encode())
    return h.hexdigest()[:32]


def _library(tmp: Path) -> Path:
    """The library for a wheel: compiled in tmp, or taken from
    CUSTCADENCE_BUILD_CACHE when a build of the same inputs is there (the
    first build of those inputs puts it there, under an exclusive lock)."""
    cache = os.environ.get("CUSTCADENCE_BUILD_CACHE")
    try:
        import fcntl
    except ImportError:  # no POSIX locks: every build compiles
        cache = None
    if not cache:
        return _build_library(tmp / "build")
    slot = Path(cache) / _sources_digest(_c_source())
    slot.mkdir(parents=True, exist_ok=True)
    with open(slot / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        kept = slot / SONAME
        if not kept.exists():
            built = _build_library(tmp / "build")
            shutil.copy2(built, slot / (SONAME + ".part"))
            os.replace(slot / (SONAME + ".part"), kept)
        else:
            print("custcadence_backend: %s from the build cache" % kept, file=sys.stderr,
                  flush=True)
    return kept


# ---------------------------------------------------------------- wheel writing

def _package_files() -> List[Tuple[str, Path]]:
    """(archive name, file) of the Python package, without caches and libraries."""
    out = []
    root = HERE / PACKAGE
    for p in sorted(root.rglob("*")):
        if not p.is_file() or "__pycache__" in p.parts or p.suffix in (".pyc", ".pyo"):
            continue
        if p.name.startswith("libcustcadence.so"):
            continue
        out.append((p.relative_to(HERE).as_posix(), p))
    return out


class _WheelWriter:
    def __init__(self, path: Path) -> None:
        self.zf = zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED)
        self.record: List[str] = []

    def add(self, arcname: str, data: bytes, mode: int = 0o644) -> None:
        info = zipfile.ZipInfo(arcname, date_time=_zip_time())
        info.external_attr = (0o100000 | mode) << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        self.zf.writestr(info, data)
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        self.record.append("%s,sha256=%s,%d" % (arcname, digest, len(data)))

    def close(self, dist_info: str) -> None:
        rec = dist_info + "/RECORD"
        self.record.append(rec + ",,")
        info = zipfile.ZipInfo(rec, date_time=_zip_time())
        info.external_attr = 0o100644 << 16
        self.zf.writestr(info, "\n".join(self.record) + "\n", compress_type=zipfile.ZIP_DEFLATED)
        self.zf.close()


def _zip_time() -> Tuple[int, int, int, int, int, int]:
    t = int(os.environ.get("SOURCE_DATE_EPOCH", "0")) or int(time.time())
    return time.gmtime(max(t, 315532800))[:6]


def _write_dist_info(w: _WheelWriter, dist_info: str, tag: str) -> None:
    w.add(dist_info + "/METADATA", _metadata().encode("utf-8"))
    w.add(dist_info + "/WHEEL", _wheel_file(tag).encode())
    lic = _c_source_or_none()
    if lic is not None and (lic / "LICENSE").exists():
        w.add(dist_info + "/LICENSE", (lic / "LICENSE").read_bytes())


def _c_source_or_none() -> Optional[Path]:
    try:
        return _c_source()
    except RuntimeError:
        return None


# ---------------------------------------------------------------- PEP 517 hooks

def get_requires_for_build_wheel(config_settings: Optional[dict] = None) -> List[str]:
    return []


def get_requires_for_build_sdist(config_settings: Optional[dict] = None) -> List[str]:
    return []


def get_requires_for_build_editable(config_settings: Optional[dict] = None) -> List[str]:
    return []


def prepare_metadata_for_build_wheel(metadata_directory: str,
                                     config_settings: Optional[dict] = None) -> str:
    name, version = _name_version()
    dist_info = _dist_info(name, version)
    d = Path(metadata_directory) / dist_info
    d.mkdir(parents=True, exist_ok=True)
    (d / "METADATA").write_text(_metadata(), encoding="utf-8")
    (d / "WHEEL").write_text(_wheel_file(_tag()), encoding="utf-8")
    return dist_info


prepare_metadata_for_build_editable = prepare_metadata_for_build_wheel


def build_wheel(wheel_directory: str, config_settings: Optional[dict] = None,
                metadata_directory: Optional[str] = None) -> str:
    name, version = _name_version()
    dist_info = _dist_info(name, version)
    tag = _tag()
    filename = "%s-%s-%s.whl" % (re.sub(r"[-_.]+", "_", name), version, tag)
    with tempfile.TemporaryDirectory(prefix="custcadence-build-") as tmp:
        lib = _library(Path(tmp))
        out = Path(wheel_directory) / filename
        w = _WheelWriter(out)
        for arcname, path in _package_files():
            w.add(arcname, path.read_bytes())
        w.add("%s/%s" % (PACKAGE, SONAME), lib.read_bytes(), mode=0o755)
        _write_dist_info(w, dist_info, tag)
        w.close(dist_info)
    return filename


def build_editable(wheel_directory: str, config_settings: Optional[dict] = None,
                   metadata_directory: Optional[str] = None) -> str:
    """An editable install: a .pth file naming this directory; no library is
    built (the loader finds the source tree's build*/lib, or CUSTCADENCE_LIB)."""
    name, version = _name_version()
    dist_info = _dist_info(name, version)
    tag = _tag()
    filename = "%s-%s-%s.whl" % (re.sub(r"[-_.]+", "_", name), version, tag)
    w = _WheelWriter(Path(wheel_directory) / filename)
    w.add("_custcadence_editable.pth", (str(HERE) + "\n").encode())
    _write_dist_info(w, dist_info, tag)
    w.close(dist_info)
    return filename


def build_sdist(sdist_directory: str, config_settings: Optional[dict] = None) -> str:
    """The Python package, this backend and the C sources (under csrc/)."""
    name, version = _name_version()
    base = "%s-%s" % (re.sub(r"[-_.]+", "_", name), version)
    src = _c_source()
    filename = base + ".tar.gz"
    members: List[Tuple[str, Path]] = []
    for rel in ("pyproject.toml", "README.md"):
        if (HERE / rel).exists():
            members.append((rel, HERE / rel))
    members += _package_files()
    for p in sorted((HERE / "_backend").glob("*.py")):
        members.append(("_backend/" + p.name, p))
    for rel in C_FILES:
        p = src / rel
        files = sorted(q for q in p.rglob("*") if q.is_file()) if p.is_dir() else [p]
        for q in files:
            if "__pycache__" not in q.parts:
                members.append(("csrc/" + q.relative_to(src).as_posix(), q))
    mtime = int(os.environ.get("SOURCE_DATE_EPOCH", "0")) or int(time.time())
    with tarfile.open(Path(sdist_directory) / filename, "w:gz", format=tarfile.PAX_FORMAT) as tf:
        def add_bytes(arcname: str, data: bytes) -> None:
            info = tarfile.TarInfo("%s/%s" % (base, arcname))
            info.size = len(data)
            info.mtime = mtime
            info.mode = 0o644
            tf.addfile(info, io.BytesIO(data))
        for arcname, path in members:
            add_bytes(arcname, path.read_bytes())
        add_bytes("PKG-INFO", _metadata().encode("utf-8"))
    return filename
