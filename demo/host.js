// The demo's host app: what a web developer writes around <people-panel>.
const EMULATOR = "http://127.0.0.1:8787";
const panel = document.getElementById("panel");
const userSelect = document.getElementById("user");
const providerSelect = document.getElementById("provider");
const connect = document.getElementById("connect");
const log = document.getElementById("log");

// The signed-in user: a real app has a session; the demo's token route reads this cookie.
const user = (document.cookie.match(/(?:^|; )pp_user=([^;]*)/) || [])[1] || "demo";
userSelect.value = user;
userSelect.addEventListener("change", () => {
  document.cookie = `pp_user=${userSelect.value}; path=/; SameSite=Lax`;
  location.reload(); // switching users is a sign-out and sign-in
});

function useProvider(provider) {
  localStorage.setItem("demo:provider", provider);
  providerSelect.value = provider;
  connect.hidden = provider !== "rollout";
  // Attribute changes apply live.
  if (provider === "rally") {
    panel.setAttribute("provider", "rally");
    panel.setAttribute("token-url", "/api/rally-token");
    panel.setAttribute("api-base", `${EMULATOR}/rally/api/v1`);
  } else {
    panel.setAttribute("provider", "rollout");
    panel.setAttribute("token-url", "/api/rollout-token");
    panel.setAttribute("api-base", `${EMULATOR}/crm/api`);
  }
}
providerSelect.addEventListener("change", () => useProvider(providerSelect.value));
useProvider(localStorage.getItem("demo:provider") || "rollout");

// Stands in for Rollout Link: it connects a CRM, then calls onCredentialAdded({ id, appKey }),
// which the host hands straight to the panel.
const rolloutLink = {
  async connect(appKey, onCredentialAdded) {
    const { token } = await (await fetch("/api/rollout-token")).json();
    const response = await fetch(`${EMULATOR}/universal/api/credentials`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ appKey, label: `${user}'s ${appKey}` }),
    });
    if (!response.ok) throw new Error(`connect failed: HTTP ${response.status}`);
    const credential = await response.json();
    onCredentialAdded({ id: credential.id, appKey: credential.appKey });
  },
};
connect.addEventListener("click", async () => {
  connect.disabled = true;
  try {
    await rolloutLink.connect("follow-up-boss", (c) => panel.onCredentialAdded(c));
  } catch (e) {
    addLog("host", { message: String(e) });
  } finally {
    connect.disabled = false;
  }
});

function addLog(name, detail) {
  const item = document.createElement("li");
  const time = new Date().toLocaleTimeString();
  item.textContent = `${time} ${name} ${JSON.stringify(detail)}`;
  log.prepend(item);
}
for (const name of ["person-created", "person-updated", "person-deleted", "credential-changed", "credential-required", "panel-error"]) {
  document.addEventListener(name, (e) => addLog(name, e.detail));
}
