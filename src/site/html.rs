//! The HTML every page of the site shares: escaping, the page's frame (head, the office,
//! the trail of links back to the catalogue, the footer), relative links and small tables.
//! Every text that comes from the records goes through `esc`, the documents' one XML escape
//! (attribute values are always quoted with `"`, so `'` needs none).

use std::fmt::Write as _;

pub(crate) use crate::document::svg::esc;

/// The way up from a page at `path` (site-relative, with `/`) to the site's root: `""` for
/// `index.html`, `"../../"` for `prosedur/email/2026-11.html`.
pub fn up(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// A page: where it is in the site, its title, the links back to the catalogue, its body.
pub struct Page<'a> {
    /// Site-relative path, with `/`.
    pub path: &'a str,
    pub title: &'a str,
    /// The office, as sop.toml names it.
    pub office: &'a str,
    /// The pages above this one, each (label, site-relative path), the catalogue first.
    pub trail: Vec<(String, String)>,
    /// A class on `<body>` (`dokumen` for the printable SOP document).
    pub class: &'a str,
    pub body: String,
    /// The footer's text, already HTML.
    pub footer: String,
}

impl Page<'_> {
    /// The whole document. Links are relative, so the site opens from disk and from any
    /// folder it is copied to.
    pub fn render(&self) -> String {
        let up = up(self.path);
        let mut out = String::with_capacity(self.body.len() + 1024);
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{} · {}</title>\n<link rel=\"stylesheet\" href=\"{up}sop.css\">\n</head>\n",
            esc(self.title),
            esc(self.office)
        );
        match self.class {
            "" => out.push_str("<body>\n"),
            class => {
                let _ = writeln!(out, "<body class=\"{class}\">");
            }
        }
        let _ = writeln!(
            out,
            "<header class=\"situs\">\n<p class=\"kantor\">{}</p>",
            esc(self.office)
        );
        if !self.trail.is_empty() {
            out.push_str("<nav class=\"jejak\">");
            for (i, (label, path)) in self.trail.iter().enumerate() {
                if i > 0 {
                    out.push_str(" › ");
                }
                let _ = write!(out, "<a href=\"{up}{}\">{}</a>", esc(path), esc(label));
            }
            out.push_str("</nav>\n");
        }
        out.push_str("</header>\n<main>\n");
        out.push_str(&self.body);
        out.push_str("</main>\n");
        if !self.footer.is_empty() {
            let _ = writeln!(out, "<footer>\n<p>{}</p>\n</footer>", self.footer);
        }
        out.push_str("</body>\n</html>\n");
        out
    }
}

/// A link from the page at `from` to the page at `to` (both site-relative), its text escaped.
pub fn link(from: &str, to: &str, text: &str) -> String {
    format!("<a href=\"{}{}\">{}</a>", up(from), esc(to), esc(text))
}

/// A table of label and value rows (`table.isian`); rows with an empty value are left out.
/// Values are HTML already.
pub fn pairs(rows: &[(&str, String)]) -> String {
    let mut out = String::from("<table class=\"isian\">\n");
    for (label, value) in rows.iter().filter(|(_, v)| !v.is_empty()) {
        let _ = writeln!(out, "<tr><th>{}</th><td>{value}</td></tr>", esc(label));
    }
    out.push_str("</table>\n");
    out
}

/// A column of a table: its header and whether it holds numbers (set right).
pub struct Col<'a>(pub &'a str, pub &'a str);

/// A table with a header row; cells are HTML already. `Col("angka", …)` sets a column right.
pub fn table(cols: &[Col], rows: &[Vec<String>]) -> String {
    let mut out = String::from("<table>\n<thead><tr>");
    for Col(class, head) in cols {
        match *class {
            "" => {
                let _ = write!(out, "<th>{}</th>", esc(head));
            }
            class => {
                let _ = write!(out, "<th class=\"{class}\">{}</th>", esc(head));
            }
        }
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for (cell, Col(class, _)) in row.iter().zip(cols) {
            match *class {
                "" => {
                    let _ = write!(out, "<td>{cell}</td>");
                }
                class => {
                    let _ = write!(out, "<td class=\"{class}\">{cell}</td>");
                }
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_elements_and_attributes() {
        assert_eq!(
            esc("<script>alert('x' & \"y\")</script>"),
            "&lt;script&gt;alert('x' &amp; &quot;y&quot;)&lt;/script&gt;"
        );
    }

    #[test]
    fn links_climb_to_the_root() {
        assert_eq!(up("index.html"), "");
        assert_eq!(up("prosedur/email.html"), "../");
        assert_eq!(
            link(
                "permintaan/EML/7K/EML-7K3.html",
                "prosedur/email.html",
                "Email"
            ),
            "<a href=\"../../../prosedur/email.html\">Email</a>"
        );
    }
}
