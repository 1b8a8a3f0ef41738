// Vite with the official Vue plugin; the compiler is told <people-panel> is a custom element.
import { defineConfig } from "vite";
import vue from "@vitejs/plugin-vue";

export default defineConfig({
  base: "./",
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === "people-panel" } } })],
  build: { target: "es2022" },
});
