//! `kuril export --out DIR`: a self-contained static site — the web app, one PMTiles v3 archive with every
//! non-empty tile, the glyphs, the GeoJSON documents and a style pointing at them with relative URLs. Any
//! static host with HTTP Range support (nginx, a CDN, object storage) serves it; no server of ours is needed.
//!
//! The archive's name carries its content's hash (`tiles-<16 hex digits of SHA-256>.pmtiles`), so a CDN can cache
//! it as immutable. The export is written beside the folder's current content and switched in by renames once
//! it is complete and its archive has been read back (`publish.rs`): a re-export never breaks a live site.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use kuril_model::i18n::{self, Lang};
use kuril_model::{Model, views};
use kuril_tiles::layers::{DETAIL_ZOOM, SHORELINE_REGION};
use kuril_tiles::style::{StyleUrls, style};
use kuril_tiles::{TileId, Tiler};
use pmtiles::{Compression, PmTilesWriter, TileCoord, TileType};

use crate::publish::{STYLE, Target};
use crate::routes::{GLYPHS, WEB};

/// Export options.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    pub out: PathBuf,
    /// Highest zoom written (MapLibre over-zooms beyond it).
    pub max_zoom: u8,
    /// A progress bar on stderr (shown only when stderr is a terminal).
    pub progress: bool,
    /// Threads cutting tiles (`None`: one per core). The archive is the same whatever the number.
    pub threads: Option<usize>,
}

/// What was written.
#[derive(Debug, Clone)]
pub struct ExportSummary {
    pub tiles: usize,
    pub pmtiles_bytes: u64,
    /// The archive's file name in the export folder (`tiles-<hash>.pmtiles`).
    pub archive: String,
    pub elapsed: Duration,
}

/// Tiles to consider: the whole world below [`DETAIL_ZOOM`], the shoreline region from there on.
fn candidates(max_zoom: u8) -> Vec<TileId> {
    let [w, s, e, n] = SHORELINE_REGION;
    let mut out = Vec::new();
    for z in 0..=max_zoom {
        if z < DETAIL_ZOOM {
            let n = 1u32 << z;
            out.extend((0..n).flat_map(|x| (0..n).map(move |y| TileId { z, x, y })));
        } else {
            out.extend(TileId::covering(
                z,
                geo::coord! { x: w, y: s },
                geo::coord! { x: e, y: n },
            ));
        }
    }
    // PMTiles readers are fastest when tiles are stored in tile-id (Hilbert) order.
    out.sort_by_key(|t| pmtiles_id(*t));
    out
}

fn pmtiles_id(t: TileId) -> u64 {
    TileCoord::new(t.z, t.x, t.y)
        .map(|c| pmtiles::TileId::from(c).value())
        .unwrap_or(u64::MAX)
}

pub fn export(model: &Model, tiler: &Tiler, opts: &ExportOptions) -> anyhow::Result<ExportSummary> {
    let started = Instant::now();
    let target = Target::open(&opts.out)?;
    for f in files(&WEB) {
        target.write(&rel(f.path())?, f.contents())?;
    }
    for f in files(&GLYPHS) {
        target.write(&format!("glyphs/{}", rel(f.path())?), f.contents())?;
    }
    let docs: Vec<(String, serde_json::Value)> = {
        let mut d = vec![
            (
                "api/islands.geojson".to_string(),
                views::to_value(&views::islands(model)),
            ),
            (
                "api/straits.geojson".to_string(),
                views::to_value(&views::straits(model)),
            ),
            ("api/places.geojson".to_string(), views::to_value(&views::places(model))),
            ("api/lines.json".to_string(), views::to_value(&views::lines(model))),
            (
                "api/scenarios.json".to_string(),
                views::to_value(&views::scenarios(model)?),
            ),
            ("api/timeline.json".to_string(), views::timeline(model)),
            ("api/straits-tour.json".to_string(), views::straits_tour(model)?),
        ];
        // The documents with texts also in Japanese and Russian: `api/timeline.ja.json` and so on (the app reads
        // the file of its language).
        let with_texts: Vec<(&str, &str, &str, serde_json::Value)> = vec![
            ("lines", "json", "scenario", views::to_value(&views::lines(model))),
            (
                "scenarios",
                "json",
                "scenario",
                views::to_value(&views::scenarios(model)?),
            ),
            ("timeline", "json", "timeline", views::timeline(model)),
            ("straits-tour", "json", "straits-tour", views::straits_tour(model)?),
            ("islands", "geojson", "island", views::to_value(&views::islands(model))),
            ("straits", "geojson", "strait", views::to_value(&views::straits(model))),
            ("places", "geojson", "place", views::to_value(&views::places(model))),
        ];
        for (name, ext, kind, doc) in with_texts {
            for lang in [Lang::Ja, Lang::Ru] {
                let mut v = doc.clone();
                i18n::localize(model, kind, lang, &mut v);
                d.push((format!("api/{name}.{}.{ext}", lang.code()), v));
            }
        }
        for s in &model.scenarios {
            d.push((
                format!("api/lines/{}.geojson", s.id),
                views::to_value(&views::line(model, &s.id)?),
            ));
            d.push((
                format!("api/claim-areas/{}.geojson", s.id),
                views::to_value(&views::claim_areas(model, &s.id)?),
            ));
        }
        d
    };
    for (path, doc) in docs {
        target.write(&path, &serde_json::to_vec(&doc)?)?;
    }
    pause_point("before-archive");
    let part = target.staging().join("tiles.pmtiles.part");
    let (tiles, bytes, samples) = write_pmtiles(tiler, &part, opts)?;
    pause_point("after-archive");
    let archive = format!("tiles-{}.pmtiles", file_hash(&part)?);
    crate::archive_check::check(&part, opts.max_zoom, tiles, &samples)
        .with_context(|| format!("the new archive {} did not read back", part.display()))?;
    fs::rename(&part, target.staging().join(&archive)).with_context(|| format!("naming {archive}"))?;
    // The style last of all: it names the archive.
    let style = style(&StyleUrls {
        source: format!("pmtiles://{archive}"),
        glyphs: "glyphs/{fontstack}/{range}.pbf".to_string(),
    });
    target.write(STYLE, &serde_json::to_vec_pretty(&style)?)?;
    target.publish(&archive, pause_point)?;
    Ok(ExportSummary {
        tiles,
        pmtiles_bytes: bytes,
        archive,
        elapsed: started.elapsed(),
    })
}

/// For the tests that kill an export part-way (`tests/export_atomic.rs`): with `KURIL_EXPORT_PAUSE=<point>` the
/// export says `paused at <point>` on stderr when it gets there and waits a minute, long enough to be killed.
/// The points: `before-archive`, `during-archive` (after the first chunk of tiles), `after-archive`,
/// `during-switch` (the new archive in place, the style not yet) and `after-switch` (before the clean-up).
pub fn pause_point(point: &str) {
    if std::env::var("KURIL_EXPORT_PAUSE").is_ok_and(|p| p == point) {
        eprintln!("paused at {point}");
        std::thread::sleep(Duration::from_secs(60));
    }
}

/// An embedded file's path as a `/`-separated relative path.
fn rel(p: &Path) -> anyhow::Result<String> {
    let parts: Option<Vec<&str>> = p.components().map(|c| c.as_os_str().to_str()).collect();
    parts
        .map(|v| v.join("/"))
        .ok_or_else(|| anyhow::anyhow!("{} is not a UTF-8 path", p.display()))
}

/// The first 16 hex digits of the file's SHA-256.
fn file_hash(path: &Path) -> anyhow::Result<String> {
    use sha2::Digest;
    let mut f = fs::File::open(path).with_context(|| format!("reading {}", path.display()))?;
    let mut h = sha2::Sha256::new();
    std::io::copy(&mut f, &mut h).with_context(|| format!("reading {}", path.display()))?;
    Ok(h.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect())
}

/// Every file of an embedded folder, recursively.
fn files<'a>(dir: &'a include_dir::Dir<'a>) -> Vec<&'a include_dir::File<'a>> {
    let mut out: Vec<&include_dir::File<'_>> = dir.files().collect();
    for d in dir.dirs() {
        out.extend(files(d));
    }
    out
}

/// Tiles as they were written: to be found again in the archive.
pub type Samples = Vec<(TileId, Vec<u8>)>;

/// A tile cut and gzipped by a worker: nothing (empty), or its bytes as cut and as stored; or the error.
type CutTile = anyhow::Result<Option<(Vec<u8>, Vec<u8>)>>;

/// Tiles kept to compare with what the archive gives back: the first written and then one in every [`SAMPLE_EVERY`].
const SAMPLE_EVERY: usize = 997;

/// At most this many tiles cut ahead of the one being written, so that memory stays flat.
const WINDOW: usize = 4096;

/// Cut and gzip one tile, as the pmtiles writer would have gzipped it (flate2's default level).
fn cut(tiler: &Tiler, id: TileId) -> CutTile {
    let Some(raw) = tiler.tile(id)? else {
        return Ok(None);
    };
    let mut gz = flate2::write::GzEncoder::new(Vec::with_capacity(raw.len() / 2 + 64), flate2::Compression::default());
    gz.write_all(&raw)?;
    Ok(Some((raw, gz.finish()?)))
}

/// What the workers share with the writer: the tiles cut and not yet written, by their place in the order.
struct Pipeline {
    done: Mutex<BTreeMap<usize, CutTile>>,
    /// Signalled when a tile is cut (for the writer) and when one is written or the export stops (for the workers).
    changed: Condvar,
    /// The next tile to hand to a worker.
    next: AtomicUsize,
    /// How many tiles the writer has taken.
    written: AtomicUsize,
    stop: AtomicBool,
}

/// Cut every candidate tile (on `opts.threads` workers, at most [`WINDOW`] ahead of the writer) and write the
/// non-empty ones in tile-id order: how many, the archive's size, and a sample of the tiles as written. The
/// archive does not depend on the number of threads.
fn write_pmtiles(tiler: &Tiler, path: &Path, opts: &ExportOptions) -> anyhow::Result<(usize, u64, Samples)> {
    let todo = candidates(opts.max_zoom);
    let bar = if opts.progress {
        ProgressBar::new(todo.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{msg:>8} [{bar:40}] {pos}/{len} tiles ({per_sec}, {eta} left)")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message("tiles");
    let file = fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
    let [w, s, e, n] = SHORELINE_REGION;
    // The workers gzip the tiles; the writer stores them as they come.
    let mut writer = PmTilesWriter::new(TileType::Mvt)
        .precompressed(Compression::Gzip)
        .min_zoom(0)
        .max_zoom(opts.max_zoom)
        .bounds(w, s, e, n)
        .center(146.5, 44.3)
        .center_zoom(6)
        .metadata(serde_json::to_string(&kuril_tiles::tilejson(tiler.layers(), ""))?)
        .create(file)?;
    let threads = opts
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2))
        .max(1);
    let pipe = Pipeline {
        done: Mutex::new(BTreeMap::new()),
        changed: Condvar::new(),
        next: AtomicUsize::new(0),
        written: AtomicUsize::new(0),
        stop: AtomicBool::new(false),
    };
    let mut written = 0usize;
    let mut samples: Samples = Vec::new();
    let result = std::thread::scope(|scope| -> anyhow::Result<()> {
        for _ in 0..threads {
            scope.spawn(|| work(tiler, &todo, &pipe));
        }
        let wrote = (|| -> anyhow::Result<()> {
            for (i, id) in todo.iter().enumerate() {
                let r = {
                    let mut done = pipe
                        .done
                        .lock()
                        .map_err(|_| anyhow::anyhow!("a tile worker panicked"))?;
                    loop {
                        if let Some(r) = done.remove(&i) {
                            break r;
                        }
                        done = pipe
                            .changed
                            .wait(done)
                            .map_err(|_| anyhow::anyhow!("a tile worker panicked"))?;
                    }
                };
                pipe.written.store(i + 1, Ordering::Release);
                pipe.changed.notify_all();
                bar.inc(1);
                if let Some((raw, gz)) = r.with_context(|| format!("cutting tile {id}"))? {
                    if written == 256 {
                        pause_point("during-archive");
                    }
                    writer.add_tile(TileCoord::new(id.z, id.x, id.y)?, &gz)?;
                    if written.is_multiple_of(SAMPLE_EVERY) {
                        samples.push((*id, raw));
                    }
                    written += 1;
                }
            }
            Ok(())
        })();
        pipe.stop.store(true, Ordering::Release);
        if let Ok(_done) = pipe.done.lock() {
            pipe.changed.notify_all();
        }
        wrote
    });
    result?;
    writer
        .finalize()
        .with_context(|| format!("writing {}", path.display()))?;
    fs::File::open(path)
        .and_then(|f| f.sync_all())
        .with_context(|| format!("writing {}", path.display()))?;
    bar.finish_with_message("done");
    let bytes = fs::metadata(path)?.len();
    Ok((written, bytes, samples))
}

/// A worker: takes the next tile, waits while it would be more than [`WINDOW`] ahead of the writer, cuts it and
/// hands it over, until there are no more or the export stops.
fn work(tiler: &Tiler, todo: &[TileId], pipe: &Pipeline) {
    loop {
        let i = pipe.next.fetch_add(1, Ordering::Relaxed);
        let Some(&id) = todo.get(i) else { return };
        {
            let Ok(mut done) = pipe.done.lock() else { return };
            while i >= pipe.written.load(Ordering::Acquire) + WINDOW && !pipe.stop.load(Ordering::Acquire) {
                let Ok(d) = pipe.changed.wait(done) else { return };
                done = d;
            }
        }
        if pipe.stop.load(Ordering::Acquire) {
            return;
        }
        let r = cut(tiler, id);
        let Ok(mut done) = pipe.done.lock() else { return };
        done.insert(i, r);
        pipe.changed.notify_all();
    }
}
