//! Builds the web front end (`web/`) as part of `cargo build`, so that `cargo run --release` needs no other
//! step, and tells the crate where the result is: `KURIL_WEB_DIST`, the absolute path of `web/dist`
//! (for `include_dir!("$KURIL_WEB_DIST")`).
//!
//! Steps: `npm ci --no-audit --no-fund` when `web/node_modules` is missing or older than
//! `web/package-lock.json`, then `npm run build`. Cargo reruns this only when a front-end source changes.
//!
//! `KURIL_SKIP_WEB_BUILD=1` skips npm and uses the `web/dist` that is already there (and fails if it is not).
//!
//! It also computes the model's derived geometry (each scenario's line, claim areas and maritime zones: several
//! seconds of computation) with `kuril-model`, so that the server starts without computing it: the snapshot
//! is written to `$OUT_DIR/model.snapshot` and embedded (`kuril_server::state::MODEL_SNAPSHOT`). Cargo reruns
//! this when `kuril-model` or `geodata/` change, as they rebuild this script's own copy of `kuril-model`.

use std::env;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{self, Command};
use std::time::SystemTime;

/// Inputs of the front-end build, relative to `web/`; a change to any of them reruns this script.
/// Directories are scanned recursively by Cargo. `web/glyphs` is not part of the bundle.
const WEB_INPUTS: &[&str] = &[
    "src",
    "public",
    "index.html",
    "build.mjs",
    "tsconfig.json",
    "package.json",
    "package-lock.json",
];

/// The files that `npm run build` writes; checked after the build and in skip mode.
const DIST_FILES: &[&str] = &[
    "index.html",
    "app.js",
    "app.css",
    "favicon.svg",
    "embed.js",
    "embed.css",
    "embed-map.js",
    "embed-map.css",
];

fn main() {
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR set by Cargo"));
    let web = manifest_dir.join("../../web");
    let web = web
        .canonicalize()
        .unwrap_or_else(|e| fail(&format!("the web app folder {} is missing: {e}", web.display())));
    let dist = web.join("dist");

    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=KURIL_SKIP_WEB_BUILD");

    let skip = env::var_os("KURIL_SKIP_WEB_BUILD").is_some_and(|v| !v.is_empty() && v != "0");
    if skip {
        // Nothing here writes to dist, so it can be watched: a rebuilt dist re-embeds.
        println!("cargo:rerun-if-changed={}", dist.display());
        check_dist(
            &dist,
            "KURIL_SKIP_WEB_BUILD is set but the web app has not been built: run `npm ci && npm run build` in web/, or unset KURIL_SKIP_WEB_BUILD",
        );
    } else {
        for input in WEB_INPUTS {
            println!("cargo:rerun-if-changed={}", web.join(input).display());
        }
        let npm = find_npm().unwrap_or_else(|| {
            fail("Node.js and npm are needed to build the web app: install them, e.g. apt-get install nodejs npm (or set KURIL_SKIP_WEB_BUILD=1 to use an existing web/dist)")
        });
        if node_modules_stale(&web) {
            run(&npm, &["ci", "--no-audit", "--no-fund"], &web);
        }
        run(&npm, &["run", "build"], &web);
        check_dist(&dist, "`npm run build` did not produce the expected files");
    }

    println!("cargo:rustc-env=KURIL_WEB_DIST={}", dist.display());

    write_snapshot();
}

/// The model's derived geometry, computed from the embedded `geodata/`, into `$OUT_DIR/model.snapshot`
/// (written beside and renamed into place).
fn write_snapshot() {
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR set by Cargo"));
    let bytes = kuril_model::Model::embedded_english()
        .and_then(|model| model.snapshot())
        .unwrap_or_else(|e| fail(&format!("cannot compute the model's derived geometry: {e}")));
    let (tmp, path) = (out.join("model.snapshot.tmp"), out.join("model.snapshot"));
    fs::write(&tmp, &bytes)
        .and_then(|()| fs::rename(&tmp, &path))
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", path.display())));
}

/// `npm` (or `npm.cmd` on Windows) on PATH.
fn find_npm() -> Option<PathBuf> {
    let names: &[&str] = if cfg!(windows) {
        &["npm.cmd", "npm.exe", "npm"]
    } else {
        &["npm"]
    };
    let path = env::var_os("PATH")?;
    env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// True when `web/node_modules` is missing or older than `web/package-lock.json`. npm writes
/// `node_modules/.package-lock.json` at the end of every install, so its time is the install's.
fn node_modules_stale(web: &Path) -> bool {
    let installed = mtime(&web.join("node_modules/.package-lock.json"));
    let lock = mtime(&web.join("package-lock.json"));
    match (installed, lock) {
        (Some(installed), Some(lock)) => installed < lock,
        _ => true,
    }
}

fn mtime(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}

fn run(program: &Path, args: &[&str], dir: &Path) {
    let shown = format!(
        "{} {}",
        program.file_name().unwrap_or(OsStr::new("npm")).to_string_lossy(),
        args.join(" ")
    );
    // Cargo captures this output and shows it when the build fails (or with `cargo build -vv`).
    println!("running `{shown}` in {}", dir.display());
    let status = Command::new(program)
        .args(args)
        .current_dir(dir)
        .status()
        .unwrap_or_else(|e| fail(&format!("could not start `{shown}`: {e}")));
    if !status.success() {
        fail(&format!(
            "`{shown}` in {} failed ({status}); its output is above",
            dir.display()
        ));
    }
}

fn check_dist(dist: &Path, why: &str) {
    let missing: Vec<&str> = DIST_FILES.iter().copied().filter(|f| !dist.join(f).is_file()).collect();
    if !missing.is_empty() {
        fail(&format!("{why} ({} lacks {})", dist.display(), missing.join(", ")));
    }
}

fn fail(message: &str) -> ! {
    // `cargo:warning` makes the reason visible even when Cargo hides the script's output.
    println!("cargo:warning={message}");
    eprintln!("error: {message}");
    process::exit(1);
}
