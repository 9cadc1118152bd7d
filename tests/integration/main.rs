//! The one integration-test binary (ripgrep style): one module per area, shared helpers in `util`.

mod catalogue;
mod check;
mod fixtures;
mod import;
mod pdf;
mod render;
mod scan;
mod services;
mod site;
mod store;
mod util;
mod validate;
