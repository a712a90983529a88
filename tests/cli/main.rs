//! End-to-end tests: each runs the built `dilemmaspil` binary on a fixture
//! project in a temporary folder and checks its exit code and output.

mod check;
mod list;
mod new;
mod support;
mod usage;
