//! Shared fixture: the embedded model, loaded once per test binary.

use std::sync::LazyLock;

use kuril_model::Model;

pub static MODEL: LazyLock<Model> = LazyLock::new(|| Model::embedded().expect("the embedded geodata loads"));

/// Hosts of each government's own publications (its foreign ministry, head of government, parliament, official
/// newspaper).
#[allow(dead_code)]
pub const JAPAN: [&str; 4] = ["mofa.go.jp", "kantei.go.jp", "cao.go.jp", "shugiin.go.jp"];
#[allow(dead_code)]
pub const RUSSIA: [&str; 4] = ["mid.ru", "kremlin.ru", "government.ru", "rg.ru"];

/// The host of a URL ("" when it has none).
#[allow(dead_code)]
pub fn host(url: &str) -> &str {
    url.split("://")
        .nth(1)
        .unwrap_or("")
        .split(['/', ':'])
        .next()
        .unwrap_or("")
}

/// Whether `url` is on one of `hosts` or a subdomain of one.
#[allow(dead_code)]
pub fn from(hosts: &[&str], url: &str) -> bool {
    let h = host(url);
    hosts.iter().any(|g| h == *g || h.ends_with(&format!(".{g}")))
}
