// The Svelte host's entry: defines the element from the installed package, then mounts the app.
import { mount } from "svelte";
import init from "people-panel";
import PeoplePanelHost from "./PeoplePanelHost.svelte";

const credentialId = new URLSearchParams(location.search).get("credential") ?? undefined;
await init(); // Vite follows the package's `new URL("…wasm", import.meta.url)` and emits the wasm files
mount(PeoplePanelHost, { target: document.getElementById("app")!, props: { credentialId } });
