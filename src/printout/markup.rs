//! The HTML a printout template writes, read back as blocks to lay out: a small, well-formed
//! subset of HTML (XHTML) that a browser shows the same way. No I/O here.
//!
//! Blocks: `p`, `h1`–`h3`, `div`, `hr`, `table` (`thead`, `tbody`, `tr`, `td`, `th`), `ol`,
//! `ul`, `li`. Inline: `b`, `strong`, `i`, `em` (set upright: the shipped font has no italic),
//! `u`, `span`, `small`, `br`. Attributes read: `align`, `valign`, `width` (a percentage),
//! `border`, `colspan`, `start`, and of `style` only `text-align`, `vertical-align`,
//! `font-size` (in pt), `font-weight: bold`, `text-decoration: underline` and `width`. Other
//! attributes are ignored; any other element is an error naming it. `<br>` and `<hr>` may be
//! written unclosed, `<!DOCTYPE html>` and a `<head>` are skipped, and the common named
//! entities (`&nbsp;`, `&ndash;`, …) are understood.

use std::sync::OnceLock;

use regex::Regex;

/// Body text, in points.
pub const BODY: f32 = 11.0;
/// Table text, in points.
pub const TABLE: f32 = 10.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
    Justify,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VAlign {
    Top,
    Middle,
    Bottom,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub bold: bool,
    pub underline: bool,
    pub size: f32,
}

/// A piece of a paragraph: text in one style, or a forced line break.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String, Style),
    Break,
}

#[derive(Debug, Clone)]
pub enum Block {
    /// A paragraph (or heading): its pieces, how its lines align, room above and below.
    Text {
        inlines: Vec<Inline>,
        align: Align,
        before: f32,
        after: f32,
        /// A heading: kept on the page of what follows it.
        keep: bool,
    },
    /// A horizontal line across the box, `weight` points thick (`<hr size="2"/>`).
    Rule {
        weight: f32,
    },
    Table(Table),
    List {
        ordered: bool,
        start: usize,
        items: Vec<Vec<Block>>,
        size: f32,
    },
}

#[derive(Debug, Clone)]
pub struct Table {
    /// Lines around every cell (`border="1"`).
    pub border: bool,
    pub rows: Vec<Vec<Cell>>,
    /// Leading rows repeated at the top of each page the table goes on to (a `thead`, or
    /// rows of `th` only).
    pub header_rows: usize,
    /// The table's share of the box's width (`width="60%"`); default all of it.
    pub width: Option<f32>,
    pub align: Align,
}

#[derive(Debug, Clone)]
pub struct Cell {
    pub blocks: Vec<Block>,
    pub colspan: usize,
    /// Share of the table's width, 0 to 1.
    pub width: Option<f32>,
    pub header: bool,
    pub valign: VAlign,
}

#[derive(Debug, Clone)]
pub struct Markup {
    /// `<title>`, else the text of the first `h1`.
    pub title: Option<String>,
    pub blocks: Vec<Block>,
}

/// What a block may hold: the inherited style and alignment.
#[derive(Debug, Clone, Copy)]
struct Ctx {
    style: Style,
    align: Align,
}

/// The most elements one printout may hold: its text is at most `limits::PRINT_OUTPUT_BYTES`,
/// and this bounds the layout's work.
const MAX_NODES: usize = 200_000;
/// Tables, lists and divisions inside each other, at most.
const MAX_DEPTH: usize = 32;

/// Reads a template's output.
pub fn parse(html: &str) -> Result<Markup, String> {
    let text = prepare(html);
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_NODES as u32,
    };
    let doc = roxmltree::Document::parse_with_options(&text, options)
        .map_err(|e| t!(MarkupNotWellFormed, error = e))?;
    let root = doc.root_element();
    let (body, head) = match root.tag_name().name() {
        "html" => (
            root.children().find(|n| n.has_tag_name("body")),
            root.children().find(|n| n.has_tag_name("head")),
        ),
        _ => (Some(root), None),
    };
    let title = head
        .and_then(|h| h.descendants().find(|n| n.has_tag_name("title")))
        .map(|t| collapse(&text_of(t)).trim().to_string())
        .filter(|t| !t.is_empty());
    let ctx = Ctx {
        style: Style {
            bold: false,
            underline: false,
            size: BODY,
        },
        align: Align::Left,
    };
    let blocks = match body {
        Some(body) => blocks(body, ctx, 0)?,
        None => Vec::new(),
    };
    let title = title.or_else(|| {
        doc.descendants()
            .find(|n| n.has_tag_name("h1"))
            .map(|h| collapse(&text_of(h)).trim().to_string())
            .filter(|t| !t.is_empty())
    });
    Ok(Markup { title, blocks })
}

/// The text ready for an XML reader: no doctype, void elements closed, HTML's named entities
/// as numbers, wrapped in a `body` unless it is a whole `html` document.
fn prepare(html: &str) -> String {
    static DOCTYPE: OnceLock<Regex> = OnceLock::new();
    static VOID: OnceLock<Regex> = OnceLock::new();
    let doctype = DOCTYPE.get_or_init(|| Regex::new(r"(?i)<!DOCTYPE[^>]*>").unwrap());
    let void = VOID.get_or_init(|| Regex::new(r"(?i)<(br|hr)(\s[^<>]*?)?\s*/?>").unwrap());
    let text = doctype.replace_all(html, "");
    let text = void.replace_all(&text, "<$1$2/>");
    let mut text = text.into_owned();
    for (name, code) in ENTITIES {
        if text.contains(name) {
            text = text.replace(name, code);
        }
    }
    let trimmed = text.trim_start();
    let whole = trimmed.len() >= 5 && trimmed[..5].eq_ignore_ascii_case("<html");
    if whole {
        text
    } else {
        format!("<body>{text}</body>")
    }
}

const ENTITIES: &[(&str, &str)] = &[
    ("&nbsp;", "&#160;"),
    ("&ndash;", "&#8211;"),
    ("&mdash;", "&#8212;"),
    ("&hellip;", "&#8230;"),
    ("&copy;", "&#169;"),
    ("&reg;", "&#174;"),
    ("&deg;", "&#176;"),
    ("&times;", "&#215;"),
    ("&bull;", "&#8226;"),
    ("&middot;", "&#183;"),
    ("&laquo;", "&#171;"),
    ("&raquo;", "&#187;"),
    ("&ldquo;", "&#8220;"),
    ("&rdquo;", "&#8221;"),
    ("&lsquo;", "&#8216;"),
    ("&rsquo;", "&#8217;"),
];

fn text_of(node: roxmltree::Node) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

/// White space as HTML shows it: each run of spaces, tabs and line breaks is one space (at
/// the ends too: the runs around it decide). A no-break space (`&nbsp;`) is kept.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r') {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    if space {
        out.push(' ');
    }
    out
}

/// One declaration of a `style` attribute, lowercased: `text-align: center` → "center".
fn style_of<'a>(node: roxmltree::Node<'a, 'a>, property: &str) -> Option<String> {
    let style = node.attribute("style")?;
    style.split(';').find_map(|decl| {
        let (k, v) = decl.split_once(':')?;
        (k.trim().eq_ignore_ascii_case(property)).then(|| v.trim().to_ascii_lowercase())
    })
}

fn align_of(node: roxmltree::Node, inherited: Align) -> Align {
    let written = style_of(node, "text-align").or_else(|| {
        node.attribute("align")
            .map(|a| a.trim().to_ascii_lowercase())
    });
    match written.as_deref() {
        Some("center") => Align::Center,
        Some("right") => Align::Right,
        Some("justify") => Align::Justify,
        Some("left") => Align::Left,
        _ => inherited,
    }
}

/// `60%` as 0.6; None for anything else (a width in pixels means nothing on paper).
fn percent(text: &str) -> Option<f32> {
    let n: f32 = text.trim().strip_suffix('%')?.trim().parse().ok()?;
    (n > 0.0 && n <= 100.0).then_some(n / 100.0)
}

fn width_of(node: roxmltree::Node) -> Option<f32> {
    style_of(node, "width")
        .and_then(|w| percent(&w))
        .or_else(|| node.attribute("width").and_then(percent))
}

/// The style of an element's content: its own declarations over the inherited ones.
fn styled(node: roxmltree::Node, mut style: Style) -> Style {
    if let Some(size) = style_of(node, "font-size") {
        if let Some(pt) = size
            .strip_suffix("pt")
            .and_then(|n| n.trim().parse::<f32>().ok())
        {
            style.size = pt.clamp(5.0, 36.0);
        }
    }
    if let Some(w) = style_of(node, "font-weight") {
        style.bold = w == "bold" || w.parse::<u32>().is_ok_and(|n| n >= 600);
    }
    if let Some(d) = style_of(node, "text-decoration") {
        style.underline = d.contains("underline");
    }
    style
}

fn unknown(node: roxmltree::Node) -> String {
    t!(
        MarkupUnknownElement,
        name = node.tag_name().name(),
        line = node.document().text_pos_at(node.range().start).row
    )
}

/// The blocks of a container (the body, a div, a cell, a list item).
fn blocks(parent: roxmltree::Node, ctx: Ctx, depth: usize) -> Result<Vec<Block>, String> {
    if depth > MAX_DEPTH {
        return Err(t!(
            MarkupTooDeep,
            max = MAX_DEPTH,
            line = parent.document().text_pos_at(parent.range().start).row
        ));
    }
    let mut out = Vec::new();
    let mut pending: Vec<Inline> = Vec::new();
    let flush = |pending: &mut Vec<Inline>, out: &mut Vec<Block>| {
        let inlines = std::mem::take(pending);
        if has_text(&inlines) {
            out.push(Block::Text {
                inlines,
                align: ctx.align,
                before: 0.0,
                after: 0.0,
                keep: false,
            });
        }
    };
    for node in parent.children() {
        if node.is_text() {
            pending.push(Inline::Text(
                collapse(node.text().unwrap_or_default()),
                ctx.style,
            ));
            continue;
        }
        if !node.is_element() {
            continue;
        }
        let name = node.tag_name().name().to_ascii_lowercase();
        match name.as_str() {
            "b" | "strong" | "i" | "em" | "u" | "span" | "small" | "br" => {
                inline(node, ctx.style, &mut pending)?;
            }
            "p" | "h1" | "h2" | "h3" => {
                flush(&mut pending, &mut out);
                let (size, bold, before, after) = match name.as_str() {
                    "h1" => (14.0, true, 4.0, 8.0),
                    "h2" => (12.0, true, 10.0, 4.0),
                    "h3" => (ctx.style.size, true, 8.0, 3.0),
                    _ => (ctx.style.size, ctx.style.bold, 0.0, 0.5 * ctx.style.size),
                };
                let style = styled(
                    node,
                    Style {
                        size,
                        bold,
                        ..ctx.style
                    },
                );
                let mut inlines = Vec::new();
                for child in node.children() {
                    match child.is_element() {
                        true => inline(child, style, &mut inlines)?,
                        false => {
                            if let Some(t) = child.text() {
                                inlines.push(Inline::Text(collapse(t), style));
                            }
                        }
                    }
                }
                out.push(Block::Text {
                    inlines,
                    align: align_of(node, ctx.align),
                    before,
                    after,
                    keep: name != "p",
                });
            }
            "div" | "center" => {
                flush(&mut pending, &mut out);
                let align = match name.as_str() {
                    "center" => Align::Center,
                    _ => align_of(node, ctx.align),
                };
                let inner = Ctx {
                    style: styled(node, ctx.style),
                    align,
                };
                out.extend(blocks(node, inner, depth + 1)?);
            }
            "hr" => {
                flush(&mut pending, &mut out);
                let weight = node
                    .attribute("size")
                    .and_then(|s| s.trim().parse::<f32>().ok())
                    .unwrap_or(1.0)
                    .clamp(0.5, 4.0);
                out.push(Block::Rule { weight });
            }
            "table" => {
                flush(&mut pending, &mut out);
                out.push(Block::Table(table(node, ctx, depth + 1)?));
            }
            "ol" | "ul" => {
                flush(&mut pending, &mut out);
                let style = styled(node, ctx.style);
                let mut items = Vec::new();
                for li in node.children().filter(|n| n.is_element()) {
                    if !li.has_tag_name("li") {
                        return Err(unknown(li));
                    }
                    let inner = Ctx {
                        style: styled(li, style),
                        align: align_of(li, ctx.align),
                    };
                    items.push(blocks(li, inner, depth + 1)?);
                }
                out.push(Block::List {
                    ordered: name == "ol",
                    start: node
                        .attribute("start")
                        .and_then(|s| s.trim().parse().ok())
                        .unwrap_or(1),
                    items,
                    size: style.size,
                });
            }
            _ => return Err(unknown(node)),
        }
    }
    flush(&mut pending, &mut out);
    Ok(out)
}

fn has_text(inlines: &[Inline]) -> bool {
    inlines.iter().any(|i| match i {
        Inline::Text(t, _) => !t.trim().is_empty(),
        Inline::Break => true,
    })
}

/// An inline element and what it holds, as pieces of the paragraph.
fn inline(node: roxmltree::Node, style: Style, out: &mut Vec<Inline>) -> Result<(), String> {
    let name = node.tag_name().name().to_ascii_lowercase();
    let style = match name.as_str() {
        "b" | "strong" => Style {
            bold: true,
            ..style
        },
        "u" => Style {
            underline: true,
            ..style
        },
        "small" => Style {
            size: style.size * 0.85,
            ..style
        },
        "i" | "em" | "span" => style,
        "br" => {
            out.push(Inline::Break);
            return Ok(());
        }
        _ => return Err(unknown(node)),
    };
    let style = styled(node, style);
    for child in node.children() {
        if child.is_element() {
            inline(child, style, out)?;
        } else if let Some(t) = child.text().filter(|_| child.is_text()) {
            out.push(Inline::Text(collapse(t), style));
        }
    }
    Ok(())
}

fn table(node: roxmltree::Node, ctx: Ctx, depth: usize) -> Result<Table, String> {
    let border = node
        .attribute("border")
        .is_some_and(|b| b.trim() != "0" && !b.trim().is_empty());
    let style = styled(
        node,
        Style {
            size: TABLE.min(ctx.style.size),
            ..ctx.style
        },
    );
    let mut rows = Vec::new();
    let mut header_rows = 0;
    let mut in_head = Vec::new();
    let mut collect = |tr: roxmltree::Node, head: bool| -> Result<(), String> {
        let mut cells = Vec::new();
        for cell in tr.children().filter(|n| n.is_element()) {
            let name = cell.tag_name().name().to_ascii_lowercase();
            if name != "td" && name != "th" {
                return Err(unknown(cell));
            }
            let header = name == "th";
            let inner = Ctx {
                style: styled(
                    cell,
                    Style {
                        bold: header || style.bold,
                        ..style
                    },
                ),
                align: align_of(
                    cell,
                    align_of(tr, if header { Align::Center } else { Align::Left }),
                ),
            };
            let valign = style_of(cell, "vertical-align")
                .or_else(|| cell.attribute("valign").map(str::to_ascii_lowercase))
                .or_else(|| tr.attribute("valign").map(str::to_ascii_lowercase));
            cells.push(Cell {
                blocks: blocks(cell, inner, depth + 1)?,
                colspan: cell
                    .attribute("colspan")
                    .and_then(|c| c.trim().parse().ok())
                    .unwrap_or(1usize)
                    .clamp(1, 64),
                width: width_of(cell),
                header,
                valign: match valign.as_deref() {
                    Some("middle") => VAlign::Middle,
                    Some("bottom") => VAlign::Bottom,
                    _ => VAlign::Top,
                },
            });
        }
        in_head.push(head);
        rows.push(cells);
        Ok(())
    };
    for child in node.children().filter(|n| n.is_element()) {
        match child.tag_name().name().to_ascii_lowercase().as_str() {
            "tr" => collect(child, false)?,
            part @ ("thead" | "tbody" | "tfoot") => {
                for tr in child.children().filter(|n| n.is_element()) {
                    if !tr.has_tag_name("tr") {
                        return Err(unknown(tr));
                    }
                    collect(tr, part == "thead")?;
                }
            }
            _ => return Err(unknown(child)),
        }
    }
    // A thead's rows, else the leading rows of th cells only.
    if in_head.iter().any(|h| *h) {
        header_rows = in_head.iter().take_while(|h| **h).count();
    } else {
        for cells in &rows {
            if !cells.is_empty() && cells.iter().all(|c| c.header) {
                header_rows += 1;
            } else {
                break;
            }
        }
    }
    // A table of headers only repeats nothing.
    if header_rows == rows.len() {
        header_rows = 0;
    }
    Ok(Table {
        border,
        rows,
        header_rows,
        width: width_of(node),
        align: match node
            .attribute("align")
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("center") => Align::Center,
            Some("right") => Align::Right,
            _ => Align::Left,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(b: &Block) -> String {
        match b {
            Block::Text { inlines, .. } => inlines
                .iter()
                .map(|i| match i {
                    Inline::Text(t, _) => t.clone(),
                    Inline::Break => "|".into(),
                })
                .collect(),
            _ => String::new(),
        }
    }

    #[test]
    fn reads_paragraphs_headings_and_inline_styles() {
        let m = parse(
            "<h1 align=\"center\">BERITA  ACARA</h1>\n<p>Pada hari ini <b>Senin</b>,<br>\ntanggal&nbsp;1</p>",
        )
        .unwrap();
        assert_eq!(m.title.as_deref(), Some("BERITA ACARA"));
        assert_eq!(m.blocks.len(), 2);
        match &m.blocks[0] {
            Block::Text {
                align,
                keep,
                inlines,
                ..
            } => {
                assert_eq!(*align, Align::Center);
                assert!(keep);
                assert!(matches!(&inlines[0], Inline::Text(_, s) if s.bold && s.size == 14.0));
            }
            _ => panic!(),
        }
        assert_eq!(texts(&m.blocks[1]), "Pada hari ini Senin,| tanggal\u{a0}1");
        match &m.blocks[1] {
            Block::Text { inlines, .. } => {
                assert!(matches!(&inlines[1], Inline::Text(t, s) if t == "Senin" && s.bold));
            }
            _ => panic!(),
        }
    }

    #[test]
    fn reads_tables_with_headers_widths_and_spans() {
        let m = parse(
            "<table border=\"1\"><thead><tr><th width=\"10%\">No</th><th>Nama</th></tr></thead>\
             <tbody><tr><td>1</td><td style=\"text-align: right\">Laptop</td></tr>\
             <tr><td colspan=\"2\">x</td></tr></tbody></table>",
        )
        .unwrap();
        let Block::Table(t) = &m.blocks[0] else {
            panic!()
        };
        assert!(t.border);
        assert_eq!(t.header_rows, 1);
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[0][0].width, Some(0.1));
        assert!(t.rows[0][0].header);
        assert_eq!(t.rows[2][0].colspan, 2);
        assert!(
            matches!(
                &t.rows[1][1].blocks[0],
                Block::Text {
                    align: Align::Right,
                    ..
                }
            ),
            "{:?}",
            t.rows[1][1].blocks
        );
    }

    #[test]
    fn refuses_unknown_elements_and_bad_markup() {
        let e = parse("<p>a</p>\n<img src=\"logo.png\"/>").unwrap_err();
        assert!(e.contains("<img>") && e.contains("line 2"), "{e}");
        let e = parse("<p>a").unwrap_err();
        assert!(e.contains("not well-formed"), "{e}");
        assert!(parse(
            "<!DOCTYPE html><html><head><title>T</title></head><body><p>x</p></body></html>"
        )
        .is_ok_and(|m| m.title.as_deref() == Some("T") && m.blocks.len() == 1));
    }

    #[test]
    fn lists_number_their_items() {
        let m = parse("<ol start=\"3\"><li>a</li><li><p>b</p></li></ol>").unwrap();
        match &m.blocks[0] {
            Block::List {
                ordered,
                start,
                items,
                ..
            } => {
                assert!(ordered);
                assert_eq!(*start, 3);
                assert_eq!(items.len(), 2);
            }
            _ => panic!(),
        }
    }
}
