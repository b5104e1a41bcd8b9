// Preloaded (node -r) into a CLI run by the hostile tests: on exit, the peak resident memory of the process
// (worker threads included) goes to the file named by CPD_STATS, for the memory bound. Linux's VmHWM is the
// peak of this program alone; getrusage's maxRSS would count the forked test runner before exec.
'use strict';
const fs = require('fs');

const file = process.env.CPD_STATS;
if (file) {
  process.on('exit', (code) => {
    let kb = process.resourceUsage().maxRSS;
    try {
      const m = /VmHWM:\s*(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
      if (m) kb = Number(m[1]);
    } catch {
      // not Linux: maxRSS it is
    }
    fs.writeFileSync(file, JSON.stringify({ code, maxRssKb: kb }));
  });
}
