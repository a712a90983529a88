//! End-to-end tests of `build` and `proof`: the real binary on a copy of the
//! shipped project, with the PDFs read by poppler, qpdf and mupdf.

mod failures;
mod print_pdf;
mod proof;
mod reference;
mod sheets;
mod support;
