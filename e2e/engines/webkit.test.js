// The whole workflow (workflow.js) in WebKitGTK's MiniBrowser (WebKitWebDriver, under Xvfb).
import { webkit } from "./drivers.js";
import { workflow } from "./workflow.js";

workflow(webkit);
