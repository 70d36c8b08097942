module.exports = require('../../jest.base')('unit', __dirname);
