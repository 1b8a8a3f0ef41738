// The requests that do not wait for the wasm. The token's starts as soon as a panel's `token-url`
// is known: for the panels already in the page, as this module's first act (the bundle evaluates it
// before the element class, the catalogs and the rest). Once the token has answered, what the first
// row needs follows: the credentials list (Rollout, unless a credential id is known) and the first
// page, exactly as src/provider/plan.rs describes them (`PLAN`, written into js/interface.js by
// build.rs). The wasm's request path (src/http.rs) takes their answers over with `takeEarly` instead
// of asking again, and reads them, failures too, as if it had sent them. Each is keyed by its URL,
// token and credential: an answer of another user, CRM or page size is never taken.
import { PLAN, TAG } from "./interface.js";

// An answer older than this is not handed over (the wasm asks again).
const FRESH_MS = 10000;

// token-url → { at, answer: Promise<Response>, text: Promise<string> }, until the wasm takes it.
const tokens = new Map();
// URL, token and credential → { at, tokenUrl, answer: Promise<Response> }, until the wasm takes it.
const reads = new Map();

const fresh = (entry) => entry && performance.now() - entry.at < FRESH_MS;

function sendTokenRequest(url) {
  return fetch(url, { headers: { Accept: "application/json, text/plain" } });
}

/** Starts the token request of `url`, once. */
export function requestTokenEarly(url) {
  if (!url || tokens.has(url)) return;
  const answer = sendTokenRequest(url);
  answer.catch(() => {}); // a failure is reported when Rust awaits it
  // Its text, for what JS does before the wasm (read from a copy: Rust reads the answer).
  const text = answer.then((response) => (response.ok ? response.clone().text() : "")).catch(() => "");
  tokens.set(url, { at: performance.now(), answer, text });
}

/** The token route's answer for Rust: the request started early for `url` (once, while fresh),
 *  else a new one. The one place a token request is sent. */
export function requestToken(url) {
  const early = tokens.get(url);
  tokens.delete(url);
  return fresh(early) ? early.answer : sendTokenRequest(url);
}

/** The text of the early token answer of `url`, while the wasm has not taken it. */
export function earlyTokenText(url) {
  return tokens.get(url)?.text;
}

/** Whether a token request of `url` was started early and the wasm has not taken it. */
export function hasEarlyToken(url) {
  return tokens.has(url);
}

/** A sign-out: nothing asked for this token-url's user before it is handed to the wasm. */
export function forgetEarly(url) {
  tokens.delete(url);
  for (const [key, read] of reads) if (read.tokenUrl === url) reads.delete(key);
}

/** The JWT in the token route's answer (`{ "token": … }` or the bare JWT), as src/jwt.rs reads it. */
export function jwtOf(answer) {
  const body = answer.trim();
  if (body.startsWith("{")) {
    try {
      const token = JSON.parse(body)?.token;
      return typeof token === "string" ? token : null;
    } catch {
      return null;
    }
  }
  return body.replace(/^"+|"+$/g, "") || null;
}

/** The UTF-8 text base64url `encoded` stands for (a JWT's payload), or null. src/jwt.rs decodes
 *  with it too, so the wasm carries no base64 decoder of its own. */
export function base64UrlText(encoded) {
  if (typeof encoded !== "string" || !/^[A-Za-z0-9_-]*=*$/.test(encoded)) return null;
  try {
    const base64 = encoded.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/");
    const bytes = Uint8Array.from(atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4)), (c) => c.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The JWT's claims when it names its user (`iss`, `sub`); null otherwise. */
export function claimsOf(jwt) {
  try {
    const claims = JSON.parse(base64UrlText(jwt?.split(".")[1]));
    return typeof claims?.iss === "string" && typeof claims.sub === "string" ? claims : null;
  } catch {
    return null;
  }
}

const readKey = (url, jwt, credential) => `${url}\n${jwt}\n${credential ?? ""}`;

// The reads the wasm asked for (key → when), for FRESH_MS: JS never sends one of them after it.
const asked = new Map();

/** For src/http.rs: the answer to the read of `url` with this token and credential, if one was
 *  sent early and is fresh; handed out once. From then on JS leaves that read to the wasm. */
export function takeEarly(url, jwt, credential) {
  const key = readKey(url, jwt, credential);
  const now = performance.now();
  for (const [old, at] of asked) if (now - at >= FRESH_MS) asked.delete(old);
  asked.set(key, now);
  const read = reads.get(key);
  reads.delete(key);
  return fresh(read) ? read.answer : undefined;
}

/** A read sent now, with the headers src/http.rs sends (the plan's); null when the wasm already
 *  asked for it (it sent it itself). */
function read(url, jwt, credential, tokenUrl) {
  const key = readKey(url, jwt, credential);
  if (asked.has(key)) return null;
  if (reads.has(key)) return reads.get(key);
  const headers = { Authorization: `Bearer ${jwt}`, Accept: PLAN.accept };
  if (credential) headers[PLAN.credentialHeader] = credential;
  const answer = fetch(url, { headers });
  answer.catch(() => {}); // a failure is reported when Rust reads it
  const entry = { at: performance.now(), tokenUrl, answer };
  reads.set(key, entry);
  return entry;
}

// `encodeURIComponent` as src/provider/mod.rs writes it (RFC 3986: `!'()*` escaped too).
const encode = (value) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The attributes the first requests (and the key of a kept list) depend on, read as
 *  src/config.rs reads them; null when the panel would not load with them (it then says what is
 *  wrong, and asks nothing). */
export function configOf(element) {
  const given = (name) => element.getAttribute(name)?.trim() || null;
  const name = given("provider")?.toLowerCase() ?? PLAN.providers[0].name;
  const provider = PLAN.providers.find((p) => p.name === name);
  const apiBase = (given("api-base") ?? provider?.defaultApiBase)?.replace(/\/+$/, "");
  const size = given("page-size") ?? String(PLAN.defaultPageSize);
  const pageSize = /^\+?\d{1,9}$/.test(size) ? Number(size) : 0;
  if (!provider || !apiBase || pageSize < 1 || pageSize > PLAN.maxPageSize) return null;
  const query = provider.query.map(([key, value]) => `${key}=${encode(value === PLAN.pageSize ? String(pageSize) : value)}`);
  return {
    provider,
    apiBase,
    firstPage: `${apiBase}${provider.path}?${query.join("&")}`,
    credentialsUrl: given("credentials-url") ?? PLAN.defaultCredentialsUrl,
    credentialId: given("credential-id"),
  };
}

/** The credential id of `config`'s requests before the credentials list is read: the host's, or
 *  the one saved for the token's user (src/scope.rs `keys::credential`); null if neither. */
export function knownCredential(config, claims) {
  if (config.credentialId) return config.credentialId;
  try {
    const id = JSON.parse(localStorage.getItem(`${PLAN.savedCredentialKey}${claims.iss}:${claims.sub}`))?.id;
    return typeof id === "string" ? id.trim() || null : null;
  } catch {
    return null;
  }
}

/** The only credential in a credentials list's answer, if it holds exactly one. */
async function onlyCredential(response) {
  if (!response.ok) return null;
  const list = await response.clone().json();
  const ids = Array.isArray(list) ? list.map((c) => (typeof c?.id === "string" ? c.id.trim() : "")).filter(Boolean) : [];
  return ids.length === 1 ? ids[0] : null;
}

/** Sends what `element`'s first row needs, once its token `answer` has come (the text of the token
 *  route's answer for `tokenUrl`), unless the wasm asked for it first. `keptShown`: a list kept with
 *  `cache` shows first (a provider with a change feed then asks only what changed). */
export function readFirstRow(element, tokenUrl, answer, keptShown) {
  const plan = configOf(element);
  const jwt = jwtOf(answer);
  const claims = claimsOf(jwt);
  if (!plan || !claims || (keptShown && !plan.provider.keptListReadsFirstPage)) return;
  if (!plan.provider.needsCredential) return void read(plan.firstPage, jwt, null, tokenUrl);
  const known = knownCredential(plan, claims);
  if (known) return void read(plan.firstPage, jwt, known, tokenUrl);
  read(plan.credentialsUrl, jwt, null, tokenUrl)
    ?.answer.then(onlyCredential)
    .then((id) => id && read(plan.firstPage, jwt, id, tokenUrl))
    .catch(() => {});
}

// This module's first act: the tokens of the panels already in the page.
for (const element of document.querySelectorAll(`${TAG}[token-url]`)) requestTokenEarly(element.getAttribute("token-url"));
