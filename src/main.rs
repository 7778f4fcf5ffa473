use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = factsheet::cli::Cli::parse();
    std::process::ExitCode::from(factsheet::commands::run(cli))
}
