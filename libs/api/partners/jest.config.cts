module.exports = require('../../../jest.api.preset.cjs')(__dirname, 'api-partners');
