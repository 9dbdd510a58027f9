//! Request printouts (`sop print`): the request form filled in, or a step's document (a
//! *berita acara*), from a template in the office's `templates/` (Jinja syntax, HTML), laid
//! out on A4 portrait pages in the shipped font, each page carrying the verification footer:
//! the request id, the commit of the printed state, how to check them, and a QR code holding
//! both. The pages go to the SOP document's writers (`document::svg`, `html`, `pdf`).
//!
//! - `data.rs`: what a template is given.
//! - `template.rs`: the template environment, its filters and its bounds.
//! - `markup.rs`: the HTML a template writes, read back as blocks.
//! - `flow.rs`: blocks on pages, and the footer.
//! - `qr.rs`: the QR code.
//!
//! No I/O here: the command (`commands/print.rs`) reads the request, the history, the assets
//! and the templates and gives them in.

pub mod data;
pub mod flow;
pub mod markup;
pub mod qr;
pub mod template;

use crate::document::layout::Document;

/// What the footer of every page says, besides the page number: the request, the commit
/// of the printed state in full (to type when no QR reader is at hand), and how to check.
pub fn footer_lines(id: &str, commit: &str, at: &str) -> Vec<String> {
    vec![
        format!("Dicetak oleh sop dari permintaan {id}, keadaan pada commit {commit} ({at})."),
        format!(
            "Cara memeriksa: sop verify {id} harus lulus, dan commit tersebut harus tercantum pada sop log {id}. Kode QR berisi sop:{id}@<commit>."
        ),
    ]
}

/// Renders template `name` with `data` and lays it out on pages with the verification
/// footer. The error names the template and what is wrong.
pub fn printout(
    source: template::Source,
    name: &str,
    data: &data::Data,
    fallback_title: &str,
) -> Result<Document, String> {
    let html = template::render(source, name, data)?;
    let markup = read_markup(name, &html)?;
    let qr = qr::Qr::new(&data.print.qr)?;
    let at = format!(
        "{} {}",
        crate::dates::long_date(data.print.at.date_naive()),
        data.print.at.format("%H:%M")
    );
    let footer = flow::Footer {
        lines: footer_lines(&data.print.id, &data.print.commit, &at),
        qr: Some(qr),
    };
    let title = markup
        .title
        .clone()
        .unwrap_or_else(|| fallback_title.to_string());
    let title = format!("{title} ({})", data.print.id);
    flow::layout(&markup, &title, &footer, crate::limits::PRINT_PAGES)
}

/// Checks template `name` as far as it can be without a request (`sop procedure check`): it
/// and what it includes parse, and the HTML it writes around the values is HTML a printout
/// can show.
pub fn check(source: template::Source, name: &str) -> Result<(), String> {
    match template::check(source, name)? {
        Some(html) => read_markup(name, &html).map(|_| ()),
        None => Ok(()),
    }
}

/// The HTML template `name` wrote, read back as blocks.
fn read_markup(name: &str, html: &str) -> Result<markup::Markup, String> {
    markup::parse(html).map_err(|why| {
        t!(
            PrintoutBadHtml,
            folder = template::FOLDER,
            name = name,
            why = why
        )
    })
}
