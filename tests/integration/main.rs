//! The one integration-test binary (ripgrep style): one module per area, shared helpers in `util`.

mod catalogue;
mod check;
mod fixtures;
mod import;
mod import_corpus;
mod import_hostile;
mod pdf;
mod render;
mod store;
mod util;
mod validate;
