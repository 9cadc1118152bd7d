//! The catalogue: recognising services in imported text must be instant even for a long notice.

use crate::table::Table;
use std::time::Duration;

pub fn run(t: &mut Table) {
    if !t.wants("catalogue") {
        return;
    }
    // Every preset as JSON: about as much text as five long real notices.
    let text: String = seloste::catalogue::presets()
        .iter()
        .map(|p| seloste::notice_io::to_json(&p.notice))
        .collect();
    let kib = text.len() / 1024;
    let mut found = 0;
    t.time(
        "catalogue",
        format!("find_services over {kib} KiB of notice text"),
        30,
        Some(Duration::from_millis(20)),
        || found = seloste::catalogue::find_services(&text).len(),
    );
    t.row(
        "catalogue",
        "services recognised in that text",
        found.to_string(),
        "",
        "",
        None,
    );
    t.row(
        "catalogue",
        "services in the catalogue",
        seloste::catalogue::catalogue().services.len().to_string(),
        "",
        ">= 100",
        Some(seloste::catalogue::catalogue().services.len() >= 100),
    );
}
