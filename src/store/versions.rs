//! Published versions: immutable snapshots of a draft, with their date and change note.

use super::{
    DraftId, Store, Version, VersionId, VersionSummary, from_content, lossy, now, to_content, today,
};
use crate::diff::{self, Diff};
use crate::model::{ChangeEntry, Notice};
use crate::text::{Lang, Text};
use crate::{Error, Result};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

const SUMMARY: &str = "SELECT id, draft_id, number, published_at, date, change_note FROM versions";

fn summary(r: &rusqlite::Row) -> rusqlite::Result<(VersionSummary, String)> {
    let note = lossy(r, 5)?;
    Ok((
        VersionSummary {
            id: r.get(0)?,
            draft_id: r.get(1)?,
            number: r.get(2)?,
            published_at: lossy(r, 3)?,
            date: lossy(r, 4)?,
            change_note: Text::default(),
        },
        note,
    ))
}

fn note_from(json: &str) -> Text {
    serde_json::from_str(json).unwrap_or_else(|_| Text::fi(json))
}

/// A calendar date `YYYY-MM-DD` that exists, as stored.
fn check_date(date: &str) -> Result<String> {
    let d = date.trim();
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    match time::Date::parse(d, &fmt) {
        Ok(_) if d.len() == 10 => Ok(d.to_string()),
        _ => Err(Error::BadDate(crate::text::clip(date).into_owned())),
    }
}

/// A note as stored: each language trimmed.
fn clean_note(note: &Text) -> Result<Text> {
    let t = Text::new(note.fi.trim(), note.sv.trim(), note.en.trim());
    if t.is_empty() {
        Err(Error::EmptyNote)
    } else {
        Ok(t)
    }
}

impl Store {
    /// Publish the draft as it is now: date it (`meta.updated`, and `meta.drafted` if empty),
    /// append `note` to its change log, and keep that notice as a new immutable version. The
    /// draft holds the same dated notice afterwards. Written with `synchronous=FULL`, so the
    /// version is on disk when this returns.
    ///
    /// The date is today's in local time. The operating system's time zone cannot always be
    /// read from a multi-threaded program (then UTC is used, which is yesterday in Finland
    /// between midnight and 2–3 a.m.): the desktop app passes the date it shows the owner to
    /// `publish_dated` instead.
    pub fn publish(&self, id: DraftId, note: &Text) -> Result<Version> {
        self.publish_dated(id, note, &today())
    }

    /// `publish` with the notice's date given, `YYYY-MM-DD`.
    pub fn publish_dated(&self, id: DraftId, note: &Text, date: &str) -> Result<Version> {
        let note = clean_note(note)?;
        let date = check_date(date)?;
        let db = |e| self.db(e);
        self.conn
            .pragma_update(None, "synchronous", "FULL")
            .map_err(db)?;
        let result = self.publish_tx(id, note, date);
        let reset = self
            .conn
            .pragma_update(None, "synchronous", "NORMAL")
            .map_err(db);
        let version = result?;
        reset?;
        Ok(version)
    }

    fn publish_tx(&self, id: DraftId, note: Text, date: String) -> Result<Version> {
        let db = |e| self.db(e);
        let tx =
            Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate).map_err(db)?;
        let draft = self.get(id)?;
        if draft.deleted_at.is_some() {
            return Err(Error::DraftDeleted(id));
        }
        let mut notice = draft.notice;
        notice.meta.updated = date.clone();
        if notice.meta.drafted.trim().is_empty() {
            notice.meta.drafted = date.clone();
        }
        notice.changes.log.push(ChangeEntry {
            date: date.clone(),
            text: note.clone(),
        });
        let content = to_content(&notice);
        let number: i64 = tx
            .query_row(
                "SELECT coalesce(max(number), 0) + 1 FROM versions WHERE draft_id = ?1",
                [id],
                |r| r.get(0),
            )
            .map_err(db)?;
        let published_at = now();
        let note_json = serde_json::to_string(&note).expect("text serialises");
        // What this version was built with and says, for `Store::outdated` in a later Seloste.
        let snapshot =
            serde_json::to_string(&crate::current::snapshot(&notice)).expect("snapshot serialises");
        tx.execute(
            "INSERT INTO versions (draft_id, number, published_at, date, change_note, content, snapshot)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![id, number, published_at, date, note_json, content, snapshot],
        )
        .map_err(db)?;
        let vid = tx.last_insert_rowid();
        tx.execute(
            "UPDATE drafts SET content = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, content, published_at],
        )
        .map_err(db)?;
        tx.commit().map_err(db)?;
        Ok(Version {
            summary: VersionSummary {
                id: vid,
                draft_id: id,
                number,
                published_at,
                date,
                change_note: note,
            },
            notice,
        })
    }

    /// The draft's published versions, oldest first (also for a deleted draft).
    pub fn versions(&self, id: DraftId) -> Result<Vec<VersionSummary>> {
        let db = |e| self.db(e);
        if self.exists(id)?.is_none() {
            return Err(Error::NoDraft(id));
        }
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SUMMARY} WHERE draft_id = ?1 ORDER BY number"))
            .map_err(db)?;
        let rows = stmt.query_map([id], summary).map_err(db)?;
        rows.map(|r| {
            r.map(|(mut s, note)| {
                s.change_note = note_from(&note);
                s
            })
        })
        .collect::<rusqlite::Result<_>>()
        .map_err(db)
    }

    /// One published version with its notice.
    pub fn version(&self, id: VersionId) -> Result<Version> {
        let db = |e| self.db(e);
        let row = self
            .conn
            .prepare_cached("SELECT id, draft_id, number, published_at, date, change_note, content FROM versions WHERE id = ?1")
            .and_then(|mut s| {
                s.query_row([id], |r| Ok((summary(r)?, r.get_ref(6)?.as_bytes()?.to_vec()))).optional()
            })
            .map_err(db)?;
        let Some(((mut summary, note), content)) = row else {
            return Err(Error::NoVersion(id));
        };
        summary.change_note = note_from(&note);
        let notice = from_content(&content, format!("Published version {id}"), &self.path)?;
        Ok(Version { summary, notice })
    }

    /// What changed from version `a` to version `b`, section by section, in `lang`.
    pub fn diff(&self, a: VersionId, b: VersionId, lang: Lang) -> Result<Diff> {
        let (a, b) = (self.version(a)?, self.version(b)?);
        Ok(diff::notices(&a.notice, &b.notice, lang))
    }

    /// What the draft changed since its last published version (everything, if none).
    pub fn diff_unpublished(&self, id: DraftId, lang: Lang) -> Result<Diff> {
        let draft = self.get(id)?;
        let last = self.versions(id)?.pop();
        let base = match last {
            Some(v) => self.version(v.id)?.notice,
            None => Notice::default(),
        };
        Ok(diff::notices(&base, &draft.notice, lang))
    }
}
