"""The conformance vectors (tests/vectors/*.txt) through the binding, with the
same results as the C runner (tests/test_vectors.c)."""
from __future__ import annotations

import re
import subprocess
import unittest

from . import _util
from .vectors_runner import run


class VectorsTest(unittest.TestCase):
    def test_vectors(self) -> None:
        res = run(_util.VECTORS)
        print("\n" + res.summary())
        self.assertEqual(res.failures, [], "\n".join(res.failures))
        self.assertGreater(res.cases, 0)
        b = _util.build_dir()
        prog = b / "tests" / "test_vectors" if b is not None else None
        if prog is None or not prog.exists():
            self.skipTest("C runner not built; counts not compared")
        out = subprocess.run([str(prog)], capture_output=True, text=True, timeout=120,
                             env={"CMOCKA_MESSAGE_OUTPUT": "stdout"})
        text = out.stdout + out.stderr
        self.assertEqual(out.returncode, 0, text)
        m = re.search(r"vectors: (\d+) files, (\d+) cases, (\d+) checks", text)
        self.assertIsNotNone(m, text)
        assert m is not None
        self.assertEqual((int(m.group(1)), int(m.group(2)), int(m.group(3))),
                         (len(res.files), res.cases, res.checks))
        tags = re.search(r"vectors: ([A-Z]+ \d+(?:, [A-Z]+ \d+)*)\s*$", text, re.M)
        self.assertIsNotNone(tags, text)
        assert tags is not None
        self.assertEqual(tags.group(1), ", ".join("%s %d" % kv for kv in res.per_tag.items()))


if __name__ == "__main__":
    unittest.main()
