// The React host's entry: defines the element from the installed package, then renders the app.
import { createRoot } from "react-dom/client";
import init from "people-panel";
import wasmUrl from "people-panel/people_panel_bg.wasm"; // a file URL, by esbuild's file loader
import { PeoplePanelHost } from "./PeoplePanelHost";

const credentialId = new URLSearchParams(location.search).get("credential") ?? undefined;
await init({ module_or_path: wasmUrl });
createRoot(document.getElementById("app")!).render(<PeoplePanelHost credentialId={credentialId} />);
