"""The Pythonic objects: Context, Rules, Book, Schedule, Briefs and route()."""
from __future__ import annotations

import ctypes
import datetime as _dt
import functools
import inspect
import struct as _struct
import threading
import weakref
from ctypes import byref, c_int, c_int32, c_int64, c_size_t, c_uint8, c_uint32, c_void_p
from typing import (Any, Callable, Dict, Iterable, Iterator, List, Optional, Protocol,
                    Sequence, Tuple, Union, overload)

from . import _ffi
from . import columns as _columns
from ._ffi import F, NO_DATE, CallbackState, call, cstr, put, ranged
from .errors import BusyError, InvalidArgument, NotFound
from .model import (Assessment, Brief, Choice, ReplanCause, Contact, Customer, DateLike, DayFlag, DaySummary,
                    Delegation, Escalation, Finding, FindingKind, Flag, Grade, Item, ItemKind,
                    Lang, Metric, ParamInfo, Platform, PlatformCounts, Quadrant, Route, TimedRoute,
                    Urgency,
                    Workload, WorkloadRow, _NO_REASONS, _DATES, _enum_out, _reasons_of,
                    assessment_from_struct, enum_map,
                    contact_from_struct, contact_to_struct, customer_from_struct,
                    customer_to_struct, from_day, lang_of, reasons_from, to_day)

Key = Union[int, str]
_ASSESSMENT_SIZE = ctypes.sizeof(_ffi.Assessment)
_SIZE_LIMIT = 1 << 63
_EPOCH_ORDINAL = _dt.date(1970, 1, 1).toordinal()

# ---------------------------------------------------------------------------
# Host callbacks.


def _guard(state: CallbackState, fn: Callable[..., int]) -> Callable[..., int]:
    """Wraps a callback body: any exception is parked on ``state`` (to be
    re-raised by the failing call's status check) and reported to C as 1."""
    def wrapped(*args: Any) -> int:
        try:
            return fn(*args)
        except BaseException as e:  # noqa: B902 - everything must reach the caller
            state.park(e)
            return 1
    return wrapped


def _local_seconds(v: Any) -> int:
    if isinstance(v, _dt.datetime):
        naive = v.replace(tzinfo=None)
        delta = naive - _dt.datetime(1970, 1, 1)
        return delta.days * 86400 + delta.seconds
    if isinstance(v, _dt.date):
        return to_day(v) * 86400
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return int(v // 1)
    raise TypeError("the clock callback must return a datetime, date or seconds, not %r" % (v,))


class StoreProtocol(Protocol):
    """What a store object provides (docs/python.md, "Storage").

    Each method returns None (or anything but False) on success; returning
    False, or raising, makes the library roll back and fail the operation.
    """

    def begin(self) -> Any: ...
    def commit(self) -> Any: ...
    def rollback(self) -> Any: ...
    def load(self, id: str) -> Optional[Customer]: ...
    def save(self, customer: Customer) -> Any: ...
    def append_contact(self, id: str, contact: Contact) -> Any: ...
    def iterate(self) -> Iterable[Customer]: ...


def _status(r: Any) -> int:
    return 1 if r is False else 0


def _make_store(state: CallbackState, store: Any) -> Tuple[_ffi.Store, List[Any]]:
    def begin(user: Any) -> int:
        return _status(store.begin())

    def commit(user: Any) -> int:
        return _status(store.commit())

    def rollback(user: Any) -> int:
        return _status(store.rollback())

    def load(user: Any, cid: bytes, out: Any, found: Any) -> int:
        c = store.load(cid.decode("utf-8", "surrogateescape"))
        if c is None:
            found[0] = 0
            return 0
        s = customer_to_struct(c)
        ctypes.memmove(out, byref(s), ctypes.sizeof(_ffi.Customer))
        found[0] = 1
        return 0

    def save(user: Any, cust: Any) -> int:
        return _status(store.save(customer_from_struct(cust.contents)))

    def append_contact(user: Any, cid: bytes, contact: Any) -> int:
        return _status(store.append_contact(cid.decode("utf-8", "surrogateescape"),
                                            contact_from_struct(contact.contents)))

    def iterate(user: Any, each: Any, each_user: Any) -> int:
        for c in store.iterate():
            s = customer_to_struct(c)
            if each(each_user, byref(s)) != 0:
                return 1
        return 0

    st = _ffi.Store.init()
    keep = []
    table: List[Tuple[str, Any, Callable[..., int]]] = [("begin", _ffi.STORE_TX_FN, begin),
                            ("commit", _ffi.STORE_TX_FN, commit),
                            ("rollback", _ffi.STORE_TX_FN, rollback),
                            ("load", _ffi.STORE_LOAD_FN, load),
                            ("save", _ffi.STORE_SAVE_FN, save),
                            ("append_contact", _ffi.STORE_APPEND_FN, append_contact),
                            ("iterate", _ffi.STORE_ITERATE_FN, iterate)]
    for name, ftype, fn in table:
        cf = ftype(_guard(state, fn))
        keep.append(cf)
        setattr(st, name, cf)
    return st, keep


class MovesProtocol(Protocol):
    """What :meth:`Context.set_store_moves` needs: called inside a
    transaction of the context's store; an exception fails the move."""

    def remove(self, id: str) -> Any: ...
    def set_owner(self, id: str, owner: str) -> Any: ...


def _make_moves(state: CallbackState, moves: Any) -> Tuple[_ffi.StoreMoves, List[Any]]:
    for name in ("remove", "set_owner"):
        if not callable(getattr(moves, name, None)):
            raise TypeError("the moves object has no %s() method" % name)

    def remove(user: Any, cid: bytes) -> int:
        return _status(moves.remove(cid.decode("utf-8", "surrogateescape")))

    def set_owner(user: Any, cid: bytes, owner: bytes) -> int:
        return _status(moves.set_owner(cid.decode("utf-8", "surrogateescape"),
                                       owner.decode("utf-8", "surrogateescape")))
    st = _ffi.StoreMoves.init()
    st.remove = rf = _ffi.MOVES_REMOVE_FN(_guard(state, remove))
    st.set_owner = sf = _ffi.MOVES_SET_OWNER_FN(_guard(state, set_owner))
    return st, [rf, sf]


def _release(free: Callable[[int], None], ptr: int, lock: Any, *keep_alive: Any) -> None:
    """Finalizer body: frees ``ptr`` under its context's lock (a finalizer
    may run on any thread); ``keep_alive`` (the owner, callbacks) is only
    held so that it outlives the C object."""
    with lock:
        free(ptr)


def _locked(fn: Callable[..., Any]) -> Callable[..., Any]:
    """A method that holds its context's lock (``self._lock``) while it runs."""
    @functools.wraps(fn)
    def locked(self: Any, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            return fn(self, *args, **kwargs)
    return locked


# assess locks by hand (the per-customer fast path: one lock, not two)
_NOT_LOCKED = frozenset(("__init__", "__enter__", "__exit__", "_handle", "__repr__", "assess"))


def _synchronized(cls: Any) -> Any:
    """Class decorator: every method and property defined in ``cls`` (but
    __init__, which locks by hand, and the trivial ones) runs under the lock
    of the handle's context. One RLock per Context: calls on the handles of
    one context are serialized across threads, and a callback may call the
    binding again on its own thread (docs/python.md, "Threads")."""
    for name, attr in list(vars(cls).items()):
        if name in _NOT_LOCKED:
            continue
        if isinstance(attr, property):
            setattr(cls, name, property(_locked(attr.fget) if attr.fget else None,
                                        _locked(attr.fset) if attr.fset else None,
                                        None, attr.__doc__))
        elif inspect.isfunction(attr):
            setattr(cls, name, _locked(attr))
    return cls


def _size_index(i: int, what: str = "index", noun: str = "customer") -> int:
    """A customer or item index for a size_t parameter: NotFound below 0
    (no such index), OverflowError above SIZE_MAX."""
    if isinstance(i, int) and not isinstance(i, bool) and i < 0:
        raise NotFound(-5, "no %s at index %d" % (noun, i), what)
    return ranged(i, c_size_t, what)


@_synchronized
class _Handle:
    """Common lifetime machinery: a C pointer freed by a weakref.finalize.

    ``_lock`` is the context's RLock, ``_owner`` the Context itself."""

    _ptr: Optional[int]
    _finalizer: Any
    _lock: Any
    _owner: "Context"

    def _handle(self) -> int:
        p = self._ptr
        if not p:
            raise ValueError("%s is closed" % type(self).__name__)
        return p

    @property
    def closed(self) -> bool:
        """True once closed (explicitly, by its owner, or by a with-block)."""
        return not self._ptr

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        """Frees the C object now (idempotent). BusyError inside a callback
        of its context: the running call still uses the object."""
        if self._ptr:
            self._owner._check_not_busy("%s.close" % type(self).__name__)
        self._ptr = None
        self._finalizer()


@_synchronized
class Context(_Handle):
    """A library context: host callbacks, optional store, the last error.

    :param clock: ``() -> datetime | date | seconds``, the rep's local time
        (``Context.today()`` and every ``day=None`` default use it).
    :param calendar: ``(date) -> DayFlag`` bits of a day (default: Monday to
        Friday working).
    :param travel: ``(from_x, from_y, to_x, to_y) -> minutes`` (Metric.HOST).
    :param store: an object with begin/commit/rollback/load/save/
        append_contact/iterate methods (see :class:`StoreProtocol`).

    Closing the context closes every Rules, Book and Schedule made from it.
    An exception raised in a callback is re-raised from the call that made
    the library invoke it, with the library's CallbackError as its cause.
    A callback may not close the context or its handles, nor replace the
    store (BusyError). Every method of the context and of its handles holds
    the context's lock (an RLock): one thread at a time.
    """

    def __init__(self, *, clock: Optional[Callable[[], Any]] = None,
                 calendar: Optional[Callable[[_dt.date], int]] = None,
                 travel: Optional[Callable[[float, float, float, float], int]] = None,
                 store: Optional[StoreProtocol] = None) -> None:
        self._ptr = None
        self._lock = threading.RLock()
        self._owner = self
        self._busy = 0  # C calls running on this context (docs/python.md, "Callbacks and re-entry")
        self._cbstate = CallbackState()
        self._children: "weakref.WeakValueDictionary[int, Any]" = weakref.WeakValueDictionary()
        host = _ffi.Host.init()
        keep: List[Any] = []
        state = self._cbstate
        if clock is not None:
            tick = clock

            def clock_cb(user: Any, out: Any) -> int:
                out[0] = ranged(_local_seconds(tick()), c_int64, "clock result")
                return 0
            host.clock = cf = _ffi.CLOCK_FN(_guard(state, clock_cb))
            keep.append(cf)
        if calendar is not None:
            flags_of = calendar

            def calendar_cb(user: Any, day: int, out: Any) -> int:
                out[0] = ranged(flags_of(from_day(day)), c_uint32,  # type: ignore[arg-type]
                                "calendar result")
                return 0
            host.calendar = cf = _ffi.CALENDAR_FN(_guard(state, calendar_cb))
            keep.append(cf)
        if travel is not None:
            minutes = travel

            def travel_cb(user: Any, fx: float, fy: float, tx: float, ty: float,
                          out: Any) -> int:
                out[0] = ranged(minutes(fx, fy, tx, ty), _ffi.c_int32, "travel result")
                return 0
            host.travel = cf = _ffi.TRAVEL_FN(_guard(state, travel_cb))
            keep.append(cf)
        out = c_void_p()
        F.ccad_ctx_new(byref(out), byref(host))
        self._ptr = out.value
        # The callbacks live as long as the C context: the finalizer holds them.
        self._callbacks = keep
        self._store_keep: List[Any] = []
        self._finalizer = weakref.finalize(self, _release, F.ccad_ctx_free, out.value or 0,
                                           self._lock, keep)
        if store is not None:
            self.set_store(store)

    def close(self) -> None:
        """Closes every object made from this context, then the context."""
        if self._ptr:
            self._check_not_busy("Context.close")
        for child in list(self._children.values()):
            child.close()
        super().close()

    def __reduce__(self) -> Any:
        raise TypeError("a Context does not pickle (it holds callbacks and a store); pickle "
                        "Rules and Book, which come back in the unpickling context")

    def _adopt(self, child: Any) -> None:
        self._children[id(child)] = child

    def _check_not_busy(self, what: str) -> None:
        """BusyError if a C call on this context is running: then we are in
        one of its callbacks (the lock keeps other threads out), and freeing
        or replacing what that call uses would crash it."""
        if self._busy:
            raise BusyError(BusyError.code, "%s: not allowed inside a callback of the same "
                            "context (the call that runs the callback still uses it)" % what,
                            what)

    @property
    def lock(self) -> Any:
        """The context's ``threading.RLock``: every method of the context and
        of its handles holds it. Hold it yourself around a sequence of calls
        that other threads must not interleave (docs/python.md, "Threads")."""
        return self._lock

    # -- errors and callbacks --------------------------------------------

    @property
    def errmsg(self) -> str:
        """The message of the most recent failure on this context."""
        return str(F.ccad_ctx_errmsg(self._handle()).decode("utf-8", "replace"))

    @property
    def errcode(self) -> int:
        """The status code of the most recent failure (0 if none)."""
        return int(F.ccad_ctx_errcode(self._handle()))

    def errpos(self) -> Optional[Tuple[int, int]]:
        """(line, column) of the last rules-text parse error, or None."""
        ln, col = c_uint32(), c_uint32()
        if F.ccad_ctx_errpos(self._handle(), byref(ln), byref(col)) != 0:
            return None
        return ln.value, col.value

    def today(self) -> _dt.date:
        """Today's date from the clock callback (NotSupported without one)."""
        out = c_int32()
        call(self, F.ccad_ctx_today, self._handle(), byref(out))
        return from_day(out.value)  # type: ignore[return-value]

    def day_flags(self, day: DateLike) -> DayFlag:
        """The calendar flags of a day (the callback's, or Monday-Friday working)."""
        out = c_uint32()
        call(self, F.ccad_ctx_day_flags, self._handle(), byref(out), to_day(day, "day"))
        return DayFlag(out.value)

    def set_store(self, store: Optional[StoreProtocol]) -> None:
        """Gives the context a store (see :class:`StoreProtocol`), or removes it.
        BusyError inside a callback of this context."""
        self._check_not_busy("Context.set_store")
        if store is None:
            call(self, F.ccad_ctx_set_store, self._handle(), None)
            self._store_keep = []
            return
        st, keep = _make_store(self._cbstate, store)
        call(self, F.ccad_ctx_set_store, self._handle(), byref(st))
        self._store_keep = keep
        self._callbacks.extend(keep)  # held by the finalizer: alive as long as the C context

    @property
    def lang(self) -> Lang:
        """The language of the rules messages recorded on this context
        (parse errors, bad parameter names and values: the message of the
        ParseError / InvalidArgument raised, and :attr:`errmsg`); English
        for a new context. Set it to a :class:`Lang`, its int or a tag such
        as ``"zh-Hans"`` (``ccad_ctx_set_lang``; BusyError inside a
        callback of this context). Other messages stay English; reasons
        are put in a language per call (:meth:`Reason.text_in`)."""
        return _enum_out(Lang, F.ccad_ctx_lang(self._handle()))  # type: ignore[no-any-return]

    @lang.setter
    def lang(self, value: Union[Lang, int, str]) -> None:
        code = int(lang_of(value))
        call(self, F.ccad_ctx_set_lang, self._handle(), code)

    def set_store_moves(self, moves: Optional["MovesProtocol"]) -> None:
        """Gives the context the move callbacks of :meth:`Book.store_remove`
        and :meth:`Book.store_transfer` (an object with ``remove(id)`` and
        ``set_owner(id, owner)``, see :class:`MovesProtocol`), or removes
        them with None. BusyError inside a callback of this context."""
        self._check_not_busy("Context.set_store_moves")
        if moves is None:
            call(self, F.ccad_ctx_set_store_moves, self._handle(), None)
            return
        st, keep = _make_moves(self._cbstate, moves)
        call(self, F.ccad_ctx_set_store_moves, self._handle(), byref(st))
        self._callbacks.extend(keep)  # held by the finalizer: alive as long as the C context

    def team(self, calendar: Optional[Callable[[str, _dt.date], int]] = None) -> Any:
        """New :class:`custcadence.Team` of this context."""
        from .team import Team
        return Team(self, calendar=calendar)

    def _day(self, day: DateLike, what: str = "day") -> int:
        return to_day(self.today() if day is None else day, what)

    # -- factories ----------------------------------------------------------

    def rules(self, text: Optional[str] = None) -> "Rules":
        """New Rules holding the defaults, or parsed from ``text``."""
        return Rules(self, text)

    def book(self, customers: Iterable[Union[Customer, Dict[str, Any]]] = (),
             capacity_hint: int = 0) -> "Book":
        """New Book, optionally filled with customers."""
        b = Book(self, capacity_hint)
        for c in customers:
            if isinstance(c, dict):
                b.add(**c)
            else:
                b.add(c)
        return b

    def route(self, points: Sequence[Tuple[float, float]], **options: Any) -> Route:
        """See :func:`route`."""
        return route(points, ctx=self, **options)

    def route_tw(self, points: Sequence[Tuple[float, float]], **options: Any) -> TimedRoute:
        """See :func:`route_tw`."""
        return route_tw(points, ctx=self, **options)


# ---------------------------------------------------------------------------
# Rules.

_PARAMS: List[ParamInfo] = []
_PARAM_BY_NAME: Dict[str, ParamInfo] = {}
_PARAMS_LOCK = threading.Lock()


def param_infos() -> List[ParamInfo]:
    """Every rules parameter, in library order (``ccad_rules_param_info``)."""
    with _PARAMS_LOCK:  # two threads must not fill the cache twice
        for i in range(len(_PARAMS), _ffi.PARAM_COUNT):
            s = _ffi.ParamInfo.init()
            F.ccad_rules_param_info(byref(s), i)
            p = ParamInfo(i, s.name.decode(), _enum_out(_ffi_rule_enum(), s.rule), s.min_value,
                          s.max_value, s.default_value, s.unit.decode(), s.help.decode(),
                          s.source.decode())
            _PARAMS.append(p)
            _PARAM_BY_NAME[p.name] = p
    return list(_PARAMS)


def _ffi_rule_enum() -> Any:
    from .model import RuleId
    return RuleId


@_synchronized
class Rules(_Handle):
    """A rule set: every parameter of the catalogue, by name.

    Mapping-style access, with names as the library spells them::

        rules["gap.max_days"]            # -> 14
        rules["gap.max_days"] = 10       # validated; ConflictError/RangeError
        rules["grade.method"] = "threshold"   # keywords of the text form work too
        for name, value in rules.items(): ...

    :param ctx: the context (kept alive by the rules).
    :param text: optional rules text (docs/rules-format.md) to parse.
    """

    def __init__(self, ctx: Context, text: Optional[str] = None, *, _ptr: Any = None) -> None:
        self._ptr = None
        self._ctx = self._owner = ctx
        self._lock = ctx._lock
        with self._lock:
            if _ptr is None:
                out = c_void_p()
                call(ctx, F.ccad_rules_new, byref(out), ctx._handle())
                _ptr = out.value
            self._ptr = _ptr
            self._finalizer = weakref.finalize(self, _release, F.ccad_rules_free, _ptr,
                                               self._lock, ctx)
            ctx._adopt(self)
            if text is not None:
                self.parse(text)

    @classmethod
    def from_text(cls, ctx: Context, text: str) -> "Rules":
        """New rules parsed from a rules text (ParseError with line/column)."""
        return cls(ctx, text)

    @property
    def context(self) -> Context:
        return self._ctx

    def parse(self, text: Union[str, bytes]) -> None:
        """Replaces the parameters named in ``text``; the others go back to their
        defaults. All or nothing: on ParseError the rules are unchanged."""
        raw = text.encode() if isinstance(text, str) else bytes(text)
        call(self._ctx, F.ccad_rules_parse, self._handle(), raw, len(raw))

    def to_text(self) -> str:
        """Every parameter as rules text (``ccad_rules_serialize``)."""
        n = c_size_t()
        F.ccad_rules_serialize(self._handle(), None, 0, byref(n))
        buf = ctypes.create_string_buffer(n.value + 1)
        F.ccad_rules_serialize(self._handle(), buf, len(buf), byref(n))
        return buf.value.decode()

    def __reduce__(self) -> Any:
        """Pickles as its rules text; unpickling parses it in the calling
        thread's unpickling context (:func:`unpickling_context`)."""
        return (_rules_from_text, (self.to_text(),))

    def copy(self, ctx: Optional[Context] = None) -> "Rules":
        """An independent copy (in ``ctx``, default the same context)."""
        ctx = ctx or self._ctx
        out = c_void_p()
        call(ctx, F.ccad_rules_copy, byref(out), ctx._handle(), self._handle())
        return Rules(ctx, _ptr=out.value)

    __copy__ = copy

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Rules):
            return NotImplemented
        return bool(F.ccad_rules_equal(self._handle(), other._handle()))

    __hash__ = None  # type: ignore[assignment]

    # -- mapping ----------------------------------------------------------

    def __getitem__(self, name: str) -> int:
        out = c_int64()
        try:
            F.ccad_rules_get(self._handle(), cstr(name, "rules parameter name"), byref(out))
        except NotFound as e:
            raise NotFound(e.code, "no rules parameter named %r" % name, e.function) from None
        return out.value

    def __setitem__(self, name: str, value: Union[int, bool, str]) -> None:
        """Sets a parameter from an int or from its text form (``threshold``,
        ``AB``, ``Mon+Fri``) through ``ccad_rules_set_text``."""
        raw = cstr(name, "rules parameter name")
        if isinstance(value, str):
            call(self._ctx, F.ccad_rules_set_text, self._handle(), raw, cstr(value, name))
        else:
            call(self._ctx, F.ccad_rules_set, self._handle(), raw, ranged(value, c_int64, name))

    def get(self, name: str, default: Optional[int] = None) -> Optional[int]:
        """The value, or ``default`` for an unknown name."""
        try:
            return self[name]
        except NotFound:
            return default

    def __contains__(self, name: object) -> bool:
        param_infos()
        return name in _PARAM_BY_NAME

    def __iter__(self) -> Iterator[str]:
        return (p.name for p in param_infos())

    def __len__(self) -> int:
        return _ffi.PARAM_COUNT

    def keys(self) -> List[str]:
        return list(self)

    def items(self) -> List[Tuple[str, int]]:
        return [(n, self[n]) for n in self]

    def update(self, values: Dict[str, Union[int, bool, str]]) -> None:
        """Sets several parameters (each validated in turn)."""
        for k, v in values.items():
            self[k] = v

    def reset(self, name: str) -> None:
        """Sets a parameter back to its default."""
        self[name] = self.info(name).default_value

    @staticmethod
    def info(name: str) -> ParamInfo:
        """The description of one parameter (NotFound if unknown)."""
        param_infos()
        try:
            return _PARAM_BY_NAME[name]
        except KeyError:
            raise NotFound(-5, "no rules parameter named %r" % name, "Rules.info") from None

    @staticmethod
    def params() -> List[ParamInfo]:
        """Every parameter's description, in library order."""
        return param_infos()

    def changed(self) -> Dict[str, int]:
        """The parameters that differ from their defaults."""
        return {p.name: self[p.name] for p in param_infos() if self[p.name] != p.default_value}

    def __repr__(self) -> str:
        if self.closed:
            return "<Rules closed>"
        return "<Rules %r>" % (self.changed(),)


# ---------------------------------------------------------------------------
# Unpickling.

_UNPICKLING = threading.local()


def unpickling_context() -> Context:
    """The context unpickled Rules and Books land in: one per thread, made
    on first use, without callbacks. ``Book.from_snapshot(ctx, data)`` and
    ``Rules(ctx, text)`` choose the context instead."""
    ctx = getattr(_UNPICKLING, "ctx", None)
    if ctx is None or ctx.closed:
        ctx = _UNPICKLING.ctx = Context()
    return ctx


def _rules_from_text(text: str) -> "Rules":
    return Rules(unpickling_context(), text)


def _book_from_snapshot(data: bytes) -> "Book":
    return Book.from_snapshot(unpickling_context(), data)


# ---------------------------------------------------------------------------
# Book.

_BRIEF_FMT = "=iiIBBBB"
assert _struct.calcsize(_BRIEF_FMT) == ctypes.sizeof(_ffi.Brief)


class Briefs(Sequence[Brief]):
    """Batch assessment of a range of customers, from one C call.

    Indexing gives :class:`~custcadence.model.Brief` objects (made lazily);
    :meth:`columns` gives plain lists per field, fast for large books.
    """

    def __init__(self, first: int, raw: Any, day: _dt.date) -> None:
        self.first = first
        self.raw = raw
        self.day = day

    def __len__(self) -> int:
        return len(self.raw)

    @overload
    def __getitem__(self, i: int) -> Brief: ...
    @overload
    def __getitem__(self, i: slice) -> List[Brief]: ...

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        b = self.raw[i]
        return Brief(self.first + i, from_day(b.due_date), b.days_overdue, Flag(b.flags),
                     _enum_out(Grade, b.grade), _enum_out(Urgency, b.urgency),
                     _enum_out(Quadrant, b.quadrant), _enum_out(Escalation, b.escalation))

    def columns(self) -> Dict[str, List[int]]:
        """Raw columns: due_date (day numbers), days_overdue, flags, grade,
        urgency, quadrant, escalation."""
        names = ("due_date", "days_overdue", "flags", "grade", "urgency", "quadrant",
                 "escalation")
        if len(self.raw) == 0:
            return {n: [] for n in names}
        cols = zip(*_struct.iter_unpack(_BRIEF_FMT, memoryview(self.raw).cast("B")))
        return {n: list(c) for n, c in zip(names, cols)}

    def to_frame(self) -> Any:
        """:meth:`columns` as a pandas DataFrame (pandas needed), with the
        book index as the frame's index."""
        frame = _frame(dict(self.columns()))
        frame.index = range(self.first, self.first + len(self))
        return frame

    def indices(self, flag: int) -> List[int]:
        """Book indices of the customers with ``flag`` set (e.g. Flag.DUE)."""
        f = int(flag)
        return [self.first + i for i, (_, _, fl, *_r)
                in enumerate(_struct.iter_unpack(_BRIEF_FMT, memoryview(self.raw).cast("B")))
                if fl & f] if len(self.raw) else []


@_synchronized
class Book(_Handle):
    """A book of customers, their contacts and grades.

    Customers are addressed by index (``int``) or id (``str``). The book keeps
    its context alive.
    """

    def __init__(self, ctx: Context, capacity_hint: int = 0, *, _ptr: Any = None) -> None:
        self._ptr = None
        self._ctx = self._owner = ctx
        self._lock = ctx._lock
        self._schedules: "weakref.WeakValueDictionary[int, Schedule]" = weakref.WeakValueDictionary()
        # teams that borrow this book, team proposals that used it as pool:
        # closed with it (they hold its pointer)
        self._borrowers: "weakref.WeakValueDictionary[int, Any]" = weakref.WeakValueDictionary()
        scratch = _ffi.Assessment.init()
        self._scratch = (scratch, byref(scratch))
        with self._lock:
            if _ptr is None:
                out = c_void_p()
                call(ctx, F.ccad_book_new, byref(out), ctx._handle(),
                     ranged(capacity_hint, c_size_t, "capacity_hint"))
                _ptr = out.value
            self._ptr = _ptr
            self._finalizer = weakref.finalize(self, _release, F.ccad_book_free, _ptr,
                                               self._lock, ctx)
            ctx._adopt(self)

    def snapshot(self) -> bytes:
        """The book as a snapshot (``ccad_book_snapshot``, docs/snapshot.md):
        every customer with its contact summary and remembered order, a
        version and a checksum. Computed grades are not kept: grade the book
        made from it before assessing."""
        h = self._handle()
        n = c_size_t()
        F.ccad_book_snapshot(h, None, 0, byref(n))
        buf = ctypes.create_string_buffer(n.value)
        self._call(F.ccad_book_snapshot, h, buf, n.value, byref(n))
        return buf.raw[:n.value]

    @classmethod
    def from_snapshot(cls, ctx: Context, data: Union[bytes, bytearray, memoryview]) -> "Book":
        """A new book from :meth:`snapshot`'s bytes (ParseError for damaged
        bytes, VersionError for a newer format; nothing is made then)."""
        raw = bytes(data)
        out = c_void_p()
        call(ctx, F.ccad_book_from_snapshot, byref(out), ctx._handle(), raw, len(raw))
        return cls(ctx, _ptr=out.value)

    def __reduce__(self) -> Any:
        """Pickles as a snapshot; unpickling makes the book in the calling
        thread's unpickling context (:func:`unpickling_context`), ungraded."""
        return (_book_from_snapshot, (self.snapshot(),))

    @classmethod
    def from_store(cls, ctx: Context) -> "Book":
        """A new book holding every customer of the context's store."""
        out = c_void_p()
        call(ctx, F.ccad_store_load_book, byref(out), ctx._handle())
        return cls(ctx, _ptr=out.value)

    def close(self) -> None:
        if self._ptr:
            self._owner._check_not_busy("Book.close")
        for s in list(self._schedules.values()):
            s.close()
        for t in list(self._borrowers.values()):
            t.close()
        super().close()

    @property
    def context(self) -> Context:
        return self._ctx

    def _call(self, fn: Any, *args: Any) -> Any:
        return call(self._ctx, fn, *args)

    # -- customers ----------------------------------------------------------

    def __len__(self) -> int:
        return int(F.ccad_book_count(self._handle()))

    def index(self, key: Key) -> int:
        """The index of a customer given by index or id (NotFound if absent)."""
        if isinstance(key, str):
            out = c_size_t()
            self._call(F.ccad_book_find, self._handle(), cstr(key, "id"), byref(out))
            return out.value
        if isinstance(key, bool) or not isinstance(key, int):
            raise TypeError("a customer is addressed by index or id, not %r" % (key,))
        return _size_index(key if key >= 0 else key + len(self))

    find = index

    def __contains__(self, cid: object) -> bool:
        if not isinstance(cid, str) or "\0" in cid:
            return False
        out = c_size_t()
        try:
            self._call(F.ccad_book_find, self._handle(), cstr(cid, "id"), byref(out))
        except NotFound:
            return False
        return True

    def id(self, index: int) -> str:
        """The id of customer ``index`` (NotFound for a bad index)."""
        raw = F.ccad_book_id(self._handle(), _size_index(index))
        if raw is None:
            raise NotFound(-5, "no customer at index %d" % index, "ccad_book_id")
        return str(raw.decode("utf-8", "surrogateescape"))

    def ids(self) -> List[str]:
        """Every customer id, in index order."""
        h = self._handle()
        return [F.ccad_book_id(h, i).decode("utf-8", "surrogateescape")
                for i in range(F.ccad_book_count(h))]

    def add(self, customer: Optional[Customer] = None, /, **fields: Any) -> int:
        """Adds a customer (a Customer, or its fields as keywords); returns its index."""
        if customer is None:
            customer = Customer(**fields)
        elif fields:
            raise TypeError("give a Customer or keyword fields, not both")
        s = customer_to_struct(customer)
        out = c_size_t()
        self._call(F.ccad_book_add, self._handle(), byref(s), byref(out))
        return out.value

    def add_columns(self, columns: Any) -> int:
        """Adds many customers from columns in one C call
        (``ccad_book_add_many``), all or nothing; returns the index of the
        first. ``columns``: a mapping of Customer field names to sequences,
        numpy arrays or pandas Series, or a pandas DataFrame
        (:mod:`custcadence.columns`). On an error no customer is added and
        the message names the element: ``customers[17]: ...``."""
        ptr, n, records, ids = _columns.customer_array(columns)
        first = c_size_t(len(self))
        if n:
            self._call(F.ccad_book_add_many, self._handle(), ptr, n, byref(first))
        del records, ids  # the C call copied what it keeps
        return first.value

    @classmethod
    def from_columns(cls, ctx: Context, columns: Any, capacity_hint: int = 0) -> "Book":
        """A new book holding the customers of ``columns`` (see :meth:`add_columns`)."""
        b = cls(ctx, capacity_hint)
        try:
            b.add_columns(columns)
        except BaseException:
            b.close()
            raise
        return b

    def get(self, key: Key) -> Customer:
        """The customer (with its contact summary) as a Customer."""
        s = _ffi.Customer.init()
        self._call(F.ccad_book_get, self._handle(), self.index(key), byref(s))
        return customer_from_struct(s)

    __getitem__ = get

    def __iter__(self) -> Iterator[Customer]:
        for i in range(len(self)):
            yield self.get(i)

    def update(self, key: Key, customer: Optional[Customer] = None, /, **changes: Any) -> None:
        """Replaces a customer's data, or changes the named fields only."""
        idx = self.index(key)
        if customer is None:
            customer = self.get(idx)
            for k, v in changes.items():
                if k == "id" or k not in customer.__dataclass_fields__:
                    raise TypeError("cannot change field %r" % k)
                setattr(customer, k, v)
        elif changes:
            raise TypeError("give a Customer or keyword changes, not both")
        s = customer_to_struct(customer)
        self._call(F.ccad_book_update, self._handle(), idx, byref(s))

    def record(self, key: Key, contact: Optional[Contact] = None, /, **fields: Any) -> None:
        """Records a contact (a Contact, or its fields as keywords)."""
        idx = self.index(key)
        s = contact_to_struct(contact if contact is not None else Contact(**fields))
        self._call(F.ccad_book_record, self._handle(), idx, byref(s))

    def grade_of(self, key: Key) -> Grade:
        """A customer's effective grade (hand-set, else the last grading's);
        Grade.NONE if never graded."""
        g: Grade = _enum_out(Grade, F.ccad_book_grade_of(self._handle(), self.index(key)))
        return g

    def grade(self, rules: Rules) -> None:
        """Computes every customer's grade (needed after adds and value changes)."""
        self._call(F.ccad_book_grade, self._handle(), rules._handle())

    # -- moves between books (1.1) ------------------------------------------

    def _other(self, to: "Book", what: str) -> int:
        if not isinstance(to, Book):
            raise TypeError("%s: the receiving book must be a Book, not %r" % (what, to))
        if to._ctx is not self._ctx:
            raise InvalidArgument(-1, "%s: both books must belong to one context" % what, what)
        return to._handle()

    def _keep_schedule_ids(self) -> None:
        """Before customers leave this book: every open schedule of it reads
        all its customer ids now, so that its items keep naming the
        customers they were planned for (their indices shift)."""
        live = [s for s in self._schedules.values() if not s.closed and not s._ids_kept]
        if live:
            ids = dict(enumerate(self.ids()))
            for s in live:
                s._ids = dict(ids)
                s._ids_kept = True  # later moves must not replace them

    def remove(self, key: Key) -> None:
        """Removes a customer (``ccad_book_remove``); the customers after it
        move down one index. Grade the book again before assessing."""
        idx = self.index(key)
        self._keep_schedule_ids()
        self._call(F.ccad_book_remove, self._handle(), idx)

    def transfer(self, key: Key, to: "Book") -> int:
        """Moves a customer with its contact summary to book ``to`` of the
        same context, all or nothing (``ccad_book_transfer``); returns its
        index there. Grade both books again before assessing."""
        dest = self._other(to, "Book.transfer")
        out = c_size_t()
        idx = self.index(key)
        self._keep_schedule_ids()
        self._call(F.ccad_book_transfer, self._handle(), idx, dest, byref(out))
        return out.value

    def store_remove(self, key: Key) -> None:
        """:meth:`remove`, persisted in one transaction of the context's
        store and its move callbacks (:meth:`Context.set_store_moves`)."""
        idx = self.index(key)
        self._keep_schedule_ids()
        self._call(F.ccad_store_remove, self._handle(), idx)

    def store_transfer(self, key: Key, to: "Book", owner: str) -> int:
        """:meth:`transfer`, persisted: the store records ``owner`` (the
        receiving rep's id) as the customer's owner in one transaction."""
        dest = self._other(to, "Book.store_transfer")
        out = c_size_t()
        idx = self.index(key)
        self._keep_schedule_ids()
        self._call(F.ccad_store_transfer, self._handle(), idx, dest,
                   cstr(owner, "owner"), byref(out))
        return out.value

    # -- storage ----------------------------------------------------------

    def store_record(self, key: Key, contact: Optional[Contact] = None, /,
                     **fields: Any) -> None:
        """Records a contact in the store and the book, all or nothing."""
        idx = self.index(key)
        s = contact_to_struct(contact if contact is not None else Contact(**fields))
        self._call(F.ccad_store_record, self._handle(), idx, byref(s))

    def store_save(self) -> None:
        """Saves every customer to the store in one transaction."""
        self._call(F.ccad_store_save_book, self._handle())

    def store_load_customer(self, cid: str) -> int:
        """Loads (adds or replaces) one customer from the store; returns its index."""
        out = c_size_t()
        self._call(F.ccad_store_load_customer, self._handle(), cstr(cid, "id"), byref(out))
        return out.value

    # -- assessment ---------------------------------------------------------

    def assess(self, key: Key, rules: Rules, day: DateLike = None) -> Assessment:
        """Assesses one customer on ``day`` (default: the clock's today).

        The per-customer fast path (docs/python.md): one C call under the
        context's lock, the result read with one unpack, reasons decoded and
        formatted only when read."""
        if type(day) is _dt.date:
            d = day.toordinal() - _EPOCH_ORDINAL
        else:
            d = self._ctx._day(day)
        with self._lock:
            # the book's own scratch struct: the lock is held and the call
            # runs no callback, so nothing else uses it until it is read
            s, ref = self._scratch
            idx = key if type(key) is int and 0 <= key < _SIZE_LIMIT else self.index(key)
            rc = F.ccad_book_assess(self._ptr or self._handle(), rules._ptr or rules._handle(),
                                    idx, d, ref)
            if rc != 0:
                raise _ffi.make_error(rc, "ccad_book_assess", self._ctx)
            return assessment_from_struct(s)

    def assess_all(self, rules: Rules, day: DateLike = None, first: int = 0,
                   count: Optional[int] = None) -> Briefs:
        """Assesses customers ``first .. first+count-1`` (default all) in ONE
        call of ``ccad_book_assess_range``; returns :class:`Briefs`."""
        h = self._handle()
        first = ranged(first, c_size_t, "first")
        if count is None:
            count = F.ccad_book_count(h) - first
        count = ranged(count, c_size_t, "count")
        d = self._ctx._day(day)
        raw = (_ffi.Brief * count)()
        if count:
            self._call(F.ccad_book_assess_range, h, rules._handle(), first, count, d, raw,
                       ctypes.sizeof(_ffi.Brief))
        return Briefs(first, raw, from_day(d))  # type: ignore[arg-type]

    # -- planning ---------------------------------------------------------

    def schedule(self, rules: Rules, first_day: DateLike = None, days: int = 7,
                 **options: Any) -> "Schedule":
        """Plans ``days`` days from ``first_day``; see :class:`Schedule`."""
        return Schedule(self, rules, first_day, days, **options)

    def workload(self, rules: Rules, day: DateLike = None, *, period_days: int = 30,
                 field_days: int = 22, visits_per_day: int = 1) -> Workload:
        """Customers x frequency per grade against capacity (WORKLOAD)."""
        s = _ffi.Workload.init()
        put(s, "period_days", period_days)
        put(s, "field_days", field_days)
        put(s, "visits_per_day", visits_per_day)
        self._call(F.ccad_book_workload, self._handle(), rules._handle(),
                   self._ctx._day(day), byref(s))
        return workload_from_struct(s)

    def platform(self, rules: Rules) -> Platform:
        """Market, working and buying platforms (PLATFORM)."""
        s = _ffi.Platform.init()
        self._call(F.ccad_book_platform, self._handle(), rules._handle(), byref(s))

        def counts(arr: Any) -> PlatformCounts:
            return PlatformCounts(arr[0], {Grade(g): arr[g] for g in range(1, 5)})
        return Platform(counts(s.market), counts(s.working), counts(s.buying), s.key_accounts,
                        s.working_cap, bool(s.over_cap), bool(s.c_heavy), s.working_min,
                        bool(s.under_min))

    def choose_working(self, rules: Rules) -> List[Choice]:
        """A working-platform choice per customer, in index order."""
        h = self._handle()
        n = F.ccad_book_count(h)
        out = (c_uint8 * max(n, 1))()
        self._call(F.ccad_book_choose_working, h, rules._handle(), out, n)
        return [_enum_out(Choice, out[i]) for i in range(n)]

    def __repr__(self) -> str:
        return "<Book closed>" if self.closed else "<Book %d customers>" % len(self)


# ---------------------------------------------------------------------------
# Schedule.

_ITEM_LAYOUT, _ITEM_NAMES = _ffi.layout(_ffi.Item, "reasons", raw_tail=True)
_ITEM_SIZE = ctypes.sizeof(_ffi.Item)
_ITEM_CHUNK = 4096  # items read per ccad_schedule_items call (1.3 MB)
_ITEM_KINDS = enum_map(ItemKind)
_FINDING_LAYOUT, _FINDING_NAMES = _ffi.layout(_ffi.Finding, "reasons", raw_tail=True)
_FINDING_KINDS = enum_map(FindingKind)
_QUADRANTS = enum_map(Quadrant)
_DELEGATIONS = enum_map(Delegation)
_REASON_LAYOUT = _struct.Struct("=iiqqq")
_new_tuple = tuple.__new__
_dates_get = _DATES.get

#: The columns of :meth:`Schedule.finding_rows` / :meth:`Schedule.finding_columns`.
FINDING_COLUMNS = ("kind", "customer", "customer_id", "date", "reasons")

#: The columns of :meth:`Schedule.rows` / :meth:`Schedule.columns`.
ITEM_COLUMNS = ("index", "date", "customer", "customer_id", "kind", "quadrant", "priority",
                "delegated", "rolled_from", "reminder_date", "block_day", "seq", "eta_min",
                "depart_min", "travel_min", "late", "reasons")
assert ITEM_COLUMNS[:-1] == Item._fields[:-1]


def plan_options(days: int, options: Dict[str, Any]) -> _ffi.PlanOptions:
    """A ``ccad_plan_options`` with ``days`` and the named members set
    (range-checked); TypeError for a name it does not have. ``first_day``
    is set by the caller."""
    o: _ffi.PlanOptions = _ffi.PlanOptions.init()
    put(o, "days", days)
    for k, v in options.items():
        if k not in _PLAN_OPTION_NAMES:
            raise TypeError("unknown plan option %r (known: %s)"
                            % (k, ", ".join(_PLAN_OPTION_NAMES)))
        put(o, k, v)
    return o


def workload_from_struct(s: _ffi.Workload) -> Workload:
    """A :class:`Workload` from its ``ccad_workload``."""
    grades = (Grade.A, Grade.B, Grade.C, Grade.D)
    return Workload(s.period_days, s.field_days, s.visits_per_day,
                    {g: WorkloadRow(s.rows[i].customers, s.rows[i].visits)
                     for i, g in enumerate(grades)},
                    s.visits, s.capacity, s.rounds_x100, bool(s.over),
                    {g: s.cut[i] for i, g in enumerate(grades)}, s.stretch_x100)


def item_of(index: int, v: Tuple[Any, ...], cid: Callable[[int], str]) -> Item:
    """An :class:`Item` from the values of ``_ITEM_LAYOUT.unpack_from``;
    ``cid`` names the customer of an index of the item's book."""
    (_, date, cust, kind, quadrant, priority, delegated, rolled, reminder, block, seq,
     eta, depart, travel, late, rcount, raw) = v
    return _new_tuple(Item, (
        index, _date_of(date), cust, cid(cust), _ITEM_KINDS.get(kind, kind),
        _QUADRANTS.get(quadrant, quadrant), priority,
        _DELEGATIONS.get(delegated, delegated), _date_of(rolled), _date_of(reminder),
        block, seq, eta, depart, travel, bool(late),
        _reasons_of(raw[:32 * min(rcount, _ffi.ITEM_REASONS_MAX)]) if rcount
        else _NO_REASONS))


def finding_of(v: Tuple[Any, ...], cid: Callable[[int], str]) -> Finding:
    """A :class:`Finding` from the values of ``_FINDING_LAYOUT.unpack_from``."""
    _, kind, cust, date, rcount, raw = v
    c = None if cust < 0 else cust
    return Finding(_FINDING_KINDS.get(kind, kind), c, None if c is None else cid(c),
                   _date_of(date),
                   _reasons_of(raw[:32 * min(rcount, _ffi.ITEM_REASONS_MAX)])
                   if rcount else _NO_REASONS)


def _date_of(day: int) -> Optional[_dt.date]:
    return _dates_get(day) or from_day(day)


def _day_number(day: int) -> Optional[int]:
    return None if day == NO_DATE else day


def _columns_of(names: Sequence[str], rows: List[Tuple[Any, ...]]) -> Dict[str, List[Any]]:
    if not rows:
        return {n: [] for n in names}
    return {n: list(c) for n, c in zip(names, zip(*rows))}


def _frame(columns: Dict[str, List[Any]]) -> Any:
    try:
        import pandas  # type: ignore[import]
    except ImportError:
        raise ImportError("to_frame needs pandas (Debian: python3-pandas); columns() gives the "
                          "same data as plain lists") from None
    return pandas.DataFrame(columns)


_PLAN_OPTION_NAMES = tuple(n for n, _t in _ffi.PlanOptions._fields_
                           if n not in ("size", "first_day", "days"))


@_synchronized
class Schedule(_Handle, Sequence[Item]):
    """An immutable plan of a date range: items (by day, then priority),
    findings and reminders. Keeps its book (and so the context) alive.

    :param options: any member of ``ccad_plan_options`` by name
        (visits_per_day=8, minutes_per_day, overload, keep_reasons, route,
        assign_days, base_x, base_y, metric, scale, units_per_minute,
        day_start_min, day_minutes, seed, effort); defaults are
        CCAD_PLAN_OPTIONS_INIT's. Booleans and enums are accepted.
    """

    def __init__(self, book: Book, rules: Rules, first_day: DateLike = None, days: int = 7,
                 **options: Any) -> None:
        self._ptr = None
        self._book = book
        self._owner = book._owner
        self._lock = book._lock
        self._ids: Dict[int, str] = {}
        self._ids_kept = False  # True once every id was read (customers left the book)
        self._replan_changed: Optional[int] = None
        o = plan_options(days, options)
        with self._lock:
            put(o, "first_day", book._ctx._day(first_day, "first_day"))
            out = c_void_p()
            call(book._ctx, F.ccad_schedule_new, byref(out), book._handle(), rules._handle(),
                 byref(o))
            self._ptr = out.value
            self._rules = rules
            self._first_day = int(o.first_day)
            self._days = days
            self._options = dict(options)
            self._finalizer = weakref.finalize(self, _release, F.ccad_schedule_free,
                                               out.value or 0, self._lock, book)
            book._schedules[id(self)] = self

    @property
    def book(self) -> Book:
        return self._book

    def replan(self, first_day: DateLike = None, *, rules: Optional[Rules] = None,
               days: Optional[int] = None, **options: Any) -> ReplanCause:
        """Brings the schedule up to date with its book
        (``ccad_schedule_replan``): afterwards it is, item for item and
        finding for finding, what ``Schedule(book, rules, first_day, days,
        **options)`` would plan now. The book tracks its own changes
        (contacts recorded, customers added, removed or updated, grading),
        so nothing has to be said about them; when nothing the plan depends
        on changed the plan is kept as it was.

        :param first_day: a new first day ("today"); default: the schedule's.
        :param rules: other rules; default: the rules it was planned with
            (as they are now).
        :param days: another length; default: the schedule's.
        :param options: plan options to change (as for ``Schedule``); the
            others stay as they were.
        :returns: a ``ReplanCause``: ``KEPT``, or why it planned again.
        :raises CadenceError: as ``Schedule`` (``StaleGrades`` when the book
            was not graded again); the schedule is then as it was.
        """
        rules = self._rules if rules is None else rules
        days = self._days if days is None else days
        merged = dict(self._options)
        merged.update(options)
        o = plan_options(days, merged)
        info = _ffi.ReplanInfo.init()
        book = self._book
        with self._lock:
            put(o, "first_day", self._first_day if first_day is None
                else book._ctx._day(first_day, "first_day"))
            call(book._ctx, F.ccad_schedule_replan, self._handle(), book._handle(),
                 rules._handle(), byref(o), byref(info))
            self._rules = rules
            self._first_day = int(o.first_day)
            self._days = days
            self._options = merged
            self._ids = {}  # the items name the book's customers as they are now
            self._ids_kept = False
            self._replan_changed = int(info.changed) if info.incremental else None
        return ReplanCause(info.cause)

    @property
    def replan_changed(self) -> Optional[int]:
        """After ``replan()`` took the incremental path (only the book's
        records changed; ``ccad_replan_info.incremental``): how many
        customers it found changed and worked out again. ``None`` before
        any replan, or when the last one kept the plan or planned from
        scratch (as the first replan that plans does: it keeps the trace
        the later ones reuse)."""
        return self._replan_changed

    def __reduce__(self) -> Any:
        raise TypeError("a Schedule does not pickle; pickle its results (items, rows(), "
                        "columns(), findings) or the book and rules to plan again")

    def __len__(self) -> int:
        return int(F.ccad_schedule_item_count(self._handle()))

    def _cid(self, index: int) -> str:
        cid = self._ids.get(index)
        if cid is None:
            # the schedule's customer indices are the book's: no check needed
            raw = F.ccad_book_id(self._book._handle(), index)
            if raw is None:  # removed from the book since the plan was made
                return "?"
            cid = self._ids[index] = raw.decode("utf-8", "surrogateescape")
        return cid

    @overload
    def __getitem__(self, i: int) -> Item: ...
    @overload
    def __getitem__(self, i: slice) -> List[Item]: ...

    def __getitem__(self, i: Any) -> Any:
        n = len(self)
        if isinstance(i, slice):
            start, stop, step = i.indices(n)
            if step == 1:
                return self._items(start, max(stop - start, 0))
            return [self[k] for k in range(start, stop, step)]
        if i < 0:
            i += n
        s = _ffi.Item.init()
        call(self._book._ctx, F.ccad_schedule_item, self._handle(), _size_index(i, noun="item"),
             byref(s))
        return self._item(i, _ITEM_LAYOUT.unpack_from(s))

    def __iter__(self) -> Iterator[Item]:
        n = len(self)
        for first in range(0, n, _ITEM_CHUNK):
            yield from self._items(first, min(_ITEM_CHUNK, n - first))

    def _raw_items(self, first: int, count: int) -> Iterator[Tuple[Any, ...]]:
        """The members of items first..first+count-1 as tuples of plain
        values (the reasons as raw bytes last), read ``_ITEM_CHUNK`` at a time
        with one ``ccad_schedule_items`` call each."""
        h = self._handle()
        end = first + count
        while first < end:
            k = min(_ITEM_CHUNK, end - first)
            arr = (_ffi.Item * k)()
            arr[0].size = _ITEM_SIZE
            call(self._book._ctx, F.ccad_schedule_items, h, first, k, arr)
            yield from _ITEM_LAYOUT.iter_unpack(memoryview(arr).cast("B"))
            first += k

    def _item(self, index: int, v: Tuple[Any, ...]) -> Item:
        return item_of(index, v, self._cid)

    def _items(self, first: int, count: int) -> List[Item]:
        item = self._item
        return [item(first + k, v) for k, v in enumerate(self._raw_items(first, count))]

    def rows(self, raw: bool = False) -> List[Tuple[Any, ...]]:
        """Every item as a plain tuple, in the order of :data:`ITEM_COLUMNS`
        (``reasons`` as a tuple of (rule, why, a, b, c) per reason). With
        ``raw``, dates are day numbers (None for no date) and enumerations
        ints: for a DataFrame or a CSV writer."""
        cid = self._cid
        date = _day_number if raw else _date_of
        no: Dict[int, Any] = {}
        kinds, quads, dels = (no, no, no) if raw else (_ITEM_KINDS, _QUADRANTS, _DELEGATIONS)
        out: List[Tuple[Any, ...]] = []
        for index, (_, d, cust, kind, quadrant, priority, delegated, rolled, reminder, block,
                    seq, eta, depart, travel, late, rcount, rawr) in \
                enumerate(self._raw_items(0, len(self))):
            out.append((index, date(d), cust, cid(cust), kinds.get(kind, kind),
                        quads.get(quadrant, quadrant), priority,
                        dels.get(delegated, delegated), date(rolled), date(reminder), block,
                        seq, eta, depart, travel, bool(late),
                        tuple(_REASON_LAYOUT.iter_unpack(
                            rawr[:32 * min(rcount, _ffi.ITEM_REASONS_MAX)]))))
        return out

    def columns(self, raw: bool = False) -> Dict[str, List[Any]]:
        """Every item as columns: :data:`ITEM_COLUMNS` -> list (see :meth:`rows`)."""
        return _columns_of(ITEM_COLUMNS, self.rows(raw))

    def to_frame(self, raw: bool = False) -> Any:
        """The items as a pandas DataFrame (pandas needed), one row per item."""
        return _frame(self.columns(raw))

    @property
    def items(self) -> List[Item]:
        """Every item, by day then priority."""
        return self._items(0, len(self))

    def by_day(self) -> Dict[_dt.date, List[Item]]:
        """Items grouped by day (days without items are absent)."""
        out: Dict[_dt.date, List[Item]] = {}
        for it in self:
            out.setdefault(it.date, []).append(it)  # type: ignore[arg-type]
        return out

    @property
    def finding_count(self) -> int:
        """How many findings (``ccad_schedule_finding_count``), without reading them."""
        return int(F.ccad_schedule_finding_count(self._handle()))

    @property
    def findings(self) -> List[Finding]:
        """Every finding (never-contacted among the unplanned first); each
        read with one unpack, reasons decoded when read."""
        h = self._handle()
        ctx = self._book._ctx
        s = _ffi.Finding.init()
        ref = byref(s)
        out = []
        for i in range(F.ccad_schedule_finding_count(h)):
            call(ctx, F.ccad_schedule_finding, h, i, ref)
            out.append(finding_of(_FINDING_LAYOUT.unpack_from(s), self._cid))
        return out

    def finding_rows(self, raw: bool = False) -> List[Tuple[Any, ...]]:
        """Every finding as a plain tuple in the order of
        :data:`FINDING_COLUMNS` (``reasons`` as (rule, why, a, b, c) tuples;
        customer and customer_id None for the whole plan). With ``raw``,
        dates are day numbers and kinds ints."""
        out: List[Tuple[Any, ...]] = []
        for f in self.findings:
            date: Any = f.date
            kind: Any = f.kind
            if raw:
                date = None if f.date is None else to_day(f.date)
                kind = int(f.kind)
            out.append((kind, f.customer, f.customer_id, date,
                        tuple(r.astuple() for r in f.reasons)))
        return out

    def finding_columns(self, raw: bool = False) -> Dict[str, List[Any]]:
        """The findings as columns (see :meth:`finding_rows`)."""
        return _columns_of(FINDING_COLUMNS, self.finding_rows(raw))

    def findings_frame(self, raw: bool = False) -> Any:
        """The findings as a pandas DataFrame (pandas needed)."""
        return _frame(self.finding_columns(raw))

    def day(self, day: DateLike) -> DaySummary:
        """Totals of one day of the range (NotFound outside it)."""
        s = _ffi.Day.init()
        call(self._book._ctx, F.ccad_schedule_day, self._handle(), to_day(day, "day"), byref(s))
        return DaySummary(from_day(s.date), DayFlag(s.flags), s.items, s.by_rep, s.delegated,
                          s.touches, s.stops, s.service_min, s.travel_min,
                          None if s.back_min < 0 else s.back_min, s.late)

    def reminders(self, day: DateLike) -> List[Item]:
        """The items whose reminder falls on ``day`` (FOLLOWUP)."""
        h = self._handle()
        d = to_day(day, "day")
        n = c_size_t()
        call(self._book._ctx, F.ccad_schedule_reminders, h, d, None, 0, byref(n))
        if n.value == 0:
            return []
        arr = (c_size_t * n.value)()
        call(self._book._ctx, F.ccad_schedule_reminders, h, d, arr, n.value, byref(n))
        return [self[int(k)] for k in arr[:n.value]]

    def __repr__(self) -> str:
        return "<Schedule closed>" if self.closed else "<Schedule %d items>" % len(self)


# ---------------------------------------------------------------------------
# Routes.


def _coordinates(points: Sequence[Tuple[float, float]]) -> Tuple[int, Any, Any]:
    """n and the C arrays of x and y (at least one entry each)."""
    n = len(points)
    xs = (ctypes.c_double * max(n, 1))()
    ys = (ctypes.c_double * max(n, 1))()
    for i, (x, y) in enumerate(points):
        xs[i] = x
        ys[i] = y
    return n, xs, ys


def route(points: Sequence[Tuple[float, float]], *, ctx: Optional[Context] = None,
          metric: Union[Metric, int] = Metric.PLANAR, closed: bool = True, seed: int = 1,
          effort: int = 20, scale: float = 1.0) -> Route:
    """Orders points into a short tour from the base, ``points[0]`` (ROUTE).

    :param ctx: the context (its travel callback serves Metric.HOST); a
        temporary one when None.
    :returns: Route(order, cost): point indices, the base first.
    """
    o = _ffi.RouteOptions.init()
    for k, v in (("metric", metric), ("closed", closed), ("seed", seed), ("effort", effort),
                 ("scale", scale)):
        put(o, k, v)
    own = ctx is None
    c = Context() if ctx is None else ctx
    try:
        n, xs, ys = _coordinates(points)
        order = (c_uint32 * max(n, 1))()
        cost = c_int64()
        with c._lock:
            call(c, F.ccad_route_solve, c._handle(), xs, ys, n, byref(o), order, byref(cost))
        return Route(list(order[:n]), cost.value)
    finally:
        if own:
            c.close()


def _minutes(name: str, values: Optional[Sequence[int]], n: int) -> Any:
    """A C array of n int32 minutes, or None; checked here so that C never
    reads past a short list."""
    if values is None:
        return None
    if len(values) != n:
        raise InvalidArgument(-1, "route_tw: %s has %d entries, expected one per point (%d)"
                              % (name, len(values), n), "route_tw")
    arr = (c_int32 * max(n, 1))()
    for i, v in enumerate(values):
        if isinstance(v, bool) or not isinstance(v, int) or not -2**31 <= v < 2**31:
            raise InvalidArgument(-1, "route_tw: %s[%d] is not a 32-bit integer" % (name, i),
                                  "route_tw")
        arr[i] = v
    return arr


def route_tw(points: Sequence[Tuple[float, float]], *, ctx: Optional[Context] = None,
             windows: Optional[Sequence[Tuple[int, int]]] = None,
             service: Optional[Sequence[int]] = None, start: int = 480, end: int = 1020,
             units_per_minute: float = 500.0, metric: Union[Metric, int] = Metric.PLANAR,
             seed: int = 1, scale: float = 1.0) -> TimedRoute:
    """Orders points into a day's tour that meets their time windows
    (``ccad_route_solve_tw``); ``points[0]`` is the base.

    :param windows: one ``(open, close)`` pair of minutes after midnight per
        point (entry 0 ignored); service starts no earlier than open and ends
        by close. None: no windows.
    :param service: minutes of service per point (entry 0 ignored); None: 0.
    :param start: minute the rep may leave the base; ``end``: back by then.
    :param units_per_minute: travel speed in the metric's cost units a minute
        (ignored for Metric.HOST, whose callback gives minutes).
    :returns: TimedRoute; ``feasible`` False (not an exception) when no order
        meets every window: then the order is the least late one.
    :raises RangeError, InvalidArgument, ...: for bad arguments, as the C call.
    """
    n = len(points)
    opens = closes = None
    if windows is not None:
        if len(windows) != n:
            raise InvalidArgument(-1, "route_tw: windows has %d entries, expected one per point "
                                  "(%d)" % (len(windows), n), "route_tw")
        opens = _minutes("windows (open)", [w[0] for w in windows], n)
        closes = _minutes("windows (close)", [w[1] for w in windows], n)
    svc = _minutes("service", service, n)
    o = _ffi.RouteOptions.init()
    for k, v in (("metric", metric), ("seed", seed), ("scale", scale)):
        put(o, k, v)
    t = _ffi.RouteTimes.init()
    put(t, "start_min", start, "start")
    put(t, "end_min", end, "end")
    put(t, "units_per_minute", units_per_minute)
    t.open_min, t.close_min, t.service_min = opens, closes, svc
    own = ctx is None
    c = Context() if ctx is None else ctx
    try:
        n, xs, ys = _coordinates(points)
        order = (c_uint32 * max(n, 1))(*([0xFFFFFFFF] * max(n, 1)))
        starts = (c_int32 * max(n, 1))()
        cost = c_int64()
        with c._lock:
            rc = call(c, F.ccad_route_solve_tw, c._handle(), xs, ys, n, byref(o), byref(t),
                      order, starts, byref(cost))
            if rc != 0 and order[0] != 0:  # an argument out of range: nothing was written
                raise _ffi.make_error(rc, "ccad_route_solve_tw", c)
            problem = c.errmsg if rc != 0 else ""
        return TimedRoute(list(order[:n]), cost.value, list(starts[:n]), rc == 0, problem)
    finally:
        if own:
            c.close()
