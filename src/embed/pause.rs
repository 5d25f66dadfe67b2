//! Waiting for the reader to pause: the page URL follows the search words,
//! and the host page hears `openings:filter`, once typing stops for
//! [`TYPING_PAUSE_MS`], not once per keystroke.

use gloo_timers::callback::Timeout;

/// How long typing must pause before what waits for it happens.
pub const TYPING_PAUSE_MS: u32 = 400;

/// One thing waiting for the reader to pause: starting it again restarts
/// the wait (the newer wins), and dropping or cancelling it forgets it.
#[derive(Default)]
pub struct AfterPause(Option<Timeout>);

impl AfterPause {
    /// Runs `then` once the reader has paused for [`TYPING_PAUSE_MS`],
    /// instead of whatever was waiting.
    pub fn restart(&mut self, then: impl FnOnce() + 'static) {
        self.0 = Some(Timeout::new(TYPING_PAUSE_MS, then));
    }

    /// Forgets what was waiting.
    pub fn cancel(&mut self) {
        self.0 = None;
    }
}
