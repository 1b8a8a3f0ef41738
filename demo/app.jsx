// The demo's host app, what a web developer writes around <people-panel>: a React app with the
// real Rollout Link (@rollout/link-react) beside the panel. Link connects a CRM and hands the
// credential to the panel; deleting it in Link makes the panel ask to connect again.
//
// Link is GPL-3.0-only: it is a dependency of this demo and of the tests, never of the panel's bundle.
import { useEffect, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import { CredentialsManager, RolloutLinkProvider } from "@rollout/link-react";
import "@rollout/link-react/style.css";

// Where the emulators are: another origin in the demo (as Rollout's and Rally's hosts are), the
// page's own origin in the e2e suite.
const EMULATOR = document.documentElement.dataset.emulator || location.origin;
// The emulator's API key for every connector, shown so that anyone can connect a CRM.
const DEMO_API_KEY = "demo-api-key-1234";
const EVENTS = ["person-created", "person-updated", "person-deleted", "credential-changed", "credential-required", "panel-error"];
const USERS = [
  ["demo", "demo (no CRM yet)"],
  ["alice", "alice (one CRM)"],
  ["bob", "bob (two CRMs)"],
  ["carol", "carol (no CRM yet)"],
];

// The signed-in user: a real app has a session; the demo's token route reads this cookie.
const user = (document.cookie.match(/(?:^|; )pp_user=([^;]*)/) || [])[1] || "demo";

function signIn(name) {
  document.cookie = `pp_user=${name}; path=/; SameSite=Lax`;
  location.reload(); // switching users is a sign-out and sign-in
}

// Link asks for the token again after a 401.
async function rolloutToken() {
  const answer = await fetch("/api/rollout-token");
  if (!answer.ok) throw new Error(`token route: HTTP ${answer.status}`);
  return (await answer.json()).token;
}

function useEventLog(panel) {
  const [entries, setEntries] = useState([]);
  useEffect(() => {
    const element = panel.current;
    const listeners = EVENTS.map((name) => [name, (e) => setEntries((list) => [`${new Date().toLocaleTimeString()} ${name} ${JSON.stringify(e.detail)}`, ...list].slice(0, 40))]);
    for (const [name, listener] of listeners) element.addEventListener(name, listener);
    return () => listeners.forEach(([name, listener]) => element.removeEventListener(name, listener));
  }, [panel]);
  return entries;
}

function App() {
  const panel = useRef(null);
  const [provider, setProvider] = useState(localStorage.getItem("demo:provider") || "rollout");
  // The panel follows these attributes live: its words and its colours.
  const [lang, setLang] = useState(localStorage.getItem("demo:lang") || "");
  const [theme, setTheme] = useState(localStorage.getItem("demo:theme") || "auto");
  const remember = (key, set) => (value) => {
    localStorage.setItem(key, value);
    set(value);
  };
  const log = useEventLog(panel);
  const rally = provider === "rally";
  const chooseProvider = (value) => {
    localStorage.setItem("demo:provider", value);
    setProvider(value); // the panel applies attribute changes live
  };
  return (
    <>
      <header className="app-bar">
        <strong className="app-name">Acme Realty</strong>
        <label>
          Signed in as
          <select value={user} onChange={(e) => signIn(e.target.value)}>
            {USERS.map(([name, label]) => <option key={name} value={name}>{label}</option>)}
          </select>
        </label>
        <label>
          CRM API
          <select value={provider} onChange={(e) => chooseProvider(e.target.value)}>
            <option value="rollout">Rollout Universal CRM</option>
            <option value="rally">Rally CRM</option>
          </select>
        </label>
        <label>
          Language
          <select value={lang} onChange={(e) => remember("demo:lang", setLang)(e.target.value)}>
            <option value="">The page's (English)</option>
            <option value="en">English</option>
            <option value="de">Deutsch</option>
            <option value="es">Español</option>
          </select>
        </label>
        <label>
          Theme
          <select value={theme} onChange={(e) => remember("demo:theme", setTheme)(e.target.value)}>
            <option value="auto">System</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      </header>
      <main className="app-main">
        <people-panel
          ref={panel}
          lang={lang || undefined}
          theme={theme}
          provider={provider}
          token-url={rally ? "/api/rally-token" : "/api/rollout-token"}
          api-base={rally ? `${EMULATOR}/rally/api/v1` : `${EMULATOR}/crm/api`}
          credentials-url={`${EMULATOR}/universal/api/credentials`}
          page-size="50"
        />
        <aside className="app-side">
          {!rally && (
            <section className="app-card app-link" aria-labelledby="link-heading">
              <h2 id="link-heading">Your CRM connections</h2>
              <p className="app-hint">
                Rollout Link, as your users see it. Pick a CRM and use the demo's API key <code>{DEMO_API_KEY}</code>.
              </p>
              <RolloutLinkProvider token={rolloutToken} apiBaseUrl={`${EMULATOR}/universal/api`}>
                <CredentialsManager
                  apiCategories={{ crm: true }}
                  onCredentialAdded={(c) => panel.current.onCredentialAdded(c)}
                  onCredentialDeleted={(c) => panel.current.onCredentialDeleted(c)}
                />
              </RolloutLinkProvider>
            </section>
          )}
          <section className="app-card app-log" aria-labelledby="log-heading">
            <h2 id="log-heading">Events from the panel</h2>
            <ol aria-live="polite">{log.map((entry, i) => <li key={log.length - i}>{entry}</li>)}</ol>
          </section>
        </aside>
      </main>
    </>
  );
}

createRoot(document.getElementById("app")).render(<App />);
