//! The connection loop: the service (`routes::App`) behind hyper (HTTP/1.1 and HTTP/2), with the limits
//! `axum::serve` leaves unset — a deadline for a request's headers (slow clients cannot hold a connection open by
//! trickling bytes), a cap on header bytes, a cap on open connections — and graceful shutdown that drains what is
//! in flight.
//!
//! The layout is nginx's: one worker thread per core, each with its own single-threaded runtime and its own
//! listening socket on the same address (`SO_REUSEPORT`: the kernel spreads new connections over the sockets). A
//! connection stays on the thread that accepted it, so a request is parsed, answered and written without waking
//! another thread. Work that takes long (cutting a tile, computing a document, rendering an image) runs on the
//! worker's blocking pool, never on the worker thread itself.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{Semaphore, watch};

use crate::routes::App;

/// Connection-level limits. Request-level ones (URI and header size, requests in flight, time per request)
/// are in `routes::guard` and `routes::app`.
#[derive(Debug, Clone, Copy)]
pub struct ServeLimits {
    /// Time a client has to send a request's headers, from its first byte.
    pub header_read_timeout: Duration,
    /// Bytes hyper buffers for one request head; a longer head gets a bare 431 from hyper. The router's guard
    /// answers smaller but still oversized heads with a JSON error first.
    pub max_head_bytes: usize,
    /// Open connections, over all workers; further clients wait in the listen backlog.
    pub max_connections: usize,
    /// How long shutdown waits for requests in flight.
    pub drain: Duration,
}

impl Default for ServeLimits {
    fn default() -> Self {
        ServeLimits {
            header_read_timeout: Duration::from_secs(10),
            max_head_bytes: 64 * 1024,
            max_connections: 8192,
            drain: Duration::from_secs(10),
        }
    }
}

/// The number of workers: one per core.
pub fn workers() -> usize {
    std::thread::available_parallelism().map_or(2, usize::from)
}

/// `count` listening sockets on `addr`, all on the same port (the first one's, when `addr` asks for port 0).
///
/// `SO_REUSEPORT` would also let a second server started by the same user bind a port this one serves, and take
/// half of its connections. So the address is first bound once without it, which fails when anything listens
/// there already, and let go just before the workers' sockets bind it.
pub fn bind(addr: SocketAddr, count: usize) -> std::io::Result<Vec<std::net::TcpListener>> {
    let at = std::net::TcpListener::bind(addr)?.local_addr()?;
    let mut listeners: Vec<std::net::TcpListener> = Vec::with_capacity(count.max(1));
    for _ in 0..count.max(1) {
        let socket = match at {
            SocketAddr::V4(_) => tokio::net::TcpSocket::new_v4()?,
            SocketAddr::V6(_) => tokio::net::TcpSocket::new_v6()?,
        };
        socket.set_reuseaddr(true)?;
        #[cfg(unix)]
        socket.set_reuseport(true)?;
        socket.set_nodelay(true)?;
        socket.bind(at)?;
        let listener = socket.listen(1024)?.into_std()?;
        listeners.push(listener);
        // Without SO_REUSEPORT a second socket cannot share the port: one listener serves every worker.
        if !cfg!(unix) {
            break;
        }
    }
    Ok(listeners)
}

/// Serve `app` on `listeners`, one worker thread each, until `shutdown` resolves; then every worker stops
/// accepting and drains its connections (at most [`ServeLimits::drain`]).
pub async fn serve(
    listeners: Vec<std::net::TcpListener>,
    app: App,
    limits: ServeLimits,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let (stop, stopped) = watch::channel(false);
    let connections = Arc::new(Semaphore::new(limits.max_connections));
    let mut workers = Vec::with_capacity(listeners.len());
    for (i, listener) in listeners.into_iter().enumerate() {
        let (app, connections, stopped) = (app.clone(), connections.clone(), stopped.clone());
        let (done, finished) = tokio::sync::oneshot::channel::<std::io::Result<()>>();
        std::thread::Builder::new()
            .name(format!("kuril-worker-{i}"))
            .spawn(move || {
                let result = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .thread_name(format!("kuril-blocking-{i}"))
                    .build()
                    .and_then(|runtime| runtime.block_on(accept_loop(listener, app, limits, connections, stopped)));
                let _ = done.send(result);
            })?;
        workers.push(finished);
    }
    shutdown.await;
    let _ = stop.send(true);
    let mut result = Ok(());
    for w in workers {
        match w.await {
            Ok(Ok(())) => {}
            Ok(Err(e)) => result = Err(e),
            Err(_) => result = Err(std::io::Error::other("a worker thread ended without a result")),
        }
    }
    result
}

/// One worker: accept on `listener` and serve each connection on this thread until `stopped` turns true.
async fn accept_loop(
    listener: std::net::TcpListener,
    app: App,
    limits: ServeLimits,
    connections: Arc<Semaphore>,
    mut stopped: watch::Receiver<bool>,
) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let listener = TcpListener::from_std(listener)?;
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout)
        .max_buf_size(limits.max_head_bytes.max(8192));
    builder
        .http2()
        .timer(TokioTimer::new())
        .max_header_list_size(limits.max_head_bytes as u32);
    let graceful = GracefulShutdown::new();
    let shutdown = stopped.wait_for(|s| *s);
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            p = connections.clone().acquire_owned() => match p {
                Ok(p) => p,
                Err(_) => break,
            },
            _ = &mut shutdown => break,
        };
        let stream = tokio::select! {
            r = listener.accept() => match r {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of file descriptors and the like: back off instead of spinning.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(app.clone());
        let conn = builder
            .serve_connection_with_upgrades(TokioIo::new(stream), service)
            .into_owned();
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!(error = %e, "connection ended with an error");
            }
            drop(permit);
        });
    }
    drop(listener);
    tokio::select! {
        _ = graceful.shutdown() => {}
        _ = tokio::time::sleep(limits.drain) => tracing::warn!("shutdown: requests still in flight after the drain time"),
    }
    Ok(())
}
