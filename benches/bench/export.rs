//! The Word export and the record of processing activities (PDF) of the largest notice
//! (seeds and starting points, by the length of its text), in process; Markdown and plain
//! text beside them.

use crate::table::Table;
use seloste::{Lang, Notice};
use std::path::Path;
use std::time::Duration;

const AREA: &str = "export";

/// The largest notice of the seeds and the reference notices, by the length of its text.
fn largest() -> (String, Notice) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut all = Vec::new();
    for dir in ["seeds", "reference"] {
        for e in std::fs::read_dir(root.join(dir)).expect("fixtures") {
            let p = e.expect("dir entry").path();
            if p.extension().is_some_and(|x| x == "json")
                && !p.to_string_lossy().ends_with(".facts.json")
            {
                let n = seloste::notice_io::read(&p).expect("fixture notice");
                let size = seloste::document::build(&n, Lang::Fi).to_plain_text().len();
                all.push((
                    size,
                    format!("{dir}/{}", p.file_name().unwrap().to_string_lossy()),
                    n,
                ));
            }
        }
    }
    let (_, name, n) = all.into_iter().max_by_key(|x| x.0).expect("fixtures");
    (name, n)
}

pub fn run(t: &mut Table) {
    if !t.wants(AREA) {
        return;
    }
    let (name, notice) = largest();
    t.time(
        AREA,
        format!("Word (.docx) export, {name} (fi)"),
        30,
        Some(Duration::from_millis(20)),
        || {
            std::hint::black_box(seloste::export::docx::render(&notice, Lang::Fi).expect("docx"));
        },
    );
    t.time(
        AREA,
        format!("record of processing PDF, {name} (fi)"),
        30,
        Some(Duration::from_millis(20)),
        || {
            std::hint::black_box(seloste::record::pdf(&notice, Lang::Fi).expect("record pdf"));
        },
    );
    t.time(
        AREA,
        format!("Markdown export, {name} (fi)"),
        30,
        None,
        || {
            std::hint::black_box(seloste::export::markdown(&notice, Lang::Fi));
        },
    );
    t.time(
        AREA,
        format!("plain-text export, {name} (fi)"),
        30,
        None,
        || {
            std::hint::black_box(seloste::export::text(&notice, Lang::Fi));
        },
    );
}
