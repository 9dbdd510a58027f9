//! The trailers of sop's commit messages: rendered and parsed in one place
//! (documented in docs/contract.md).
//!
//! ```text
//! Sop-Request: EML-7K3QX9M2PA
//! Sop-Procedure: email@1
//! Sop-Action: approve
//! Sop-Step: persetujuan -> buat-akun
//! Sop-Actor: sri
//! Sop-Acting-For: kadis        (a stand-in only)
//! Sop-On-Behalf-Of: Budi <0812…> (a requester's step done for an outside requester)
//! Sop-Asset: AST-…             (one per asset the change writes)
//! Sop-Linked: EML-…            (one per other request a call step makes it write)
//! ```
//!
//! Asset register commits (`sop asset add|import`) carry `Sop-Action: asset-add` or
//! `asset-import`, `Sop-Actor` and, for one asset, `Sop-Asset`.

/// What a commit says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Trailers {
    pub request: Option<String>,
    /// `id@version`.
    pub procedure: Option<String>,
    pub action: Option<String>,
    /// From step → to step; `-` on either side for none.
    pub step: Option<(String, String)>,
    pub actor: Option<String>,
    pub acting_for: Option<String>,
    /// The outside requester a requester's step was done for.
    pub on_behalf_of: Option<String>,
    pub assets: Vec<String>,
    /// The other requests the commit writes through call steps (a sub-request it started, a
    /// parent it led on).
    pub linked: Vec<String>,
}

const NONE: &str = "-";

impl Trailers {
    /// The trailer block, one `Key: value` line each, in a fixed order.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let mut line = |key: &str, value: &str| {
            out.push_str(key);
            out.push_str(": ");
            out.push_str(value);
            out.push('\n');
        };
        if let Some(v) = &self.request {
            line("Sop-Request", v);
        }
        if let Some(v) = &self.procedure {
            line("Sop-Procedure", v);
        }
        if let Some(v) = &self.action {
            line("Sop-Action", v);
        }
        if let Some((from, to)) = &self.step {
            line("Sop-Step", &format!("{from} -> {to}"));
        }
        if let Some(v) = &self.actor {
            line("Sop-Actor", v);
        }
        if let Some(v) = &self.acting_for {
            line("Sop-Acting-For", v);
        }
        if let Some(v) = &self.on_behalf_of {
            line("Sop-On-Behalf-Of", v);
        }
        for v in &self.assets {
            line("Sop-Asset", v);
        }
        for v in &self.linked {
            line("Sop-Linked", v);
        }
        out
    }

    /// The trailers of a commit message: its last paragraph, when every line of it is a
    /// `Key: value` trailer. Keys other than sop's are ignored; a message whose last
    /// paragraph is not a trailer block has none.
    pub fn parse(message: &str) -> Trailers {
        let mut found = Trailers::default();
        let trimmed = message.trim_end();
        let block = trimmed
            .rsplit_once("\n\n")
            .map_or(trimmed, |(_, last)| last);
        if block == trimmed && !trimmed.contains('\n') {
            // A one-line message is a subject, not a trailer block.
            return found;
        }
        let pairs: Option<Vec<(&str, &str)>> = block.lines().map(trailer).collect();
        for (key, value) in pairs.unwrap_or_default() {
            let value = value.to_string();
            match key {
                "Sop-Request" => found.request = Some(value),
                "Sop-Procedure" => found.procedure = Some(value),
                "Sop-Action" => found.action = Some(value),
                "Sop-Step" => {
                    found.step = value
                        .split_once(" -> ")
                        .map(|(a, b)| (a.to_string(), b.to_string()))
                }
                "Sop-Actor" => found.actor = Some(value),
                "Sop-Acting-For" => found.acting_for = Some(value),
                "Sop-On-Behalf-Of" => found.on_behalf_of = Some(value),
                "Sop-Asset" => found.assets.push(value),
                "Sop-Linked" => found.linked.push(value),
                _ => {}
            }
        }
        found
    }

    /// The `-` that stands for no step.
    pub fn none() -> String {
        NONE.to_string()
    }
}

/// `Key: value`, where the key is a token of letters, digits and `-`; `Key:` with nothing
/// after it has an empty value (as git reads it), so trailing blanks, which a message loses
/// when trimmed, do not decide whether a paragraph is a trailer block.
fn trailer(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line
        .split_once(": ")
        .or_else(|| Some((line.trim_end().strip_suffix(':')?, "")))?;
    let token = !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    token.then(|| (key, value.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> Trailers {
        Trailers {
            request: Some("EML-7K3QX9M2PA".into()),
            procedure: Some("email@1".into()),
            action: Some("approve".into()),
            step: Some(("persetujuan".into(), "buat-akun".into())),
            actor: Some("sri".into()),
            acting_for: Some("kadis".into()),
            on_behalf_of: Some("Budi Santoso <0812 3456 7890>".into()),
            assets: vec!["AST-1".into(), "AST-2".into()],
            linked: vec!["EML-2".into()],
        }
    }

    #[test]
    fn render_then_parse_gives_the_same_trailers() {
        for t in [
            full(),
            Trailers {
                acting_for: None,
                on_behalf_of: None,
                assets: vec![],
                step: Some((Trailers::none(), "isi-form".into())),
                ..full()
            },
            Trailers {
                action: Some("asset-add".into()),
                actor: Some("eko".into()),
                assets: vec!["AST-9".into()],
                ..Trailers::default()
            },
        ] {
            let message = format!("EML-7K3Q approve: Memberi\n\nlengkap\n\n{}", t.render());
            assert_eq!(Trailers::parse(&message), t, "{message}");
        }
    }

    #[test]
    fn the_trailers_are_the_last_paragraph_only() {
        let t = full();
        let message = format!("subject\n\nbody\n\n{}\nnot a trailer line\n", t.render());
        assert_eq!(Trailers::parse(&message), Trailers::default());
        let body_only = "subject\n\nSop-Actor: rizky\n\nthe end";
        assert_eq!(Trailers::parse(body_only), Trailers::default());
        assert_eq!(
            Trailers::parse("Sop-Actor: rizky"),
            Trailers::default(),
            "a subject is not a trailer"
        );
    }

    /// Found by `cargo fuzz run trailers`: an empty last trailer was dropped with the whole
    /// block once the message was trimmed, so rendering what was parsed lost it.
    #[test]
    fn an_empty_trailer_is_a_trailer_wherever_it_stands() {
        let fuzzed = "sop init --example\n\nSop-Action: \nintSoip-Actor: sopE\n";
        let parsed = Trailers::parse(fuzzed);
        assert_eq!(parsed.action.as_deref(), Some(""));
        let rendered = format!("subject\n\n{}", parsed.render());
        assert_eq!(Trailers::parse(&rendered), parsed, "{rendered}");
        let last = Trailers::parse("subject\n\nSop-Actor: rizky\nSop-Action:");
        assert_eq!(last.actor.as_deref(), Some("rizky"));
        assert_eq!(last.action.as_deref(), Some(""));
        assert_eq!(
            Trailers::parse("subject\n\nSop-Actor:rizky"),
            Trailers::default()
        );
    }
}
