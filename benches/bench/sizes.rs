//! What a user downloads and installs: the release binaries and the .deb package.
//! `scripts/bench.sh` builds them first (`scripts/package.sh`); when they are missing the rows
//! say so instead of measuring something stale or absent.

use crate::table::{Table, fmt_bytes};
use std::path::{Path, PathBuf};

const AREA: &str = "size";

/// Cargo's target folder (honours CARGO_TARGET_DIR as cargo does).
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// The .deb that `scripts/package.sh` makes for this version.
pub fn deb_path() -> PathBuf {
    target_dir().join(format!(
        "release/bundle/deb/Seloste_{}_amd64.deb",
        env!("CARGO_PKG_VERSION")
    ))
}

/// A size row; `target` is an upper bound in bytes and how to print it.
fn size_row(t: &mut Table, what: &str, path: &Path, target: Option<(u64, &str)>) {
    let shown = target.map(|(_, s)| s.to_string()).unwrap_or_default();
    match std::fs::metadata(path) {
        Ok(m) => {
            let n = m.len();
            t.row(
                AREA,
                what,
                fmt_bytes(n),
                format!("{n} bytes"),
                shown,
                target.map(|(b, _)| n < b),
            );
        }
        Err(_) => t.row(
            AREA,
            what,
            "NOT BUILT",
            format!("{} is missing: run scripts/bench.sh", path.display()),
            shown,
            None,
        ),
    }
}

pub fn run(t: &mut Table) {
    if !t.wants(AREA) {
        return;
    }
    let release = target_dir().join("release");
    size_row(
        t,
        "desktop app binary (release, seloste-app)",
        &release.join("seloste-app"),
        None,
    );
    size_row(
        t,
        "command-line binary (release, seloste)",
        &release.join("seloste"),
        None,
    );
    // "12 MB" read strictly: 12 × 10⁶ bytes (11.44 MiB).
    size_row(
        t,
        ".deb package",
        &deb_path(),
        Some((12_000_000, "< 12 MB (12 000 000 bytes)")),
    );
}
