// Bundles the demo's host app (demo/app.jsx: React + Rollout Link) with esbuild into
// `<outdir>/app.js` + `app.css`. Trunk runs it before each demo build (Trunk.toml); the e2e suite
// runs it for its Link page. Usage: node demo/build.mjs [outdir]  (default target/demo-host)
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
await build({
  entryPoints: [`${root}demo/app.jsx`],
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  jsx: "automatic",
  entryNames: "app",
  outdir: process.argv[2] || `${root}target/demo-host`,
  define: { "process.env.NODE_ENV": '"production"' }, // Link reads it at import
  logLevel: "warning",
});
