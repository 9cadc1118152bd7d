//! The shell's one error type: what the webview receives when a command fails.
//!
//! `message` is a whole sentence in the user's interface language, taken from `ui.json`
//! (`err.<code>`); `detail` keeps the core's own sentence for the "technical details" box.
//! The webview never sees a raw Rust error or a panic.

use seloste::Lang;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct AppError {
    pub code: String,
    pub message: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

impl AppError {
    /// An error of the shell itself (clipboard, opener, dialog …): `code` names an `err.*` string.
    pub fn new(code: &str, lang: Lang, detail: impl ToString) -> Self {
        tracing::warn!(code, "a command failed");
        AppError {
            code: code.to_string(),
            message: seloste::error::localise(code, lang, ""),
            detail: detail.to_string(),
        }
    }

    /// A core error: its code, its sentence in `lang` (`seloste::Error::message`) and the
    /// core's own technical sentence as the detail.
    pub fn core(e: seloste::Error, lang: Lang) -> Self {
        // The code only: the detail may quote what the owner typed.
        tracing::warn!(code = e.code(), "a command failed");
        AppError {
            code: e.code().to_string(),
            message: e.message(lang),
            detail: e.to_string(),
        }
    }
}

pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::*;
    use seloste::wizard::ui;

    #[test]
    fn core_errors_become_a_sentence_in_the_ui_language() {
        let e = AppError::core(seloste::Error::Render("boom".into()), Lang::Fi);
        assert_eq!(e.code, "render");
        assert!(
            e.message.starts_with("Selosteen muodostaminen epäonnistui"),
            "{}",
            e.message
        );
        assert!(e.detail.contains("boom"));
        let e = AppError::core(seloste::Error::Other("x".into()), Lang::Sv);
        assert_eq!(e.message, ui("err.unknown", Lang::Sv));
        let json =
            serde_json::to_value(AppError::new("clipboard", Lang::En, "no display")).unwrap();
        assert_eq!(json["code"], "clipboard");
        assert_eq!(json["message"], "Copying to the clipboard failed.");
    }
}
