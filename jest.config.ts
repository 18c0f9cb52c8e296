import type { Config } from 'jest';

const transform: Config['transform'] = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node', isolatedModules: true } }],
};

/**
 * Two projects:
 * - `src`: unit and end-to-end tests of the source, importing `pulse-rx` by name (mapped to
 *   src/) so a failure points at the line that broke;
 * - `package`: what npm installs. The examples and the README run against the built
 *   CommonJS package (dist/, rebuilt first when src/ is newer), and spec/package/ packs
 *   the tarball and installs it into throwaway CommonJS, ESM, mixed and TypeScript
 *   consumers outside the repository.
 */
const config: Config = {
  projects: [
    {
      displayName: 'src',
      testEnvironment: 'node',
      // Each test file loads its own nock; it must let go of node:http when the file ends.
      // Strict mode of the emulator (issue 17.4): every answer checked against the spec.
      setupFilesAfterEnv: ['<rootDir>/spec/helpers/setupNock.ts', '<rootDir>/spec/helpers/strictEmulator.ts'],
      roots: ['<rootDir>/spec'],
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/spec/bench/', '<rootDir>/spec/examples/', '<rootDir>/spec/package/'],
      transform,
      moduleNameMapper: {
        '^pulse-rx$': '<rootDir>/src/index.ts',
        '^pulse-rx/emulator$': '<rootDir>/src/emulator/index.ts',
        '^pulse-rx/node$': '<rootDir>/src/node/index.ts',
        '^pulse-rx/testing$': '<rootDir>/src/testing/index.ts',
        '^pulse-rx/angular$': '<rootDir>/src/angular/index.ts',
        '^pulse-rx/bullmq$': '<rootDir>/src/bullmq/index.ts',
      },
    },
    {
      displayName: 'package',
      testEnvironment: 'node',
      globalSetup: '<rootDir>/spec/package/ensureBuilt.ts',
      roots: ['<rootDir>/spec'],
      testMatch: ['<rootDir>/spec/examples/**/*.spec.ts', '<rootDir>/spec/package/**/*.spec.ts'],
      transform,
      moduleNameMapper: {
        '^pulse-rx$': '<rootDir>/dist/index.js',
        '^pulse-rx/emulator$': '<rootDir>/dist/emulator.js',
        '^pulse-rx/node$': '<rootDir>/dist/node.js',
        '^pulse-rx/testing$': '<rootDir>/dist/testing.js',
        '^pulse-rx/angular$': '<rootDir>/dist/angular.js',
        '^pulse-rx/bullmq$': '<rootDir>/dist/bullmq.js',
      },
    },
  ],
  testTimeout: 60000,
  // A failing test must not hang CI on a server it did not get to close; open handles are
  // checked explicitly by spec/fuzz/leaks.spec.ts and spec/emulator/protocol.spec.ts.
  forceExit: true,
};

export default config;
