//! cargo test --offline: the declarations of src/ffi.rs against
//! custcadence-abi.json ($CUSTCADENCE_ABI_JSON), the scenario against the C
//! reference ($CUSTCADENCE_FFI_REFERENCE, the ffi-scenario program), the
//! failing callback and 64-bit money.

use crate::abi_json::{self, Json};
use crate::ffi::*;
use crate::scenario;
use std::ffi::CString;
use std::mem::{offset_of, size_of};
use std::ptr;

fn abi() -> Json {
    let path = std::env::var("CUSTCADENCE_ABI_JSON")
        .expect("set CUSTCADENCE_ABI_JSON to the build's custcadence-abi.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    abi_json::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// (struct, Rust size, [(member, Rust offset)]) for every struct mirrored.
macro_rules! layout {
    ($t:ident, $($f:ident),+) => {
        (stringify!($t), size_of::<$t>(), vec![$((stringify!($f), offset_of!($t, $f))),+])
    };
}

#[test]
fn structs_match_the_abi_json() {
    let abi = abi();
    let mirrors = vec![
        layout!(ccad_host, size, user, alloc, realloc, free, clock, calendar, travel),
        layout!(ccad_customer, size, id, value, grade, status, purchase_date, monthly_volume,
                margin_bp, capable, has_location, x, y, complaint, complaint_date, request_date,
                visit_days, visit_open_min, visit_close_min, owned_since, last_contact, last_visit,
                last_gap_days, contacts, no_progress, missing_records, last_recorded,
                next_step_date, service_counts),
        layout!(ccad_contact, size, date, kind, outcome, recorded, next_date, service_level),
        layout!(ccad_reason, rule, why, a, b, c),
        layout!(ccad_assessment, size, today, grade, grade_manual, urgency, quadrant, freq_count,
                freq_period_days, interval_days, due_date, days_overdue, escalation,
                days_since_contact, temperature, reminder_date, flags, contacts, min_contacts,
                ownership_end, ownership_days_left, triage, strategy, complaint, care_date,
                reason_count, reasons),
        layout!(ccad_plan_options, size, first_day, days, visits_per_day, minutes_per_day,
                overload, keep_reasons, route, assign_days, base_x, base_y, metric, scale,
                units_per_minute, day_start_min, day_minutes, seed, effort),
        layout!(ccad_item, size, date, customer, kind, quadrant, priority, delegated, rolled_from,
                reminder_date, block_day, seq, eta_min, depart_min, travel_min, late, reason_count,
                reasons),
        layout!(ccad_finding, size, kind, customer, date, reason_count, reasons),
    ];
    let structs = abi.get("structs").expect("structs").items();
    for (name, size, fields) in mirrors {
        let s = structs.iter().find(|s| s.get("name").unwrap().str() == name)
            .unwrap_or_else(|| panic!("{name} is not in the JSON"));
        let json_fields = s.get("fields").unwrap().items();
        // 1.x structs only grow at the end: the mirror is a prefix of the
        // library's struct, member for member
        for (i, (field, offset)) in fields.iter().enumerate() {
            let f = json_fields.get(i).unwrap_or_else(|| panic!("{name}.{field}: not in the JSON"));
            assert_eq!(f.get("name").unwrap().str(), *field, "{name}: member {i}");
            assert_eq!(f.get("offset").unwrap().num(), *offset as i64, "{name}.{field} offset");
        }
        let json_size = s.get("size").unwrap().num();
        if fields.len() == json_fields.len() {
            assert_eq!(size as i64, json_size, "{name} size");
        } else {
            assert!((size as i64) < json_size, "{name}: a shorter mirror must be smaller");
        }
    }
}

#[test]
fn constants_match_the_abi_json() {
    let abi = abi();
    let mut known = Vec::new();
    for c in abi.get("constants").unwrap().items() {
        known.push((c.get("name").unwrap().str().to_string(), c.get("value").unwrap().num()));
    }
    for e in abi.get("enums").unwrap().items() {
        for v in e.get("values").unwrap().items() {
            known.push((v.get("name").unwrap().str().to_string(), v.get("value").unwrap().num()));
        }
    }
    for (name, value) in CONSTANTS {
        let json = known.iter().find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("{name} is not in the JSON"));
        assert_eq!(json.1, *value, "{name}");
    }
}

#[test]
fn scenario_prints_what_the_c_reference_prints() {
    let Ok(reference) = std::env::var("CUSTCADENCE_FFI_REFERENCE") else {
        eprintln!("skipped: CUSTCADENCE_FFI_REFERENCE (the ffi-scenario program) is not set");
        return;
    };
    let out = std::process::Command::new(&reference).output().expect("run the C reference");
    assert!(out.status.success(), "{reference} failed");
    let want: Vec<String> = String::from_utf8(out.stdout).unwrap().lines().map(String::from).collect();
    let mut got = Vec::new();
    scenario::run(&mut |line| got.push(line)).expect("the scenario runs");
    assert_eq!(got, want);
    assert!(got.iter().any(|l| l.starts_with("item ")), "the 5-day schedule has items");
}

#[test]
fn failing_callback_gives_ccad_ecallback() {
    let mut lines = Vec::new();
    scenario::broken_clock(&mut |line| lines.push(line)).unwrap();
    assert_eq!(lines.len(), 1);
    assert!(lines[0].starts_with(&format!("broken clock: {CCAD_ECALLBACK} ")), "{}", lines[0]);
    assert!(lines[0].contains("clock"));
}

#[test]
fn money_beyond_2_pow_53_round_trips() {
    let mut ctx: *mut ccad_ctx = ptr::null_mut();
    let mut book: *mut ccad_book = ptr::null_mut();
    unsafe {
        assert_eq!(ccad_ctx_new(&mut ctx, ptr::null()), CCAD_OK);
        assert_eq!(ccad_book_new(&mut book, ctx, 0), CCAD_OK);
        let id = CString::new("whale").unwrap();
        let mut c = init(ccad_customer_init);
        c.id = id.as_ptr();
        c.value = (1i64 << 60) + 1;
        let mut index = usize::MAX;
        assert_eq!(ccad_book_add(book, &c, &mut index), CCAD_OK);
        let mut back = init(ccad_customer_init);
        assert_eq!(ccad_book_get(book, index, &mut back), CCAD_OK);
        assert_eq!(back.value, (1i64 << 60) + 1);
        assert_eq!(scenario::text(back.id), "whale");
        // a size the library does not know is refused, nothing added
        c.size += 8;
        assert_eq!(ccad_book_add(book, &c, ptr::null_mut()), CCAD_EVERSION);
        assert_eq!(ccad_book_count(book), 1);
        ccad_book_free(book);
        ccad_ctx_free(ctx);
    }
}
