//! The document as PDF, made in process: each page's SVG is read by usvg with the shipped
//! font, turned into a PDF form by svg2pdf (text stays text, the font subset embedded), and
//! the forms are put on A4 pages (landscape for the SOP document, portrait for a printout). No dates or ids are written; the bytes still vary
//! from run to run in the order svg2pdf writes a page's two fonts (a hash map's), not in
//! what the pages show.

use std::collections::HashMap;
use std::sync::Arc;

use anyhow::{anyhow, Result};
use pdf_writer::{Content, Name, Pdf, Rect, Ref, TextStr};

use super::font;
use super::layout::Document;

/// A4's sides in points.
const A4_LONG: f32 = 841.89;
const A4_SHORT: f32 = 595.28;

fn options() -> usvg::Options<'static> {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_data(font::REGULAR.to_vec());
    db.load_font_data(font::BOLD.to_vec());
    db.set_sans_serif_family(font::FAMILY);
    usvg::Options {
        font_family: font::FAMILY.to_string(),
        fontdb: Arc::new(db),
        ..usvg::Options::default()
    }
}

pub fn document(doc: &Document) -> Result<Vec<u8>> {
    let (a4_w, a4_h) = match doc.portrait() {
        true => (A4_SHORT, A4_LONG),
        false => (A4_LONG, A4_SHORT),
    };
    debug_assert!((doc.width - a4_w).abs() < 1.0 && (doc.height - a4_h).abs() < 1.0);
    let options = options();
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let tree_ref = alloc.bump();
    let info = alloc.bump();
    let mut pdf = Pdf::new();
    let mut page_refs = Vec::new();
    let mut chunks = Vec::new();
    for (i, svg) in super::svg::pages(doc).iter().enumerate() {
        let tree = usvg::Tree::from_str(svg, &options)
            .map_err(|e| anyhow!(t!(PdfSvgUnreadable, n = i + 1, error = e)))?;
        let (chunk, form) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
            .map_err(|e| anyhow!(t!(PdfConverting, n = i + 1, error = e)))?;
        let mut map = HashMap::new();
        let chunk = chunk.renumber(|old| *map.entry(old).or_insert_with(|| alloc.bump()));
        let form = map[&form];
        let page = alloc.bump();
        let content = alloc.bump();
        let name = Name(b"P");
        {
            let mut p = pdf.page(page);
            p.media_box(Rect::new(0.0, 0.0, a4_w, a4_h));
            p.parent(tree_ref);
            p.contents(content);
            p.resources().x_objects().pair(name, form);
        }
        let mut c = Content::new();
        // The form is one point square: scale it to the page.
        c.save_state();
        c.transform([a4_w, 0.0, 0.0, a4_h, 0.0, 0.0]);
        c.x_object(name);
        c.restore_state();
        pdf.stream(content, &c.finish());
        page_refs.push(page);
        chunks.push(chunk);
    }
    pdf.catalog(catalog).pages(tree_ref);
    pdf.pages(tree_ref)
        .count(page_refs.len() as i32)
        .kids(page_refs.iter().copied());
    pdf.document_info(info)
        .title(TextStr(&doc.title))
        .producer(TextStr("sop"));
    for chunk in &chunks {
        pdf.extend(chunk);
    }
    Ok(pdf.finish())
}
