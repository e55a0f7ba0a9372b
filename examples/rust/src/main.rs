//! ccad-scenario: the shared FFI scenario (docs/ffi.md) through plain
//! `extern "C"` declarations (src/ffi.rs), no crates.
//!
//!   cargo run --offline          (CUSTCADENCE_LIB_DIR: see build.rs)
//!   cargo test --offline         (CUSTCADENCE_ABI_JSON, CUSTCADENCE_FFI_REFERENCE)

mod ffi;
mod scenario;
#[cfg(test)]
mod abi_json;
#[cfg(test)]
mod tests;

fn main() {
    let mut print = |line: String| println!("{line}");
    if let Err(err) = scenario::run(&mut print) {
        eprintln!("ccad-scenario: {err}");
        std::process::exit(1);
    }
}
