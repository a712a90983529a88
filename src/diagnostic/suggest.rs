//! "Did you mean" suggestions for misspelled keys and ids.

/// Returns up to `limit` candidates closest to `input`, best first, leaving
/// out those too far away to be a likely typo.
pub fn nearest<'a>(input: &str, candidates: &[&'a str], limit: usize) -> Vec<&'a str> {
    let input = input.to_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .iter()
        .map(|candidate| {
            (
                strsim::jaro_winkler(&input, &candidate.to_lowercase()),
                *candidate,
            )
        })
        .filter(|(score, _)| *score >= 0.7)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored
        .into_iter()
        .take(limit)
        .map(|(_, candidate)| candidate)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_finds_typo() {
        let keys = ["dilemma", "challenge", "solution", "submitted_by"];
        assert_eq!(nearest("chalenge", &keys, 1), vec!["challenge"]);
    }

    #[test]
    fn nearest_ignores_unrelated_words() {
        let keys = ["dilemma", "challenge"];
        assert!(nearest("xyzzy", &keys, 3).is_empty());
    }
}
