module.exports = require('../../jest.base')('integration', __dirname);
