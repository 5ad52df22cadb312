//! `kuril stats`: the model at a glance — computed areas against official figures, strait widths, and each
//! scenario's line with its length and worst equidistance error.

use std::fmt::Write;

use kuril_model::{AreaScope, Model, Side};

/// Spacing of the points at which each line's equidistance is checked, metres.
const SAMPLE_STEP_M: f64 = 500.0;

pub fn report(model: &Model) -> anyhow::Result<String> {
    let mut out = String::new();
    islands(model, &mut out)?;
    straits(model, &mut out)?;
    lines(model, &mut out)?;
    Ok(out)
}

fn islands(model: &Model, out: &mut String) -> anyhow::Result<()> {
    writeln!(
        out,
        "ISLANDS — geodesic area of the shoreline (WGS 84; GSHHG, the Habomai islets from OpenStreetMap) against \
         published figures"
    )?;
    writeln!(
        out,
        "{:<22} {:>10} {:>12}  {:>10} {:>8}  published by (scope)",
        "island", "main km²", "w/ islets km²", "published", "dev."
    )?;
    for island in model
        .islands
        .iter()
        .filter(|i| i.disputed || i.id == "urup" || i.id == "hokkaido")
    {
        let main = island.area_km2(AreaScope::MainIsland);
        let all = island.area_km2(AreaScope::WithIslets);
        let name = &island.names.en;
        if island.official_areas.is_empty() {
            writeln!(out, "{name:<22} {main:>10.1} {all:>12.1}  {:>10} {:>8}", "–", "")?;
        }
        for (k, fig) in island.official_areas.iter().enumerate() {
            let computed = match fig.scope {
                AreaScope::MainIsland => main,
                AreaScope::WithIslets => all,
            };
            let dev = (computed - fig.km2) / fig.km2 * 100.0;
            let scope = match fig.scope {
                AreaScope::MainIsland => "main island",
                AreaScope::WithIslets => "with islets",
            };
            let (n, m, a) = if k == 0 {
                (name.as_str(), format!("{main:.1}"), format!("{all:.1}"))
            } else {
                ("", String::new(), String::new())
            };
            writeln!(
                out,
                "{n:<22} {m:>10} {a:>12}  {:>10.1} {dev:>+7.1}%  {} ({scope})",
                fig.km2, fig.by
            )?;
        }
        if island.shoreline.is_none() {
            writeln!(out, "{:<22} (too small for the shoreline data: a point only)", "")?;
        }
    }
    let habomai: f64 = model.group("habomai").map(|i| i.area_km2(AreaScope::WithIslets)).sum();
    let four: f64 = model
        .islands
        .iter()
        .filter(|i| i.disputed)
        .map(|i| i.area_km2(AreaScope::WithIslets))
        .sum();
    writeln!(
        out,
        "{:<22} {:>10} {habomai:>12.1}  {:>10.1} {:>+7.1}%  MOFA (with islets)",
        "Habomai group",
        "",
        95.0,
        (habomai - 95.0) / 95.0 * 100.0
    )?;
    writeln!(
        out,
        "{:<22} {:>10} {four:>12.1}  {:>10.1} {:>+7.1}%  MOFA (with islets)",
        "the four islands",
        "",
        5003.0,
        (four - 5003.0) / 5003.0 * 100.0
    )?;
    writeln!(out)?;
    Ok(())
}

fn straits(model: &Model, out: &mut String) -> anyhow::Result<()> {
    writeln!(
        out,
        "STRAITS — minimum geodesic width between the two coasts, computed from the shorelines"
    )?;
    writeln!(out, "{:<32} {:>9}  from → to (lon, lat)", "strait", "width km")?;
    for s in &model.straits {
        let [a, b] = s.width.ends;
        writeln!(
            out,
            "{:<32} {:>9.2}  ({:.4}, {:.4}) → ({:.4}, {:.4})",
            s.names.en,
            s.width.distance_m / 1e3,
            a.x,
            a.y,
            b.x,
            b.y
        )?;
    }
    writeln!(out)?;
    Ok(())
}

fn lines(model: &Model, out: &mut String) -> anyhow::Result<()> {
    let [w, s] = [model.analysis_window.min().x, model.analysis_window.min().y];
    let [e, n] = [model.analysis_window.max().x, model.analysis_window.max().y];
    writeln!(
        out,
        "LINES — equidistance line between the coasts each side holds, inside {w}–{e}°E, {s}–{n}°N"
    )?;
    writeln!(
        out,
        "{:<22} {:>6} {:>10} {:>9} {:>15} {:>10}  Japan holds (of the four)",
        "scenario", "parts", "length km", "samples", "worst error m", "worst %"
    )?;
    for sc in &model.scenarios {
        let line = model.line(&sc.id)?;
        let samples = line.equidistance(SAMPLE_STEP_M);
        let worst_m = samples.iter().map(|x| x.error_m()).fold(0.0, f64::max);
        let worst_rel = samples.iter().map(|x| x.relative_error()).fold(0.0, f64::max);
        let japanese: Vec<&str> = model
            .islands
            .iter()
            .filter(|i| i.group == "four-islands" && sc.holder(&i.id) == Some(Side::Japan))
            .map(|i| i.id.as_str())
            .chain(
                model
                    .group("habomai")
                    .all(|i| sc.holder(&i.id) == Some(Side::Japan))
                    .then_some("habomai"),
            )
            .collect();
        writeln!(
            out,
            "{:<22} {:>6} {:>10.1} {:>9} {:>15.1} {:>9.3}%  {}",
            sc.id,
            line.geometry.0.len(),
            line.length_km(),
            samples.len(),
            worst_m,
            worst_rel * 100.0,
            if japanese.is_empty() {
                "none".to_string()
            } else {
                japanese.join(", ")
            }
        )?;
    }
    writeln!(
        out,
        "(error = |distance to Japan's coast − distance to Russia's coast| at points every {SAMPLE_STEP_M} m)"
    )?;
    // Historical lines are computed in their own windows; where a line is a cut on land the error does not apply.
    for sc in &model.scenarios {
        let windows = model.windows(&sc.id)?;
        if windows != [model.analysis_window] {
            let ws: Vec<String> = windows
                .iter()
                .map(|w| format!("{}–{}°E, {}–{}°N", w.min().x, w.max().x, w.min().y, w.max().y))
                .collect();
            writeln!(out, "({}: inside {})", sc.id, ws.join(" and "))?;
        }
        if let Some(split) = &sc.split {
            writeln!(
                out,
                "({}: on {} the line is a cut across land, where the error column does not apply)",
                sc.id, split.island
            )?;
        }
    }
    Ok(())
}
