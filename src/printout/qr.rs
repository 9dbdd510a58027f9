//! The printout's QR code: the request id and the printed state's commit, as
//! `sop:<ID>@<commit>`, so that whoever holds the paper can find both in the repository.

use qrcode::{Color, EcLevel, QrCode};

/// A QR code's modules, row by row.
#[derive(Debug, Clone)]
pub struct Qr {
    /// Modules on a side.
    pub width: usize,
    dark: Vec<bool>,
}

/// What the QR code of a printout holds.
pub fn content(id: &str, commit: &str) -> String {
    format!("sop:{id}@{commit}")
}

impl Qr {
    /// The code for `text`, error correction level M (15% of it may be damaged).
    pub fn new(text: &str) -> Result<Qr, String> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
            .map_err(|e| t!(PrintoutQr, error = e))?;
        Ok(Qr {
            width: code.width(),
            dark: code
                .to_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect(),
        })
    }

    /// The dark modules as an SVG path, one unit a module: each run of dark modules in a row
    /// is one rectangle.
    pub fn path(&self) -> String {
        let mut d = String::new();
        for y in 0..self.width {
            let row = &self.dark[y * self.width..(y + 1) * self.width];
            let mut x = 0;
            while x < self.width {
                if !row[x] {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.width && row[x] {
                    x += 1;
                }
                d.push_str(&format!("M{start} {y}h{}v1h-{}z", x - start, x - start));
            }
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_and_a_commit_fit_a_small_code() {
        let text = content("HPS-7K3QX9M2PA", &"a".repeat(40));
        let qr = Qr::new(&text).unwrap();
        assert!(qr.width <= 37, "{}", qr.width);
        let path = qr.path();
        assert!(path.starts_with("M0 0h7v1h-7z"), "{path}");
    }
}
