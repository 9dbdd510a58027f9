//! A printout's blocks laid out on A4 portrait pages, in the shipped font: paragraphs wrapped
//! by the font's glyph widths (aligned left, centred, right or justified), tables with their
//! header rows repeated on each page they run on to, lists, lines; and at the foot of every
//! page the verification footer with its QR code. Plain data out (`document::layout`'s pages),
//! for the SVG, HTML and PDF writers. No I/O here.

use std::rc::Rc;

use super::markup::{Align, Block, Cell, Inline, Markup, Style, Table, VAlign};
use crate::document::font;
use crate::document::layout::{Anchor, Document, Item, Page, SHADE};

/// A4 portrait, in points.
pub const PAGE_W: f32 = 595.0;
pub const PAGE_H: f32 = 842.0;
const LEFT: f32 = 62.0;
const RIGHT: f32 = 50.0;
const TOP: f32 = 48.0;
/// The foot of the page kept for the verification footer.
const FOOT: f32 = 92.0;
/// Line height, as a share of the font size; the baseline sits at `ASCENT` of it.
const LEADING: f32 = 1.25;
const ASCENT: f32 = 0.93;
/// A table cell's padding.
const PAD_X: f32 = 4.0;
const PAD_Y: f32 = 2.5;
/// A list item's indent.
const INDENT: f32 = 20.0;
/// Footer text.
const FOOT_SIZE: f32 = 7.0;
/// A QR module, in points.
const MODULE: f32 = 1.5;

/// The width of the text column.
pub fn content_width() -> f32 {
    PAGE_W - LEFT - RIGHT
}

/// What every page carries at its foot: lines of text (the page number is added) and the QR
/// code's modules.
pub struct Footer {
    pub lines: Vec<String>,
    pub qr: Option<super::qr::Qr>,
}

/// A piece of the flow that is never split over two pages: a line of text, a table row, a
/// rule. Its items are placed from (0, 0) at its top left.
#[derive(Clone, Default)]
struct Frag {
    height: f32,
    /// Room above it, unless it starts a page.
    before: f32,
    items: Vec<Item>,
    /// Stays on the page of the fragment after it (a heading, a table's header row).
    keep: bool,
    /// A table's header rows, put again at the top of a page this row starts.
    repeat: Option<Rc<Vec<Frag>>>,
    /// The first baseline, for a list's number.
    baseline: f32,
}

/// Lays out `markup` on pages, each with `footer`. Err when it takes more than `max_pages`.
pub fn layout(
    markup: &Markup,
    title: &str,
    footer: &Footer,
    max_pages: usize,
) -> Result<Document, String> {
    let frags = blocks(&markup.blocks, content_width());
    let bottom = PAGE_H - FOOT;
    let mut pages: Vec<Vec<Item>> = vec![Vec::new()];
    let mut y = TOP;
    for (i, frag) in frags.iter().enumerate() {
        let at_top = y <= TOP;
        let before = if at_top { 0.0 } else { frag.before };
        let mut need = before + frag.height;
        // A heading (and a header row) with the fragments it keeps with.
        let mut j = i;
        while frags[j].keep && j + 1 < frags.len() {
            j += 1;
            need += frags[j].before + frags[j].height;
        }
        if y + need > bottom && !at_top {
            if pages.len() >= max_pages {
                return Err(t!(PrintoutTooManyPages, max_pages = max_pages));
            }
            pages.push(Vec::new());
            y = TOP;
            if let Some(header) = &frag.repeat {
                for h in header.iter() {
                    place(pages.last_mut().expect("a page"), h, LEFT, y);
                    y += h.height;
                }
            }
        } else {
            y += before;
        }
        place(pages.last_mut().expect("a page"), frag, LEFT, y);
        y += frag.height;
    }
    let n = pages.len();
    let pages = pages
        .into_iter()
        .enumerate()
        .map(|(i, mut items)| {
            decorate(&mut items, footer, i + 1, n);
            Page {
                items,
                ..Page::default()
            }
        })
        .collect();
    Ok(Document {
        title: title.to_string(),
        pages,
        width: PAGE_W,
        height: PAGE_H,
        kerning: false,
    })
}

fn place(page: &mut Vec<Item>, frag: &Frag, x: f32, y: f32) {
    page.extend(frag.items.iter().map(|item| shift(item, x, y)));
}

/// An item moved by (dx, dy).
fn shift(item: &Item, dx: f32, dy: f32) -> Item {
    let mut item = item.clone();
    match &mut item {
        Item::Line { points, .. } => {
            for p in points.iter_mut() {
                p.0 += dx;
                p.1 += dy;
            }
        }
        Item::Symbol { x, y, .. }
        | Item::Fill { x, y, .. }
        | Item::Path { x, y, .. }
        | Item::Text { x, y, .. } => {
            *x += dx;
            *y += dy;
        }
    }
    item
}

/// The footer of page `page` of `pages`: a rule, the lines of text, the page number, and the
/// QR code at the right.
fn decorate(items: &mut Vec<Item>, footer: &Footer, page: usize, pages: usize) {
    let top = PAGE_H - FOOT + 14.0;
    items.push(Item::line(vec![(LEFT, top), (PAGE_W - RIGHT, top)], 0.5));
    let mut text_right = PAGE_W - RIGHT;
    if let Some(qr) = &footer.qr {
        let size = qr.width as f32 * MODULE;
        let x = PAGE_W - RIGHT - size;
        // Four modules of white all round: the quiet zone a reader needs.
        let y = top + 4.0 * MODULE + 2.0;
        items.push(Item::Path {
            x,
            y,
            scale: MODULE,
            d: qr.path(),
        });
        text_right = x - 4.0 * MODULE - 6.0;
    }
    let mut lines: Vec<String> = Vec::new();
    for l in footer
        .lines
        .iter()
        .map(String::as_str)
        .chain([format!("Halaman {page} dari {pages}").as_str()])
    {
        lines.extend(font::wrap(l, FOOT_SIZE, false, text_right - LEFT));
    }
    for (i, l) in lines.iter().enumerate() {
        let y = top + 6.0 + FOOT_SIZE * ASCENT + i as f32 * FOOT_SIZE * LEADING;
        items.push(Item::text(LEFT, y, FOOT_SIZE, false, Anchor::Start, l));
    }
}

// ---------------------------------------------------------------------------------------
// Blocks into fragments.

/// The fragments of `blocks` in a box `width` wide, the room between blocks collapsed (the
/// larger of the one below and the one above).
fn blocks(blocks: &[Block], width: f32) -> Vec<Frag> {
    let mut out: Vec<Frag> = Vec::new();
    let mut after = 0.0f32;
    for b in blocks {
        let (frags, before, below) = match b {
            Block::Text {
                inlines,
                align,
                before,
                after,
                keep,
            } => {
                let mut lines = paragraph(inlines, *align, width);
                if *keep {
                    for l in &mut lines {
                        l.keep = true;
                    }
                }
                (lines, *before, *after)
            }
            Block::Rule { weight } => {
                let h = 4.0 + weight;
                let y = h / 2.0;
                let frag = Frag {
                    height: h,
                    items: vec![Item::line(vec![(0.0, y), (width, y)], *weight)],
                    ..Frag::default()
                };
                (vec![frag], 2.0, 4.0)
            }
            Block::Table(t) => (table(t, width), 4.0, 8.0),
            Block::List {
                ordered,
                start,
                items,
                size,
            } => (list(*ordered, *start, items, *size, width), 0.0, 4.0),
        };
        let mut frags = frags;
        if let Some(first) = frags.first_mut() {
            first.before = first.before.max(after.max(before));
        }
        after = below;
        out.extend(frags);
    }
    out
}

/// Fragments stacked into one box: its items from (0, 0) and its height. The first
/// fragment's room above is dropped.
fn stack(frags: &[Frag]) -> (Vec<Item>, f32) {
    let mut items = Vec::new();
    let mut y = 0.0;
    for (i, f) in frags.iter().enumerate() {
        if i > 0 {
            y += f.before;
        }
        items.extend(f.items.iter().map(|it| shift(it, 0.0, y)));
        y += f.height;
    }
    (items, y)
}

/// A run of text in one style, with its width.
#[derive(Clone, Debug)]
struct Seg {
    text: String,
    style: Style,
    width: f32,
}

/// A word: runs with no space between them (`<b>Nama</b>:`).
#[derive(Clone, Debug, Default)]
struct Word {
    segs: Vec<Seg>,
    space_before: bool,
    width: f32,
}

impl Word {
    fn push(&mut self, text: &str, style: Style) {
        let width = font::width(text, style.size, style.bold);
        self.width += width;
        match self.segs.last_mut() {
            Some(last) if last.style == style => {
                last.text.push_str(text);
                last.width += width;
            }
            _ => self.segs.push(Seg {
                text: text.to_string(),
                style,
                width,
            }),
        }
    }

    fn style(&self) -> Style {
        self.segs.first().map_or(
            Style {
                bold: false,
                underline: false,
                size: super::markup::BODY,
            },
            |s| s.style,
        )
    }

    fn size(&self) -> f32 {
        self.segs.iter().map(|s| s.style.size).fold(0.0, f32::max)
    }
}

fn space(style: Style) -> f32 {
    font::width(" ", style.size, style.bold)
}

enum Tok {
    Word(Word),
    Break,
}

/// The paragraph's words, joined across runs where no space parts them.
fn tokens(inlines: &[Inline]) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut word = Word::default();
    let mut space_pending = false;
    for inline in inlines {
        match inline {
            Inline::Break => {
                if !word.segs.is_empty() {
                    out.push(Tok::Word(std::mem::take(&mut word)));
                }
                out.push(Tok::Break);
                space_pending = false;
            }
            Inline::Text(text, style) => {
                for (i, piece) in text.split(' ').enumerate() {
                    if i > 0 {
                        space_pending = true;
                    }
                    if piece.is_empty() {
                        continue;
                    }
                    if space_pending && !word.segs.is_empty() {
                        out.push(Tok::Word(std::mem::take(&mut word)));
                    }
                    if word.segs.is_empty() {
                        word.space_before = space_pending;
                    }
                    word.push(piece, *style);
                    space_pending = false;
                }
            }
        }
    }
    if !word.segs.is_empty() {
        out.push(Tok::Word(word));
    }
    out
}

/// A word wider than a line, cut into pieces that fit.
fn cut(word: Word, max: f32) -> Vec<Word> {
    let mut out = Vec::new();
    let mut piece = Word {
        space_before: word.space_before,
        ..Word::default()
    };
    for seg in &word.segs {
        for c in seg.text.chars() {
            let w = font::width(&c.to_string(), seg.style.size, seg.style.bold);
            if piece.width + w > max && !piece.segs.is_empty() {
                out.push(std::mem::take(&mut piece));
            }
            piece.push(&c.to_string(), seg.style);
        }
    }
    if !piece.segs.is_empty() {
        out.push(piece);
    }
    out
}

struct Line {
    words: Vec<Word>,
    /// Ends the paragraph or at a `<br>`: never justified.
    last: bool,
}

/// A paragraph's lines, one fragment each.
fn paragraph(inlines: &[Inline], align: Align, width: f32) -> Vec<Frag> {
    let base = inlines
        .iter()
        .find_map(|i| match i {
            Inline::Text(_, s) => Some(s.size),
            Inline::Break => None,
        })
        .unwrap_or(super::markup::BODY);
    let mut lines: Vec<Line> = Vec::new();
    let mut cur: Vec<Word> = Vec::new();
    let mut used = 0.0f32;
    let toks = tokens(inlines);
    let n = toks.len();
    for (i, tok) in toks.into_iter().enumerate() {
        match tok {
            Tok::Break => {
                // A break at the very end adds no line, as in a browser.
                if i + 1 < n || !cur.is_empty() {
                    lines.push(Line {
                        words: std::mem::take(&mut cur),
                        last: true,
                    });
                }
                used = 0.0;
            }
            Tok::Word(word) => {
                let pieces = if word.width > width {
                    cut(word, width)
                } else {
                    vec![word]
                };
                for w in pieces {
                    let gap = if cur.is_empty() || !w.space_before {
                        0.0
                    } else {
                        space(w.style())
                    };
                    if !cur.is_empty() && used + gap + w.width > width {
                        lines.push(Line {
                            words: std::mem::take(&mut cur),
                            last: false,
                        });
                        used = w.width;
                    } else {
                        used += gap + w.width;
                    }
                    cur.push(w);
                }
            }
        }
    }
    if !cur.is_empty() {
        lines.push(Line {
            words: cur,
            last: true,
        });
    } else if let Some(l) = lines.last_mut() {
        l.last = true;
    }
    lines
        .iter()
        .map(|l| line_frag(l, align, width, base))
        .collect()
}

fn line_frag(l: &Line, align: Align, width: f32, base: f32) -> Frag {
    let size = l.words.iter().map(Word::size).fold(0.0, f32::max);
    let size = if size > 0.0 { size } else { base };
    let height = size * LEADING;
    let baseline = size * ASCENT;
    let gaps: Vec<f32> = l
        .words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i == 0 || !w.space_before {
                0.0
            } else {
                space(w.style())
            }
        })
        .collect();
    let natural: f32 = l.words.iter().map(|w| w.width).sum::<f32>() + gaps.iter().sum::<f32>();
    let spaces = gaps.iter().filter(|g| **g > 0.0).count();
    let justify = align == Align::Justify && !l.last && spaces > 0;
    let stretch = if justify {
        (width - natural).max(0.0) / spaces as f32
    } else {
        0.0
    };
    let mut x = match align {
        Align::Center => (width - natural) / 2.0,
        Align::Right => width - natural,
        Align::Left | Align::Justify => 0.0,
    }
    .max(0.0);
    // Runs of one style, merged across words unless the line is stretched.
    let mut runs: Vec<(f32, Seg)> = Vec::new();
    for (w, gap) in l.words.iter().zip(&gaps) {
        let spaced = *gap > 0.0;
        if spaced {
            x += gap + stretch;
        }
        for (k, seg) in w.segs.iter().enumerate() {
            let joins = !justify && runs.last().is_some_and(|(_, last)| last.style == seg.style);
            if joins {
                let (_, last) = runs.last_mut().expect("a run");
                if k == 0 && spaced {
                    last.text.push(' ');
                    last.width += gap;
                }
                last.text.push_str(&seg.text);
                last.width += seg.width;
            } else {
                runs.push((x, seg.clone()));
            }
            x += seg.width;
        }
    }
    let mut items = Vec::new();
    for (x, seg) in runs {
        let style = seg.style;
        items.push(Item::text(
            x,
            baseline,
            style.size,
            style.bold,
            Anchor::Start,
            &seg.text,
        ));
        if seg.style.underline {
            let uy = baseline + seg.style.size * 0.12;
            items.push(Item::line(vec![(x, uy), (x + seg.width, uy)], 0.6));
        }
    }
    Frag {
        height,
        items,
        baseline,
        ..Frag::default()
    }
}

fn list(ordered: bool, start: usize, items: &[Vec<Block>], size: f32, width: f32) -> Vec<Frag> {
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let mut frags = blocks(item, width - INDENT);
        for f in &mut frags {
            f.items = f.items.iter().map(|it| shift(it, INDENT, 0.0)).collect();
        }
        let marker = match ordered {
            true => format!("{}.", start + i),
            false => "•".to_string(),
        };
        let first = match frags.first_mut() {
            Some(f) => f,
            None => {
                frags.push(Frag {
                    height: size * LEADING,
                    baseline: size * ASCENT,
                    ..Frag::default()
                });
                &mut frags[0]
            }
        };
        let baseline = if first.baseline > 0.0 {
            first.baseline
        } else {
            size * ASCENT
        };
        let x = INDENT - 5.0 - font::width(&marker, size, false);
        first
            .items
            .push(Item::text(x, baseline, size, false, Anchor::Start, &marker));
        if i > 0 {
            first.before = first.before.max(size * 0.2);
        }
        out.extend(frags);
    }
    out
}

/// The columns' widths: each column's share where a cell of one column gives one, the rest
/// shared equally; scaled down when the shares add up to more than the table.
fn columns(t: &Table, width: f32) -> Vec<f32> {
    let n = t
        .rows
        .iter()
        .map(|r| r.iter().map(|c| c.colspan).sum::<usize>())
        .max()
        .unwrap_or(0)
        .max(1);
    let mut shares: Vec<Option<f32>> = vec![None; n];
    for row in &t.rows {
        let mut col = 0;
        for c in row {
            if c.colspan == 1 && col < n && shares[col].is_none() {
                shares[col] = c.width;
            }
            col += c.colspan;
        }
    }
    let given: f32 = shares.iter().flatten().sum();
    let free = shares.iter().filter(|s| s.is_none()).count();
    let scale = if given > 1.0 { 1.0 / given } else { 1.0 };
    let rest = if free > 0 {
        ((1.0 - given * scale).max(0.0)) / free as f32
    } else {
        0.0
    };
    shares
        .iter()
        .map(|s| s.map_or(rest, |s| s * scale) * width)
        .collect()
}

/// A table's rows, one fragment each (a row taller than a page in several).
fn table(t: &Table, width: f32) -> Vec<Frag> {
    let tw = width * t.width.unwrap_or(1.0);
    let x0 = match t.align {
        Align::Center => (width - tw) / 2.0,
        Align::Right => width - tw,
        _ => 0.0,
    };
    let cols = columns(t, tw);
    let max_row = PAGE_H - FOOT - TOP;
    let mut header: Vec<Frag> = Vec::new();
    let mut out: Vec<Frag> = Vec::new();
    for (r, row) in t.rows.iter().enumerate() {
        let is_header = r < t.header_rows;
        let frags = row_frags(t, row, &cols, x0, max_row);
        for mut f in frags {
            if is_header {
                f.keep = true;
                header.push(f.clone());
            }
            out.push(f);
        }
    }
    if !header.is_empty() {
        let header = Rc::new(header);
        for f in out.iter_mut().skip(header.len()) {
            f.repeat = Some(header.clone());
        }
    }
    out
}

/// One row: each cell's content laid out in its column(s); cut into pieces no taller than
/// `max` where it is taller.
fn row_frags(t: &Table, row: &[Cell], cols: &[f32], x0: f32, max: f32) -> Vec<Frag> {
    struct Laid {
        x: f32,
        w: f32,
        frags: Vec<Frag>,
        cell: usize,
    }
    let mut laid = Vec::new();
    let mut col = 0;
    for (i, c) in row.iter().enumerate() {
        let span = c.colspan.min(cols.len().saturating_sub(col)).max(1);
        let x = x0 + cols[..col.min(cols.len())].iter().sum::<f32>();
        let w: f32 = cols[col.min(cols.len())..(col + span).min(cols.len())]
            .iter()
            .sum();
        col += span;
        let frags = blocks(&c.blocks, (w - 2.0 * PAD_X).max(8.0));
        laid.push(Laid {
            x,
            w,
            frags,
            cell: i,
        });
    }
    // Pieces: each cell's fragments, in turn, as many as fit in `max`.
    let room = max - 2.0 * PAD_Y;
    let mut next: Vec<usize> = vec![0; laid.len()];
    let mut pieces = Vec::new();
    loop {
        let mut parts: Vec<(usize, Vec<Frag>)> = Vec::new();
        for (k, l) in laid.iter().enumerate() {
            let mut used = 0.0;
            let mut part = Vec::new();
            while next[k] < l.frags.len() {
                let f = &l.frags[next[k]];
                let add = if part.is_empty() { 0.0 } else { f.before } + f.height;
                if !part.is_empty() && used + add > room {
                    break;
                }
                used += add;
                part.push(f.clone());
                next[k] += 1;
            }
            parts.push((k, part));
        }
        pieces.push(parts);
        if next.iter().zip(&laid).all(|(n, l)| *n >= l.frags.len()) {
            break;
        }
    }
    let min_h = TABLE_MIN * LEADING + 2.0 * PAD_Y;
    pieces
        .into_iter()
        .map(|parts| {
            let stacked: Vec<(usize, Vec<Item>, f32)> = parts
                .iter()
                .map(|(k, part)| {
                    let (items, h) = stack(part);
                    (*k, items, h)
                })
                .collect();
            let height = stacked
                .iter()
                .map(|(_, _, h)| h + 2.0 * PAD_Y)
                .fold(min_h, f32::max);
            let mut items = Vec::new();
            let mut baseline = 0.0f32;
            for (k, content, h) in stacked {
                let l = &laid[k];
                let cell = &row[l.cell];
                if t.border && cell.header {
                    items.push(Item::Fill {
                        x: l.x,
                        y: 0.0,
                        w: l.w,
                        h: height,
                        color: SHADE,
                    });
                }
                let dy = PAD_Y
                    + match cell.valign {
                        VAlign::Top => 0.0,
                        VAlign::Middle => (height - 2.0 * PAD_Y - h) / 2.0,
                        VAlign::Bottom => height - 2.0 * PAD_Y - h,
                    };
                if baseline == 0.0 {
                    if let Some(f) = l.frags.first() {
                        baseline = dy + f.baseline;
                    }
                }
                items.extend(content.iter().map(|it| shift(it, l.x + PAD_X, dy)));
                if t.border {
                    items.push(Item::rect(l.x, 0.0, l.w, height, 0.6));
                }
            }
            Frag {
                height,
                items,
                baseline,
                ..Frag::default()
            }
        })
        .collect()
}

/// The least a row is high: one line of table text.
const TABLE_MIN: f32 = super::markup::TABLE;

#[cfg(test)]
mod tests {
    use super::super::markup;
    use super::*;

    fn texts(doc: &Document) -> Vec<(usize, String)> {
        doc.pages
            .iter()
            .enumerate()
            .flat_map(|(i, p)| {
                p.items.iter().filter_map(move |it| match it {
                    Item::Text { text, .. } => Some((i, text.clone())),
                    _ => None,
                })
            })
            .collect()
    }

    fn footer() -> Footer {
        Footer {
            lines: vec!["kaki".into()],
            qr: None,
        }
    }

    #[test]
    fn lines_fit_their_box_and_keep_their_words() {
        let text = "Pada hari ini Senin tanggal dua puluh empat bulan November tahun dua ribu dua puluh enam, kami yang bertanda tangan di bawah ini menyatakan telah melakukan serah terima barang sebagai berikut.";
        for align in ["left", "justify", "center", "right"] {
            let m = markup::parse(&format!("<p align=\"{align}\">{text}</p>")).unwrap();
            let doc = layout(&m, "t", &footer(), 10).unwrap();
            let mut words = Vec::new();
            for it in &doc.pages[0].items {
                if let Item::Text {
                    x,
                    text: t,
                    size,
                    bold,
                    y,
                    ..
                } = it
                {
                    if *y > PAGE_H - FOOT {
                        continue;
                    }
                    let right = x + font::width(t, *size, *bold);
                    assert!(
                        *x >= LEFT - 0.01 && right <= PAGE_W - RIGHT + 0.5,
                        "{align}: {t} at {x}..{right}"
                    );
                    words.extend(t.split(' ').map(String::from));
                }
            }
            assert_eq!(words.join(" "), text, "{align}");
        }
    }

    #[test]
    fn long_tables_go_on_with_their_header_on_each_page() {
        let mut html = String::from("<table border=\"1\"><tr><th>No</th><th>Uraian</th></tr>");
        for i in 0..120 {
            html.push_str(&format!("<tr><td>{i}</td><td>baris nomor {i}</td></tr>"));
        }
        html.push_str("</table>");
        let doc = layout(&markup::parse(&html).unwrap(), "t", &footer(), 10).unwrap();
        assert!(doc.pages.len() >= 3, "{}", doc.pages.len());
        let t = texts(&doc);
        for page in 0..doc.pages.len() {
            assert!(
                t.contains(&(page, "Uraian".to_string())),
                "page {page} has the header"
            );
            assert!(t.contains(&(
                page,
                format!("Halaman {} dari {}", page + 1, doc.pages.len())
            )));
        }
        for i in 0..120 {
            assert_eq!(
                t.iter()
                    .filter(|(_, s)| *s == format!("baris nomor {i}"))
                    .count(),
                1
            );
        }
        assert!(layout(&markup::parse(&html).unwrap(), "t", &footer(), 2)
            .unwrap_err()
            .contains("more than 2 pages"));
    }

    #[test]
    fn a_row_taller_than_a_page_is_cut_between_lines() {
        let long = "kata ".repeat(3000);
        let html = format!(
            "<table border=\"1\"><tr><td width=\"20%\">catatan</td><td>{long}</td></tr></table>"
        );
        let doc = layout(&markup::parse(&html).unwrap(), "t", &footer(), 50).unwrap();
        assert!(doc.pages.len() > 1);
        for p in &doc.pages {
            for it in &p.items {
                if let Item::Text { y, .. } = it {
                    assert!(*y <= PAGE_H, "text below the page: {y}");
                }
            }
        }
        let words: usize = texts(&doc)
            .iter()
            .map(|(_, t)| t.matches("kata").count())
            .sum();
        assert_eq!(words, 3000);
    }
}
