//! A re-export never breaks a live site: the real `kuril export` is killed with SIGKILL at every stage of writing
//! over an earlier export (before, during and after the archive, during and after the switch), runs out of disk
//! space, and meets a second export of the same folder. Each time the folder holds a whole export: the archive its
//! style names opens with the pmtiles crate's reader, and every file the style and the page point at exists.
//! Before the switch the folder is byte for byte the previous export.
//!
//! The full-disk case mounts a small tmpfs, which needs root: without it the test says so and stops, except
//! under CI (`CI` set), where that is a failure.

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use pmtiles::{AsyncPmTilesReader, MmapBackend, TileType};

const BIN: &str = env!("CARGO_BIN_EXE_kuril");

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("kuril-export-atomic-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    d
}

fn export(out: &Path, max_zoom: u8) -> std::process::Output {
    Command::new(BIN)
        .args(["export", "--out"])
        .arg(out)
        .args(["--max-zoom", &max_zoom.to_string()])
        .env_remove("KURIL_EXPORT_PAUSE")
        .output()
        .expect("run kuril export")
}

/// Every file of the export and its bytes, leaving out the lock and what a killed export left in staging.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in fs::read_dir(dir).expect("read dir") {
            let p = e.expect("entry").path();
            let rel = p.strip_prefix(root).expect("inside").to_string_lossy().into_owned();
            if rel.starts_with(".kuril-staging-") || rel == ".kuril-export.lock" {
                continue;
            }
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                out.insert(rel, fs::read(&p).expect("read"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// The archive the style names.
fn style_archive(dir: &Path) -> String {
    let style: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.join("style.json")).expect("style.json")).expect("style JSON");
    let url = style["sources"]["kuril"]["url"].as_str().expect("source url");
    url.strip_prefix("pmtiles://").expect("a pmtiles:// source").to_string()
}

/// The folder holds a whole export: the archive the style names opens and reads up to `max_zoom` (when given),
/// and the page, its scripts, the glyphs and the documents the app reads exist.
fn assert_whole(dir: &Path, what: &str) -> String {
    let archive = style_archive(dir);
    let path = dir.join(&archive);
    assert!(path.is_file(), "{what}: the style names {archive}, which is missing");
    let rt = tokio::runtime::Builder::new_current_thread().build().expect("runtime");
    rt.block_on(async {
        let reader = AsyncPmTilesReader::try_from_source(MmapBackend::try_from(&path).await.expect("open"))
            .await
            .unwrap_or_else(|e| panic!("{what}: {archive} does not open: {e}"));
        assert_eq!(reader.get_header().tile_type, TileType::Mvt, "{what}");
        let tile = reader
            .get_tile_decompressed(pmtiles::TileCoord::new(0, 0, 0).expect("coord"))
            .await
            .expect("read tile");
        assert!(
            tile.is_some_and(|t| !t.is_empty()),
            "{what}: no tile 0/0/0 in {archive}"
        );
    });
    for f in [
        "index.html",
        "app.js",
        "app.css",
        "glyphs/Noto Sans Regular/0-255.pbf",
        "api/lines.json",
        "api/timeline.json",
    ] {
        assert!(dir.join(f).is_file(), "{what}: {f} is missing");
    }
    archive
}

/// Starts an export that stops at `point` and kills it there with SIGKILL.
fn kill_at(out: &Path, max_zoom: u8, point: &str) {
    let mut child = Command::new(BIN)
        .args(["export", "--out"])
        .arg(out)
        .args(["--max-zoom", &max_zoom.to_string()])
        .env("KURIL_EXPORT_PAUSE", point)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let stderr = child.stderr.take().expect("stderr");
    let mut reached = false;
    for line in BufReader::new(stderr).lines() {
        let line = line.expect("stderr line");
        if line.contains(&format!("paused at {point}")) {
            reached = true;
            break;
        }
    }
    child.kill().expect("SIGKILL");
    let status = child.wait().expect("wait");
    assert!(reached, "the export never reached {point} ({status})");
}

#[test]
fn a_killed_export_leaves_the_previous_or_the_new_one_whole() {
    let out = tmp("kill");
    let first = export(&out, 5);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let old_archive = assert_whole(&out, "the first export");
    let before = snapshot(&out);

    for point in ["before-archive", "during-archive", "after-archive", "during-switch"] {
        kill_at(&out, 7, point);
        let archive = assert_whole(&out, point);
        assert_eq!(
            archive, old_archive,
            "{point}: the style was switched before the switch"
        );
        let now = snapshot(&out);
        if point == "during-switch" {
            // The new archive is in place beside the old one; nothing the old style names has changed.
            let extra: Vec<&String> = now.keys().filter(|k| !before.contains_key(*k)).collect();
            assert_eq!(extra.len(), 1, "{point}: {extra:?}");
            assert!(
                extra[0].starts_with("tiles-") && extra[0].ends_with(".pmtiles"),
                "{extra:?}"
            );
            assert_eq!(now[&old_archive], before[&old_archive]);
            assert_eq!(now["style.json"], before["style.json"]);
        } else {
            assert!(now == before, "{point}: the previous export was changed");
        }
    }

    kill_at(&out, 7, "after-switch");
    let new_archive = assert_whole(&out, "after-switch");
    assert_ne!(
        new_archive, old_archive,
        "after the switch the style names the new archive"
    );

    // The next export finishes the work: one archive, no staging left, nothing of the killed runs.
    let last = export(&out, 6);
    assert!(last.status.success(), "{}", String::from_utf8_lossy(&last.stderr));
    let archive = assert_whole(&out, "the export after the kills");
    let names: Vec<String> = fs::read_dir(&out)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    let archives: Vec<&String> = names.iter().filter(|n| n.ends_with(".pmtiles")).collect();
    assert_eq!(archives, vec![&archive], "{names:?}");
    assert!(!names.iter().any(|n| n.starts_with(".kuril-staging-")), "{names:?}");
    let _ = fs::remove_dir_all(&out);
}

#[test]
fn one_export_at_a_time_and_no_export_over_unrelated_files() {
    let out = tmp("lock");
    let first = export(&out, 4);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let mut running = Command::new(BIN)
        .args(["export", "--out"])
        .arg(&out)
        .args(["--max-zoom", "5"])
        .env("KURIL_EXPORT_PAUSE", "before-archive")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let stderr = running.stderr.take().expect("stderr");
    let mut lines = BufReader::new(stderr).lines();
    assert!(lines.any(|l| l.is_ok_and(|l| l.contains("paused at before-archive"))));
    let second = export(&out, 4);
    assert!(
        !second.status.success(),
        "a second export into the same folder must fail"
    );
    let msg = String::from_utf8_lossy(&second.stderr);
    assert!(msg.contains("another `kuril export` is writing to"), "{msg}");
    running.kill().expect("kill");
    running.wait().expect("wait");
    assert_whole(&out, "after the refused second export");

    let unrelated = tmp("unrelated");
    fs::create_dir_all(&unrelated).expect("dir");
    fs::write(unrelated.join("holiday.jpg"), "photo").expect("file");
    let r = export(&unrelated, 2);
    assert!(!r.status.success());
    let msg = String::from_utf8_lossy(&r.stderr);
    assert!(
        msg.contains("not an export of this map") && msg.contains("holiday.jpg"),
        "{msg}"
    );
    let r = export(&unrelated.join("holiday.jpg"), 2);
    assert!(!r.status.success());
    assert!(String::from_utf8_lossy(&r.stderr).contains("is a file, not a folder"));
    assert_eq!(
        fs::read_to_string(unrelated.join("holiday.jpg")).expect("kept"),
        "photo"
    );
    assert_eq!(
        fs::read_dir(&unrelated).expect("dir").count(),
        1,
        "nothing written beside the photo"
    );
    let _ = fs::remove_dir_all(&out);
    let _ = fs::remove_dir_all(&unrelated);
}

#[test]
fn a_full_disk_leaves_the_previous_export_and_says_so() {
    let mnt = tmp("full");
    fs::create_dir_all(&mnt).expect("mount point");
    // The first export (z0–5) takes about 9 MB; 14 MB holds it but not a second, larger one beside it.
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=14m", "tmpfs"])
        .arg(&mnt)
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must be able to mount a tmpfs (run as root)"
        );
        eprintln!("skipped: mounting a tmpfs needs root");
        return;
    }
    let out = mnt.join("site");
    let run = || -> Result<(), String> {
        let first = export(&out, 5);
        if !first.status.success() {
            return Err(format!("first export: {}", String::from_utf8_lossy(&first.stderr)));
        }
        assert_whole(&out, "the first export");
        let before = snapshot(&out);
        let second = export(&out, 6);
        let msg = String::from_utf8_lossy(&second.stderr).into_owned();
        if second.status.success() {
            return Err(format!(
                "the second export fitted: the test's tmpfs is too large ({msg})"
            ));
        }
        if !msg.contains("No space left on device") {
            return Err(format!("no clear error: {msg}"));
        }
        assert_whole(&out, "after the full disk");
        if snapshot(&out) != before {
            return Err("the previous export was changed".into());
        }
        let staging = fs::read_dir(&out).expect("dir").any(|e| {
            e.expect("entry")
                .file_name()
                .to_string_lossy()
                .starts_with(".kuril-staging-")
        });
        if staging {
            return Err("the failed export left its staging folder (the space stays used)".into());
        }
        Ok(())
    };
    // Unmounted whatever happens, a failed assertion included.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(run));
    let _ = Command::new("umount").arg(&mnt).status();
    let _ = fs::remove_dir_all(&mnt);
    match result {
        Ok(Ok(())) => {}
        Ok(Err(e)) => panic!("{e}"),
        Err(p) => std::panic::resume_unwind(p),
    }
}
