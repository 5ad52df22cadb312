//! The export's archive does not depend on how many threads cut the tiles: `kuril export --threads 1` and
//! `--threads 2` write the same bytes (and so the same content-hashed name). The progress bar stays off stderr when
//! stderr is not a terminal.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_kuril");
const MAX_ZOOM: &str = "8";

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("kuril-export-threads-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    d
}

/// Export with `args` added; returns the archive's name, its bytes and what the command wrote on stderr.
fn export(out: &Path, args: &[&str]) -> (String, Vec<u8>, String) {
    let o = Command::new(BIN)
        .args(["export", "--out"])
        .arg(out)
        .args(["--max-zoom", MAX_ZOOM])
        .args(args)
        .env_remove("KURIL_EXPORT_PAUSE")
        .output()
        .expect("run kuril export");
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "kuril export {args:?} failed: {stderr}");
    let archives: Vec<String> = fs::read_dir(out)
        .expect("read the export")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("tiles-") && n.ends_with(".pmtiles"))
        .collect();
    assert_eq!(archives.len(), 1, "one archive in {}: {archives:?}", out.display());
    let bytes = fs::read(out.join(&archives[0])).expect("read the archive");
    (archives[0].clone(), bytes, stderr)
}

#[test]
fn one_thread_and_two_write_the_same_archive_and_no_progress_bar_goes_to_a_pipe() {
    let (one, two) = (tmp("one"), tmp("two"));
    let (name1, bytes1, stderr1) = export(&one, &["--threads", "1"]);
    let (name2, bytes2, _) = export(&two, &["--threads", "2", "--no-progress"]);
    assert!(bytes1.len() > 100_000, "the archive has tiles: {} bytes", bytes1.len());
    assert_eq!(name1, name2, "the content-hashed names");
    assert!(
        bytes1 == bytes2,
        "the archives differ ({} and {} bytes)",
        bytes1.len(),
        bytes2.len()
    );
    // Progress was on for the first run, but its stderr is a pipe here: no bar, no escape codes.
    assert!(
        !stderr1.contains(" tiles (") && !stderr1.contains('\u{1b}'),
        "progress output on a pipe: {stderr1:?}"
    );
    let _ = fs::remove_dir_all(&one);
    let _ = fs::remove_dir_all(&two);
}

#[test]
fn a_thread_count_of_zero_is_refused_with_a_message() {
    let out = tmp("zero");
    let o = Command::new(BIN)
        .args(["export", "--out"])
        .arg(&out)
        .args(["--max-zoom", "0", "--threads", "0"])
        .output()
        .expect("run kuril export");
    assert!(!o.status.success());
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("--threads"), "{stderr}");
    assert!(!out.exists(), "nothing written");
}
