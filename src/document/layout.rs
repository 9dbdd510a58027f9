//! The SOP AP document laid out as plain data: pages of lines, shapes and wrapped text in
//! points (A4 landscape, 842 × 595), and where each step's symbol and each role's column
//! stand, for the writers (`svg`) and the tests.
//!
//! Page 1 is the identity table as Permenpan RB 35/2012 lays it out; the flow table follows:
//! No | Kegiatan | one column per Pelaksana | Mutu Baku (Kelengkapan, Waktu, Output) |
//! Keterangan, one row per row of the document, the header repeated on every page.

use std::collections::HashMap;

use super::font;
use crate::config::Config;
use crate::graph::{Extras, HERE_FILL, HERE_STROKE, TRAIL_STROKE, VISITED_FILL};
use crate::procedure::{Kind, Procedure, Step};
use crate::stdtime::Timing;

pub const PAGE_W: f32 = 842.0;
pub const PAGE_H: f32 = 595.0;
pub(super) const MARGIN: f32 = 28.0;
/// Body text of the flow table.
const SIZE: f32 = 7.5;
/// A cell's padding.
pub(super) const PAD: f32 = 3.5;
/// Line height, as a share of the font size.
pub(super) const LEADING: f32 = 1.2;
/// The shading of a table's header cells.
pub(crate) const SHADE: &str = "#e8e8e8";
/// Room above and below the flow rows for off-page connectors.
const STRIP: f32 = 24.0;
/// One loop lane beside the symbols.
const LANE: f32 = 5.0;
const LANES: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Start and end (*terminator*).
    Capsule,
    /// An activity (*proses*).
    Rect,
    /// A decision.
    Diamond,
    /// A sub-procedure (*predefined process*): a rectangle with double sides.
    Predefined,
    /// The off-page connector.
    OffPage,
}

/// How a symbol or an arrow is inked: plain, or on a request's trail (`sop show --graph
/// svg`): passed, or where the request is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Mark {
    #[default]
    Plain,
    Trail,
    Here,
}

#[derive(Debug, Clone)]
pub enum Item {
    /// A polyline; `arrow` puts an arrowhead at its last point.
    Line {
        points: Vec<(f32, f32)>,
        width: f32,
        dashed: bool,
        arrow: bool,
        mark: Mark,
    },
    /// A flowchart symbol in its box; `step` is the id of the step it stands for.
    Symbol {
        shape: Shape,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        dashed: bool,
        mark: Mark,
        step: Option<String>,
    },
    /// A filled rectangle (a header cell's shading).
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: &'static str,
    },
    /// A filled shape (a QR code's modules): the SVG path `d`, drawn in units of `scale`
    /// points from (x, y).
    Path {
        x: f32,
        y: f32,
        scale: f32,
        d: String,
    },
    /// One line of text; `y` is its baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        anchor: Anchor,
        text: String,
        color: &'static str,
    },
}

/// Where a step's symbol stands, for the tests.
#[derive(Debug, Clone)]
pub struct Placed {
    pub step: String,
    /// Index into the page's `roles`.
    pub column: usize,
    pub shape: Shape,
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

/// A Pelaksana column: its label and horizontal extent.
#[derive(Debug, Clone)]
pub struct Column {
    pub label: String,
    pub x: f32,
    pub w: f32,
}

#[derive(Debug, Default)]
pub struct Page {
    pub items: Vec<Item>,
    /// Flow pages: the symbols on the page and the role columns.
    pub symbols: Vec<Placed>,
    pub roles: Vec<Column>,
}

#[derive(Debug)]
pub struct Document {
    pub title: String,
    pub pages: Vec<Page>,
    /// The page size in points: A4 landscape (`PAGE_W` × `PAGE_H`) or portrait.
    pub width: f32,
    pub height: f32,
    /// Whether text is set with the font's kerning. Without it a line is exactly as wide as
    /// `font::width` measures it: a printout justifies lines and underlines runs by those
    /// widths.
    pub kerning: bool,
}

impl Document {
    /// Whether the pages are taller than wide.
    pub fn portrait(&self) -> bool {
        self.height > self.width
    }
}

/// The drawing primitives every layout (the SOP document, Tabel 7, a printout) makes its
/// pages of.
impl Item {
    /// One line of black text; `y` is its baseline.
    pub(crate) fn text(x: f32, y: f32, size: f32, bold: bool, anchor: Anchor, text: &str) -> Item {
        Item::Text {
            x,
            y,
            size,
            bold,
            anchor,
            text: text.to_string(),
            color: "#000000",
        }
    }

    /// A plain line through `points`.
    pub(crate) fn line(points: Vec<(f32, f32)>, width: f32) -> Item {
        Item::Line {
            points,
            width,
            dashed: false,
            arrow: false,
            mark: Mark::Plain,
        }
    }

    /// A rectangle's outline.
    pub(crate) fn rect(x: f32, y: f32, w: f32, h: f32, width: f32) -> Item {
        Item::line(
            vec![(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)],
            width,
        )
    }
}

impl Page {
    pub(crate) fn text(
        &mut self,
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        anchor: Anchor,
        text: &str,
    ) {
        self.items.push(Item::text(x, y, size, bold, anchor, text));
    }

    /// Wrapped lines from the top of a cell (`y` is the cell's top plus padding).
    pub(crate) fn lines(
        &mut self,
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        anchor: Anchor,
        lines: &[String],
    ) {
        for (i, l) in lines.iter().enumerate() {
            let base = y + size * 0.9 + i as f32 * size * LEADING;
            self.text(x, base, size, bold, anchor, l);
        }
    }

    pub(crate) fn line(&mut self, points: Vec<(f32, f32)>, width: f32) {
        self.items.push(Item::line(points, width));
    }

    pub(crate) fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, width: f32) {
        self.items.push(Item::rect(x, y, w, h, width));
    }

    /// A filled rectangle: a header cell's shading.
    pub(crate) fn fill(&mut self, x: f32, y: f32, w: f32, h: f32, color: &'static str) {
        self.items.push(Item::Fill { x, y, w, h, color });
    }
}

pub(super) fn text_height(lines: usize, size: f32) -> f32 {
    lines as f32 * size * LEADING
}

/// Lays out a procedure's document.
pub fn layout(p: &Procedure, config: &Config, extras: &Extras) -> Document {
    let mut pages = vec![identity(p, config)];
    pages.extend(flow(p, config, extras, 2));
    finish(p, pages)
}

/// The flow table alone (`sop show --graph svg`), with the trail of `extras` highlighted.
pub fn flow_only(p: &Procedure, config: &Config, extras: &Extras) -> Document {
    finish(p, flow(p, config, extras, 1))
}

/// Numbers the pages and marks a draft's.
fn finish(p: &Procedure, mut pages: Vec<Page>) -> Document {
    number_pages(&mut pages);
    for page in &mut pages {
        if p.draft {
            page.text(
                MARGIN,
                PAGE_H - MARGIN / 2.0,
                7.0,
                true,
                Anchor::Start,
                "DRAF: belum dari dokumen SOP yang disahkan",
            );
        }
    }
    Document {
        title: p.name.clone(),
        pages,
        width: PAGE_W,
        height: PAGE_H,
        kerning: true,
    }
}

/// "Halaman 1 dari 3" at the foot of each landscape page, on the right.
pub(super) fn number_pages(pages: &mut [Page]) {
    let n = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        let label = format!("Halaman {} dari {n}", i + 1);
        let x = PAGE_W - MARGIN - font::width(&label, 7.0, false);
        page.text(x, PAGE_H - MARGIN / 2.0, 7.0, false, Anchor::Start, &label);
    }
}

// ---------------------------------------------------------------------------------------
// Page 1: the identity table.

/// "Kepala Dinas …, NAMA, NIP. 1973…" as the lines the table shows: who, then the NIP.
fn approver_lines(text: &str) -> Vec<String> {
    match text.find("NIP") {
        Some(at) if at > 0 => {
            let who = text[..at].trim().trim_end_matches(',').trim();
            vec![who.to_string(), text[at..].trim().to_string()]
        }
        _ => vec![text.to_string()],
    }
}

fn numbered(items: &[String]) -> String {
    match items {
        [] => "-".to_string(),
        [one] => one.clone(),
        _ => items
            .iter()
            .enumerate()
            .map(|(i, t)| format!("{}. {t}", i + 1))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "-".to_string()
    } else {
        text.to_string()
    }
}

fn identity(p: &Procedure, config: &Config) -> Page {
    // The largest size at which the whole table fits the page.
    let mut size = 9.0;
    loop {
        let (page, height) = identity_at(p, config, size);
        if height <= PAGE_H - 2.0 * MARGIN || size <= 5.5 {
            return page;
        }
        size -= 0.5;
    }
}

fn identity_at(p: &Procedure, config: &Config, size: f32) -> (Page, f32) {
    let mut page = Page::default();
    let h = &p.sop;
    let width = PAGE_W - 2.0 * MARGIN;
    let left_w = width * 0.42;
    let label_w = width * 0.2;
    let value_w = width - left_w - label_w;
    let x0 = MARGIN;
    let mut y = MARGIN;
    let unit = if h.unit.trim().is_empty() {
        config.office.clone()
    } else {
        h.unit.clone()
    };
    let mut approver = approver_lines(&h.approved_by);
    if h.approved_by.trim().is_empty() {
        approver = vec!["-".to_string()];
    }
    let rows: Vec<(&str, Vec<String>)> = vec![
        ("Nomor SOP", vec![or_dash(&h.number)]),
        ("Tanggal Pembuatan", vec![or_dash(&h.created)]),
        ("Tanggal Revisi", vec![or_dash(&h.revised)]),
        ("Tanggal Efektif", vec![or_dash(&h.effective)]),
        ("Disahkan oleh", approver),
        ("Nama SOP", vec![p.name.clone()]),
    ];
    let inner = |w: f32| w - 2.0 * PAD;
    let mut right_h = 0.0;
    let mut laid = Vec::new();
    for (label, values) in &rows {
        let label_lines = font::wrap(label, size, true, inner(label_w));
        let mut value_lines = Vec::new();
        for v in values {
            value_lines.extend(font::wrap(v, size, *label == "Nama SOP", inner(value_w)));
        }
        let row_h = text_height(label_lines.len().max(value_lines.len()), size) + 2.0 * PAD;
        laid.push((label_lines, value_lines, row_h, *label == "Nama SOP"));
        right_h += row_h;
    }
    let unit_lines = font::wrap(&unit.to_uppercase(), size + 1.0, true, inner(left_w));
    let top_h = right_h.max(text_height(unit_lines.len(), size + 1.0) + 2.0 * PAD);
    // The left cell: the office.
    page.rect(x0, y, left_w, top_h, 0.8);
    let unit_y = y + (top_h - text_height(unit_lines.len(), size + 1.0)) / 2.0;
    page.lines(
        x0 + left_w / 2.0,
        unit_y,
        size + 1.0,
        true,
        Anchor::Middle,
        &unit_lines,
    );
    // The right cells: number, dates, approver, name.
    let mut ry = y;
    for (label_lines, value_lines, row_h, bold) in laid {
        page.rect(x0 + left_w, ry, label_w, row_h, 0.8);
        page.rect(x0 + left_w + label_w, ry, value_w, row_h, 0.8);
        page.lines(
            x0 + left_w + PAD,
            ry + PAD,
            size,
            true,
            Anchor::Start,
            &label_lines,
        );
        page.lines(
            x0 + left_w + label_w + PAD,
            ry + PAD,
            size,
            bold,
            Anchor::Start,
            &value_lines,
        );
        ry += row_h;
    }
    y += top_h;
    // The lower table: two columns of headed lists.
    let half = width / 2.0;
    let pairs = [
        (
            ("Dasar Hukum:", numbered(&h.legal_basis)),
            ("Kualifikasi Pelaksana:", numbered(&h.qualifications)),
        ),
        (
            ("Keterkaitan:", numbered(&h.related)),
            ("Peralatan / Perlengkapan:", numbered(&h.equipment)),
        ),
        (
            ("Peringatan:", or_dash(&h.warning)),
            ("Pencatatan dan Pendataan:", numbered(&h.records)),
        ),
    ];
    for ((l_head, l_text), (r_head, r_text)) in pairs {
        let l_lines = font::wrap(&l_text, size, false, inner(half));
        let r_lines = font::wrap(&r_text, size, false, inner(half));
        let head_h = text_height(1, size) + 2.0 * PAD;
        let body_h = text_height(l_lines.len().max(r_lines.len()), size) + 2.0 * PAD;
        for (x, head, lines) in [(x0, l_head, &l_lines), (x0 + half, r_head, &r_lines)] {
            page.fill(x, y, half, head_h, SHADE);
            page.rect(x, y, half, head_h, 0.8);
            page.rect(x, y + head_h, half, body_h, 0.8);
            page.text(
                x + PAD,
                y + PAD + size * 0.9,
                size,
                true,
                Anchor::Start,
                head,
            );
            page.lines(x + PAD, y + head_h + PAD, size, false, Anchor::Start, lines);
        }
        y += head_h + body_h;
    }
    (page, y - MARGIN)
}

// ---------------------------------------------------------------------------------------
// The flow table.

/// One row of the table: the steps the document writes in it (several actors share one).
struct Row<'a> {
    steps: Vec<(usize, &'a Step)>,
    number: String,
    kegiatan: Vec<String>,
    inputs: Vec<String>,
    time: Vec<String>,
    output: Vec<String>,
    note: Vec<String>,
    height: f32,
}

/// The table's columns, left to right.
struct Columns {
    no: (f32, f32),
    kegiatan: (f32, f32),
    roles: Vec<(f32, f32)>,
    inputs: (f32, f32),
    time: (f32, f32),
    output: (f32, f32),
    note: (f32, f32),
}

impl Columns {
    fn new(n_roles: usize) -> Columns {
        let width = PAGE_W - 2.0 * MARGIN;
        let no = 22.0;
        let (inputs, time, output, note) = (86.0, 50.0, 86.0, 96.0);
        let rest = width - no - inputs - time - output - note;
        let n = n_roles.max(1) as f32;
        let role_w = ((rest - 130.0) / n).clamp(40.0, 92.0);
        let kegiatan = rest - role_w * n;
        let mut x = MARGIN;
        let mut next = |w: f32| {
            let c = (x, w);
            x += w;
            c
        };
        let no = next(no);
        let kegiatan = next(kegiatan);
        let roles = (0..n_roles.max(1)).map(|_| next(role_w)).collect();
        Columns {
            no,
            kegiatan,
            roles,
            inputs: next(inputs),
            time: next(time),
            output: next(output),
            note: next(note),
        }
    }

    fn right(&self) -> f32 {
        self.note.0 + self.note.1
    }
}

fn written(t: &Timing) -> String {
    match t {
        Timing::Fixed(t) => t.to_string(),
        Timing::ByField { field, times } => {
            let each: Vec<String> = times
                .iter()
                .map(|(v, t)| format!("{v}: {}", t.map_or("-".to_string(), |t| t.to_string())))
                .collect();
            format!("menurut {field}: {}", each.join("; "))
        }
    }
}

/// Joins the texts of a row's steps, each once.
fn joined<'a>(texts: impl Iterator<Item = &'a str>) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for t in texts.map(str::trim).filter(|t| !t.is_empty()) {
        if !seen.contains(&t) {
            seen.push(t);
        }
    }
    seen.join("; ")
}

/// The column each step is drawn in: its first role's; for a step no one acts at (the start,
/// an automatic decision, an end without a role) the column of the step it passes to (the
/// start) or comes from.
fn step_columns(p: &Procedure, roles: &[&str]) -> Vec<usize> {
    let own = p
        .steps
        .iter()
        .map(|s| {
            s.role
                .list()
                .first()
                .and_then(|r| roles.iter().position(|x| x == r))
        })
        .collect();
    p.placed_by_neighbours(own)
        .into_iter()
        .map(|c| c.unwrap_or(0))
        .collect()
}

fn shape_of(s: &Step) -> Shape {
    match s.kind {
        Kind::Start | Kind::End => Shape::Capsule,
        Kind::Approval | Kind::Decision => Shape::Diamond,
        Kind::Task => Shape::Rect,
        Kind::Call => Shape::Predefined,
    }
}

/// A symbol's box on its page.
#[derive(Clone, Copy)]
struct Spot {
    page: usize,
    x: f32,
    y: f32,
    w: f32,
    h: f32,
}

impl Spot {
    fn cx(&self) -> f32 {
        self.x + self.w / 2.0
    }
    fn cy(&self) -> f32 {
        self.y + self.h / 2.0
    }
    fn bottom(&self) -> f32 {
        self.y + self.h
    }
    fn side(&self, right: bool) -> f32 {
        if right {
            self.x + self.w
        } else {
            self.x
        }
    }
}

/// The flow pages; the first is page `first` of the document.
fn flow(p: &Procedure, config: &Config, extras: &Extras, first: usize) -> Vec<Page> {
    let roles = p.roles();
    let labels: Vec<String> = if roles.is_empty() {
        vec!["Pelaksana".to_string()]
    } else {
        roles
            .iter()
            .map(|r| p.role_label(config, r).to_string())
            .collect()
    };
    let cols = Columns::new(labels.len());
    let step_col = step_columns(p, &roles);

    // Rows: consecutive steps that share a number are one row.
    let mut rows: Vec<Row> = p
        .rows()
        .into_iter()
        .map(|steps| Row {
            number: p.steps[steps[0]]
                .number
                .as_ref()
                .map(|n| n.to_string())
                .unwrap_or_default(),
            steps: steps.into_iter().map(|i| (i, &p.steps[i])).collect(),
            kegiatan: Vec::new(),
            inputs: Vec::new(),
            time: Vec::new(),
            output: Vec::new(),
            note: Vec::new(),
            height: 0.0,
        })
        .collect();
    let inner = |c: (f32, f32)| c.1 - 2.0 * PAD;
    for row in &mut rows {
        let steps = &row.steps;
        let activity = joined(steps.iter().map(|(_, s)| s.activity.as_str()));
        let mut kegiatan = activity;
        for (_, s) in steps {
            if let Some(why) = &s.inferred {
                kegiatan = format!("{kegiatan}\n(ditafsirkan: {why})");
            }
            if let Some(why) = &s.role_inferred {
                kegiatan = format!("{kegiatan}\n(pelaku ditafsirkan: {why})");
            }
            // The symbol stands in the first role's column: name them all.
            let roles = s.role.list();
            if roles.len() > 1 {
                let names: Vec<&str> = roles.iter().map(|r| p.role_label(config, r)).collect();
                kegiatan = format!("{kegiatan}\n(pelaksana: {})", names.join(" atau "));
            }
        }
        let inputs = joined(
            steps
                .iter()
                .flat_map(|(_, s)| s.inputs.iter().map(String::as_str)),
        );
        let times: Vec<String> = steps
            .iter()
            .filter_map(|(_, s)| s.timing.as_ref().map(written))
            .collect();
        let time = joined(times.iter().map(String::as_str));
        let output = joined(steps.iter().map(|(_, s)| s.output.as_str()));
        // A call step names the procedure it starts.
        let calls: Vec<String> = steps
            .iter()
            .filter_map(|(_, s)| s.call.as_ref())
            .map(|c| format!("Sub-prosedur: SOP {}", extras.called_name(c.get_ref())))
            .collect();
        let note = joined(
            steps
                .iter()
                .map(|(_, s)| s.note.as_str())
                .chain(calls.iter().map(String::as_str)),
        );
        row.kegiatan = font::wrap(&kegiatan, SIZE, false, inner(cols.kegiatan));
        row.inputs = font::wrap(&inputs, SIZE, false, inner(cols.inputs));
        row.time = font::wrap(&time, SIZE, false, inner(cols.time));
        row.output = font::wrap(&output, SIZE, false, inner(cols.output));
        row.note = font::wrap(&note, SIZE, false, inner(cols.note));
        let lines = [
            &row.kegiatan,
            &row.inputs,
            &row.time,
            &row.output,
            &row.note,
        ]
        .iter()
        .map(|l| l.len())
        .max()
        .unwrap_or(1);
        let symbol_room = if steps.iter().any(|(_, s)| shape_of(s) == Shape::Diamond) {
            46.0
        } else {
            36.0
        };
        row.height = (text_height(lines, SIZE) + 2.0 * PAD).max(symbol_room);
    }

    // The header, the same on every page.
    let role_lines: Vec<Vec<String>> = labels
        .iter()
        .zip(&cols.roles)
        .map(|(l, c)| font::wrap(l, SIZE, true, inner(*c)))
        .collect();
    let top_h = text_height(1, SIZE) + 2.0 * PAD;
    let sub_lines = role_lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let sub_h = text_height(sub_lines, SIZE) + 2.0 * PAD;
    let title_h = 18.0;
    let table_top = MARGIN + title_h;
    // A continuation page keeps a strip above its rows for the connectors coming in; every
    // page but the last one below them for those going out.
    let rows_top_of = |page: usize| table_top + top_h + sub_h + if page > 0 { STRIP } else { 0.0 };
    let total_lines = font::wrap(&p.total().to_string(), SIZE, true, inner(cols.time));
    let total_h = text_height(total_lines.len(), SIZE) + 2.0 * PAD + 4.0;
    let rows_bottom_max = PAGE_H - MARGIN - STRIP;

    // Pagination: rows fill a page; the total row stays with the last.
    let mut page_of_row = Vec::new();
    let mut row_y = Vec::new();
    let mut page = 0;
    let mut y = rows_top_of(0);
    for (i, row) in rows.iter().enumerate() {
        let last = i + 1 == rows.len();
        let need = row.height + if last { total_h } else { 0.0 };
        if y + need > rows_bottom_max && y > rows_top_of(page) {
            page += 1;
            y = rows_top_of(page);
        }
        page_of_row.push(page);
        row_y.push(y);
        y += row.height;
    }
    let n_pages = page + 1;
    let mut pages: Vec<Page> = (0..n_pages).map(|_| Page::default()).collect();

    // Symbols.
    let gutter = 2.0 + LANE * LANES as f32;
    let mut spots: HashMap<usize, Spot> = HashMap::new();
    for (r, row) in rows.iter().enumerate() {
        for &(i, s) in &row.steps {
            let (cx0, cw) = cols.roles[step_col[i]];
            let room = cw - 2.0 * gutter;
            let shape = shape_of(s);
            let (w, h) = match shape {
                Shape::Diamond => (room.clamp(16.0, 40.0), 26.0),
                _ => (room.clamp(16.0, 56.0), 18.0),
            };
            let cy = row_y[r] + row.height / 2.0;
            let spot = Spot {
                page: page_of_row[r],
                x: cx0 + (cw - w) / 2.0,
                y: cy - h / 2.0,
                w,
                h,
            };
            spots.insert(i, spot);
            let pg = &mut pages[spot.page];
            let mark = match &extras.trail {
                Some(t) if t.is_here(s.id()) => Mark::Here,
                Some(t) if t.visited(s.id()) => Mark::Trail,
                _ => Mark::Plain,
            };
            pg.items.push(Item::Symbol {
                shape,
                x: spot.x,
                y: spot.y,
                w,
                h,
                dashed: s.inferred.is_some(),
                mark,
                step: Some(s.id().to_string()),
            });
            if let (Mark::Here, Some(t)) = (mark, &extras.trail) {
                // Where the request is, and how it stands there: left of the symbol, clear
                // of the exits' labels on its right and below it.
                let tag = t.state.to_uppercase();
                pg.items.push(Item::Text {
                    x: spot.x - 2.0 - font::width(&tag, 5.5, true),
                    y: spot.y + 4.0,
                    size: 5.5,
                    bold: true,
                    anchor: Anchor::Start,
                    text: tag,
                    color: HERE_STROKE,
                });
            }
            pg.symbols.push(Placed {
                step: s.id().to_string(),
                column: step_col[i],
                shape,
                x: spot.x,
                y: spot.y,
                w,
                h,
            });
        }
    }

    // Arrows.
    let row_of: HashMap<usize, usize> = rows
        .iter()
        .enumerate()
        .flat_map(|(r, row)| row.steps.iter().map(move |&(i, _)| (i, r)))
        .collect();
    let mut lanes_used = [0usize; 2]; // left, right
    let mut connector = 0u8;
    let index = |id: &str| p.steps.iter().position(|s| s.id() == id);
    for (from, s) in p.steps.iter().enumerate() {
        let mut side_exits = 0;
        let mut bottom_used = false;
        for (way, target) in p.exits(s) {
            let Some(to) = index(target.get_ref()) else {
                continue;
            };
            let (a, b) = (spots[&from], spots[&to]);
            let (ra, rb) = (row_of[&from], row_of[&to]);
            let dashed = s.inferred_exits.contains_key(way) || p.steps[to].inferred.is_some();
            // On a request's trail: the moves that took this exit, in order.
            let (label, taken) = extras.taken(s.id(), way, &s.exit_label(way));
            let mark = if taken.is_empty() {
                Mark::Plain
            } else {
                Mark::Trail
            };
            let label = (label.as_str(), mark);
            let arrow = |points: Vec<(f32, f32)>, arrow: bool| Item::Line {
                points,
                width: if mark == Mark::Plain { 0.8 } else { 1.6 },
                dashed,
                arrow,
                mark,
            };
            let is_last_in_row = rows[ra].steps.last().map(|&(i, _)| i) == Some(from);
            let is_first_in_row = rows[rb].steps.first().map(|&(i, _)| i) == Some(to);
            if ra == rb && step_col[from] != step_col[to] {
                // Within a row of several actors: across.
                let right = b.cx() > a.cx();
                let pts = vec![(a.side(right), a.cy()), (b.side(!right), b.cy())];
                pages[a.page].items.push(arrow(pts, true));
                label_at(&mut pages[a.page], label, a.side(right) + 2.0, a.cy() - 2.0);
            } else if rb == ra + 1 && is_last_in_row && is_first_in_row && !bottom_used {
                bottom_used = true;
                if a.page == b.page {
                    // Turn inside the target's row, above its symbol: clear of the row line
                    // and of a label under a decision.
                    let mid = row_y[rb] + (b.y - row_y[rb]) / 2.0;
                    let mut pts = vec![(a.cx(), a.bottom())];
                    if (a.cx() - b.cx()).abs() > 0.5 {
                        pts.push((a.cx(), mid));
                        pts.push((b.cx(), mid));
                    }
                    pts.push((b.cx(), b.y));
                    pages[a.page].items.push(arrow(pts, true));
                } else {
                    // Down to the foot of the page, on from the head of the next.
                    connector += 1;
                    let tag = connector_tag(connector);
                    let foot = row_y[ra] + rows[ra].height + STRIP / 2.0;
                    pages[a.page].items.push(arrow(
                        vec![(a.cx(), a.bottom()), (a.cx(), foot - 7.0)],
                        true,
                    ));
                    off_page(&mut pages[a.page], a.cx(), foot, &tag, b.page + first, mark);
                    let head = rows_top_of(b.page) - STRIP / 2.0;
                    off_page(&mut pages[b.page], b.cx(), head, &tag, a.page + first, mark);
                    pages[b.page]
                        .items
                        .push(arrow(vec![(b.cx(), head + 7.0), (b.cx(), b.y)], true));
                }
                label_at(&mut pages[a.page], label, a.cx() + 3.0, a.bottom() + 7.0);
            } else {
                // Round the side: out to a lane beside the symbols, up or down, and in.
                let right = side_exits % 2 == 0;
                side_exits += 1;
                let k = usize::from(right);
                let lane = lanes_used[k] % LANES;
                lanes_used[k] += 1;
                let gx = if right {
                    let (x, w) = cols.roles[cols.roles.len() - 1];
                    x + w - 2.0 - LANE * lane as f32 - LANE / 2.0
                } else {
                    cols.roles[0].0 + 2.0 + LANE * lane as f32 + LANE / 2.0
                };
                let out = if right { 1.0 } else { -1.0 };
                if a.page == b.page {
                    let pts = vec![
                        (a.side(right), a.cy()),
                        (gx, a.cy()),
                        (gx, b.cy()),
                        (b.side(right), b.cy()),
                    ];
                    pages[a.page].items.push(arrow(pts, true));
                } else {
                    connector += 1;
                    let tag = connector_tag(connector);
                    // Beyond the exit's label.
                    let ax = a.side(right) + out * (16.0 + font::width(label.0, 6.5, true));
                    pages[a.page].items.push(arrow(
                        vec![(a.side(right), a.cy()), (ax - out * 7.0, a.cy())],
                        true,
                    ));
                    off_page(&mut pages[a.page], ax, a.cy(), &tag, b.page + first, mark);
                    let bx = b.side(right) + out * 16.0;
                    off_page(&mut pages[b.page], bx, b.cy(), &tag, a.page + first, mark);
                    pages[b.page].items.push(arrow(
                        vec![(bx - out * 7.0, b.cy()), (b.side(right), b.cy())],
                        true,
                    ));
                }
                let lx = if right {
                    a.side(true) + 2.0
                } else {
                    a.x - 2.0 - font::width(label.0, 6.5, true)
                };
                label_at(&mut pages[a.page], label, lx, a.cy() - 2.5);
            }
        }
    }

    // The grid, the header and the texts, page by page.
    let name = p.name.clone();
    for (n, page) in pages.iter_mut().enumerate() {
        let title = if p.sop.number.trim().is_empty() {
            format!("Prosedur Operasi Standar: {name}")
        } else {
            format!("Prosedur Operasi Standar: {name} (No. {})", p.sop.number)
        };
        let legend_w = match &extras.trail {
            Some(t) => legend(page, t),
            None => 0.0,
        };
        let title = font::wrap(&title, 9.0, true, PAGE_W - 2.0 * MARGIN - legend_w)
            .into_iter()
            .next()
            .unwrap_or_default();
        page.text(MARGIN, MARGIN + 9.0, 9.0, true, Anchor::Start, &title);
        let left = MARGIN;
        let right = cols.right();
        let y0 = table_top;
        // Header cells.
        let head_h = top_h + sub_h;
        page.items.insert(
            0,
            Item::Fill {
                x: left,
                y: y0,
                w: right - left,
                h: head_h,
                color: SHADE,
            },
        );
        let center = |c: (f32, f32)| c.0 + c.1 / 2.0;
        let text_y = |top: f32, h: f32, lines: usize| top + (h - text_height(lines, SIZE)) / 2.0;
        // A header cell's lines, centred in the cell `top` to `top + h` about `x`.
        let head = |page: &mut Page, x: f32, top: f32, h: f32, lines: &[String]| {
            let y = text_y(top, h, lines.len());
            page.lines(x, y, SIZE, true, Anchor::Middle, lines);
        };
        let roles_x = cols.roles[0].0;
        let roles_w: f32 = cols.roles.iter().map(|c| c.1).sum();
        let mutu_x = cols.inputs.0;
        let mutu_w = cols.inputs.1 + cols.time.1 + cols.output.1;
        for (x, top, h, label) in [
            (center(cols.no), y0, head_h, "No"),
            (center(cols.kegiatan), y0, head_h, "Kegiatan"),
            (center(cols.note), y0, head_h, "Keterangan"),
            (roles_x + roles_w / 2.0, y0, top_h, "Pelaksana"),
            (mutu_x + mutu_w / 2.0, y0, top_h, "Mutu Baku"),
        ] {
            head(page, x, top, h, &[label.to_string()]);
        }
        for (c, lines) in cols.roles.iter().zip(&role_lines) {
            head(page, center(*c), y0 + top_h, sub_h, lines);
        }
        for (c, label) in [
            (cols.inputs, "Kelengkapan"),
            (cols.time, "Waktu"),
            (cols.output, "Output"),
        ] {
            head(page, center(c), y0 + top_h, sub_h, &[label.to_string()]);
        }
        // Rows of this page.
        let here: Vec<usize> = (0..rows.len()).filter(|&r| page_of_row[r] == n).collect();
        let mut bottom = rows_top_of(n);
        for &r in &here {
            let row = &rows[r];
            let top = row_y[r];
            let (start, middle) = (Anchor::Start, Anchor::Middle);
            for (x, anchor, lines) in [
                (center(cols.no), middle, std::slice::from_ref(&row.number)),
                (cols.kegiatan.0 + PAD, start, &row.kegiatan),
                (cols.inputs.0 + PAD, start, &row.inputs),
                (center(cols.time), middle, &row.time),
                (cols.output.0 + PAD, start, &row.output),
                (cols.note.0 + PAD, start, &row.note),
            ] {
                page.lines(x, top + PAD, SIZE, false, anchor, lines);
            }
            bottom = top + row.height;
            page.line(vec![(left, bottom), (right, bottom)], 0.5);
        }
        let last_page = n + 1 == n_pages;
        let mut table_bottom = bottom + STRIP;
        if last_page {
            // The total standard time.
            let top = bottom;
            page.line(vec![(left, top), (right, top)], 0.8);
            page.lines(
                cols.kegiatan.0 + PAD,
                top + PAD + 2.0,
                SIZE,
                true,
                Anchor::Start,
                &["Jumlah waktu baku".to_string()],
            );
            page.lines(
                center(cols.time),
                top + PAD + 2.0,
                SIZE,
                true,
                Anchor::Middle,
                &total_lines,
            );
            table_bottom = top + total_h;
        }
        // Grid: the outer frame, the header's lines, the column lines.
        page.rect(left, y0, right - left, table_bottom - y0, 0.9);
        page.line(vec![(left, y0 + head_h), (right, y0 + head_h)], 0.9);
        page.line(
            vec![(roles_x, y0 + top_h), (roles_x + roles_w, y0 + top_h)],
            0.5,
        );
        page.line(
            vec![(mutu_x, y0 + top_h), (mutu_x + mutu_w, y0 + top_h)],
            0.5,
        );
        let full = [cols.kegiatan.0, roles_x, mutu_x, cols.note.0];
        for x in full {
            page.line(vec![(x, y0), (x, table_bottom)], 0.5);
        }
        let last_line = if last_page {
            table_bottom - total_h
        } else {
            table_bottom
        };
        for c in cols.roles.iter().skip(1) {
            page.line(vec![(c.0, y0 + top_h), (c.0, last_line)], 0.5);
        }
        for x in [cols.time.0, cols.output.0] {
            page.line(vec![(x, y0 + top_h), (x, table_bottom)], 0.5);
        }
        page.roles = labels
            .iter()
            .zip(&cols.roles)
            .map(|(l, c)| Column {
                label: l.clone(),
                x: c.0,
                w: c.1,
            })
            .collect();
    }
    pages
}

/// The key to a request's trail at the top right of a flow page: the request, the colours
/// of the steps passed and of where it is, the order of the moves. Returns its width.
fn legend(page: &mut Page, t: &crate::graph::Trail) -> f32 {
    let size = 7.0;
    let sw = 9.0;
    let parts: [(Option<(&'static str, Mark)>, String); 4] = [
        (None, format!("Jalur {}:", t.request)),
        (Some((VISITED_FILL, Mark::Trail)), "dilalui".to_string()),
        (Some((HERE_FILL, Mark::Here)), t.state.clone()),
        (None, "[n] urutan langkah".to_string()),
    ];
    let width: f32 = parts
        .iter()
        .map(|(swatch, text)| {
            font::width(text, size, false) + 6.0 + if swatch.is_some() { sw + 3.0 } else { 0.0 }
        })
        .sum();
    let mut x = PAGE_W - MARGIN - width;
    let base = MARGIN + 9.0;
    for (swatch, text) in parts {
        if let Some((fill, mark)) = swatch {
            page.fill(x, base - 7.0, sw, 7.5, fill);
            page.items.push(Item::Line {
                points: vec![
                    (x, base - 7.0),
                    (x + sw, base - 7.0),
                    (x + sw, base + 0.5),
                    (x, base + 0.5),
                    (x, base - 7.0),
                ],
                width: 0.8,
                dashed: false,
                arrow: false,
                mark,
            });
            x += sw + 3.0;
        }
        page.text(x, base, size, false, Anchor::Start, &text);
        x += font::width(&text, size, false) + 6.0;
    }
    width + 8.0
}

/// An exit's label, in the trail's colour when the request took the exit.
fn label_at(page: &mut Page, (label, mark): (&str, Mark), x: f32, y: f32) {
    if !label.is_empty() {
        page.items.push(Item::Text {
            x,
            y,
            size: 6.5,
            bold: true,
            anchor: Anchor::Start,
            text: label.to_string(),
            color: if mark == Mark::Plain {
                "#000000"
            } else {
                TRAIL_STROKE
            },
        });
    }
}

/// A, B, … Z, AA, AB, …
fn connector_tag(n: u8) -> String {
    let n = n - 1;
    if n < 26 {
        char::from(b'A' + n).to_string()
    } else {
        format!("A{}", char::from(b'A' + (n - 26) % 26))
    }
}

/// The off-page connector centred at (x, y), with its letter and the page it goes to or
/// comes from.
fn off_page(page: &mut Page, x: f32, y: f32, tag: &str, other_page: usize, mark: Mark) {
    let (w, h) = (14.0, 14.0);
    page.items.push(Item::Symbol {
        shape: Shape::OffPage,
        x: x - w / 2.0,
        y: y - h / 2.0,
        w,
        h,
        dashed: false,
        mark,
        step: None,
    });
    page.text(x, y + 1.5, 6.5, true, Anchor::Middle, tag);
    page.text(
        x + w / 2.0 + 2.0,
        y + 2.0,
        5.5,
        false,
        Anchor::Start,
        &format!("hal. {other_page}"),
    );
}
