//! The shared FFI scenario (docs/ffi.md) in Rust. It prints what
//! tests/ffi/scenario.c prints, line for line.

use crate::ffi::*;
use std::ffi::{CStr, CString};
use std::os::raw::{c_char, c_int, c_void};
use std::ptr;

const RULES_TEXT: &str =
    "grade.method = threshold\ngrade.threshold_a = 10000000000\ngrade.threshold_b = 50000000\n";

/// A string the library owns (static, or inside a handle): copied out at once.
pub fn text(p: *const c_char) -> String {
    if p.is_null() {
        return String::new();
    }
    unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

fn day_text(day: i32) -> String {
    let mut buf = [0 as c_char; 16];
    if unsafe { ccad_date_format(buf.as_mut_ptr(), buf.len(), day) } != CCAD_OK {
        return "-".to_string();
    }
    text(buf.as_ptr())
}

fn check(rc: c_int, ctx: *const ccad_ctx, what: &str) -> Result<(), String> {
    if rc == CCAD_OK {
        return Ok(());
    }
    let msg = if ctx.is_null() { String::new() } else { text(unsafe { ccad_ctx_errmsg(ctx) }) };
    Err(format!("{what}: {}: {msg}", text(unsafe { ccad_strerror(rc) })))
}

/// The clock callback: `user` points at the day number; 09:00 local time.
unsafe extern "C" fn clock_at(user: *mut c_void, out_local_seconds: *mut i64) -> c_int {
    let day = *(user as *const i32);
    *out_local_seconds = day as i64 * 86400 + 9 * 3600;
    0
}

unsafe extern "C" fn clock_broken(_user: *mut c_void, _out: *mut i64) -> c_int {
    -1
}

/// Owns the handles of one run; frees them in reverse order.
struct Handles {
    ctx: *mut ccad_ctx,
    rules: *mut ccad_rules,
    book: *mut ccad_book,
}

impl Drop for Handles {
    fn drop(&mut self) {
        unsafe {
            ccad_book_free(self.book);
            ccad_rules_free(self.rules);
            ccad_ctx_free(self.ctx);
        }
    }
}

pub fn run(print: &mut dyn FnMut(String)) -> Result<(), String> {
    let mut start = 0i32;
    check(unsafe { ccad_date_from_ymd(&mut start, 2026, 3, 2) }, ptr::null(), "date")?;
    let mut host = init(ccad_host_init);
    host.user = &mut start as *mut i32 as *mut c_void;
    host.clock = Some(clock_at);
    let mut h = Handles { ctx: ptr::null_mut(), rules: ptr::null_mut(), book: ptr::null_mut() };
    check(unsafe { ccad_ctx_new(&mut h.ctx, &host) }, ptr::null(), "ccad_ctx_new")?;
    let ctx = h.ctx;
    let mut today = 0i32;
    check(unsafe { ccad_ctx_today(ctx, &mut today) }, ctx, "ccad_ctx_today")?;
    check(unsafe { ccad_rules_new(&mut h.rules, ctx) }, ctx, "ccad_rules_new")?;
    let rules = h.rules;
    check(unsafe { ccad_rules_parse(rules, RULES_TEXT.as_ptr() as *const c_char, RULES_TEXT.len()) },
          ctx, "ccad_rules_parse")?;
    let mut threshold = 0i64;
    let name = CString::new("grade.threshold_a").unwrap();
    check(unsafe { ccad_rules_get(rules, name.as_ptr(), &mut threshold) }, ctx, "ccad_rules_get")?;
    check(unsafe { ccad_book_new(&mut h.book, ctx, 0) }, ctx, "ccad_book_new")?;
    let book = h.book;
    print(format!("version {} today {today} threshold_a {threshold}",
                  text(unsafe { ccad_version_string() })));

    let d = today;
    for (id, value, complaint_date) in [("acme", 12_000_000_000i64, None), ("bolt", 80_000_000, None),
                                        ("cask", 3_000_000, Some(d - 3)), ("dune", 900_000, None)] {
        let id = CString::new(id).unwrap(); // the library copies the id
        let mut c = init(ccad_customer_init);
        c.id = id.as_ptr();
        c.value = value;
        c.status = CCAD_STATUS_ACTIVE;
        if let Some(date) = complaint_date {
            c.complaint = CCAD_COMPLAINT_OPEN;
            c.complaint_date = date;
        }
        check(unsafe { ccad_book_add(book, &c, ptr::null_mut()) }, ctx, "ccad_book_add")?;
    }
    for (id, date, kind, outcome, next) in [
        ("acme", d - 20, CCAD_CONTACT_VISIT, CCAD_OUTCOME_PROGRESS, d + 1),
        ("bolt", d - 45, CCAD_CONTACT_CALL, CCAD_OUTCOME_NO_PROGRESS, CCAD_NO_DATE),
        ("cask", d - 5, CCAD_CONTACT_VISIT, CCAD_OUTCOME_PROGRESS, CCAD_NO_DATE),
    ] {
        let id = CString::new(id).unwrap();
        let mut index = 0usize;
        check(unsafe { ccad_book_find(book, id.as_ptr(), &mut index) }, ctx, "ccad_book_find")?;
        let mut k = init(ccad_contact_init);
        k.date = date;
        k.kind = kind;
        k.outcome = outcome;
        k.next_date = next;
        check(unsafe { ccad_book_record(book, index, &k) }, ctx, "ccad_book_record")?;
    }
    check(unsafe { ccad_book_grade(book, rules) }, ctx, "ccad_book_grade")?;
    for i in 0..unsafe { ccad_book_count(book) } {
        assess(book, rules, i, d, ctx, print)?;
    }
    schedule(book, rules, d, ctx, print)?;
    broken_clock(print)
}

fn assess(book: *const ccad_book, rules: *const ccad_rules, i: usize, d: i32, ctx: *const ccad_ctx,
          print: &mut dyn FnMut(String)) -> Result<(), String> {
    let mut a = init(ccad_assessment_init);
    check(unsafe { ccad_book_assess(book, rules, i, d, &mut a) }, ctx, "ccad_book_assess")?;
    unsafe {
        print(format!("assess {} grade={} quadrant={} due={} flags=0x{:x} reasons={}",
                      text(ccad_book_id(book, i)), text(ccad_name(CCAD_NAME_GRADE, a.grade)),
                      text(ccad_name(CCAD_NAME_QUADRANT, a.quadrant)), day_text(a.due_date),
                      a.flags, a.reason_count));
    }
    for r in &a.reasons[..a.reason_count as usize] {
        let mut line = [0 as c_char; 256];
        unsafe { ccad_reason_format(line.as_mut_ptr(), line.len(), r, ptr::null_mut()) };
        print(format!("  {}", text(line.as_ptr())));
    }
    Ok(())
}

fn schedule(book: *const ccad_book, rules: *const ccad_rules, d: i32, ctx: *const ccad_ctx,
            print: &mut dyn FnMut(String)) -> Result<(), String> {
    let mut o = init(ccad_plan_options_init);
    o.first_day = d;
    o.days = 5;
    o.visits_per_day = 2;
    let mut s: *mut ccad_schedule = ptr::null_mut();
    check(unsafe { ccad_schedule_new(&mut s, book, rules, &o) }, ctx, "ccad_schedule_new")?;
    let result = (|| {
        let (items, findings) = unsafe { (ccad_schedule_item_count(s), ccad_schedule_finding_count(s)) };
        print(format!("schedule items={items} findings={findings}"));
        for i in 0..items {
            let mut it = init(ccad_item_init);
            check(unsafe { ccad_schedule_item(s, i, &mut it) }, ctx, "ccad_schedule_item")?;
            unsafe {
                print(format!("item {} {} {} by={}", day_text(it.date),
                              text(ccad_book_id(book, it.customer as usize)),
                              text(ccad_name(CCAD_NAME_ITEM_KIND, it.kind)),
                              text(ccad_name(CCAD_NAME_DELEGATION, it.delegated))));
            }
        }
        for i in 0..findings {
            let mut f = init(ccad_finding_init);
            check(unsafe { ccad_schedule_finding(s, i, &mut f) }, ctx, "ccad_schedule_finding")?;
            let who = if f.customer < 0 {
                "-".to_string()
            } else {
                text(unsafe { ccad_book_id(book, f.customer as usize) })
            };
            print(format!("finding {} {who}", text(unsafe { ccad_name(CCAD_NAME_FINDING, f.kind) })));
        }
        Ok(())
    })();
    unsafe { ccad_schedule_free(s) };
    result
}

/// A clock callback that reports failure: CCAD_ECALLBACK, and the
/// context's message names the callback.
pub fn broken_clock(print: &mut dyn FnMut(String)) -> Result<(), String> {
    let mut host = init(ccad_host_init);
    host.clock = Some(clock_broken);
    let mut ctx: *mut ccad_ctx = ptr::null_mut();
    check(unsafe { ccad_ctx_new(&mut ctx, &host) }, ptr::null(), "ccad_ctx_new")?;
    let mut day = 0i32;
    let rc = unsafe { ccad_ctx_today(ctx, &mut day) };
    print(format!("broken clock: {rc} {}: {}", text(unsafe { ccad_strerror(rc) }),
                  text(unsafe { ccad_ctx_errmsg(ctx) })));
    unsafe { ccad_ctx_free(ctx) };
    Ok(())
}
