// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules, and the
// rules Microsoft ships for Office add-ins (eslint-plugin-office-addins) on the code that
// calls Office.js. Formatting is Prettier's business (npm run format), not ESLint's:
// nothing here enforces layout. `npm run lint` runs tsc's type check first.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'lib/', 'node_modules/', 'coverage/', 'test-results/', 'stubs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // unused arguments and caught errors are named for the reader; `_x` marks an intended gap
      '@typescript-eslint/no-unused-vars': [
        'error',
        { args: 'none', caughtErrors: 'none', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // getters and setters of the in-memory Excel reach their range through `self`
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['self'] }],
      // the add-in, the engine and the CLI print through their own channels (stdout, the pane)
      'no-console': 'error',
    },
  },
  {
    // a function over ~80 lines is split into named pieces that say what they do (issue 8): all of src/.
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  {
    // tests feed numbers that lost digits on purpose: an ID typed as a number must be refused
    files: ['test/**'],
    rules: { 'no-loss-of-precision': 'off' },
  },
  {
    // build and check scripts report on the console
    files: ['scripts/**', 'webpack.config.js'],
    rules: { 'no-console': 'off' },
  },
  {
    // draws the icons in headless Chromium: page.waitForFunction bodies run in the page
    files: ['scripts/icons.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // the Office add-in rules, with the severities of the plugin's own recommended set
    // (its configs also switch on eslint-plugin-prettier, which this project does not want),
    // on the only code that calls Excel.run; the rules know the request context by its
    // name `context`
    files: ['src/taskpane/excel/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'warn',
      'office-addins/no-empty-load': 'warn',
      'office-addins/no-navigational-load': 'warn',
      'office-addins/no-office-initialize': 'warn',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
  {
    // custom functions take `any`: Excel passes numbers, text, booleans, errors or ranges,
    // and the metadata generator reads the parameter types from these signatures
    files: ['src/functions/functions.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },
  {
    // served in place of office.js to the browser tests
    files: ['test/e2e/stand-ins/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  },
);
