//! The `kuril` command: the map server (default), the static export, and command-line views of the model.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand};
use kuril_model::Model;
use kuril_server::export::{ExportOptions, export};
use kuril_server::serve::ServeLimits;
use kuril_server::state::embedded_model;
use kuril_server::{AppState, app, stats};
use tracing_subscriber::EnvFilter;

/// mimalloc rather than the system allocator: a request makes many small, short-lived allocations (hyper's parse
/// and encode, the header map, the body's box) on the worker threads; `docs/benchmarks.md` has the comparison.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
#[command(name = "kuril", version, about = "Maps and measures of the Kuril Islands dispute")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Address to listen on (when serving).
    #[arg(long, default_value = "127.0.0.1:8080", global = true)]
    addr: SocketAddr,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the map, tiles and APIs (the default).
    Serve {
        /// Public base URL for absolute links (default: from the request's Host header).
        #[arg(long)]
        public_url: Option<String>,
        /// Log as JSON lines.
        #[arg(long)]
        json_logs: bool,
    },
    /// Write a self-contained static site (web app, PMTiles, GeoJSON) for any static host or CDN.
    Export {
        #[arg(long)]
        out: PathBuf,
        /// Highest zoom in the archive (the map over-zooms beyond it).
        #[arg(long, default_value_t = kuril_tiles::MAX_ZOOM, value_parser = clap::value_parser!(u8).range(0..=14))]
        max_zoom: u8,
        /// Threads cutting tiles (default: one per core); the archive is the same whatever the number.
        #[arg(long, value_parser = clap::value_parser!(u16).range(1..=256))]
        threads: Option<u16>,
        /// No progress bar (it is shown only when stderr is a terminal anyway).
        #[arg(long)]
        no_progress: bool,
    },
    /// Islands with computed and published areas, strait widths, and each scenario's line.
    Stats,
    /// Geodesic distance between two named places (ids from geodata/places.geojson).
    Distance { from: String, to: String },
    /// The English texts of geodata/ as JSON, by the keys geodata/i18n/ja.json and ru.json translate.
    Texts,
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command.unwrap_or(Command::Serve {
        public_url: None,
        json_logs: false,
    }) {
        Command::Serve { public_url, json_logs } => serve(cli.addr, public_url, json_logs),
        Command::Export {
            out,
            max_zoom,
            threads,
            no_progress,
        } => {
            let model = embedded_model()?;
            let tiler = kuril_tiles::Tiler::new(&model)?;
            let s = export(
                &model,
                &tiler,
                &ExportOptions {
                    out: out.clone(),
                    max_zoom,
                    progress: !no_progress,
                    threads: threads.map(usize::from),
                },
            )?;
            println!(
                "exported {} tiles ({:.1} MB PMTiles, {}) and the web app to {} in {:.1} s",
                s.tiles,
                s.pmtiles_bytes as f64 / 1e6,
                s.archive,
                out.display(),
                s.elapsed.as_secs_f64()
            );
            Ok(())
        }
        Command::Stats => {
            print!("{}", stats::report(&embedded_model()?)?);
            Ok(())
        }
        Command::Texts => {
            let english = kuril_model::i18n::english(&Model::embedded_english()?);
            println!("{}", serde_json::to_string_pretty(&english)?);
            Ok(())
        }
        Command::Distance { from, to } => {
            let m = Model::embedded()?.distance_between_places(&from, &to)?;
            println!("{from} → {to}: {:.3} km (geodesic, WGS 84)", m / 1e3);
            Ok(())
        }
    }
}

fn serve(addr: SocketAddr, public_url: Option<String>, json_logs: bool) -> anyhow::Result<()> {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,tower_http=info"));
    // Logs go to stderr; stdout carries only the line with the URL, for people and scripts.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    if json_logs {
        tracing_subscriber::fmt()
            .json()
            .with_writer(std::io::stderr)
            .with_env_filter(filter)
            .init();
    } else {
        tracing_subscriber::fmt()
            .with_writer(std::io::stderr)
            .with_ansi(ansi)
            .with_env_filter(filter)
            .init();
    }
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    let served = runtime.block_on(async move {
        let started = std::time::Instant::now();
        let state = tokio::task::spawn_blocking(move || -> anyhow::Result<AppState> {
            let model = embedded_model()?;
            let loaded = started.elapsed();
            let state = AppState::new(model, public_url)?;
            // Each zoom's simplified index is prepared on its first tile (60–270 ms a zoom, z0–z9), not here:
            // preparing z0–z8 before listening cost about half a second of start-up.
            tracing::debug!(?loaded, built = ?started.elapsed(), "state");
            Ok(state)
        })
        .await??;
        let listeners = kuril_server::serve::bind(addr, kuril_server::serve::workers())
            .with_context(|| format!("cannot listen on {addr}"))?;
        let local = listeners.first().context("no listener")?.local_addr()?;
        let stop = shutdown_signal()?;
        tracing::info!(elapsed_ms = started.elapsed().as_millis() as u64, "ready");
        println!("Kuril Islands dispute map: http://{local}/");
        let app = app(state);
        // Compute the expensive documents now rather than on some visitor's first request.
        tokio::spawn(kuril_server::routes::warm(app.clone()));
        kuril_server::serve::serve(listeners, app, ServeLimits::default(), stop).await?;
        tracing::info!("stopped");
        Ok(())
    });
    // Dropping the runtime would wait for every blocking task, such as a document the warm-up is still computing
    // (about 6 s for the scenarios): pure computation with nothing to save, so the process exits without it.
    runtime.shutdown_background();
    served
}

/// Resolves on SIGINT or SIGTERM. The handlers are installed when this is called, before the URL is printed, so a
/// signal sent as soon as the server says it is ready still stops it gracefully (rather than killing it).
fn shutdown_signal() -> anyhow::Result<impl std::future::Future<Output = ()>> {
    #[cfg(unix)]
    let stop = {
        use tokio::signal::unix::{SignalKind, signal};
        let mut interrupt = signal(SignalKind::interrupt())?;
        let mut terminate = signal(SignalKind::terminate())?;
        async move {
            tokio::select! { _ = interrupt.recv() => {}, _ = terminate.recv() => {} }
        }
    };
    #[cfg(not(unix))]
    let stop = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    Ok(async move {
        stop.await;
        tracing::info!("shutting down");
    })
}
