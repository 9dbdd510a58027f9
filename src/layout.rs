//! The records directory's layout: where each record lives, and what a path holds.
//!
//! The one place that builds and parses records paths. Paths here are records-relative and
//! use `/`, as git does, whatever the platform.

use rand::Rng;

pub const CONFIG: &str = "sop.toml";
pub const PEOPLE: &str = "people.toml";
pub const PROCEDURES: &str = "procedures";
pub const REQUESTS: &str = "requests";
pub const ASSETS: &str = "assets";
pub const ATTACHMENTS: &str = "attachments";

/// Crockford's base32: no I, L, O, U, so ids survive being read aloud and retyped.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Random characters after the prefix: 50 bits, so offline clones never collide in practice.
pub const ID_LEN: usize = 10;

/// A fresh random id with the given prefix (`EML-7K3QX9M2PA`).
pub fn new_id(prefix: &str) -> String {
    let mut rng = rand::rng();
    let tail: String = (0..ID_LEN)
        .map(|_| ALPHABET[rng.random_range(0..32)] as char)
        .collect();
    format!("{prefix}-{tail}")
}

/// `requests/<PREFIX>/<first two characters>/<ID>.toml`: about a hundred files a folder at
/// 100,000 requests of one procedure.
pub fn request(id: &str) -> String {
    let (prefix, _) = id.split_once('-').unwrap_or((id, ""));
    format!("{REQUESTS}/{prefix}/{}", shard_file(id))
}

/// `assets/<first two characters>/<ID>.toml`: about a hundred files a folder at 100,000
/// assets.
pub fn asset(id: &str) -> String {
    format!("{ASSETS}/{}", shard_file(id))
}

/// `attachments/<first two hex digits>/<sha256>`: a file attached to requests, stored once
/// by its content however many requests attach it.
pub fn attachment(sha256: &str) -> String {
    let shard = sha256.get(..2).unwrap_or(sha256);
    format!("{ATTACHMENTS}/{shard}/{sha256}")
}

/// Whether `text` is a SHA-256 as sop writes it: 64 lowercase hex digits.
pub fn is_sha256(text: &str) -> bool {
    text.len() == 64
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// `request`, as a path.
pub fn request_path(id: &str) -> std::path::PathBuf {
    request(id).into()
}

/// `asset`, as a path.
pub fn asset_path(id: &str) -> std::path::PathBuf {
    asset(id).into()
}

/// `procedures/<id>.toml`.
pub fn procedure(id: &str) -> String {
    format!("{PROCEDURES}/{id}.toml")
}

/// `<two characters after the prefix>/<ID>.toml`.
fn shard_file(id: &str) -> String {
    let (_, rest) = id.split_once('-').unwrap_or((id, ""));
    let shard: String = rest.chars().take(2).collect();
    format!("{shard}/{id}.toml")
}

/// What a records-relative path holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Config,
    People,
    /// `procedures/<id>.toml`.
    Procedure(String),
    /// A request record at the path its id gives.
    Request(String),
    /// An asset record at the path its id gives.
    Asset(String),
    /// An attached file at the path its SHA-256 gives.
    Attachment(String),
    /// Under `requests/`, `assets/` or `attachments/` but not where a file of sop's lives.
    Stray,
    /// Any other file an office keeps in the records directory (README, templates, …).
    Office,
}

impl Place {
    /// The rules: sop.toml, people.toml, procedures/.
    pub fn is_rule(&self) -> bool {
        matches!(self, Place::Config | Place::People | Place::Procedure(_))
    }
}

/// What `rel` (records-relative, with `/`) holds.
pub fn place(rel: &str) -> Place {
    match rel {
        CONFIG => return Place::Config,
        PEOPLE => return Place::People,
        _ => {}
    }
    let record_id = |rel: &str| {
        let name = rel.rsplit('/').next()?;
        let id = name.strip_suffix(".toml")?;
        valid_id(id).then(|| id.to_string())
    };
    if let Some(rest) = rel.strip_prefix("procedures/") {
        return match rest.strip_suffix(".toml") {
            Some(id) if !id.is_empty() && !id.contains('/') => Place::Procedure(id.to_string()),
            _ => Place::Office,
        };
    }
    if rel.starts_with("requests/") {
        return match record_id(rel) {
            Some(id) if request(&id) == rel => Place::Request(id),
            _ => Place::Stray,
        };
    }
    if rel.starts_with("assets/") {
        return match record_id(rel) {
            Some(id) if asset(&id) == rel && id.starts_with("AST-") => Place::Asset(id),
            _ => Place::Stray,
        };
    }
    if rel.starts_with("attachments/") {
        let name = rel.rsplit('/').next().unwrap_or_default();
        return match is_sha256(name) && attachment(name) == rel {
            true => Place::Attachment(name.to_string()),
            false => Place::Stray,
        };
    }
    Place::Office
}

/// `PREFIX-TAIL`: a prefix of letters, digits and `-`-free text, and a tail of base32.
fn valid_id(id: &str) -> bool {
    let Some((prefix, tail)) = id.split_once('-') else {
        return false;
    };
    !prefix.is_empty()
        && prefix
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && tail.len() >= 2
        && tail.bytes().all(|b| ALPHABET.contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_prefixed_and_sharded() {
        let id = new_id("EML");
        assert!(id.starts_with("EML-"));
        assert_eq!(id.len(), 4 + ID_LEN);
        assert!(id[4..].bytes().all(|b| ALPHABET.contains(&b)));
        assert_eq!(
            request("EML-7K3QX9M2PA"),
            "requests/EML/7K/EML-7K3QX9M2PA.toml"
        );
        assert_eq!(asset("AST-7K3QX9M2PA"), "assets/7K/AST-7K3QX9M2PA.toml");
        assert_eq!(procedure("email"), "procedures/email.toml");
    }

    #[test]
    fn every_path_built_is_parsed_back() {
        let id = new_id("EML");
        assert_eq!(place(&request(&id)), Place::Request(id));
        let id = new_id("AST");
        assert_eq!(place(&asset(&id)), Place::Asset(id));
        assert_eq!(place(&procedure("email")), Place::Procedure("email".into()));
        assert_eq!(place("sop.toml"), Place::Config);
        assert_eq!(place("people.toml"), Place::People);
        let hash = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assert_eq!(attachment(hash), format!("attachments/ba/{hash}"),);
        assert_eq!(place(&attachment(hash)), Place::Attachment(hash.into()));
    }

    #[test]
    fn anything_else_under_the_record_folders_is_stray() {
        for rel in [
            "requests/EML/notes.txt",
            "requests/EML/7K/EML-7K3QX9M2PA.txt",
            "requests/EML/XX/EML-7K3QX9M2PA.toml",
            "requests/VC/7K/EML-7K3QX9M2PA.toml",
            "requests/EML/7K/eml-7k3qx9m2pa.toml",
            "assets/notes.md",
            "assets/7K/EML-7K3QX9M2PA.toml",
            "attachments/notes.md",
            "attachments/ba/scan.pdf",
            "attachments/ab/ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "attachments/ba/BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
            "attachments/ba/x/ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        ] {
            assert_eq!(place(rel), Place::Stray, "{rel}");
        }
        assert_eq!(place("README.md"), Place::Office);
        assert_eq!(place("templates/ba.html"), Place::Office);
        assert_eq!(place("procedures/README.md"), Place::Office);
    }
}
