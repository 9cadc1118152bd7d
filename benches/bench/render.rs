//! HTML export speed: a realistic notice (tests/fixtures/render/shop.json) to a standalone
//! document and to a fragment, and the view model alone.

use crate::table::{Table, fmt_bytes};
use seloste::Lang;
use std::time::Duration;

pub fn run(t: &mut Table) {
    if !t.wants("render") {
        return;
    }
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/render/shop.json");
    let notice = seloste::notice_io::read(&path).expect("the render fixture loads");
    t.time(
        "render",
        "document::build (shop.json, fi)",
        200,
        Some(Duration::from_millis(5)),
        || {
            std::hint::black_box(seloste::document::build(&notice, Lang::Fi));
        },
    );
    for lang in Lang::ALL {
        t.time(
            "render",
            format!("render::html (shop.json, {lang})"),
            200,
            Some(Duration::from_millis(50)),
            || {
                std::hint::black_box(seloste::render::html(&notice, lang).unwrap());
            },
        );
    }
    t.time(
        "render",
        "render::fragment (shop.json, fi)",
        200,
        Some(Duration::from_millis(50)),
        || {
            std::hint::black_box(seloste::render::fragment(&notice, Lang::Fi).unwrap());
        },
    );
    let size = seloste::render::html(&notice, Lang::Fi).unwrap().len() as u64;
    t.row(
        "render",
        "standalone HTML size (shop.json, fi)",
        fmt_bytes(size),
        "",
        "< 100 KiB",
        Some(size < 100 * 1024),
    );
}
