//! Generates the `Noto Sans Regular` SDF glyph fontstack served from `web/glyphs/`.
//!
//! For every wanted codepoint the glyph is taken from Noto Sans Regular when its
//! cmap has it, otherwise from the Japanese face of Noto Sans CJK Regular. Glyphs
//! are rasterised with FreeType at 24 px (no hinting), padded by 3 px and turned
//! into a signed distance field (radius 8, cutoff 0.25) exactly as fontnik /
//! pbf_font_tools do, then written as `{start}-{end}.pbf` files of 256 codepoints.
//!
//! Usage:
//!   kuril-glyphs generate --geodata DIR --out DIR [--text FILE[,FILE…]] [--latin FONT] [--cjk FONT]
//!   kuril-glyphs verify   --out DIR
//!
//! Besides whole blocks (Latin, Cyrillic, kana, punctuation), the codepoints are every character of the
//! geodata's strings, of the scenario titles in `DIR/i18n/*.json` (the images' key draws them in Japanese and
//! Russian) and of each `--text` file (the images' own string table, crates/kuril-render/src/texts.rs).
//!
//! Output is deterministic: codepoints are processed in order, no timestamps are
//! written, and the fontstack directory is recreated from scratch on each run.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use freetype::face::LoadFlag;
use freetype::{Face, Library};
use pbf_font_tools::prost::Message;
use pbf_font_tools::{Fontstack, Glyph, Glyphs};
use sdf_glyph_renderer::{clamp_to_u8, BitmapGlyph};

/// Name of the single fontstack (directory name and `Fontstack.name`).
const FONTSTACK: &str = "Noto Sans Regular";
/// fontnik's parameters: em size in px, SDF padding in px, SDF radius, cutoff.
const SIZE_PX: u32 = 24;
const BUFFER: usize = 3;
const RADIUS: usize = 8;
const CUTOFF: f64 = 0.25;

const DEFAULT_LATIN: &str = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
const DEFAULT_CJK: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
const CJK_FAMILY: &str = "Noto Sans CJK JP";

/// Unicode blocks always generated in full (inclusive bounds).
const BLOCKS: &[(u32, u32, &str)] = &[
    (0, 383, "Basic Latin + Latin-1 Supplement + Latin Extended-A"),
    (1024, 1279, "Cyrillic"),
    (8192, 8303, "General Punctuation"),
    (12288, 12543, "CJK Symbols and Punctuation + Hiragana + Katakana"),
    (65280, 65519, "Halfwidth and Fullwidth Forms"),
];

type Res<T> = Result<T, String>;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Res<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cmd = args.first().map(String::as_str).unwrap_or("");
    let mut opts: BTreeMap<String, String> = BTreeMap::new();
    let mut it = args.iter().skip(1);
    while let Some(k) = it.next() {
        let Some(name) = k.strip_prefix("--") else {
            return Err(format!("unexpected argument {k:?}"));
        };
        let v = it.next().ok_or_else(|| format!("--{name} needs a value"))?;
        opts.insert(name.to_string(), v.clone());
    }
    let get = |k: &str, d: Option<&str>| -> Res<String> {
        opts.get(k)
            .cloned()
            .or(d.map(str::to_string))
            .ok_or_else(|| format!("missing --{k}"))
    };
    match cmd {
        "generate" => generate(
            Path::new(&get("geodata", None)?),
            &get("text", Some(""))?
                .split(',')
                .filter(|p| !p.is_empty())
                .map(PathBuf::from)
                .collect::<Vec<_>>(),
            Path::new(&get("out", None)?),
            Path::new(&get("latin", Some(DEFAULT_LATIN))?),
            Path::new(&get("cjk", Some(DEFAULT_CJK))?),
        ),
        "verify" => verify(&Path::new(&get("out", None)?).join(FONTSTACK)),
        _ => Err("usage: kuril-glyphs generate --geodata DIR --out DIR [--text FILE[,FILE...]] [--latin FONT] [--cjk FONT]\n       kuril-glyphs verify --out DIR".into()),
    }
}

// ---------------------------------------------------------------- codepoints

/// Every character in any string value of geodata/*.json and geodata/*.geojson.
fn data_codepoints(geodata: &Path) -> Res<BTreeSet<u32>> {
    let mut files: Vec<PathBuf> = fs::read_dir(geodata)
        .map_err(|e| format!("{}: {e}", geodata.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && matches!(p.extension().and_then(|x| x.to_str()), Some("json" | "geojson")))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no *.json / *.geojson in {}", geodata.display()));
    }
    let mut set = BTreeSet::new();
    for f in &files {
        let text = fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
        let v: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", f.display()))?;
        collect_strings(&v, &mut set);
    }
    Ok(set)
}

/// Every character of the scenario titles (`scenario:<id>:/title`) in the translation tables `geodata/i18n/*.json`:
/// the images draw them in their key. Only those keys, so that the other translated texts (which only the browser
/// shows, in its own fonts) do not change the glyphs.
fn i18n_codepoints(geodata: &Path) -> Res<BTreeSet<u32>> {
    let dir = geodata.join("i18n");
    let mut set = BTreeSet::new();
    if !dir.is_dir() {
        return Ok(set);
    }
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for f in &files {
        let text = fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
        let table: BTreeMap<String, serde_json::Value> =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", f.display()))?;
        for (key, value) in table {
            if key.starts_with("scenario:") && key.ends_with(":/title") {
                collect_strings(&value, &mut set);
            }
        }
    }
    Ok(set)
}

/// Every character of a text file (the images' string table): whatever it writes can be drawn.
fn text_codepoints(files: &[PathBuf]) -> Res<BTreeSet<u32>> {
    let mut set = BTreeSet::new();
    for f in files {
        let text = fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
        set.extend(text.chars().filter(|c| !c.is_control()).map(u32::from));
    }
    Ok(set)
}

fn collect_strings(v: &serde_json::Value, out: &mut BTreeSet<u32>) {
    match v {
        serde_json::Value::String(s) => out.extend(s.chars().map(u32::from)),
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| collect_strings(x, out)),
        _ => {}
    }
}

// ---------------------------------------------------------------- rendering

fn open_face(lib: &Library, path: &Path, family: Option<&str>) -> Res<Face> {
    let err = |e: freetype::Error| format!("{}: {e}", path.display());
    let first = lib.new_face(path, 0).map_err(err)?;
    let n = first.num_faces();
    for idx in 0..n as isize {
        let face = if idx == 0 {
            first.clone()
        } else {
            lib.new_face(path, idx).map_err(err)?
        };
        let fam = face.family_name().unwrap_or_default();
        let style = face.style_name().unwrap_or_default();
        if family.is_none_or(|f| f == fam) && style == "Regular" {
            face.set_char_size(0, (SIZE_PX << 6) as isize, 0, 0).map_err(err)?;
            eprintln!("font: {} [face {idx}] = {fam} {style}", path.display());
            return Ok(face);
        }
    }
    Err(format!("{}: no Regular face of family {family:?}", path.display()))
}

fn ascender_px(face: &Face) -> Res<i32> {
    let m = face.size_metrics().ok_or("face has no size metrics")?;
    Ok((m.ascender >> 6) as i32)
}

/// Renders one glyph like `sdf_glyph_renderer::render_sdf_from_face` +
/// `pbf_font_tools::render_sdf_glyph`, except that `top` is made relative to the
/// given (primary font's) ascender so that fallback glyphs share its baseline.
fn render(face: &Face, glyph_index: u32, cp: u32, ascender: i32) -> Res<Glyph> {
    face.load_glyph(glyph_index, LoadFlag::NO_HINTING | LoadFlag::RENDER)
        .map_err(|e| format!("U+{cp:04X}: {e}"))?;
    let slot = face.glyph();
    let bm = slot.bitmap();
    let (w, h) = (bm.width() as usize, bm.rows() as usize);
    let pitch = bm.pitch().unsigned_abs() as usize;
    if w > 0 && bm.pixel_mode().ok() != Some(freetype::bitmap::PixelMode::Gray) {
        return Err(format!("U+{cp:04X}: unexpected pixel mode"));
    }
    // Copy row by row: FreeType may pad rows to `pitch` bytes.
    let buf = bm.buffer();
    let mut alpha = Vec::with_capacity(w * h);
    for row in 0..h {
        alpha.extend_from_slice(&buf[row * pitch..row * pitch + w]);
    }
    let bitmap = if w == 0 || h == 0 {
        // fontnik writes no bitmap for empty glyphs (space); MapLibre fills zeros.
        None
    } else {
        let g = BitmapGlyph::from_unbuffered(&alpha, w, h, BUFFER).map_err(|e| format!("U+{cp:04X}: {e}"))?;
        Some(clamp_to_u8(&g.render_sdf(RADIUS), CUTOFF).map_err(|e| format!("U+{cp:04X}: {e}"))?)
    };
    Ok(Glyph {
        id: cp,
        bitmap,
        width: w as u32,
        height: h as u32,
        left: slot.bitmap_left(),
        top: slot.bitmap_top() - ascender,
        advance: (slot.metrics().horiAdvance >> 6) as u32,
    })
}

// ---------------------------------------------------------------- generate

fn generate(geodata: &Path, texts: &[PathBuf], out: &Path, latin: &Path, cjk: &Path) -> Res<()> {
    let lib = Library::init().map_err(|e| format!("FreeType init: {e}"))?;
    let latin_face = open_face(&lib, latin, Some("Noto Sans"))?;
    let cjk_face = open_face(&lib, cjk, Some(CJK_FAMILY))?;
    let ascender = ascender_px(&latin_face)?;
    eprintln!(
        "ascender at {SIZE_PX}px: Noto Sans {ascender}, CJK JP {} (all glyphs use {ascender})",
        ascender_px(&cjk_face)?
    );

    let mut data = data_codepoints(geodata)?;
    data.extend(i18n_codepoints(geodata)?);
    data.extend(text_codepoints(texts)?);
    let mut wanted: BTreeSet<u32> = BLOCKS.iter().flat_map(|&(a, b, _)| a..=b).collect();
    wanted.extend(data.iter().copied());

    let mut ranges: BTreeMap<u32, Vec<Glyph>> = BTreeMap::new();
    let (mut from_latin, mut from_cjk) = (0usize, 0usize);
    let mut missing: Vec<u32> = Vec::new();
    for &cp in &wanted {
        let glyph = if let Some(gi) = latin_face.get_char_index(cp as usize) {
            from_latin += 1;
            render(&latin_face, gi, cp, ascender)?
        } else if let Some(gi) = cjk_face.get_char_index(cp as usize) {
            from_cjk += 1;
            render(&cjk_face, gi, cp, ascender)?
        } else {
            missing.push(cp);
            continue;
        };
        ranges.entry(cp / 256).or_default().push(glyph);
    }

    // A data character that no font covers would render as nothing: fail,
    // unless it is a control character (e.g. a newline) that is never drawn.
    let bad: Vec<String> = missing
        .iter()
        .filter(|cp| data.contains(cp))
        .filter(|&&cp| char::from_u32(cp).is_some_and(|c| !c.is_control()))
        .map(|cp| format!("U+{cp:04X}"))
        .collect();
    if !bad.is_empty() {
        return Err(format!(
            "characters used in geodata or the --text files but in neither font: {}",
            bad.join(" ")
        ));
    }

    let dir = out.join(FONTSTACK);
    if dir.exists() {
        fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;

    let mut covered: Vec<u32> = Vec::new();
    for (r, glyphs) in ranges {
        let (start, end) = (r * 256, r * 256 + 255);
        covered.extend(glyphs.iter().map(|g| g.id));
        let n = glyphs.len();
        let msg = Glyphs {
            stacks: vec![Fontstack {
                name: FONTSTACK.to_string(),
                range: format!("{start}-{end}"),
                glyphs,
            }],
        };
        let path = dir.join(format!("{start}-{end}.pbf"));
        let bytes = msg.encode_to_vec();
        fs::write(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("{start}-{end}.pbf: {n} glyphs, {} bytes", bytes.len());
    }

    let mut json = serde_json::to_string_pretty(&covered).map_err(|e| e.to_string())?;
    json.push('\n');
    fs::write(dir.join("coverage.json"), json).map_err(|e| e.to_string())?;

    println!(
        "covered {} codepoints ({from_latin} from Noto Sans, {from_cjk} from {CJK_FAMILY}); \
         {} characters of the geodata, its scenario titles and the --text files; {} wanted codepoints in neither font",
        covered.len(),
        data.len(),
        missing.len()
    );
    println!("covered: {}", spans(&covered));
    if !missing.is_empty() {
        println!("not in either font (skipped): {}", spans(&missing));
    }
    Ok(())
}

/// "U+0020-U+007E U+00A0 ..." compact listing of a sorted codepoint list.
fn spans(cps: &[u32]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < cps.len() {
        let mut j = i;
        while j + 1 < cps.len() && cps[j + 1] == cps[j] + 1 {
            j += 1;
        }
        out.push(if i == j {
            format!("U+{:04X}", cps[i])
        } else {
            format!("U+{:04X}-U+{:04X}", cps[i], cps[j])
        });
        i = j + 1;
    }
    out.join(" ")
}

// ---------------------------------------------------------------- verify

/// Decodes every range file and checks structure, coverage.json and a few
/// sample glyphs (Latin, Cyrillic, kanji, kana).
fn verify(dir: &Path) -> Res<()> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pbf"))
        .collect();
    files.sort();
    let mut seen: BTreeSet<u32> = BTreeSet::new();
    let mut samples: BTreeMap<u32, Glyph> = BTreeMap::new();
    for f in &files {
        let name = f.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let (a, b) = name.split_once('-').ok_or(format!("bad file name {name}"))?;
        let (a, b): (u32, u32) = (a.parse().map_err(|_| name)?, b.parse().map_err(|_| name)?);
        if a % 256 != 0 || b != a + 255 {
            return Err(format!("{name}: not a 256-codepoint range"));
        }
        let bytes = fs::read(f).map_err(|e| e.to_string())?;
        let msg = Glyphs::decode(bytes.as_slice()).map_err(|e| format!("{name}: {e}"))?;
        let [stack] = msg.stacks.as_slice() else {
            return Err(format!("{name}: expected exactly one fontstack"));
        };
        if stack.name != FONTSTACK || stack.range != name {
            return Err(format!("{name}: fontstack {:?} range {:?}", stack.name, stack.range));
        }
        if stack.glyphs.is_empty() {
            return Err(format!("{name}: no glyphs"));
        }
        for g in &stack.glyphs {
            if g.id < a || g.id > b || !seen.insert(g.id) {
                return Err(format!("{name}: glyph id {} out of range or duplicate", g.id));
            }
            let want = (g.width as usize + 2 * BUFFER) * (g.height as usize + 2 * BUFFER);
            match &g.bitmap {
                Some(bm) if bm.len() != want => {
                    return Err(format!("{name}: U+{:04X} bitmap {} != {want}", g.id, bm.len()))
                }
                None if g.width * g.height != 0 => return Err(format!("{name}: U+{:04X} has no bitmap", g.id)),
                _ => {}
            }
            samples.insert(g.id, g.clone());
        }
    }
    let cov: Vec<u32> =
        serde_json::from_slice(&fs::read(dir.join("coverage.json")).map_err(|e| format!("coverage.json: {e}"))?)
            .map_err(|e| format!("coverage.json: {e}"))?;
    if cov != seen.iter().copied().collect::<Vec<_>>() {
        return Err("coverage.json does not match the glyphs in the range files".into());
    }
    for c in ['A', 'Ж', '択', 'ト', '島'] {
        let g = samples.get(&u32::from(c)).ok_or(format!("no glyph for {c}"))?;
        let bm = g.bitmap.as_deref().unwrap_or_default();
        let inside = bm.iter().filter(|&&v| v >= 192).count();
        println!(
            "{c} U+{:04X}: {}x{} left {} top {} advance {}; bitmap {} bytes, {} px inside the outline, max {}",
            g.id,
            g.width,
            g.height,
            g.left,
            g.top,
            g.advance,
            bm.len(),
            inside,
            bm.iter().max().copied().unwrap_or(0)
        );
        if g.width < 5
            || g.height < 5
            || g.width > 30
            || g.height > 30
            || g.advance < 8
            || g.advance > 30
            || inside == 0
        {
            return Err(format!("glyph {c} has implausible metrics or an empty bitmap"));
        }
    }
    println!("verified {} range files, {} glyphs", files.len(), seen.len());
    Ok(())
}
