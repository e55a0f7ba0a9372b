"""The build backend's library cache (CUSTCADENCE_BUILD_CACHE): a wheel
built from the same C sources takes the library compiled before, whatever
the Python version; any change to what goes into the library compiles it
again. No compiler needed: the compile is replaced by a counting fake."""
from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
import unittest
from pathlib import Path
from unittest import mock

from ._util import BINDING

BACKEND_DIR = BINDING / "_backend"


class _Fixture(unittest.TestCase):
    def setUp(self) -> None:
        sys.path.insert(0, str(BACKEND_DIR))
        self.addCleanup(sys.path.remove, str(BACKEND_DIR))
        import custcadence_backend
        self.b = custcadence_backend
        tmp = tempfile.TemporaryDirectory(prefix="ccad-cache-test-")
        self.addCleanup(tmp.cleanup)
        self.tmp = Path(tmp.name)
        # a C source root as _c_source() finds it
        self.src = self.tmp / "src"
        for rel, text in (("CMakeLists.txt", "project(x)\n"), ("include/custcadence.h", "int a;\n"),
                          ("lib/book.c", "int b;\n"), ("cmake/x.cmake", "# x\n"),
                          ("tests/test_x.c", "int t;\n")):
            (self.src / rel).parent.mkdir(parents=True, exist_ok=True)
            (self.src / rel).write_text(text)
        self.builds = 0
        self.lock = threading.Lock()
        env = {k: v for k, v in os.environ.items() if k != "CUSTCADENCE_BUILD_CACHE"}
        patches = [mock.patch.dict(os.environ, env, clear=True),
                   mock.patch.object(self.b, "_c_source", lambda: self.src),
                   mock.patch.object(self.b, "_build_library", self.fake_build)]
        for p in patches:
            p.start()
            self.addCleanup(p.stop)

    def fake_build(self, build_dir: Path) -> Path:
        """Stands for the compile: a library file naming the build's number."""
        with self.lock:
            self.builds += 1
            n = self.builds
        time.sleep(0.05)  # long enough for a concurrent build to overlap
        lib = build_dir / "lib" / self.b.SONAME
        lib.parent.mkdir(parents=True, exist_ok=True)
        lib.write_text("build %d of %s" % (n, (self.src / "lib" / "book.c").read_text()))
        return lib

    def library(self, name: str) -> Path:
        tmp = self.tmp / name
        tmp.mkdir()
        return self.b._library(tmp)


class TestBackendCache(_Fixture):
    def test_without_cache_every_wheel_compiles(self) -> None:
        a, b = self.library("w1"), self.library("w2")
        self.assertEqual(self.builds, 2)
        self.assertNotEqual(a, b)

    def test_same_sources_compile_once(self) -> None:
        os.environ["CUSTCADENCE_BUILD_CACHE"] = str(self.tmp / "cache")
        first = self.library("w1")
        second = self.library("w2")
        self.assertEqual(self.builds, 1)
        self.assertEqual(first, second)
        self.assertEqual(second.read_text(), "build 1 of int b;\n")
        self.assertTrue(str(first).startswith(str(self.tmp / "cache")))

    def test_a_changed_input_compiles_again(self) -> None:
        os.environ["CUSTCADENCE_BUILD_CACHE"] = str(self.tmp / "cache")
        first = self.library("w1")
        (self.src / "lib" / "book.c").write_text("int b2;\n")
        second = self.library("w2")
        self.assertEqual(self.builds, 2)
        self.assertNotEqual(first, second)
        self.assertEqual(second.read_text(), "build 2 of int b2;\n")
        self.assertEqual(first.read_text(), "build 1 of int b;\n")

    def test_digest_follows_the_inputs_only(self) -> None:
        d = self.b._sources_digest
        base = d(self.src)
        self.assertEqual(d(self.src), base)
        (self.src / "tests" / "test_x.c").write_text("int changed;\n")  # not an input
        self.assertEqual(d(self.src), base)
        (self.src / "include" / "extra.h").write_text("")  # a new input file
        added = d(self.src)
        self.assertNotEqual(added, base)
        os.environ["CC"] = "some-other-cc"  # the compile environment
        self.assertNotEqual(d(self.src), added)
        del os.environ["CC"]
        (self.src / "cmake" / "x.cmake").write_text("# y\n")
        self.assertNotEqual(d(self.src), added)

    def test_concurrent_wheels_take_turns(self) -> None:
        os.environ["CUSTCADENCE_BUILD_CACHE"] = str(self.tmp / "cache")
        got = []
        threads = [threading.Thread(target=lambda i=i: got.append(self.library("t%d" % i)))
                   for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(self.builds, 1)
        self.assertEqual(len(set(got)), 1)
        self.assertEqual(len(got), 4)


if __name__ == "__main__":
    unittest.main()
