// Type-checked only (tsconfig.preact.json): <people-panel> in Preact JSX, from the package's types.
import type { PeoplePanelPerson } from "people-panel";
import type {} from "people-panel/preact";

export function PreactPanel({ onCreated }: { onCreated: (person: PeoplePanelPerson) => void }) {
  return <people-panel token-url="/api/rollout-token" provider="rally" page-size={25} onperson-created={(event) => onCreated(event.detail)} />;
}
