//! Publishing a static export into a folder that may be serving readers: everything is written beside the target
//! (a staging folder inside it, on the same file system), checked, and then moved into place by renames, the
//! style last; the archives and files of the previous export are removed only after the switch, and only those
//! the previous export wrote (its manifest says which). One export at a time per folder (an advisory lock on
//! `.kuril-export.lock`, released by the kernel when the process dies, so a killed export leaves no stale lock).
//!
//! A failure before the switch (a kill, a crash, a full disk, a permission) leaves the previous export as it was:
//! its files are never written to. The switch itself is a few hundred renames in the same folder, which need no
//! space; the archive goes first and the style (which names the archive) last, so a reader always finds the archive
//! the style it loaded names.

use std::fs::{self, File, TryLockError};
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, bail};
use serde::{Deserialize, Serialize};

/// What an export wrote, kept beside it: the next export removes what this one wrote and it does not.
pub const MANIFEST: &str = ".kuril-export.json";
/// The lock file: held (flock) while an export writes into the folder.
pub const LOCK: &str = ".kuril-export.lock";
/// Staging folders: `.kuril-staging-<pid>`.
const STAGING_PREFIX: &str = ".kuril-staging-";
/// The style: renamed into place last.
pub const STYLE: &str = "style.json";
/// The archive name of exports made before archives were content-addressed.
const LEGACY_ARCHIVE: &str = "tiles.pmtiles";

/// The manifest of an export.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Manifest {
    /// The tile archive the style points at (`tiles-<hash>.pmtiles`).
    pub archive: String,
    /// Every file of the export, relative to its folder, `/`-separated.
    pub files: Vec<String>,
    /// Files of the previous export that this one replaces and removes after the switch (kept here so that a
    /// export killed during the clean-up finishes it next time).
    #[serde(default)]
    pub remove: Vec<String>,
}

/// A folder being published into: locked, with a fresh staging folder inside it.
#[derive(Debug)]
pub struct Target {
    out: PathBuf,
    staging: PathBuf,
    previous: Option<Manifest>,
    /// Held for the life of the target; dropping it releases the lock.
    _lock: File,
}

impl Target {
    /// Checks that `out` is a folder this export may write into (missing, empty, or holding an earlier export),
    /// takes its lock, removes staging folders left by killed exports and makes a new one.
    pub fn open(out: &Path) -> anyhow::Result<Target> {
        match fs::metadata(out) {
            Ok(m) if !m.is_dir() => bail!(
                "--out {} is a file, not a folder: give a folder for the export",
                out.display()
            ),
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
            }
            Err(e) => return Err(e).with_context(|| format!("reading {}", out.display())),
        }
        // Refused before anything is written: a folder of other content gets no lock file either.
        previous_export(out)?;
        let lock_path = out.join(LOCK);
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .with_context(|| format!("opening the lock file {}", lock_path.display()))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => bail!(
                "another `kuril export` is writing to {} (it holds {}): wait until it has finished, or export to \
                 another folder",
                out.display(),
                lock_path.display()
            ),
            Err(TryLockError::Error(e)) => {
                return Err(e).with_context(|| format!("locking {}", lock_path.display()));
            }
        }
        // Read again under the lock: an export that finished meanwhile wrote a new manifest.
        let previous = previous_export(out)?;
        for entry in fs::read_dir(out).with_context(|| format!("reading {}", out.display()))? {
            let entry = entry?;
            if entry.file_name().to_string_lossy().starts_with(STAGING_PREFIX) {
                fs::remove_dir_all(entry.path())
                    .with_context(|| format!("removing the unfinished export {}", entry.path().display()))?;
            }
        }
        let staging = out.join(format!("{STAGING_PREFIX}{}", std::process::id()));
        fs::create_dir(&staging).with_context(|| format!("creating {}", staging.display()))?;
        Ok(Target {
            out: out.to_path_buf(),
            staging,
            previous,
            _lock: lock,
        })
    }

    /// Where the new export is written.
    pub fn staging(&self) -> &Path {
        &self.staging
    }

    /// Writes a file of the new export (into the staging folder, synced to disk).
    pub fn write(&self, rel: &str, bytes: &[u8]) -> anyhow::Result<()> {
        write_synced(&self.staging.join(checked(rel)?), bytes)
    }

    /// Moves the staged export into place: the archive first, then every other file, the style, and the manifest
    /// last; then removes what the previous export wrote and this one does not. `archive` is the staged
    /// archive's name; every staged file is published. `pause` is called at `during-switch` (after the archive)
    /// and `after-switch` (before the clean-up), for the tests that kill an export there.
    pub fn publish(self, archive: &str, pause: impl Fn(&str)) -> anyhow::Result<Manifest> {
        let mut files = Vec::new();
        list(&self.staging, &self.staging, &mut files)?;
        files.sort();
        if !files.iter().any(|f| f == archive) || !files.iter().any(|f| f == STYLE) {
            bail!("the staged export has no {archive} or no {STYLE}");
        }
        let mut remove: Vec<String> = match &self.previous {
            Some(p) => p
                .files
                .iter()
                .chain(&p.remove)
                .filter(|f| !files.contains(f))
                .cloned()
                .collect(),
            None => Vec::new(),
        };
        // Archives of exports killed during their switch: ours by name, and named by no style that was published.
        if self.previous.is_some() {
            for entry in fs::read_dir(&self.out).with_context(|| format!("reading {}", self.out.display()))? {
                let name = entry?.file_name().to_string_lossy().into_owned();
                if is_archive_name(&name) && name != archive {
                    remove.push(name);
                }
            }
        }
        remove.sort();
        remove.dedup();
        let manifest = Manifest {
            archive: archive.to_string(),
            files: files.clone(),
            remove,
        };
        write_synced(&self.staging.join(MANIFEST), &serde_json::to_vec_pretty(&manifest)?)?;

        let order = std::iter::once(archive)
            .chain(
                files
                    .iter()
                    .map(String::as_str)
                    .filter(|f| *f != archive && *f != STYLE),
            )
            .chain([STYLE, MANIFEST]);
        for rel in order {
            let to = self.out.join(rel);
            if let Some(dir) = to.parent() {
                fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
            }
            fs::rename(self.staging.join(rel), &to).with_context(|| format!("moving {rel} into place"))?;
            if rel == archive {
                pause("during-switch");
            }
        }
        sync_dir(&self.out)?;
        pause("after-switch");
        for rel in &manifest.remove {
            let path = self.out.join(checked(rel)?);
            match fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e).with_context(|| format!("removing {} of the previous export", path.display())),
            }
        }
        remove_empty_dirs(&self.out)?;
        Ok(manifest)
    }
}

impl Drop for Target {
    /// An export that stops before its switch leaves nothing behind but its lock file.
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.staging);
    }
}

/// The previous export in `out`: its manifest, or the files an export made before manifests existed can be
/// recognised by; an error for a folder holding anything else.
fn previous_export(out: &Path) -> anyhow::Result<Option<Manifest>> {
    let manifest = out.join(MANIFEST);
    match fs::read(&manifest) {
        Ok(bytes) => {
            let m: Manifest = serde_json::from_slice(&bytes)
                .with_context(|| format!("{} is not a manifest this program wrote", manifest.display()))?;
            for f in m.files.iter().chain(&m.remove) {
                checked(f).with_context(|| format!("in {}", manifest.display()))?;
            }
            return Ok(Some(m));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e).with_context(|| format!("reading {}", manifest.display())),
    }
    let mut other = Vec::new();
    for entry in fs::read_dir(out).with_context(|| format!("reading {}", out.display()))? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name != LOCK && !name.starts_with(STAGING_PREFIX) {
            other.push(name);
        }
    }
    if other.is_empty() {
        return Ok(None);
    }
    let legacy = ["index.html", STYLE, LEGACY_ARCHIVE]
        .iter()
        .all(|f| out.join(f).is_file());
    if legacy {
        // An export of an earlier version: its files are overwritten by name, its archive removed.
        return Ok(Some(Manifest {
            archive: LEGACY_ARCHIVE.to_string(),
            files: vec![LEGACY_ARCHIVE.to_string()],
            remove: Vec::new(),
        }));
    }
    other.sort();
    bail!(
        "--out {} holds files that are not an export of this map ({}{}): give an empty or new folder, or one an \
         earlier `kuril export` wrote",
        out.display(),
        other.iter().take(3).cloned().collect::<Vec<_>>().join(", "),
        if other.len() > 3 { ", …" } else { "" }
    )
}

/// `tiles-<16 hex digits>.pmtiles`: an archive this program named.
pub fn is_archive_name(name: &str) -> bool {
    name.strip_prefix("tiles-")
        .and_then(|r| r.strip_suffix(".pmtiles"))
        .is_some_and(|h| h.len() == 16 && h.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
}

/// A relative path inside the export: no `..`, no root, no empty name.
fn checked(rel: &str) -> anyhow::Result<&Path> {
    let p = Path::new(rel);
    if rel.is_empty() || !p.components().all(|c| matches!(c, Component::Normal(_))) {
        bail!("{rel:?} is not a path inside the export");
    }
    Ok(p)
}

fn write_synced(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let mut f = File::create(path).with_context(|| format!("creating {}", path.display()))?;
    f.write_all(bytes)
        .with_context(|| format!("writing {}", path.display()))?;
    f.sync_all().with_context(|| format!("writing {}", path.display()))
}

fn sync_dir(dir: &Path) -> anyhow::Result<()> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .with_context(|| format!("syncing {}", dir.display()))
}

/// Every file under `dir`, relative to `root`, `/`-separated.
fn list(root: &Path, dir: &Path, out: &mut Vec<String>) -> anyhow::Result<()> {
    for entry in fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            list(root, &path, out)?;
        } else {
            let rel = path.strip_prefix(root)?;
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(parts.join("/"));
        }
    }
    Ok(())
}

/// Folders under `dir` left empty by the clean-up (not `dir` itself, not staging folders).
fn remove_empty_dirs(dir: &Path) -> anyhow::Result<()> {
    for entry in fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir()
            && !path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(STAGING_PREFIX))
        {
            remove_empty_dirs(&path)?;
            if fs::read_dir(&path)?.next().is_none() {
                fs::remove_dir(&path).with_context(|| format!("removing {}", path.display()))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("kuril-publish-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        d
    }

    fn stage(t: &Target, archive: &str, extra: &str) {
        t.write(archive, b"archive").expect("archive");
        t.write(STYLE, archive.as_bytes()).expect("style");
        t.write(&format!("api/{extra}"), b"{}").expect("doc");
    }

    #[test]
    fn a_second_export_replaces_the_first_and_removes_only_what_the_first_wrote() {
        let out = tmp("replace");
        let t = Target::open(&out).expect("open");
        stage(&t, "tiles-a.pmtiles", "old.json");
        t.publish("tiles-a.pmtiles", |_| {}).expect("publish");
        fs::write(out.join("README.txt"), "the operator's own note").expect("note");
        // A folder with an earlier export and a file of the operator's: accepted (the manifest says what is ours).
        let t = Target::open(&out).expect("open again");
        stage(&t, "tiles-b.pmtiles", "new.json");
        let m = t.publish("tiles-b.pmtiles", |_| {}).expect("publish again");
        assert_eq!(
            m.remove,
            vec!["api/old.json".to_string(), "tiles-a.pmtiles".to_string()]
        );
        assert!(!out.join("tiles-a.pmtiles").exists());
        assert!(!out.join("api/old.json").exists());
        assert!(out.join("api/new.json").exists());
        assert_eq!(fs::read_to_string(out.join(STYLE)).expect("style"), "tiles-b.pmtiles");
        assert!(out.join("README.txt").exists(), "an unrelated file is never removed");
        let staging: Vec<_> = fs::read_dir(&out)
            .expect("dir")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().starts_with(STAGING_PREFIX))
            .collect();
        assert!(staging.is_empty());
        let _ = fs::remove_dir_all(&out);
    }

    #[test]
    fn an_export_dropped_before_its_switch_leaves_the_previous_one_as_it_was() {
        let out = tmp("drop");
        let t = Target::open(&out).expect("open");
        stage(&t, "tiles-a.pmtiles", "a.json");
        t.publish("tiles-a.pmtiles", |_| {}).expect("publish");
        let before = fs::read(out.join(MANIFEST)).expect("manifest");
        {
            let t = Target::open(&out).expect("open");
            stage(&t, "tiles-b.pmtiles", "b.json");
            // Dropped without publish (an error on the way).
        }
        assert_eq!(fs::read(out.join(MANIFEST)).expect("manifest"), before);
        assert_eq!(fs::read_to_string(out.join(STYLE)).expect("style"), "tiles-a.pmtiles");
        assert!(!out.join("tiles-b.pmtiles").exists());
        let _ = fs::remove_dir_all(&out);
    }

    #[test]
    fn one_export_at_a_time_and_no_unrelated_or_file_target() {
        let out = tmp("lock");
        let first = Target::open(&out).expect("open");
        let second = Target::open(&out).expect_err("the second export is refused");
        assert!(second.to_string().contains("another `kuril export`"), "{second}");
        drop(first);
        Target::open(&out).expect("free again once the first is gone");

        let other = tmp("unrelated");
        fs::create_dir_all(&other).expect("dir");
        fs::write(other.join("photo.jpg"), "x").expect("file");
        let e = Target::open(&other).expect_err("refused");
        assert!(
            e.to_string().contains("not an export of this map") && e.to_string().contains("photo.jpg"),
            "{e}"
        );
        let file = other.join("photo.jpg");
        let e = Target::open(&file).expect_err("refused");
        assert!(e.to_string().contains("is a file"), "{e}");
        assert_eq!(fs::read_to_string(&file).expect("untouched"), "x");
        let _ = fs::remove_dir_all(&out);
        let _ = fs::remove_dir_all(&other);
    }

    #[test]
    fn archive_names() {
        assert!(is_archive_name("tiles-0123456789abcdef.pmtiles"));
        assert!(!is_archive_name("tiles-0123456789ABCDEF.pmtiles"));
        assert!(!is_archive_name("tiles-0123.pmtiles"));
        assert!(!is_archive_name("tiles.pmtiles"));
        assert!(!is_archive_name("my-tiles-0123456789abcdef.pmtiles"));
    }

    #[test]
    fn paths_stay_inside_the_export() {
        assert!(checked("../x").is_err());
        assert!(checked("/etc/passwd").is_err());
        assert!(checked("").is_err());
        assert!(checked("api/lines.json").is_ok());
    }
}
