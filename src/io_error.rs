//! Danish wording for operating-system errors, which Rust words in English.

use std::io::ErrorKind;

/// Returns a short Danish description of an I/O error.
pub fn describe(error: &std::io::Error) -> String {
    let reason = match error.kind() {
        ErrorKind::NotFound => "findes ikke",
        ErrorKind::PermissionDenied => "ingen adgang",
        ErrorKind::AlreadyExists => "findes allerede",
        ErrorKind::NotADirectory => "en del af stien er en fil, ikke en mappe",
        ErrorKind::IsADirectory => "er en mappe, ikke en fil",
        ErrorKind::StorageFull => "disken er fuld",
        ErrorKind::ReadOnlyFilesystem => "filsystemet er skrivebeskyttet",
        ErrorKind::InvalidData => "ugyldige data",
        _ => "ind- eller uddatafejl",
    };
    match error.raw_os_error() {
        Some(code) => format!("{reason} (systemfejl {code})"),
        None => reason.to_owned(),
    }
}

/// Returns the message of an error and its causes, with I/O errors in Danish.
pub fn chain(error: &anyhow::Error) -> String {
    error
        .chain()
        .map(|cause| match cause.downcast_ref::<std::io::Error>() {
            Some(io) => describe(io),
            None => cause.to_string(),
        })
        .collect::<Vec<_>>()
        .join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describe_not_found_in_danish() {
        let error = std::io::Error::from_raw_os_error(2);
        assert_eq!(describe(&error), "findes ikke (systemfejl 2)");
    }

    #[test]
    fn chain_translates_io_cause() {
        let error = anyhow::Error::new(std::io::Error::from(ErrorKind::PermissionDenied))
            .context("kunne ikke skrive output/kort.pdf");
        assert_eq!(
            chain(&error),
            "kunne ikke skrive output/kort.pdf: ingen adgang"
        );
    }
}
