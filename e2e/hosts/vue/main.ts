// The Vue host's entry: defines the element from the installed package, then mounts the app.
import { createApp } from "vue";
import init from "people-panel";
import PeoplePanelHost from "./PeoplePanelHost.vue";

const credentialId = new URLSearchParams(location.search).get("credential") ?? undefined;
await init(); // Vite follows the package's `new URL("…wasm", import.meta.url)` and emits the wasm files
createApp(PeoplePanelHost, { credentialId }).mount("#app");
