// The Angular host's entry: defines the element from the installed package, then boots the app.
import { Component, provideZonelessChangeDetection } from "@angular/core";
import { bootstrapApplication } from "@angular/platform-browser";
import init from "people-panel";
import wasmUrl from "people-panel/people_panel_bg.wasm"; // a file URL, by esbuild's file loader
import { PeoplePanelHost } from "./people-panel-host.component";

@Component({
  selector: "app-root",
  imports: [PeoplePanelHost],
  template: `<app-people-panel-host [credentialId]="credentialId" />`,
})
class App {
  readonly credentialId = new URLSearchParams(location.search).get("credential") ?? undefined;
}

await init({ module_or_path: wasmUrl });
await bootstrapApplication(App, { providers: [provideZonelessChangeDetection()] });
