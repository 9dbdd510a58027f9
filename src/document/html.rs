//! The document as one HTML file: the SVG pages inline, the shipped font embedded, and print
//! CSS that puts each on its own A4 sheet (landscape for the SOP document, portrait for a
//! printout).

use std::fmt::Write as _;

use super::font;
use super::layout::Document;
use super::svg::esc;

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let v = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(B64[((v >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

pub fn document(doc: &Document) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n",
        esc(&doc.title)
    );
    for (data, weight) in [(font::REGULAR, "normal"), (font::BOLD, "bold")] {
        let _ = writeln!(
            out,
            "@font-face {{ font-family: \"{}\"; font-weight: {weight}; src: url(data:font/ttf;base64,{}) format(\"truetype\"); }}",
            font::FAMILY,
            base64(data)
        );
    }
    let (orientation, w, h) = match doc.portrait() {
        true => ("portrait", 210, 297),
        false => ("landscape", 297, 210),
    };
    let _ = write!(
        out,
        "@page {{ size: A4 {orientation}; margin: 0; }}\n\
         html, body {{ margin: 0; padding: 0; background: #808080; }}\n\
         .page {{ width: {w}mm; height: {h}mm; margin: 8mm auto; background: #ffffff; overflow: hidden; }}\n\
         .page svg {{ display: block; width: {w}mm; height: {h}mm; }}\n\
         @media print {{\n  html, body {{ background: none; }}\n  .page {{ margin: 0; break-after: page; }}\n  .page:last-child {{ break-after: auto; }}\n}}\n\
         </style>\n</head>\n<body>\n",
    );
    for page in super::svg::pages(doc) {
        out.push_str("<div class=\"page\">\n");
        out.push_str(&page);
        out.push_str("</div>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_pads() {
        assert_eq!(super::base64(b"Ma"), "TWE=");
        assert_eq!(super::base64(b"Man"), "TWFu");
        assert_eq!(super::base64(b"M"), "TQ==");
    }
}
