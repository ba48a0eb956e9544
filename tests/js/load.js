// Loads one of the map frame's scripts (static/) in Node: they are browser scripts that hang their runtime on
// `window` and hand their pure functions to Node through module.exports.
"use strict";
const path = require("node:path");

globalThis.window = globalThis.window || {};

module.exports = function load(name) {
  return require(path.join(__dirname, "..", "..", "static", name));
};
