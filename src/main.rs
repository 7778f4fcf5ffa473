use clap::Parser;

use factsheet::commands::{Error, Outcome};

// mimalloc rather than glibc's malloc: a build allocates and frees many
// small strings from two threads at once, where glibc spends a fifth of
// the CPU (bench/README.md).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit statuses, mapped once: 0 success, 1 the content has errors, 2 usage,
/// configuration or I/O errors.
fn main() -> std::process::ExitCode {
    let cli = factsheet::cli::Cli::parse();
    let code = match factsheet::commands::run(cli) {
        Ok(Outcome::Clean) | Err(Error::ClosedPipe) => 0,
        Ok(Outcome::Problems) => 1,
        Err(Error::Reported) => 2,
        Err(e @ (Error::Usage(_) | Error::Io { .. } | Error::Serve(_))) => {
            eprintln!("error: {e}");
            2
        }
    };
    std::process::ExitCode::from(code)
}
