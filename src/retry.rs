//! When to retry and how fast to send: exponential backoff with full jitter, and a pacer that keeps a
//! tenant's requests under its rate limit. Pure: the caller supplies time and randomness.
use std::collections::VecDeque;

#[derive(Clone, Copy, Debug)]
pub struct RetryPolicy {
    pub base_ms: f64,
    pub cap_ms: f64,
    /// Attempts in all, the first included.
    pub max_attempts: u32,
    /// No retry starts after this much time since the first attempt.
    pub max_total_ms: f64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy { base_ms: 250.0, cap_ms: 8_000.0, max_attempts: 6, max_total_ms: 30_000.0 }
    }
}

impl RetryPolicy {
    /// The wait before attempt `attempt + 1` (`attempt` counts from 1), or `None` when it is time to
    /// give up. `hint_ms` is what the server asked for (`Retry-After`, `X-RateLimit-Reset`): never
    /// wait less than that. `random` is uniform in [0, 1).
    pub fn delay(&self, attempt: u32, elapsed_ms: f64, hint_ms: Option<f64>, random: f64) -> Option<f64> {
        if attempt >= self.max_attempts {
            return None;
        }
        let ceiling = (self.base_ms * 2f64.powi(attempt as i32 - 1)).min(self.cap_ms);
        let wait = (random * ceiling).max(hint_ms.unwrap_or(0.0));
        (elapsed_ms + wait <= self.max_total_ms).then_some(wait)
    }
}

/// At most `limit` requests in any `window_ms`, and none before a reset the server announced.
#[derive(Debug)]
pub struct Pacer {
    limit: usize,
    window_ms: f64,
    sent: VecDeque<f64>,
    blocked_until: f64,
}

impl Pacer {
    pub fn new(limit: usize, window_ms: f64) -> Self {
        Pacer { limit: limit.max(1), window_ms, sent: VecDeque::new(), blocked_until: 0.0 }
    }

    /// Reserves the next free slot and returns how long to wait for it (0 = send now).
    pub fn reserve(&mut self, now: f64) -> f64 {
        while self.sent.front().is_some_and(|&t| t + self.window_ms <= now) {
            self.sent.pop_front();
        }
        let mut at = now.max(self.blocked_until);
        if self.sent.len() >= self.limit {
            // The slot frees when the request `limit` places back leaves the window.
            at = at.max(self.sent[self.sent.len() - self.limit] + self.window_ms);
        }
        self.sent.push_back(at);
        at - now
    }

    /// Takes in what the server said about the window (Rally's `X-RateLimit-Remaining`/`-Reset`).
    pub fn observe(&mut self, remaining: Option<u64>, reset_at_ms: Option<f64>) {
        if let (Some(0), Some(reset)) = (remaining, reset_at_ms) {
            self.blocked_until = self.blocked_until.max(reset);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_is_jittered_and_bounded() {
        let p = RetryPolicy::default();
        assert_eq!(p.delay(1, 0.0, None, 0.999_999).map(f64::round), Some(250.0));
        assert_eq!(p.delay(3, 0.0, None, 0.5), Some(500.0));
        assert_eq!(p.delay(10, 0.0, None, 0.5), None, "attempts are bounded");
        assert_eq!(p.delay(5, 0.0, None, 1.0), Some(4_000.0));
        assert_eq!(p.delay(2, 29_900.0, None, 0.9), None, "total time is bounded");
        assert_eq!(p.delay(1, 0.0, Some(2_000.0), 0.1), Some(2_000.0), "a server's hint is a floor");
        assert_eq!(p.delay(1, 0.0, None, 0.0), Some(0.0), "full jitter starts at zero");
    }

    #[test]
    fn the_pacer_queues_past_the_limit_instead_of_refusing() {
        let mut p = Pacer::new(50, 1000.0);
        let waits: Vec<f64> = (0..120).map(|_| p.reserve(0.0)).collect();
        assert!(waits[..50].iter().all(|&w| w == 0.0));
        assert!(waits[50..100].iter().all(|&w| w == 1000.0));
        assert!(waits[100..].iter().all(|&w| w == 2000.0));
        // In any second at most 50 are sent.
        let mut times = waits.clone();
        times.sort_by(f64::total_cmp);
        for (i, t) in times.iter().enumerate() {
            assert!(times.iter().skip(i).take_while(|&&u| u < t + 1000.0).count() <= 50);
        }
    }

    #[test]
    fn an_exhausted_window_blocks_until_its_reset() {
        let mut p = Pacer::new(1000, 60_000.0);
        p.observe(Some(3), Some(9_000.0));
        assert_eq!(p.reserve(100.0), 0.0);
        p.observe(Some(0), Some(9_000.0));
        assert_eq!(p.reserve(200.0), 8_800.0);
    }
}
