#!/usr/bin/env node
// Thin shim: all behaviour lives in dist/ (built by `npm install` / `npm run build`). CommonJS on
// purpose (bin/package.json): starting Node's ESM loader would cost every command ~15 ms.
require('../dist/boot.cjs');
