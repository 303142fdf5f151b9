#!/usr/bin/env node
// Thin shim: all behaviour lives in the bundled dist/cli.js (built by `npm install` / `npm run build`).
import '../dist/cli.js';
