"""examples/python/plan_week.py runs and prints a week's plan."""
from __future__ import annotations

import os
import subprocess
import sys
import unittest

import custcadence

from . import _util

SCRIPT = _util.REPO / "examples" / "python" / "plan_week.py"


class ExampleTest(unittest.TestCase):
    def run_script(self, *args: str) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([str(_util.BINDING), env.get("PYTHONPATH", "")])
        env["CUSTCADENCE_LIB"] = os.path.abspath(custcadence.LIBRARY_PATH) \
            if os.path.exists(custcadence.LIBRARY_PATH) else custcadence.LIBRARY_PATH
        return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True,
                              text=True, env=env, timeout=120)

    def test_plan_week(self) -> None:
        out = self.run_script()
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("customers in the store", out.stdout)
        self.assertIn("Plan for 2026-11-23 .. 2026-11-29", out.stdout)
        self.assertRegex(out.stdout, r"Mon 2026-11-23 +\d+ item")
        self.assertIn("Findings:", out.stdout)
        self.assertRegex(out.stdout, r"(QUADRANT|CAPACITY|PERSIST|COMPLAINT): ")

    def test_plan_week_sample_and_file_db(self) -> None:
        import tempfile
        with tempfile.TemporaryDirectory() as d:
            db = os.path.join(d, "rep.sqlite")
            out = self.run_script("--customers", str(_util.REPO / "examples" / "data" /
                                                     "sample.csv"), "--db", db, "--days", "3")
            self.assertEqual(out.returncode, 0, out.stderr)
            from pathlib import Path
            self.assertIn("C-001", out.stdout + Path(db).read_bytes().decode("latin-1"))

    def test_bad_usage(self) -> None:
        self.assertEqual(self.run_script("--today", "someday").returncode, 2)
        self.assertEqual(self.run_script("--customers", "/nonexistent.csv").returncode, 1)


if __name__ == "__main__":
    unittest.main()
