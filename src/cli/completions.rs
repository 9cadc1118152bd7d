//! `seloste completions SHELL`: print the shell's completion script for `seloste` on stdout,
//! made from the same clap definition as the command itself (so it never goes out of date).
//! The Linux package installs the bash, zsh and fish scripts (see README.md for the others).

use clap_complete::Shell;
use std::io::Write;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The shell: bash, zsh, fish, elvish or powershell.
    pub shell: Shell,
}

pub fn run(args: Args, mut cmd: clap::Command) -> seloste::Result<ExitCode> {
    // Into memory first: clap_complete panics when its writer fails (e.g. `| head`).
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "seloste", &mut script);
    // A closed pipe is not an error worth a message.
    let _ = std::io::stdout().lock().write_all(&script);
    Ok(ExitCode::SUCCESS)
}
