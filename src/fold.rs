//! Text folded for searching: lowercase, with the diacritics of Latin letters taken off
//! (`Sragén` and `SRAGEN` both fold to `sragen`), so `sop list --search` is case- and
//! accent-insensitive without a Unicode normalisation table.

/// Appends `text`, folded, to `out`.
pub fn fold_into(text: &str, out: &mut String) {
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if ('\u{300}'..='\u{36f}').contains(&c) {
            // A combining mark (a decomposed accent): dropped.
        } else if let Some(base) = latin_base(c) {
            out.push_str(base);
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Letters with diacritics (Latin-1 Supplement and Latin Extended-A), each with its base
/// letter(s) in lowercase.
const LATIN: &[(&str, &str)] = &[
    ("ÀÁÂÃÄÅàáâãäåĀāĂăĄą", "a"),
    ("ÆæǼǽ", "ae"),
    ("ÇçĆćĈĉĊċČč", "c"),
    ("ĎďĐđÐð", "d"),
    ("ÈÉÊËèéêëĒēĔĕĖėĘęĚě", "e"),
    ("ĜĝĞğĠġĢģ", "g"),
    ("ĤĥĦħ", "h"),
    ("ÌÍÎÏìíîïĨĩĪīĬĭĮįİı", "i"),
    ("Ĳĳ", "ij"),
    ("Ĵĵ", "j"),
    ("Ķķĸ", "k"),
    ("ĹĺĻļĽľĿŀŁł", "l"),
    ("ÑñŃńŅņŇňŉŊŋ", "n"),
    ("ÒÓÔÕÖØòóôõöøŌōŎŏŐő", "o"),
    ("Œœ", "oe"),
    ("ŔŕŖŗŘř", "r"),
    ("ŚśŜŝŞşŠšſ", "s"),
    ("ß", "ss"),
    ("ŢţŤťŦŧ", "t"),
    ("Þþ", "th"),
    ("ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų", "u"),
    ("Ŵŵ", "w"),
    ("ÝýÿŶŷŸ", "y"),
    ("ŹźŻżŽž", "z"),
];

fn latin_base(c: char) -> Option<&'static str> {
    if !('\u{c0}'..='\u{17f}').contains(&c) && !('\u{1fc}'..='\u{1fd}').contains(&c) {
        return None;
    }
    LATIN
        .iter()
        .find(|(letters, _)| letters.contains(c))
        .map(|(_, base)| *base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Sragén"), "sragen");
        assert_eq!(fold("SRAGEN"), "sragen");
        // Decomposed: e and a combining acute accent.
        assert_eq!(fold("Srage\u{301}n"), "sragen");
        assert_eq!(fold("Łódź Straße Ærø"), "lodz strasse aero");
        assert_eq!(fold("× ÷ 2 ΑΒΓ"), "× ÷ 2 αβγ");
        assert_eq!(fold("Ǽ"), "ae");
    }

    #[test]
    fn every_listed_letter_is_in_its_range() {
        for (letters, base) in LATIN {
            for c in letters.chars() {
                assert_eq!(latin_base(c), Some(*base), "{c}");
            }
        }
    }
}
