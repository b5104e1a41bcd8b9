// Stand-ins for the Office and CustomFunctions globals, served in place of
// https://appsforoffice.microsoft.com/lib/1/hosted/office.js in browser tests.
// They record what the add-in registers; nothing else about the page is mocked.
//
// Options: ?host=Excel|none, ?lang=…, ?excel=memory (a stand-in Excel built from the
// page's own in-memory workbook code), and window.__standIn (set by an init script):
//   { props: { 'CPD.region': 'shandong' } }   custom document properties of that workbook
//   { holdSettings: true }                     every Excel.run waits for window.__releaseSettings()
//   { formulas: [[sheet, row, col, formula]] } formula cells, evaluated through the registered
//                                              functions whenever the add-in calculates them
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
  window.__registration = { first: null, last: null };
  window.CustomFunctions = {
    associate(id, fn) {
      const now = performance.now();
      if (window.__registration.first === null) window.__registration.first = now;
      window.__registration.last = now;
      if (typeof id === 'object') Object.assign(registry, id);
      else registry[id] = fn;
    },
    Error: CFError,
    ErrorCode: {
      invalidValue: '#VALUE!',
      notAvailable: '#N/A',
      divisionByZero: '#DIV/0!',
      invalidNumber: '#NUM!',
      nullReference: '#NULL!',
      invalidName: '#NAME?',
      invalidReference: '#REF!',
    },
  };
  window.__functions = registry;
  window.__actions = {};
  window.__shown = 0;
  // Call a registered function the way Excel would: its value (awaited if it is a promise) or its error.
  window.__call = function (id, args) {
    const settle = (e) =>
      e instanceof CFError ? { error: e.code, message: e.message } : { escaped: String((e && e.stack) || e) };
    try {
      return Promise.resolve(registry[id].apply(null, args)).then((value) => ({ value }), settle);
    } catch (e) {
      return Promise.resolve(settle(e));
    }
  };
  // An error value as Excel passes it to a function with allowErrorForDataTypeAny.
  window.__excelError = (code) => new CFError(code);

  let release;
  const gate = new Promise((r) => (release = r));
  window.__releaseSettings = () => release();

  // =CPD.NAME(literal, …) formulas of the stand-in Excel, recomputed when calculated
  function evaluate(sheet, r, c) {
    const f = sheet.formulas.get(`${r},${c}`);
    const m = f && /^=CPD\.([A-Z_]+)\((.*)\)$/.exec(f);
    if (!m) return;
    const args = m[2] === '' ? [] : m[2].split(',').map((a) => (a.trim() === '' ? null : JSON.parse(a.trim())));
    window.__call(m[1], args).then((res) => {
      sheet.rows[r] = sheet.rows[r] || [];
      sheet.rows[r][c] = 'value' in res ? res.value : res.error;
    });
  }

  window.Office = {
    HostType: { Excel: 'Excel' },
    VisibilityMode: { taskpane: 'Taskpane', hidden: 'Hidden' },
    context: {
      displayLanguage: cfg.lang,
      requirements: { isSetSupported: (name, v) => !(name === 'ExcelApi' && Number(String(v).split('.')[1]) > 17) },
      diagnostics: { host: 'Excel', platform: 'OfficeOnline', version: '16.0.0.0 (stand-in)' },
    },
    onReady(cb) {
      const info = { host, platform: host ? 'OfficeOnline' : null };
      let ready = Promise.resolve();
      if (host && params.get('excel') === 'memory' && window.CPD_preview) {
        ready = window.CPD_preview.load().then((p) => {
          const wb = p.sampleWorkbook();
          for (const [k, v] of Object.entries(cfg.props || {})) wb.properties.set(k, v);
          for (const [name, r, c, f] of cfg.formulas || [])
            wb.sheets.find((s) => s.name === name).formulas.set(`${r},${c}`, f);
          wb.onCalculate = (sheet, box) => {
            for (let i = 0; i < box.nr; i++) for (let j = 0; j < box.nc; j++) evaluate(sheet, box.r + i, box.c + j);
          };
          p.workbook = wb;
          const excel = p.createExcel(wb);
          if (cfg.holdSettings) {
            const run = excel.run;
            excel.run = (f) => gate.then(() => run(f));
          }
          window.Excel = excel;
        });
      }
      return ready.then(() => (cb ? cb(info) : undefined)).then(() => info);
    },
    actions: {
      associate(name, fn) {
        window.__actions[name] = fn;
      },
    },
    addin: {
      showAsTaskpane() {
        window.__shown++;
        return Promise.resolve();
      },
      onVisibilityModeChanged() {
        return Promise.resolve(() => Promise.resolve());
      },
    },
  };
})();
