//! Drafts: the notices being written. `save` is the autosave path: one UPDATE, one short
//! transaction. Deleting is soft (`deleted_at`); `open` purges drafts deleted long ago.

use super::{Draft, DraftId, DraftSummary, Store, from_content, lossy, now, stamp, to_content};
use crate::model::Notice;
use crate::{Error, Result};
use rusqlite::{OptionalExtension, params};

const SUMMARY: &str = "SELECT d.id, d.title, d.created_at, d.updated_at, d.deleted_at,
        (SELECT count(*) FROM versions v WHERE v.draft_id = d.id),
        (SELECT v.published_at FROM versions v WHERE v.draft_id = d.id ORDER BY v.number DESC LIMIT 1)
    FROM drafts d";

fn summary(r: &rusqlite::Row) -> rusqlite::Result<DraftSummary> {
    Ok(DraftSummary {
        id: r.get(0)?,
        title: lossy(r, 1)?,
        created_at: lossy(r, 2)?,
        updated_at: lossy(r, 3)?,
        deleted_at: r
            .get_ref(4)?
            .as_bytes_or_null()?
            .map(|b| String::from_utf8_lossy(b).into_owned()),
        versions: r.get(5)?,
        last_published: r.get(6)?,
    })
}

/// A title as stored: trimmed, one line, not empty.
fn clean_title(title: &str) -> Result<String> {
    let t = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.is_empty() {
        Err(Error::EmptyTitle)
    } else {
        Ok(t)
    }
}

impl Store {
    /// The drafts not deleted, most recently edited first.
    pub fn list(&self) -> Result<Vec<DraftSummary>> {
        self.summaries(&format!(
            "{SUMMARY} WHERE d.deleted_at IS NULL ORDER BY d.updated_at DESC, d.id DESC"
        ))
    }

    /// The deleted drafts that can still be restored, most recently deleted first.
    pub fn list_deleted(&self) -> Result<Vec<DraftSummary>> {
        self.summaries(&format!(
            "{SUMMARY} WHERE d.deleted_at IS NOT NULL ORDER BY d.deleted_at DESC, d.id DESC"
        ))
    }

    fn summaries(&self, sql: &str) -> Result<Vec<DraftSummary>> {
        let db = |e| self.db(e);
        let mut stmt = self.conn.prepare_cached(sql).map_err(db)?;
        let rows = stmt.query_map([], summary).map_err(db)?;
        rows.collect::<rusqlite::Result<_>>().map_err(db)
    }

    /// A new draft holding `notice`.
    pub fn create(&self, title: &str, notice: &Notice) -> Result<DraftId> {
        let title = clean_title(title)?;
        let t = now();
        self.conn
            .prepare_cached(
                "INSERT INTO drafts (title, created_at, updated_at, content) VALUES (?1, ?2, ?2, ?3)",
            )
            .and_then(|mut s| s.execute(params![title, t, to_content(notice)]))
            .map_err(|e| self.db(e))?;
        Ok(self.conn.last_insert_rowid())
    }

    /// A draft with its content, deleted or not.
    pub fn get(&self, id: DraftId) -> Result<Draft> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT id, title, created_at, updated_at, deleted_at, content FROM drafts WHERE id = ?1",
            )
            .and_then(|mut s| {
                s.query_row([id], |r| {
                    Ok((
                        r.get::<_, DraftId>(0)?,
                        lossy(r, 1)?,
                        lossy(r, 2)?,
                        lossy(r, 3)?,
                        r.get_ref(4)?.as_bytes_or_null()?.map(|b| String::from_utf8_lossy(b).into_owned()),
                        r.get_ref(5)?.as_bytes()?.to_vec(),
                    ))
                })
                .optional()
            })
            .map_err(|e| self.db(e))?;
        let Some((id, title, created_at, updated_at, deleted_at, content)) = row else {
            return Err(Error::NoDraft(id));
        };
        let notice = from_content(&content, format!("Draft {id}"), &self.path)?;
        Ok(Draft {
            id,
            title,
            created_at,
            updated_at,
            deleted_at,
            notice,
        })
    }

    /// Store the draft's new content: the autosave path, one short transaction.
    pub fn save(&self, id: DraftId, notice: &Notice) -> Result<()> {
        let n = self
            .conn
            .prepare_cached(
                "UPDATE drafts SET content = ?2, updated_at = ?3 WHERE id = ?1 AND deleted_at IS NULL",
            )
            .and_then(|mut s| s.execute(params![id, to_content(notice), now()]))
            .map_err(|e| self.db(e))?;
        if n == 0 {
            Err(self.missing(id))
        } else {
            Ok(())
        }
    }

    pub fn rename(&self, id: DraftId, title: &str) -> Result<()> {
        let title = clean_title(title)?;
        let n = self
            .conn
            .execute(
                "UPDATE drafts SET title = ?2, updated_at = ?3 WHERE id = ?1 AND deleted_at IS NULL",
                params![id, title, now()],
            )
            .map_err(|e| self.db(e))?;
        if n == 0 {
            Err(self.missing(id))
        } else {
            Ok(())
        }
    }

    /// A new draft with a copy of `id`'s content, e.g. the marketing register made from the
    /// customer register. The copy is a new notice: its change log and dates start empty, and
    /// it has no published versions.
    pub fn duplicate(&self, id: DraftId, title: &str) -> Result<DraftId> {
        let title = clean_title(title)?;
        let draft = self.get(id)?;
        if draft.deleted_at.is_some() {
            return Err(Error::DraftDeleted(id));
        }
        let mut notice = draft.notice;
        notice.changes.log.clear();
        notice.meta = Default::default();
        self.create(&title, &notice)
    }

    /// Move a draft to the deleted list; `restore` brings it back for `KEEP_DELETED_DAYS` days.
    pub fn delete(&self, id: DraftId) -> Result<()> {
        let n = self
            .conn
            .execute(
                "UPDATE drafts SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                params![id, now()],
            )
            .map_err(|e| self.db(e))?;
        if n == 0 {
            Err(self.missing(id))
        } else {
            Ok(())
        }
    }

    pub fn restore(&self, id: DraftId) -> Result<()> {
        let n = self
            .conn
            .execute(
                "UPDATE drafts SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
                [id],
            )
            .map_err(|e| self.db(e))?;
        if n > 0 {
            return Ok(());
        }
        match self.exists(id)? {
            Some(_) => Err(Error::NotDeleted(id)),
            None => Err(Error::NoDraft(id)),
        }
    }

    /// Remove for good the drafts (and their versions) deleted more than `days` days ago.
    /// Returns how many.
    pub fn purge_deleted(&self, days: i64) -> Result<usize> {
        let before = stamp(time::OffsetDateTime::now_utc() - time::Duration::days(days));
        self.conn
            .execute(
                "DELETE FROM drafts WHERE deleted_at IS NOT NULL AND deleted_at < ?1",
                [before],
            )
            .map_err(|e| self.db(e))
    }

    /// `Some(deleted)` if the draft exists.
    pub(crate) fn exists(&self, id: DraftId) -> Result<Option<bool>> {
        self.conn
            .query_row(
                "SELECT deleted_at IS NOT NULL FROM drafts WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.db(e))
    }

    /// The error for a change to a draft that matched no row.
    fn missing(&self, id: DraftId) -> Error {
        match self.exists(id) {
            Ok(Some(true)) => Error::DraftDeleted(id),
            Ok(_) => Error::NoDraft(id),
            Err(e) => e,
        }
    }
}
