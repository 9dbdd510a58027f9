//! Tabel 7 *Monitoring Pelaksanaan SOP AP* (Permenpan RB 35/2012) laid out as the SOP document
//! is (`layout`'s pages of lines and wrapped text, A4 landscape), so that `svg`, `pdf` and
//! `html` write it: the head (unit, period, date, assessor, rule), the table (No | Prosedur |
//! Penilaian: berjalan dengan baik / tidak berjalan dengan baik | Catatan hasil penilaian |
//! Tindakan yang harus diambil | Paraf penilai, left blank for signing), the month recap, and
//! the assessor's signature block. The table's head is repeated on every page it runs onto.

use super::font;
use super::layout::{
    number_pages, text_height, Anchor, Document, Page, LEADING, MARGIN, PAD, PAGE_H, PAGE_W, SHADE,
};
use crate::dates;
use crate::monitoring::{self, Assessment, Header, Judgement};

const SIZE: f32 = 8.0;
/// Room kept at the bottom of each page for its number.
const FOOT: f32 = 16.0;
/// The most lines a cell shows: a row always fits on a page.
const MOST_LINES: usize = 30;
/// The mark in the *Penilaian* column (in the shipped font).
pub const MARK: &str = "√";

/// The title, also the PDF's and the HTML page's.
pub const TITLE: &str = "MONITORING PELAKSANAAN SOP AP";

/// One column: left edge and width.
#[derive(Clone, Copy)]
struct Col {
    x: f32,
    w: f32,
}

/// Columns of the given widths, left to right from the margin.
fn columns(widths: &[f32]) -> Vec<Col> {
    let mut x = MARGIN;
    widths
        .iter()
        .map(|w| {
            let c = Col { x, w: *w };
            x += w;
            c
        })
        .collect()
}

/// `t` wrapped to a cell of width `w`, at most `MOST_LINES` lines (the last ending in `…`).
fn wrap(t: &str, w: f32, bold: bool, size: f32) -> Vec<String> {
    let mut lines = font::wrap(t, size, bold, w - 2.0 * PAD);
    if lines.len() > MOST_LINES {
        lines.truncate(MOST_LINES);
        if let Some(last) = lines.last_mut() {
            last.push_str(" …");
        }
    }
    lines
}

/// Lines in a cell from its top; centred when `center`.
#[allow(clippy::too_many_arguments)]
fn cell(page: &mut Page, c: Col, top: f32, lines: &[String], size: f32, bold: bool, center: bool) {
    let (x, anchor) = if center {
        (c.x + c.w / 2.0, Anchor::Middle)
    } else {
        (c.x + PAD, Anchor::Start)
    };
    page.lines(x, top + PAD, size, bold, anchor, lines);
}

/// The pages as they fill: a new one when what comes next does not fit.
struct Pages {
    done: Vec<Page>,
    page: Page,
    y: f32,
}

impl Pages {
    fn room(&self) -> f32 {
        PAGE_H - MARGIN - FOOT - self.y
    }

    fn next(&mut self) {
        let page = std::mem::take(&mut self.page);
        self.done.push(page);
        self.y = MARGIN;
    }
}

/// A table's head: cells of one or two rows (`span` columns from `at`, `rows` 1 or 2 high).
struct HeadCell {
    at: usize,
    span: usize,
    /// The row it starts in (0 or 1) and how many it spans.
    row: usize,
    rows: usize,
    label: &'static str,
}

fn head_height(cols: &[Col], cells: &[HeadCell]) -> (f32, f32) {
    let mut row_h = [0.0f32; 2];
    for h in cells.iter().filter(|h| h.rows == 1) {
        let w: f32 = cols[h.at..h.at + h.span].iter().map(|c| c.w).sum();
        let n = wrap(h.label, w, true, SIZE).len();
        row_h[h.row] = row_h[h.row].max(text_height(n, SIZE) + 2.0 * PAD);
    }
    let mut total = row_h[0] + row_h[1];
    for h in cells.iter().filter(|h| h.rows == 2) {
        let n = wrap(h.label, cols[h.at].w, true, SIZE).len();
        total = total.max(text_height(n, SIZE) + 2.0 * PAD);
    }
    if row_h[1] == 0.0 {
        (total, 0.0)
    } else {
        (total, total - row_h[1])
    }
}

/// Draws the head at `pages.y` and moves below it.
fn head(pages: &mut Pages, cols: &[Col], cells: &[HeadCell]) {
    let (total, first) = head_height(cols, cells);
    let y = pages.y;
    for h in cells {
        let x = cols[h.at].x;
        let w: f32 = cols[h.at..h.at + h.span].iter().map(|c| c.w).sum();
        let (top, hh) = match (h.row, h.rows) {
            (_, 2) => (y, total),
            (0, _) if first > 0.0 => (y, first),
            (0, _) => (y, total),
            _ => (y + first, total - first),
        };
        let lines = wrap(h.label, w, true, SIZE);
        pages.page.fill(x, top, w, hh, SHADE);
        pages.page.rect(x, top, w, hh, 0.8);
        let inner = top + (hh - text_height(lines.len(), SIZE) - 2.0 * PAD) / 2.0;
        cell(
            &mut pages.page,
            Col { x, w },
            inner,
            &lines,
            SIZE,
            true,
            true,
        );
    }
    pages.y += total;
}

/// The document: head, Tabel 7, the month recap and the signature block.
pub fn layout(header: &Header, a: &Assessment) -> Document {
    let mut pages = Pages {
        done: Vec::new(),
        page: Page::default(),
        y: MARGIN,
    };
    top(&mut pages, header);
    tabel7(&mut pages, a);
    recap(&mut pages, a);
    signature(&mut pages, header);
    pages.next();
    let mut done = pages.done;
    number_pages(&mut done);
    for page in &mut done {
        page.text(
            MARGIN,
            PAGE_H - MARGIN / 2.0,
            7.0,
            false,
            Anchor::Start,
            &format!("{TITLE}, {}", monitoring::period_text(header.period)),
        );
    }
    Document {
        title: TITLE.to_string(),
        pages: done,
        width: PAGE_W,
        height: PAGE_H,
        kerning: true,
    }
}

/// What the assessor's lines say: the name and NIP, or dots to write them in.
fn assessor(header: &Header) -> (String, String) {
    const BLANK: &str = "..........................................";
    match &header.assessor {
        Some(p) => (
            p.name.clone(),
            p.nip.clone().unwrap_or_else(|| BLANK.to_string()),
        ),
        None => (BLANK.to_string(), BLANK.to_string()),
    }
}

fn top(pages: &mut Pages, header: &Header) {
    let page = &mut pages.page;
    page.text(
        PAGE_W / 2.0,
        pages.y + 12.0,
        12.0,
        true,
        Anchor::Middle,
        TITLE,
    );
    pages.y += 24.0;
    let (name, nip) = assessor(header);
    let office = if header.office.trim().is_empty() {
        "-".to_string()
    } else {
        header.office.clone()
    };
    let rows = [
        ("Unit Kerja", office),
        ("Periode", monitoring::period_text(header.period)),
        (
            "Tanggal Penilaian",
            dates::long_date(header.at.date_naive()),
        ),
        ("Nama Penilai", name),
        ("NIP", nip),
        (
            "Aturan Penilaian",
            format!("Prosedur {}.", monitoring::rule_text(header.rule)),
        ),
    ];
    let size = 9.0;
    let label_w = 110.0;
    let value_w = PAGE_W - 2.0 * MARGIN - label_w - 10.0;
    for (label, value) in rows {
        let lines = font::wrap(&value, size, false, value_w);
        let y = pages.y + size;
        pages.page.text(MARGIN, y, size, true, Anchor::Start, label);
        pages
            .page
            .text(MARGIN + label_w, y, size, false, Anchor::Start, ":");
        for (i, l) in lines.iter().enumerate() {
            pages.page.text(
                MARGIN + label_w + 10.0,
                y + i as f32 * size * LEADING,
                size,
                false,
                Anchor::Start,
                l,
            );
        }
        pages.y += text_height(lines.len(), size) + 2.0;
    }
    pages.y += 8.0;
}

/// No | Prosedur | Penilaian (2) | Catatan | Tindakan | Paraf: 786 points.
const TABEL7: [f32; 7] = [24.0, 150.0, 62.0, 62.0, 230.0, 200.0, 58.0];

fn tabel7(pages: &mut Pages, a: &Assessment) {
    let cols = columns(&TABEL7);
    let cells = [
        HeadCell {
            at: 0,
            span: 1,
            row: 0,
            rows: 2,
            label: "No",
        },
        HeadCell {
            at: 1,
            span: 1,
            row: 0,
            rows: 2,
            label: "Prosedur",
        },
        HeadCell {
            at: 2,
            span: 2,
            row: 0,
            rows: 1,
            label: "Penilaian",
        },
        HeadCell {
            at: 2,
            span: 1,
            row: 1,
            rows: 1,
            label: "Berjalan dengan baik",
        },
        HeadCell {
            at: 3,
            span: 1,
            row: 1,
            rows: 1,
            label: "Tidak berjalan dengan baik",
        },
        HeadCell {
            at: 4,
            span: 1,
            row: 0,
            rows: 2,
            label: "Catatan hasil penilaian",
        },
        HeadCell {
            at: 5,
            span: 1,
            row: 0,
            rows: 2,
            label: "Tindakan yang harus diambil",
        },
        HeadCell {
            at: 6,
            span: 1,
            row: 0,
            rows: 2,
            label: "Paraf penilai",
        },
    ];
    let (head_h, _) = head_height(&cols, &cells);
    let mut first = true;
    for r in &a.rows {
        let texts = [
            wrap(&r.no.to_string(), cols[0].w, false, SIZE),
            wrap(
                &format!("{} ({})", r.name, r.procedure),
                cols[1].w,
                false,
                SIZE,
            ),
            wrap(&r.note, cols[4].w, false, SIZE),
            wrap(&r.action, cols[5].w, false, SIZE),
        ];
        let no_data = wrap(r.penilaian, cols[2].w + cols[3].w, false, SIZE);
        let lines = texts
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(1)
            .max(no_data.len());
        let h = text_height(lines, SIZE) + 2.0 * PAD;
        if first || pages.room() < h {
            if !first || pages.room() < head_h + h {
                pages.next();
            }
            head(pages, &cols, &cells);
            first = false;
        }
        let y = pages.y;
        let page = &mut pages.page;
        for (i, c) in cols.iter().enumerate() {
            // The two Penilaian cells are one when the procedure is not judged.
            if r.judgement == Judgement::NoData && i == 2 {
                page.rect(c.x, y, c.w + cols[3].w, h, 0.8);
                continue;
            }
            if r.judgement == Judgement::NoData && i == 3 {
                continue;
            }
            page.rect(c.x, y, c.w, h, 0.8);
        }
        cell(page, cols[0], y, &texts[0], SIZE, false, true);
        cell(page, cols[1], y, &texts[1], SIZE, false, false);
        match r.judgement {
            Judgement::Good => cell(page, cols[2], y, &[MARK.into()], 11.0, true, true),
            Judgement::NotGood => cell(page, cols[3], y, &[MARK.into()], 11.0, true, true),
            Judgement::NoData => {
                let both = Col {
                    x: cols[2].x,
                    w: cols[2].w + cols[3].w,
                };
                cell(page, both, y, &no_data, SIZE, false, true);
            }
        }
        cell(page, cols[4], y, &texts[2], SIZE, false, false);
        cell(page, cols[5], y, &texts[3], SIZE, false, false);
        pages.y += h;
    }
    if first {
        head(pages, &cols, &cells);
        nothing(pages, &TABEL7, "Tidak ada prosedur untuk dinilai.");
    }
}

/// A row across the whole table with one centred line, where the table has nothing to list.
fn nothing(pages: &mut Pages, widths: &[f32], message: &str) {
    let w: f32 = widths.iter().sum();
    let h = text_height(1, SIZE) + 2.0 * PAD;
    pages.page.rect(MARGIN, pages.y, w, h, 0.8);
    let lines = [message.to_string()];
    cell(
        &mut pages.page,
        Col { x: MARGIN, w },
        pages.y,
        &lines,
        SIZE,
        false,
        true,
    );
    pages.y += h;
}

/// Bulan | Prosedur | Ditangani | Masuk | Selesai | Langkah selesai | Dalam waktu baku |
/// Melewati batas | Terlambat di akhir bulan: 786 points.
const RECAP: [f32; 9] = [80.0, 230.0, 62.0, 62.0, 62.0, 62.0, 100.0, 64.0, 64.0];

fn recap(pages: &mut Pages, a: &Assessment) {
    let cols = columns(&RECAP);
    let labels = [
        "Bulan",
        "Prosedur",
        "Permintaan ditangani",
        "Permintaan masuk",
        "Permintaan selesai",
        "Langkah selesai",
        "Langkah dalam waktu baku",
        "Permintaan melewati batas",
        "Terlambat di akhir bulan",
    ];
    let cells: Vec<HeadCell> = labels
        .iter()
        .enumerate()
        .map(|(i, label)| HeadCell {
            at: i,
            span: 1,
            row: 0,
            rows: 1,
            label,
        })
        .collect();
    let (head_h, _) = head_height(&cols, &cells);
    let title_h = 22.0;
    let row_h = text_height(1, SIZE) + 2.0 * PAD;
    if pages.room() < title_h + head_h + row_h {
        pages.next();
    }
    pages.y += 10.0;
    pages.page.text(
        MARGIN,
        pages.y + 10.0,
        10.0,
        true,
        Anchor::Start,
        "REKAPITULASI PER BULAN",
    );
    pages.y += title_h - 10.0;
    head(pages, &cols, &cells);
    if a.months.is_empty() {
        nothing(pages, &RECAP, "Belum ada data dalam periode ini.");
        return;
    }
    // The month is named on its first row.
    let mut last_month = "";
    for m in &a.months {
        let f = &m.figures;
        let month = if m.month != last_month {
            monitoring::month_text(&m.month)
        } else {
            String::new()
        };
        let values = [
            month,
            format!("{} ({})", m.name, m.procedure),
            f.requests.to_string(),
            f.started.to_string(),
            f.finished.to_string(),
            f.steps_done.to_string(),
            monitoring::within_text(f),
            f.late_requests.to_string(),
            f.overdue_at_end.to_string(),
        ];
        let wrapped: Vec<Vec<String>> = values
            .iter()
            .zip(&cols)
            .map(|(v, c)| wrap(v, c.w, false, SIZE))
            .collect();
        let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        let h = text_height(lines, SIZE) + 2.0 * PAD;
        if pages.room() < h {
            pages.next();
            head(pages, &cols, &cells);
        }
        let y = pages.y;
        for (i, (c, lines)) in cols.iter().zip(&wrapped).enumerate() {
            pages.page.rect(c.x, y, c.w, h, 0.8);
            cell(&mut pages.page, *c, y, lines, SIZE, false, i >= 2);
        }
        last_month = &m.month;
        pages.y += h;
    }
}

fn signature(pages: &mut Pages, header: &Header) {
    let size = 9.0;
    let need = 18.0 + 5.0 * size * LEADING + 40.0;
    if pages.room() < need {
        pages.next();
    }
    let (name, nip) = assessor(header);
    let x = PAGE_W - MARGIN - 220.0;
    let mut y = pages.y + 18.0 + size;
    let page = &mut pages.page;
    page.text(
        x,
        y,
        size,
        false,
        Anchor::Start,
        &dates::long_date(header.at.date_naive()),
    );
    y += size * LEADING;
    page.text(x, y, size, false, Anchor::Start, "Penilai,");
    y += 40.0 + size * LEADING;
    page.text(x, y, size, true, Anchor::Start, &name);
    y += size * LEADING;
    page.text(x, y, size, false, Anchor::Start, &format!("NIP. {nip}"));
    pages.y = y + PAD;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mark_is_in_the_shipped_font() {
        for data in [font::REGULAR, font::BOLD] {
            let face = ttf_parser::Face::parse(data, 0).unwrap();
            for c in MARK.chars().chain("…×".chars()) {
                assert!(face.glyph_index(c).is_some(), "{c}");
            }
        }
    }

    #[test]
    fn the_tables_fill_the_width_between_the_margins() {
        let width = PAGE_W - 2.0 * MARGIN;
        assert!((TABEL7.iter().sum::<f32>() - width).abs() < 0.5);
        assert!((RECAP.iter().sum::<f32>() - width).abs() < 0.5);
    }
}
