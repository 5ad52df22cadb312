//! Shared fixture: the embedded model, loaded once per test binary.

use std::sync::LazyLock;

use kuril_model::Model;

pub static MODEL: LazyLock<Model> = LazyLock::new(|| Model::embedded().expect("the embedded geodata loads"));
