//! Importing an existing notice: the app shows the draft for review right after the file is
//! opened, so a seed-sized notice must import instantly; a huge paste must not hang.

use crate::table::Table;
use std::time::Duration;

pub fn run(t: &mut Table) {
    if !t.wants("import") {
        return;
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("seed fixtures") {
        let path = entry.expect("dir entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            texts.push(std::fs::read_to_string(&path).expect("seed text"));
        }
    }
    t.time(
        "import",
        format!("import all {} seed texts", texts.len()),
        50,
        Some(Duration::from_millis(50)),
        || {
            for s in &texts {
                std::hint::black_box(seloste::import::import_text(s).expect("seed imports"));
            }
        },
    );
    let mut big = String::new();
    while big.len() < 5 * 1024 * 1024 {
        for s in &texts {
            big.push_str(s);
            big.push('\n');
        }
    }
    t.time(
        "import",
        "import 5 MB of notice text",
        3,
        Some(Duration::from_secs(3)),
        || {
            std::hint::black_box(seloste::import::import_text(&big).expect("big text imports"));
        },
    );
}
