//! Files attached to requests: what a file is (SHA-256, size, media type), the short type
//! names procedures restrict attachments to, and reading `--attach [NAME=]PATH` from disk.
//!
//! The engine never reads a file: the command layer reads each one here (bounded by the
//! office's limit), and hands the engine its `request::Attachment` description; `sop verify`
//! computes the same description from the blob the commit stored.

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use sha2::{Digest as _, Sha256};

use crate::config::AttachmentLimits;
use crate::error::Hint;
use crate::invalid;
use crate::request::Attachment;

/// The media type of a file we cannot say more about.
pub const OCTET_STREAM: &str = "application/octet-stream";

/// Short type names a procedure may give in `types` / `attachment_types`, and the media type
/// each stands for. A full media type (`application/pdf`) may be given as well.
const SHORT_NAMES: &[(&str, &str)] = &[
    ("pdf", "application/pdf"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("png", "image/png"),
    ("gif", "image/gif"),
    ("webp", "image/webp"),
    ("zip", "application/zip"),
    (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    (
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    ("odt", "application/vnd.oasis.opendocument.text"),
    ("ods", "application/vnd.oasis.opendocument.spreadsheet"),
    ("odp", "application/vnd.oasis.opendocument.presentation"),
    ("doc", "application/msword"),
    ("xls", "application/vnd.ms-excel"),
    ("ppt", "application/vnd.ms-powerpoint"),
    ("txt", "text/plain"),
    ("csv", "text/csv"),
];

/// The office formats that are zip files underneath, recognised by their extension once the
/// bytes are a zip.
const ZIPPED: &[&str] = &["docx", "xlsx", "pptx", "odt", "ods", "odp"];

/// Formats recognised only by their extension (their bytes have no signature we check).
const BY_EXTENSION: &[&str] = &["doc", "xls", "ppt"];

/// The media type a short name (`pdf`) or a full media type stands for; None when unknown.
pub fn media_type_of(name: &str) -> Option<&'static str> {
    let lower = name.trim().to_ascii_lowercase();
    SHORT_NAMES
        .iter()
        .find(|(short, media)| *short == lower || *media == lower)
        .map(|(_, media)| *media)
}

/// The short names sop knows, for messages.
pub fn known_short_names() -> Vec<&'static str> {
    SHORT_NAMES.iter().map(|(s, _)| *s).collect()
}

/// The media type of a file: from its first bytes for pdf, png, jpeg, gif, webp and zip (a
/// zip named .docx, .xlsx, .odt … is that office format), plain text when it is UTF-8 without
/// control characters; else from the extension for the few formats with no signature checked
/// here; else `application/octet-stream`.
pub fn detect(name: &str, bytes: &[u8]) -> &'static str {
    let ext = extension(name);
    let by_ext = |e: &str| SHORT_NAMES.iter().find(|(s, _)| *s == e).map(|(_, m)| *m);
    if bytes.starts_with(b"%PDF-") {
        return "application/pdf";
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return "image/png";
    }
    if bytes.starts_with(b"\xff\xd8\xff") {
        return "image/jpeg";
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return "image/gif";
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return "image/webp";
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return match ZIPPED.contains(&ext.as_str()) {
            true => by_ext(&ext).unwrap_or("application/zip"),
            false => "application/zip",
        };
    }
    if is_text(bytes) {
        return match ext.as_str() {
            "csv" => "text/csv",
            _ => "text/plain",
        };
    }
    if BY_EXTENSION.contains(&ext.as_str()) {
        return by_ext(&ext).unwrap_or(OCTET_STREAM);
    }
    OCTET_STREAM
}

fn extension(name: &str) -> String {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// UTF-8 without control characters other than tab and line breaks (an empty file is text).
fn is_text(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(text) => !text
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')),
        Err(_) => false,
    }
}

/// The SHA-256 of `bytes`, as 64 lowercase hex digits.
pub fn sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// What an attachment of `bytes` named `name` is, for the field `field` (if any).
pub fn describe(name: &str, bytes: &[u8], field: Option<String>) -> Attachment {
    Attachment {
        name: name.to_string(),
        sha256: sha256(bytes),
        size: bytes.len() as u64,
        media_type: detect(name, bytes).to_string(),
        field,
    }
}

/// `1.5 MiB`, `12 KiB`, `300 bytes`: a size for people.
pub fn human(bytes: u64) -> String {
    const KIB: f64 = 1024.0;
    let b = bytes as f64;
    if b >= KIB * KIB {
        format!("{:.1} MiB", b / (KIB * KIB))
    } else if b >= KIB {
        format!("{:.1} KiB", b / KIB)
    } else {
        t!(AttachBytes, n = bytes)
    }
}

/// The contents of attached files, by SHA-256.
pub type Contents = BTreeMap<String, Vec<u8>>;

/// One `--attach`: a file, and the file field it fills (`--attach NAME=PATH`).
#[derive(Debug, Clone)]
pub struct Spec {
    pub field: Option<String>,
    pub path: PathBuf,
}

/// Splits `--attach` values: `NAME=PATH` when the part before the first `=` is a field name
/// (lowercase letters, digits, `_`, `-`), else the whole value is a path (write a path with
/// `=` as `./a=b.pdf`).
pub fn specs(args: &[String]) -> Vec<Spec> {
    args.iter()
        .map(|a| match a.split_once('=') {
            Some((name, path))
                if !name.is_empty()
                    && name.bytes().all(|b| {
                        b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-'
                    }) =>
            {
                Spec {
                    field: Some(name.to_string()),
                    path: PathBuf::from(path),
                }
            }
            _ => Spec {
                field: None,
                path: PathBuf::from(a),
            },
        })
        .collect()
}

/// The files to attach, read from disk: each one's description and its bytes by SHA-256.
/// A file over the per-file limit is refused from its size before it is read, and no more
/// than the limit and one byte is ever read.
pub fn read(specs: &[Spec], limits: &AttachmentLimits) -> Result<(Vec<Attachment>, Contents)> {
    let max = limits.max_file_bytes();
    let mut attachments = Vec::new();
    let mut bytes = BTreeMap::new();
    for spec in specs {
        let shown = spec.path.display().to_string();
        let name = spec
            .path
            .file_name()
            .ok_or_else(|| invalid!("{}", t!(AttachNoFile, path = shown)))?
            .to_str()
            .ok_or_else(|| invalid!("{}", t!(AttachNameNotUtf8, path = shown)))?
            .to_string();
        let file = std::fs::File::open(&spec.path)
            .map_err(|e| invalid!("{}", t!(AttachCannotOpen, path = shown, error = e)))?;
        let meta = file
            .metadata()
            .with_context(|| t!(CtxReading, path = shown))?;
        if !meta.is_file() {
            return Err(invalid!("{}", t!(AttachNotAFile, path = shown)));
        }
        if meta.len() > max {
            return Err(too_big(&shown, meta.len(), limits));
        }
        let mut content = Vec::new();
        file.take(max + 1)
            .read_to_end(&mut content)
            .with_context(|| t!(CtxReading, path = shown))?;
        if content.len() as u64 > max {
            return Err(too_big(&shown, content.len() as u64, limits));
        }
        let attachment = describe(&name, &content, spec.field.clone());
        bytes.insert(attachment.sha256.clone(), content);
        attachments.push(attachment);
    }
    Ok((attachments, bytes))
}

fn too_big(shown: &str, len: u64, limits: &AttachmentLimits) -> anyhow::Error {
    invalid!(
        "{}",
        t!(
            AttachTooBig,
            path = shown,
            human = human(len),
            len = len,
            limit_mb = limits.max_file_mb
        )
    )
    .hint(t!(HintAttachmentLimits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types_come_from_the_bytes_first() {
        assert_eq!(detect("a.pdf", b"%PDF-1.7\n..."), "application/pdf");
        // The extension does not make a PDF.
        assert_eq!(detect("a.pdf", b"\x00\x01\x02"), OCTET_STREAM);
        assert_eq!(detect("scan", b"\x89PNG\r\n\x1a\n\0\0"), "image/png");
        assert_eq!(
            detect("foto.JPG", b"\xff\xd8\xff\xe0\0\x10JFIF"),
            "image/jpeg"
        );
        assert_eq!(detect("x.gif", b"GIF89a...."), "image/gif");
        assert_eq!(detect("x", b"RIFF\0\0\0\0WEBPVP8 "), "image/webp");
        assert_eq!(detect("src.zip", b"PK\x03\x04rest"), "application/zip");
        assert_eq!(
            detect("ba.docx", b"PK\x03\x04rest"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        );
        assert_eq!(
            detect("ba.ODT", b"PK\x03\x04rest"),
            "application/vnd.oasis.opendocument.text"
        );
        // A .docx that is not a zip is not a docx.
        assert_eq!(detect("ba.docx", b"\x00\xff"), OCTET_STREAM);
        assert_eq!(
            detect("notes.txt", "catatan — é\n".as_bytes()),
            "text/plain"
        );
        assert_eq!(detect("data.csv", b"a,b\n1,2\n"), "text/csv");
        assert_eq!(detect("empty", b""), "text/plain");
        assert_eq!(detect("x.txt", b"a\x1b[2Jb"), OCTET_STREAM);
        assert_eq!(
            detect("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1"),
            "application/msword"
        );
        assert_eq!(
            detect("blob.bin", b"\xd0\xcf\x11\xe0\xa1\xb1"),
            OCTET_STREAM
        );
    }

    #[test]
    fn short_names_stand_for_media_types() {
        assert_eq!(media_type_of("pdf"), Some("application/pdf"));
        assert_eq!(media_type_of("JPG"), Some("image/jpeg"));
        assert_eq!(media_type_of("jpeg"), Some("image/jpeg"));
        assert_eq!(media_type_of("image/png"), Some("image/png"));
        assert_eq!(media_type_of("exe"), None);
    }

    #[test]
    fn hashes_are_sha256_in_lowercase_hex() {
        assert_eq!(
            sha256(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn attach_values_name_a_field_only_before_an_equals_sign() {
        let s = specs(&[
            "form=scan.pdf".into(),
            "./a=b.pdf".into(),
            "plain.pdf".into(),
            "Form=x.pdf".into(),
        ]);
        assert_eq!(s[0].field.as_deref(), Some("form"));
        assert_eq!(s[0].path, PathBuf::from("scan.pdf"));
        assert_eq!(s[1].field, None);
        assert_eq!(s[1].path, PathBuf::from("./a=b.pdf"));
        assert_eq!(s[2].field, None);
        assert_eq!(s[3].field, None);
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human(300), "300 bytes");
        assert_eq!(human(1536), "1.5 KiB");
        assert_eq!(human(20 * 1024 * 1024 + 1), "20.0 MiB");
    }
}
