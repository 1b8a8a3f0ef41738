// The whole workflow (workflow.js) in Firefox ESR (geckodriver, headless).
import { firefox } from "./drivers.js";
import { workflow } from "./workflow.js";

workflow(firefox);
