//! Reading source files: UTF-8 with or without a byte order mark, LF or CRLF.

use std::path::Path;

use crate::diagnostic::Diagnostic;

/// Index of a file in [`SourceFiles`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(usize);

/// A source file as read from disk, with CRLF turned into LF and any byte
/// order mark removed, so that spans, lines and columns match what an editor
/// shows.
#[derive(Debug)]
pub struct SourceFile {
    /// Path as shown to the user, relative to the project where possible.
    pub display_path: String,
    pub text: String,
}

/// Every file read during a run, so diagnostics can show their source lines.
#[derive(Debug, Default)]
pub struct SourceFiles {
    files: Vec<SourceFile>,
}

impl SourceFiles {
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0]
    }

    fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId(self.files.len() - 1)
    }

    /// Reads a file and stores it. Invalid UTF-8 is reported with the byte
    /// offset of the first bad byte; the valid part is kept so the diagnostic
    /// can show the line.
    pub fn read(&mut self, path: &Path, display_path: String) -> Result<FileId, Diagnostic> {
        let bytes = std::fs::read(path).map_err(|error| {
            Diagnostic::error(format!(
                "kunne ikke læse filen {display_path}: {}",
                crate::io_error::describe(&error)
            ))
            .hint("kontrollér at filen findes, og at du har adgang til at læse den")
        })?;
        let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        let bytes = &bytes[bom..];

        match std::str::from_utf8(bytes) {
            Ok(text) => {
                let text = text.replace("\r\n", "\n");
                Ok(self.add(SourceFile { display_path, text }))
            }
            Err(error) => {
                let offset = error.valid_up_to();
                let valid = String::from_utf8_lossy(&bytes[..offset]).replace("\r\n", "\n");
                let rest_of_line = String::from_utf8_lossy(&bytes[offset..])
                    .split('\n')
                    .next()
                    .unwrap_or_default()
                    .trim_end_matches('\r')
                    .to_owned();
                let start = valid.len();
                let text = format!("{valid}{rest_of_line}");
                let end = (start + '\u{FFFD}'.len_utf8()).min(text.len());
                let id = self.add(SourceFile {
                    display_path: display_path.clone(),
                    text,
                });
                Err(Diagnostic::error(format!(
                    "{display_path} er ikke gyldig UTF-8: ugyldig byte ved byte-position {}",
                    bom + offset
                ))
                .at(id, start..end)
                .label("ugyldig byte her")
                .hint("gem filen igen med tegnkodningen UTF-8 i din editor"))
            }
        }
    }
}

/// Returns the 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |index| index + 1);
    let column = text[line_start..offset].chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters() {
        let text = "a = 1\nø = \"æ\"\n";
        assert_eq!(line_column(text, 0), (1, 1));
        let offset = text.find('"').unwrap();
        assert_eq!(line_column(text, offset), (2, 5));
    }

    #[test]
    fn read_strips_bom_and_crlf() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, b"\xEF\xBB\xBFa = 1\r\nb = 2\r\n").unwrap();
        let mut files = SourceFiles::default();
        let id = files.read(&path, "a.toml".into()).unwrap();
        assert_eq!(files.get(id).text, "a = 1\nb = 2\n");
    }

    #[test]
    fn read_reports_invalid_utf8_offset() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, b"a = 1\nb = \"\xFF\"\n").unwrap();
        let mut files = SourceFiles::default();
        let diagnostic = files.read(&path, "a.toml".into()).unwrap_err();
        assert!(
            diagnostic.message.contains("byte-position 11"),
            "{}",
            diagnostic.message
        );
        let location = diagnostic.location.unwrap();
        assert_eq!(
            line_column(&files.get(location.file).text, location.span.start),
            (2, 6)
        );
    }
}
