// The bad-input suite (`npm run test:security`): one platform, every refusal from outside.
module.exports = require('../jest.base')('security', __dirname);
