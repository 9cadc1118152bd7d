//! The one integration-test binary (ripgrep style): one module per area, shared helpers in `util`.

mod fixtures;
mod import;
mod util;
mod validate;
