//! The `syncmgr-host` command: see the `syncmgr_host` library.

use clap::Parser;
use syncmgr_host::cli::Args;
use syncmgr_host::report::{EXIT_SUCCESS, EXIT_USAGE};

fn main() {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(error) => {
            let code = if error.use_stderr() {
                EXIT_USAGE
            } else {
                EXIT_SUCCESS
            };
            let _ = error.print();
            std::process::exit(code);
        }
    };
    std::process::exit(syncmgr_host::run(&args));
}
