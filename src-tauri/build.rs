// Declares the app's own commands so that capabilities/ can grant exactly these and nothing else.
fn main() {
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&[
            "startup",
            "set_ui_lang",
            "ui_strings",
            "wizard",
            "presets",
            "list_drafts",
            "create_draft",
            "open_draft",
            "save_draft",
            "draft_status",
            "rename_draft",
            "duplicate_draft",
            "delete_draft",
            "catalogue_options",
            "toggle_pick",
            "preview",
            "export_html",
            "export_pdf",
            "copy_snippet",
            "open_file",
            "publish",
            "import_text",
            "import_file",
            "create_draft_from",
            "scan_site",
            "cancel_scan",
        ]),
    ))
    .expect("failed to run tauri-build");
}
