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

/// The whole real corpus (`../shared/corpus/`, header blocks skipped) in one go, and the worst
/// shapes of hostile input in seconds per MB (issue 17: linear time, < 0.2 s/MB in release).
pub fn run_hostile(t: &mut Table) {
    if !t.wants("import") {
        return;
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut corpus = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for e in entries.flatten() {
            let p = e.path();
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            if !name.starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            if let Ok(raw) = std::fs::read_to_string(&p)
                && let Some((_, body)) = raw.split_once("\n---\n")
            {
                corpus.push((name, body.to_string()));
            }
        }
    }
    if !corpus.is_empty() {
        t.time(
            "import",
            format!("import the whole corpus ({} real notices)", corpus.len()),
            10,
            Some(Duration::from_secs(1)),
            || {
                for (name, body) in &corpus {
                    std::hint::black_box(
                        seloste::import::import_bytes(body.as_bytes(), name).expect("imports"),
                    );
                }
            },
        );
    }
    let page = "<h2>1. Rekisterinpitäjä</h2><p>Keksitty Oy, Katu 1, 00100 Helsinki, info@keksitty.fi</p>\
                <h2>2. Käsittelyn tarkoitus</h2><p>Asiakassuhteen hoito ja laskutus.</p>\
                <ul><li>nimi</li><li>puhelin</li></ul><h2>3. Säilytys</h2><p>Tiedot säilytetään 6 vuotta.</p>";
    let repeat = |s: &str, mb: usize| s.repeat(mb * 1024 * 1024 / s.len());
    let shapes: Vec<(&str, String, &str)> = vec![
        (
            "'<' without '>' (2 MB)",
            "<".repeat(2 * 1024 * 1024),
            "x.txt",
        ),
        (
            "16,000 nested menus",
            format!(
                "<html><body>{}x{}</body></html>",
                "<div class=\"menu\">".repeat(16_000),
                "</div>".repeat(16_000)
            ),
            "x.html",
        ),
        (
            "a page repeated on one line (10 MB)",
            repeat(page, 10),
            "x.txt",
        ),
        (
            "a page repeated as HTML (10 MB)",
            format!("<html><body>{}</body></html>", repeat(page, 10)),
            "x.html",
        ),
    ];
    for (what, input, name) in shapes {
        let mb = input.len() as f64 / (1024.0 * 1024.0);
        let samples = t.time(
            "import",
            format!("hostile: {what}, whole file"),
            3,
            None,
            || {
                let _ = std::hint::black_box(seloste::import::import_bytes(input.as_bytes(), name));
            },
        );
        let median = samples[samples.len() / 2].as_secs_f64();
        let per_mb = median / mb;
        t.row(
            "import",
            format!("hostile: {what}, per MB"),
            format!("{per_mb:.3} s/MB"),
            "",
            "< 0.2 s/MB",
            Some(per_mb < 0.2),
        );
    }
}
