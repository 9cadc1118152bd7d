//! Hostile and huge notices (issue 17): the export, check and render paths must stay linear,
//! so each row prints the time per megabyte that one worst shape adds to the reference notice
//! (its marginal cost; the whole run is shown beside it), against the target of < 0.2 s/MB in
//! release. The shapes: a 20,000-character controller name (an
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

/// The median time of `f` over `runs` runs after one warm-up.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    f();
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let t0 = Instant::now();
            f();
            t0.elapsed()
        })
        .collect();
    samples.sort();
    samples[samples.len() / 2]
}

/// One row: the time per MB that the shape adds over the plain reference notice (the
/// marginal cost, which is what must stay linear), beside the whole run.
fn row(t: &mut Table, what: String, bytes: usize, base_bytes: usize, d: Duration, base: Duration) {
    let mb = bytes.saturating_sub(base_bytes).max(1) as f64 / 1_000_000.0;
    let marginal = d.saturating_sub(base).as_secs_f64() / mb;
    t.row(
        AREA,
        format!("{what} (+{mb:.2} MB)"),
        format!("{marginal:.3} s/MB"),
        format!(
            "whole run {} (reference notice alone {})",
            fmt_duration(d),
            fmt_duration(base)
        ),
        format!("< {TARGET_S_PER_MB} s/MB"),
        Some(marginal < TARGET_S_PER_MB),
    );
}

pub fn run(t: &mut Table) {
    if !t.wants(AREA) {
        return;
    }
    let reference = base();
    let base_bytes = seloste::notice_io::to_json(&reference).len();
    let base_json = seloste::notice_io::to_json(&reference);
    let b_read = median(9, || {
        std::hint::black_box(seloste::notice_io::from_json(&base_json, "bench").expect("reads"));
    });
    let b_check = median(9, || {
        std::hint::black_box(seloste::check::check(&reference, Lang::Fi));
    });
    let b_html = median(9, || {
        std::hint::black_box(seloste::render::html(&reference, Lang::Fi).expect("html"));
    });
    let b_pdf = median(5, || {
        std::hint::black_box(seloste::pdf::render(&reference, Lang::Fi).expect("pdf"));
    });
    for (name, notice) in shapes() {
        let json = seloste::notice_io::to_json(&notice);
        let bytes = json.len();
        let d = median(5, || {
            std::hint::black_box(seloste::notice_io::from_json(&json, "bench").expect("reads"));
        });
        row(t, format!("read {name}"), bytes, base_bytes, d, b_read);
        let d = median(5, || {
            std::hint::black_box(seloste::check::check(&notice, Lang::Fi));
        });
        row(t, format!("check {name}"), bytes, base_bytes, d, b_check);
        let d = median(5, || {
            std::hint::black_box(seloste::render::html(&notice, Lang::Fi).expect("html"));
        });
        row(t, format!("HTML {name}"), bytes, base_bytes, d, b_html);
        let d = median(3, || {
            std::hint::black_box(seloste::pdf::render(&notice, Lang::Fi).expect("pdf"));
        });
        row(t, format!("PDF {name}"), bytes, base_bytes, d, b_pdf);
    }
}
