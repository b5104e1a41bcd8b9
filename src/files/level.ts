// A module of its own, with nothing imported: the command line reads it at start-up without the file layer.

/**
 * How hard the copies' new parts are deflated. 5, not zlib's default 6: a 100 000-row copy's 165 MB of sheet
 * XML is 1 % larger (12.06 -> 12.20 MB) and deflated in a fifth less time with zlib, a quarter less with pako
 * (the web page's copy 5.1-5.9 -> 3.2-4.7 s, Node); 4 would save a little more but make the file 8 % larger.
 */
export const DEFLATE_LEVEL = 5;
