//! The laid-out document as SVG text: one `<svg>` per page, or all pages one under another.

use std::fmt::Write as _;

use super::font::FAMILY;
use super::layout::{Anchor, Document, Item, Mark, Page, Shape};
use crate::graph::{HERE_FILL, HERE_STROKE, TRAIL_STROKE, VISITED_FILL};

/// The stroke colour of a mark.
fn ink(mark: Mark) -> &'static str {
    match mark {
        Mark::Plain => "#000000",
        Mark::Trail => TRAIL_STROKE,
        Mark::Here => HERE_STROKE,
    }
}

/// Space between pages in the one-file SVG.
const GAP: f32 = 24.0;

/// Text as XML writes it in content and in a quoted attribute; also the HTML page's and
/// Graphviz's HTML-like labels.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// A number as SVG writes it: two decimals at most, no trailing zeros.
fn n(v: f32) -> String {
    let s = format!("{:.2}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.into()
    }
}

fn head(out: &mut String, w: f32, h: f32, title: &str, kerning: bool) {
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FAMILY}, Arial, Helvetica, sans-serif\"{}>",
        // usvg reads font-kerning from style only.
        if kerning { "" } else { " style=\"font-kerning: none\"" },
        w = n(w),
        h = n(h)
    );
    let _ = writeln!(out, "<title>{}</title>", esc(title));
}

fn page_body(out: &mut String, page: &Page, w: f32, h: f32) {
    let _ = writeln!(
        out,
        "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>",
        n(w),
        n(h)
    );
    for item in &page.items {
        match item {
            Item::Line {
                points,
                width,
                dashed,
                arrow,
                mark,
            } => {
                let stroke = ink(*mark);
                let trail = if *mark == Mark::Plain { "" } else { " trail" };
                let pts: Vec<String> = points
                    .iter()
                    .map(|(x, y)| format!("{},{}", n(*x), n(*y)))
                    .collect();
                let dash = if *dashed {
                    " stroke-dasharray=\"3 2\""
                } else {
                    ""
                };
                let class = if *arrow { "flow" } else { "grid" };
                let _ = writeln!(
                    out,
                    "<polyline class=\"{class}{trail}\" points=\"{}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{}\"{dash}/>",
                    pts.join(" "),
                    n(*width)
                );
                if *arrow && points.len() >= 2 {
                    let (x1, y1) = points[points.len() - 2];
                    let (x2, y2) = points[points.len() - 1];
                    let len = ((x2 - x1).powi(2) + (y2 - y1).powi(2)).sqrt().max(0.001);
                    let (ux, uy) = ((x2 - x1) / len, (y2 - y1) / len);
                    let (l, w) = (5.0, 2.2);
                    let (bx, by) = (x2 - ux * l, y2 - uy * l);
                    let _ = writeln!(
                        out,
                        "<polygon points=\"{},{} {},{} {},{}\" fill=\"{stroke}\"/>",
                        n(x2),
                        n(y2),
                        n(bx - uy * w),
                        n(by + ux * w),
                        n(bx + uy * w),
                        n(by - ux * w)
                    );
                }
            }
            Item::Symbol {
                shape,
                x,
                y,
                w,
                h,
                dashed,
                mark,
                step,
            } => {
                let dash = if *dashed {
                    " stroke-dasharray=\"3 2\""
                } else {
                    ""
                };
                let (fill, width) = match mark {
                    Mark::Plain => ("#ffffff", "1"),
                    Mark::Trail => (VISITED_FILL, "1.5"),
                    Mark::Here => (HERE_FILL, "2.5"),
                };
                let stroke = ink(*mark);
                let data = match step {
                    Some(id) => format!(" data-step=\"{}\"", esc(id)),
                    None => String::new(),
                };
                let class = match mark {
                    Mark::Plain => "",
                    Mark::Trail => " trail",
                    Mark::Here => " here",
                };
                let style =
                    format!("fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{width}\"{dash}");
                let _ = match shape {
                    Shape::Rect => writeln!(
                        out,
                        "<rect class=\"symbol{class}\"{data} x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {style}/>",
                        n(*x), n(*y), n(*w), n(*h)
                    ),
                    Shape::Predefined => {
                        // A rectangle with a second line inside each side.
                        let inset = (w / 10.0).clamp(2.5, 5.0);
                        let _ = writeln!(
                            out,
                            "<rect class=\"symbol call{class}\"{data} x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {style}/>",
                            n(*x), n(*y), n(*w), n(*h)
                        );
                        writeln!(
                            out,
                            "<path d=\"M{},{}V{}M{},{}V{}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{width}\"{dash}/>",
                            n(x + inset), n(*y), n(y + h),
                            n(x + w - inset), n(*y), n(y + h)
                        )
                    }
                    Shape::Capsule => writeln!(
                        out,
                        "<rect class=\"symbol{class}\"{data} x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" {style}/>",
                        n(*x), n(*y), n(*w), n(*h), n(h / 2.0)
                    ),
                    Shape::Diamond => writeln!(
                        out,
                        "<polygon class=\"symbol{class}\"{data} points=\"{},{} {},{} {},{} {},{}\" {style}/>",
                        n(x + w / 2.0), n(*y),
                        n(x + w), n(y + h / 2.0),
                        n(x + w / 2.0), n(y + h),
                        n(*x), n(y + h / 2.0)
                    ),
                    Shape::OffPage => writeln!(
                        out,
                        "<polygon class=\"connector{class}\" points=\"{},{} {},{} {},{} {},{} {},{}\" {style}/>",
                        n(*x), n(*y),
                        n(x + w), n(*y),
                        n(x + w), n(y + h * 0.65),
                        n(x + w / 2.0), n(y + h),
                        n(*x), n(y + h * 0.65)
                    ),
                };
            }
            Item::Fill { x, y, w, h, color } => {
                let _ = writeln!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{color}\"/>",
                    n(*x),
                    n(*y),
                    n(*w),
                    n(*h)
                );
            }
            Item::Path { x, y, scale, d } => {
                let _ = writeln!(
                    out,
                    "<path transform=\"translate({},{}) scale({})\" d=\"{}\" fill=\"#000000\"/>",
                    n(*x),
                    n(*y),
                    n(*scale),
                    esc(d)
                );
            }
            Item::Text {
                x,
                y,
                size,
                bold,
                anchor,
                text,
                color,
            } => {
                if text.is_empty() {
                    continue;
                }
                let weight = if *bold { " font-weight=\"bold\"" } else { "" };
                let anchor = match anchor {
                    Anchor::Start => "",
                    Anchor::Middle => " text-anchor=\"middle\"",
                };
                let fill = if *color == "#000000" {
                    String::new()
                } else {
                    format!(" fill=\"{color}\"")
                };
                let _ = writeln!(
                    out,
                    "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{weight}{anchor}{fill}>{}</text>",
                    n(*x),
                    n(*y),
                    n(*size),
                    esc(text)
                );
            }
        }
    }
}

/// Each page as its own SVG document.
pub fn pages(doc: &Document) -> Vec<String> {
    doc.pages
        .iter()
        .enumerate()
        .map(|(i, page)| {
            let mut out = String::new();
            head(
                &mut out,
                doc.width,
                doc.height,
                &format!("{} ({}/{})", doc.title, i + 1, doc.pages.len()),
                doc.kerning,
            );
            page_body(&mut out, page, doc.width, doc.height);
            out.push_str("</svg>\n");
            out
        })
        .collect()
}

/// The whole document in one SVG: the pages one under another.
pub fn document(doc: &Document) -> String {
    let count = doc.pages.len() as f32;
    let height = count * doc.height + (count - 1.0).max(0.0) * GAP;
    let mut out = String::new();
    head(&mut out, doc.width, height, &doc.title, doc.kerning);
    for (i, page) in doc.pages.iter().enumerate() {
        let _ = writeln!(
            out,
            "<g class=\"page\" transform=\"translate(0,{})\">",
            n(i as f32 * (doc.height + GAP))
        );
        page_body(&mut out, page, doc.width, doc.height);
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    out
}
