//! The one integration-test binary (ripgrep style): one module per area, shared helpers in `util`.

mod catalogue;
mod check;
mod cli_docs;
mod current;
mod export;
mod fixtures;
mod hostile;
mod html_validator;
mod import;
mod interview;
mod import_corpus;
mod import_hostile;
mod model_v2;
mod pdf;
mod platforms;
mod record;
mod presets;
mod render;
mod snapshots;
mod scan;
mod scan_checker;
mod services;
mod site;
mod store;
mod util;
mod validate;
