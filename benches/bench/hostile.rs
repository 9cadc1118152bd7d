//! Hostile and huge notices (issue 17): the export, check and render paths must stay linear,
//! so each row prints the time per megabyte of notice JSON for one worst shape, against the
//! target of < 0.2 s/MB in release. The shapes: a 20,000-character controller name (an
//! imported .txt whose first line never ends), 1,001 controllers, and one 1 MB paragraph.

use crate::table::{Table, fmt_duration};
use seloste::{Lang, Notice};
use std::path::Path;
use std::time::{Duration, Instant};

const AREA: &str = "hostile";
/// Seconds per megabyte of notice JSON.
const TARGET_S_PER_MB: f64 = 0.2;

fn base() -> Notice {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reference/web_shop.json");
    seloste::notice_io::read(&p).expect("reference notice")
}

fn shapes() -> Vec<(&'static str, Notice)> {
    let mut long_name = base();
    long_name.controllers[0].name = "Osakeyhtiö Esimerkki ".repeat(1_000);
    let mut many = base();
    let first = many.controllers[0].clone();
    many.controllers = (0..1_001)
        .map(|i| {
            let mut c = first.clone();
            c.name = format!("Yhteisrekisterinpitäjä {i} Oy");
            c
        })
        .collect();
    let mut paragraph = base();
    paragraph.purposes.text = seloste::Text::fi("Käsittelemme tietoja. ".repeat(48_000));
    vec![
        ("20,000-char controller name", long_name),
        ("1,001 controllers", many),
        ("one 1 MB paragraph", paragraph),
    ]
}

/// Time `f` (median of `runs` after one warm-up) and add a row in s/MB of `bytes`.
fn per_mb(t: &mut Table, what: String, bytes: usize, runs: usize, mut f: impl FnMut()) {
    f();
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let t0 = Instant::now();
            f();
            t0.elapsed()
        })
        .collect();
    samples.sort();
    let mb = bytes as f64 / 1_000_000.0;
    let s_per_mb = |d: Duration| d.as_secs_f64() / mb;
    let median = samples[samples.len() / 2];
    t.row(
        AREA,
        format!("{what} ({:.2} MB, {} per run)", mb, fmt_duration(median)),
        format!("{:.3} s/MB", s_per_mb(median)),
        format!(
            "{:.3}–{:.3} (n={runs})",
            s_per_mb(samples[0]),
            s_per_mb(*samples.last().unwrap())
        ),
        format!("< {TARGET_S_PER_MB} s/MB"),
        Some(s_per_mb(median) < TARGET_S_PER_MB),
    );
}

pub fn run(t: &mut Table) {
    if !t.wants(AREA) {
        return;
    }
    for (name, notice) in shapes() {
        let json = seloste::notice_io::to_json(&notice);
        let bytes = json.len();
        per_mb(t, format!("read {name}"), bytes, 5, || {
            std::hint::black_box(seloste::notice_io::from_json(&json, "bench").expect("reads"));
        });
        per_mb(t, format!("check {name}"), bytes, 5, || {
            std::hint::black_box(seloste::check::check(&notice, Lang::Fi));
        });
        per_mb(t, format!("HTML {name}"), bytes, 5, || {
            std::hint::black_box(seloste::render::html(&notice, Lang::Fi).expect("html"));
        });
        per_mb(t, format!("PDF {name}"), bytes, 3, || {
            std::hint::black_box(seloste::pdf::render(&notice, Lang::Fi).expect("pdf"));
        });
    }
}
