//! `cargo bench --bench bench`: every speed and size target of the project as one table.
//! Each area adds a module with `pub fn run(t: &mut Table)`.

mod app;
mod catalogue;
mod check;
mod export;
/// The e2e tests' WebDriver harness (tauri-driver, sandbox, fantoccini session), shared with
/// the app rows so both drive the app the same way.
#[path = "../../src-tauri/tests/common/mod.rs"]
mod harness;
mod hostile;
mod import;
mod pdf;
mod render;
mod scan;
mod sizes;
mod store;
mod table;
mod validate;

use table::Table;

fn main() {
    // `cargo bench` passes `--bench`; a filter word selects areas by name.
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let mut t = Table::new(filter);
    catalogue::run(&mut t);
    check::run(&mut t);
    export::run(&mut t);
    import::run(&mut t);
    import::run_hostile(&mut t);
    pdf::run(&mut t);
    hostile::run(&mut t);
    render::run(&mut t);
    scan::run(&mut t);
    store::run(&mut t);
    validate::run(&mut t);
    app::run(&mut t);
    sizes::run(&mut t);
    t.print();
}
