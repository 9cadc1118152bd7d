//! The one integration-test binary (ripgrep style): one module per area, shared helpers in `util`.

mod catalogue;
mod check;
mod current;
mod export;
mod fixtures;
mod import;
mod pdf;
mod record;
mod render;
mod store;
mod util;
mod validate;
