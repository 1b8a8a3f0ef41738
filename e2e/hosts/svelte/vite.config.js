// Vite with the official Svelte plugin (it reads svelte.config.js).
import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

export default defineConfig({
  base: "./",
  plugins: [svelte()],
  build: { target: "es2022" },
});
