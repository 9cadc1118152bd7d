//! Published notices that today's data would change: the store's side of `current`.

use super::{DraftId, Store, Version, VersionId, from_content, lossy};
use crate::current::{self, Review, Snapshot};
use crate::text::Lang;
use crate::{Error, Result};
use serde::Serialize;

/// A draft whose last published version would print or be judged differently today.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outdated {
    pub draft_id: DraftId,
    pub title: String,
    pub version_id: VersionId,
    pub number: i64,
    pub review: Review,
}

/// The last published version of each draft that is not deleted: draft id, title, version id,
/// number, snapshot (NULL before schema 2), content.
const LAST_VERSIONS: &str = "
    SELECT d.id, d.title, v.id, v.number, v.snapshot, v.content
    FROM drafts d JOIN versions v ON v.draft_id = d.id
    WHERE d.deleted_at IS NULL
      AND v.number = (SELECT max(number) FROM versions WHERE draft_id = d.id)
    ORDER BY d.updated_at DESC, d.id DESC";

type Row = (DraftId, String, VersionId, i64, Option<String>, Vec<u8>);

impl Store {
    fn last_versions(&self, only: Option<DraftId>) -> Result<Vec<Row>> {
        let db = |e| self.db(e);
        let mut stmt = self.conn.prepare_cached(LAST_VERSIONS).map_err(db)?;
        let rows = stmt
            .query_map([], |r| {
                let snapshot = match r.get_ref(4)? {
                    rusqlite::types::ValueRef::Null => None,
                    _ => Some(lossy(r, 4)?),
                };
                Ok((
                    r.get(0)?,
                    lossy(r, 1)?,
                    r.get(2)?,
                    r.get(3)?,
                    snapshot,
                    r.get_ref(5)?
                        .as_bytes()
                        .map(<[u8]>::to_vec)
                        .unwrap_or_default(),
                ))
            })
            .map_err(db)?;
        let mut out = Vec::new();
        for row in rows {
            let row: Row = row.map_err(db)?;
            if only.is_none_or(|id| id == row.0) {
                out.push(row);
            }
        }
        Ok(out)
    }

    fn review_row(&self, row: &Row, lang: Lang, force: bool) -> Result<Option<Outdated>> {
        let (draft_id, title, version_id, number, snapshot, content) = row;
        // An unreadable snapshot is treated like a missing one: reviewed without comparison.
        let snapshot: Option<Snapshot> = snapshot
            .as_deref()
            .and_then(|s| serde_json::from_str(s).ok());
        // Built with exactly today's data: nothing can have changed (no rendering needed).
        if !force
            && snapshot
                .as_ref()
                .is_some_and(|s| &s.data == current::data_versions())
        {
            return Ok(None);
        }
        let notice = from_content(
            content,
            format!("Published version {version_id}"),
            &self.path,
        )?;
        let review = current::review(&notice, snapshot.as_ref(), lang);
        Ok((force || review.needs_attention()).then(|| Outdated {
            draft_id: *draft_id,
            title: title.clone(),
            version_id: *version_id,
            number: *number,
            review,
        }))
    }

    /// The drafts whose last published version would print or be judged differently with
    /// the data of this Seloste (changed sentences, new findings, changed services), each
    /// with its review in `lang`. Versions built with today's data are skipped unread.
    pub fn outdated(&self, lang: Lang) -> Result<Vec<Outdated>> {
        let mut out = Vec::new();
        for row in self.last_versions(None)? {
            if let Some(o) = self.review_row(&row, lang, false)? {
                out.push(o);
            }
        }
        Ok(out)
    }

    /// The review of one draft's last published version, whether or not anything changed.
    pub fn review_published(&self, id: DraftId, lang: Lang) -> Result<Outdated> {
        let rows = self.last_versions(Some(id))?;
        let Some(row) = rows.first() else {
            return Err(match self.exists(id)? {
                None => Error::NoDraft(id),
                Some(_) => Error::NotPublished(id),
            });
        };
        Ok(self
            .review_row(row, lang, true)?
            .expect("a forced review is always returned"))
    }

    /// Republish a draft after a data change in one step: bring its catalogue services up to
    /// the catalogue's current country, role and safeguard, save the draft, and publish it with
    /// the prefilled change-log line (`current::change_note`).
    pub fn republish(&self, id: DraftId) -> Result<Version> {
        let review = self.review_published(id, Lang::Fi)?.review;
        let mut draft = self.get(id)?;
        if !current::apply_service_updates(&mut draft.notice).is_empty() {
            self.save(id, &draft.notice)?;
        }
        self.publish(id, &current::change_note(&review))
    }
}
