//! The one table of `show_if` cases (`tests/fixtures/show_if_cases.json`): the core's rule and
//! the page's own copy (it must be instant while typing) give the same answer on every case.

use seloste::wizard::Condition;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn cases() -> Vec<Value> {
    let text = std::fs::read_to_string(crate::util::fixture("show_if_cases.json")).unwrap();
    let table: Value = serde_json::from_str(&text).unwrap();
    table["cases"].as_array().unwrap().clone()
}

#[test]
fn the_core_holds_every_case() {
    let cases = cases();
    assert!(cases.len() >= 15);
    for (i, c) in cases.iter().enumerate() {
        let cond: Condition = serde_json::from_value(c["condition"].clone()).unwrap();
        assert_eq!(cond.holds(&c["base"]), c["holds"].as_bool().unwrap(), "case {i}: {c}");
    }
}

#[test]
fn the_page_holds_every_case() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = match Command::new("node").arg("tests/ui/show_if.mjs").current_dir(root).output() {
        Ok(out) => out,
        Err(e) if std::env::var("CI").as_deref() != Ok("true") => {
            eprintln!("skipped: Node.js is not installed ({e})");
            return;
        }
        Err(e) => panic!("Node.js is needed for the page's own rules: {e}"),
    };
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}{}", String::from_utf8_lossy(&out.stderr));
    assert!(said.contains(&format!("{0}/{0}", cases().len())), "{said}");
}
