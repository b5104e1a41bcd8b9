// Stand-in for office-addin-manifest inside jest (see jest.config.js).
module.exports = {};
