//! `seloste render [NOTICE.json] [--lang fi|sv|en] [--format FORMAT] [--url URL] [-o FILE]`, where
//! FORMAT is html, fragment, fragment-css, pdf, first-layer, docx, md, txt, record-html,
//! record-pdf or record-csv.

use seloste::{Error, Lang, Result, export};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A standalone HTML5 document.
    Html,
    /// A fragment to paste into a web page: one <section>, valid HTML anywhere in a <body>,
    /// with no <style> (it takes the site's look).
    Fragment,
    /// The optional stylesheet for the fragment (every selector scoped to .seloste-notice),
    /// for the site's stylesheet or its "additional CSS" box. Needs no notice file.
    FragmentCss,
    /// An A4 PDF for printing; written with -o FILE, or to standard output when that is
    /// redirected (never onto a terminal).
    Pdf,
    /// The short first layer alone (an HTML fragment without styles), to place beside a
    /// booking form or a sign-up; its links point into the notice at --url.
    FirstLayer,
    /// A Word file (.docx) to edit and send; binary like the PDF.
    Docx,
    /// Markdown, for site builders.
    Md,
    /// Plain text, for e-mail.
    Txt,
    /// The record of processing activities (Art. 30(1)) as a standalone HTML document: an
    /// internal document, not for the website.
    RecordHtml,
    /// The record of processing activities as an A4 PDF.
    RecordPdf,
    /// The record of processing activities as CSV, one row per processing activity.
    RecordCsv,
}

impl Format {
    fn is_binary(self) -> bool {
        matches!(self, Format::Pdf | Format::Docx | Format::RecordPdf)
    }
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The notice file (seloste/2 JSON; seloste/1 is read too); not needed for --format fragment-css.
    pub notice: Option<PathBuf>,
    /// Output language: fi, sv or en.
    #[arg(long, default_value = "fi")]
    pub lang: String,
    /// The notice as html (a standalone document), fragment (a piece to paste into a web
    /// page; fragment-css is its optional stylesheet), pdf, first-layer (the short first layer
    /// alone), docx, md or txt; or the internal record of processing activities as
    /// record-html, record-pdf or record-csv.
    #[arg(long, value_enum, default_value = "html")]
    pub format: Format,
    /// With --format first-layer: the address where the full notice is published.
    #[arg(long, default_value = "")]
    pub url: String,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let lang: Lang = args.lang.parse()?;
    if args.format.is_binary() && args.output.is_none() && std::io::stdout().is_terminal() {
        return Err(Error::Other(
            "A PDF or Word file is binary and is not printed on a terminal: give -o FILE, or \
             redirect standard output to a file."
                .to_string(),
        ));
    }
    let bytes = match (args.format, &args.notice) {
        (Format::FragmentCss, _) => seloste::render::fragment_css()?.into_bytes(),
        (_, None) => {
            return Err(Error::Other(
                "Give the notice file to render, e.g. seloste render notice.json.".to_string(),
            ));
        }
        (format, Some(path)) => {
            let notice = seloste::notice_io::read(path)?;
            // A malformed value (a Y-tunnus with a wrong check digit, a `javascript:` website,
            // a control character) must not reach a published notice; missing items are the
            // checker's business, not a refusal.
            seloste::validate::ensure_no_blocking(&notice)?;
            match format {
                Format::Html => seloste::render::html(&notice, lang)?.into_bytes(),
                Format::Fragment | Format::FragmentCss => {
                    seloste::render::fragment(&notice, lang)?.into_bytes()
                }
                Format::Pdf => seloste::pdf::render(&notice, lang)?,
                Format::FirstLayer => {
                    seloste::render::first_layer(&notice, lang, &args.url)?.into_bytes()
                }
                // The formats the app's export step offers too: one dispatch, in the core.
                Format::Docx => export::Format::Docx.render(&notice, lang)?,
                Format::Md => export::Format::Md.render(&notice, lang)?,
                Format::Txt => export::Format::Txt.render(&notice, lang)?,
                Format::RecordHtml => export::Format::RecordHtml.render(&notice, lang)?,
                Format::RecordPdf => export::Format::RecordPdf.render(&notice, lang)?,
                Format::RecordCsv => export::Format::RecordCsv.render(&notice, lang)?,
            }
        }
    };
    write(&args, bytes)
}

fn write(args: &Args, bytes: Vec<u8>) -> Result<ExitCode> {
    match &args.output {
        Some(path) => seloste::files::write_atomic(path, &bytes)?,
        None => {
            // A closed pipe (e.g. `| head`) is not an error worth a message.
            let _ = std::io::stdout().lock().write_all(&bytes);
        }
    }
    Ok(ExitCode::SUCCESS)
}
