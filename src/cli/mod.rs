//! One module per subcommand; each exposes `run(args) -> Result<ExitCode>`.

pub mod check;
pub mod data;
pub mod drafts;
pub mod import;
pub mod render;
pub mod schema;
