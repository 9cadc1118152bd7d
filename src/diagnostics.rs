//! What a user can send when something goes wrong: the program's version, the system, the
//! versions of the legal and service data, and the end of the log. The log holds ids, command
//! names and timings, never a notice's text (the desktop shell's commands are traced with
//! their arguments skipped), so the report is safe to paste into an e-mail.

use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// The log files' names: `seloste.YYYY-MM-DD.log`, one per day.
pub const LOG_PREFIX: &str = "seloste";
pub const LOG_SUFFIX: &str = "log";
/// How many daily log files are kept; older ones are removed as new ones start.
pub const KEEP_LOG_FILES: usize = 7;
/// How much of the newest log goes into a report.
const TAIL_BYTES: u64 = 24 * 1024;

/// The log folder for this user on this system (see [`crate::platform::log_dir`]).
pub fn log_dir() -> Option<PathBuf> {
    crate::platform::log_dir(
        crate::platform::Platform::current(),
        &crate::platform::Env::from_process(),
    )
}

/// The newest log file in `dir`, if any.
pub fn newest_log(dir: &Path) -> Option<PathBuf> {
    let mut logs: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.starts_with(LOG_PREFIX) && n.ends_with(&format!(".{LOG_SUFFIX}"))
            })
        })
        .collect();
    // Daily names sort by date.
    logs.sort();
    logs.pop()
}

/// The last `max` bytes of `path`, starting at a whole line.
fn tail(path: &Path, max: u64) -> std::io::Result<String> {
    let mut f = std::fs::File::open(path)?;
    let len = f.metadata()?.len();
    let start = len.saturating_sub(max);
    f.seek(SeekFrom::Start(start))?;
    let mut bytes = Vec::new();
    f.take(max).read_to_end(&mut bytes)?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    Ok(if start > 0 {
        text.split_once('\n').map_or(text.clone(), |(_, rest)| rest.to_string())
    } else {
        text
    })
}

/// The report, in English (it goes to whoever helps): version, system, data versions, the
/// log folder and the end of the newest log.
pub fn report(log_dir: Option<&Path>) -> String {
    let mut out = format!(
        "Seloste {}\nSystem: {} {}\nData:",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS,
        std::env::consts::ARCH
    );
    for (name, version) in crate::current::data_versions() {
        out.push_str(&format!(" {name} {version};"));
    }
    out.push('\n');
    match log_dir {
        None => out.push_str("Log: no log folder on this system\n"),
        Some(dir) => {
            out.push_str(&format!("Log folder: {}\n", dir.display()));
            match newest_log(dir) {
                None => out.push_str("Log: empty\n"),
                Some(file) => match tail(&file, TAIL_BYTES) {
                    Ok(t) => {
                        out.push_str(&format!("--- end of {} ---\n", file.display()));
                        out.push_str(&t);
                    }
                    Err(e) => out.push_str(&format!("Log: could not be read ({e})\n")),
                },
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_names_the_version_the_data_and_the_end_of_the_newest_log() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("seloste.2026-11-30.log"), "old day\n").unwrap();
        let mut long = String::new();
        for i in 0..5000 {
            long.push_str(&format!("INFO edit_draft{{id={i}}}: close time.busy=3ms\n"));
        }
        std::fs::write(dir.path().join("seloste.2026-12-01.log"), &long).unwrap();
        std::fs::write(dir.path().join("notes.txt"), "not a log").unwrap();
        let r = report(Some(dir.path()));
        assert!(r.starts_with(&format!("Seloste {}", env!("CARGO_PKG_VERSION"))), "{r}");
        assert!(r.contains("presets "), "{r}");
        assert!(r.contains("id=4999"), "the newest lines are there");
        assert!(!r.contains("old day") && !r.contains("not a log"));
        assert!(r.len() < 26 * 1024, "only the end of the log: {} bytes", r.len());
        // Starts at a whole line.
        let log = r.split_once("---\n").unwrap().1;
        assert!(log.starts_with("INFO "), "{}", &log[..40]);
    }

    #[test]
    fn no_log_yet_is_said_plainly() {
        let dir = tempfile::tempdir().unwrap();
        assert!(report(Some(dir.path())).contains("Log: empty"));
        assert!(report(None).contains("no log folder"));
        assert!(report(Some(&dir.path().join("missing"))).contains("Log: empty"));
    }
}
