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

/// Medians over `runs` pairs, each the reference and the shape run back to back (after one
/// warm-up of each), so a slow spell of the machine falls on both sides of a pair: the shape's
/// time, the reference's, and the median of the pairs' differences (the marginal cost).
fn paired(runs: usize, mut reference: impl FnMut(), mut shape: impl FnMut()) -> [Duration; 3] {
    reference();
    shape();
    let mut refs = Vec::with_capacity(runs);
    let mut shapes = Vec::with_capacity(runs);
    let mut diffs = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t0 = Instant::now();
        reference();
        let r = t0.elapsed();
        let t0 = Instant::now();
        shape();
        let s = t0.elapsed();
        refs.push(r);
        shapes.push(s);
        diffs.push(s.saturating_sub(r));
    }
    [shapes, refs, diffs].map(|mut v| {
        v.sort();
        v[v.len() / 2]
    })
}

/// One row: the time per MB that the shape adds over the plain reference notice (the
/// marginal cost, which is what must stay linear), beside the whole run.
fn row(t: &mut Table, what: String, mb: f64, [whole, base, marginal]: [Duration; 3]) {
    let per_mb = marginal.as_secs_f64() / mb;
    t.row(
        AREA,
        format!("{what} (+{mb:.2} MB)"),
        format!("{per_mb:.3} s/MB"),
        format!(
            "whole run {} (reference notice alone {}; medians of paired runs)",
            fmt_duration(whole),
            fmt_duration(base)
        ),
        format!("< {TARGET_S_PER_MB} s/MB"),
        Some(per_mb < TARGET_S_PER_MB),
    );
}

pub fn run(t: &mut Table) {
    if !t.wants(AREA) {
        return;
    }
    let reference = base();
    let base_json = seloste::notice_io::to_json(&reference);
    for (name, notice) in shapes() {
        let json = seloste::notice_io::to_json(&notice);
        let mb = json.len().saturating_sub(base_json.len()).max(1) as f64 / 1_000_000.0;
        let read = |j: &str| {
            std::hint::black_box(seloste::notice_io::from_json(j, "bench").expect("reads"));
        };
        let d = paired(9, || read(&base_json), || read(&json));
        row(t, format!("read {name}"), mb, d);
        let check = |n: &Notice| {
            std::hint::black_box(seloste::check::check(n, Lang::Fi));
        };
        let d = paired(9, || check(&reference), || check(&notice));
        row(t, format!("check {name}"), mb, d);
        let html = |n: &Notice| {
            std::hint::black_box(seloste::render::html(n, Lang::Fi).expect("html"));
        };
        let d = paired(9, || html(&reference), || html(&notice));
        row(t, format!("HTML {name}"), mb, d);
        let pdf = |n: &Notice| {
            std::hint::black_box(seloste::pdf::render(n, Lang::Fi).expect("pdf"));
        };
        let d = paired(9, || pdf(&reference), || pdf(&notice));
        row(t, format!("PDF {name}"), mb, d);
    }
}
