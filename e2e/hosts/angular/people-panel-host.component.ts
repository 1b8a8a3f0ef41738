// <people-panel> in an Angular app: the README's Angular snippet is this file, and the e2e suite runs it.
import { CUSTOM_ELEMENTS_SCHEMA, Component, input, signal } from "@angular/core";
import type { PeoplePanelPerson } from "people-panel";

@Component({
  selector: "app-people-panel-host",
  schemas: [CUSTOM_ELEMENTS_SCHEMA], // <people-panel> is a custom element, not an Angular component
  // Attributes as in HTML; [property] bindings (credentialId); (event-name) listeners, typed from the
  // element's class in HTMLElementTagNameMap; #panel is the element itself.
  template: `
    <section>
      <people-panel
        #panel
        token-url="/api/rollout-token"
        api-base="/crm/api"
        credentials-url="/universal/api/credentials"
        page-size="25"
        [credentialId]="credentialId()"
        (person-created)="created.update((people) => [...people, $event.detail])"
        (panel-error)="error.set($event.detail.message)"
      ></people-panel>
      <button type="button" (click)="panel.refresh()">Reload people</button>
      <p id="created">{{ names() }}</p>
      @if (error()) {
        <p role="alert">{{ error() }}</p>
      }
    </section>
  `,
})
export class PeoplePanelHost {
  readonly credentialId = input<string>();
  readonly created = signal<PeoplePanelPerson[]>([]);
  readonly error = signal("");
  names() {
    return this.created().map((person) => String(person.name)).join(", ");
  }
}
