"""Teams (1.1, docs/teams.md): reps with borrowed books, team plans that name
the teammate who carries out each delegated contact, and proposals of
releases, assignments from a pool and moves between reps."""
from __future__ import annotations

import datetime as _dt
import weakref
from ctypes import byref, c_size_t, c_uint32, c_void_p
from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Tuple, Union

from . import _ffi
from ._ffi import F, call, cstr, put, ranged
from .core import (_FINDING_LAYOUT, _ITEM_LAYOUT, Book, Context, Rules, Schedule, _guard,
                   _Handle, _release, _size_index, _synchronized, finding_of, item_of,
                   plan_options, workload_from_struct)
from .errors import InvalidArgument, NotFound
from .model import (DateLike, DayFlag, Finding, FindingKind, Item, Metric, Reason, Workload,
                    from_day, to_day)

RepKey = Union[int, str]
_NO_REP = 0xFFFFFFFF  # UINT32_MAX: the pool (a proposal's rep or to_rep)


@dataclass(frozen=True)
class Rep:
    """One rep of a team (``ccad_rep``); the defaults are CCAD_REP_INIT's.
    At least one of ``visits_per_day`` and ``minutes_per_day`` must be set."""
    id: str
    base_x: float = 0.0
    base_y: float = 0.0
    visits_per_day: int = 8
    minutes_per_day: int = 0
    day_start_min: int = 480
    day_minutes: int = 480


@dataclass(frozen=True)
class TeamItem:
    """One item of a team schedule: ``carrier`` carries it out for ``owner``
    (rep ids; equal unless ``item.delegated`` says why not). ``item.customer``
    indexes the owner's book; ``item.customer_id`` names it."""
    carrier: str
    owner: str
    item: Item

    @property
    def date(self) -> Optional[_dt.date]:
        return self.item.date

    @property
    def customer_id(self) -> str:
        return self.item.customer_id


@dataclass(frozen=True)
class TeamFinding:
    """One finding of a team schedule, about rep ``rep`` (the owner, for a
    customer: ``finding.customer`` indexes that rep's book)."""
    rep: str
    finding: Finding


@dataclass(frozen=True)
class TeamProposal:
    """One proposal (``ccad_team_proposal``): ``kind`` is RELEASE_PROPOSED,
    ASSIGN_PROPOSED or MOVE_PROPOSED. ``rep`` holds the customer (None: the
    pool; ``customer`` indexes that book), ``to_rep`` is to take it (None:
    released to the pool). The first reason carries the figures."""
    kind: FindingKind
    rep: Optional[str]
    to_rep: Optional[str]
    customer: int
    customer_id: str
    date: Optional[_dt.date]
    reasons: Sequence[Reason]


@dataclass(frozen=True)
class TeamLoad:
    """One rep's line of the team workload table (``ccad_team_load``)."""
    rep: str
    before: Workload
    customers_after: int
    visits_after: int
    travel_before: int
    travel_after: int


@dataclass(frozen=True)
class TeamBalance:
    """The team's balance before and after the proposals (``ccad_team_balance``)."""
    spread_before_x100: int
    spread_after_x100: int
    travel_before: int
    travel_after: int
    releases: int
    assigns: int
    moves: int
    over_after: int


def _rep_struct(rep: Rep) -> _ffi.Rep:
    if not isinstance(rep, Rep):
        raise TypeError("a team member is a Rep, not %r" % (rep,))
    s: _ffi.Rep = _ffi.Rep.init()
    s.id = cstr(rep.id, "Rep.id")
    for name in ("base_x", "base_y", "visits_per_day", "minutes_per_day", "day_start_min",
                 "day_minutes"):
        put(s, name, getattr(rep, name), "Rep." + name)
    return s


def _ids_lookup(ids: List[str]) -> Callable[[int], str]:
    """Customer ids of a book as they were when a result was made."""
    def cid(index: int) -> str:
        return ids[index] if 0 <= index < len(ids) else "?"
    return cid


@_synchronized
class Team(_Handle):
    """Several reps planned together (``ccad_team``).

    A team borrows its reps' books: it keeps every book (and so the
    context) alive, and closing a book, or the context, closes the team.
    Reps are kept in id order whatever the order they were added in; a
    rep is addressed by index in that order or by id.

    :param calendar: ``(rep_id, date) -> DayFlag`` bits of a day for one
        rep (its absences as DayFlag.ABSENT); None: every rep follows the
        context's calendar. An exception it raises fails the call that ran
        it, chained to the library's CallbackError.
    """

    def __init__(self, ctx: Context, *,
                 calendar: Optional[Callable[[str, _dt.date], int]] = None) -> None:
        if not isinstance(ctx, Context):
            raise TypeError("a Team needs a Context, not %r" % (ctx,))
        self._ptr = None
        self._ctx = self._owner = ctx
        self._lock = ctx._lock
        self._books: Dict[int, Book] = {}  # C book pointer -> the Book borrowed
        self._results: "weakref.WeakValueDictionary[int, Any]" = weakref.WeakValueDictionary()
        keep: List[Any] = []
        opts = _ffi.TeamOptions.init()
        if calendar is not None:
            if not callable(calendar):
                raise TypeError("calendar must be callable, not %r" % (calendar,))
            flags_of = calendar

            def calendar_cb(user: Any, rep_id: bytes, day: int, out: Any) -> int:
                out[0] = ranged(flags_of(rep_id.decode("utf-8", "surrogateescape"),
                                         from_day(day)),  # type: ignore[arg-type]
                                c_uint32, "team calendar result")
                return 0
            opts.calendar = cf = _ffi.TEAM_CALENDAR_FN(_guard(ctx._cbstate, calendar_cb))
            keep.append(cf)
        with self._lock:
            out = c_void_p()
            call(ctx, F.ccad_team_new, byref(out), ctx._handle(), byref(opts))
            self._ptr = out.value
            # the callback and the borrowed books outlive the C team
            self._finalizer = weakref.finalize(self, _release, F.ccad_team_free, out.value or 0,
                                               self._lock, ctx, keep, self._books)
            ctx._adopt(self)

    def __reduce__(self) -> Any:
        raise TypeError("a Team does not pickle (it borrows books and may hold a calendar "
                        "callback); pickle its books and build the team again")

    @property
    def context(self) -> Context:
        return self._ctx

    def close(self) -> None:
        """Frees the team (not its books), its schedules and proposals."""
        if self._ptr:
            self._owner._check_not_busy("Team.close")
        for r in list(self._results.values()):
            r.close()
        super().close()

    def add(self, rep: Union[Rep, str], book: Book, **fields: Any) -> int:
        """Adds a rep (a Rep, or its id and Rep fields as keywords) with the
        book of the customers it owns; returns the rep's index now (later
        adds of smaller ids shift it). The book must be of the team's
        context and in no other rep's hands."""
        if isinstance(rep, str):
            rep = Rep(rep, **fields)
        elif fields:
            raise TypeError("give a Rep or an id with keyword fields, not both")
        if not isinstance(book, Book):
            raise TypeError("a rep's book must be a Book, not %r" % (book,))
        if book._ctx is not self._ctx:
            raise InvalidArgument(-1, "Team.add: the book belongs to another context",
                                  "Team.add")
        s = _rep_struct(rep)
        bp = book._handle()
        call(self._ctx, F.ccad_team_add, self._handle(), byref(s), bp)
        self._books[bp] = book
        book._borrowers[id(self)] = self
        return self.index(rep.id)

    def __len__(self) -> int:
        return int(F.ccad_team_count(self._handle()))

    def index(self, rep: RepKey) -> int:
        """The index of a rep given by index or id (NotFound if absent)."""
        if isinstance(rep, str):
            out = c_size_t()
            call(self._ctx, F.ccad_team_find, self._handle(), cstr(rep, "rep id"), byref(out))
            return out.value
        if isinstance(rep, bool) or not isinstance(rep, int):
            raise TypeError("a rep is addressed by index or id, not %r" % (rep,))
        n = len(self)
        i = rep + n if rep < 0 else rep
        if not 0 <= i < n:
            raise NotFound(-5, "no rep at index %d" % rep, "Team.index")
        return i

    def __contains__(self, rep_id: object) -> bool:
        if not isinstance(rep_id, str) or "\0" in rep_id:
            return False
        try:
            self.index(rep_id)
        except NotFound:
            return False
        return True

    def _rep(self, index: int) -> Tuple[Rep, Book]:
        s = _ffi.Rep.init()
        bp = c_void_p()
        call(self._ctx, F.ccad_team_rep, self._handle(), _size_index(index), byref(s),
             byref(bp))
        rep = Rep(s.id.decode("utf-8", "surrogateescape"), s.base_x, s.base_y,
                  s.visits_per_day, s.minutes_per_day, s.day_start_min, s.day_minutes)
        return rep, self._books[bp.value or 0]

    def rep(self, rep: RepKey) -> Rep:
        """A rep as the team holds it."""
        return self._rep(self.index(rep))[0]

    def book(self, rep: RepKey) -> Book:
        """A rep's book (the Book given to :meth:`add`)."""
        return self._rep(self.index(rep))[1]

    @property
    def reps(self) -> List[Rep]:
        """Every rep, in id order."""
        return [self._rep(i)[0] for i in range(len(self))]

    def ids(self) -> List[str]:
        """Every rep id, in id order (the order of rep indices)."""
        return [r.id for r in self.reps]

    def __iter__(self) -> Iterator[Rep]:
        return iter(self.reps)

    def owner(self, customer_id: str) -> Tuple[str, int]:
        """(rep id, index in that rep's book) of the rep whose book holds the
        customer (NotFound if none does)."""
        rep, at = c_size_t(), c_size_t()
        call(self._ctx, F.ccad_team_owner, self._handle(), cstr(customer_id, "customer id"),
             byref(rep), byref(at))
        return self._rep(rep.value)[0].id, at.value

    def day_flags(self, rep: RepKey, day: DateLike) -> DayFlag:
        """The calendar flags of a day for a rep: the team calendar's, or the
        context's when the team has none."""
        out = c_uint32()
        call(self._ctx, F.ccad_team_day_flags, self._handle(), self.index(rep),
             to_day(day, "day"), byref(out))
        return DayFlag(out.value)

    def plan(self, rules: Rules, first_day: DateLike = None, days: int = 7,
             **options: Any) -> "TeamSchedule":
        """Plans every rep over ``days`` days from ``first_day`` (default:
        the clock's today); see :class:`TeamSchedule`. ``options`` are those
        of :class:`custcadence.Schedule`; each rep's base, limits and day
        replace the common ones. Every book must be graded with ``rules``."""
        return TeamSchedule(self, rules, first_day, days, **options)

    def proposals(self, rules: Rules, day: DateLike = None, *, pool: Optional[Book] = None,
                  period_days: int = 30, field_days: int = 0, move_a: bool = False,
                  metric: Union[Metric, int] = Metric.PLANAR, scale: float = 1.0,
                  units_per_minute: float = 1.0) -> "TeamProposals":
        """Proposes releases, assignments from ``pool`` (a graded book of
        the context, no rep's) and moves between reps on ``day`` (default:
        the clock's today); nothing moves. See :class:`TeamProposals`."""
        o = _ffi.TeamProposalOptions.init()
        for k, v in (("period_days", period_days), ("field_days", field_days),
                     ("move_a", move_a), ("metric", metric), ("scale", scale),
                     ("units_per_minute", units_per_minute)):
            put(o, k, v)
        return TeamProposals(self, rules, pool, day, o)

    def __repr__(self) -> str:
        return "<Team closed>" if self.closed else "<Team %s>" % ", ".join(self.ids())


def _snapshot_ids(team: Team) -> Tuple[List[str], List[Callable[[int], str]]]:
    """Rep ids and, per rep, its customers' ids now: a result names the
    customers as they were when it was made."""
    reps: List[str] = []
    cids: List[Callable[[int], str]] = []
    for i in range(len(team)):
        rep, book = team._rep(i)
        reps.append(rep.id)
        cids.append(_ids_lookup(book.ids()))
    return reps, cids


@_synchronized
class TeamSchedule(_Handle):
    """An immutable team plan (``ccad_team_schedule``): every rep's own plan
    (:meth:`rep_schedule`) and the team's items, each delegated contact
    with the named teammate who carries it out. Keeps its team alive;
    closing the team closes it. Rep and customer ids are those of when it
    was made."""

    def __init__(self, team: Team, rules: Rules, first_day: DateLike, days: int,
                 **options: Any) -> None:
        self._ptr = None
        self._team = team
        self._owner = team._owner
        self._lock = team._lock
        self._views: "weakref.WeakValueDictionary[int, Schedule]" = weakref.WeakValueDictionary()
        o = plan_options(days, options)
        ctx = team._ctx
        with self._lock:
            put(o, "first_day", ctx._day(first_day, "first_day"))
            self._reps, self._cids = _snapshot_ids(team)
            out = c_void_p()
            call(ctx, F.ccad_team_schedule_new, byref(out), team._handle(), rules._handle(),
                 byref(o))
            self._ptr = out.value
            self._finalizer = weakref.finalize(self, _release, F.ccad_team_schedule_free,
                                               out.value or 0, self._lock, team)
            team._results[id(self)] = self

    def __reduce__(self) -> Any:
        raise TypeError("a TeamSchedule does not pickle; pickle its items and findings")

    @property
    def team(self) -> Team:
        return self._team

    def close(self) -> None:
        if self._ptr:
            self._owner._check_not_busy("TeamSchedule.close")
        for v in list(self._views.values()):
            v.close()
        super().close()

    def __len__(self) -> int:
        return int(F.ccad_team_schedule_item_count(self._handle()))

    def _rep_id(self, index: int) -> str:
        return self._reps[index] if index < len(self._reps) else str(index)

    def __getitem__(self, i: int) -> TeamItem:
        n = len(self)
        if isinstance(i, bool) or not isinstance(i, int):
            raise TypeError("team items are read by index, not %r" % (i,))
        if i < 0:
            i += n
        s = _ffi.TeamItem.init()
        call(self._team._ctx, F.ccad_team_schedule_item, self._handle(), _size_index(i),
             byref(s))
        owner = s.owner
        cid = self._cids[owner] if owner < len(self._cids) else _ids_lookup([])
        return TeamItem(self._rep_id(s.carrier), self._rep_id(owner),
                        item_of(i, _ITEM_LAYOUT.unpack_from(s.item), cid))

    def __iter__(self) -> Iterator[TeamItem]:
        for i in range(len(self)):
            yield self[i]

    @property
    def items(self) -> List[TeamItem]:
        """Every team item: by day, then carrier, then the carrier's route
        order, then priority."""
        return list(self)

    def by_carrier(self) -> Dict[str, List[TeamItem]]:
        """Items grouped by the rep who carries them out."""
        out: Dict[str, List[TeamItem]] = {}
        for t in self:
            out.setdefault(t.carrier, []).append(t)
        return out

    @property
    def findings(self) -> List[TeamFinding]:
        """Each rep's own findings in rep order, then the delegated
        contacts no teammate could take (UNPLANNED, TEAM_NO_CARRIER)."""
        h = self._handle()
        s = _ffi.TeamFinding.init()
        ref = byref(s)
        out = []
        for i in range(F.ccad_team_schedule_finding_count(h)):
            call(self._team._ctx, F.ccad_team_schedule_finding, h, i, ref)
            rep = s.rep
            cid = self._cids[rep] if rep < len(self._cids) else _ids_lookup([])
            out.append(TeamFinding(self._rep_id(rep),
                                   finding_of(_FINDING_LAYOUT.unpack_from(s.finding), cid)))
        return out

    def rep_schedule(self, rep: RepKey) -> Schedule:
        """A rep's own plan as a read-only :class:`custcadence.Schedule`
        (delegated items still marked, without their carrier); it lives as
        long as this team schedule, which it keeps alive."""
        i = self._team.index(rep) if isinstance(rep, str) else rep
        if isinstance(i, bool) or not isinstance(i, int) or not 0 <= i < len(self._reps):
            raise NotFound(-5, "no rep %r in this team schedule" % (rep,), "rep_schedule")
        p = F.ccad_team_schedule_rep(self._handle(), i)
        if not p:
            raise NotFound(-5, "no rep %r in this team schedule" % (rep,), "rep_schedule")
        book = self._team.book(i)
        view: Schedule = object.__new__(Schedule)
        view._ptr = p
        view._book = book
        view._owner = book._owner
        view._lock = book._lock
        view._ids = {}
        view._ids_kept = False
        # borrowed: nothing to free; the finalizer keeps this schedule alive
        view._finalizer = weakref.finalize(view, _keep, self)
        self._views[id(view)] = view
        book._schedules[id(view)] = view  # its ids are kept when customers leave the book
        return view

    def __repr__(self) -> str:
        return "<TeamSchedule closed>" if self.closed else "<TeamSchedule %d items>" % len(self)


def _keep(*_alive: Any) -> None:
    """Finalizer of a borrowed view: frees nothing."""


@_synchronized
class TeamProposals(_Handle):
    """Immutable team proposals (``ccad_team_proposals``): releases (rep by
    rep, book order), then moves (in the order chosen), then assignments
    from the pool (pool order); the team workload table (:meth:`load`) and
    the :attr:`balance`. Nothing moves: carry a proposal out with
    :meth:`custcadence.Book.transfer`. Keeps its team (and pool) alive."""

    def __init__(self, team: Team, rules: Rules, pool: Optional[Book], day: DateLike,
                 options: _ffi.TeamProposalOptions) -> None:
        self._ptr = None
        self._team = team
        self._owner = team._owner
        self._lock = team._lock
        if pool is not None:
            if not isinstance(pool, Book):
                raise TypeError("pool must be a Book or None, not %r" % (pool,))
            if pool._ctx is not team._ctx:
                raise InvalidArgument(-1, "Team.proposals: the pool belongs to another "
                                      "context", "Team.proposals")
        ctx = team._ctx
        with self._lock:
            put(options, "today", ctx._day(day))
            self._reps, self._cids = _snapshot_ids(team)
            self._pool_cid = _ids_lookup(pool.ids() if pool is not None else [])
            out = c_void_p()
            call(ctx, F.ccad_team_proposals_new, byref(out), team._handle(),
                 pool._handle() if pool is not None else None, rules._handle(),
                 byref(options))
            self._ptr = out.value
            self._finalizer = weakref.finalize(self, _release, F.ccad_team_proposals_free,
                                               out.value or 0, self._lock, team, pool)
            team._results[id(self)] = self
            if pool is not None:
                pool._borrowers[id(self)] = self

    def __reduce__(self) -> Any:
        raise TypeError("TeamProposals do not pickle; pickle the proposals, loads and balance")

    @property
    def team(self) -> Team:
        return self._team

    def __len__(self) -> int:
        return int(F.ccad_team_proposals_count(self._handle()))

    def _rep_id(self, index: int) -> Optional[str]:
        if index == _NO_REP:
            return None
        return self._reps[index] if index < len(self._reps) else str(index)

    def __getitem__(self, i: int) -> TeamProposal:
        if isinstance(i, bool) or not isinstance(i, int):
            raise TypeError("proposals are read by index, not %r" % (i,))
        if i < 0:
            i += len(self)
        s = _ffi.TeamProposal.init()
        call(self._team._ctx, F.ccad_team_proposals_item, self._handle(), _size_index(i),
             byref(s))
        if s.rep == _NO_REP:
            cid = self._pool_cid
        else:
            cid = self._cids[s.rep] if s.rep < len(self._cids) else _ids_lookup([])
        f = finding_of(_FINDING_LAYOUT.unpack_from(s.finding), cid)
        return TeamProposal(f.kind, self._rep_id(s.rep), self._rep_id(s.to_rep),
                            f.customer if f.customer is not None else -1,
                            f.customer_id or "?", f.date, f.reasons)

    def __iter__(self) -> Iterator[TeamProposal]:
        for i in range(len(self)):
            yield self[i]

    @property
    def items(self) -> List[TeamProposal]:
        """Every proposal, in the library's order."""
        return list(self)

    def load(self, rep: RepKey) -> TeamLoad:
        """A rep's line of the team workload table."""
        i = self._team.index(rep) if isinstance(rep, str) else rep
        s = _ffi.TeamLoad.init()
        call(self._team._ctx, F.ccad_team_proposals_load, self._handle(),
             _size_index(i, "rep"), byref(s))
        rid = self._rep_id(i)
        return TeamLoad(rid if rid is not None else str(i), workload_from_struct(s.before),
                        s.customers_after, s.visits_after, s.travel_before, s.travel_after)

    @property
    def loads(self) -> List[TeamLoad]:
        """Every rep's line, in rep (id) order."""
        return [self.load(i) for i in range(len(self._reps))]

    @property
    def balance(self) -> TeamBalance:
        """Spread of the loads and territory travel before and after, and
        how many of each proposal."""
        s = _ffi.TeamBalance.init()
        call(self._team._ctx, F.ccad_team_proposals_balance, self._handle(), byref(s))
        return TeamBalance(s.spread_before_x100, s.spread_after_x100, s.travel_before,
                           s.travel_after, s.releases, s.assigns, s.moves, s.over_after)

    def __repr__(self) -> str:
        return "<TeamProposals closed>" if self.closed else "<TeamProposals %d>" % len(self)
