// Links libcustcadence: from $CUSTCADENCE_LIB_DIR (a build tree's lib/),
// else from the libdir pkg-config names, else from the linker's default
// path. A directory found either way is also the program's run path.
use std::env;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=CUSTCADENCE_LIB_DIR");
    let dir = env::var("CUSTCADENCE_LIB_DIR").ok().or_else(|| {
        let out = Command::new("pkg-config")
            .args(["--variable=libdir", "custcadence"])
            .output()
            .ok()?;
        let dir = String::from_utf8(out.stdout).ok()?.trim().to_string();
        (out.status.success() && !dir.is_empty()).then_some(dir)
    });
    if let Some(dir) = dir {
        println!("cargo:rustc-link-search=native={dir}");
        println!("cargo:rustc-link-arg=-Wl,-rpath,{dir}");
    }
    println!("cargo:rustc-link-lib=dylib=custcadence");
}
