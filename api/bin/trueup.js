#!/usr/bin/env node
// The `trueup` bin: runs the compiled CLI (build with `pnpm build` at the repository root).
await import('../dist/cli/main.js');
