//! The texts of `geodata/` in the reader's language. English is written in the data files themselves; Japanese
//! and Russian are in `geodata/i18n/ja.json` and `ru.json`, flat tables `key -> text` whose keys name where each
//! English text is: `<document>:<id>:<JSON pointer in the element with that id>`, or `<document>::<pointer>` for
//! the document itself (`timeline::/note`, `timeline:1855-shimoda:/title`, `scenario:soviet:/dates/0/event`).
//! Every table must have exactly the English keys, each with a text of its own: a missing, empty or stray
//! translation is a load error, so no language falls back to English unnoticed. `kuril texts` prints the English
//! table for translators.
//!
//! ```
//! use kuril_model::i18n::{Lang, english, localize};
//!
//! for lang in Lang::ALL {
//!     assert_eq!(Lang::parse(lang.code()), Some(lang));
//! }
//! assert_eq!(Lang::parse("fr"), None);
//!
//! let model = kuril_model::Model::embedded().expect("embedded data loads");
//! let en = english(&model);
//! assert_eq!(en["timeline::/note"], model.timeline_note);
//! // Each translation has exactly the English keys.
//! let ja = model.translations(Lang::Ja).expect("Japanese is a table");
//! assert!(ja.keys().eq(en.keys()));
//!
//! // A document's texts in Japanese: the timeline's note, at its JSON pointer `/note`.
//! let mut doc = serde_json::json!({ "note": model.timeline_note });
//! localize(&model, "timeline", Lang::Ja, &mut doc);
//! assert_eq!(doc["note"], ja["timeline::/note"].as_str());
//! assert_ne!(doc["note"], en["timeline::/note"].as_str());
//! ```

use std::collections::BTreeMap;

use serde_json::Value;

use crate::error::ModelError;
use crate::model::Model;

/// A language of the interface and the texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Ja,
    Ru,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ja, Lang::Ru];

    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "ja" => Some(Lang::Ja),
            "ru" => Some(Lang::Ru),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
            Lang::Ru => "ru",
        }
    }
}

/// Texts by key.
pub type Table = BTreeMap<String, String>;

pub(crate) const JA: &str = include_str!("../../../geodata/i18n/ja.json");
pub(crate) const RU: &str = include_str!("../../../geodata/i18n/ru.json");

/// The documents whose elements carry translated texts: "island", "strait" and "place" are the features'
/// properties in the GeoJSON of each (`island:iturup:/official_areas/0/by`).
const DOCUMENTS: [&str; 6] = ["timeline", "straits-tour", "scenario", "island", "strait", "place"];

/// The fields that carry a method text (one of [`crate::views::METHODS`]).
const METHOD_FIELDS: [&str; 3] = ["method", "sea_method", "land_km2_note"];

/// The English texts readers see, by key.
pub fn english(model: &Model) -> Table {
    let mut t = Table::new();
    let mut put = |k: String, v: &str| {
        t.insert(k, v.to_string());
    };
    put("timeline::/note".into(), &model.timeline_note);
    for s in &model.timeline {
        put(format!("timeline:{}:/title", s.id), &s.title);
        put(format!("timeline:{}:/text", s.id), &s.text);
    }
    for s in &model.straits_tour {
        put(format!("straits-tour:{}:/title", s.id), &s.title);
        put(format!("straits-tour:{}:/text", s.id), &s.text);
        put(format!("straits-tour:{}:/depth/text", s.id), &s.depth.text);
        for (i, c) in s.claims.iter().enumerate() {
            put(format!("straits-tour:{}:/claims/{i}/text", s.id), &c.text);
            put(
                format!("straits-tour:{}:/claims/{i}/attributed_to", s.id),
                &c.attributed_to,
            );
        }
    }
    for s in &model.scenarios {
        put(format!("scenario:{}:/title", s.id), &s.title);
        put(format!("scenario:{}:/position_of", s.id), &s.position_of);
        put(format!("scenario:{}:/summary", s.id), &s.summary);
        for (i, d) in s.dates.iter().enumerate() {
            put(format!("scenario:{}:/dates/{i}/event", s.id), &d.event);
        }
    }
    for i in &model.islands {
        for (n, a) in i.official_areas.iter().enumerate() {
            put(format!("island:{}:/official_areas/{n}/by", i.id), &a.by);
        }
    }
    for s in &model.straits {
        for (n, note) in s.notes.iter().enumerate() {
            put(format!("strait:{}:/notes/{n}/text", s.id), &note.text);
        }
    }
    for p in &model.places {
        for (n, note) in p.notes.iter().enumerate() {
            put(format!("place:{}:/notes/{n}/text", p.id), &note.text);
        }
    }
    for (name, text) in crate::views::METHODS {
        put(format!("method:{name}:/text"), text);
    }
    t
}

/// Reads a translation table and checks it against the English one: the same keys, each with a non-empty text.
pub(crate) fn read(file: &'static str, json: &str, english: &Table) -> Result<Table, ModelError> {
    let table: Table = serde_json::from_str(json).map_err(|e| ModelError::Data {
        file,
        message: e.to_string(),
    })?;
    check(file, &table, english)?;
    Ok(table)
}

/// The same keys as the English table, and a text for each.
pub(crate) fn check(file: &'static str, table: &Table, english: &Table) -> Result<(), ModelError> {
    let err = |message: String| Err(ModelError::Data { file, message });
    if let Some(k) = english.keys().find(|k| !table.contains_key(*k)) {
        return err(format!("no translation of {k}"));
    }
    if let Some(k) = table.keys().find(|k| !english.contains_key(*k)) {
        return err(format!("{k}: no such English text (run `kuril texts` for the keys)"));
    }
    if let Some((k, _)) = table.iter().find(|(_, v)| v.trim().is_empty()) {
        return err(format!("{k}: empty translation"));
    }
    Ok(())
}

/// A key's parts: document, element id (empty for the document itself) and JSON pointer.
fn split_key(key: &str) -> Option<(&str, &str, &str)> {
    let (doc, rest) = key.split_once(':')?;
    let (id, pointer) = rest.split_once(':')?;
    Some((doc, id, pointer))
}

/// Puts a document's texts in `lang`: `doc` is one of "timeline", "straits-tour", "scenario" (any document with
/// scenario objects: `/api/lines`, `/api/scenarios`, one scenario), "island", "strait" or "place" (their GeoJSON).
/// Method texts (`method`, `sea_method`, `land_km2_note`) are translated in every document. English leaves it as
/// it is.
pub fn localize(model: &Model, doc: &str, lang: Lang, value: &mut Value) {
    debug_assert!(DOCUMENTS.contains(&doc), "{doc}");
    let Some(table) = model.translations(lang) else {
        return;
    };
    // The document's own texts.
    for (key, text) in table.range(format!("{doc}::")..) {
        let Some((d, "", pointer)) = split_key(key) else { break };
        if d != doc {
            break;
        }
        if let Some(slot) = value.pointer_mut(pointer) {
            *slot = Value::String(text.clone());
        }
    }
    apply(table, doc, value);
    methods(table, value);
}

/// Every method text, wherever it is, in the table's language.
fn methods(table: &Table, value: &mut Value) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(|v| methods(table, v)),
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                if let (true, Value::String(text)) = (METHOD_FIELDS.contains(&k.as_str()), &v)
                    && let Some((name, _)) = crate::views::METHODS.iter().find(|(_, en)| en == text)
                    && let Some(t) = table.get(&format!("method:{name}:/text"))
                {
                    *v = Value::String(t.clone());
                } else {
                    methods(table, v);
                }
            }
        }
        _ => {}
    }
}

/// Every object with an `id` that has texts under `doc` gets them, wherever it is in the document.
fn apply(table: &Table, doc: &str, value: &mut Value) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(|v| apply(table, doc, v)),
        Value::Object(map) => {
            if let Some(Value::String(id)) = map.get("id") {
                let prefix = format!("{doc}:{id}:");
                let texts: Vec<(String, String)> = table
                    .range(prefix.clone()..)
                    .take_while(|(k, _)| k.starts_with(&prefix))
                    .map(|(k, v)| (k[prefix.len()..].to_string(), v.clone()))
                    .collect();
                for (pointer, text) in texts {
                    if let Some(slot) = pointer_in(map, &pointer) {
                        *slot = Value::String(text);
                    }
                }
            }
            map.values_mut().for_each(|v| apply(table, doc, v));
        }
        _ => {}
    }
}

/// A JSON pointer (`/dates/0/event`) inside an object.
fn pointer_in<'a>(map: &'a mut serde_json::Map<String, Value>, pointer: &str) -> Option<&'a mut Value> {
    let rest = pointer.strip_prefix('/')?;
    let (head, tail) = rest.split_once('/').unwrap_or((rest, ""));
    let value = map.get_mut(head)?;
    if tail.is_empty() {
        Some(value)
    } else {
        value.pointer_mut(&format!("/{tail}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(pairs: &[(&str, &str)]) -> Table {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn a_missing_empty_or_stray_translation_is_an_error() {
        let en = table(&[("timeline::/note", "Note"), ("timeline:a:/title", "A")]);
        assert!(
            check(
                "ja.json",
                &table(&[("timeline::/note", "注"), ("timeline:a:/title", "甲")]),
                &en
            )
            .is_ok()
        );
        let missing = check("ja.json", &table(&[("timeline::/note", "注")]), &en).expect_err("an error");
        assert!(
            missing.to_string().contains("no translation of timeline:a:/title"),
            "{missing}"
        );
        let empty = check(
            "ja.json",
            &table(&[("timeline::/note", "注"), ("timeline:a:/title", " ")]),
            &en,
        );
        assert!(empty.expect_err("an error").to_string().contains("empty"));
        let stray = table(&[
            ("timeline::/note", "注"),
            ("timeline:a:/title", "甲"),
            ("timeline:b:/title", "乙"),
        ]);
        assert!(
            check("ja.json", &stray, &en)
                .expect_err("an error")
                .to_string()
                .contains("timeline:b:/title")
        );
    }

    #[test]
    fn texts_go_to_the_element_with_their_id_wherever_it_is() {
        let t = table(&[
            ("scenario:soviet:/title", "ソ連・ロシアの立場"),
            ("scenario:soviet:/dates/1/event", "占領完了"),
            ("scenario:japanese:/title", "日本の立場"),
        ]);
        let mut v = serde_json::json!([
            {"id": "soviet", "title": "Soviet", "dates": [{"event": "a"}, {"event": "b"}]},
            {"nested": {"id": "japanese", "title": "Japanese"}},
            {"id": "other", "title": "Other"}
        ]);
        apply(&t, "scenario", &mut v);
        assert_eq!(v[0]["title"], "ソ連・ロシアの立場");
        assert_eq!(v[0]["dates"][0]["event"], "a");
        assert_eq!(v[0]["dates"][1]["event"], "占領完了");
        assert_eq!(v[1]["nested"]["title"], "日本の立場");
        assert_eq!(v[2]["title"], "Other");
    }
}
