//! Seloste: the core of a tool that writes correct Finnish GDPR privacy notices.
//!
//! The crate never depends on Tauri or WebKit; the desktop shell in `src-tauri/` and the
//! `seloste` command-line tool are thin layers over it. See ARCHITECTURE.md for the map.

pub mod applicable;
pub mod catalogue;
pub mod check;
pub mod current;
pub(crate) mod data;
pub mod diagnostics;
pub mod diff;
pub mod document;
pub mod error;
pub mod export;
pub mod files;
pub mod import;
pub mod interview;
pub mod json_strict;
pub mod model;
pub mod notice_io;
pub mod pdf;
pub mod platform;
pub mod preview;
pub mod record;
pub mod render;
pub mod rights;
pub mod scan;
pub mod section;
pub mod session;
pub mod store;
pub mod text;
pub mod validate;
pub mod walk;
pub mod wizard;

pub use error::{Error, Result};
pub use model::Notice;
pub use store::Store;
pub use text::{Lang, Text};
