//! Content cross-checks run once the model is loaded: every source cited exists, every id referred to exists,
//! and the timeline's and the straits explainer's entries are well formed. A failure is a load error naming the
//! file and the entry, so bad data never reaches a reader.

use std::collections::HashSet;

use crate::error::ModelError;
use crate::model::Model;

/// Checks that a list of source ids is non-empty and known: (file, owner, ids).
type SourceCheck<'a> = dyn Fn(&'static str, &str, &[String]) -> Result<(), ModelError> + 'a;

impl Model {
    /// Every source cited is known, every id referred to exists, and the timeline and the straits tour are
    /// well formed (dates, cameras, depths, attributions).
    pub(crate) fn check_references(&self) -> Result<(), ModelError> {
        let check = |file: &'static str, owner: &str, refs: &[String]| -> Result<(), ModelError> {
            if refs.is_empty() {
                return Err(ModelError::data(file, format!("{owner} has no sources")));
            }
            for r in refs {
                if !self.sources.contains_key(r) {
                    return Err(ModelError::data(file, format!("{owner} cites unknown source `{r}`")));
                }
            }
            Ok(())
        };
        for i in &self.islands {
            check("islands.geojson", &i.id, &i.sources)?;
            for a in &i.official_areas {
                check("islands.geojson", &format!("{} official area", i.id), &a.sources)?;
            }
        }
        for s in &self.straits {
            check("straits.geojson", &s.id, &s.sources)?;
            for n in &s.notes {
                check("straits.geojson", &format!("{} note", s.id), &n.sources)?;
            }
        }
        for p in &self.places {
            check("places.geojson", &p.id, &p.sources)?;
            for n in &p.notes {
                check("places.geojson", &format!("{} note", p.id), &n.sources)?;
            }
            if let Some(island) = &p.island {
                self.island(island)?;
            }
        }
        for g in &self.groups {
            check("groups.geojson", &g.id, &g.sources)?;
        }
        for s in &self.scenarios {
            check("scenarios.json", &s.id, &s.sources)?;
            for d in &s.dates {
                check("scenarios.json", &format!("{} {}", s.id, d.date), &d.sources)?;
            }
        }
        self.check_timeline(&check)?;
        self.check_tour(&check)
    }

    fn check_timeline(&self, check: &SourceCheck) -> Result<(), ModelError> {
        const FILE: &str = "timeline.json";
        let mut seen = HashSet::new();
        let mut previous = String::new();
        for step in &self.timeline {
            let id = step.id.as_str();
            let bad = |m: String| Err(ModelError::data(FILE, format!("{id}: {m}")));
            if !seen.insert(id) {
                return bad("duplicate id".into());
            }
            if id.is_empty()
                || !id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                return bad("ids are lower-case letters, digits and hyphens".into());
            }
            for d in std::iter::once(&step.date).chain(step.date_end.iter()) {
                if !is_iso_date(d) {
                    return bad(format!("`{d}` is not a YYYY-MM-DD date"));
                }
            }
            if step.date_end.as_ref().is_some_and(|e| *e <= step.date) {
                return bad("date_end is not after date".into());
            }
            if step.date < previous {
                return bad("steps are not in date order".into());
            }
            previous = step.date.clone();
            if step.title.trim().is_empty() || step.text.trim().is_empty() {
                return bad("empty title or text".into());
            }
            check(FILE, id, &step.sources)?;
            for l in &step.map.lines {
                self.scenario(l)?;
            }
            if let Some(a) = &step.map.areas {
                self.scenario(a)?;
            }
            if step.map.areas.is_some() != step.map.areas_meaning.is_some() {
                return bad("areas_meaning is given exactly when areas is".into());
            }
            let c = step.map.camera;
            if !((-180.0..=180.0).contains(&c.lng) && (-85.0..=85.0).contains(&c.lat) && (0.0..=14.0).contains(&c.zoom))
            {
                return bad(format!("camera {c:?} is off the map"));
            }
            let [w, s, e, n] = step.map.subject;
            if !(-180.0 <= w && w < e && e <= 180.0 && -85.0 <= s && s < n && n <= 85.0) {
                return bad(format!(
                    "subject {:?} is not a [west, south, east, north] box",
                    step.map.subject
                ));
            }
        }
        if self.timeline.is_empty() {
            return Err(ModelError::data(FILE, "no steps"));
        }
        Ok(())
    }

    fn check_tour(&self, check: &SourceCheck) -> Result<(), ModelError> {
        const FILE: &str = "straits_tour.json";
        let mut seen = HashSet::new();
        for stop in &self.straits_tour {
            let id = stop.id.as_str();
            if !seen.insert(id) {
                return Err(ModelError::data(FILE, format!("{id}: duplicate stop")));
            }
            self.strait(id)?;
            if !stop.sources.is_empty() {
                check(FILE, id, &stop.sources)?;
            }
            match stop.depth.max_m {
                Some(m) if !(m > 0.0 && m < 11_000.0) => {
                    return Err(ModelError::data(FILE, format!("{id}: depth {m} m")));
                }
                Some(_) => check(FILE, &format!("{id} depth"), &stop.depth.sources)?,
                None if !stop.depth.sources.is_empty() => {
                    return Err(ModelError::data(
                        FILE,
                        format!("{id}: sources for a depth that is null"),
                    ));
                }
                None => {}
            }
            for c in &stop.claims {
                check(FILE, &format!("{id} claim"), &c.sources)?;
                if c.attributed_to.trim().is_empty() {
                    return Err(ModelError::data(FILE, format!("{id}: a claim attributed to nobody")));
                }
            }
            let c = stop.camera;
            if !((-180.0..=180.0).contains(&c.lng) && (-85.0..=85.0).contains(&c.lat) && (0.0..=14.0).contains(&c.zoom))
            {
                return Err(ModelError::data(FILE, format!("{id}: camera {c:?} is off the map")));
            }
        }
        Ok(())
    }
}

/// `YYYY-MM-DD` with a plausible month and day.
fn is_iso_date(d: &str) -> bool {
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return false;
    }
    let (m, day): (u32, u32) = (d[5..7].parse().unwrap_or(0), d[8..10].parse().unwrap_or(0));
    (1..=12).contains(&m) && (1..=31).contains(&day)
}
