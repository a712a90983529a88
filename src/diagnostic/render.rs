//! Printing diagnostics with annotate-snippets, under Danish level names.

use std::io::{IsTerminal, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::{Diagnostic, Diagnostics, Severity};
use crate::source::SourceFiles;

/// Formats one diagnostic as plain or coloured text.
pub fn format_diagnostic(diagnostic: &Diagnostic, files: &SourceFiles, styled: bool) -> String {
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR.with_name("fejl"),
        Severity::Warning => Level::WARNING.with_name("advarsel"),
    };
    let mut group = Group::with_title(level.primary_title(diagnostic.message.as_str()));

    if let Some(location) = &diagnostic.location {
        let file = files.get(location.file);
        let mut annotation = AnnotationKind::Primary.span(location.span.clone());
        if let Some(label) = &diagnostic.label {
            annotation = annotation.label(label.as_str());
        }
        group = group.element(
            Snippet::source(file.text.as_str())
                .path(file.display_path.as_str())
                .line_start(1)
                .annotation(annotation),
        );
    }
    for hint in &diagnostic.hints {
        group = group.element(Level::HELP.with_name("hjælp").message(hint.as_str()));
    }

    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    renderer.render(&[group])
}

/// Prints every diagnostic to standard error, each followed by a blank line:
/// those with a position in file order and by line, then the others.
pub fn print_report(diagnostics: &Diagnostics, files: &SourceFiles) {
    let styled = std::io::stderr().is_terminal();
    let mut sorted: Vec<&Diagnostic> = diagnostics.iter().collect();
    sorted.sort_by_key(|d| match &d.location {
        Some(location) => (false, Some(location.file), location.span.start),
        None => (true, None, 0),
    });
    let mut stderr = std::io::stderr().lock();
    for diagnostic in sorted {
        let _ = writeln!(stderr, "{}\n", format_diagnostic(diagnostic, files, styled));
    }
}

/// Prints the closing line that counts errors and warnings.
pub fn print_summary(diagnostics: &Diagnostics, action: &str) {
    let errors = diagnostics.error_count();
    let warnings = diagnostics.warning_count();
    let counts = format!(
        "{} og {}",
        plural(errors, "fejl", "fejl"),
        plural(warnings, "advarsel", "advarsler")
    );
    if errors > 0 {
        eprintln!("{action} mislykkedes: {counts}");
    } else {
        eprintln!("{action} gennemført: {counts}");
    }
}

/// Returns "1 advarsel" or "2 advarsler".
pub fn plural(count: usize, singular: &str, plural: &str) -> String {
    if count == 1 {
        format!("{count} {singular}")
    } else {
        format!("{count} {plural}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_uses_danish_level_and_position() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.toml");
        std::fs::write(&path, "dilemma = 99\n").unwrap();
        let mut files = SourceFiles::default();
        let id = files.read(&path, "cases/x.toml".into()).unwrap();
        let diagnostic = Diagnostic::error("dilemma 99 findes ikke")
            .at(id, 10..12)
            .label("ukendt nummer")
            .hint("brug et nummer fra 1 til 18");
        let text = format_diagnostic(&diagnostic, &files, false);
        assert!(text.starts_with("fejl: dilemma 99 findes ikke"), "{text}");
        assert!(text.contains("cases/x.toml:1:11"), "{text}");
        assert!(text.contains("^^ ukendt nummer"), "{text}");
        assert!(
            text.contains("hjælp: brug et nummer fra 1 til 18"),
            "{text}"
        );
    }
}
