//! Rolling backups: `VACUUM INTO` a file in `backups/` beside the database, named
//! `<stem>-<UTC time>.db`, keeping the newest `BACKUPS_KEPT`. `open` takes one when the newest
//! is older than `BACKUP_INTERVAL`; the app calls `backup_if_due` on a timer for long sessions.
//! A backup is written to a temporary name and renamed when complete, so a crash never leaves
//! a half backup under a backup's name.

use super::open::quick_check;
use super::{Store, migrate, now, stamp};
use crate::{Error, Result};
use rusqlite::Connection;
use serde::Serialize;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How many backups are kept.
pub const BACKUPS_KEPT: usize = 10;
/// The newest backup may be this old before another is taken.
pub const BACKUP_INTERVAL: Duration = Duration::from_secs(60 * 60);

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Backup {
    pub path: PathBuf,
    /// When it was taken, in the store's time format (UTC).
    pub taken_at: String,
}

impl Backup {
    /// When it was taken, in local time, `23.11.2026 22:15` (UTC and marked so if the local
    /// offset is unknown).
    pub fn local_time(&self) -> String {
        local_time(&self.taken_at)
    }
}

/// A stored UTC time as `23.11.2026 22:15` in local time.
pub fn local_time(stamp: &str) -> String {
    let fmt = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
    );
    let Ok(t) = time::PrimitiveDateTime::parse(stamp, &fmt) else {
        return stamp.to_string();
    };
    let utc = t.assume_utc();
    let (t, mark) = match time::UtcOffset::current_local_offset() {
        Ok(off) => (utc.to_offset(off), ""),
        Err(_) => (utc, " UTC"),
    };
    format!(
        "{}.{}.{} {:02}:{:02}{mark}",
        t.day(),
        t.month() as u8,
        t.year(),
        t.hour(),
        t.minute()
    )
}

/// The folder that holds the backups of the database at `db`.
pub fn backup_dir(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new("")).join("backups")
}

fn prefix(db: &Path) -> String {
    format!(
        "{}-",
        db.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    )
}

/// `2026-11-23T22:15:19.123Z` → `20261123T221519123Z` and back.
fn to_file_time(stamp: &str) -> String {
    stamp
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}

fn from_file_time(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let ok = b.len() == 19
        && b[8] == b'T'
        && b[18] == b'Z'
        && b[..8].iter().chain(&b[9..18]).all(u8::is_ascii_digit);
    ok.then(|| {
        format!(
            "{}-{}-{}T{}:{}:{}.{}Z",
            &s[0..4],
            &s[4..6],
            &s[6..8],
            &s[9..11],
            &s[11..13],
            &s[13..15],
            &s[15..18]
        )
    })
}

/// The backups of the database at `db`, newest first.
pub fn list(db: &Path) -> Result<Vec<Backup>> {
    let dir = backup_dir(db);
    let prefix = prefix(db);
    let entries = match fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(Error::Read { path: dir, source }),
    };
    let mut v: Vec<Backup> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let t = name.strip_prefix(&prefix)?.strip_suffix(".db")?;
            Some(Backup {
                path: e.path(),
                taken_at: from_file_time(t)?,
            })
        })
        .collect();
    v.sort_by(|a, b| b.taken_at.cmp(&a.taken_at));
    Ok(v)
}

/// Put the newest backup that passes a check in place of the (moved-away) database at `db`.
pub(crate) fn restore_latest(db: &Path) -> Result<Option<Backup>> {
    for b in list(db)? {
        if !is_good(&b.path) {
            continue;
        }
        let tmp = restoring_path(db);
        let write = |source| Error::Write {
            path: tmp.clone(),
            source,
        };
        fs::copy(&b.path, &tmp).map_err(write)?;
        fs::File::open(&tmp)
            .and_then(|f| f.sync_all())
            .map_err(write)?;
        fs::rename(&tmp, db).map_err(|source| Error::Write {
            path: db.to_path_buf(),
            source,
        })?;
        return Ok(Some(b));
    }
    Ok(None)
}

/// Does this backup open, pass `quick_check` and belong to Seloste?
fn is_good(path: &Path) -> bool {
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY;
    let Ok(conn) = Connection::open_with_flags(path, flags) else {
        return false;
    };
    matches!(quick_check(&conn), Ok(p) if p.is_empty())
        && matches!(migrate::impossible(&conn), Ok(None))
        && migrate::check(&conn, path).is_ok()
}

/// How old a temporary file must be before opening removes it: a backup or a restore in
/// progress (by another copy of Seloste on the same database) keeps touching its file.
pub(crate) const STALE_TEMP: Duration = Duration::from_secs(10 * 60);

/// Remove what interrupted backups and restores left behind: `backups/*.db.tmp` and the
/// `.<name>.restoring` copy beside the database, when older than `STALE_TEMP`. A backup killed
/// mid-way used to leave a full-size temporary file forever. Errors are ignored: this only
/// tidies up.
pub(crate) fn sweep_stale(db: &Path) {
    let stale = |p: &Path| {
        fs::metadata(p)
            .and_then(|m| m.modified())
            .is_ok_and(|t| t.elapsed().is_ok_and(|d| d > STALE_TEMP))
    };
    if let Ok(entries) = fs::read_dir(backup_dir(db)) {
        for e in entries.filter_map(|e| e.ok()) {
            if e.file_name().to_string_lossy().ends_with(".db.tmp") && stale(&e.path()) {
                let _ = fs::remove_file(e.path());
            }
        }
    }
    let restoring = restoring_path(db);
    if stale(&restoring) {
        let _ = fs::remove_file(restoring);
    }
}

fn restoring_path(db: &Path) -> PathBuf {
    db.with_file_name(format!(
        ".{}.restoring",
        db.file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    ))
}

impl Store {
    /// Take a backup now and drop the oldest beyond `BACKUPS_KEPT`.
    pub fn backup_now(&self) -> Result<Backup> {
        let dir = backup_dir(&self.path);
        fs::create_dir_all(&dir).map_err(|source| Error::Write {
            path: dir.clone(),
            source,
        })?;
        let mut taken_at = now();
        let mut path = dir.join(format!(
            "{}{}.db",
            prefix(&self.path),
            to_file_time(&taken_at)
        ));
        while path.exists() {
            // Two backups within a millisecond: step to the next one.
            std::thread::sleep(Duration::from_millis(1));
            taken_at = now();
            path = dir.join(format!(
                "{}{}.db",
                prefix(&self.path),
                to_file_time(&taken_at)
            ));
        }
        let tmp = path.with_extension("db.tmp");
        let _ = fs::remove_file(&tmp);
        let Some(tmp_str) = tmp.to_str() else {
            return Err(Error::Write {
                path: tmp.clone(),
                source: std::io::Error::other("the path is not valid Unicode"),
            });
        };
        self.conn
            .execute("VACUUM INTO ?1", [tmp_str])
            .map_err(|e| self.db(e))?;
        let write = |source| Error::Write {
            path: tmp.clone(),
            source,
        };
        fs::File::open(&tmp)
            .and_then(|f| f.sync_all())
            .map_err(write)?;
        fs::rename(&tmp, &path).map_err(|source| Error::Write {
            path: path.clone(),
            source,
        })?;
        self.prune_backups()?;
        Ok(Backup { path, taken_at })
    }

    /// Replace the whole database with the backup at `backup` (e.g. one from `backups()`),
    /// after taking a backup of the current state, which is returned: nothing is lost.
    pub fn restore_backup(&mut self, backup: &Path) -> Result<Backup> {
        if !is_good(backup) {
            return Err(Error::BadBackup {
                path: backup.to_path_buf(),
            });
        }
        let safety = self.backup_now()?;
        self.conn
            .restore(
                rusqlite::MAIN_DB,
                backup,
                None::<fn(rusqlite::backup::Progress)>,
            )
            .map_err(|e| super::db_error(&self.path, e))?;
        migrate::migrate(&mut self.conn, &self.path)?;
        Ok(safety)
    }

    /// The backups of this database, newest first.
    pub fn backups(&self) -> Result<Vec<Backup>> {
        list(&self.path)
    }

    /// Take a backup if the newest is older than `BACKUP_INTERVAL` (or there is none).
    pub fn backup_if_due(&self) -> Result<Option<Backup>> {
        let due = stamp(time::OffsetDateTime::now_utc() - BACKUP_INTERVAL);
        match self.backups()?.first() {
            Some(b) if b.taken_at > due => Ok(None),
            _ => self.backup_now().map(Some),
        }
    }

    fn prune_backups(&self) -> Result<()> {
        for old in self.backups()?.into_iter().skip(BACKUPS_KEPT) {
            match fs::remove_file(&old.path) {
                // Another copy of Seloste on the same database may have pruned it first.
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(Error::Write {
                        path: old.path,
                        source: e,
                    });
                }
                _ => {}
            }
        }
        // Left-overs of backups interrupted by a crash.
        sweep_stale(&self.path);
        Ok(())
    }
}
