//! What the server runs for every request: the tile fast path in front of the router, as nginx answers a cached
//! file without its general machinery. A request for a tile already cut and cached is answered from its prepared
//! bytes without the router or its middleware (`tiles::fast`); everything else goes to the router, whose tile
//! route cuts and caches the tiles the fast path does not have yet.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use axum::Router;
use axum::body::{Body, HttpBody};
use axum::extract::Request;
use axum::response::Response;
use tower::Service;
use tower::util::{Oneshot, ServiceExt as _};

use super::tiles;
use crate::state::AppState;

/// The whole service: [`super::app`] builds it.
#[derive(Clone, Debug)]
pub struct App {
    state: AppState,
    router: Router,
}

impl App {
    pub(super) fn new(state: AppState, router: Router) -> App {
        App { state, router }
    }

    /// The router alone, without the fast path.
    pub fn router(&self) -> &Router {
        &self.router
    }
}

impl<B> Service<Request<B>> for App
where
    B: HttpBody<Data = axum::body::Bytes> + Send + 'static,
    B::Error: Into<axum::BoxError>,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Answer;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        // The router is always ready, and so is the fast path.
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        match tiles::fast(&self.state, request.method(), request.uri(), request.headers()) {
            Some(response) => Answer::Ready(Some(response)),
            None => Answer::Routed(Box::pin(self.router.clone().oneshot(request.map(Body::new)))),
        }
    }
}

/// The response: ready at once from the fast path, or the router's.
pub enum Answer {
    Ready(Option<Response>),
    Routed(Pin<Box<Oneshot<Router, Request<Body>>>>),
}

impl std::fmt::Debug for Answer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Answer::Ready(_) => "Answer::Ready",
            Answer::Routed(_) => "Answer::Routed",
        })
    }
}

impl Future for Answer {
    type Output = Result<Response, Infallible>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.get_mut() {
            Answer::Ready(response) => match response.take() {
                Some(r) => Poll::Ready(Ok(r)),
                None => panic!("the fast path's answer was polled after it was taken"),
            },
            Answer::Routed(routed) => routed.as_mut().poll(cx),
        }
    }
}
