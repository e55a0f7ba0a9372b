"""The plan conformance vectors (tests/plan-vectors/*.txt) through the
binding, with the same results as the C runner (tests/test_plan_vectors.c)."""
from __future__ import annotations

import re
import subprocess
import tempfile
import unittest
from pathlib import Path

from . import _util
from .plan_vectors_runner import run

PLAN_VECTORS = _util.REPO / "tests" / "plan-vectors"

CASE = """case self-test
tags CAPACITY
customer a1 grade=A value=40 last_contact=2026-02-27 last_visit=2026-02-27 contacts=6
plan first_day=2026-03-02 days=1 visits_per_day=1
item a1 2026-03-02 quadrant=Q2 priority=1 kind=visit delegated=rep
{extra}
end
"""


class PlanVectorsTest(unittest.TestCase):
    def test_plan_vectors(self) -> None:
        r = run(PLAN_VECTORS)
        res = r.res
        print("\n" + r.summary())
        self.assertEqual(res.failures, [], "\n".join(res.failures))
        self.assertGreater(res.cases, 0)
        b = _util.build_dir()
        prog = b / "tests" / "test_plan_vectors" if b is not None else None
        if prog is None or not prog.exists():
            self.skipTest("C runner not built; counts not compared")
        out = subprocess.run([str(prog)], capture_output=True, text=True, timeout=300,
                             env={"CMOCKA_MESSAGE_OUTPUT": "stdout"})
        text = out.stdout + out.stderr
        self.assertEqual(out.returncode, 0, text)
        m = re.search(r"plan vectors: (\d+) files, (\d+) cases, (\d+) plans, (\d+) checks, "
                      r"(\d+) known-bug case\(s\) \((\d+) mismatch", text)
        self.assertIsNotNone(m, text)
        assert m is not None
        self.assertEqual(tuple(int(g) for g in m.groups()),
                         (len(res.files), res.cases, r.pc.plans, res.checks,
                          r.pc.known_bug_cases, r.pc.known_bug_failures))
        tags = re.search(r"plan vectors: ([A-Z]+ \d+(?:, [A-Z]+ \d+)*)\s*$", text, re.M)
        self.assertIsNotNone(tags, text)
        assert tags is not None
        self.assertEqual(tags.group(1), ", ".join("%s %d" % kv for kv in res.per_tag.items()))

    def _run_text(self, text: str):  # type: ignore[no-untyped-def]
        with tempfile.TemporaryDirectory() as d:
            Path(d, "t.txt").write_text(text)
            return run(Path(d))

    def test_mismatch_fails(self) -> None:
        r = self._run_text(CASE.format(extra="day 2026-03-02 items=2"))
        self.assertEqual(len(r.res.failures), 1, r.res.failures)
        self.assertIn("day 2026-03-02: items=2 is 1", r.res.failures[0])

    def test_known_bug(self) -> None:
        r = self._run_text(CASE.format(extra="known-bug\nno-item a1"))
        self.assertEqual(r.res.failures, [])
        self.assertEqual((r.pc.known_bug_cases, r.pc.known_bug_failures), (1, 1))
        r = self._run_text(CASE.format(extra="known-bug"))
        self.assertEqual(r.res.failures, [])
        self.assertIn("remove the mark", r.summary())

    def test_syntax_error_fails(self) -> None:
        r = self._run_text(CASE.format(extra="item a1 2026-03-02 colour=blue"))
        self.assertEqual(len(r.res.failures), 1, r.res.failures)
        self.assertIn("unknown item field", r.res.failures[0])


if __name__ == "__main__":
    unittest.main()
