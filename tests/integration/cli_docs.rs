//! The command-line tool's manual pages and shell completions (`seloste man`, `seloste
//! completions`), which the Linux package installs and the CLI archives carry.

use crate::util::{seloste, stderr, stdout};
use std::process::Command;

/// The subcommands, as `seloste --help` lists them (so a new one is checked without a change here).
fn subcommands() -> Vec<String> {
    let help = stdout(&seloste(&["--help"]));
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|&c| c != "help")
        .map(str::to_string)
        .collect()
}

/// Whether a program is installed here (the syntax checks run only where the shell exists).
fn have(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok()
}

#[test]
fn completions_cover_every_subcommand_in_every_shell() {
    let subs = subcommands();
    assert!(subs.len() >= 7, "{subs:?}");
    assert!(subs.iter().any(|s| s == "completions") && subs.iter().any(|s| s == "man"));
    let dir = tempfile::tempdir().unwrap();
    for (shell, marker, check) in [
        ("bash", "complete -F _seloste", Some(["bash", "-n"])),
        ("zsh", "#compdef seloste", Some(["zsh", "-n"])),
        ("fish", "complete -c seloste", Some(["fish", "-n"])),
        ("powershell", "Register-ArgumentCompleter", None),
        ("elvish", "edit:completion:arg-completer[seloste]", None),
    ] {
        let o = seloste(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        assert!(script.contains(marker), "{shell}: no {marker:?}");
        for sub in &subs {
            assert!(script.contains(sub.as_str()), "{shell}: {sub} missing");
        }
        if let Some([program, flag]) = check.filter(|[p, _]| have(p)) {
            let file = dir.path().join(shell);
            std::fs::write(&file, &script).unwrap();
            let o = Command::new(program).arg(flag).arg(&file).output().unwrap();
            assert!(o.status.success(), "{shell} -n: {}", stderr(&o));
        }
    }
    let o = seloste(&["completions", "cmd.exe"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn man_pages_for_the_command_and_each_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("man1");
    let o = seloste(&["man", "--dir", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let main = std::fs::read_to_string(out.join("seloste.1")).unwrap();
    assert!(
        main.starts_with(".ie") || main.contains(".TH seloste 1"),
        "{main}"
    );
    for section in [
        "NAME",
        "SYNOPSIS",
        "SUBCOMMANDS",
        "FILES",
        "ENVIRONMENT",
        "\"EXIT STATUS\"",
    ] {
        assert!(main.contains(&format!(".SH {section}")), "no {section}");
    }
    assert!(main.contains("SELOSTE_DB") && main.contains(env!("CARGO_PKG_VERSION")));
    for sub in subcommands() {
        let page = out.join(format!("seloste-{sub}.1"));
        assert!(page.is_file(), "{} missing", page.display());
    }
    assert!(out.join("seloste-drafts-list.1").is_file());
    assert!(!out.join("seloste-help.1").exists());
    // groff's warnings (-ww) are roff mistakes; it is on Debian with man-db.
    if have("groff") {
        for entry in std::fs::read_dir(&out).unwrap() {
            let page = entry.unwrap().path();
            let o = Command::new("groff")
                .args(["-man", "-ww", "-z"])
                .arg(&page)
                .output()
                .unwrap();
            assert!(
                o.status.success() && o.stderr.is_empty(),
                "{}: {}",
                page.display(),
                stderr(&o)
            );
        }
    }
    // Without --dir the main page goes to stdout.
    let o = seloste(&["man"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), main);
}
