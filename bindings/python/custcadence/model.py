"""Enumerations, plain-data classes and the conversions between them and the
C structs: dates as :class:`datetime.date` (``None`` for CCAD_NO_DATE),
money as ``int`` minor units, enumerations as :class:`enum.IntEnum`.
"""
from __future__ import annotations

import datetime as _dt
import enum
import struct as _struct
from dataclasses import dataclass, field
from typing import (TYPE_CHECKING, Any, Dict, Iterator, List, NamedTuple, Optional, Sequence,
                    Tuple, Union, overload)

from . import _abi, _ffi
from ._ffi import F, NO_DATE, cstr, put, ranged
from .errors import NotFound

from ._abi import Choice as Choice
from ._abi import Complaint as Complaint
from ._abi import ContactKind as ContactKind
from ._abi import Activity as Activity
from ._abi import DayFlag as DayFlag
from ._abi import Delegation as Delegation
from ._abi import Escalation as Escalation
from ._abi import Figure as Figure
from ._abi import FindingKind as FindingKind
from ._abi import Grade as Grade
from ._abi import ItemKind as ItemKind
from ._abi import Lang as Lang
from ._abi import Metric as Metric
from ._abi import NameKind as NameKind
from ._abi import Outcome as Outcome
from ._abi import Overload as Overload
from ._abi import Purpose as Purpose
from ._abi import Quadrant as Quadrant
from ._abi import RecordPart as RecordPart
from ._abi import ReplanCause as ReplanCause
from ._abi import ServiceLevel as ServiceLevel
from ._abi import Status as Status
from ._abi import Strategy as Strategy
from ._abi import Triage as Triage
from ._abi import Urgency as Urgency
from ._abi import Weekday as Weekday

# ---------------------------------------------------------------------------
# Dates.

_EPOCH_ORDINAL = _dt.date(1970, 1, 1).toordinal()

#: What the binding accepts as a date: a date (or datetime: its date), None
#: (no date), or an int that is passed on as a raw day number.
DateLike = Union[_dt.date, int, None]


def to_day(value: DateLike, what: str = "date") -> int:
    """A date (or None, or a raw day number) as the library's day number.

    A raw day number must fit ``int32_t`` (OverflowError naming ``what``);
    within that, the library judges it (RangeError outside DATE_MIN..DATE_MAX).
    """
    if value is None:
        return NO_DATE
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.toordinal() - _EPOCH_ORDINAL
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("%s: expected a datetime.date, None or a day number, not %r"
                        % (what, value))
    return ranged(value, _ffi.c_int32, what)


_DATES: Dict[int, Optional[_dt.date]] = {NO_DATE: None}
_DATES_MAX = 1 << 16


def from_day(day: int) -> Optional[_dt.date]:
    """The library's day number as a date; None for CCAD_NO_DATE. Dates are
    immutable: recent ones are kept by day number and handed out again."""
    try:
        return _DATES[day]
    except KeyError:
        pass
    d = _dt.date.fromordinal(day + _EPOCH_ORDINAL)
    if len(_DATES) < _DATES_MAX:
        _DATES[day] = d
    return d


# ---------------------------------------------------------------------------
# Enumerations: the header's, generated into _abi.py (bindings/python/gen_abi.py)
# and imported above. Here: language tags, and the enumerations whose names
# the loaded library gives (rule ids, reason codes, flags).

_LANG_TAGS = {"en": Lang.EN, "zh-hans": Lang.ZH_HANS, "zh-hant": Lang.ZH_HANT}


def lang_of(value: Any) -> "Lang":
    """A :class:`Lang` from a Lang, its int or its tag; ValueError for a
    language neither the binding nor the loaded library knows
    (``ccad_lang_count``)."""
    if isinstance(value, str):
        got = _LANG_TAGS.get(value.lower().replace("_", "-"))
        if got is None:
            raise ValueError("unknown language tag %r (known: en, zh-Hans, zh-Hant)" % (value,))
        value = got
    elif isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("a language is a Lang, its int or a tag such as 'zh-Hans', not %r"
                        % (value,))
    lang = Lang(value)  # ValueError for an int the binding does not know
    if int(lang) >= F.ccad_lang_count():
        raise ValueError("the loaded library does not write %s" % lang.name)
    return lang


def _library_names(fn: Any, header: Dict[str, int]) -> Dict[str, int]:
    """Names the library gives to 1..255, plus header values it leaves unnamed."""
    out: Dict[str, int] = {}
    for v in range(1, 256):
        n = fn(v).decode()
        if n != "?":
            out[n] = v
    for n, v in header.items():
        if v not in out.values() and n not in out:
            out[n] = v
    return dict(sorted(out.items(), key=lambda kv: kv[1]))


#: Rule ids, named by the library (``ccad_rule_name``): RuleId.GAP, ...
RuleId = enum.IntEnum("RuleId", _library_names(F.ccad_rule_name, {}))  # type: ignore[misc]
#: Reason codes, named by the library (``ccad_why_name``): Why.GAP_ALERT, ...;
#: the header's codes that the loaded library does not name (an older
#: library, whose ccad_why_name gives "?" for codes it emits) by their
#: header names.
Why = enum.IntEnum("Why", _library_names(F.ccad_why_name, _abi.WHY_CODES))  # type: ignore[misc]


def _flag_names() -> Dict[str, int]:
    out: Dict[str, int] = {}
    for bit in range(32):
        n = F.ccad_name(int(NameKind.FLAG), 1 << bit).decode()
        if n != "?":
            out[n] = 1 << bit
    return out


#: Assessment flags, named by the library: Flag.DUE, Flag.OVERDUE, ...
Flag = enum.IntFlag("Flag", _flag_names())  # type: ignore[misc]

_NAME_KIND_OF_ENUM = {Grade: NameKind.GRADE, Status: NameKind.STATUS,
                      Complaint: NameKind.COMPLAINT, ContactKind: NameKind.CONTACT_KIND,
                      Outcome: NameKind.OUTCOME, ServiceLevel: NameKind.SERVICE,
                      Triage: NameKind.TRIAGE, Strategy: NameKind.STRATEGY,
                      Escalation: NameKind.ESCALATION, Urgency: NameKind.URGENCY,
                      Quadrant: NameKind.QUADRANT}


_NAMED: Dict[Tuple[Any, str], int] = {}


def _enum_names(cls: Any) -> List[str]:
    """The library's names of the members of ``cls``, for messages."""
    kind = int(_NAME_KIND_OF_ENUM[cls])
    names = (F.ccad_name(kind, int(m)).decode() for m in cls)
    return [n for n in names if n not in ("-", "?", "")]


def _enum_in(cls: Any, value: Any) -> int:
    """An enum field's value: the enum, a plain int (passed on unchecked, so
    the library can refuse it), or a name as ccad_name_parse knows it."""
    if isinstance(value, str):
        got = _NAMED.get((cls, value))
        if got is not None:
            return got
        out = _ffi.c_int()
        raw = value.encode()
        try:
            F.ccad_name_parse(_ffi.ctypes.byref(out), int(_NAME_KIND_OF_ENUM[cls]), raw, len(raw))
        except NotFound as e:  # name the enumeration and the value, as name_parse() does
            raise NotFound(e.code, "no %s named %r (known: %s)" % (
                cls.__name__, value, ", ".join(_enum_names(cls))), e.function) from None
        if len(_NAMED) < 4096:  # the library's names never change: parse each once
            _NAMED[(cls, value)] = int(out.value)
        return int(out.value)
    try:
        return int(value)
    except (TypeError, ValueError) as e:
        raise TypeError("a %s must be one of its names or an integer, not %r"
                        % (cls.__name__, value)) from e


_ENUM_MAPS: Dict[Any, Dict[int, Any]] = {}
_FLAG_CACHE_MAX = 4096


def enum_map(cls: Any) -> Dict[int, Any]:
    """value -> member of an IntEnum (built once per class). Looking a raw
    value up here costs a dict access; ``cls(value)`` costs a microsecond."""
    m = _ENUM_MAPS.get(cls)
    if m is None:
        m = _ENUM_MAPS[cls] = {int(v): v for v in cls}
    return m


def _enum_out(cls: Any, value: int) -> Any:
    """The member of ``cls`` for ``value``, or the int itself if the binding
    does not know it (a newer library). Flags (IntFlag) are cached by value."""
    m = _ENUM_MAPS.get(cls) or enum_map(cls)
    got = m.get(value)
    if got is not None:
        return got
    if issubclass(cls, enum.IntFlag):
        got = cls(value)
        if len(m) < _FLAG_CACHE_MAX:
            m[value] = got
        return got
    return value


# ---------------------------------------------------------------------------
# Plain data.


@dataclass
class Customer:
    """One customer (``ccad_customer``). Defaults are CCAD_CUSTOMER_INIT's.

    Unknown optional numbers are None (the C -1; for ``supplier_rank`` the
    C 0); dates are dates or None. ``share_pct`` (our share of the
    customer's sales, 0..100) and ``supplier_rank`` (our rank among its
    suppliers, 1 = first) are TRIAGE's position (1.1, seed 002).
    Enumerations accept the IntEnum, its name (``"active"``) or an int.
    """
    id: str
    value: int = 0
    grade: Union[Grade, int, str] = Grade.NONE
    status: Union[Status, int, str] = Status.PROSPECT
    purchase_date: DateLike = None
    monthly_volume: Optional[int] = None
    margin_bp: Optional[int] = None
    capable: bool = True
    has_location: bool = False
    x: float = 0.0
    y: float = 0.0
    complaint: Union[Complaint, int, str] = Complaint.NONE
    complaint_date: DateLike = None
    request_date: DateLike = None
    visit_days: Union[Weekday, int] = 0
    visit_open_min: int = 0
    visit_close_min: int = 1440
    owned_since: DateLike = None
    last_contact: DateLike = None
    last_visit: DateLike = None
    last_gap_days: Optional[int] = None
    contacts: int = 0
    no_progress: int = 0
    missing_records: int = 0
    last_recorded: bool = True
    next_step_date: DateLike = None
    service_counts: Tuple[int, int, int, int] = (0, 0, 0, 0)
    share_pct: Optional[int] = None
    supplier_rank: Optional[int] = None
    # 1.1: what the visits held (docs/cadence-rules.md, "The contact summary")
    prospect_run: Optional[int] = None
    prospect_gap: Optional[int] = None
    prospect_tail: int = 0
    last_purposes: Union[Purpose, int] = 0
    aimless: int = 0
    closes_asked: int = 0
    last_parts: Union[RecordPart, int] = RecordPart.ALL
    last_entered: DateLike = None
    owner_sales: Tuple[DateLike, DateLike, DateLike] = (None, None, None)


_CUSTOMER_DATES = ("purchase_date", "complaint_date", "request_date", "owned_since",
                   "last_contact", "last_visit", "next_step_date", "last_entered")
#: The C value of each optional number when unknown (None in Python).
CUSTOMER_UNKNOWN = {"monthly_volume": -1, "margin_bp": -1, "last_gap_days": -1,
                    "share_pct": -1, "supplier_rank": 0, "prospect_run": -1, "prospect_gap": -1}
_CUSTOMER_OPTIONAL = tuple(CUSTOMER_UNKNOWN)
_CUSTOMER_ENUMS = {"grade": Grade, "status": Status, "complaint": Complaint}
_CUSTOMER_INTS = ("value", "visit_open_min", "visit_close_min", "contacts", "no_progress",
                  "missing_records", "visit_days", "prospect_tail", "last_purposes", "aimless",
                  "closes_asked", "last_parts")
_CUSTOMER_BOOLS = ("capable", "has_location", "last_recorded")
CUSTOMER_FIELDS = tuple(f for f in Customer.__dataclass_fields__)


def customer_to_struct(c: Customer, with_id: bool = True) -> _ffi.Customer:
    """Fills a ``ccad_customer`` from a Customer (the struct keeps the id alive)."""
    s = _ffi.Customer.init()
    if with_id:
        if not isinstance(c.id, str):
            raise TypeError("Customer.id must be a str, not %r" % (c.id,))
        s.id = cstr(c.id, "id")
    for k, cls in _CUSTOMER_ENUMS.items():
        put(s, k, _enum_in(cls, getattr(c, k)))
    for k in _CUSTOMER_DATES:
        put(s, k, to_day(getattr(c, k), k))
    for k in _CUSTOMER_OPTIONAL:
        v = getattr(c, k)
        put(s, k, CUSTOMER_UNKNOWN[k] if v is None else v)
    for k in _CUSTOMER_INTS + _CUSTOMER_BOOLS + ("x", "y"):
        put(s, k, getattr(c, k))
    sc = tuple(c.service_counts)
    if len(sc) != 4:
        raise ValueError("service_counts takes four counts, not %r" % (sc,))
    s.service_counts[:] = [v if type(v) is int and 0 <= v <= 0xFFFFFFFF
                           else ranged(v, _ffi.c_uint32, "service_counts[%d]" % i)
                           for i, v in enumerate(sc)]
    sales = tuple(c.owner_sales)
    if len(sales) != 3:
        raise ValueError("owner_sales takes three dates, not %r" % (sales,))
    s.owner_sales[:] = [to_day(d, "owner_sales[%d]" % i) for i, d in enumerate(sales)]
    return s  # type: ignore[no-any-return]


def customer_from_struct(s: _ffi.Customer) -> Customer:
    """A Customer from a filled ``ccad_customer``."""
    raw = s.id
    return Customer(
        id=raw.decode("utf-8", "surrogateescape") if raw is not None else "",
        value=s.value, grade=_enum_out(Grade, s.grade), status=_enum_out(Status, s.status),
        purchase_date=from_day(s.purchase_date),
        monthly_volume=None if s.monthly_volume == -1 else s.monthly_volume,
        margin_bp=None if s.margin_bp == -1 else s.margin_bp,
        capable=bool(s.capable), has_location=bool(s.has_location), x=s.x, y=s.y,
        complaint=_enum_out(Complaint, s.complaint), complaint_date=from_day(s.complaint_date),
        request_date=from_day(s.request_date), visit_days=Weekday(s.visit_days),
        visit_open_min=s.visit_open_min, visit_close_min=s.visit_close_min,
        owned_since=from_day(s.owned_since), last_contact=from_day(s.last_contact),
        last_visit=from_day(s.last_visit),
        last_gap_days=None if s.last_gap_days == -1 else s.last_gap_days,
        contacts=s.contacts, no_progress=s.no_progress, missing_records=s.missing_records,
        last_recorded=bool(s.last_recorded), next_step_date=from_day(s.next_step_date),
        service_counts=tuple(s.service_counts),  # type: ignore[arg-type]
        share_pct=None if s.share_pct == -1 else s.share_pct,
        supplier_rank=None if s.supplier_rank == 0 else s.supplier_rank,
        prospect_run=None if s.prospect_run == -1 else s.prospect_run,
        prospect_gap=None if s.prospect_gap == -1 else s.prospect_gap,
        prospect_tail=s.prospect_tail, last_purposes=Purpose(s.last_purposes),
        aimless=s.aimless, closes_asked=s.closes_asked, last_parts=RecordPart(s.last_parts),
        last_entered=from_day(s.last_entered),
        owner_sales=tuple(from_day(d) for d in s.owner_sales),  # type: ignore[arg-type]
    )


@dataclass
class Contact:
    """One contact (``ccad_contact``); defaults of CCAD_CONTACT_INIT."""
    date: DateLike
    kind: Union[ContactKind, int, str] = ContactKind.VISIT
    outcome: Union[Outcome, int, str] = Outcome.PROGRESS
    recorded: bool = True
    next_date: DateLike = None
    service_level: Union[ServiceLevel, int, str] = ServiceLevel.NONE
    # 1.1: what the visit held
    purposes: Union[Purpose, int] = 0
    close_asked: bool = False
    owner_present: bool = False
    activity: Union[Activity, int, str] = Activity.NONE  # a str: "none", "held", "sale"
    record_parts: Union[RecordPart, int] = RecordPart.ALL
    entered: DateLike = None


CONTACT_FIELDS = tuple(f for f in Contact.__dataclass_fields__)


def contact_to_struct(c: Contact) -> _ffi.Contact:
    s = _ffi.Contact.init()
    put(s, "date", to_day(c.date, "date"))
    put(s, "kind", _enum_in(ContactKind, c.kind))
    put(s, "outcome", _enum_in(Outcome, c.outcome))
    put(s, "recorded", c.recorded)
    put(s, "next_date", to_day(c.next_date, "next_date"))
    put(s, "service_level", _enum_in(ServiceLevel, c.service_level))
    put(s, "purposes", int(c.purposes))
    put(s, "close_asked", c.close_asked)
    put(s, "owner_present", c.owner_present)
    put(s, "activity", Activity[c.activity.upper()] if isinstance(c.activity, str)
        else int(c.activity))
    put(s, "record_parts", int(c.record_parts))
    put(s, "entered", to_day(c.entered, "entered"))
    return s  # type: ignore[no-any-return]


def contact_from_struct(s: _ffi.Contact) -> Contact:
    return Contact(date=from_day(s.date), kind=_enum_out(ContactKind, s.kind),
                   outcome=_enum_out(Outcome, s.outcome), recorded=bool(s.recorded),
                   next_date=from_day(s.next_date),
                   service_level=_enum_out(ServiceLevel, s.service_level),
                   purposes=Purpose(s.purposes), close_asked=bool(s.close_asked),
                   owner_present=bool(s.owner_present),
                   activity=_enum_out(Activity, s.activity),
                   record_parts=RecordPart(s.record_parts), entered=from_day(s.entered))


# ---------------------------------------------------------------------------
# Reasons.

_FIGURES: Dict[Tuple[int, int], Tuple[int, int]] = {}


def why_figure(why: int, index: int) -> Tuple[Figure, Optional[NameKind]]:
    """What figure ``index`` (0..2) of reason code ``why`` measures, and for
    enumerations the name family (``ccad_why_figure``)."""
    key = (ranged(why, _ffi.c_int, "why"), ranged(index, _ffi.c_int, "index"))
    got = _FIGURES.get(key)
    if got is None:
        nk = _ffi.c_int(0)
        fig = F.ccad_why_figure(key[0], key[1], _ffi.ctypes.byref(nk))
        got = _FIGURES[key] = (fig, nk.value)
    fig, nk_value = got
    return _enum_out(Figure, fig), (_enum_out(NameKind, nk_value) if nk_value else None)


FigureValue = Union[int, str, _dt.date, _dt.time, None]


def _figure(why: int, index: int, raw: int) -> FigureValue:
    fig, nk = why_figure(why, index)
    if fig == Figure.NONE:
        return None
    if fig == Figure.DATE:
        if raw == NO_DATE:
            return None
        if _ffi.DATE_MIN <= raw <= _ffi.DATE_MAX:
            return from_day(raw)
        return raw
    if fig == Figure.ENUM and nk is not None and -2**31 <= raw < 2**31:
        return str(F.ccad_name(int(nk), raw).decode())
    if fig == Figure.CLOCK and 0 <= raw < 1440:
        return _dt.time(raw // 60, raw % 60)
    return raw


def format_reason(s: _ffi.Reason, lang: Any = None) -> str:
    """One line for a reason: English (``ccad_reason_format``) when ``lang``
    is None, else in that language (``ccad_reason_format_lang``, a buffer of
    ``ccad_reason_text_max()`` bytes, which always suffices)."""
    n = _ffi.c_size_t()
    if lang is None:
        buf = _ffi.ctypes.create_string_buffer(256)
        rc = F.ccad_reason_format(buf, len(buf), _ffi.ctypes.byref(s), _ffi.ctypes.byref(n))
        if rc != 0:
            buf = _ffi.ctypes.create_string_buffer(n.value + 1)
            F.ccad_reason_format(buf, len(buf), _ffi.ctypes.byref(s), _ffi.ctypes.byref(n))
    else:
        code = int(lang_of(lang))
        buf = _ffi.ctypes.create_string_buffer(int(F.ccad_reason_text_max()))
        F.ccad_reason_format_lang(buf, len(buf), _ffi.ctypes.byref(s), code,
                                  _ffi.ctypes.byref(n))
    return str(buf.value.decode("utf-8", "replace"))


class Reason:
    """One machine-readable reason; its figures and text are made when read.

    :ivar rule: the rule id (RuleId, or int if unknown).
    :ivar why: the reason code (Why, or int if unknown).
    :ivar a, b, c: the raw figures.
    :ivar figures: (a, b, c) converted: dates as dates (None for no date),
        money as int minor units, enumerations as names; None if unused.
    :ivar text: the library's English line (``ccad_reason_format``);
        :meth:`text_in` gives it in another :class:`Lang`.

    Only the five raw numbers are stored: ``figures`` and ``text`` are
    computed on first access and kept (docs/python.md, "Fast path"). The
    one place a reason becomes text is :attr:`text`. Treat it as read-only
    (it compares and hashes by its five numbers).
    """

    __slots__ = ("rule", "why", "a", "b", "c", "_figures", "_text")

    def __init__(self, rule: int, why: int, a: int, b: int, c: int) -> None:
        self.rule = rule
        self.why = why
        self.a = a
        self.b = b
        self.c = c
        self._figures: Optional[Tuple[FigureValue, FigureValue, FigureValue]] = None
        self._text: Optional[str] = None

    @property
    def figures(self) -> Tuple[FigureValue, FigureValue, FigureValue]:
        f = self._figures
        if f is None:
            why = int(self.why)
            f = self._figures = (_figure(why, 0, self.a), _figure(why, 1, self.b),
                                 _figure(why, 2, self.c))
        return f

    @property
    def text(self) -> str:
        t = self._text
        if t is None:
            t = self._text = format_reason(self.raw())
        return t

    def text_in(self, lang: Any) -> str:
        """The line in a language (a :class:`Lang`, its int or its tag such
        as ``"zh-Hans"``), made when asked (``ccad_reason_format_lang``);
        ``text_in(Lang.EN) == text``. Not cached: :attr:`text` is the one
        kept."""
        return format_reason(self.raw(), lang_of(lang))

    def raw(self) -> _ffi.Reason:
        """The ``ccad_reason`` struct of this reason."""
        return _ffi.Reason(int(self.rule), int(self.why), self.a, self.b, self.c)

    def astuple(self) -> Tuple[int, int, int, int, int]:
        """(rule, why, a, b, c) as plain ints."""
        return int(self.rule), int(self.why), self.a, self.b, self.c

    @property
    def rule_name(self) -> str:
        return str(F.ccad_rule_name(int(self.rule)).decode())

    @property
    def why_name(self) -> str:
        n = str(F.ccad_why_name(int(self.why)).decode())
        if n == "?" and isinstance(self.why, Why):
            return self.why.name  # named by the header, not (yet) by the library
        return n

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Reason):
            return NotImplemented
        return self.astuple() == other.astuple()

    def __hash__(self) -> int:
        return hash(self.astuple())

    def __reduce__(self) -> Any:
        return (Reason, self.astuple())

    def __repr__(self) -> str:
        return "Reason(rule=%r, why=%r, a=%d, b=%d, c=%d)" % (self.rule, self.why, self.a,
                                                             self.b, self.c)

    def __str__(self) -> str:
        return self.text


_REASON = _struct.Struct("=iiqqq")
assert _REASON.size == _ffi.ctypes.sizeof(_ffi.Reason)


def reason_from_struct(s: _ffi.Reason) -> Reason:
    return Reason(_enum_out(RuleId, s.rule), _enum_out(Why, s.why), s.a, s.b, s.c)


def reasons_from_bytes(buf: Any, offset: int, count: int) -> List[Reason]:
    """``count`` reasons of a ``ccad_reason`` array at ``offset`` of ``buf``."""
    rules = _ENUM_MAPS.get(RuleId) or enum_map(RuleId)
    whys = _ENUM_MAPS.get(Why) or enum_map(Why)
    out = []
    for r, w, a, b, c in _REASON.iter_unpack(buf[offset:offset + count * 32]):
        out.append(Reason(rules.get(r, r), whys.get(w, w), a, b, c))
    return out


class Reasons(Sequence[Reason]):
    """The reasons of one result, decoded when read: it holds their raw
    ``ccad_reason`` bytes and makes :class:`Reason` objects on first access
    (their text later still, when ``text`` is read). Compares equal to a
    list of the same reasons."""

    __slots__ = ("_raw", "_items")  # _items is set when first read

    def __init__(self, raw: bytes = b"") -> None:
        self._raw = raw

    _items: List[Reason]

    def _list(self) -> List[Reason]:
        try:
            return self._items
        except AttributeError:
            items = self._items = reasons_from_bytes(self._raw, 0, len(self._raw) // 32)
            return items

    def __len__(self) -> int:
        return len(self._raw) // 32

    @overload
    def __getitem__(self, i: int) -> Reason: ...
    @overload
    def __getitem__(self, i: slice) -> List[Reason]: ...

    def __getitem__(self, i: Any) -> Any:
        return self._list()[i]

    def __iter__(self) -> Iterator[Reason]:
        return iter(self._list())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Reasons):
            return self._raw == other._raw
        if isinstance(other, (list, tuple)):
            return self._list() == list(other)
        return NotImplemented

    def texts(self, lang: Any = None) -> List[str]:
        """The line of every reason: English (:attr:`Reason.text`) when
        ``lang`` is None, else :meth:`Reason.text_in` ``(lang)``."""
        if lang is None:
            return [r.text for r in self._list()]
        lg = lang_of(lang)
        return [r.text_in(lg) for r in self._list()]

    def astuples(self) -> List[Tuple[int, int, int, int, int]]:
        """(rule, why, a, b, c) per reason, as plain ints, without Reason objects."""
        return [(r, w, a, b, c) for r, w, a, b, c in _REASON.iter_unpack(self._raw)]

    def __reduce__(self) -> Any:
        return (Reasons, (self._raw,))

    def __repr__(self) -> str:
        return repr(self._list())


_NO_REASONS = Reasons()


def _reasons_of(raw: bytes) -> "Reasons":
    """Reasons over raw ``ccad_reason`` bytes (the fast path's constructor)."""
    r = object.__new__(Reasons)
    r._raw = raw
    return r


def reasons_from(arr: Any, count: int) -> List[Reason]:
    n = min(count, len(arr))
    if n == 0:
        return []
    return reasons_from_bytes(memoryview(arr).cast("B"), 0, n)


# ---------------------------------------------------------------------------
# Results.


_ASSESSMENT, _ASSESSMENT_NAMES = _ffi.layout(_ffi.Assessment, "reasons", raw_tail=True)
assert _ASSESSMENT_NAMES[-2:] == ("reason_count", "reasons")
_dates_get = _DATES.get
_new_object = object.__new__


class _Member:
    """A member of a result read lazily from its unpacked raw values:
    position ``index`` of ``obj._v``, passed through ``convert`` (a dict of
    enum members, a function, or None for the plain int) when read."""

    __slots__ = ("index", "convert", "name")

    def __init__(self, index: int, convert: Any = None) -> None:
        self.index = index
        self.convert = convert
        self.name = ""

    def __set_name__(self, owner: Any, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self
        v = obj._v[self.index]
        c = self.convert
        if c is None:
            return v
        if type(c) is dict:
            return c.get(v, v)
        return c(v)

    def __set__(self, obj: Any, value: Any) -> None:
        raise AttributeError("%s is read-only" % self.name)


def _date_member(day: int) -> Optional[_dt.date]:
    return _dates_get(day) or from_day(day)


def _optional_member(v: int) -> Optional[int]:
    return None if v == -1 else v


def _flags_member(v: int) -> Any:
    return _enum_out(Flag, v)


def _at(name: str) -> int:
    return _ASSESSMENT_NAMES.index(name)


class Assessment:
    """Everything decided for one customer on one day (``ccad_assessment``).

    ``days_since_contact`` and ``temperature`` are None when never contacted;
    dates are None when absent. Read-only. Made on the fast path from the C
    struct's values in one unpack: each member is converted (dates,
    enumerations) when read, and the reasons are decoded, and their text
    formatted, only when read (docs/python.md, "Fast path"). ``_asdict()``
    gives every member converted, as a dict.
    """

    __slots__ = ("_v",)

    if TYPE_CHECKING:
        _v: Tuple[Any, ...]
        today: Optional[_dt.date]
        grade: Grade
        grade_manual: bool
        urgency: Urgency
        quadrant: Quadrant
        freq_count: int
        freq_period_days: int
        interval_days: int
        due_date: Optional[_dt.date]
        days_overdue: int
        escalation: Escalation
        days_since_contact: Optional[int]
        temperature: Optional[int]
        reminder_date: Optional[_dt.date]
        flags: Any
        contacts: int
        min_contacts: int
        ownership_end: Optional[_dt.date]
        ownership_days_left: int
        triage: Triage
        strategy: Strategy
        complaint: Complaint
        care_date: Optional[_dt.date]
    else:
        today = _Member(_at("today"), _date_member)
        grade = _Member(_at("grade"), enum_map(Grade))
        grade_manual = _Member(_at("grade_manual"), bool)
        urgency = _Member(_at("urgency"), enum_map(Urgency))
        quadrant = _Member(_at("quadrant"), enum_map(Quadrant))
        freq_count = _Member(_at("freq_count"))
        freq_period_days = _Member(_at("freq_period_days"))
        interval_days = _Member(_at("interval_days"))
        due_date = _Member(_at("due_date"), _date_member)
        days_overdue = _Member(_at("days_overdue"))
        escalation = _Member(_at("escalation"), enum_map(Escalation))
        days_since_contact = _Member(_at("days_since_contact"), _optional_member)
        temperature = _Member(_at("temperature"), _optional_member)
        reminder_date = _Member(_at("reminder_date"), _date_member)
        flags = _Member(_at("flags"), _flags_member)
        contacts = _Member(_at("contacts"))
        min_contacts = _Member(_at("min_contacts"))
        ownership_end = _Member(_at("ownership_end"), _date_member)
        ownership_days_left = _Member(_at("ownership_days_left"))
        triage = _Member(_at("triage"), enum_map(Triage))
        strategy = _Member(_at("strategy"), enum_map(Strategy))
        complaint = _Member(_at("complaint"), enum_map(Complaint))
        care_date = _Member(_at("care_date"), _date_member)

    #: The members, in the order of ``ccad_assessment``.
    FIELDS = ("today", "grade", "grade_manual", "urgency", "quadrant", "freq_count",
              "freq_period_days", "interval_days", "due_date", "days_overdue", "escalation",
              "days_since_contact", "temperature", "reminder_date", "flags", "contacts",
              "min_contacts", "ownership_end", "ownership_days_left", "triage", "strategy",
              "complaint", "care_date", "reasons")

    @property
    def reasons(self) -> "Reasons":
        """The reasons (decoded when read; their text made when read)."""
        v = self._v
        count = min(v[-2], _ffi.REASONS_MAX)
        return _reasons_of(v[-1][:32 * count]) if count else _NO_REASONS

    @property
    def due(self) -> bool:
        """Due today or overdue."""
        return bool(self.flags & Flag.DUE)  # type: ignore[attr-defined]

    def _asdict(self) -> Dict[str, Any]:
        """Every member, converted, by name (``reasons`` as a list)."""
        d = {n: getattr(self, n) for n in self.FIELDS[:-1]}
        d["reasons"] = list(self.reasons)
        return d

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Assessment):
            return NotImplemented
        return self._v[1:-1] == other._v[1:-1] and self.reasons == other.reasons

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> Any:
        return (_assessment_of, (self._v,))

    def __repr__(self) -> str:
        return "Assessment(%s)" % ", ".join("%s=%r" % kv for kv in self._asdict().items())


def _assessment_of(values: Tuple[Any, ...]) -> Assessment:
    a = _new_object(Assessment)
    a._v = values
    return a


def assessment_from_struct(s: _ffi.Assessment) -> Assessment:
    """The Assessment of a filled ``ccad_assessment``: one unpack; members
    convert when read."""
    a = _new_object(Assessment)
    a._v = _ASSESSMENT.unpack_from(s)
    return a


@dataclass(frozen=True)
class Brief:
    """Compact batch result for one customer (``ccad_brief``)."""
    index: int
    due_date: Optional[_dt.date]
    days_overdue: int
    flags: Any
    grade: Grade
    urgency: Urgency
    quadrant: Quadrant
    escalation: Escalation


class Item(NamedTuple):  # (its field "index" hides tuple.index, as it always did)
    """One planned contact (``ccad_item``). A NamedTuple (since 1.1.0; a
    frozen dataclass before): :meth:`Schedule.items` builds them in one step
    per item, and ``reasons`` are decoded and formatted only when read."""
    index: int  # type: ignore[assignment]
    date: Optional[_dt.date]
    customer: int
    customer_id: str
    kind: ItemKind
    quadrant: Quadrant
    priority: int
    delegated: Delegation
    rolled_from: Optional[_dt.date]
    reminder_date: Optional[_dt.date]
    block_day: int
    seq: int
    eta_min: int
    depart_min: int
    travel_min: int
    late: bool
    reasons: Sequence[Reason] = ()


@dataclass(frozen=True)
class Finding:
    """One finding of a schedule (``ccad_finding``); customer is None for the whole plan."""
    kind: FindingKind
    customer: Optional[int]
    customer_id: Optional[str]
    date: Optional[_dt.date]
    reasons: Sequence[Reason] = field(default_factory=list)


@dataclass(frozen=True)
class DaySummary:
    """Totals of one day of a schedule (``ccad_day``); back_min None without a route."""
    date: Optional[_dt.date]
    flags: DayFlag
    items: int
    by_rep: int
    delegated: int
    touches: int
    stops: int
    service_min: int
    travel_min: int
    back_min: Optional[int]
    late: int


@dataclass(frozen=True)
class ParamInfo:
    """One rules parameter (``ccad_param_info``)."""
    index: int
    name: str
    rule: int
    min_value: int
    max_value: int
    default_value: int
    unit: str
    help: str
    #: where the default comes from: "seed NNN, line L: ..." or
    #: "project default: ..." (library 1.1)
    source: str


@dataclass(frozen=True)
class WorkloadRow:
    """One grade's line of the workload table."""
    customers: int
    visits: int


@dataclass(frozen=True)
class Workload:
    """Workload against capacity (``ccad_workload``): inputs and outputs."""
    period_days: int
    field_days: int
    visits_per_day: int
    rows: Dict[Grade, WorkloadRow]
    visits: int
    capacity: int
    rounds_x100: int
    over: bool
    cut: Dict[Grade, int]
    stretch_x100: int


@dataclass(frozen=True)
class PlatformCounts:
    """Counts of one platform: total and per grade."""
    total: int
    by_grade: Dict[Grade, int]


@dataclass(frozen=True)
class Platform:
    """Market, working and buying platforms (``ccad_platform``)."""
    market: PlatformCounts
    working: PlatformCounts
    buying: PlatformCounts
    key_accounts: int
    working_cap: int
    over_cap: bool
    c_heavy: bool
    #: platform.working_min and whether the platform is under it (library 1.1)
    working_min: int
    under_min: bool


@dataclass(frozen=True)
class Route:
    """A solved tour: point indices (the base, 0, first) and its cost."""
    order: List[int]
    cost: int


@dataclass(frozen=True)
class TimedRoute:
    """A day's tour with time windows (``ccad_route_solve_tw``).

    ``start_min[i]`` is the minute service starts at point i (the base: the
    minute the rep leaves). When no order meets every window, ``feasible`` is
    False, the order is the least late one and ``problem`` says which stop
    cannot be served in time."""
    order: List[int]
    cost: int
    start_min: List[int]
    feasible: bool
    problem: str = ""
