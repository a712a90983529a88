//! Rules for case ids, which are the file stems in `cases/`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::cards::{DILEMMA_PREFIX, RULES_ID, TITLE_ID};

/// Returns why a case id cannot be used, or `None` when it is fine.
///
/// Ids become file names of proofs and appear in commands, so they are kept
/// to letters, digits, `-` and `_`.
pub fn id_problem(id: &str) -> Option<String> {
    if id.is_empty() {
        return Some("navnet er tomt".into());
    }
    if let Some(bad) = id
        .chars()
        .find(|c| !(c.is_alphanumeric() || *c == '-' || *c == '_'))
    {
        return Some(format!(
            "navnet indeholder tegnet «{bad}»; brug kun bogstaver, tal, - og _"
        ));
    }
    let lower = id.to_lowercase();
    if lower == TITLE_ID || lower == RULES_ID || lower.starts_with(DILEMMA_PREFIX) {
        return Some(format!("navnet «{id}» er forbeholdt spillets egne kort"));
    }
    None
}

/// Reports case files whose ids differ only in upper and lower case, since
/// they collide on case-insensitive file systems (Windows, macOS).
pub fn check_case_ids(paths: &[PathBuf], diagnostics: &mut Diagnostics) {
    let mut by_folded: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for path in paths {
        let Some(stem) = path.file_stem() else {
            continue;
        };
        let stem = stem.to_string_lossy().into_owned();
        by_folded.entry(stem.to_lowercase()).or_default().push(stem);
    }
    for names in by_folded.values().filter(|names| names.len() > 1) {
        let listed = names
            .iter()
            .map(|name| format!("cases/{name}.toml"))
            .collect::<Vec<_>>();
        diagnostics.push(
            Diagnostic::error(format!(
                "{} har samme id, når der ses bort fra store og små bogstaver",
                listed.join(" og ")
            ))
            .hint("omdøb den ene fil; på Windows og macOS ville filerne overskrive hinanden"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_accepts_danish_letters() {
        assert_eq!(id_problem("åbent-data_2"), None);
    }

    #[test]
    fn id_rejects_space() {
        assert!(id_problem("min case").is_some());
    }

    #[test]
    fn id_rejects_reserved_names() {
        assert!(id_problem("Titelkort").is_some());
        assert!(id_problem("dilemma-3").is_some());
    }

    #[test]
    fn case_ids_differing_in_case_collide() {
        let paths = vec![
            PathBuf::from("cases/Data.toml"),
            PathBuf::from("cases/data.toml"),
        ];
        let mut diagnostics = Diagnostics::default();
        check_case_ids(&paths, &mut diagnostics);
        assert_eq!(diagnostics.error_count(), 1);
        let message = &diagnostics.iter().next().unwrap().message;
        assert!(
            message.contains("cases/Data.toml og cases/data.toml"),
            "{message}"
        );
    }
}
