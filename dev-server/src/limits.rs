//! Per-tenant rate limits: Rollout's ~50 requests/second (sliding second) and Rally's 1,000
//! requests/minute (fixed minute windows, whose reset instant Rally reports in `X-RateLimit-Reset`).
use std::collections::{HashMap, VecDeque};

/// What a limiter decided for one request.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Admission {
    pub allowed: bool,
    pub limit: u32,
    pub remaining: u32,
    /// Unix seconds when the window resets.
    pub reset_secs: u64,
}

/// At most `limit` requests in any 1,000 ms, per tenant.
#[derive(Default)]
pub struct PerSecond {
    recent: HashMap<String, VecDeque<u64>>,
}

impl PerSecond {
    pub fn admit(&mut self, tenant: &str, limit: u32, now_ms: u64) -> Admission {
        let times = self.recent.entry(tenant.to_string()).or_default();
        while times.front().is_some_and(|&t| t + 1000 <= now_ms) {
            times.pop_front();
        }
        let allowed = (times.len() as u32) < limit;
        if allowed {
            times.push_back(now_ms);
        }
        let reset_ms = times.front().map_or(now_ms, |&t| t + 1000);
        Admission {
            allowed,
            limit,
            remaining: limit.saturating_sub(times.len() as u32),
            reset_secs: reset_ms.div_ceil(1000),
        }
    }
}

/// At most `limit` requests per fixed window (Rally: the calendar minute), per tenant.
#[derive(Default)]
pub struct FixedWindow {
    windows: HashMap<String, (u64, u32)>,
}

impl FixedWindow {
    pub fn admit(&mut self, tenant: &str, limit: u32, window_ms: u64, now_ms: u64) -> Admission {
        let minute = now_ms / window_ms;
        let (window, used) = self.windows.entry(tenant.to_string()).or_insert((minute, 0));
        if *window != minute {
            *window = minute;
            *used = 0;
        }
        let allowed = *used < limit;
        if allowed {
            *used += 1;
        }
        Admission { allowed, limit, remaining: limit - *used, reset_secs: ((minute + 1) * window_ms).div_ceil(1000) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_second_allows_the_limit_then_refuses_until_the_oldest_ages_out() {
        let mut l = PerSecond::default();
        for i in 0..50 {
            assert!(l.admit("t", 50, 1_000 + i).allowed);
        }
        assert!(!l.admit("t", 50, 1_100).allowed);
        assert!(l.admit("other", 50, 1_100).allowed, "tenants are separate");
        assert!(l.admit("t", 50, 2_000).allowed, "the first request left the window");
    }

    #[test]
    fn per_minute_counts_down_and_resets_on_the_next_minute() {
        let mut l = FixedWindow::default();
        let a = l.admit("t", 2, 60_000, 60_000);
        assert_eq!((a.allowed, a.remaining, a.reset_secs), (true, 1, 120));
        assert!(l.admit("t", 2, 60_000, 61_000).allowed);
        let refused = l.admit("t", 2, 60_000, 62_000);
        assert_eq!((refused.allowed, refused.remaining), (false, 0));
        assert!(l.admit("t", 2, 60_000, 120_000).allowed);
    }
}
