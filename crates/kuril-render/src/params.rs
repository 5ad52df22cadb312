//! The view an image shows, read from the same query parameters as the web app's permalinks
//! (`web/src/state.ts`): `map=zoom/lat/lng[/bearing/pitch]`, `lines=a,b|none`, `areas=id|none`,
//! `naming=both|ja|ru`, `lang=en|ja|ru`, plus `width` and `height` in pixels, `legend=yes|no` (the colour key,
//! drawn unless `no`) and `attribution=yes|no` (the credits drawn in the image, unless `no`: for pages that show
//! them beside it, such as `/embed`). Pure: every bad value is a [`ParamError`], never a panic.
//!
//! Unlike the app, which falls back to defaults for anything it cannot read, a bad value here is an error: an
//! image that silently shows another view than the one asked for is worse than a clear 400. Parameters the image
//! has no use for (`sel`, or a cache-busting `v`) are ignored so that a permalink's query can be passed as is.

use std::fmt::Write as _;

/// Largest width or height, in pixels.
pub const MAX_SIZE: u32 = 2048;
/// Zoom range, as in the app's permalinks (MapLibre over-zooms the tiles above their maximum).
pub const MIN_ZOOM: f64 = 0.0;
pub const MAX_ZOOM: f64 = 24.0;
/// Web Mercator's latitude limit, with the app's rounding.
pub const MAX_LAT: f64 = 85.06;
/// Longest query string accepted.
pub const MAX_QUERY_LEN: usize = 2048;

/// Whose names the labels show (the app's naming point of view).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Naming {
    Both,
    Ja,
    Ru,
}

/// The interface language (the model's): it decides whether `naming=ja|ru` shows the native script or its
/// romanisation, and the script of both names, as in the app (`web/src/naming.ts`), and the language of the key,
/// the credits and the SVG's text alternative (`texts.rs`).
pub use kuril_model::i18n::Lang;

impl Naming {
    pub const ALL: [(&'static str, Naming); 3] = [("both", Naming::Both), ("ja", Naming::Ja), ("ru", Naming::Ru)];

    pub fn as_str(self) -> &'static str {
        match self {
            Naming::Both => "both",
            Naming::Ja => "ja",
            Naming::Ru => "ru",
        }
    }

    /// The tile label property holding the name for this naming in `lang` (the same rule as `nameProperty`
    /// in `web/src/naming.ts`); labels fall back to `name` when a feature lacks it.
    pub fn property(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Naming::Both, Lang::En) => "name",
            (Naming::Both, Lang::Ja) => "name_both_ja",
            (Naming::Both, Lang::Ru) => "name_both_ru",
            (Naming::Ja, Lang::Ja) => "name_ja",
            (Naming::Ja, _) => "name_ja_latn",
            (Naming::Ru, Lang::Ru) => "name_ru",
            (Naming::Ru, _) => "name_ru_latn",
        }
    }
}

/// The `lang` values, as `one_of` reads them.
const LANGS: [(&str, Lang); 3] = [("en", Lang::En), ("ja", Lang::Ja), ("ru", Lang::Ru)];

/// Where the camera looks: the centre, the zoom (world size 512·2^zoom px, as MapLibre) and the bearing in
/// degrees clockwise from north.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Camera {
    pub lng: f64,
    pub lat: f64,
    pub zoom: f64,
    pub bearing: f64,
}

/// Everything an image depends on.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    pub camera: Camera,
    pub width: u32,
    pub height: u32,
    /// Scenario ids whose lines are drawn, in the order given, without repeats.
    pub lines: Vec<String>,
    /// The scenario whose claim areas are drawn.
    pub areas: Option<String>,
    pub naming: Naming,
    pub lang: Lang,
    /// Draw the colour key.
    pub legend: bool,
    /// Draw the credits in the image (a page that shows them beside the image may leave them out).
    pub attribution: bool,
}

const YES_NO: [(&str, bool); 2] = [("yes", true), ("no", false)];

impl Default for View {
    /// The app's opening view (`DEFAULT_STATE` in `web/src/state.ts`) at the size of a social card.
    fn default() -> View {
        View {
            camera: Camera {
                lng: 146.5,
                lat: 44.3,
                zoom: 6.0,
                bearing: 0.0,
            },
            width: 1200,
            height: 630,
            lines: kuril_tiles::style::MAIN_LINES.iter().map(|s| s.to_string()).collect(),
            areas: None,
            naming: Naming::Both,
            lang: Lang::En,
            legend: true,
            attribution: true,
        }
    }
}

/// Why a parameter was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ParamError {
    #[error("the query string is {len} bytes long; at most {max} are accepted")]
    QueryTooLong { len: usize, max: usize },
    #[error("parameter {param:?} is given more than once")]
    Repeated { param: String },
    #[error("parameter {param:?} has a malformed percent-escape")]
    BadEscape { param: String },
    #[error("{param} must be a number, got {value:?}")]
    NotANumber { param: &'static str, value: String },
    #[error("{param} must be a finite number, got {value:?}")]
    NotFinite { param: &'static str, value: String },
    #[error("{param} must be an integer, got {value:?}")]
    NotAnInteger { param: &'static str, value: String },
    #[error("{param} must be between {min} and {max}, got {value}")]
    OutOfRange {
        param: &'static str,
        value: String,
        min: f64,
        max: f64,
    },
    #[error("{param} is {value} px; images are at most {max} px wide and high")]
    TooLarge {
        param: &'static str,
        value: String,
        max: u32,
    },
    #[error("map must be zoom/lat/lng or zoom/lat/lng/bearing/pitch, got {value:?}")]
    BadMap { value: String },
    #[error("pitch {value} is not supported in static images (only 0)")]
    Pitch { value: String },
    #[error("unknown line id {id:?}")]
    UnknownLine { id: String, valid: Vec<String> },
    #[error("{param} must be one of {}, got {value:?}", valid.join(", "))]
    UnknownValue {
        param: &'static str,
        value: String,
        valid: Vec<String>,
    },
}

impl ParamError {
    /// The accepted values, when the error is about an unknown one.
    pub fn valid(&self) -> Option<&[String]> {
        match self {
            ParamError::UnknownLine { valid, .. } | ParamError::UnknownValue { valid, .. } => Some(valid),
            _ => None,
        }
    }
}

/// Decodes one query component as the form encoding writes it (`+` for a space, `%XX` for a byte of UTF-8), as
/// the app's `decodeURIComponent` pass does; `None` for a `%` not followed by two hex digits or for bytes that are
/// not UTF-8 (the `percent-encoding` crate alone would keep such escapes as they are).
pub fn decode_component(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let well_formed = (0..b.len()).filter(|&i| b[i] == b'%').all(|i| {
        b.get(i + 1..i + 3)
            .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    });
    if !well_formed {
        return None;
    }
    let spaced = s.replace('+', " ");
    let decoded = percent_encoding::percent_decode_str(&spaced).decode_utf8().ok()?;
    Some(decoded.into_owned())
}

/// [`decode_component`], with the error naming the parameter.
fn percent_decode(param: &str, s: &str) -> Result<String, ParamError> {
    decode_component(s).ok_or_else(|| ParamError::BadEscape {
        param: param.to_string(),
    })
}

fn number(param: &'static str, s: &str) -> Result<f64, ParamError> {
    let t = s.trim();
    // Rust's parser also reads "inf", "NaN" and "infinity"; name those as what they are.
    let v: f64 = t.parse().map_err(|_| ParamError::NotANumber {
        param,
        value: s.to_string(),
    })?;
    if t.is_empty() {
        return Err(ParamError::NotANumber {
            param,
            value: s.to_string(),
        });
    }
    if !v.is_finite() {
        return Err(ParamError::NotFinite {
            param,
            value: s.to_string(),
        });
    }
    Ok(v)
}

fn in_range(param: &'static str, v: f64, min: f64, max: f64) -> Result<f64, ParamError> {
    if v < min || v > max {
        return Err(ParamError::OutOfRange {
            param,
            value: v.to_string(),
            min,
            max,
        });
    }
    Ok(v)
}

fn size(param: &'static str, s: &str) -> Result<u32, ParamError> {
    let v = number(param, s)?;
    if v.fract() != 0.0 {
        return Err(ParamError::NotAnInteger {
            param,
            value: s.to_string(),
        });
    }
    if v > f64::from(MAX_SIZE) {
        return Err(ParamError::TooLarge {
            param,
            value: s.to_string(),
            max: MAX_SIZE,
        });
    }
    if v < 1.0 {
        return Err(ParamError::OutOfRange {
            param,
            value: v.to_string(),
            min: 1.0,
            max: f64::from(MAX_SIZE),
        });
    }
    Ok(v as u32)
}

/// Decimal places kept in permalinks, as the app writes them (`web/src/state.ts`).
const ZOOM_DIGITS: usize = 3;
const LNGLAT_DIGITS: usize = 5;
const BEARING_DIGITS: usize = 1;

/// `v` rounded to `digits` decimal places, exactly as `{v:.digits$}` prints it (so printing the result with
/// the same precision gives the same text).
fn round_to(v: f64, digits: usize) -> f64 {
    format!("{v:.digits$}").parse().unwrap_or(v)
}

/// Normalises a longitude to [-180, 180) (as `wrapLng` in the app).
fn wrap_lng(lng: f64) -> f64 {
    if (-180.0..180.0).contains(&lng) {
        return lng;
    }
    let w = (lng + 180.0).rem_euclid(360.0) - 180.0;
    if w == 0.0 { 0.0 } else { w }
}

fn camera(value: &str) -> Result<Camera, ParamError> {
    let parts: Vec<&str> = value.split('/').collect();
    if parts.len() != 3 && parts.len() != 5 {
        return Err(ParamError::BadMap {
            value: value.to_string(),
        });
    }
    // Values are rounded to the app's permalink precision here, before wrapping, so that the view drawn is
    // the view its canonical query names (the canonical form of a canonical form is itself).
    let zoom = round_to(
        in_range("zoom", number("zoom", parts[0])?, MIN_ZOOM, MAX_ZOOM)?,
        ZOOM_DIGITS,
    );
    let lat = round_to(
        in_range("lat", number("lat", parts[1])?, -MAX_LAT, MAX_LAT)?,
        LNGLAT_DIGITS,
    );
    let lng = wrap_lng(round_to(
        in_range("lng", number("lng", parts[2])?, -540.0, 540.0)?,
        LNGLAT_DIGITS,
    ));
    let mut bearing = 0.0;
    if parts.len() == 5 {
        let b = number("bearing", parts[3])?;
        let pitch = number("pitch", parts[4])?;
        if pitch != 0.0 {
            return Err(ParamError::Pitch {
                value: parts[4].to_string(),
            });
        }
        bearing = (round_to(b, BEARING_DIGITS) + 180.0).rem_euclid(360.0) - 180.0;
        bearing = round_to(bearing, BEARING_DIGITS);
        if bearing == 0.0 {
            bearing = 0.0;
        }
    }
    Ok(Camera {
        lng,
        lat,
        zoom,
        bearing,
    })
}

fn scenario_id(param: &'static str, id: &str, valid: &[&str]) -> Result<String, ParamError> {
    if valid.contains(&id) {
        return Ok(id.to_string());
    }
    let valid = valid.iter().map(|s| s.to_string()).collect();
    Err(if param == "lines" {
        ParamError::UnknownLine {
            id: id.to_string(),
            valid,
        }
    } else {
        ParamError::UnknownValue {
            param,
            value: id.to_string(),
            valid,
        }
    })
}

fn one_of<T: Copy>(param: &'static str, value: &str, all: &[(&'static str, T)]) -> Result<T, ParamError> {
    all.iter()
        .find(|(k, _)| *k == value)
        .map(|(_, v)| *v)
        .ok_or_else(|| ParamError::UnknownValue {
            param,
            value: value.to_string(),
            valid: all.iter().map(|(k, _)| k.to_string()).collect(),
        })
}

/// Read a query string (without the `?`); `scenarios` are the valid line and area ids. Missing parameters take
/// the values of [`View::default`].
pub fn parse_query(query: &str, scenarios: &[&str]) -> Result<View, ParamError> {
    if query.len() > MAX_QUERY_LEN {
        return Err(ParamError::QueryTooLong {
            len: query.len(),
            max: MAX_QUERY_LEN,
        });
    }
    let mut view = View::default();
    let mut seen: Vec<String> = Vec::new();
    for part in query.split('&').filter(|p| !p.is_empty()) {
        let (key, raw) = part.split_once('=').unwrap_or((part, ""));
        let key = percent_decode("parameter name", key)?;
        if seen.contains(&key) {
            return Err(ParamError::Repeated { param: key });
        }
        let value = percent_decode(&key, raw)?;
        match key.as_str() {
            "map" => view.camera = camera(&value)?,
            "width" => view.width = size("width", &value)?,
            "height" => view.height = size("height", &value)?,
            "lines" => {
                view.lines.clear();
                if value != "none" && !value.is_empty() {
                    for id in value.split(',') {
                        let id = scenario_id("lines", id, scenarios)?;
                        if !view.lines.contains(&id) {
                            view.lines.push(id);
                        }
                    }
                }
            }
            "areas" => {
                view.areas = match value.as_str() {
                    "none" | "" => None,
                    id => Some(scenario_id("areas", id, scenarios)?),
                }
            }
            "naming" => view.naming = one_of("naming", &value, &Naming::ALL)?,
            "lang" => view.lang = one_of("lang", &value, &LANGS)?,
            "legend" => view.legend = one_of("legend", &value, &YES_NO)?,
            "attribution" => view.attribution = one_of("attribution", &value, &YES_NO)?,
            _ => {}
        }
        seen.push(key);
    }
    Ok(view)
}

impl View {
    /// The view as a canonical query string: the same image has the same string (a cache key and the
    /// permalink form), with numbers at the app's precision.
    pub fn canonical_query(&self) -> String {
        let num = |v: f64, digits: usize| {
            let s = format!("{v:.digits$}");
            let s = if s.contains('.') {
                s.trim_end_matches('0').trim_end_matches('.').to_string()
            } else {
                s
            };
            if s == "-0" { "0".to_string() } else { s }
        };
        let c = &self.camera;
        let mut map = format!(
            "{}/{}/{}",
            num(c.zoom, ZOOM_DIGITS),
            num(c.lat, LNGLAT_DIGITS),
            num(c.lng, LNGLAT_DIGITS)
        );
        if c.bearing != 0.0 {
            let _ = write!(map, "/{}/0", num(c.bearing, BEARING_DIGITS));
        }
        let lines = if self.lines.is_empty() {
            "none".to_string()
        } else {
            self.lines.join(",")
        };
        let mut q = format!(
            "map={map}&lines={lines}&areas={}&naming={}&lang={}&width={}&height={}",
            self.areas.as_deref().unwrap_or("none"),
            self.naming.as_str(),
            self.lang.code(),
            self.width,
            self.height
        );
        // Only when not the default, so that the canonical form of an older link is unchanged.
        if !self.legend {
            q.push_str("&legend=no");
        }
        if !self.attribution {
            q.push_str("&attribution=no");
        }
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const IDS: [&str; 2] = ["soviet", "japanese"];

    #[test]
    fn wraps_longitudes_like_the_app() {
        assert_eq!(wrap_lng(190.0), -170.0);
        assert_eq!(wrap_lng(-180.0), -180.0);
        assert_eq!(wrap_lng(180.0), -180.0);
        assert_eq!(wrap_lng(540.0), -180.0);
    }

    #[test]
    fn canonical_query_reads_back_as_the_same_view() {
        let v = parse_query(
            "map=7.5/43.9/145.2&lines=japanese&areas=soviet&naming=ru&width=300&height=200",
            &IDS,
        )
        .expect("valid");
        assert_eq!(parse_query(&v.canonical_query(), &IDS), Ok(v));
    }

    #[test]
    fn canonical_form_is_a_fixed_point_at_rounding_edges() {
        // Values that round onto a wrap-around or onto zero: found by fuzzing (fuzz/fuzz_targets/image_params.rs).
        for map in [
            "3/10/20/0.04/0",
            "3/10/20/179.96/0",
            "3/10/20/-180.04/0",
            "3/10/179.999996",
            "3/10/-180.000004",
            "2.0004/-85.059996/0.000004",
        ] {
            let v = parse_query(&format!("map={map}&lines=soviet"), &IDS).expect("valid");
            let once = v.canonical_query();
            let again = parse_query(&once, &IDS).expect("canonical parses");
            assert_eq!(again, v, "{map}: the canonical form names the same view");
            assert_eq!(again.canonical_query(), once, "{map}");
        }
    }

    #[test]
    fn decodes_escapes_and_rejects_broken_ones() {
        let v = parse_query("lines=soviet%2Cjapanese", &IDS).expect("valid");
        assert_eq!(v.lines, ["soviet", "japanese"]);
        assert!(matches!(
            parse_query("lines=%E2%28", &IDS),
            Err(ParamError::BadEscape { .. })
        ));
        assert!(matches!(
            parse_query("lines=%4", &IDS),
            Err(ParamError::BadEscape { .. })
        ));
    }
}
