//! Wall-clock helpers: unix seconds/milliseconds and the ISO-8601 form the APIs use.
use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub fn now_ms() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as u64).unwrap_or(0)
}

pub fn now_secs() -> u64 {
    now_ms() / 1000
}

/// `2026-01-01T00:00:00.000Z`
pub fn iso(ms: u64) -> String {
    humantime::format_rfc3339_millis(UNIX_EPOCH + Duration::from_millis(ms)).to_string()
}

/// Parses an ISO-8601 UTC instant (`Z` suffix; fractional seconds optional).
pub fn parse_iso(text: &str) -> Option<u64> {
    let t = humantime::parse_rfc3339_weak(text.trim_end_matches('Z')).ok()?;
    Some(t.duration_since(UNIX_EPOCH).ok()?.as_millis() as u64)
}

#[cfg(test)]
mod tests {
    #[test]
    fn iso_round_trips() {
        let ms = 1_767_225_600_123;
        assert_eq!(super::iso(ms), "2026-01-01T00:00:00.123Z");
        assert_eq!(super::parse_iso(&super::iso(ms)), Some(ms));
        assert_eq!(super::parse_iso("2026-01-01T00:00:00Z"), Some(1_767_225_600_000));
        assert_eq!(super::parse_iso("yesterday"), None);
    }
}
