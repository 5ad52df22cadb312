//! End to end: the real binary on a free port — it starts, prints its URL, serves, and shuts down cleanly on
//! SIGTERM.

mod common;

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::Server;

fn start() -> Server {
    common::start_server("info", Stdio::piped())
}

fn http_get(url: &str) -> (u16, Vec<u8>) {
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let mut r = agent.get(url).call().expect("request goes through");
    let status = r.status().as_u16();
    let mut body = Vec::new();
    r.body_mut().as_reader().read_to_end(&mut body).expect("body");
    (status, body)
}

/// Sends SIGTERM and waits up to `limit` for the server to exit.
fn terminate(server: &mut Server, limit: Duration) -> std::process::ExitStatus {
    let pid = server.child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("kill runs")
            .success()
    );
    let deadline = Instant::now() + limit;
    loop {
        if let Some(s) = server.child.try_wait().expect("wait") {
            return s;
        }
        assert!(
            Instant::now() < deadline,
            "the server did not stop within {limit:?} of SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn serves_and_stops_gracefully() {
    let mut server = start();
    let (status, body) = http_get(&format!("{}/healthz", server.url));
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    let (status, body) = http_get(&format!("{}/tiles/8/231/92.mvt", server.url));
    assert_eq!(status, 200);
    assert!(body.len() > 100);
    let (status, _) = http_get(&format!("{}/tiles/99/0/0.mvt", server.url));
    assert_eq!(status, 404);
    let (status, body) = http_get(&format!("{}/", server.url));
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&body).contains("app.js"));

    // SIGTERM: the server drains and exits 0, saying so in its log.
    let status = terminate(&mut server, Duration::from_secs(10));
    assert!(status.success(), "{status}");
    let mut log = String::new();
    server
        .child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut log)
        .expect("log");
    assert!(log.contains("shutting down") && log.contains("stopped"), "{log}");
    assert!(!log.contains("ERROR") && !log.contains("panicked"), "{log}");
}

/// Right after start-up the server is still computing the scenario documents in the background (seconds of
/// geometry, `routes::warm`): a stop does not wait for that.
#[test]
fn stops_promptly_while_the_documents_are_still_being_computed() {
    let mut server = start();
    let started = Instant::now();
    let status = terminate(&mut server, Duration::from_secs(3));
    assert!(status.success(), "{status}");
    eprintln!("stopped {:?} after SIGTERM", started.elapsed());
}

#[test]
fn refuses_an_address_it_cannot_bind() {
    let server = start();
    let port = server.url.rsplit(':').next().expect("port");
    let out = Command::new(env!("CARGO_BIN_EXE_kuril"))
        .args(["--addr", &format!("127.0.0.1:{port}")])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cannot listen on"),
        "{:?}",
        out
    );
}
