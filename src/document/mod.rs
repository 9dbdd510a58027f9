//! The SOP AP document (*Standar Operasional Prosedur Administrasi Pemerintahan*) as
//! Permenpan RB 35/2012 lays it out: the identity page, then the flow table with its five
//! symbols. `layout` computes the pages as plain data; `svg`, `html` and `pdf` write them.
//! `monitoring` lays out Tabel 7 (*Monitoring Pelaksanaan SOP AP*) the same way.

pub mod font;
pub mod html;
pub mod layout;
pub(crate) mod monitoring;
pub mod pdf;
pub mod svg;

use anyhow::Result;

use crate::config::Config;
use crate::graph::Extras;
use crate::monitoring::{Assessment, Header};
use crate::procedure::Procedure;

/// The document as one SVG, its pages one under another.
pub fn svg(p: &Procedure, config: &Config, extras: &Extras) -> String {
    svg::document(&layout::layout(p, config, extras))
}

/// The document as one HTML page, ready to print on A4 landscape.
pub fn html(p: &Procedure, config: &Config, extras: &Extras) -> String {
    html::document(&layout::layout(p, config, extras))
}

/// The document's pages, each as its own SVG (A4 landscape): what the HTML puts on its
/// sheets, for pages that set them in their own frame (`sop site`).
pub fn pages(p: &Procedure, config: &Config, extras: &Extras) -> Vec<String> {
    svg::pages(&layout::layout(p, config, extras))
}

/// The document as PDF.
pub fn pdf(p: &Procedure, config: &Config, extras: &Extras) -> Result<Vec<u8>> {
    pdf::document(&layout::layout(p, config, extras))
}

/// The flow table alone as one SVG, with the request's trail in `extras` highlighted (`sop
/// show --graph svg`).
pub fn flow_svg(p: &Procedure, config: &Config, extras: &Extras) -> String {
    svg::document(&layout::flow_only(p, config, extras))
}

/// Tabel 7, *Monitoring Pelaksanaan SOP AP*, as one HTML page ready to print on A4 landscape.
pub(crate) fn monitoring_html(header: &Header, a: &Assessment) -> String {
    html::document(&monitoring::layout(header, a))
}

/// Tabel 7, *Monitoring Pelaksanaan SOP AP*, as PDF.
pub(crate) fn monitoring_pdf(header: &Header, a: &Assessment) -> Result<Vec<u8>> {
    pdf::document(&monitoring::layout(header, a))
}
