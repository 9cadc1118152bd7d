//! The commands the wizard may call (each declared in build.rs and granted in
//! capabilities/main.json). Each is a few lines over the core; the shell adds only what needs
//! the desktop: the save dialog, the clipboard, opening a file, and the window's state.
//!
//! Every command that reads or writes the store, imports, renders, checks or exports is
//! `async` (or `#[tauri::command(async)]`): it runs on the async runtime's threads, never on
//! the GTK main thread, so the window keeps answering while it works. Only instant lookups of
//! embedded data (`ui_strings`, `wizard`, `presets`, `catalogue_options`) and setting the UI
//! language run on the main thread.

use crate::error::{AppError, AppResult};
use seloste::store::{DraftId, DraftSummary, Store, VersionSummary};
use seloste::import::report::Suggestion;
use seloste::import::review::{self, Review};
use seloste::session;
use seloste::wizard::{self, UiStrings, Wizard};
use seloste::{Lang, Notice, Text};
use serde::Serialize;
use serde_json::Value;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};
use tauri::{AppHandle, State};
use tauri_plugin_clipboard_manager::ClipboardExt;
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

/// Replaces the native save dialog in end-to-end tests (WebDriver cannot drive GTK dialogs):
/// when set, exports are written into this folder under their suggested names. A test seam:
/// it exists only in debug builds (the e2e tests run the debug binary); the shipped release
/// binary has no such variable (scripts/test-deb.sh checks the installed binary for it).
#[cfg(debug_assertions)]
pub const EXPORT_DIR_ENV: &str = "SELOSTE_EXPORT_DIR";

/// The test seam's folder, if set (debug builds only; always `None` in a release build).
fn test_export_dir() -> Option<PathBuf> {
    #[cfg(debug_assertions)]
    {
        std::env::var_os(EXPORT_DIR_ENV).map(PathBuf::from)
    }
    #[cfg(not(debug_assertions))]
    {
        None
    }
}

pub struct AppState {
    pub store: Mutex<Option<Store>>,
    /// What opening the database said: a recovery sentence, warnings, or why it failed.
    pub opened: Mutex<Option<Opening>>,
    pub lang: Mutex<Lang>,
    /// Files this session exported: the only ones `open_file` may open.
    pub exported: Mutex<Vec<PathBuf>>,
}

pub enum Opening {
    Recovered(seloste::store::Recovery, Vec<String>),
    Warnings(Vec<String>),
    /// The store's error code and its sentence.
    Failed(&'static str, String),
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl AppState {
    fn lang(&self) -> Lang {
        *lock(&self.lang)
    }

    /// Run `f` on the open store, turning core errors into sentences in the UI language.
    fn with<T>(&self, f: impl FnOnce(&Store) -> seloste::Result<T>) -> AppResult<T> {
        let lang = self.lang();
        let guard = lock(&self.store);
        let store = guard
            .as_ref()
            .ok_or_else(|| AppError::new("store", lang, "the database is not open"))?;
        f(store).map_err(|e| AppError::core(e, lang))
    }

    /// Like `with`, for work that needs the store only when there is one (an import under
    /// review is checked even if the database could not be opened).
    fn with_store<T>(&self, f: impl FnOnce(Option<&Store>) -> seloste::Result<T>) -> AppResult<T> {
        let lang = self.lang();
        let guard = lock(&self.store);
        f(guard.as_ref()).map_err(|e| AppError::core(e, lang))
    }

    fn core<T>(&self, r: seloste::Result<T>) -> AppResult<T> {
        r.map_err(|e| AppError::core(e, self.lang()))
    }
}

fn notice_from(v: Value) -> seloste::Result<Notice> {
    session::notice(v)
}

#[derive(Serialize)]
pub struct Startup {
    /// A sentence saying what was done to a damaged database, in the UI language.
    recovery: Option<String>,
    warnings: Vec<String>,
    /// The database could not be opened at all.
    error: Option<AppError>,
}

#[tauri::command]
#[tracing::instrument(skip_all)]
pub fn startup(state: State<'_, AppState>, lang: Lang) -> Startup {
    *lock(&state.lang) = lang;
    let mut started = opening(&state, lang);
    // A database on read-only media opens read-only: the start screen says so in the UI language.
    if let Some(store) = lock(&state.store).as_ref().filter(|s| s.is_read_only()) {
        started.warnings.retain(|w| !w.contains("read-only"));
        started.warnings.push(store.read_only_message(lang));
    }
    started
}

fn opening(state: &AppState, lang: Lang) -> Startup {
    match lock(&state.opened).as_ref() {
        Some(Opening::Recovered(r, w)) => Startup {
            recovery: Some(r.message(lang)),
            warnings: w.clone(),
            error: None,
        },
        Some(Opening::Warnings(w)) => Startup {
            recovery: None,
            warnings: w.clone(),
            error: None,
        },
        Some(Opening::Failed(code, detail)) => Startup {
            recovery: None,
            warnings: vec![],
            error: Some(AppError::new(code, lang, detail)),
        },
        None => Startup {
            recovery: None,
            warnings: vec![],
            error: None,
        },
    }
}

#[tauri::command]
#[tracing::instrument(skip_all)]
pub fn set_ui_lang(state: State<'_, AppState>, lang: Lang) {
    *lock(&state.lang) = lang;
}

#[tauri::command]
#[tracing::instrument(skip_all)]
pub fn ui_strings() -> &'static UiStrings {
    wizard::ui_strings()
}

#[derive(Serialize)]
pub struct WizardData {
    wizard: &'static Wizard,
    options: std::collections::BTreeMap<&'static str, Vec<wizard::CountryChoice>>,
}

#[tauri::command]
#[tracing::instrument(skip_all)]
pub fn wizard() -> WizardData {
    WizardData {
        wizard: wizard::wizard(),
        options: wizard::option_lists(),
    }
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn list_drafts(state: State<'_, AppState>) -> AppResult<Vec<DraftSummary>> {
    state.with(|s| s.list())
}

/// A draft from the list, with its assessment and its preview in `lang` (by default the
/// notice's main language).
#[tauri::command(async)]
#[tracing::instrument(skip_all, fields(id = ?id))]
pub fn open_draft(state: State<'_, AppState>, id: DraftId, lang: Option<Lang>) -> AppResult<session::Opened> {
    state.with(|s| session::open(s, id, state.lang(), lang))
}

/// The autosave path, called on every change so closing the window never loses text: saves,
/// then answers with the assessment and the preview in `lang` (one round trip).
#[tauri::command(async)]
#[tracing::instrument(skip_all, fields(id = ?id))]
pub fn edit_draft(state: State<'_, AppState>, id: DraftId, notice: Value, lang: Lang) -> AppResult<session::Edited> {
    state.with(|s| session::edit(s, id, notice, state.lang(), lang))
}

/// The same answer without saving: an import under review (`id` none), or after the
/// interface or preview language changed.
#[tauri::command(async)]
#[tracing::instrument(skip_all, fields(id = ?id))]
pub fn review_draft(state: State<'_, AppState>, id: Option<DraftId>, notice: Value, lang: Lang) -> AppResult<session::Edited> {
    state.with_store(|s| session::review(s, id, notice, state.lang(), lang))
}

#[tauri::command(async)]
#[tracing::instrument(skip_all, fields(id = ?id))]
pub fn rename_draft(state: State<'_, AppState>, id: DraftId, title: String) -> AppResult<()> {
    state.with(|s| s.rename(id, &title))
}

#[tauri::command(async)]
#[tracing::instrument(skip_all, fields(id = ?id))]
pub fn duplicate_draft(
    state: State<'_, AppState>,
    id: DraftId,
    title: String,
) -> AppResult<DraftId> {
    state.with(|s| s.duplicate(id, &title))
}

#[tauri::command(async)]
#[tracing::instrument(skip_all, fields(id = ?id))]
pub fn delete_draft(state: State<'_, AppState>, id: DraftId) -> AppResult<()> {
    state.with(|s| s.delete(id))
}

#[tauri::command]
#[tracing::instrument(skip_all)]
pub fn catalogue_options(source: String) -> Vec<wizard::PickOption> {
    wizard::pick_options(&source)
}

/// Tick or untick a catalogue clause: the changed notice and its assessment (the page then
/// autosaves it through `edit_draft`).
#[tauri::command(async)]
#[tracing::instrument(skip_all, fields(id = ?id))]
pub fn tick_pick(state: State<'_, AppState>, id: Option<DraftId>, notice: Value, source: String, key: String, on: bool) -> AppResult<session::Ticked> {
    state.with_store(|s| session::tick(s, id, notice, &source, &key, on, state.lang()))
}

/// Accept a suggestion of the import under review: the changed notice and its assessment.
#[tauri::command(async)]
#[tracing::instrument(skip_all, fields(id = ?id))]
pub fn accept_suggestion(state: State<'_, AppState>, id: Option<DraftId>, notice: Value, suggestion: Suggestion) -> AppResult<session::Ticked> {
    state.with_store(|s| session::accept_suggestion(s, id, notice, &suggestion, state.lang()))
}

/// Open a link the user clicked in the preview in the system's browser or mail program:
/// only http, https and mailto (`contain::external_link`); the app window never navigates.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn open_link(app: AppHandle, state: State<'_, AppState>, url: String) -> AppResult<()> {
    let url = crate::contain::external_link(&url)
        .ok_or_else(|| AppError::new("open", state.lang(), "not an http, https or mailto link"))?;
    app.opener()
        .open_url(url, None::<&str>)
        .map_err(|e| AppError::new("open", state.lang(), e))
}

#[tauri::command(async)]
#[tracing::instrument(skip_all, fields(id = ?id))]
pub fn publish(state: State<'_, AppState>, id: DraftId, note: Text) -> AppResult<VersionSummary> {
    state.with(|s| s.publish(id, &note)).map(|v| v.summary)
}

#[derive(Serialize)]
pub struct Exported {
    /// `None`: the user cancelled the save dialog.
    path: Option<String>,
}

/// Ask where to save (or use the test seam), then write the bytes there; nothing else is written.
async fn save_as(
    app: &AppHandle,
    state: &AppState,
    name: &str,
    ext: &str,
    bytes: Vec<u8>,
) -> AppResult<Exported> {
    let lang = state.lang();
    let path = match test_export_dir() {
        Some(dir) => Some(dir.join(name)),
        None => app
            .dialog()
            .file()
            .set_file_name(name)
            .add_filter(ext.to_uppercase(), &[ext])
            .blocking_save_file()
            .and_then(|p| p.into_path().ok()),
    };
    let Some(path) = path else {
        return Ok(Exported { path: None });
    };
    seloste::files::write_atomic(&path, &bytes).map_err(|e| AppError::core(e, lang))?;
    lock(&state.exported).push(path.clone());
    Ok(Exported {
        path: Some(path.display().to_string()),
    })
}

fn file_name(lang: Lang, ext: &str) -> String {
    seloste::platform::portable_file_name(wizard::ui("export.filename", lang), ext)
}

#[tauri::command]
#[tracing::instrument(skip_all)]
pub async fn export_html(
    app: AppHandle,
    state: State<'_, AppState>,
    notice: Value,
    lang: Lang,
) -> AppResult<Exported> {
    let html = state.core(notice_from(notice).and_then(|n| seloste::render::html(&n, lang)))?;
    save_as(
        &app,
        &state,
        &file_name(lang, "html"),
        "html",
        html.into_bytes(),
    )
    .await
}

/// The drafts whose last published version this Seloste's newer data would change, each with
/// the changed sentences, new findings and changed services (`Store::outdated`).
#[tauri::command]
#[tracing::instrument(skip_all)]
pub fn outdated(state: State<'_, AppState>, lang: Lang) -> AppResult<Vec<seloste::store::Outdated>> {
    state.with(|s| s.outdated(lang))
}

/// Republish a draft after a data change, with the prefilled change-log line, in one step.
#[tauri::command]
#[tracing::instrument(skip_all, fields(id = ?id))]
pub fn republish(state: State<'_, AppState>, id: DraftId) -> AppResult<VersionSummary> {
    state.with(|s| s.republish(id)).map(|v| v.summary)
}

/// What changed in Seloste's legal and service data ("Mitä uutta").
#[tauri::command]
#[tracing::instrument(skip_all)]
pub fn data_changes() -> &'static [seloste::current::DataChange] {
    seloste::current::changelog()
}

/// The notice as Word, Markdown or plain text, or its record of processing activities as
/// HTML, PDF or CSV (`seloste::export::Format`), saved where the user chooses.
#[tauri::command]
#[tracing::instrument(skip_all)]
pub async fn export_as(
    app: AppHandle,
    state: State<'_, AppState>,
    notice: Value,
    lang: Lang,
    format: seloste::export::Format,
) -> AppResult<Exported> {
    let bytes = state.core(notice_from(notice).and_then(|n| format.render(&n, lang)))?;
    let stem = if format.is_record() { "export.record_filename" } else { "export.filename" };
    let name = format!("{}.{}", wizard::ui(stem, lang), format.extension());
    save_as(&app, &state, &name, format.extension(), bytes).await
}

#[tauri::command]
#[tracing::instrument(skip_all)]
pub async fn export_pdf(
    app: AppHandle,
    state: State<'_, AppState>,
    notice: Value,
    lang: Lang,
) -> AppResult<Exported> {
    let pdf = state.core(notice_from(notice).and_then(|n| seloste::pdf::render(&n, lang)))?;
    save_as(&app, &state, &file_name(lang, "pdf"), "pdf", pdf).await
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn copy_snippet(
    app: AppHandle,
    state: State<'_, AppState>,
    notice: Value,
    lang: Lang,
) -> AppResult<()> {
    let html = state.core(notice_from(notice).and_then(|n| seloste::render::fragment(&n, lang)))?;
    app.clipboard()
        .write_text(html)
        .map_err(|e| AppError::new("clipboard", state.lang(), e))
}

/// The short first layer (summary) as HTML on the clipboard, its links pointing into the
/// notice at the address saved with it. Answers whether it has those links (false: no
/// usable address saved yet).
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn copy_first_layer(
    app: AppHandle,
    state: State<'_, AppState>,
    notice: Value,
    lang: Lang,
) -> AppResult<bool> {
    let (html, linked) = state.core(notice_from(notice).and_then(|n| {
        let linked = !seloste::render::published_url(&n, "").is_empty();
        seloste::render::first_layer(&n, lang, "").map(|html| (html, linked))
    }))?;
    app.clipboard()
        .write_text(html)
        .map_err(|e| AppError::new("clipboard", state.lang(), e))?;
    Ok(linked)
}

/// Open a file this session exported, in the system's default program.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn open_file(app: AppHandle, state: State<'_, AppState>, path: String) -> AppResult<()> {
    let path = PathBuf::from(path);
    if !lock(&state.exported).contains(&path) {
        return Err(AppError::new(
            "open",
            state.lang(),
            "not a file exported in this session",
        ));
    }
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| AppError::new("open", state.lang(), e))
}

#[derive(Serialize)]
pub struct PresetView {
    key: &'static str,
    title: &'static Text,
    description: &'static Text,
}

/// The starting points "new notice" offers.
#[tauri::command]
#[tracing::instrument(skip_all)]
pub fn presets() -> Vec<PresetView> {
    seloste::catalogue::presets()
        .iter()
        .map(|p| PresetView {
            key: &p.key,
            title: &p.title,
            description: &p.description,
        })
        .collect()
}

/// A new draft: blank, or prefilled from one of the catalogue's starting points.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn create_draft(
    state: State<'_, AppState>,
    title: String,
    preset: Option<String>,
) -> AppResult<DraftId> {
    let notice = match preset.as_deref().and_then(seloste::catalogue::preset) {
        Some(p) => p.notice.clone(),
        None => Notice::default(),
    };
    state.with(|s| s.create(&title, &notice))
}

/// Import pasted text; nothing is saved until the user has reviewed it (`create_draft_from`).
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn import_text(state: State<'_, AppState>, text: String) -> AppResult<Review> {
    let imported = state.core(seloste::import::import_text(&text))?;
    Ok(review::review(imported, state.lang()))
}

/// Import a file the user picks in the native open dialog (.txt, .html, .docx).
#[tauri::command]
#[tracing::instrument(skip_all)]
pub async fn import_file(
    app: AppHandle,
    state: State<'_, AppState>,
) -> AppResult<Option<Review>> {
    let picked = app
        .dialog()
        .file()
        .add_filter("Seloste", &["txt", "html", "htm", "docx"])
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok());
    let Some(path) = picked else { return Ok(None) };
    let imported = state.core(seloste::import::import_file(&path))?;
    Ok(Some(review::review(imported, state.lang())))
}

/// Save a reviewed notice (an import) as a new draft.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn create_draft_from(
    state: State<'_, AppState>,
    title: String,
    notice: Value,
) -> AppResult<DraftId> {
    let notice = state.core(notice_from(notice))?;
    state.with(|s| s.create(&title, &notice))
}

/// Set by `cancel_scan`; the scan checks it between requests.
fn scan_cancel() -> &'static std::sync::Arc<std::sync::atomic::AtomicBool> {
    static C: std::sync::OnceLock<std::sync::Arc<std::sync::atomic::AtomicBool>> = std::sync::OnceLock::new();
    C.get_or_init(Default::default)
}

/// "Tarkista verkkosivustoni": scan the owner's site off the main thread, keep the result as
/// the draft's last scan (the checker uses it) and compare it with the notice being edited.
#[tauri::command]
#[tracing::instrument(skip_all, fields(id = ?id))]
pub async fn scan_site(
    state: State<'_, AppState>,
    url: String,
    notice: Value,
    id: Option<DraftId>,
) -> AppResult<seloste::scan::Report> {
    let lang = state.lang();
    let notice = state.core(notice_from(notice))?;
    let cancel = scan_cancel().clone();
    cancel.store(false, std::sync::atomic::Ordering::Relaxed);
    let opts = seloste::scan::Options { cancel: Some(cancel), ..Default::default() };
    let scan = tauri::async_runtime::spawn_blocking(move || seloste::scan::scan_site(&url, &opts))
        .await
        .map_err(|e| AppError::new("scan", lang, &e.to_string()))?;
    if let Some(id) = id {
        state.with(|s| s.save_scan(id, &scan))?;
    }
    Ok(seloste::scan::report(scan, &notice, lang))
}

/// The draft's last scan set against the notice as it is now (`None`: never scanned).
#[tauri::command(async)]
#[tracing::instrument(skip_all, fields(id = ?id))]
pub fn last_scan(state: State<'_, AppState>, id: DraftId, notice: Value) -> AppResult<Option<seloste::scan::Report>> {
    let notice = state.core(notice_from(notice))?;
    Ok(state.with(|s| s.last_scan(id))?.map(|scan| seloste::scan::report(scan, &notice, state.lang())))
}

/// Add a service the scan found: its recipient and cookies from the catalogue, in one step.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn scan_add_service(state: State<'_, AppState>, notice: Value, key: String) -> AppResult<Notice> {
    state.core(notice_from(notice).and_then(|n| seloste::scan::add_service(&n, &key)))
}

/// The notice's cookie declaration and banner wording in `lang`.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn cookie_declaration(state: State<'_, AppState>, notice: Value, lang: Lang) -> AppResult<seloste::scan::declaration::Declaration> {
    state.core(notice_from(notice).map(|n| seloste::scan::declaration::declaration(&n, lang)))
}

/// Copy the cookie table (HTML) or the banner wording (plain text) to the clipboard.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn copy_declaration(app: AppHandle, state: State<'_, AppState>, notice: Value, lang: Lang, banner: bool) -> AppResult<()> {
    let d = state.core(notice_from(notice).map(|n| seloste::scan::declaration::declaration(&n, lang)))?;
    app.clipboard()
        .write_text(if banner { d.banner_text } else { d.table })
        .map_err(|e| AppError::new("clipboard", state.lang(), e))
}

/// Save the cookie table and the banner as one HTML file where the user chooses.
#[tauri::command]
#[tracing::instrument(skip_all)]
pub async fn export_declaration(app: AppHandle, state: State<'_, AppState>, notice: Value, lang: Lang) -> AppResult<Exported> {
    let d = state.core(notice_from(notice).map(|n| seloste::scan::declaration::declaration(&n, lang)))?;
    let name = seloste::platform::portable_file_name(wizard::ui("scan.declaration_filename", lang), "html");
    save_as(&app, &state, &name, "html", d.file.into_bytes()).await
}

#[tauri::command]
#[tracing::instrument(skip_all)]
pub fn cancel_scan() {
    scan_cancel().store(true, std::sync::atomic::Ordering::Relaxed);
}

/// The interview's questions in the interface language.
#[tauri::command]
#[tracing::instrument(skip_all)]
pub fn interview_questions(state: State<'_, AppState>) -> Vec<seloste::interview::QuestionView> {
    seloste::interview::questions(state.lang())
}

/// The services a question of the interview offers that match what the owner typed.
#[tauri::command]
#[tracing::instrument(skip_all)]
pub fn interview_search(state: State<'_, AppState>, question: String, query: String) -> AppResult<Vec<seloste::interview::OptionView>> {
    seloste::interview::search(&question, &query, state.lang()).map_err(|e| AppError::new("interview", state.lang(), e))
}

/// A new draft built from the interview's answers.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn create_draft_from_interview(state: State<'_, AppState>, title: String, answers: seloste::interview::Answers) -> AppResult<DraftId> {
    let notice = seloste::interview::build(&answers).map_err(|e| AppError::new("interview", state.lang(), e))?;
    state.with(|s| s.create(&title, &notice))
}

/// What a user can send when something goes wrong (`seloste::diagnostics::report`): version,
/// system, data versions and the end of the log — no notice text.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn diagnostics() -> Diagnostics {
    let dir = seloste::diagnostics::log_dir();
    Diagnostics {
        version: env!("CARGO_PKG_VERSION"),
        log_dir: dir.as_ref().map(|d| d.display().to_string()),
        report: seloste::diagnostics::report(dir.as_deref()),
    }
}

#[derive(Serialize)]
pub struct Diagnostics {
    version: &'static str,
    log_dir: Option<String>,
    report: String,
}

/// The diagnostics report on the clipboard, to paste into an e-mail.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn copy_diagnostics(app: AppHandle, state: State<'_, AppState>) -> AppResult<()> {
    let dir = seloste::diagnostics::log_dir();
    app.clipboard()
        .write_text(seloste::diagnostics::report(dir.as_deref()))
        .map_err(|e| AppError::new("clipboard", state.lang(), e))
}
