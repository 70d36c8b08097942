// The 2025 replay over a generated workforce (about 10 minutes) is left out of `npm test`, whose
// CI run must end within 90 minutes; it runs on its own: `pnpm --filter @ps/gateway test:replay`.
const base = require('../jest.base')('integration', __dirname);
module.exports = { ...base, testPathIgnorePatterns: ['/node_modules/', '/test/reorganisation-replay\\.int-spec\\.ts$'] };
