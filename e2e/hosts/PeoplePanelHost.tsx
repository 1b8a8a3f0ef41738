// <people-panel> in a React 19 app: the README's React snippet is this file, and the e2e suite runs it.
import { useRef, useState } from "react";
import type { PeoplePanelElement, PeoplePanelPerson } from "people-panel";
import type {} from "people-panel/react"; // JSX types for <people-panel>

export function PeoplePanelHost({ credentialId }: { credentialId?: string }) {
  const panel = useRef<PeoplePanelElement>(null);
  const [created, setCreated] = useState<PeoplePanelPerson[]>([]);
  const [error, setError] = useState("");
  return (
    <section>
      {/* Attributes as in HTML; properties (credentialId) and on<event-name> listeners as React 19 sets them. */}
      <people-panel
        ref={panel}
        token-url="/api/rollout-token"
        api-base="/crm/api"
        credentials-url="/universal/api/credentials"
        page-size={25}
        credentialId={credentialId}
        onperson-created={(event) => setCreated((people) => [...people, event.detail])}
        onpanel-error={(event) => setError(event.detail.message)}
      />
      <button type="button" onClick={() => panel.current?.refresh()}>Reload people</button>
      <p id="created">{created.map((person) => String(person.name)).join(", ")}</p>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
