// The whole workflow (workflow.js) in headless Chromium (playwright-core), the same steps as the other engines.
import { chromium } from "./drivers.js";
import { workflow } from "./workflow.js";

workflow(chromium);
