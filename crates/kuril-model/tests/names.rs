//! The English order of the two names follows one written rule (docs/neutrality.md): on an island or a place of the
//! four islands, the name in use where it is administered today comes first, then the other side's
//! (*Iturup / Etorofu*, *Tanfilyev / Suisho*). Japanese and Russian put their own name first (`Names::both`).

mod common;
use common::MODEL;
use kuril_model::Names;

/// The first four letters of a name without its generic word (ostrov, vulkan, mayak), lower case, no macrons.
fn stem(name: &str) -> String {
    let generic = ["ostrova ", "ostrov ", "vulkan ", "mayak ", "mys "];
    let mut n = name.to_lowercase();
    for g in generic {
        if let Some(rest) = n.strip_prefix(g) {
            n = rest.to_string();
        }
    }
    n.chars()
        .map(|c| match c {
            'ō' => 'o',
            'ū' => 'u',
            c => c,
        })
        .take(4)
        .collect()
}

/// The first and the second English name, where there are two.
fn order(n: &Names) -> Option<(String, String)> {
    let (a, b) = n.en.split_once(" / ")?;
    Some((stem(a), stem(b)))
}

fn check(what: &str, n: &Names) -> Option<String> {
    let (first, second) = order(n)?;
    let ru = stem(n.ru_latn.as_deref()?);
    let ja = stem(n.ja_latn.as_deref()?);
    (first != ru || second != ja).then(|| format!("{what}: {:?} (Russian {ru:?} first, then Japanese {ja:?})", n.en))
}

#[test]
fn on_the_four_islands_the_name_in_use_there_comes_first_in_english() {
    let m = &*MODEL;
    let disputed: Vec<&str> = m.islands.iter().filter(|i| i.disputed).map(|i| i.id.as_str()).collect();
    let mut two = 0;
    let mut wrong = Vec::new();
    for i in m.islands.iter().filter(|i| i.disputed) {
        two += usize::from(order(&i.names).is_some());
        wrong.extend(check(&i.id, &i.names));
    }
    for p in m
        .places
        .iter()
        .filter(|p| p.island.as_deref().is_some_and(|i| disputed.contains(&i)))
    {
        two += usize::from(order(&p.names).is_some());
        wrong.extend(check(&p.id, &p.names));
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    // The islands and places with two names: Iturup, Kunashir, six Habomai islets, four places at least.
    assert!(two >= 12, "{two} features with two English names");
}

#[test]
fn the_check_sees_the_japanese_name_first() {
    let n = Names {
        en: "Suisho / Tanfilyev".into(),
        ja: None,
        ja_latn: Some("Suishō".into()),
        ru: None,
        ru_latn: Some("ostrov Tanfilyeva".into()),
    };
    assert!(check("suisho", &n).is_some());
    let n = Names {
        en: "Tanfilyev / Suisho".into(),
        ..n
    };
    assert_eq!(check("suisho", &n), None);
}
