//! The one font every SOP document is set in, shipped with the binary: Liberation Sans 2.1.5
//! (SIL Open Font License 1.1, `assets/fonts/OFL.txt`), metric-compatible with Arial, which
//! the offices' own documents use. Text is wrapped by its glyph widths, so a document lays
//! out the same on every machine.

use std::sync::OnceLock;

/// The family name the SVG asks for; the PDF and the PNG tests load the font under it.
pub const FAMILY: &str = "Liberation Sans";

pub static REGULAR: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf");
pub static BOLD: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf");

/// Advance widths in font units, read once: for the Basic Latin and Latin-1 range directly,
/// other characters through the face.
struct Metrics {
    face: ttf_parser::Face<'static>,
    units: f32,
    latin: Vec<u16>,
}

impl Metrics {
    fn new(data: &'static [u8]) -> Metrics {
        let face = ttf_parser::Face::parse(data, 0).expect("the shipped font parses");
        let units = f32::from(face.units_per_em());
        let latin = (0u32..256)
            .map(|c| char::from_u32(c).map_or(0, |c| advance(&face, c)))
            .collect();
        Metrics { face, units, latin }
    }

    fn width(&self, c: char) -> f32 {
        let units = match self.latin.get(c as usize) {
            Some(&w) => w,
            None => advance(&self.face, c),
        };
        f32::from(units) / self.units
    }
}

fn advance(face: &ttf_parser::Face, c: char) -> u16 {
    let glyph = face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
    face.glyph_hor_advance(glyph).unwrap_or(0)
}

fn metrics(bold: bool) -> &'static Metrics {
    static REGULAR_METRICS: OnceLock<Metrics> = OnceLock::new();
    static BOLD_METRICS: OnceLock<Metrics> = OnceLock::new();
    if bold {
        BOLD_METRICS.get_or_init(|| Metrics::new(BOLD))
    } else {
        REGULAR_METRICS.get_or_init(|| Metrics::new(REGULAR))
    }
}

/// The width of `text` set at `size` points.
pub fn width(text: &str, size: f32, bold: bool) -> f32 {
    let m = metrics(bold);
    text.chars().map(|c| m.width(c)).sum::<f32>() * size
}

/// `text` broken into lines no wider than `max` points: at spaces, and inside a word only
/// when the word alone is wider than a line. Line breaks in the text are kept.
pub fn wrap(text: &str, size: f32, bold: bool, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if width(&candidate, size, bold) <= max {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word wider than the line breaks after a slash or dash, and is cut where it
            // no longer fits only when a part of it is still too wide.
            for part in word.split_inclusive(['/', '-']) {
                let candidate = format!("{line}{part}");
                if width(&candidate, size, bold) <= max {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                for c in part.chars() {
                    line.push(c);
                    if width(&line, size, bold) > max && line.chars().count() > 1 {
                        line.pop();
                        lines.push(std::mem::take(&mut line));
                        line.push(c);
                    }
                }
            }
        }
        lines.push(line);
    }
    while lines.len() > 1 && lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font() {
        // Liberation Sans is metric-compatible with Arial: "0" is 0.556 em.
        assert!((width("0", 10.0, false) - 5.56).abs() < 0.01);
        assert!(width("Mengisi Form", 9.0, true) > width("Mengisi Form", 9.0, false));
    }

    #[test]
    fn wraps_at_spaces_and_cuts_long_words() {
        let lines = wrap("Menerima FPE, dan melakukan verifikasi", 8.0, false, 60.0);
        assert!(lines.len() > 1, "{lines:?}");
        assert!(lines.iter().all(|l| width(l, 8.0, false) <= 60.0));
        assert_eq!(lines.join(" "), "Menerima FPE, dan melakukan verifikasi");
        let long = wrap("B/800.3/81/PERMILIT/SP/1/1/2024", 8.0, false, 40.0);
        assert!(long.len() > 1 && long.concat() == "B/800.3/81/PERMILIT/SP/1/1/2024");
    }
}
