//! `serve`: a preview for editors. The site is built in memory (never
//! written to disk), served over HTTP from that memory only, rebuilt when a
//! watched file changes, and open pages reload themselves. A broken build
//! shows its diagnostics in the browser instead of a stale page. PDFs,
//! feeds and search indexes are made when first asked for.
//!
//! - `http`: requests to files, responses, the reload event stream;
//! - `watch`: which saves need what;
//! - `state`: the site in memory, kept up to date through the routing
//!   table.

mod http;
mod pack;
mod state;
mod watch;

pub use http::resolve;

use std::path::PathBuf;
use std::sync::Arc;

use jiff::civil::Date;
use tiny_http::Server;

use state::State;

pub struct Preview {
    pub root: PathBuf,
    pub bind: String,
    pub port: u16,
    /// A fixed day (`--today`); otherwise each rebuild and request is
    /// judged against the current day.
    pub today: Option<Date>,
    pub pdf: bool,
    /// Where PDFs typeset before are reused from.
    pub cache: Option<std::path::PathBuf>,
    pub quiet: bool,
}

impl Preview {
    fn day(&self) -> Date {
        self.today.unwrap_or_else(|| jiff::Zoned::now().date())
    }
}

/// Why `serve` could not start.
#[derive(Debug)]
pub enum ServeError {
    Listen {
        addr: String,
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    Watch {
        path: Option<std::path::PathBuf>,
        source: notify::Error,
    },
}

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServeError::Listen { addr, source } => write!(
                f,
                "cannot listen on {addr}: {source}; is another `factsheet serve` running? Choose another --port"
            ),
            ServeError::Watch { path: None, source } => write!(f, "cannot watch files: {source}"),
            ServeError::Watch {
                path: Some(p),
                source,
            } => write!(f, "cannot watch {}: {source}", p.display()),
        }
    }
}

impl std::error::Error for ServeError {}

/// Builds, serves and watches until the process is stopped.
pub fn run(opts: Preview) -> Result<(), ServeError> {
    let addr = format!("{}:{}", opts.bind, opts.port);
    let server = listen(&addr).map_err(|source| ServeError::Listen { addr, source })?;
    let host = if opts.bind.contains(':') {
        format!("[{}]", opts.bind)
    } else {
        opts.bind.clone()
    };
    let base_url = format!("http://{host}:{}/", opts.port);
    let scope = if is_loopback(&opts.bind) {
        "on this computer only; use --bind 0.0.0.0 to let others on the network see it"
    } else {
        "visible to other computers on the network"
    };
    let root = opts.root.display().to_string();
    let state = Arc::new(State::new(opts, base_url.clone()));
    state.rebuild();
    eprintln!("serving {root} at {base_url} ({scope}); press Ctrl+C to stop");
    let _watcher = watch::start(Arc::clone(&state))?;
    for request in server.incoming_requests() {
        let state = Arc::clone(&state);
        std::thread::spawn(move || http::answer(&state, request));
    }
    Ok(())
}

/// The listening socket. Small writes go out at once (TCP_NODELAY):
/// tiny_http writes a response's head and body separately, and with
/// Nagle's algorithm the body waited for the client's delayed ACK, 40 ms
/// on Linux, on every keep-alive request. Accepted connections inherit the
/// option from the listener on Linux.
fn listen(addr: &str) -> Result<Server, Box<dyn std::error::Error + Send + Sync>> {
    let listener = std::net::TcpListener::bind(addr)?;
    let _ = socket2::SockRef::from(&listener).set_tcp_nodelay(true);
    Server::from_listener(listener, None)
}

fn is_loopback(bind: &str) -> bool {
    bind == "localhost"
        || bind
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}
