// Stand-in for office-addin-manifest inside jest (see jest.config.js): office-addin-mock
// only needs its OfficeApp enumeration; the real package pulls ESM-only dependencies.
module.exports = {
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word',
  },
};
