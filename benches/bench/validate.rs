//! Field validation must feel instant in the wizard (it runs on every change).

use crate::table::Table;
use std::time::Duration;

pub fn run(t: &mut Table) {
    if !t.wants("validate") {
        return;
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let mut notices = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("seed fixtures") {
        let path = entry.expect("dir entry").path();
        let name = path.to_string_lossy();
        if name.ends_with(".json") && !name.ends_with(".facts.json") {
            notices.push(seloste::notice_io::read(&path).expect("seed fixture loads"));
        }
    }
    t.time(
        "validate",
        format!("validate all {} seed notices", notices.len()),
        200,
        Some(Duration::from_millis(1)),
        || {
            for n in &notices {
                std::hint::black_box(seloste::validate::validate(n));
            }
        },
    );
}
