//! `openings`, the feed tool of Openings: validates job feeds, converts and
//! merges them into schema.org JSON-LD, turns Jekyll posts into a feed,
//! writes Atom feeds and sitemaps, and renders a board's first page into
//! HTML. Run `openings --help`; see `docs/cli.md`.

mod cli;
mod export;
mod fetch;
mod jekyll;
mod merge;
mod render;
mod report;
mod validate;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let exit = match &cli.command {
        Command::Validate(args) => validate::run(args),
        Command::Convert(args) => export::convert(args),
        Command::Jekyll(args) => jekyll::run(args),
        Command::Atom(args) => export::atom(args),
        Command::Sitemap(args) => export::sitemap_of(args),
        Command::Render(args) => render::run(args),
    };
    ExitCode::from(exit.code())
}
