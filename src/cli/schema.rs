use std::io::Write;
use std::process::ExitCode;

pub fn run() -> seloste::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    // A closed pipe (e.g. `| head`) is not an error worth a message.
    let _ = out.write_all(seloste::notice_io::schema().as_bytes());
    Ok(ExitCode::SUCCESS)
}
