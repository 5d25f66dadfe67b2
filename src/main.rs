//! The binary Trunk builds: everything lives in the library; the loader
//! (`src/embed/openings.js`) calls its exports when a board appears.

fn main() {}
