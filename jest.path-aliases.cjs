// Maps the tsconfig.base.json path aliases for Jest, so every project resolves @scs/* the same way.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

module.exports = () => {
  const base = JSON.parse(readFileSync(join(__dirname, 'tsconfig.base.json'), 'utf8'));
  const map = {};
  for (const [alias, [target]] of Object.entries(base.compilerOptions.paths)) {
    map[`^${alias.replace(/\//g, '\\/')}$`] = join(__dirname, target);
  }
  return map;
};
