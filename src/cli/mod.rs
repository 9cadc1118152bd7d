//! One module per subcommand; each exposes `run(args) -> Result<ExitCode>`.

pub mod check;
pub mod completions;
pub mod data;
pub mod drafts;
pub mod import;
pub mod man;
pub mod render;
pub mod scan;
pub mod schema;
