//! `cen serve` (spec 8): the seizure form and the JSON API over HTTP, on tokio, hyper and axum.
//!
//! Everything a request gets is what the core gives every other surface: the report of
//! `/v1/validate` is `Report::to_json`, a batch's lines are those of `cen validate --format
//! ndjson` (the same writer, [`crate::output::json_line`]), look-ups are the core's JSON. This
//! module only translates HTTP: options from the query, bodies read within the limits, errors
//! as `{"error", "message"}`, metrics, and an access log that never holds record content.
//!
//! - `state.rs`: the served profiles, the validators of the options asked for, the limits;
//! - `http.rs`: errors, reading bodies within the limits, the layer every request goes through
//!   (concurrency, metrics, access log, CORS);
//! - `api.rs`: the routes; `batch.rs`: the streamed batch; `assets.rs`: the form's files,
//!   built into the binary; `metrics.rs`: the Prometheus text.

mod api;
mod assets;
mod batch;
mod http;
mod metrics;
mod state;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;

use crate::args::ServeArgs;
use crate::{Failure, EXIT_VALID};

pub use state::State;

/// Runs `cen serve` until it is stopped (Ctrl-C or SIGTERM).
pub fn run(args: ServeArgs) -> Result<u8, Failure> {
    let state = Arc::new(State::new(&args)?);
    let addr: SocketAddr = args.addr.parse().map_err(|_| {
        Failure::Message(format!(
            "--addr: `{}` is not an address and port such as 127.0.0.1:8080",
            args.addr
        ))
    })?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("cen-serve")
        .build()
        .map_err(|e| Failure::Message(format!("cannot start the runtime: {e}")))?;
    runtime.block_on(serve(addr, state))?;
    Ok(EXIT_VALID)
}

async fn serve(addr: SocketAddr, state: Arc<State>) -> Result<(), Failure> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| Failure::Message(format!("cannot listen on {addr}: {e}")))?;
    let local = listener
        .local_addr()
        .map_err(|e| Failure::Message(format!("cannot listen on {addr}: {e}")))?;
    // The one line a supervisor (or a test) waits for.
    eprintln!("cen serve: listening on http://{local}/");
    if !assets::has_webassembly() {
        eprintln!(
            "cen serve: warning: this binary was built without the WebAssembly package \
             (bindings-wasm/dist): the form's page is served but cannot check records"
        );
    }
    let router = api::router(state.clone());
    let timeout = state.limits.timeout;
    let mut builder = auto::Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        // A client that does not finish its headers in time is dropped (slowloris).
        .header_read_timeout(timeout)
        .keep_alive(true);
    let graceful = GracefulShutdown::new();
    let mut stop = std::pin::pin!(shutdown_signal());
    loop {
        let (stream, _peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                // Out of descriptors and the like: wait a little rather than spin.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(router.clone());
        let connection = builder.serve_connection_with_upgrades(TokioIo::new(stream), service);
        let connection = graceful.watch(connection.into_owned());
        tokio::spawn(async move {
            let _ = connection.await;
        });
    }
    eprintln!("cen serve: stopping (requests in progress get {timeout:?} to finish)");
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(timeout) => {}
    }
    Ok(())
}

/// Ctrl-C, or SIGTERM (what systemd and container runtimes send).
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}
