// Defines <people-panel> from the built bundle, for host pages that render the element themselves.
import init from "/people-panel/people_panel.js";
await init();
