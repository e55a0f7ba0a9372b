//! Thin, hand-written declarations of the part of custcadence.h this example
//! uses. Each struct is `#[repr(C)]` with the members of the 1.1 header, in
//! order; the tests compare every size and offset here with
//! custcadence-abi.json (docs/ffi.md).
#![allow(non_camel_case_types, dead_code)]

use std::os::raw::{c_char, c_int, c_void};

pub const CCAD_OK: c_int = 0;
pub const CCAD_ECALLBACK: c_int = -10;
pub const CCAD_EVERSION: c_int = -11;
pub const CCAD_NO_DATE: i32 = i32::MIN;
pub const CCAD_STATUS_ACTIVE: c_int = 2;
pub const CCAD_COMPLAINT_OPEN: c_int = 1;
pub const CCAD_CONTACT_VISIT: c_int = 1;
pub const CCAD_CONTACT_CALL: c_int = 2;
pub const CCAD_OUTCOME_PROGRESS: c_int = 1;
pub const CCAD_OUTCOME_NO_PROGRESS: c_int = 2;
pub const CCAD_NAME_GRADE: c_int = 1;
pub const CCAD_NAME_QUADRANT: c_int = 11;
pub const CCAD_NAME_ITEM_KIND: c_int = 16;
pub const CCAD_NAME_DELEGATION: c_int = 17;
pub const CCAD_NAME_FINDING: c_int = 18;
pub const CCAD_REASONS_MAX: usize = 32;
pub const CCAD_ITEM_REASONS_MAX: usize = 8;

/// The constants above with their header names, for the tests.
pub const CONSTANTS: &[(&str, i64)] = &[
    ("CCAD_OK", CCAD_OK as i64),
    ("CCAD_ECALLBACK", CCAD_ECALLBACK as i64),
    ("CCAD_EVERSION", CCAD_EVERSION as i64),
    ("CCAD_NO_DATE", CCAD_NO_DATE as i64),
    ("CCAD_STATUS_ACTIVE", CCAD_STATUS_ACTIVE as i64),
    ("CCAD_COMPLAINT_OPEN", CCAD_COMPLAINT_OPEN as i64),
    ("CCAD_CONTACT_VISIT", CCAD_CONTACT_VISIT as i64),
    ("CCAD_CONTACT_CALL", CCAD_CONTACT_CALL as i64),
    ("CCAD_OUTCOME_PROGRESS", CCAD_OUTCOME_PROGRESS as i64),
    ("CCAD_OUTCOME_NO_PROGRESS", CCAD_OUTCOME_NO_PROGRESS as i64),
    ("CCAD_NAME_GRADE", CCAD_NAME_GRADE as i64),
    ("CCAD_NAME_QUADRANT", CCAD_NAME_QUADRANT as i64),
    ("CCAD_NAME_ITEM_KIND", CCAD_NAME_ITEM_KIND as i64),
    ("CCAD_NAME_DELEGATION", CCAD_NAME_DELEGATION as i64),
    ("CCAD_NAME_FINDING", CCAD_NAME_FINDING as i64),
    ("CCAD_REASONS_MAX", CCAD_REASONS_MAX as i64),
    ("CCAD_ITEM_REASONS_MAX", CCAD_ITEM_REASONS_MAX as i64),
];

/// Opaque handles: only ever behind pointers.
#[repr(C)]
pub struct ccad_ctx {
    _private: [u8; 0],
}
#[repr(C)]
pub struct ccad_rules {
    _private: [u8; 0],
}
#[repr(C)]
pub struct ccad_book {
    _private: [u8; 0],
}
#[repr(C)]
pub struct ccad_schedule {
    _private: [u8; 0],
}

pub type AllocFn = unsafe extern "C" fn(*mut c_void, usize) -> *mut c_void;
pub type ReallocFn = unsafe extern "C" fn(*mut c_void, *mut c_void, usize) -> *mut c_void;
pub type FreeFn = unsafe extern "C" fn(*mut c_void, *mut c_void);
pub type ClockFn = unsafe extern "C" fn(*mut c_void, *mut i64) -> c_int;
pub type CalendarFn = unsafe extern "C" fn(*mut c_void, i32, *mut u32) -> c_int;
pub type TravelFn = unsafe extern "C" fn(*mut c_void, f64, f64, f64, f64, *mut i32) -> c_int;

/// A NULL callback member is `None` (Option of a function pointer has the
/// C pointer's layout).
#[repr(C)]
pub struct ccad_host {
    pub size: u32,
    pub user: *mut c_void,
    pub alloc: Option<AllocFn>,
    pub realloc: Option<ReallocFn>,
    pub free: Option<FreeFn>,
    pub clock: Option<ClockFn>,
    pub calendar: Option<CalendarFn>,
    pub travel: Option<TravelFn>,
}

#[repr(C)]
pub struct ccad_customer {
    pub size: u32,
    pub id: *const c_char,
    pub value: i64,
    pub grade: c_int,
    pub status: c_int,
    pub purchase_date: i32,
    pub monthly_volume: i64,
    pub margin_bp: i32,
    pub capable: c_int,
    pub has_location: c_int,
    pub x: f64,
    pub y: f64,
    pub complaint: c_int,
    pub complaint_date: i32,
    pub request_date: i32,
    pub visit_days: u32,
    pub visit_open_min: i32,
    pub visit_close_min: i32,
    pub owned_since: i32,
    pub last_contact: i32,
    pub last_visit: i32,
    pub last_gap_days: i32,
    pub contacts: u32,
    pub no_progress: u32,
    pub missing_records: u32,
    pub last_recorded: c_int,
    pub next_step_date: i32,
    pub service_counts: [u32; 4],
}

#[repr(C)]
pub struct ccad_contact {
    pub size: u32,
    pub date: i32,
    pub kind: c_int,
    pub outcome: c_int,
    pub recorded: c_int,
    pub next_date: i32,
    pub service_level: c_int,
}

#[repr(C)]
#[derive(Clone, Copy)]
pub struct ccad_reason {
    pub rule: i32,
    pub why: i32,
    pub a: i64,
    pub b: i64,
    pub c: i64,
}

#[repr(C)]
pub struct ccad_assessment {
    pub size: u32,
    pub today: i32,
    pub grade: c_int,
    pub grade_manual: c_int,
    pub urgency: c_int,
    pub quadrant: c_int,
    pub freq_count: i32,
    pub freq_period_days: i32,
    pub interval_days: i32,
    pub due_date: i32,
    pub days_overdue: i32,
    pub escalation: c_int,
    pub days_since_contact: i32,
    pub temperature: i32,
    pub reminder_date: i32,
    pub flags: u32,
    pub contacts: u32,
    pub min_contacts: u32,
    pub ownership_end: i32,
    pub ownership_days_left: i32,
    pub triage: c_int,
    pub strategy: c_int,
    pub complaint: c_int,
    pub care_date: i32,
    pub reason_count: u32,
    pub reasons: [ccad_reason; CCAD_REASONS_MAX],
}

#[repr(C)]
pub struct ccad_plan_options {
    pub size: u32,
    pub first_day: i32,
    pub days: i32,
    pub visits_per_day: i32,
    pub minutes_per_day: i32,
    pub overload: i32,
    pub keep_reasons: i32,
    pub route: i32,
    pub assign_days: i32,
    pub base_x: f64,
    pub base_y: f64,
    pub metric: c_int,
    pub scale: f64,
    pub units_per_minute: f64,
    pub day_start_min: i32,
    pub day_minutes: i32,
    pub seed: u64,
    pub effort: i32,
}

#[repr(C)]
pub struct ccad_item {
    pub size: u32,
    pub date: i32,
    pub customer: u32,
    pub kind: c_int,
    pub quadrant: c_int,
    pub priority: i32,
    pub delegated: c_int,
    pub rolled_from: i32,
    pub reminder_date: i32,
    pub block_day: i32,
    pub seq: i32,
    pub eta_min: i32,
    pub depart_min: i32,
    pub travel_min: i32,
    pub late: i32,
    pub reason_count: u32,
    pub reasons: [ccad_reason; CCAD_ITEM_REASONS_MAX],
}

#[repr(C)]
pub struct ccad_finding {
    pub size: u32,
    pub kind: c_int,
    pub customer: i64,
    pub date: i32,
    pub reason_count: u32,
    pub reasons: [ccad_reason; CCAD_ITEM_REASONS_MAX],
}

extern "C" {
    pub fn ccad_strerror(code: c_int) -> *const c_char;
    pub fn ccad_version_string() -> *const c_char;
    pub fn ccad_name(kind: c_int, value: c_int) -> *const c_char;
    pub fn ccad_date_from_ymd(out_day: *mut i32, year: c_int, month: c_int, day: c_int) -> c_int;
    pub fn ccad_date_format(buf: *mut c_char, cap: usize, day: i32) -> c_int;

    pub fn ccad_ctx_new(out: *mut *mut ccad_ctx, host: *const ccad_host) -> c_int;
    pub fn ccad_ctx_free(ctx: *mut ccad_ctx);
    pub fn ccad_ctx_errmsg(ctx: *const ccad_ctx) -> *const c_char;
    pub fn ccad_ctx_today(ctx: *mut ccad_ctx, out_day: *mut i32) -> c_int;

    pub fn ccad_rules_new(out: *mut *mut ccad_rules, ctx: *mut ccad_ctx) -> c_int;
    pub fn ccad_rules_free(rules: *mut ccad_rules);
    pub fn ccad_rules_parse(rules: *mut ccad_rules, text: *const c_char, len: usize) -> c_int;
    pub fn ccad_rules_get(rules: *const ccad_rules, name: *const c_char, out_value: *mut i64)
        -> c_int;

    pub fn ccad_book_new(out: *mut *mut ccad_book, ctx: *mut ccad_ctx, capacity_hint: usize)
        -> c_int;
    pub fn ccad_book_free(book: *mut ccad_book);
    pub fn ccad_book_count(book: *const ccad_book) -> usize;
    pub fn ccad_book_id(book: *const ccad_book, index: usize) -> *const c_char;
    pub fn ccad_book_add(book: *mut ccad_book, customer: *const ccad_customer,
                         out_index: *mut usize) -> c_int;
    pub fn ccad_book_find(book: *const ccad_book, id: *const c_char, out_index: *mut usize)
        -> c_int;
    pub fn ccad_book_get(book: *const ccad_book, index: usize, out: *mut ccad_customer) -> c_int;
    pub fn ccad_book_record(book: *mut ccad_book, index: usize, contact: *const ccad_contact)
        -> c_int;
    pub fn ccad_book_grade(book: *mut ccad_book, rules: *const ccad_rules) -> c_int;
    pub fn ccad_book_assess(book: *const ccad_book, rules: *const ccad_rules, index: usize,
                            today: i32, out: *mut ccad_assessment) -> c_int;
    pub fn ccad_reason_format(buf: *mut c_char, cap: usize, reason: *const ccad_reason,
                              out_len: *mut usize) -> c_int;

    pub fn ccad_schedule_new(out: *mut *mut ccad_schedule, book: *const ccad_book,
                             rules: *const ccad_rules, options: *const ccad_plan_options)
        -> c_int;
    pub fn ccad_schedule_free(schedule: *mut ccad_schedule);
    pub fn ccad_schedule_item_count(schedule: *const ccad_schedule) -> usize;
    pub fn ccad_schedule_item(schedule: *const ccad_schedule, index: usize, out: *mut ccad_item)
        -> c_int;
    pub fn ccad_schedule_finding_count(schedule: *const ccad_schedule) -> usize;
    pub fn ccad_schedule_finding(schedule: *const ccad_schedule, index: usize,
                                 out: *mut ccad_finding) -> c_int;

    pub fn ccad_host_init(p: *mut ccad_host);
    pub fn ccad_customer_init(p: *mut ccad_customer);
    pub fn ccad_contact_init(p: *mut ccad_contact);
    pub fn ccad_assessment_init(p: *mut ccad_assessment);
    pub fn ccad_plan_options_init(p: *mut ccad_plan_options);
    pub fn ccad_item_init(p: *mut ccad_item);
    pub fn ccad_finding_init(p: *mut ccad_finding);
}

/// A struct with its defaults from its `ccad_*_init` function.
///
/// The init function writes the *library's* struct, which a newer 1.x
/// library may have grown at the end. So it writes into a scratch buffer
/// larger than any struct of the header, and this copies the members this
/// program knows and sets `size` (the first member) to this program's size:
/// the library then reads and fills only those (docs/ffi.md, "_init").
pub fn init<T>(f: unsafe extern "C" fn(*mut T)) -> T {
    #[repr(C, align(16))]
    struct Scratch([u8; 16384]);
    assert!(std::mem::size_of::<T>() <= 16384);
    let mut scratch = Box::new(Scratch([0; 16384]));
    let p = scratch.0.as_mut_ptr();
    unsafe {
        f(p as *mut T);
        std::ptr::copy_nonoverlapping(&(std::mem::size_of::<T>() as u32) as *const u32 as *const u8,
                                      p, 4);
        std::ptr::read(p as *const T)
    }
}
