"""Low-level ctypes layer: struct mirrors, callback types, the function table
and the status check that turns codes into exceptions.

Everything here mirrors ``include/custcadence.h`` one to one. The Pythonic
objects in :mod:`custcadence.core` are built on it; use this module directly
only for what they do not cover.
"""
from __future__ import annotations

import ctypes as ctypes
import struct as _struct
import threading
from ctypes import CFUNCTYPE, POINTER, Structure, c_char, c_char_p, c_double
from ctypes import c_int as c_int
from ctypes import c_int32 as c_int32
from ctypes import c_int64, c_uint8
from ctypes import c_size_t as c_size_t
from ctypes import c_uint32 as c_uint32
from ctypes import c_uint64, c_void_p
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, TypeVar

from . import _abi, _loader

from .errors import CadenceError, CallbackError, ParseError, error_class

lib, LIBRARY_PATH = _loader.load()

# ---------------------------------------------------------------------------
# Constants from the library's function twins (never hard-coded).

_c = lib.ccad_no_date
_c.argtypes, _c.restype = [], c_int32
NO_DATE: int = _c()
_c = lib.ccad_date_min
_c.argtypes, _c.restype = [], c_int32
DATE_MIN: int = _c()
_c = lib.ccad_date_max
_c.argtypes, _c.restype = [], c_int32
DATE_MAX: int = _c()
for _n in ("ccad_id_max", "ccad_reasons_max", "ccad_item_reasons_max",
           "ccad_route_max_points", "ccad_rules_param_count"):
    _c = getattr(lib, _n)
    _c.argtypes, _c.restype = [], c_size_t
ID_MAX: int = lib.ccad_id_max()
REASONS_MAX: int = lib.ccad_reasons_max()
ITEM_REASONS_MAX: int = lib.ccad_item_reasons_max()
ROUTE_MAX_POINTS: int = lib.ccad_route_max_points()
del _c, _n

# ---------------------------------------------------------------------------
# Struct mirrors and callback types, built from the header's layouts in
# _abi.py (generated: bindings/python/gen_abi.py). Each mirror below names
# its C struct; its members, their types and its _init twin come from there.

_SCALARS: Dict[str, Any] = {
    "uint8_t": c_uint8, "int32_t": c_int32, "uint32_t": c_uint32, "int64_t": c_int64,
    "uint64_t": c_uint64, "int": c_int, "double": c_double, "size_t": c_size_t,
    "void *": c_void_p, "const char *": c_char_p, "char *": c_char_p, "void": None,
}
_MIRRORS: Dict[str, Any] = {}  # C struct name -> mirror, in the order defined
_CALLBACK_TYPES: Dict[str, Any] = {}


def ctype_of(c_type: str) -> Any:
    """The ctypes type of a C type as the ABI description writes it: a
    scalar, a callback type (one ctypes type per signature), a struct
    mirrored before, or a pointer to one of these."""
    if c_type in _SCALARS:
        return _SCALARS[c_type]
    if c_type in _abi.CALLBACKS:
        got = _CALLBACK_TYPES.get(c_type)
        if got is None:
            returns, params = _abi.CALLBACKS[c_type]
            got = _CALLBACK_TYPES[c_type] = CFUNCTYPE(ctype_of(returns),
                                                      *[ctype_of(p) for p in params])
        return got
    bare = c_type.replace("const ", "").strip()
    if bare.endswith("*"):
        return POINTER(ctype_of(bare[:-1].strip()))
    if bare in _MIRRORS:
        return _MIRRORS[bare]
    raise TypeError("no ctypes type for the C type %r (a struct used before its mirror, "
                    "or a type _ffi.py does not map)" % (c_type,))


_T = TypeVar("_T")


def mirror(c_name: str) -> Callable[[_T], _T]:
    """Class decorator: gives a ctypes Structure the members of C struct
    ``c_name`` (arrays as ctypes arrays) and its ``_init_fn_``."""
    init_fn, members = _abi.STRUCTS[c_name]

    def fill(cls: _T) -> _T:
        fields = []
        for name, c_type, dims in members:
            t = ctype_of(c_type)
            for n in reversed(dims):
                t = t * n
            fields.append((name, t))
        setattr(cls, "_fields_", fields)
        setattr(cls, "_init_fn_", init_fn)
        _MIRRORS[c_name] = cls
        return cls
    return fill


def member_type(cls: Any, name: str) -> Any:
    """The ctypes type of member ``name`` of a struct mirror."""
    return dict(cls._fields_)[name]


class _Mirror(Structure):
    """Base of the struct mirrors; :func:`mirror` sets both attributes."""

    _fields_: List[Tuple[str, Any]]
    _init_fn_: str = ""  # the library's function twin of the _INIT macro, or ""


class _Sized(_Mirror):
    """Base of the structs that begin with ``size``: ``init()`` follows the _INIT macro."""

    @classmethod
    def init(cls) -> Any:
        """A struct as its _INIT macro makes it, filled by the library's
        twin function (``ccad_customer_init`` ...)."""
        s = cls()
        getattr(F, cls._init_fn_)(ctypes.byref(s))
        return s


@mirror("ccad_host")
class Host(_Sized):
    """``ccad_host``; CCAD_HOST_INIT: size set, every callback NULL."""


@mirror("ccad_param_info")
class ParamInfo(_Sized):
    """``ccad_param_info``."""


@mirror("ccad_customer")
class Customer(_Sized):
    """``ccad_customer``; defaults of CCAD_CUSTOMER_INIT."""


@mirror("ccad_contact")
class Contact(_Sized):
    """``ccad_contact``; CCAD_CONTACT_INIT: a recorded visit with progress."""


@mirror("ccad_store")
class Store(_Sized):
    """``ccad_store``; CCAD_STORE_INIT: size set, every callback NULL."""


@mirror("ccad_reason")
class Reason(_Mirror):
    """``ccad_reason``."""


@mirror("ccad_assessment")
class Assessment(_Sized):
    """``ccad_assessment``; CCAD_ASSESSMENT_INIT zeroes the outputs."""


@mirror("ccad_brief")
class Brief(_Mirror):
    """``ccad_brief`` (no size member: the batch call takes the element size)."""


@mirror("ccad_plan_options")
class PlanOptions(_Sized):
    """``ccad_plan_options``; defaults of CCAD_PLAN_OPTIONS_INIT."""


@mirror("ccad_item")
class Item(_Sized):
    """``ccad_item``; CCAD_ITEM_INIT."""


@mirror("ccad_finding")
class Finding(_Sized):
    """``ccad_finding``; CCAD_FINDING_INIT."""


@mirror("ccad_replan_info")
class ReplanInfo(_Sized):
    """``ccad_replan_info``; CCAD_REPLAN_INFO_INIT."""


@mirror("ccad_workload_row")
class WorkloadRow(_Mirror):
    """``ccad_workload_row``."""


@mirror("ccad_workload")
class Workload(_Sized):
    """``ccad_workload``; CCAD_WORKLOAD_INIT: 30 days, 22 field days, 1 visit a day."""


@mirror("ccad_platform")
class Platform(_Sized):
    """``ccad_platform``."""


@mirror("ccad_day")
class Day(_Sized):
    """``ccad_day``; CCAD_DAY_INIT (back_min -1)."""


@mirror("ccad_route_options")
class RouteOptions(_Sized):
    """``ccad_route_options``; CCAD_ROUTE_OPTIONS_INIT: planar, closed, seed 1, effort 20."""


@mirror("ccad_route_times")
class RouteTimes(_Sized):
    """``ccad_route_times`` (1.1); CCAD_ROUTE_TIMES_INIT: no windows, 480..1020, 500 a minute."""


# -- Teams (1.1) ------------------------------------------------------------


@mirror("ccad_rep")
class Rep(_Sized):
    """``ccad_rep`` (1.1); CCAD_REP_INIT: no id, base (0, 0), 8 visits a day, 08:00 to 16:00."""


@mirror("ccad_team_options")
class TeamOptions(_Sized):
    """``ccad_team_options`` (1.1); CCAD_TEAM_OPTIONS_INIT: no team calendar."""


@mirror("ccad_store_moves")
class StoreMoves(_Sized):
    """``ccad_store_moves`` (1.1); CCAD_STORE_MOVES_INIT: every callback NULL."""


@mirror("ccad_team_item")
class TeamItem(_Sized):
    """``ccad_team_item`` (1.1); CCAD_TEAM_ITEM_INIT."""


@mirror("ccad_team_finding")
class TeamFinding(_Sized):
    """``ccad_team_finding`` (1.1); CCAD_TEAM_FINDING_INIT."""


@mirror("ccad_team_proposal_options")
class TeamProposalOptions(_Sized):
    """``ccad_team_proposal_options`` (1.1); defaults of CCAD_TEAM_PROPOSAL_OPTIONS_INIT."""


@mirror("ccad_team_proposal")
class TeamProposal(_Sized):
    """``ccad_team_proposal`` (1.1); CCAD_TEAM_PROPOSAL_INIT."""


@mirror("ccad_team_load")
class TeamLoad(_Sized):
    """``ccad_team_load`` (1.1); CCAD_TEAM_LOAD_INIT."""


@mirror("ccad_team_balance")
class TeamBalance(_Sized):
    """``ccad_team_balance`` (1.1); CCAD_TEAM_BALANCE_INIT."""


# The callback types, as the members that hold them have them.
ALLOC_FN = member_type(Host, "alloc")
REALLOC_FN = member_type(Host, "realloc")
FREE_FN = member_type(Host, "free")
CLOCK_FN = member_type(Host, "clock")
CALENDAR_FN = member_type(Host, "calendar")
TRAVEL_FN = member_type(Host, "travel")
STORE_EACH_FN = ctype_of("ccad_store_each_fn")
STORE_TX_FN = member_type(Store, "begin")
STORE_LOAD_FN = member_type(Store, "load")
STORE_SAVE_FN = member_type(Store, "save")
STORE_APPEND_FN = member_type(Store, "append_contact")
STORE_ITERATE_FN = member_type(Store, "iterate")
TEAM_CALENDAR_FN = member_type(TeamOptions, "calendar")
MOVES_REMOVE_FN = member_type(StoreMoves, "remove")
MOVES_SET_OWNER_FN = member_type(StoreMoves, "set_owner")

#: Every struct mirror by its C name (the layout test walks this).
STRUCTS: Dict[str, Any] = dict(_MIRRORS)

_CODES: Dict[Any, str] = {c_int32: "i", c_uint32: "I", c_int64: "q", c_uint64: "Q",
                          c_double: "d", c_uint8: "B", c_void_p: "P", c_char_p: "P"}


def layout(cls: Any, stop: Optional[str] = None,
           raw_tail: bool = False) -> Tuple[Any, Tuple[str, ...]]:
    """A :class:`struct.Struct` reading the members of struct mirror ``cls``
    before ``stop`` (all if None) in one call, and their names: the fast
    path reads results with one ``unpack_from`` instead of one ctypes
    attribute access per member. Checked against the ctypes offsets. With
    ``raw_tail``, the members from ``stop`` on come last as one bytes value
    (named ``stop``)."""
    fmt, names = "@", []
    for name, ctype in cls._fields_:
        if name == stop:
            if raw_tail:
                off = getattr(cls, name).offset
                fmt += "%dx%ds" % (off - _struct.calcsize(fmt), ctypes.sizeof(cls) - off)
                names.append(name)
            break
        fmt += _CODES[ctype]
        names.append(name)
        got = _struct.calcsize(fmt) - ctypes.sizeof(ctype)
        if got != getattr(cls, name).offset:
            raise AssertionError("%s.%s: offset %d, struct says %d"
                                 % (cls.__name__, name, getattr(cls, name).offset, got))
    return _struct.Struct(fmt), tuple(names)


# ---------------------------------------------------------------------------
# Callback state and the status check.


class CallbackState:
    """Where a Python callback parks the exception it raised, until the C call
    that invoked it returns and the status check re-raises it."""

    __slots__ = ("pending",)

    def __init__(self) -> None:
        self.pending: Optional[BaseException] = None

    def park(self, exc: BaseException) -> None:
        """Keeps the first exception; later ones become notes on it."""
        if self.pending is None:
            self.pending = exc
        elif exc is not self.pending:
            add_note(self.pending, "while handling it, another callback raised %r" % (exc,))

    def take(self) -> Optional[BaseException]:
        exc, self.pending = self.pending, None
        return exc


def add_note(exc: BaseException, note: str) -> None:
    """``exc.add_note(note)``; before Python 3.11 (no add_note) the note is
    appended to ``exc.__notes__`` all the same (tracebacks of 3.9 and 3.10
    do not print it, but it is not lost and nothing else is raised)."""
    if hasattr(exc, "add_note"):
        exc.add_note(note)
        return
    try:
        notes = exc.__dict__.setdefault("__notes__", [])
        notes.append(note)
    except (AttributeError, TypeError):  # an exception without __dict__
        pass


_tls = threading.local()


class Active:
    """Makes a context the one whose message a failing call reports.

    ``owner`` is duck-typed: an object with ``_ptr`` (the ``ccad_ctx *`` as an
    int) and ``_cbstate`` (a :class:`CallbackState`).
    """

    __slots__ = ("owner", "prev")

    def __init__(self, owner: Any) -> None:
        self.owner = owner
        self.prev: Any = None

    def __enter__(self) -> "Active":
        self.prev = getattr(_tls, "ctx", None)
        _tls.ctx = self.owner
        return self

    def __exit__(self, *exc: Any) -> None:
        _tls.ctx = self.prev


def make_error(code: int, fname: str, owner: Any, recorded: bool = True) -> CadenceError:
    """Builds the typed exception of status ``code`` returned by ``fname``."""
    short = lib.ccad_strerror(code).decode("utf-8", "replace")
    msg = "%s: %s" % (fname, short)
    line = column = None
    ptr = getattr(owner, "_ptr", None) if owner is not None else None
    if ptr and recorded and lib.ccad_ctx_errcode(ptr) == code:
        detail = lib.ccad_ctx_errmsg(ptr).decode("utf-8", "replace")
        if detail:
            msg = detail if detail.startswith("ccad_") else "%s: %s" % (fname, detail)
        if code == ParseError.code:
            ln, col = c_uint32(), c_uint32()
            if lib.ccad_ctx_errpos(ptr, ctypes.byref(ln), ctypes.byref(col)) == 0:
                line, column = ln.value, col.value
    cls = error_class(code)
    if cls is ParseError:
        return ParseError(code, msg, fname, line, column)
    return cls(code, msg, fname)


def _raise_pending(result: int, fname: str, owner: Any, recorded: bool) -> None:
    state = getattr(owner, "_cbstate", None) if owner is not None else None
    pending = state.take() if state is not None else None
    if pending is not None:
        if result < 0:
            raise pending from make_error(result, fname, owner, recorded)
        raise pending
    if result < 0:
        raise make_error(result, fname, owner, recorded)


def _errcheck(ok: Tuple[int, ...], recorded: bool) -> Callable[[Any, Any, Any], Any]:
    def check(result: int, func: Any, args: Any) -> int:
        owner = getattr(_tls, "ctx", None)
        if (result < 0 and result not in ok) or (
                owner is not None and owner._cbstate.pending is not None):
            _raise_pending(result if result not in ok else 0, func.__name__, owner, recorded)
        return result
    return check


# ---------------------------------------------------------------------------
# The function table: every exported function, argtypes, restype, check.
# kind: None (no check), "status" (context message), "plain" (no message is
# recorded: the short text of the code), or a tuple of tolerated codes after
# "status"/"plain".

_P = POINTER
_vp = c_void_p
ENOSPC = -8
ENOTFOUND = -5
ERANGE = -3

FUNCTIONS: Dict[str, Tuple[Any, List[Any], Any]] = {
    "ccad_strerror": (c_char_p, [c_int], None),
    "ccad_version_number": (c_int, [], None),
    "ccad_version_string": (c_char_p, [], None),
    "ccad_no_date": (c_int32, [], None),
    "ccad_date_min": (c_int32, [], None),
    "ccad_date_max": (c_int32, [], None),
    "ccad_date_from_ymd": (c_int, [_P(c_int32), c_int, c_int, c_int], "plain"),
    "ccad_date_to_ymd": (c_int, [c_int32, _P(c_int), _P(c_int), _P(c_int)], "plain"),
    "ccad_date_weekday": (c_int, [_P(c_int), c_int32], "plain"),
    "ccad_date_iso_week": (c_int, [_P(c_int), _P(c_int), c_int32], "plain"),
    "ccad_date_parse": (c_int, [_P(c_int32), c_char_p, c_size_t], "plain"),
    "ccad_date_format": (c_int, [_P(c_char), c_size_t, c_int32], "plain"),
    "ccad_ctx_new": (c_int, [_P(_vp), _P(Host)], "plain"),
    "ccad_ctx_free": (None, [_vp], None),
    "ccad_ctx_errmsg": (c_char_p, [_vp], None),
    "ccad_ctx_errcode": (c_int, [_vp], None),
    "ccad_ctx_errpos": (c_int, [_vp, _P(c_uint32), _P(c_uint32)], None),
    "ccad_ctx_today": (c_int, [_vp, _P(c_int32)], "status"),
    "ccad_ctx_day_flags": (c_int, [_vp, _P(c_uint32), c_int32], "status"),
    "ccad_ctx_set_store": (c_int, [_vp, _P(Store)], "status"),
    "ccad_rule_name": (c_char_p, [c_int], None),
    "ccad_name": (c_char_p, [c_int, c_int], None),
    "ccad_name_lang": (c_char_p, [c_int, c_int, c_int], None),
    "ccad_lang_count": (c_int, [], None),
    "ccad_ctx_set_lang": (c_int, [_vp, c_int], "status"),
    "ccad_ctx_lang": (c_int, [_vp], None),
    "ccad_name_parse": (c_int, [_P(c_int), c_int, c_char_p, c_size_t], "plain"),
    "ccad_rules_new": (c_int, [_P(_vp), _vp], "status"),
    "ccad_rules_copy": (c_int, [_P(_vp), _vp, _vp], "status"),
    "ccad_rules_free": (None, [_vp], None),
    "ccad_rules_param_count": (c_size_t, [], None),
    "ccad_rules_param_info": (c_int, [_P(ParamInfo), c_size_t], "plain"),
    "ccad_rules_get": (c_int, [_vp, c_char_p, _P(c_int64)], "plain"),
    "ccad_rules_set": (c_int, [_vp, c_char_p, c_int64], "status"),
    "ccad_rules_set_text": (c_int, [_vp, c_char_p, c_char_p], "status"),
    "ccad_rules_ctx": (_vp, [_vp], None),
    "ccad_book_ctx": (_vp, [_vp], None),
    "ccad_rules_parse": (c_int, [_vp, c_char_p, c_size_t], "status"),
    "ccad_rules_serialize": (c_int, [_vp, _P(c_char), c_size_t, _P(c_size_t)],
                             ("plain", ENOSPC)),
    "ccad_rules_equal": (c_int, [_vp, _vp], None),
    "ccad_id_max": (c_size_t, [], None),
    "ccad_book_new": (c_int, [_P(_vp), _vp, c_size_t], "status"),
    "ccad_book_free": (None, [_vp], None),
    "ccad_book_count": (c_size_t, [_vp], None),
    "ccad_book_id": (c_char_p, [_vp, c_size_t], None),
    "ccad_book_add": (c_int, [_vp, _P(Customer), _P(c_size_t)], "status"),
    "ccad_book_add_many": (c_int, [_vp, _P(Customer), c_size_t, _P(c_size_t)], "status"),
    "ccad_book_snapshot": (c_int, [_vp, _vp, c_size_t, _P(c_size_t)], ("status", ENOSPC)),
    "ccad_book_from_snapshot": (c_int, [_P(_vp), _vp, c_char_p, c_size_t], "status"),
    "ccad_book_find": (c_int, [_vp, c_char_p, _P(c_size_t)], "status"),
    "ccad_book_get": (c_int, [_vp, c_size_t, _P(Customer)], "status"),
    "ccad_book_update": (c_int, [_vp, c_size_t, _P(Customer)], "status"),
    "ccad_book_record": (c_int, [_vp, c_size_t, _P(Contact)], "status"),
    "ccad_book_grade": (c_int, [_vp, _vp], "status"),
    "ccad_store_record": (c_int, [_vp, c_size_t, _P(Contact)], "status"),
    "ccad_store_save_book": (c_int, [_vp], "status"),
    "ccad_store_load_book": (c_int, [_P(_vp), _vp], "status"),
    "ccad_store_load_customer": (c_int, [_vp, c_char_p, _P(c_size_t)], "status"),
    "ccad_why_name": (c_char_p, [c_int], None),
    "ccad_why_figure": (c_int, [c_int, c_int, _P(c_int)], None),
    "ccad_reasons_max": (c_size_t, [], None),
    # no errcheck: Book.assess checks the status itself (the per-customer fast
    # path; the call runs no callback and allocates nothing)
    "ccad_book_assess": (c_int, [_vp, _vp, c_size_t, c_int32, _P(Assessment)], None),
    "ccad_book_assess_range": (c_int, [_vp, _vp, c_size_t, c_size_t, c_int32, _P(Brief),
                                       c_size_t], "status"),
    "ccad_reason_format": (c_int, [_P(c_char), c_size_t, _P(Reason), _P(c_size_t)],
                           ("plain", ENOSPC)),
    "ccad_reason_format_lang": (c_int, [_P(c_char), c_size_t, _P(Reason), c_int, _P(c_size_t)],
                                ("plain", ENOSPC)),
    "ccad_reason_text_max": (c_size_t, [], None),
    "ccad_schedule_new": (c_int, [_P(_vp), _vp, _vp, _P(PlanOptions)], "status"),
    "ccad_schedule_replan": (c_int, [_vp, _vp, _vp, _P(PlanOptions), _P(ReplanInfo)], "status"),
    "ccad_replan_info_init": (None, [_P(ReplanInfo)], None),
    "ccad_schedule_free": (None, [_vp], None),
    "ccad_schedule_item_count": (c_size_t, [_vp], None),
    "ccad_schedule_item": (c_int, [_vp, c_size_t, _P(Item)], "status"),
    "ccad_schedule_items": (c_int, [_vp, c_size_t, c_size_t, _P(Item)], "status"),
    "ccad_schedule_finding_count": (c_size_t, [_vp], None),
    "ccad_schedule_finding": (c_int, [_vp, c_size_t, _P(Finding)], "status"),
    "ccad_schedule_reminders": (c_int, [_vp, c_int32, _P(c_size_t), c_size_t, _P(c_size_t)],
                                ("status", ENOSPC)),
    "ccad_schedule_day": (c_int, [_vp, c_int32, _P(Day)], "status"),
    "ccad_book_grade_of": (c_int, [_vp, c_size_t], None),
    "ccad_item_reasons_max": (c_size_t, [], None),
    "ccad_book_workload": (c_int, [_vp, _vp, c_int32, _P(Workload)], "status"),
    "ccad_book_platform": (c_int, [_vp, _vp, _P(Platform)], "status"),
    "ccad_book_choose_working": (c_int, [_vp, _vp, _P(c_uint8), c_size_t], "status"),
    "ccad_route_max_points": (c_size_t, [], None),
    "ccad_route_solve": (c_int, [_vp, _P(c_double), _P(c_double), c_size_t, _P(RouteOptions),
                                 _P(c_uint32), _P(c_int64)], "status"),
    # ERANGE is also the "no feasible order" outcome, which writes the
    # least-late order: core.route_tw tells the two apart and raises the other
    "ccad_route_solve_tw": (c_int, [_vp, _P(c_double), _P(c_double), c_size_t, _P(RouteOptions),
                                    _P(RouteTimes), _P(c_uint32), _P(c_int32), _P(c_int64)],
                            ("status", ERANGE)),
    "ccad_host_init": (None, [_P(Host)], None),
    "ccad_param_info_init": (None, [_P(ParamInfo)], None),
    "ccad_customer_init": (None, [_P(Customer)], None),
    "ccad_contact_init": (None, [_P(Contact)], None),
    "ccad_store_init": (None, [_P(Store)], None),
    "ccad_assessment_init": (None, [_P(Assessment)], None),
    "ccad_plan_options_init": (None, [_P(PlanOptions)], None),
    "ccad_item_init": (None, [_P(Item)], None),
    "ccad_finding_init": (None, [_P(Finding)], None),
    "ccad_workload_init": (None, [_P(Workload)], None),
    "ccad_platform_init": (None, [_P(Platform)], None),
    "ccad_day_init": (None, [_P(Day)], None),
    "ccad_route_options_init": (None, [_P(RouteOptions)], None),
    "ccad_route_times_init": (None, [_P(RouteTimes)], None),
    # teams (1.1)
    "ccad_team_new": (c_int, [_P(_vp), _vp, _P(TeamOptions)], "status"),
    "ccad_team_free": (None, [_vp], None),
    "ccad_team_add": (c_int, [_vp, _P(Rep), _vp], "status"),
    "ccad_team_count": (c_size_t, [_vp], None),
    "ccad_team_rep": (c_int, [_vp, c_size_t, _P(Rep), _P(_vp)], "status"),
    "ccad_team_find": (c_int, [_vp, c_char_p, _P(c_size_t)], "status"),
    "ccad_team_owner": (c_int, [_vp, c_char_p, _P(c_size_t), _P(c_size_t)], "status"),
    "ccad_team_day_flags": (c_int, [_vp, c_size_t, c_int32, _P(c_uint32)], "status"),
    "ccad_book_remove": (c_int, [_vp, c_size_t], "status"),
    "ccad_book_transfer": (c_int, [_vp, c_size_t, _vp, _P(c_size_t)], "status"),
    "ccad_ctx_set_store_moves": (c_int, [_vp, _P(StoreMoves)], "status"),
    "ccad_store_remove": (c_int, [_vp, c_size_t], "status"),
    "ccad_store_transfer": (c_int, [_vp, c_size_t, _vp, c_char_p, _P(c_size_t)], "status"),
    "ccad_team_schedule_new": (c_int, [_P(_vp), _vp, _vp, _P(PlanOptions)], "status"),
    "ccad_team_schedule_free": (None, [_vp], None),
    "ccad_team_schedule_rep": (_vp, [_vp, c_size_t], None),
    "ccad_team_schedule_item_count": (c_size_t, [_vp], None),
    "ccad_team_schedule_item": (c_int, [_vp, c_size_t, _P(TeamItem)], "status"),
    "ccad_team_schedule_finding_count": (c_size_t, [_vp], None),
    "ccad_team_schedule_finding": (c_int, [_vp, c_size_t, _P(TeamFinding)], "status"),
    "ccad_team_proposals_new": (c_int, [_P(_vp), _vp, _vp, _vp, _P(TeamProposalOptions)],
                                "status"),
    "ccad_team_proposals_free": (None, [_vp], None),
    "ccad_team_proposals_count": (c_size_t, [_vp], None),
    "ccad_team_proposals_item": (c_int, [_vp, c_size_t, _P(TeamProposal)], "status"),
    "ccad_team_proposals_load": (c_int, [_vp, c_size_t, _P(TeamLoad)], "status"),
    "ccad_team_proposals_balance": (c_int, [_vp, _P(TeamBalance)], "status"),
    "ccad_rep_init": (None, [_P(Rep)], None),
    "ccad_team_options_init": (None, [_P(TeamOptions)], None),
    "ccad_store_moves_init": (None, [_P(StoreMoves)], None),
    "ccad_team_item_init": (None, [_P(TeamItem)], None),
    "ccad_team_finding_init": (None, [_P(TeamFinding)], None),
    "ccad_team_proposal_options_init": (None, [_P(TeamProposalOptions)], None),
    "ccad_team_proposal_init": (None, [_P(TeamProposal)], None),
    "ccad_team_load_init": (None, [_P(TeamLoad)], None),
    "ccad_team_balance_init": (None, [_P(TeamBalance)], None),
}


class _Functions:
    """The declared functions as attributes (``F.ccad_book_add(...)``).

    Tests may replace an attribute with a counting wrapper: the objects of
    :mod:`custcadence.core` always call through this namespace.
    """

    def __getattr__(self, name: str) -> Any:  # only for type checkers
        raise AttributeError(name)


F: Any = _Functions()

for _name, (_res, _args, _kind) in FUNCTIONS.items():
    _fn = getattr(lib, _name)
    _fn.restype = _res
    _fn.argtypes = _args
    if _kind is not None:
        if isinstance(_kind, tuple):
            _mode, _ok = _kind[0], tuple(_kind[1:])
        else:
            _mode, _ok = _kind, ()
        _fn.errcheck = _errcheck(_ok, _mode == "status")
    setattr(F, _name, _fn)
del _name, _res, _args, _kind

VERSION_NUMBER: int = F.ccad_version_number()
VERSION_STRING: str = F.ccad_version_string().decode()
PARAM_COUNT: int = F.ccad_rules_param_count()


def call(owner: Any, fn: Any, *args: Any) -> Any:
    """Calls ``fn`` with ``owner`` (a Context) as the context whose message
    and parked callback exception a failure reports.

    The call holds the context's lock and counts as "busy" on it: a
    callback it runs may not close or replace the context's handles
    (``owner._busy`` is what :meth:`Context._check_not_busy` reads)."""
    prev = getattr(_tls, "ctx", None)
    with owner._lock:
        _tls.ctx = owner
        owner._busy += 1
        try:
            return fn(*args)
        finally:
            owner._busy -= 1
            _tls.ctx = prev


# ---------------------------------------------------------------------------
# Values on their way into C: ctypes keeps the low bits of an integer too
# large for its type, and a char* stops at the first NUL. Every integer and
# string the binding hands to ctypes goes through these first.

_LIMITS: Dict[Any, Tuple[int, int]] = {}


def limits(ctype: Any) -> Tuple[int, int]:
    """(lowest, highest) value of a ctypes integer type."""
    got = _LIMITS.get(ctype)
    if got is None:
        bits = 8 * ctypes.sizeof(ctype)
        signed = ctype(-1).value == -1
        got = _LIMITS[ctype] = ((-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed
                                else (0, (1 << bits) - 1))
    return got


def ranged(value: Any, ctype: Any, what: str) -> int:
    """``value`` as an int that fits the ctypes integer type ``ctype``.

    :raises OverflowError: out of the type's range; the message names ``what``.
    :raises TypeError: not an integer (floats and other numbers that ``int()``
        takes are converted, as before).
    """
    if isinstance(value, int):
        v = int(value)
    else:
        try:
            v = int(value)
        except (TypeError, ValueError) as e:
            raise TypeError("%s must be an integer, not %r" % (what, value)) from e
    lo, hi = limits(ctype)
    if not lo <= v <= hi:
        # ctypes aliases the types (c_size_t is c_uint64 is c_ulong): name the width
        raise OverflowError("%s = %d does not fit a %d-bit %s integer (%d .. %d)"
                            % (what, v, 8 * ctypes.sizeof(ctype),
                               "signed" if lo < 0 else "unsigned", lo, hi))
    return v


_FIELD_SPECS: Dict[Tuple[type, str], Tuple[Any, int, int]] = {}


def _field_spec(cls: type, name: str) -> Tuple[Any, int, int]:
    ctype = dict(cls._fields_)[name]  # type: ignore[attr-defined]
    lo, hi = (0, -1) if ctype is c_double else limits(ctype)
    spec = _FIELD_SPECS[(cls, name)] = (ctype, lo, hi)
    return spec


def put(s: Any, name: str, value: Any, what: Optional[str] = None) -> None:
    """``s.name = value`` for a struct mirror, range-checked against the
    member's C type like :func:`ranged` (doubles are converted with ``float()``)."""
    ctype, lo, hi = _FIELD_SPECS.get((type(s), name)) or _field_spec(type(s), name)
    if ctype is c_double:
        value = float(value)
        setattr(s, name, value)
        return
    if type(value) is bool:
        value = int(value)
    if type(value) is not int or not lo <= value <= hi:  # the fast path takes plain ints
        value = ranged(value, ctype, what or name)
    setattr(s, name, value)


def cstr(value: Any, what: str) -> bytes:
    """A str (UTF-8, surrogateescape: ids read back round-trip) or bytes as
    the bytes of a C string; ValueError if it holds a NUL, which C would
    take for its end."""
    if isinstance(value, str):
        raw = value.encode("utf-8", "surrogateescape")
    elif isinstance(value, (bytes, bytearray)):
        raw = bytes(value)
    else:
        raise TypeError("%s must be a str, not %r" % (what, value))
    if b"\0" in raw:
        raise ValueError("%s contains a NUL character: %r" % (what, value))
    return raw


def exported_functions() -> Sequence[str]:
    """Names of every function this binding declares."""
    return list(FUNCTIONS)
