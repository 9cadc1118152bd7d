//! The checker runs on every step of the wizard, so it must feel instant: the largest seed
//! notice (and all five together) well under a frame's worth of time.

use crate::table::Table;
use std::path::PathBuf;
use std::time::Duration;

pub fn run(t: &mut Table) {
    if !t.wants("check") {
        return;
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let mut seeds: Vec<seloste::Notice> = std::fs::read_dir(&dir)
        .expect("seed fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "json")
                && !p.to_string_lossy().ends_with(".facts.json")
        })
        .map(|p| seloste::notice_io::read(&p).expect("seed loads"))
        .collect();
    seeds.sort_by_key(|n| std::cmp::Reverse(seloste::notice_io::to_json(n).len()));
    // The first check also parses rules.json and compiles the phrase patterns (once per process).
    let t0 = std::time::Instant::now();
    std::hint::black_box(seloste::check::check(&seeds[0], seloste::Lang::Fi));
    let first = t0.elapsed();
    t.row(
        "check",
        "first check in a process (rules.json + regex compile)",
        crate::table::fmt_duration(first),
        "n=1",
        "< 100 ms",
        Some(first < Duration::from_millis(100)),
    );
    t.time(
        "check",
        "check the largest seed notice",
        200,
        Some(Duration::from_millis(5)),
        || {
            std::hint::black_box(seloste::check::check(&seeds[0], seloste::Lang::Fi));
        },
    );
    // The largest real notice of ../shared/corpus, imported, then checked (issue 13: < 2 ms).
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let largest = std::fs::read_dir(&corpus).ok().and_then(|d| {
        d.filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
            .max_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
    });
    if let Some(path) = largest {
        let raw = std::fs::read_to_string(&path).expect("corpus notice");
        // The text after the corpus header block.
        let body = raw.find("\n---\n").map_or(raw.as_str(), |i| &raw[i + 5..]);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let imported = seloste::import::import_bytes(body.as_bytes(), &name).expect("imports");
        t.time(
            "check",
            &format!("check the largest corpus notice ({name}, imported)"),
            200,
            Some(Duration::from_millis(2)),
            || {
                std::hint::black_box(seloste::check::check(&imported.notice, seloste::Lang::Fi));
            },
        );
        t.time(
            "check",
            &format!("check_text on its raw text ({} kB)", body.len() / 1024),
            200,
            Some(Duration::from_millis(2)),
            || {
                std::hint::black_box(seloste::check::check_text(body, seloste::Lang::Fi));
            },
        );
    }
    t.time(
        "check",
        "check all five seed notices",
        100,
        Some(Duration::from_millis(16)),
        || {
            for n in &seeds {
                std::hint::black_box(seloste::check::check(n, seloste::Lang::Fi));
            }
        },
    );
}
