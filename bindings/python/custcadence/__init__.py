"""custcadence: Python bindings of libcustcadence (ctypes, standard library only).

Decide when a field sales rep should contact which customer, and why::

    import datetime as dt
    import custcadence as cc

    with cc.Context() as ctx:
        rules = cc.Rules(ctx, "gap.max_days = 10\\n")
        book = cc.Book(ctx)
        book.add(id="C-1", value=120_000, status="active")
        book.record("C-1", date=dt.date(2026, 9, 1))
        book.grade(rules)
        a = book.assess("C-1", rules, dt.date(2026, 10, 1))
        for r in a.reasons:
            print(r.text)

See docs/python.md for loading rules, the object model, callbacks and lifetimes.
"""
from __future__ import annotations

import ctypes as _ctypes
import datetime as _dt
from typing import Optional, Tuple

from . import _ffi
from ._ffi import (DATE_MAX, DATE_MIN, ID_MAX, ITEM_REASONS_MAX, LIBRARY_PATH, NO_DATE,
                   REASONS_MAX, ROUTE_MAX_POINTS, F, ranged)
from ._loader import BINDING_MAJOR
from .core import (FINDING_COLUMNS, ITEM_COLUMNS, Book, Briefs, Context, MovesProtocol, Rules,
                   Schedule, StoreProtocol, param_infos, route, route_tw, unpickling_context)
from .team import (Rep, Team, TeamBalance, TeamFinding, TeamItem, TeamLoad, TeamProposal,
                   TeamProposals, TeamSchedule)
from .errors import (AlreadyExists, BusyError, CadenceError, CallbackError, ConflictError,
                     InvalidArgument, NoSpace, NotFound, NotSupported, OutOfMemory, Overflow,
                     ParseError, RangeError, StaleGrades, VersionError, error_class)
from .model import (Activity, Assessment, Brief, Choice, Complaint, Contact, ContactKind, Customer,
                    DayFlag, DaySummary, Delegation, Escalation, Figure, Finding, FindingKind, Flag, Grade,
                    Item, ItemKind, Lang, Metric, NameKind, Outcome, Overload, ParamInfo, Platform,
                    PlatformCounts, Purpose, Quadrant, Reason, Reasons, RecordPart, ReplanCause,
                    Route, RuleId, ServiceLevel, Status,
                    TimedRoute,
                    Strategy, Triage, Urgency, Weekday, Why, Workload, WorkloadRow, from_day,
                    lang_of, to_day, why_figure)

__version__ = "1.1.0"

#: The loaded library's version ("1.1.0") and number (major*10000+minor*100+patch).
library_version: str = _ffi.VERSION_STRING
library_version_number: int = _ffi.VERSION_NUMBER


def version() -> str:
    """The loaded library's version text (``ccad_version_string``)."""
    return str(F.ccad_version_string().decode())


def strerror(code: int) -> str:
    """Short English text of a status code (``ccad_strerror``)."""
    return str(F.ccad_strerror(ranged(code, _ctypes.c_int, "code")).decode())


def name(kind: int, value: int, lang: "Lang | int | str | None" = None) -> str:
    """The name of an enumeration value (``ccad_name``); "?" if unknown.
    With ``lang`` (a :class:`Lang`, its int or a tag such as ``"zh-Hans"``),
    the word of that language (``ccad_name_lang``): ``name(NameKind.GRADE,
    1, "zh-Hans") == "A类"``. Reason codes keep their English names."""
    k = ranged(kind, _ctypes.c_int, "kind")
    v = ranged(value, _ctypes.c_int, "value")
    if lang is None:
        return str(F.ccad_name(k, v).decode())
    return str(F.ccad_name_lang(k, v, int(lang_of(lang))).decode())


def languages() -> "list[Lang]":
    """The languages the loaded library writes (``ccad_lang_count``)."""
    return [lg for lg in Lang if int(lg) < F.ccad_lang_count()]


def name_parse(kind: int, text: str) -> int:
    """The value named ``text`` (case-insensitive), the inverse of :func:`name`."""
    out = _ctypes.c_int()
    raw = text.encode()
    try:
        F.ccad_name_parse(_ctypes.byref(out), ranged(kind, _ctypes.c_int, "kind"), raw, len(raw))
    except NotFound as e:
        raise NotFound(e.code, "no %s named %r" % (NameKind(kind).name.lower(), text),
                       e.function) from None
    return out.value


def rule_name(rule: int) -> str:
    """The catalogue name of a rule id ("GAP"); "?" if unknown."""
    return str(F.ccad_rule_name(ranged(rule, _ctypes.c_int, "rule")).decode())


def why_name(why: int) -> str:
    """The name of a reason code ("GAP_ALERT"); "?" if unknown."""
    return str(F.ccad_why_name(ranged(why, _ctypes.c_int, "why")).decode())


def date_from_ymd(year: int, month: int, day: int) -> int:
    """Day number of a civil date (RangeError for 30 February)."""
    out = _ctypes.c_int32()
    F.ccad_date_from_ymd(_ctypes.byref(out), ranged(year, _ctypes.c_int, "year"),
                         ranged(month, _ctypes.c_int, "month"), ranged(day, _ctypes.c_int, "day"))
    return out.value


def date_to_ymd(day: int) -> Tuple[int, int, int]:
    """(year, month, day) of a day number."""
    y, m, d = _ctypes.c_int(), _ctypes.c_int(), _ctypes.c_int()
    F.ccad_date_to_ymd(to_day(day, "day"), _ctypes.byref(y), _ctypes.byref(m), _ctypes.byref(d))
    return y.value, m.value, d.value


def date_parse(text: str) -> _dt.date:
    """Parses ``YYYY-MM-DD`` with the library (ParseError / RangeError)."""
    raw = text.encode()
    out = _ctypes.c_int32()
    try:
        F.ccad_date_parse(_ctypes.byref(out), raw, len(raw))
    except (ParseError, RangeError) as e:  # the library records no message: say what failed
        what = "is not a date (YYYY-MM-DD)" if isinstance(e, ParseError) else \
            "is not a day of the calendar"
        raise type(e)(e.code, "%r %s" % (text, what), e.function) from None
    return from_day(out.value)  # type: ignore[return-value]


def date_format(day: "_dt.date | int") -> str:
    """``YYYY-MM-DD`` of a date or day number, written by the library."""
    buf = _ctypes.create_string_buffer(11)
    F.ccad_date_format(buf, len(buf), to_day(day, "day"))
    return buf.value.decode()


def weekday(day: "_dt.date | int") -> int:
    """ISO weekday 1 (Monday) .. 7 (Sunday)."""
    out = _ctypes.c_int()
    F.ccad_date_weekday(_ctypes.byref(out), to_day(day, "day"))
    return out.value


def iso_week(day: "_dt.date | int") -> Tuple[int, int]:
    """(ISO year, ISO week) of a date."""
    y, w = _ctypes.c_int(), _ctypes.c_int()
    F.ccad_date_iso_week(_ctypes.byref(y), _ctypes.byref(w), to_day(day, "day"))
    return y.value, w.value


__all__ = [
    "FINDING_COLUMNS", "ITEM_COLUMNS", "Reasons", "unpickling_context",
    "MovesProtocol", "Rep", "Team", "TeamBalance", "TeamFinding", "TeamItem", "TeamLoad",
    "TeamProposal", "TeamProposals", "TeamSchedule",
    "AlreadyExists", "Assessment", "Book", "BusyError", "Brief", "Briefs", "CadenceError",
    "CallbackError",
    "Choice", "Complaint", "ConflictError", "Contact", "ContactKind", "Context", "Customer",
    "DATE_MAX", "DATE_MIN", "DayFlag", "DaySummary", "Delegation", "Escalation", "Figure", "Finding",
    "FindingKind", "Flag", "Grade", "ID_MAX", "ITEM_REASONS_MAX", "InvalidArgument", "Item",
    "ItemKind", "Lang", "LIBRARY_PATH", "Metric", "NO_DATE", "NameKind", "NoSpace", "NotFound",
    "NotSupported", "Outcome", "OutOfMemory", "Overflow", "Overload", "ParamInfo", "ParseError",
    "Platform", "PlatformCounts", "Quadrant", "REASONS_MAX", "ROUTE_MAX_POINTS", "RangeError",
    "Reason", "ReplanCause", "Route", "RuleId", "Rules", "Schedule", "ServiceLevel", "StaleGrades", "Status",
    "Activity", "Purpose", "RecordPart",
    "TimedRoute",
    "StoreProtocol", "Strategy", "Triage", "Urgency", "VersionError", "Weekday", "Why",
    "Workload", "WorkloadRow", "BINDING_MAJOR", "date_format", "date_from_ymd", "date_parse",
    "date_to_ymd", "error_class", "from_day", "iso_week", "lang_of", "languages", "library_version",
    "library_version_number", "name", "name_parse", "param_infos", "route", "route_tw", "rule_name",
    "strerror", "to_day", "version", "weekday", "why_figure", "why_name",
]
