//! Each scenario's line, claim areas and maritime zones: where a claim line is computed.
//!
//! For a scenario, [`scenario_line`] gathers the coasts of the islands each side holds (and each side's part of
//! an island the scenario divides, [`divided_island`]), computes the equidistance line between them in every
//! window of the scenario ([`crate::median`]), splits each window along it into Japan's and Russia's areas
//! ([`crate::window_split`]), and on a divided island puts the cut in place of the line. [`scenario_zones`] then
//! cuts each side's 12 nm and 200 nm zones out of those areas ([`crate::zones`]). [`crate::Model`] calls these
//! once per scenario, on first use, and caches the results.
//!
//! ```
//! use kuril_model::geodesic::geodesic_area_km2;
//! use kuril_model::{SITE_SPACING_M, Side};
//!
//! let model = kuril_model::Model::embedded().expect("embedded data loads");
//! let line = model.line("two-island-1956").expect("known scenario");
//! let at = |id: &str| model.place(id).expect("known place").location.0;
//! // Shikotan (Malokurilskoye) on Japan's side of the line, Iturup (Kurilsk) on Russia's: from Nemuro the path to
//! // Kurilsk crosses the line an odd number of times, the path to Malokurilskoye an even number.
//! assert_eq!(line.nearer_side(at("malokurilskoye")), Some(Side::Japan));
//! assert_eq!(line.nearer_side(at("kurilsk")), Some(Side::Russia));
//! assert_eq!(line.crossings(at("nemuro"), at("kurilsk")) % 2, 1);
//! assert_eq!(line.crossings(at("nemuro"), at("malokurilskoye")) % 2, 0);
//! // The two claim areas tile the analysis window.
//! let window = geodesic_area_km2(&geo::MultiPolygon::new(vec![model.analysis_window.to_polygon()]));
//! let claims = geodesic_area_km2(&line.areas.japan) + geodesic_area_km2(&line.areas.russia);
//! assert!((claims / window - 1.0).abs() < 1e-4, "{claims} km² of {window}");
//! // The line is computed from shoreline sites every 200 m, and ran a few hundred kilometres through the window.
//! assert_eq!(SITE_SPACING_M, 200.0);
//! assert!((100.0..2000.0).contains(&line.length_km()), "{} km", line.length_km());
//! ```

use std::sync::OnceLock;

use geo::{BooleanOps, BoundingRect, Contains, Coord, MultiLineString, MultiPolygon, Polygon, Rect, coord};

use crate::data::{AreaScope, SplitHow};
use crate::geodesic::{CoastIndex, length_m};
use crate::median::{MedianInput, equidistance_line};
use crate::model::Island;
use crate::projection::AzimuthalEquidistant;
use crate::scenario::{ClaimAreas, Scenario, ScenarioLine, Side};
use crate::split::{Split, split_by_parallel, split_island};
use crate::window_split::split_window;
use crate::zones::{MaritimeZones, Reach, maritime_zones, merge_zones, reach};

/// Spacing of the sites along shorelines for the equidistance computation, metres.
pub const SITE_SPACING_M: f64 = 200.0;

/// Line pieces shorter than this are clipping leftovers, not part of a boundary.
const MIN_PART_M: f64 = 1.0;

/// An analysis window with the plane its lines are computed in (centred on it).
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    pub(crate) window: Rect,
    pub(crate) plane: AzimuthalEquidistant,
    /// Index into the windows whose reach (the sea within 200 nm of any land) is computed once.
    pub(crate) reach: usize,
}

/// The frames of each scenario (the analysis window in `plane`, or the scenario's own windows, each in a plane
/// centred on it), and the distinct windows whose reach the zones need (the analysis window first).
pub(crate) fn frames(
    scenarios: &[Scenario],
    analysis_window: Rect,
    plane: &AzimuthalEquidistant,
) -> (Vec<Vec<Frame>>, Vec<Rect>) {
    let mut reach_windows: Vec<Rect> = vec![analysis_window];
    let frames = scenarios
        .iter()
        .map(|s| match &s.windows {
            None => vec![Frame {
                window: analysis_window,
                plane: plane.clone(),
                reach: 0,
            }],
            Some(ws) => ws
                .iter()
                .map(|&window| Frame {
                    window,
                    plane: AzimuthalEquidistant::new(window.center()),
                    reach: reach_windows.iter().position(|r| *r == window).unwrap_or_else(|| {
                        reach_windows.push(window);
                        reach_windows.len() - 1
                    }),
                })
                .collect(),
        })
        .collect();
    (frames, reach_windows)
}

/// The island a scenario divides: cut so that each side gets half of the four islands' land, or along a
/// parallel. `None` when the scenario divides no island.
pub(crate) fn divided_island(scenario: &Scenario, islands: &[Island], plane: &AzimuthalEquidistant) -> Option<Split> {
    let spec = scenario.split.as_ref()?;
    let island = islands.iter().find(|i| i.id == spec.island)?;
    let rings: Vec<Polygon> = island.land().cloned().collect();
    let japan_end = match spec.how {
        SplitHow::Parallel { parallel, japan_side } => {
            return split_by_parallel(&rings, parallel, japan_side);
        }
        SplitHow::EqualArea { japan_end } => japan_end,
    };
    let four: f64 = islands
        .iter()
        .filter(|i| i.disputed)
        .map(|i| i.area_km2(AreaScope::WithIslets))
        .sum();
    let japan_elsewhere: f64 = islands
        .iter()
        .filter(|i| i.disputed && scenario.holder(&i.id) == Some(Side::Japan))
        .map(|i| i.area_km2(AreaScope::WithIslets))
        .sum();
    split_island(plane, &rings, japan_end, four / 2.0 - japan_elsewhere)
}

/// The scenario's line and each side's area, computed in each of its `frames`: the equidistance line between
/// the coasts of the islands each side holds (and of each side's part of the divided island `split`), the
/// windows split along it, and on the divided island the cut instead of the line. `plane` is the model's plane,
/// in which the divided island's coasts were cut.
pub(crate) fn scenario_line(
    scenario: &Scenario,
    islands: &[Island],
    frames: &[Frame],
    split: Option<&Split>,
    plane: &AzimuthalEquidistant,
) -> ScenarioLine {
    let split_parts = split_parts(split, plane);
    let japan = side_rings(scenario, islands, &split_parts, Side::Japan);
    let russia = side_rings(scenario, islands, &split_parts, Side::Russia);
    let index_plane = index_plane(frames);
    let japan_index = CoastIndex::new(&index_plane, japan.iter().copied());
    let russia_index = CoastIndex::new(&index_plane, russia.iter().copied());
    let side_of = |c: Coord| match (japan_index.nearest(c), russia_index.nearest(c)) {
        (Some(j), Some(r)) => Some(if j.distance_m <= r.distance_m {
            Side::Japan
        } else {
            Side::Russia
        }),
        _ => None,
    };
    let mut geometry = MultiLineString::new(vec![]);
    let mut window_areas = Vec::new();
    for f in frames {
        let window = f.window.to_polygon();
        let mut part = equidistance_line(&MedianInput {
            plane: &f.plane,
            side_a: japan.clone(),
            side_b: russia.clone(),
            window: &window,
            spacing_m: SITE_SPACING_M,
        });
        let (mut japan_area, mut russia_area) = split_window(f.window, &part, side_of);
        if let Some(s) = split {
            // On the divided island the boundary is the cut, not the equidistance line between its two coasts.
            let island = s.japan.union(&s.russia);
            let bbox = island.bounding_rect();
            let inside = bbox.is_some_and(|b| f.window.contains(&b));
            let touches = bbox.is_some_and(|b| geo::Intersects::intersects(&b, &f.window));
            if inside {
                part = island.clip(&part, true);
                part.0.extend(s.cut.0.iter().cloned());
                japan_area = japan_area.difference(&island).union(&s.japan);
                russia_area = russia_area.difference(&island).union(&s.russia);
            } else if touches {
                // Only the island's part inside the window (Sakhalin reaches far beyond the 1905 window).
                let w = MultiPolygon::new(vec![window.clone()]);
                let island = island.intersection(&w);
                part = island.clip(&part, true);
                part.0.extend(w.clip(&s.cut, false).0);
                japan_area = japan_area.difference(&island).union(&s.japan.intersection(&w));
                russia_area = russia_area.difference(&island).union(&s.russia.intersection(&w));
            }
        }
        // Clipping at the divided island's shore can leave a piece of no length where the line touches it.
        geometry
            .0
            .extend(part.0.into_iter().filter(|l| length_m(l) >= MIN_PART_M));
        window_areas.push(ClaimAreas {
            japan: japan_area,
            russia: russia_area,
        });
    }
    let areas = combined(&window_areas);
    ScenarioLine {
        geometry,
        japan: japan_index,
        russia: russia_index,
        areas,
        window_areas,
    }
}

/// The claim areas of all of a scenario's windows.
pub(crate) fn combined(window_areas: &[ClaimAreas]) -> ClaimAreas {
    match window_areas {
        [only] => only.clone(),
        all => ClaimAreas {
            japan: MultiPolygon::new(all.iter().flat_map(|a| a.japan.0.iter().cloned()).collect()),
            russia: MultiPolygon::new(all.iter().flat_map(|a| a.russia.0.iter().cloned()).collect()),
        },
    }
}

/// Each side's part of the divided island as coasts ((lon, lat) rings), cut in `plane`.
fn split_parts(split: Option<&Split>, plane: &AzimuthalEquidistant) -> [(Side, Vec<Vec<Coord>>); 2] {
    match split {
        Some(s) => [
            (Side::Japan, s.coasts(plane, &s.japan)),
            (Side::Russia, s.coasts(plane, &s.russia)),
        ],
        None => [(Side::Japan, vec![]), (Side::Russia, vec![])],
    }
}

/// The coasts a side holds under the scenario: its whole islands' and its part of the divided island.
fn side_rings<'a>(
    scenario: &Scenario,
    islands: &'a [Island],
    split_parts: &'a [(Side, Vec<Vec<Coord>>); 2],
    side: Side,
) -> Vec<&'a [Coord]> {
    let whole = islands
        .iter()
        .filter(|i| scenario.holder(&i.id) == Some(side))
        .flat_map(|i| i.land())
        .map(|p| p.exterior().0.as_slice());
    let parts = split_parts
        .iter()
        .filter(|(s, _)| *s == side)
        .flat_map(|(_, c)| c.iter().map(|c| c.as_slice()));
    whole.chain(parts).collect()
}

/// The plane the coast indexes are built in. One frame: its own plane (the main scenarios); several: a plane
/// centred between them.
fn index_plane(frames: &[Frame]) -> AzimuthalEquidistant {
    match frames {
        [only] => only.plane.clone(),
        _ => {
            let all = frames.iter().skip(1).fold(frames[0].window, |r, f| {
                Rect::new(
                    coord! { x: r.min().x.min(f.window.min().x), y: r.min().y.min(f.window.min().y) },
                    coord! { x: r.max().x.max(f.window.max().x), y: r.max().y.max(f.window.max().y) },
                )
            });
            AzimuthalEquidistant::new(all.center())
        }
    }
}

/// Japan's and Russia's coast indexes of a [`ScenarioLine`], as [`scenario_line`] builds them: for a line whose
/// geometry and areas come from the snapshot (`snapshot.rs`).
pub(crate) fn coast_indexes(
    scenario: &Scenario,
    islands: &[Island],
    frames: &[Frame],
    split: Option<&Split>,
    plane: &AzimuthalEquidistant,
) -> (CoastIndex, CoastIndex) {
    let split_parts = split_parts(split, plane);
    let index_plane = index_plane(frames);
    let index = |side| CoastIndex::new(&index_plane, side_rings(scenario, islands, &split_parts, side));
    (index(Side::Japan), index(Side::Russia))
}

/// Each side's maritime zones inside the scenario's windows, cut from its areas in `line`. `reaches` holds each
/// frame's reach (computed once per distinct window, on first use, from every island's land).
pub(crate) fn scenario_zones(
    frames: &[Frame],
    line: &ScenarioLine,
    reaches: &[(Rect, OnceLock<Reach>)],
    islands: &[Island],
) -> MaritimeZones {
    let parts = frames
        .iter()
        .zip(&line.window_areas)
        .map(|(f, areas)| {
            let (window, cell) = &reaches[f.reach];
            let reach = cell.get_or_init(|| {
                let land: Vec<&Polygon> = islands.iter().flat_map(|i| i.land()).collect();
                reach(&f.plane, *window, &land)
            });
            maritime_zones(
                &f.plane,
                reach,
                [(Side::Japan, &areas.japan), (Side::Russia, &areas.russia)],
            )
        })
        .collect();
    merge_zones(parts)
}
