// Imported before the functions module. Inside Office, office.js provides the
// CustomFunctions namespace; opened as the standalone preview in an ordinary browser
// (or with office.js blocked) it does not exist, and the associate calls appended to
// functions.ts would throw and take the whole page down. Then this stand-in takes
// their place, and the diagnostics say the functions are not registered in Excel.
const g = globalThis as unknown as { CustomFunctions?: unknown };

/** Whether CustomFunctions came from Office rather than from this stand-in. */
export const officeFunctions = typeof g.CustomFunctions !== 'undefined';

if (!officeFunctions) {
  class StandInError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message ?? '');
    }
  }
  g.CustomFunctions = {
    associate: () => undefined,
    Error: StandInError,
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
}
