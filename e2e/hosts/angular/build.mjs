// Bundles the Angular host the way Angular's own esbuild builder does, without the CLI: ngc's AOT
// output (out/) through esbuild, with Angular's linker (a Babel plugin of @angular/compiler-cli)
// finishing the framework's partially compiled packages. `node build.mjs OUTDIR`.
import { readFile } from "node:fs/promises";
import { transformAsync } from "@babel/core";
import linker from "@angular/compiler-cli/linker/babel";
import * as esbuild from "esbuild";

const angularLinker = {
  name: "angular-linker",
  setup(build) {
    build.onLoad({ filter: /[\\/]@angular[\\/].+\.m?js$/ }, async ({ path }) => {
      const source = await readFile(path, "utf8");
      if (!source.includes("ɵɵngDeclare")) return { contents: source, loader: "js" };
      const linked = await transformAsync(source, { filename: path, plugins: [linker], configFile: false, babelrc: false, compact: false });
      return { contents: linked.code, loader: "js" };
    });
  },
};

await esbuild.build({
  entryPoints: ["out/main.js"],
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  loader: { ".wasm": "file" },
  entryNames: "app",
  outdir: process.argv[2],
  logLevel: "warning",
  // What Angular's builder defines for a production browser build: no dev-mode checks, no JIT, no SSR.
  define: { ngDevMode: "false", ngJitMode: "false", ngI18nClosureMode: "false", ngServerMode: "false", ngHmrMode: "false" },
  plugins: [angularLinker],
});
