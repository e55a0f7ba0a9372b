"""Installing the package: pip in a fresh venv, offline, with the in-tree backend.

Each test class compiles libcustcadence once through pip (a few seconds to a
minute, depending on the machine). Skipped when cmake, venv or ensurepip is
missing, or when CUSTCADENCE_SKIP_INSTALL_TEST=1 (for a quick run of the
rest of the suite).
"""
from __future__ import annotations

import base64
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile
from pathlib import Path

from ._util import BINDING

BACKEND_DIR = BINDING / "_backend"


def _skip_reason() -> str:
    if os.environ.get("CUSTCADENCE_SKIP_INSTALL_TEST") == "1":
        return "CUSTCADENCE_SKIP_INSTALL_TEST=1"
    if shutil.which(os.environ.get("CMAKE") or "cmake") is None:
        return "cmake is not on PATH: the wheel build compiles libcustcadence"
    try:
        import ensurepip  # noqa: F401
        import venv  # noqa: F401
    except ImportError as e:
        return "this interpreter has no venv/ensurepip (%s): cannot make a fresh venv" % e
    return ""


SKIP = _skip_reason()

#: Run in the fresh venv, from another directory, without CUSTCADENCE_LIB.
SMOKE = r"""
import datetime as dt, os, sys
import custcadence as cc
assert "CUSTCADENCE_LIB" not in os.environ
with cc.Context(clock=lambda: dt.datetime(2026, 10, 1, 9, 0)) as ctx:
    rules = cc.Rules(ctx, "gap.max_days = 10\n")
    book = cc.Book(ctx)
    book.add(id="C-1", value=1_500_000_00, status="key", grade="A")
    book.record("C-1", date=dt.date(2026, 9, 1))
    book.grade(rules)
    a = book.assess("C-1", rules, dt.date(2026, 10, 20))
    print("LIB", cc.LIBRARY_PATH)
    print("VERSION", cc.__version__, cc.version())
    print("GRADE", book.grade_of("C-1").name)
    print("REASONS", len(a.reasons))
"""


def _clean_env() -> dict:
    env = {k: v for k, v in os.environ.items()
           if k not in ("CUSTCADENCE_LIB", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")
           and not k.startswith("PIP_")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PIP_NO_INPUT"] = "1"
    return env


def _run(cmd, cwd, timeout=600) -> str:
    r = subprocess.run([str(c) for c in cmd], cwd=str(cwd), env=_clean_env(),
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                       timeout=timeout)
    if r.returncode != 0:
        raise AssertionError("%s failed (%d):\n%s" % (" ".join(map(str, cmd)), r.returncode,
                                                      r.stdout[-4000:]))
    return r.stdout


def _make_venv(path: Path) -> Path:
    _run([sys.executable, "-m", "venv", path], cwd=path.parent)
    return path / "bin" / "python"


class _VenvCase(unittest.TestCase):
    tmp: Path

    @classmethod
    def setUpClass(cls) -> None:
        cls._tmpdir = tempfile.TemporaryDirectory(prefix="ccad-install-")
        cls.tmp = Path(cls._tmpdir.name)
        (cls.tmp / "elsewhere").mkdir()

    @classmethod
    def tearDownClass(cls) -> None:
        cls._tmpdir.cleanup()

    def smoke(self, python: Path) -> dict:
        out = _run([python, "-c", SMOKE], cwd=self.tmp / "elsewhere")
        fields = dict(line.split(" ", 1) for line in out.splitlines() if " " in line)
        venv = python.parent.parent
        lib = Path(fields["LIB"])
        self.assertEqual(lib.name, "libcustcadence.so.1")
        self.assertTrue(str(lib).startswith(str(venv)), "loaded %s, not the venv's copy" % lib)
        self.assertEqual(lib.parent.name, "custcadence")
        self.assertEqual(fields["GRADE"], "A")
        self.assertGreater(int(fields["REASONS"]), 0)
        pkg_version, lib_version = fields["VERSION"].split()
        self.assertEqual(pkg_version.split(".")[0], lib_version.split(".")[0])
        return fields


@unittest.skipIf(SKIP, SKIP)
class TestPipInstall(_VenvCase):
    def test_install_directory_offline(self) -> None:
        python = _make_venv(self.tmp / "v")
        _run([python, "-m", "pip", "install", "--no-index", BINDING], cwd=self.tmp)
        self.smoke(python)


@unittest.skipIf(SKIP, SKIP)
class TestPipWheel(_VenvCase):
    def test_wheel_tag_contents_and_install(self) -> None:
        builder = _make_venv(self.tmp / "b")
        dist = self.tmp / "dist"
        _run([builder, "-m", "pip", "wheel", "--no-index", "--no-deps", BINDING, "-w", dist],
             cwd=self.tmp)
        wheels = list(dist.glob("*.whl"))
        self.assertEqual(len(wheels), 1, wheels)
        whl = wheels[0]
        tag = whl.stem.split("-", 2)[2]
        self.assertFalse(tag.endswith("none-any"), whl.name)
        self.assertTrue(tag.startswith("py3-none-"), whl.name)
        with zipfile.ZipFile(whl) as zf:
            names = zf.namelist()
            self.assertIn("custcadence/libcustcadence.so.1", names)
            self.assertIn("custcadence/py.typed", names)
            self.assertFalse([n for n in names if "__pycache__" in n or n.endswith(".pyc")])
            dist_info = [n for n in names if n.endswith(".dist-info/RECORD")]
            self.assertEqual(len(dist_info), 1)
            wheel_meta = zf.read(dist_info[0].replace("RECORD", "WHEEL")).decode()
            self.assertIn("Tag: %s" % tag, wheel_meta)
            self.assertIn("Root-Is-Purelib: false", wheel_meta)
            record = zf.read(dist_info[0]).decode().splitlines()
            self.assertEqual(sorted(r.split(",")[0] for r in record), sorted(names))
            for row in record:
                path, digest, size = row.rsplit(",", 2)
                if path == dist_info[0]:
                    continue
                data = zf.read(path)
                self.assertEqual(int(size), len(data), path)
                expect = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
                self.assertEqual(digest, "sha256=" + expect.decode(), path)
            mode = zf.getinfo("custcadence/libcustcadence.so.1").external_attr >> 16
            self.assertTrue(mode & 0o111, "the library is not executable in the wheel")
        # The wheel installs in another fresh venv and works there.
        python = _make_venv(self.tmp / "v2")
        _run([python, "-m", "pip", "install", "--no-index", whl], cwd=self.tmp)
        self.smoke(python)


class TestBackendMetadata(unittest.TestCase):
    """Fast checks of the backend, without compiling."""

    def setUp(self) -> None:
        sys.path.insert(0, str(BACKEND_DIR))
        self.addCleanup(sys.path.remove, str(BACKEND_DIR))
        import custcadence_backend
        self.b = custcadence_backend

    def test_mini_toml_reader_matches_tomllib(self) -> None:
        try:
            import tomllib  # type: ignore[import-not-found]
        except ImportError:
            self.skipTest("no tomllib before Python 3.11")
        text = (BINDING / "pyproject.toml").read_text(encoding="utf-8")
        self.assertEqual(self.b._mini_toml_project(text), tomllib.loads(text)["project"])
        build = tomllib.loads(text)["build-system"]
        self.assertEqual(build["requires"], [])
        self.assertEqual(build["build-backend"], "custcadence_backend")

    def test_versions_agree(self) -> None:
        import custcadence
        name, version = self.b._name_version()
        self.assertEqual(name, "custcadence")
        self.assertEqual(version, custcadence.__version__)
        self.assertEqual(int(version.split(".")[0]), custcadence.BINDING_MAJOR)

    def test_platform_tag(self) -> None:
        tag = self.b._tag()
        self.assertTrue(tag.startswith("py3-none-"))
        self.assertNotEqual(tag, "py3-none-any")

    def test_metadata_fields(self) -> None:
        meta = self.b._metadata()
        self.assertIn("Name: custcadence\n", meta)
        self.assertIn("Requires-Python: >=3.9\n", meta)


if __name__ == "__main__":
    unittest.main()
