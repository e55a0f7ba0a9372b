"""Customers from columns, for ``Book.from_columns`` / ``Book.add_columns``.

A column set is a mapping from ``Customer`` field names to equal-length
sequences, numpy arrays or pandas Series, or a pandas DataFrame. Only ``id``
is required; a missing column takes CCAD_CUSTOMER_INIT's value. The columns
become one array of ``ccad_customer`` that ``ccad_book_add_many`` adds in a
single call, all or nothing.

When a column is a numpy array (or the columns come from a DataFrame) and
numpy is installed (optional), every column is converted and range-checked as
a whole array. Otherwise (plain sequences, or no numpy) the standard-library
path fills the records from the CCAD_CUSTOMER_INIT template and writes each
supplied column into its member of every record with one strided
``memoryview`` assignment of an :mod:`array`; values of the common types
(ints, floats, enum names, dates, None) are converted by C-level builtins,
others value by value. Both paths give the same records and the same errors.

Values a column may hold, per field kind:

- dates: ``datetime.date``, ``None`` (no date), a day number (int), numpy
  ``datetime64`` (``NaT``: no date), pandas Timestamps;
- enumerations: the IntEnum, its int, or its name as the library spells it
  (``"active"``);
- optional numbers (``monthly_volume``, ``margin_bp``, ``last_gap_days``,
  ``share_pct``, ``supplier_rank``): ``None`` or NaN for unknown;
- ``service_counts``: a 4-sequence per customer;
- booleans and other integers: ints (or bools); coordinates: floats.
"""
from __future__ import annotations

import ctypes
import datetime as _dt
import math
import operator
import struct as _struct
from array import array
from itertools import accumulate, chain, repeat
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

from . import _ffi
from ._ffi import NO_DATE, limits
from .model import (CUSTOMER_FIELDS, CUSTOMER_UNKNOWN, Complaint, Grade, Status, _enum_in,
                    to_day)

_EPOCH_ORDINAL = _dt.date(1970, 1, 1).toordinal()

DATE_FIELDS = ("purchase_date", "complaint_date", "request_date", "owned_since", "last_contact",
               "last_visit", "next_step_date")
OPTIONAL_FIELDS = tuple(CUSTOMER_UNKNOWN)
ENUM_FIELDS = {"grade": Grade, "status": Status, "complaint": Complaint}
FLOAT_FIELDS = ("x", "y")

_np: Any
try:  # optional: the whole-array path
    import numpy
    _np = numpy
except ImportError:  # pragma: no cover - depends on the machine
    _np = None


def _ctype_of(name: str) -> Any:
    return dict(_ffi.Customer._fields_)[name]


def _template() -> bytes:
    return bytes(_ffi.Customer.init())


# ---------------------------------------------------------------------------
# Input: a DataFrame or a mapping of columns.


def _as_mapping(columns: Any) -> Dict[str, Any]:
    """The columns by name; a DataFrame's columns as numpy arrays."""
    if hasattr(columns, "columns") and hasattr(columns, "to_numpy") and \
            not isinstance(columns, Mapping):
        return {str(c): columns[c].to_numpy() for c in columns.columns}
    if not isinstance(columns, Mapping):
        raise TypeError("from_columns takes a mapping of columns or a pandas DataFrame, not %r"
                        % type(columns).__name__)
    out = {}
    for k, v in columns.items():
        if hasattr(v, "to_numpy"):
            v = v.to_numpy()
        out[str(k)] = v
    return out


#: The visit summary (1.1): the book keeps it from recorded contacts; bulk
#: loading does not take it (Book.add does).
SUMMARY_FIELDS = ("prospect_run", "prospect_gap", "prospect_tail", "last_purposes", "aimless",
                  "closes_asked", "last_parts", "last_entered", "owner_sales")
#: The fields from_columns takes: every Customer field but the visit summary.
COLUMN_FIELDS = tuple(f for f in CUSTOMER_FIELDS if f not in SUMMARY_FIELDS)


def _check_names(cols: Dict[str, Any]) -> int:
    summary = sorted(set(cols) & set(SUMMARY_FIELDS))
    if summary:
        raise TypeError("from_columns does not take the visit summary field(s) %s: the book "
                        "keeps them from recorded contacts (Book.add takes them)"
                        % ", ".join(summary))
    unknown = sorted(set(cols) - set(COLUMN_FIELDS))
    if unknown:
        raise TypeError("unknown customer field(s) %s (known: %s)"
                        % (", ".join(unknown), ", ".join(COLUMN_FIELDS)))
    if "id" not in cols:
        raise TypeError("from_columns needs an 'id' column")
    n = len(cols["id"])
    for k, v in cols.items():
        if len(v) != n:
            raise ValueError("column %r has %d values, 'id' has %d" % (k, len(v), n))
    return n


def _encode_ids(ids: Any) -> List[bytes]:
    try:
        return [v.encode("utf-8", "surrogateescape") for v in ids]
    except AttributeError:
        pass
    out = []
    for i, v in enumerate(ids):
        if isinstance(v, str):
            out.append(v.encode("utf-8", "surrogateescape"))
        elif isinstance(v, (bytes, bytearray)):
            out.append(bytes(v))
        else:
            raise TypeError("id[%d] must be a str, not %r" % (i, v))
    return out


def _id_blob(ids: Any) -> Tuple[bytes, Sequence[int]]:
    """Every id NUL-terminated in one bytes object, and each one's length in
    bytes (without its NUL). ValueError for an id holding a NUL (C would take
    it for its end). All-ASCII str ids are joined and encoded in one call."""
    try:
        text: Optional[str] = "\0".join(ids)
    except TypeError:
        text = None
    if text is not None and text.isascii() and text.count("\0") == len(ids) - 1:
        return text.encode("ascii") + b"\0", list(map(len, ids))
    enc = _encode_ids(ids)
    blob = b"\0".join(enc) + b"\0"
    if blob.count(b"\0") != len(enc):
        bad = next(i for i, e in enumerate(enc) if b"\0" in e)
        raise ValueError("id[%d] contains a NUL character: %r" % (bad, enc[bad]))
    return blob, list(map(len, enc))


def _id_pointers(base: int, lengths: Sequence[int]) -> "array[int]":
    """The address of each id in the blob at ``base``."""
    ptrs = array("Q", accumulate(map(operator.add, lengths, repeat(1)), initial=base))
    ptrs.pop()
    return ptrs


# ---------------------------------------------------------------------------
# Per-value conversions (the standard-library path, and object columns).

def _int(v: Any, name: str) -> int:
    """``int(v)``, failing as Book.add fails (``ranged``): TypeError naming
    the column, never int()'s ValueError for a string that is no number."""
    try:
        return int(v)
    except (TypeError, ValueError) as e:
        raise TypeError("%s must be an integer, not %r" % (name, v)) from e


def _enum_value(cls: Any, v: Any, name: str = "") -> int:
    return _enum_in(cls, v) if isinstance(v, str) else _int(v, name)


def _date_value(v: Any, what: str) -> int:
    if type(v) is _dt.date:
        return v.toordinal() - _EPOCH_ORDINAL
    if _missing(v):
        return NO_DATE
    if _np is not None and isinstance(v, _np.datetime64):
        if _np.isnat(v):
            return NO_DATE
        return int(v.astype("datetime64[D]").astype("int64"))
    if hasattr(v, "to_pydatetime"):  # a pandas Timestamp
        return to_day(v.to_pydatetime(), what)
    if _np is not None and isinstance(v, _np.integer):
        v = int(v)
    return to_day(v, what)


def _missing(v: Any) -> bool:
    """None, NaN, or pandas' NA / NaT."""
    return v is None or (isinstance(v, float) and math.isnan(v)) or \
        type(v).__name__ in ("NAType", "NaTType")


def _optional_value(v: Any, name: str) -> int:
    return CUSTOMER_UNKNOWN[name] if _missing(v) else _int(v, name)


def _values(name: str, col: Any) -> List[Any]:
    """A column as a list of plain Python values for the C member."""
    if name in DATE_FIELDS:
        date, epoch = _dt.date, _EPOCH_ORDINAL
        return [v.toordinal() - epoch if type(v) is date else _date_value(v, name)
                for v in col]
    if name in ENUM_FIELDS:
        cls = ENUM_FIELDS[name]
        return [_enum_value(cls, v, name) for v in col]
    if name in OPTIONAL_FIELDS:
        return [_optional_value(v, name) for v in col]
    if name in FLOAT_FIELDS:
        return [float(v) for v in col]
    return [_int(v, name) for v in col]


def _check_range(name: str, lo_hi: Tuple[int, int], vals: Sequence[int]) -> None:
    if not vals:
        return
    lo, hi = lo_hi
    vmin, vmax = min(vals), max(vals)
    if vmin < lo or vmax > hi:
        bad = next(i for i, v in enumerate(vals) if not lo <= v <= hi)
        raise OverflowError("%s[%d] = %d does not fit a %d-bit %s integer (%d .. %d)"
                            % (name, bad, vals[bad], 8 * ctypes.sizeof(_ctype_of(name)),
                               "signed" if lo < 0 else "unsigned", lo, hi))


# ---------------------------------------------------------------------------
# The standard-library path. The records start as copies of the
# CCAD_CUSTOMER_INIT template; each supplied column becomes one array.array
# and lands in its member of every record with one strided memoryview
# assignment (C loops, no per-customer Python code).

def _array_length(t: Any) -> int:
    """Items of an array member's ctypes type (service_counts, owner_sales), 0 for a scalar."""
    if isinstance(t, type) and issubclass(t, ctypes.Array):
        length: int = getattr(t, "_length_")
        return length
    return 0


_MEMBERS = [n for n, _t in _ffi.Customer._fields_ if n != "size"]  # in struct order
_ARRAYS = {n: t for n, t in _ffi.Customer._fields_ if _array_length(t)}
_SCALARS = [n for n in _MEMBERS if n not in _ARRAYS]
_RECORD_CODES = ["P" if n == "id" else
                 "%d%s" % (_array_length(t), _ffi._CODES[t._type_]) if n in _ARRAYS else
                 _ffi._CODES[t]
                 for n, t in _ffi.Customer._fields_[1:]]
_RECORD = _struct.Struct("@I" + "".join(_RECORD_CODES))
assert _RECORD.size <= ctypes.sizeof(_ffi.Customer)
assert _struct.calcsize("@I" + "".join(_RECORD_CODES[:-1])) == \
    getattr(_ffi.Customer, _MEMBERS[-1]).offset


def _strided_layout() -> Optional[Dict[str, Tuple[str, int, int]]]:
    """Per member: (array typecode, first item, items per record) in a view
    of the records cast to that typecode; None when a member's size or
    offset, or the record size, does not divide by the item size (then the
    record-at-a-time packer is used)."""
    size = ctypes.sizeof(_ffi.Customer)
    out = {}
    for name, t in _ffi.Customer._fields_[1:]:
        if name in _ARRAYS:
            code, width = _ffi._CODES[t._type_], ctypes.sizeof(t._type_)
        else:
            ctype = _ctype_of(name)
            code = "Q" if name == "id" else _ffi._CODES[ctype]
            width = ctypes.sizeof(ctype)
        item = array(code).itemsize
        offset = getattr(_ffi.Customer, name).offset
        if item != width or offset % item or size % item:
            return None
        out[name] = (code, offset // item, size // item)
    return out


_STRIDED = _strided_layout()


class _Converted(Dict[Any, int]):
    """value -> converted value, each distinct value converted once (columns
    repeat their dates and enum names)."""

    def __init__(self, convert: Callable[[Any], int]) -> None:
        super().__init__()
        self.convert = convert

    def __missing__(self, key: Any) -> int:
        got = self[key] = self.convert(key)
        return got


def _fast_column(name: str, col: Any, code: str) -> "array[Any]":
    """The column as an array for its member, converted in C where the value
    types allow. Raises (TypeError, ValueError, OverflowError, KeyError)
    whenever it cannot be sure to match :func:`_values` exactly; the caller
    then takes the per-value route, which also words the error.

    ``array(code, col)`` takes what ``int()`` (``float()`` for "d") takes
    through ``__index__`` (``__float__``) and range-checks it for the member's
    C type; strings and other values raise TypeError."""
    if name in DATE_FIELDS:  # to_day refuses bools and floats: look at the types
        kinds = set(map(type, col))
        if kinds <= {int}:
            return array(code, col)
        if kinds <= {_dt.date, int, type(None)}:
            days = _Converted(lambda v: _date_value(v, name))
            return array(code, map(days.__getitem__, col))
    elif name in ENUM_FIELDS:
        try:
            return array(code, col)
        except TypeError:
            pass
        cls = ENUM_FIELDS[name]  # equal keys (1, True, Grade.A, 1.0) convert alike
        named = _Converted(lambda v: _enum_value(cls, v))
        return array(code, map(named.__getitem__, col))
    elif name in OPTIONAL_FIELDS:
        try:
            return array(code, col)
        except TypeError:  # None (unknown) among the numbers, NaN, ...
            unknown = {None: CUSTOMER_UNKNOWN[name]}
            return array(code, map(unknown.get, col, col))
    else:
        return array(code, col)
    raise TypeError("%s: convert value by value" % name)


def _column_array(name: str, col: Any, code: str) -> "array[Any]":
    try:
        return _fast_column(name, col, code)
    except (TypeError, ValueError, OverflowError, KeyError):
        pass
    vals = _values(name, col)
    if name not in FLOAT_FIELDS:
        _check_range(name, limits(_ctype_of(name)), vals)
    return array(code, vals)


def _plain_counts(sc: Any) -> List[List[int]]:
    """service_counts as four lists (count k of every customer)."""
    flat = [tuple(int(x) for x in v) for v in sc]
    if any(len(t) != 4 for t in flat):
        raise ValueError("service_counts takes four counts per customer")
    counts = [list(c) for c in zip(*flat)] if flat else [[] for _ in range(4)]
    for k in range(4):
        _check_range("service_counts", limits(ctypes.c_uint32), counts[k])
    return counts


def _counts_arrays(sc: Any) -> List["array[int]"]:
    try:
        if set(map(len, sc)) != {4}:
            raise ValueError("not four counts each")
        flat = array("I", chain.from_iterable(sc))
        return [flat[k::4] for k in range(4)]
    except (TypeError, ValueError, OverflowError):
        return [array("I", c) for c in _plain_counts(sc)]


def _pack_strided(cols: Dict[str, Any], n: int, base: int, lengths: Sequence[int],
                  layout: Dict[str, Tuple[str, int, int]]) -> Any:
    buf = bytearray(_template()) * n
    whole = memoryview(buf)
    views: Dict[str, memoryview] = {}

    def put(name: str, values: "array[Any]", k: int = 0) -> None:
        code, first, step = layout[name]
        if code not in views:
            views[code] = whole.cast(code)
        views[code][first + k::step] = values

    put("id", _id_pointers(base, lengths))
    for name in _SCALARS:
        if name != "id" and name in cols:
            put(name, _column_array(name, cols[name], layout[name][0]))
    if "service_counts" in cols:
        for k, counts in enumerate(_counts_arrays(cols["service_counts"])):
            put("service_counts", counts, k)
    for v in views.values():
        v.release()
    whole.release()
    records = (_ffi.Customer * n).from_buffer(buf)
    if ctypes.addressof(records) % ctypes.alignment(_ffi.Customer):  # pragma: no cover
        records = (_ffi.Customer * n).from_buffer_copy(buf)  # ctypes' own memory is aligned
    return records


def _pack_records(cols: Dict[str, Any], n: int, base: int, lengths: Sequence[int]) -> Any:
    """One struct.pack_into per customer: for layouts the strided writes
    cannot address, and the reference the tests hold the strided path to."""
    arr = (_ffi.Customer * n)()
    tmpl = _ffi.Customer.init()
    rows: List[Any] = []
    for name in _MEMBERS:  # one row per value of the record, in struct order
        if name == "id":
            rows.append(_id_pointers(base, lengths))
        elif name == "service_counts":
            sc = cols.get("service_counts")
            rows.extend([[0] * n for _ in range(4)] if sc is None else _plain_counts(sc))
        elif name in _ARRAYS:  # another array member: the template's values
            rows.extend([[v] * n for v in getattr(tmpl, name)])
        elif name in cols:
            vals = _values(name, cols[name])
            if name not in FLOAT_FIELDS:
                _check_range(name, limits(_ctype_of(name)), vals)
            rows.append(vals)
        else:
            rows.append([getattr(tmpl, name)] * n)
    size = ctypes.sizeof(_ffi.Customer)
    mv = memoryview(arr).cast("B")
    pack = _RECORD.pack_into
    for i, rec in enumerate(zip(*rows)):
        pack(mv, i * size, size, *rec)
    return arr


def _pack_plain(cols: Dict[str, Any], n: int, base: int, lengths: Sequence[int]) -> Any:
    if _STRIDED is None:  # pragma: no cover - no such layout on the tested ABIs
        return _pack_records(cols, n, base, lengths)
    return _pack_strided(cols, n, base, lengths, _STRIDED)


# ---------------------------------------------------------------------------
# The numpy path: whole columns.


def _numpy_dtype() -> Any:
    names: List[str] = []
    formats: List[Any] = []
    offsets: List[int] = []
    kinds: Dict[Any, str] = {ctypes.c_int32: "<i4", ctypes.c_uint32: "<u4", ctypes.c_int64: "<i8",
             ctypes.c_uint64: "<u8", ctypes.c_double: "<f8"}
    for n, t in _ffi.Customer._fields_:
        names.append(n)
        offsets.append(getattr(_ffi.Customer, n).offset)
        if n == "id":
            formats.append("<u8")
        elif n in _ARRAYS:
            formats.append((kinds[t._type_], (_array_length(t),)))
        else:
            formats.append(kinds[t])
    return _np.dtype({"names": names, "formats": formats, "offsets": offsets,
                      "itemsize": ctypes.sizeof(_ffi.Customer)})


def _numpy_dates(name: str, col: Any) -> Any:
    a = _np.asarray(col)
    if a.dtype.kind == "M":
        days = a.astype("datetime64[D]")
        out = days.astype("int64")
        out[_np.isnat(days)] = NO_DATE
        return out
    if a.dtype.kind in "iu":
        return a.astype("int64")
    return _np.array(_values(name, col), dtype="int64")


def _numpy_column(name: str, col: Any) -> Any:
    if name in DATE_FIELDS:
        return _numpy_dates(name, col)
    a = _np.asarray(col)
    if name in FLOAT_FIELDS:
        return a.astype("float64")
    if name in OPTIONAL_FIELDS and a.dtype.kind == "f":
        out = _np.where(_np.isnan(a), CUSTOMER_UNKNOWN[name], a)
        return out.astype("int64")
    if a.dtype.kind == "u" and a.size and int(a.max()) > limits(ctypes.c_int64)[1]:
        _check_range(name, limits(_ctype_of(name)), [int(v) for v in a])
    if a.dtype.kind in "iub":
        return a.astype("int64")
    vals = _values(name, col)
    if name in FLOAT_FIELDS:
        return _np.array(vals, dtype="float64")
    _check_range(name, limits(_ctype_of(name)), vals)
    return _np.array(vals, dtype="int64")


def _numpy_check(name: str, a: Any) -> None:
    lo, hi = limits(_ctype_of(name))
    if a.size and (a.min() < lo or a.max() > hi):
        bad = int(_np.flatnonzero((a < lo) | (a > hi))[0])
        raise OverflowError("%s[%d] = %d does not fit a %d-bit %s integer (%d .. %d)"
                            % (name, bad, int(a[bad]), 8 * ctypes.sizeof(_ctype_of(name)),
                               "signed" if lo < 0 else "unsigned", lo, hi))


def _pack_numpy(cols: Dict[str, Any], n: int, base: int, lengths: Sequence[int]) -> Any:
    dt = _numpy_dtype()
    rec = _np.empty(n, dtype=dt)
    rec[:] = _np.frombuffer(_template(), dtype=dt)[0]
    spans = _np.asarray(lengths, dtype="uint64") + _np.uint64(1)
    rec["id"] = _np.cumsum(spans) - spans + _np.uint64(base)
    for name, col in cols.items():
        if name == "id":
            continue
        if name == "service_counts":
            if not isinstance(col, _np.ndarray) or col.dtype == object:
                col = [tuple(v) for v in col]
            sc = _np.asarray(col, dtype="int64")
            if sc.shape != (n, 4):
                raise ValueError("service_counts takes four counts per customer")
            lo, hi = limits(ctypes.c_uint32)
            if sc.size and (sc.min() < lo or sc.max() > hi):
                raise OverflowError("service_counts: a count does not fit 32 bits")
            rec["service_counts"] = sc
            continue
        a = _numpy_column(name, col)
        if name not in FLOAT_FIELDS:
            _numpy_check(name, a)
        rec[name] = a
    return rec


def customer_array(columns: Any) -> Tuple[Any, int, Any, Any]:
    """(pointer to the first ccad_customer, count, the array that owns the
    records, the id blob the records point into). Keep the last two alive
    until the C call has returned."""
    cols = _as_mapping(columns)
    n = _check_names(cols)
    if n == 0:
        return None, 0, None, b""
    blob, lengths = _id_blob(cols["id"])
    holder = ctypes.create_string_buffer(blob, len(blob))
    base = ctypes.addressof(holder)
    if _np is not None and any(isinstance(c, _np.ndarray) for c in cols.values()):
        rec = _pack_numpy(cols, n, base, lengths)
        ptr = rec.ctypes.data_as(ctypes.POINTER(_ffi.Customer))
    else:
        rec = _pack_plain(cols, n, base, lengths)
        ptr = ctypes.cast(rec, ctypes.POINTER(_ffi.Customer))
    return ptr, n, rec, holder


def using_numpy() -> bool:
    """True when the whole-array (numpy) path is available."""
    return _np is not None


def set_numpy(enabled: Optional[bool]) -> None:
    """Tests: force the standard-library path (False) or restore (None/True)."""
    global _np
    if enabled is False:
        _np = None
    else:
        try:
            import numpy as np
            _np = np
        except ImportError:  # pragma: no cover
            _np = None
