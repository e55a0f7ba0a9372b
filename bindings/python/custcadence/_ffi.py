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
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from . import _loader

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
# Callback types.

ALLOC_FN = CFUNCTYPE(c_void_p, c_void_p, c_size_t)
REALLOC_FN = CFUNCTYPE(c_void_p, c_void_p, c_void_p, c_size_t)
FREE_FN = CFUNCTYPE(None, c_void_p, c_void_p)
CLOCK_FN = CFUNCTYPE(c_int, c_void_p, POINTER(c_int64))
CALENDAR_FN = CFUNCTYPE(c_int, c_void_p, c_int32, POINTER(c_uint32))
TRAVEL_FN = CFUNCTYPE(c_int, c_void_p, c_double, c_double, c_double, c_double, POINTER(c_int32))


class _Sized(Structure):
    """Base of the structs that begin with ``size``: ``init()`` follows the _INIT macro."""

    _defaults_: Dict[str, Any] = {}
    _init_fn_: str = ""  # the library's function twin of the _INIT macro

    @classmethod
    def init(cls) -> Any:
        """A struct as its _INIT macro makes it: filled by the library's
        twin function (``ccad_customer_init`` ...), or, for a library older
        than the twins, from the defaults declared here."""
        s = cls()
        fn = getattr(F, cls._init_fn_, None) if cls._init_fn_ else None
        if fn is not None:
            fn(ctypes.byref(s))
            return s
        s.size = ctypes.sizeof(cls)
        for k, v in cls._defaults_.items():
            setattr(s, k, v)
        return s


class Host(_Sized):
    """``ccad_host``; CCAD_HOST_INIT: size set, every callback NULL."""
    _init_fn_ = "ccad_host_init"
    _fields_ = [("size", c_uint32), ("user", c_void_p), ("alloc", ALLOC_FN),
                ("realloc", REALLOC_FN), ("free", FREE_FN), ("clock", CLOCK_FN),
                ("calendar", CALENDAR_FN), ("travel", TRAVEL_FN)]


class ParamInfo(_Sized):
    """``ccad_param_info``."""
    _init_fn_ = "ccad_param_info_init"
    _fields_ = [("size", c_uint32), ("name", c_char_p), ("rule", c_int),
                ("min_value", c_int64), ("max_value", c_int64), ("default_value", c_int64),
                ("unit", c_char_p), ("help", c_char_p), ("source", c_char_p)]


_CUSTOMER_1_0_FIELDS = [("size", c_uint32), ("id", c_char_p), ("value", c_int64), ("grade", c_int),
                ("status", c_int), ("purchase_date", c_int32), ("monthly_volume", c_int64),
                ("margin_bp", c_int32), ("capable", c_int), ("has_location", c_int),
                ("x", c_double), ("y", c_double), ("complaint", c_int),
                ("complaint_date", c_int32), ("request_date", c_int32),
                ("visit_days", c_uint32), ("visit_open_min", c_int32),
                ("visit_close_min", c_int32), ("owned_since", c_int32),
                ("last_contact", c_int32), ("last_visit", c_int32), ("last_gap_days", c_int32),
                ("contacts", c_uint32), ("no_progress", c_uint32),
                ("missing_records", c_uint32), ("last_recorded", c_int),
                ("next_step_date", c_int32), ("service_counts", c_uint32 * 4)]
_CUSTOMER_1_0_DEFAULTS = {"grade": 0, "status": 1, "purchase_date": NO_DATE, "monthly_volume": -1,
                  "margin_bp": -1, "capable": 1, "has_location": 0, "complaint": 0,
                  "complaint_date": NO_DATE, "request_date": NO_DATE, "visit_days": 0,
                  "visit_open_min": 0, "visit_close_min": 1440, "owned_since": NO_DATE,
                  "last_contact": NO_DATE, "last_visit": NO_DATE, "last_gap_days": -1,
                  "last_recorded": 1, "next_step_date": NO_DATE}


class Customer10(_Sized):
    """``ccad_customer`` as the 1.0 header laid it out (the library still
    accepts its size): the bulk packer's records (columns.py), whose
    columns are the 1.0 members. Filled from the defaults, never by the C
    twin, which writes the whole 1.1 struct."""
    _fields_ = _CUSTOMER_1_0_FIELDS
    _defaults_ = _CUSTOMER_1_0_DEFAULTS


class Customer(_Sized):
    """``ccad_customer``; defaults of CCAD_CUSTOMER_INIT. Since 1.1 it ends
    with what the visits held (docs/cadence-rules.md, "The contact summary")."""
    _init_fn_ = "ccad_customer_init"
    _fields_ = _CUSTOMER_1_0_FIELDS + [
        ("padding_1_0", c_uint32), ("prospect_run", c_int32), ("prospect_gap", c_int32), ("prospect_tail", c_int32),
        ("last_purposes", c_uint32), ("aimless", c_uint32), ("closes_asked", c_uint32),
        ("last_parts", c_uint32), ("last_entered", c_int32), ("owner_sales", c_int32 * 3)]
    _defaults_ = dict(_CUSTOMER_1_0_DEFAULTS, prospect_run=-1, prospect_gap=-1,
                      last_parts=0x1F, last_entered=NO_DATE)

    @classmethod
    def init(cls) -> Any:
        s = super().init()
        if getattr(F, cls._init_fn_, None) is None:  # the defaults path: the array member
            s.owner_sales[:] = [NO_DATE] * 3
        return s


class Contact(_Sized):
    """``ccad_contact``; CCAD_CONTACT_INIT: a recorded visit with progress."""
    _init_fn_ = "ccad_contact_init"
    _fields_ = [("size", c_uint32), ("date", c_int32), ("kind", c_int), ("outcome", c_int),
                ("recorded", c_int), ("next_date", c_int32), ("service_level", c_int),
                ("purposes", c_uint32), ("close_asked", c_int), ("owner_present", c_int),
                ("activity", c_int), ("record_parts", c_uint32), ("entered", c_int32)]
    _defaults_ = {"date": NO_DATE, "kind": 1, "outcome": 1, "recorded": 1,
                  "next_date": NO_DATE, "service_level": 0, "record_parts": 0x1F,
                  "entered": NO_DATE}


class Reason(Structure):
    """``ccad_reason``."""
    _fields_ = [("rule", c_int32), ("why", c_int32), ("a", c_int64), ("b", c_int64),
                ("c", c_int64)]


class Assessment(_Sized):
    """``ccad_assessment``; CCAD_ASSESSMENT_INIT zeroes the outputs."""
    _init_fn_ = "ccad_assessment_init"
    _fields_ = [("size", c_uint32), ("today", c_int32), ("grade", c_int),
                ("grade_manual", c_int), ("urgency", c_int), ("quadrant", c_int),
                ("freq_count", c_int32), ("freq_period_days", c_int32),
                ("interval_days", c_int32), ("due_date", c_int32), ("days_overdue", c_int32),
                ("escalation", c_int), ("days_since_contact", c_int32),
                ("temperature", c_int32), ("reminder_date", c_int32), ("flags", c_uint32),
                ("contacts", c_uint32), ("min_contacts", c_uint32),
                ("ownership_end", c_int32), ("ownership_days_left", c_int32),
                ("triage", c_int), ("strategy", c_int), ("complaint", c_int),
                ("care_date", c_int32), ("reason_count", c_uint32),
                ("reasons", Reason * REASONS_MAX)]


class Brief(Structure):
    """``ccad_brief`` (no size member: the batch call takes the element size)."""
    _fields_ = [("due_date", c_int32), ("days_overdue", c_int32), ("flags", c_uint32),
                ("grade", c_uint8), ("urgency", c_uint8), ("quadrant", c_uint8),
                ("escalation", c_uint8)]


class PlanOptions(_Sized):
    """``ccad_plan_options``; defaults of CCAD_PLAN_OPTIONS_INIT."""
    _init_fn_ = "ccad_plan_options_init"
    _fields_ = [("size", c_uint32), ("first_day", c_int32), ("days", c_int32),
                ("visits_per_day", c_int32), ("minutes_per_day", c_int32),
                ("overload", c_int32), ("keep_reasons", c_int32), ("route", c_int32),
                ("assign_days", c_int32), ("base_x", c_double), ("base_y", c_double),
                ("metric", c_int), ("scale", c_double), ("units_per_minute", c_double),
                ("day_start_min", c_int32), ("day_minutes", c_int32), ("seed", c_uint64),
                ("effort", c_int32)]
    _defaults_ = {"first_day": NO_DATE, "days": 7, "visits_per_day": 8, "minutes_per_day": 0,
                  "overload": 0, "keep_reasons": 1, "route": 0, "assign_days": 1,
                  "base_x": 0.0, "base_y": 0.0, "metric": 1, "scale": 1.0,
                  "units_per_minute": 1.0, "day_start_min": 480, "day_minutes": 480,
                  "seed": 1, "effort": 20}


class Item(_Sized):
    """``ccad_item``; CCAD_ITEM_INIT."""
    _init_fn_ = "ccad_item_init"
    _fields_ = [("size", c_uint32), ("date", c_int32), ("customer", c_uint32),
                ("kind", c_int), ("quadrant", c_int), ("priority", c_int32),
                ("delegated", c_int), ("rolled_from", c_int32), ("reminder_date", c_int32),
                ("block_day", c_int32), ("seq", c_int32), ("eta_min", c_int32),
                ("depart_min", c_int32), ("travel_min", c_int32), ("late", c_int32),
                ("reason_count", c_uint32), ("reasons", Reason * ITEM_REASONS_MAX)]
    _defaults_ = {"eta_min": -1, "depart_min": -1}


class Finding(_Sized):
    """``ccad_finding``; CCAD_FINDING_INIT."""
    _init_fn_ = "ccad_finding_init"
    _fields_ = [("size", c_uint32), ("kind", c_int), ("customer", c_int64),
                ("date", c_int32), ("reason_count", c_uint32),
                ("reasons", Reason * ITEM_REASONS_MAX)]
    _defaults_ = {"customer": -1}


class Day(_Sized):
    """``ccad_day``; CCAD_DAY_INIT (back_min -1)."""
    _init_fn_ = "ccad_day_init"
    _fields_ = [("size", c_uint32), ("date", c_int32), ("flags", c_uint32), ("items", c_int32),
                ("by_rep", c_int32), ("delegated", c_int32), ("touches", c_int32),
                ("stops", c_int32), ("service_min", c_int32), ("travel_min", c_int32),
                ("back_min", c_int32), ("late", c_int32)]
    _defaults_ = {"back_min": -1}


class WorkloadRow(Structure):
    """``ccad_workload_row``."""
    _fields_ = [("customers", c_int64), ("visits", c_int64)]


class Workload(_Sized):
    """``ccad_workload``; CCAD_WORKLOAD_INIT: 30 days, 22 field days, 1 visit a day."""
    _init_fn_ = "ccad_workload_init"
    _fields_ = [("size", c_uint32), ("period_days", c_int32), ("field_days", c_int32),
                ("visits_per_day", c_int32), ("rows", WorkloadRow * 4), ("visits", c_int64),
                ("capacity", c_int64), ("rounds_x100", c_int32), ("over", c_int32),
                ("cut", c_int64 * 4), ("stretch_x100", c_int32)]
    _defaults_ = {"period_days": 30, "field_days": 22, "visits_per_day": 1,
                  "stretch_x100": 100}


class Platform(_Sized):
    """``ccad_platform``."""
    _init_fn_ = "ccad_platform_init"
    _fields_ = [("size", c_uint32), ("market", c_int64 * 5), ("working", c_int64 * 5),
                ("buying", c_int64 * 5), ("key_accounts", c_int64), ("working_cap", c_int64),
                ("over_cap", c_int32), ("c_heavy", c_int32), ("working_min", c_int64),
                ("under_min", c_int32)]


class RouteOptions(_Sized):
    """``ccad_route_options``; CCAD_ROUTE_OPTIONS_INIT: planar, closed, seed 1, effort 20."""
    _init_fn_ = "ccad_route_options_init"
    _fields_ = [("size", c_uint32), ("metric", c_int), ("closed", c_int), ("seed", c_uint64),
                ("effort", c_int32), ("scale", c_double)]
    _defaults_ = {"metric": 1, "closed": 1, "seed": 1, "effort": 20, "scale": 1.0}


class RouteTimes(_Sized):
    """``ccad_route_times`` (1.1); CCAD_ROUTE_TIMES_INIT: no windows, 480..1020, 500 a minute."""
    _init_fn_ = "ccad_route_times_init"
    _fields_ = [("size", c_uint32), ("open_min", POINTER(c_int32)),
                ("close_min", POINTER(c_int32)), ("service_min", POINTER(c_int32)),
                ("start_min", c_int32), ("end_min", c_int32), ("units_per_minute", c_double)]
    _defaults_ = {"start_min": 480, "end_min": 1020, "units_per_minute": 500.0}


STORE_EACH_FN = CFUNCTYPE(c_int, c_void_p, POINTER(Customer))
STORE_TX_FN = CFUNCTYPE(c_int, c_void_p)
STORE_LOAD_FN = CFUNCTYPE(c_int, c_void_p, c_char_p, POINTER(Customer), POINTER(c_int))
STORE_SAVE_FN = CFUNCTYPE(c_int, c_void_p, POINTER(Customer))
STORE_APPEND_FN = CFUNCTYPE(c_int, c_void_p, c_char_p, POINTER(Contact))
STORE_ITERATE_FN = CFUNCTYPE(c_int, c_void_p, STORE_EACH_FN, c_void_p)


class Store(_Sized):
    """``ccad_store``; CCAD_STORE_INIT: size set, every callback NULL."""
    _init_fn_ = "ccad_store_init"
    _fields_ = [("size", c_uint32), ("user", c_void_p), ("begin", STORE_TX_FN),
                ("commit", STORE_TX_FN), ("rollback", STORE_TX_FN), ("load", STORE_LOAD_FN),
                ("save", STORE_SAVE_FN), ("append_contact", STORE_APPEND_FN),
                ("iterate", STORE_ITERATE_FN)]


# -- Teams (1.1) ------------------------------------------------------------

TEAM_CALENDAR_FN = CFUNCTYPE(c_int, c_void_p, c_char_p, c_int32, POINTER(c_uint32))
MOVES_REMOVE_FN = CFUNCTYPE(c_int, c_void_p, c_char_p)
MOVES_SET_OWNER_FN = CFUNCTYPE(c_int, c_void_p, c_char_p, c_char_p)


class Rep(_Sized):
    """``ccad_rep`` (1.1); CCAD_REP_INIT: no id, base (0, 0), 8 visits a day, 08:00 to 16:00."""
    _init_fn_ = "ccad_rep_init"
    _fields_ = [("size", c_uint32), ("id", c_char_p), ("base_x", c_double),
                ("base_y", c_double), ("visits_per_day", c_int32),
                ("minutes_per_day", c_int32), ("day_start_min", c_int32),
                ("day_minutes", c_int32)]
    _defaults_ = {"visits_per_day": 8, "day_start_min": 480, "day_minutes": 480}


class TeamOptions(_Sized):
    """``ccad_team_options`` (1.1); CCAD_TEAM_OPTIONS_INIT: no team calendar."""
    _init_fn_ = "ccad_team_options_init"
    _fields_ = [("size", c_uint32), ("user", c_void_p), ("calendar", TEAM_CALENDAR_FN)]


class StoreMoves(_Sized):
    """``ccad_store_moves`` (1.1); CCAD_STORE_MOVES_INIT: every callback NULL."""
    _init_fn_ = "ccad_store_moves_init"
    _fields_ = [("size", c_uint32), ("user", c_void_p), ("remove", MOVES_REMOVE_FN),
                ("set_owner", MOVES_SET_OWNER_FN)]


class TeamItem(_Sized):
    """``ccad_team_item`` (1.1); CCAD_TEAM_ITEM_INIT."""
    _init_fn_ = "ccad_team_item_init"
    _fields_ = [("size", c_uint32), ("carrier", c_uint32), ("owner", c_uint32),
                ("item", Item)]


class TeamFinding(_Sized):
    """``ccad_team_finding`` (1.1); CCAD_TEAM_FINDING_INIT."""
    _init_fn_ = "ccad_team_finding_init"
    _fields_ = [("size", c_uint32), ("rep", c_uint32), ("finding", Finding)]


class TeamProposalOptions(_Sized):
    """``ccad_team_proposal_options`` (1.1); defaults of CCAD_TEAM_PROPOSAL_OPTIONS_INIT."""
    _init_fn_ = "ccad_team_proposal_options_init"
    _fields_ = [("size", c_uint32), ("today", c_int32), ("period_days", c_int32),
                ("field_days", c_int32), ("move_a", c_int32), ("metric", c_int),
                ("scale", c_double), ("units_per_minute", c_double)]
    _defaults_ = {"period_days": 30, "metric": 1, "scale": 1.0, "units_per_minute": 1.0}


class TeamProposal(_Sized):
    """``ccad_team_proposal`` (1.1); CCAD_TEAM_PROPOSAL_INIT."""
    _init_fn_ = "ccad_team_proposal_init"
    _fields_ = [("size", c_uint32), ("rep", c_uint32), ("to_rep", c_uint32),
                ("finding", Finding)]


class TeamLoad(_Sized):
    """``ccad_team_load`` (1.1); CCAD_TEAM_LOAD_INIT."""
    _init_fn_ = "ccad_team_load_init"
    _fields_ = [("size", c_uint32), ("before", Workload), ("customers_after", c_int64),
                ("visits_after", c_int64), ("travel_before", c_int64),
                ("travel_after", c_int64)]


class TeamBalance(_Sized):
    """``ccad_team_balance`` (1.1); CCAD_TEAM_BALANCE_INIT."""
    _init_fn_ = "ccad_team_balance_init"
    _fields_ = [("size", c_uint32), ("spread_before_x100", c_int32),
                ("spread_after_x100", c_int32), ("travel_before", c_int64),
                ("travel_after", c_int64), ("releases", c_int64), ("assigns", c_int64),
                ("moves", c_int64), ("over_after", c_int64)]


#: Every struct mirror by its C name (the layout test walks this).
STRUCTS: Dict[str, type] = {
    "ccad_host": Host, "ccad_param_info": ParamInfo, "ccad_customer": Customer,
    "ccad_contact": Contact, "ccad_store": Store, "ccad_reason": Reason,
    "ccad_assessment": Assessment, "ccad_brief": Brief, "ccad_plan_options": PlanOptions,
    "ccad_item": Item, "ccad_finding": Finding, "ccad_day": Day, "ccad_workload_row": WorkloadRow,
    "ccad_workload": Workload, "ccad_platform": Platform, "ccad_route_options": RouteOptions,
    "ccad_route_times": RouteTimes, "ccad_rep": Rep, "ccad_team_options": TeamOptions,
    "ccad_store_moves": StoreMoves, "ccad_team_item": TeamItem,
    "ccad_team_finding": TeamFinding, "ccad_team_proposal_options": TeamProposalOptions,
    "ccad_team_proposal": TeamProposal, "ccad_team_load": TeamLoad,
    "ccad_team_balance": TeamBalance,
}

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
    "ccad_book_add_many": (c_int, [_vp, _P(Customer10), c_size_t, _P(c_size_t)], "status"),
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
