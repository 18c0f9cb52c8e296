import type { Config } from 'jest';

const config: Config = {
  testEnvironment: 'node',
  // Each test file loads its own nock; it must let go of node:http when the file ends.
  setupFilesAfterEnv: ['<rootDir>/spec/helpers/setupNock.ts'],
  roots: ['<rootDir>/spec'],
  testMatch: ['**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/spec/bench/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node', isolatedModules: true } }],
  },
  // Tests import the package by name, as users do.
  moduleNameMapper: {
    '^pulse-rx$': '<rootDir>/src/index.ts',
    '^pulse-rx/emulator$': '<rootDir>/src/emulator/index.ts',
    '^pulse-rx/node$': '<rootDir>/src/node/index.ts',
  },
  testTimeout: 20000,
  // A failing test must not hang CI on a server it did not get to close; open handles are
  // checked explicitly by spec/fuzz/leaks.spec.ts and spec/emulator/protocol.spec.ts.
  forceExit: true,
};

export default config;
