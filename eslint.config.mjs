// ESLint flat config for the map frame's scripts (static/) and their Node unit tests (tests/js/).
import js from "@eslint/js";
import html from "eslint-plugin-html";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    // the scripts the map frame loads: plain browser scripts (no modules, no build step), Leaflet as the global L
    files: ["static/*.js", "static/mapframe/*.html"],
    plugins: { html },
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser, L: "readonly", module: "readonly" },
    },
    rules: {
      "no-var": "off", // the runtime is written in ES5 style on purpose: one closure per script, no transpiling
      eqeqeq: ["error", "always"],
      "no-implicit-globals": "error",
      "no-shadow": "error",
      "no-use-before-define": ["error", { functions: false }],
      "no-unused-vars": ["error", { args: "none" }],
    },
  },
  {
    files: ["tests/js/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: { ...globals.node } },
  },
];
