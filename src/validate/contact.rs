//! Checks for e-mail addresses and phone numbers.

use email_address::EmailAddress;

/// Returns why an e-mail address is malformed, or `None` when it is fine.
///
/// Beyond RFC 5322 syntax the domain must contain a dot, because an address
/// on a card is always on the public internet.
pub fn email_problem(address: &str) -> Option<&'static str> {
    if address.contains(char::is_whitespace) {
        return Some("adressen indeholder mellemrum");
    }
    if !EmailAddress::is_valid(address) {
        return Some("adressen skal have formen navn@domæne.dk");
    }
    let domain = address.rsplit('@').next().unwrap_or_default();
    if !domain.contains('.') || domain.ends_with('.') || domain.starts_with('[') {
        return Some("domænet efter @ skal være et navn med punktum, fx kommune.dk");
    }
    None
}

/// Returns why a phone number is malformed, or `None` when it is fine.
///
/// Accepted: a Danish number of 8 digits, or an international number that
/// starts with + or 00 and has 8 to 15 digits (the E.164 maximum). Spaces,
/// hyphens and parentheses may group the digits.
pub fn phone_problem(number: &str) -> Option<&'static str> {
    if let Some(bad) = number
        .chars()
        .find(|c| !(c.is_ascii_digit() || " -()+".contains(*c)))
    {
        return if bad.is_alphabetic() {
            Some(
                "nummeret må kun indeholde cifre, mellemrum, bindestreger, parenteser og et + forrest",
            )
        } else {
            Some("nummeret indeholder et tegn, der ikke hører til et telefonnummer")
        };
    }
    if number.rfind('+').is_some_and(|index| index > 0) {
        return Some("+ må kun stå forrest i nummeret");
    }
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let international = number.starts_with('+') || digits.starts_with("00");
    let significant = if number.starts_with('+') {
        digits.len()
    } else if international {
        digits.len() - 2
    } else {
        digits.len()
    };

    match (international, significant) {
        (false, 8) => None,
        (false, _) => {
            Some("et dansk nummer skal have 8 cifre; skriv +landekode foran et udenlandsk nummer")
        }
        (true, 8..=15) => None,
        (true, _) => Some("et internationalt nummer skal have 8 til 15 cifre efter + eller 00"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_accepts_ordinary_address() {
        assert_eq!(email_problem("kirsten.aa@norreby-kommune.example.dk"), None);
    }

    #[test]
    fn email_rejects_missing_at() {
        assert!(email_problem("kirsten.example.dk").is_some());
    }

    #[test]
    fn email_rejects_domain_without_dot() {
        assert!(email_problem("kirsten@localhost").is_some());
    }

    #[test]
    fn email_rejects_space() {
        assert!(email_problem("kirsten @example.dk").is_some());
    }

    #[test]
    fn phone_accepts_danish_and_international() {
        assert_eq!(phone_problem("12 34 56 78"), None);
        assert_eq!(phone_problem("+45 12 34 56 78"), None);
        assert_eq!(phone_problem("0045 12345678"), None);
        assert_eq!(phone_problem("+46 (0)8 123 456 78"), None);
    }

    #[test]
    fn phone_rejects_too_few_digits() {
        assert!(phone_problem("1234 567").is_some());
    }

    #[test]
    fn phone_rejects_letters() {
        assert!(phone_problem("12 34 56 7O").is_some());
    }

    #[test]
    fn phone_rejects_plus_inside() {
        assert!(phone_problem("12+34 56 78").is_some());
    }
}
