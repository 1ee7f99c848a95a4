// Lint is part of `npm test`: zero warnings allowed.
import tseslint from 'typescript-eslint';

/** Anything that performs I/O or reaches outside the pure domain core. */
const ioModules = [
  'fs', 'fs/*', 'node:*', 'path', 'os', 'child_process', 'http', 'https', 'net', 'stream', 'readline',
  'worker_threads', 'process', 'crypto', 'zlib', 'url',
  'papaparse', 'exceljs', 'pg', 'pg-*', '@electric-sql/*', 'proper-lockfile',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web/dist/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // The domain core is pure: no I/O and no dependency on any outer layer.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ioModules, message: 'src/core is the pure domain core: no I/O modules.' },
          { group: ['**/app/**', '**/cli/**', '**/library/**', '**/db/**', '**/server/**', '**/bench/**'],
            message: 'src/core must not depend on outer layers; they depend on it.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'src/core is pure: pass configuration in as arguments.' },
        { name: 'fetch', message: 'src/core is pure: no network.' },
        { name: 'console', message: 'src/core is pure: return values, do not print.' },
        { name: 'Date', message: 'src/core is deterministic: take dates as arguments.' },
      ],
    },
  },
  {
    // The application layer depends on ports, not on adapters: storage, files of the library and
    // the CLI are given to it. Tests and fixtures may wire real adapters.
    files: ['src/app/**/*.ts'],
    ignores: ['src/app/**/*.test.ts', 'src/app/**/fixtures/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/db/**', '**/library/**', '**/cli/**', '**/bench/**', '**/demo/**', '**/server/**', 'pg', 'pg-*', '@electric-sql/*', 'fastify', '@fastify/*'],
          message: 'src/app depends on ports (interfaces) only; adapters are wired at the edges.' }],
      }],
    },
  },
  {
    // The API contract is shared with the web app: schemas only, no I/O, nothing server-side.
    files: ['src/api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: [...ioModules, '**/db/**', '**/library/**', '**/cli/**', '**/server/**', 'fastify', '@fastify/*', 'argon2'],
          message: 'src/api is the contract shared with the browser: zod schemas and pure application code only.' }],
      }],
    },
  },
);
