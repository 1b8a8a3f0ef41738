//! people-panel
