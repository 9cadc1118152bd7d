//! The window's front door: every edit the desktop app makes goes through one function here,
//! which answers everything the window then shows in one round trip.
//!
//! * [`edit`] — the autosave path of every keystroke: saves the draft, then returns its
//!   [`Assessment`] (each step complete or not, the step of every problem and finding, whether
//!   exporting needs the owner's yes) and the live preview in the language being written.
//! * [`tick`] — a catalogue checkbox: the changed notice and its assessment, so the step
//!   updates in place (the window then autosaves it through [`edit`]).
//! * [`review`] — the same answer without saving: a draft just opened, an import under review
//!   (not in the store yet), or the interface language changed.
//!
//! The shell (`src-tauri/src/commands.rs`) calls these in one line each, off the GTK main
//! thread; the page (`ui/app.js`) draws what they return and decides nothing itself. Errors are
//! [`crate::Error`]s, which the shell turns into sentences with `message(lang)`.

use crate::store::{Draft, DraftId, Store};
use crate::wizard::{self, Assessment};
use crate::{Lang, Notice, Result};
use serde::Serialize;
use serde_json::Value;

/// The live preview: the sanitised HTML fragment (see [`crate::preview`]) in `lang`, or the
/// sentence saying why it cannot be shown (a draft that does not render never blocks a save).
#[derive(Debug, Serialize)]
pub struct Preview {
    pub lang: Lang,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// What the window shows after a change: where the draft stands, and how it reads.
#[derive(Serialize)]
pub struct Edited {
    pub assessment: Assessment,
    pub preview: Preview,
    /// The notice as the core settled it, when that differs from what the page sent: a new
    /// register got its id, or items lost their reference to a register that was removed
    /// ([`Notice::settle_activities`]). The page takes it unless it has changed since.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<Notice>,
}

/// A catalogue tick's answer: the notice with the clause added or removed, and where it stands.
#[derive(Serialize)]
pub struct Ticked {
    pub notice: Notice,
    pub assessment: Assessment,
}

/// A draft opened from the list, with what the window shows for it.
#[derive(Serialize)]
pub struct Opened {
    pub draft: Draft,
    #[serde(flatten)]
    pub edited: Edited,
}

/// The notice the page sent, read strictly like a notice file (unknown fields, duplicate
/// keys and wrong types are refused with the field's path).
pub fn notice(value: Value) -> Result<Notice> {
    crate::notice_io::from_json(&value.to_string(), "The notice")
}

/// [`notice`], settled the way every edit in the app settles it, and whether that changed it.
fn settled(value: Value) -> Result<(Notice, bool)> {
    let mut n = notice(value)?;
    let changed = n.settle_activities();
    Ok((n, changed))
}

/// The live preview of `notice` in `lang`; an error is described in the interface language `ui`.
pub fn preview(notice: &Notice, lang: Lang, ui: Lang) -> Preview {
    match crate::preview::html(notice, lang) {
        Ok(html) => Preview {
            lang,
            html: Some(html),
            error: None,
        },
        Err(e) => Preview {
            lang,
            html: None,
            error: Some(e.message(ui)),
        },
    }
}

fn assessment(
    store: Option<&Store>,
    id: Option<DraftId>,
    notice: &Notice,
    ui: Lang,
) -> Result<Assessment> {
    match (store, id) {
        // A stored draft: its last website scan takes part in the check.
        (Some(store), Some(id)) => store.assess(id, notice, ui),
        _ => Ok(wizard::assess(notice, ui)),
    }
}

/// Save the draft `id` and answer with its assessment (messages in `ui`) and its preview in
/// `writing`, the notice language being written.
pub fn edit(
    store: &Store,
    id: DraftId,
    notice_json: Value,
    ui: Lang,
    writing: Lang,
) -> Result<Edited> {
    let (notice, changed) = settled(notice_json)?;
    store.save(id, &notice)?;
    Ok(Edited {
        assessment: store.assess(id, &notice, ui)?,
        preview: preview(&notice, writing, ui),
        notice: changed.then_some(notice),
    })
}

/// [`edit`] without saving: for a draft just opened, an import not yet saved (`id` none, and
/// no store needed), or after the interface language changed.
pub fn review(
    store: Option<&Store>,
    id: Option<DraftId>,
    notice_json: Value,
    ui: Lang,
    writing: Lang,
) -> Result<Edited> {
    let (notice, changed) = settled(notice_json)?;
    Ok(Edited {
        assessment: assessment(store, id, &notice, ui)?,
        preview: preview(&notice, writing, ui),
        notice: changed.then_some(notice),
    })
}

/// Tick (`on`) or untick the catalogue clause `key` of the list `source`.
pub fn tick(
    store: Option<&Store>,
    id: Option<DraftId>,
    notice_json: Value,
    source: &str,
    key: &str,
    on: bool,
    ui: Lang,
) -> Result<Ticked> {
    let notice = wizard::toggle_pick(&settled(notice_json)?.0, source, key, on)?;
    Ok(Ticked {
        assessment: assessment(store, id, &notice, ui)?,
        notice,
    })
}

/// Accept a suggestion of the import under review (or of draft `id`): the notice with it
/// applied, and its assessment.
pub fn accept_suggestion(
    store: Option<&Store>,
    id: Option<DraftId>,
    notice_json: Value,
    suggestion: &crate::import::report::Suggestion,
    ui: Lang,
) -> Result<Ticked> {
    let notice = crate::import::review::accept(notice_json, suggestion)?;
    Ok(Ticked {
        assessment: assessment(store, id, &notice, ui)?,
        notice,
    })
}

/// Open the draft `id` with its assessment and its preview in `writing`, or, when none is
/// asked for, in the notice's main language (the language the owner writes it in, saved with
/// the notice), so a Swedish owner's draft opens in Swedish after a restart.
pub fn open(store: &Store, id: DraftId, ui: Lang, writing: Option<Lang>) -> Result<Opened> {
    let draft = store.get(id)?;
    let writing = writing.unwrap_or_else(|| draft.notice.meta.main_lang());
    let edited = Edited {
        assessment: store.assess(id, &draft.notice, ui)?,
        preview: preview(&draft.notice, writing, ui),
        // The draft itself goes with the answer; the first edit settles it.
        notice: None,
    };
    Ok(Opened { draft, edited })
}
