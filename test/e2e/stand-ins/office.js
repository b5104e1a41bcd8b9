// Stand-ins for the Office and CustomFunctions globals, served in place of
// https://appsforoffice.microsoft.com/lib/1/hosted/office.js in browser tests.
// They record what the add-in registers; nothing else about the page is mocked.
(function () {
  const params = new URLSearchParams(location.search);
  const cfg = Object.assign({ host: 'Excel', lang: 'zh-CN' }, window.__standIn || {});
  if (params.get('host')) cfg.host = params.get('host');
  if (params.get('lang')) cfg.lang = params.get('lang');
  const host = cfg.host === 'none' ? null : cfg.host;

  const registry = {};
  class CFError extends Error {
    constructor(code, message) {
      super(message || '');
      this.code = code;
    }
  }
  window.CustomFunctions = {
    associate(id, fn) {
      if (typeof id === 'object') Object.assign(registry, id);
      else registry[id] = fn;
    },
    Error: CFError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!', nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!' },
  };
  window.__functions = registry;
  window.__actions = {};
  window.__shown = 0;
  // Call a registered function the way Excel would, returning its value or its error.
  window.__call = function (id, args) {
    try {
      const v = registry[id].apply(null, args);
      return { value: v };
    } catch (e) {
      if (e instanceof CFError) return { error: e.code, message: e.message };
      return { escaped: String(e && e.stack || e) };
    }
  };
  window.Office = {
    HostType: { Excel: 'Excel' },
    context: { displayLanguage: cfg.lang, requirements: { isSetSupported: () => true } },
    onReady(cb) {
      const info = { host, platform: host ? 'OfficeOnline' : null };
      // ?excel=memory: a stand-in Excel, built from the page's own in-memory workbook code
      if (host && params.get('excel') === 'memory' && window.CPD_preview) {
        const wb = window.CPD_preview.sampleWorkbook();
        window.CPD_preview.workbook = wb;
        window.Excel = window.CPD_preview.createExcel(wb);
      }
      return Promise.resolve().then(() => (cb ? cb(info) : undefined)).then(() => info);
    },
    actions: { associate(name, fn) { window.__actions[name] = fn; } },
    addin: { showAsTaskpane() { window.__shown++; return Promise.resolve(); } },
  };
})();
