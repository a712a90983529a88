//! Output files: PDFs, PNG proofs and writing them safely.

pub mod atomic;
pub mod impose;
pub mod pdf;
pub mod png;
pub mod sheets;
