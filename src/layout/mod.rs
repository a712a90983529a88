//! Typst layouts.
