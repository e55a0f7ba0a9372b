'use strict';
// The shared FFI scenario (docs/ffi.md) in JavaScript: a context with a
// clock callback, rules text with a 64-bit threshold, a book of four
// customers, contacts, grading, assessments with reasons, a 5-day schedule
// and a clock callback that fails. It prints what tests/ffi/scenario.c
// prints, line for line.
//
//   node scenario.js      (CUSTCADENCE_ABI_JSON / CUSTCADENCE_LIB as index.js)

const { load } = require('./index.js');

const RULES_TEXT = 'grade.method = threshold\n' +
  'grade.threshold_a = 10000000000\n' +
  'grade.threshold_b = 50000000\n';

function cString(buf) {
  const end = buf.indexOf(0);
  return buf.toString('utf8', 0, end < 0 ? buf.length : end);
}

function run(cc, print) {
  const { fn, C, koffi } = cc;
  const dayText = (day) => {
    const buf = Buffer.alloc(16);
    return fn.ccad_date_format(buf, buf.length, day) === C.CCAD_OK ? cString(buf) : '-';
  };
  const owned = [];
  try {
    const start = [0];
    cc.check(fn.ccad_date_from_ymd(start, 2026, 3, 2));
    // the clock callback: seconds since 1970 in the rep's local time, 09:00
    const clock = cc.callback('ccad_host', 'clock', (user, outSeconds) => {
      koffi.encode(outSeconds, 'int64_t', BigInt(start[0]) * 86400n + 9n * 3600n);
      return 0;
    });
    owned.push(() => koffi.unregister(clock));
    const host = cc.init('ccad_host');
    host.clock = clock;
    const ctx = out1((o) => fn.ccad_ctx_new(o, host), cc, null);
    owned.unshift(() => fn.ccad_ctx_free(ctx));
    const today = [0];
    cc.check(fn.ccad_ctx_today(ctx, today), ctx);
    const rules = out1((o) => fn.ccad_rules_new(o, ctx), cc, ctx);
    owned.unshift(() => fn.ccad_rules_free(rules));
    cc.check(fn.ccad_rules_parse(rules, RULES_TEXT, Buffer.byteLength(RULES_TEXT)), ctx);
    const threshold = [0];
    cc.check(fn.ccad_rules_get(rules, 'grade.threshold_a', threshold), ctx);
    const book = out1((o) => fn.ccad_book_new(o, ctx, 0), cc, ctx);
    owned.unshift(() => fn.ccad_book_free(book));
    print(`version ${fn.ccad_version_string()} today ${today[0]} threshold_a ${threshold[0]}`);

    const d = today[0];
    const customers = [['acme', 12000000000n, null], ['bolt', 80000000n, null],
      ['cask', 3000000n, d - 3], ['dune', 900000n, null]];
    for (const [id, value, complaintDate] of customers) {
      const c = cc.init('ccad_customer');
      Object.assign(c, { id, value, status: C.CCAD_STATUS_ACTIVE });
      if (complaintDate !== null) Object.assign(c, { complaint: C.CCAD_COMPLAINT_OPEN, complaint_date: complaintDate });
      cc.check(fn.ccad_book_add(book, c, null), ctx);
    }
    const contacts = [['acme', d - 20, C.CCAD_CONTACT_VISIT, C.CCAD_OUTCOME_PROGRESS, d + 1],
      ['bolt', d - 45, C.CCAD_CONTACT_CALL, C.CCAD_OUTCOME_NO_PROGRESS, C.CCAD_NO_DATE],
      ['cask', d - 5, C.CCAD_CONTACT_VISIT, C.CCAD_OUTCOME_PROGRESS, C.CCAD_NO_DATE]];
    for (const [id, date, kind, outcome, next] of contacts) {
      const index = [0];
      cc.check(fn.ccad_book_find(book, id, index), ctx);
      const k = cc.init('ccad_contact');
      Object.assign(k, { date, kind, outcome, next_date: next });
      cc.check(fn.ccad_book_record(book, index[0], k), ctx);
    }
    cc.check(fn.ccad_book_grade(book, rules), ctx);

    for (let i = 0; i < fn.ccad_book_count(book); i++) {
      const a = cc.init('ccad_assessment');
      cc.check(fn.ccad_book_assess(book, rules, i, d, a), ctx);
      print(`assess ${fn.ccad_book_id(book, i)} grade=${fn.ccad_name(C.CCAD_NAME_GRADE, a.grade)} ` +
        `quadrant=${fn.ccad_name(C.CCAD_NAME_QUADRANT, a.quadrant)} due=${dayText(a.due_date)} ` +
        `flags=0x${a.flags.toString(16)} reasons=${a.reason_count}`);
      for (let r = 0; r < a.reason_count; r++) {
        const line = Buffer.alloc(256);
        fn.ccad_reason_format(line, line.length, a.reasons[r], null);
        print(`  ${cString(line)}`);
      }
    }
    schedule(cc, book, rules, d, ctx, print, dayText);
    brokenClock(cc, print);
  } finally {
    for (const release of owned) release();
  }
}

// Calls f with a one-element array for a `T **out` and returns the handle.
function out1(f, cc, ctx) {
  const out = [null];
  cc.check(f(out), ctx);
  return out[0];
}

function schedule(cc, book, rules, today, ctx, print, dayText) {
  const { fn, C } = cc;
  const options = cc.init('ccad_plan_options');
  Object.assign(options, { first_day: today, days: 5, visits_per_day: 2 });
  const s = out1((o) => fn.ccad_schedule_new(o, book, rules, options), cc, ctx);
  try {
    const items = fn.ccad_schedule_item_count(s);
    const findings = fn.ccad_schedule_finding_count(s);
    print(`schedule items=${items} findings=${findings}`);
    for (let i = 0; i < items; i++) {
      const it = cc.init('ccad_item');
      cc.check(fn.ccad_schedule_item(s, i, it), ctx);
      print(`item ${dayText(it.date)} ${fn.ccad_book_id(book, it.customer)} ` +
        `${fn.ccad_name(C.CCAD_NAME_ITEM_KIND, it.kind)} by=${fn.ccad_name(C.CCAD_NAME_DELEGATION, it.delegated)}`);
    }
    for (let i = 0; i < findings; i++) {
      const f = cc.init('ccad_finding');
      cc.check(fn.ccad_schedule_finding(s, i, f), ctx);
      const who = f.customer < 0 ? '-' : fn.ccad_book_id(book, Number(f.customer));
      print(`finding ${fn.ccad_name(C.CCAD_NAME_FINDING, f.kind)} ${who}`);
    }
  } finally {
    fn.ccad_schedule_free(s);
  }
}

// A clock callback that reports failure: the call returns CCAD_ECALLBACK
// and the context's message names the callback.
function brokenClock(cc, print) {
  const { fn, koffi } = cc;
  const clock = cc.callback('ccad_host', 'clock', () => -1);
  try {
    const host = cc.init('ccad_host');
    host.clock = clock;
    const ctx = out1((o) => fn.ccad_ctx_new(o, host), cc, null);
    const day = [0];
    const rc = fn.ccad_ctx_today(ctx, day);
    print(`broken clock: ${rc} ${fn.ccad_strerror(rc)}: ${fn.ccad_ctx_errmsg(ctx)}`);
    fn.ccad_ctx_free(ctx);
  } finally {
    koffi.unregister(clock);
  }
}

module.exports = { run };

if (require.main === module) {
  run(load(), (line) => process.stdout.write(line + '\n'));
}
