/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  // office-addin-mock pulls office-addin-manifest, whose dependencies are ESM-only;
  // the mock never needs a manifest, so a tiny stand-in is mapped in.
  moduleNameMapper: {
    '^office-addin-manifest$': '<rootDir>/test/shims/office-addin-manifest.js',
  },
  setupFiles: ['<rootDir>/test/setup.ts'],
  testTimeout: 60000,
};
