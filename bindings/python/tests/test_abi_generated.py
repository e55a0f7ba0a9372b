"""The binding's copy of the C ABI (custcadence/_abi.py, written by
gen_abi.py from custcadence-abi.json) is the header's: every enumeration
value, every struct's size and member offsets as the C compiler lays them
out, every error code; and the mirrors are built from it alone."""
from __future__ import annotations

import ctypes
import enum
import importlib.util
import json
import unittest
from typing import Any, Dict, Optional

import custcadence as cc
from custcadence import _abi, _ffi, errors

from . import _util


def abi_json() -> Optional[Dict[str, Any]]:
    """The build's custcadence-abi.json next to the loaded library, if built."""
    b = _util.build_dir()
    if b is None or not (b / "custcadence-abi.json").exists():
        return None
    doc: Dict[str, Any] = json.loads((b / "custcadence-abi.json").read_text(encoding="utf-8"))
    return doc


def generator() -> Any:
    spec = importlib.util.spec_from_file_location("gen_abi", _util.BINDING / "gen_abi.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


class GeneratedAbiTest(unittest.TestCase):
    def setUp(self) -> None:
        doc = abi_json()
        if doc is None:
            self.skipTest("no custcadence-abi.json in the build of the loaded library")
        self.doc: Dict[str, Any] = doc

    def test_struct_offsets_are_the_compilers(self) -> None:
        structs = {s["name"]: s for s in self.doc["structs"]}
        self.assertEqual(sorted(_ffi.STRUCTS), sorted(structs), "a struct without a mirror")
        for cname, info in structs.items():
            py = _ffi.STRUCTS[cname]
            with self.subTest(struct=cname):
                self.assertEqual(ctypes.sizeof(py), info["size"])
                self.assertEqual([f[0] for f in py._fields_], [f["name"] for f in info["fields"]])
                for f in info["fields"]:
                    member = getattr(py, f["name"])
                    self.assertEqual((member.offset, member.size), (f["offset"], f["width"]),
                                     f["name"])

    def test_enum_values_are_the_headers(self) -> None:
        gen = generator()
        enums = {e["name"]: e for e in self.doc["enums"]}
        for c_name, py_name, prefix, _base, _doc in gen.CLASSES:
            want = {gen.member_name(v["name"], prefix): v["value"]
                    for v in enums[c_name]["values"]}
            if py_name in gen.WITH_ALL:  # ALL: every bit, as the header's <PREFIX>ALL
                total = 0
                for v in want.values():
                    total |= v
                want["ALL"] = total
            cls = getattr(cc, py_name)
            self.assertIs(cls, getattr(_abi, py_name))
            # by name: iteration over a flag class skips its combined ALL
            # from Python 3.11 on, and lists it before
            self.assertEqual({n: int(m) for n, m in cls.__members__.items()}, want, py_name)
        for c_name, dict_name, prefix in gen.DICTS:
            want = {gen.member_name(v["name"], prefix): v["value"]
                    for v in enums[c_name]["values"]}
            self.assertEqual(getattr(_abi, dict_name), want, dict_name)

    def test_error_classes_carry_the_headers_codes(self) -> None:
        codes = dict(_abi.ERROR_CODES)
        self.assertEqual(codes.pop("OK"), 0)
        for name, code in codes.items():
            cls = errors.error_class(code)
            self.assertEqual(cls.code, code, name)
            self.assertTrue((cls.__doc__ or "").startswith("CCAD_%s:" % name), cls.__name__)

    def test_generated_file_is_current(self) -> None:
        b = _util.build_dir()
        assert b is not None
        text = generator().generate(b / "custcadence-abi.json")
        have = (_util.BINDING / "custcadence" / "_abi.py").read_text(encoding="utf-8")
        self.assertEqual(have, text, "stale: cmake --build BUILD --target python_abi")


class MirrorsTest(unittest.TestCase):
    def test_mirrors_come_from_the_layouts(self) -> None:
        self.assertEqual(list(_ffi.STRUCTS), list(_abi.STRUCTS))
        for cname, py in _ffi.STRUCTS.items():
            init_fn, members = _abi.STRUCTS[cname]
            self.assertEqual(py._init_fn_, init_fn, cname)
            self.assertEqual([f[0] for f in py._fields_], [m[0] for m in members], cname)

    def test_init_is_the_librarys_twin_only(self) -> None:
        # no fallback defaults: init() is the library's function twin
        for cname, py in _ffi.STRUCTS.items():
            self.assertFalse(hasattr(py, "_defaults_"), cname)
            if py._init_fn_:
                s = py.init()
                self.assertEqual(s.size, ctypes.sizeof(py), cname)
                self.assertTrue(hasattr(_ffi.F, py._init_fn_), cname)

    def test_callback_types_are_shared_by_signature(self) -> None:
        self.assertIs(_ffi.member_type(_ffi.Store, "begin"),
                      _ffi.member_type(_ffi.Store, "rollback"))
        self.assertIs(_ffi.STORE_TX_FN, _ffi.member_type(_ffi.Store, "commit"))
        self.assertIs(_ffi.member_type(_ffi.Host, "calendar"), _ffi.CALENDAR_FN)

    def test_unknown_c_type_is_refused(self) -> None:
        with self.assertRaises(TypeError):
            _ffi.ctype_of("struct nowhere")

    def test_enums_are_enum_classes(self) -> None:
        self.assertTrue(issubclass(cc.Weekday, enum.IntFlag))
        self.assertTrue(issubclass(cc.Grade, enum.IntEnum))
        self.assertEqual(cc.ServiceLevel.VALUE_ADDED, 3)


if __name__ == "__main__":
    unittest.main()
