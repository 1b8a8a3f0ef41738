// The dev-server the e2e suite runs against, for every engine's tests: its address, the admin API,
// the request log. No browser here (support.js adds Chromium; engines/ adds Firefox and WebKit).
import assert from "node:assert/strict";

export const BASE = process.env.PP_E2E_URL;
assert.ok(BASE, "PP_E2E_URL is unset: run the e2e suite with `cargo xtask test`");

export async function admin(method, path, body) {
  const r = await fetch(`${BASE}/__admin${path}`, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body ?? {}) });
  assert.ok(r.ok, `${method} ${path}: ${r.status}`);
  return r.status === 204 ? null : r.json();
}

/** The emulator's log of what `user`'s browser sent (entries, requests, token_requests). */
export async function requestLog(user) {
  return (await fetch(`${BASE}/__admin/log?user=${encodeURIComponent(user)}`)).json();
}
