//! Seloste's desktop shell: opens the store, registers the official plugins and the commands,
//! and shows the wizard in one window. Everything the app knows lives in the `seloste` core.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod contain;
mod error;

use commands::{AppState, Opening};
use seloste::Lang;
use seloste::store::Store;
use std::sync::Mutex;
use tauri::Manager;

/// Logs go to a daily file in the platform's log folder (`seloste::diagnostics`, seven kept):
/// each command's name, draft id and time taken, warnings with error codes — never notice
/// text. `RUST_LOG` chooses what is logged (default: the app and the core at `info`). Without
/// a writable log folder the app runs without a log. The guard flushes the file at exit.
fn start_logging() -> Option<tracing_appender::non_blocking::WorkerGuard> {
    use seloste::diagnostics::{KEEP_LOG_FILES, LOG_PREFIX, LOG_SUFFIX};
    use tracing_subscriber::fmt::format::FmtSpan;
    let dir = seloste::diagnostics::log_dir()?;
    std::fs::create_dir_all(&dir).ok()?;
    let file = tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix(LOG_PREFIX)
        .filename_suffix(LOG_SUFFIX)
        .max_log_files(KEEP_LOG_FILES)
        .build(&dir)
        .ok()?;
    let (writer, guard) = tracing_appender::non_blocking(file);
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn,seloste_app=info,seloste=info"));
    tracing_subscriber::fmt()
        .with_writer(writer)
        .with_ansi(false)
        .with_env_filter(filter)
        .with_span_events(FmtSpan::CLOSE)
        .try_init()
        .ok()?;
    Some(guard)
}

fn main() {
    let _log = start_logging();
    tracing::info!(version = env!("CARGO_PKG_VERSION"), "Seloste starts");
    // Opening (and, if damaged, recovering) the database happens before the window exists;
    // the start screen then says what was done.
    let (store, opening) = match Store::open_default() {
        Ok(o) => {
            let opening = match o.recovery {
                Some(r) => Opening::Recovered(r, o.warnings),
                None => Opening::Warnings(o.warnings),
            };
            (Some(o.store), opening)
        }
        Err(e) => (None, Opening::Failed(e.code(), e.to_string())),
    };
    let state = AppState {
        store: Mutex::new(store),
        opened: Mutex::new(Some(opening)),
        lang: Mutex::new(Lang::Fi),
        exported: Mutex::new(Vec::new()),
    };

    tauri::Builder::default()
        // First: a second copy hands over to the running one and exits.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        // The window shows the app's own page and nothing else: any other navigation (a link,
        // a refresh, a form) is refused here; preview links go to the system browser instead.
        .plugin(
            tauri::plugin::Builder::<tauri::Wry>::new("navigation-guard")
                .on_navigation(|_, url| contain::is_app_origin(url))
                .build(),
        )
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_opener::init())
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::startup,
            commands::set_ui_lang,
            commands::ui_strings,
            commands::wizard,
            commands::list_drafts,
            commands::create_draft,
            commands::open_draft,
            commands::edit_draft,
            commands::review_draft,
            commands::rename_draft,
            commands::duplicate_draft,
            commands::delete_draft,
            commands::catalogue_options,
            commands::tick_pick,
            commands::accept_suggestion,
            commands::presets,
            commands::interview_questions,
            commands::interview_search,
            commands::create_draft_from_interview,
            commands::publish,
            commands::export_html,
            commands::export_pdf,
            commands::export_as,
            commands::outdated,
            commands::republish,
            commands::data_changes,
            commands::copy_snippet,
            commands::copy_first_layer,
            commands::open_file,
            commands::open_link,
            commands::import_text,
            commands::import_file,
            commands::create_draft_from,
            commands::scan_site,
            commands::cancel_scan,
            commands::last_scan,
            commands::scan_add_service,
            commands::cookie_declaration,
            commands::copy_declaration,
            commands::export_declaration,
            commands::diagnostics,
            commands::copy_diagnostics,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("Seloste could not start: {e}");
            std::process::exit(1);
        });
}
