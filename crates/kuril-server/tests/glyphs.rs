//! Every character of every label the map can show is in the served glyphs (tools/glyphs), so no label renders
//! with holes and no glyph request leaves the server.

use std::collections::BTreeSet;

#[test]
fn every_label_character_has_a_glyph() {
    use kuril_model::i18n::Lang;
    let coverage: Vec<u32> = serde_json::from_slice(
        kuril_server::routes::GLYPHS
            .get_file("Noto Sans Regular/coverage.json")
            .expect("coverage.json")
            .contents(),
    )
    .expect("a list of code points");
    let covered: BTreeSet<u32> = coverage.into_iter().collect();
    let model = kuril_model::Model::embedded().expect("model");
    let mut names: Vec<&kuril_model::Names> = model.islands.iter().map(|i| &i.names).collect();
    names.extend(model.places.iter().map(|p| &p.names));
    names.extend(model.straits.iter().map(|s| &s.names));
    let mut missing = BTreeSet::new();
    for n in names {
        // Both names as the Japanese and Russian interfaces label them (name_both_ja, name_both_ru).
        let both = [n.both(Lang::Ja), n.both(Lang::Ru)];
        for text in [
            Some(&n.en),
            n.ja.as_ref(),
            n.ja_latn.as_ref(),
            n.ru.as_ref(),
            n.ru_latn.as_ref(),
            Some(&both[0]),
            Some(&both[1]),
        ]
        .into_iter()
        .flatten()
        {
            for c in text.chars().filter(|c| !c.is_whitespace()) {
                if !covered.contains(&u32::from(c)) {
                    missing.insert(c);
                }
            }
        }
    }
    assert!(missing.is_empty(), "no glyph for {missing:?}: run tools/glyphs/run.sh");
    assert!(covered.contains(&u32::from('択')) && covered.contains(&u32::from('Ж')));
}
