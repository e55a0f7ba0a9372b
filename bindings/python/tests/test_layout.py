"""The ctypes mirrors match the C structs byte for byte, and every exported
function is declared with explicit argtypes and restype."""
from __future__ import annotations

import ctypes
import json
import shutil
import subprocess
import unittest
from pathlib import Path

import custcadence as cc
from custcadence import _ffi

from . import _util


class LayoutTest(unittest.TestCase):
    def test_struct_layout(self) -> None:
        prog = _util.abi_layout_program()
        if prog is None:
            self.skipTest("build*/tests/abi-layout not built (cmake --build build "
                          "--target abi-layout)")
        out = subprocess.run([str(prog)], capture_output=True, text=True, check=True, timeout=60)
        layout = json.loads(out.stdout)
        self.assertEqual(set(layout), set(_ffi.STRUCTS))
        for cname, info in layout.items():
            py = _ffi.STRUCTS[cname]
            with self.subTest(struct=cname):
                self.assertEqual(ctypes.sizeof(py), info["sizeof"])
                names = [f[0] for f in py._fields_]
                self.assertEqual(names, list(info["members"]))
                for member, off in info["members"].items():
                    self.assertEqual(getattr(py, member).offset, off, member)

    def test_init_sizes(self) -> None:
        for cname, py in _ffi.STRUCTS.items():
            if hasattr(py, "init"):
                self.assertEqual(py.init().size, ctypes.sizeof(py), cname)
        c = _ffi.Customer.init()
        self.assertEqual((c.status, c.purchase_date, c.monthly_volume, c.margin_bp, c.capable,
                          c.visit_close_min, c.last_gap_days, c.last_recorded),
                         (1, cc.NO_DATE, -1, -1, 1, 1440, -1, 1))
        self.assertEqual(_ffi.PlanOptions.init().days, 7)
        self.assertEqual(_ffi.RouteOptions.init().effort, 20)
        self.assertEqual(_ffi.Workload.init().stretch_x100, 100)
        self.assertEqual(_ffi.Item.init().eta_min, -1)
        self.assertEqual(_ffi.Finding.init().customer, -1)
        # a Customer with defaults converts to exactly CCAD_CUSTOMER_INIT
        s = cc.model.customer_to_struct(cc.Customer(id="x"), with_id=False)
        self.assertEqual(bytes(s), bytes(_ffi.Customer.init()))

    def test_every_export_declared(self) -> None:
        nm = shutil.which("nm")
        lib = Path(cc.LIBRARY_PATH)
        if nm is None or not lib.exists():
            self.skipTest("nm or the library path not available")
        out = subprocess.run([nm, "-D", "--defined-only", str(lib)], capture_output=True,
                             text=True, check=True).stdout
        exported = {line.split()[2].split("@")[0] for line in out.splitlines()
                    if len(line.split()) == 3 and line.split()[1] == "T"
                    and line.split()[2].startswith("ccad_")}
        self.assertTrue(exported)
        self.assertEqual(sorted(exported - set(_ffi.FUNCTIONS)), [], "exported, not declared")
        self.assertEqual(sorted(set(_ffi.FUNCTIONS) - exported), [], "declared, not exported")

    def test_declarations(self) -> None:
        for name, (res, args, _kind) in _ffi.FUNCTIONS.items():
            fn = getattr(_ffi.lib, name)
            self.assertEqual(fn.argtypes, args, name)
            self.assertIs(fn.restype, res, name)
            # pointer results are never the default int
            self.assertNotEqual(fn.restype, ctypes.c_int if res is not ctypes.c_int else None)
        for name in ("ccad_strerror", "ccad_version_string", "ccad_ctx_errmsg", "ccad_rule_name",
                     "ccad_name", "ccad_why_name", "ccad_book_id"):
            self.assertIs(getattr(_ffi.lib, name).restype, ctypes.c_char_p)


if __name__ == "__main__":
    unittest.main()
