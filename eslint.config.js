// Lint configuration: the recommended JavaScript and TypeScript rules over the whole project.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', '.next/**', 'data/**', 'test-results/**', 'next-env.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly', console: 'readonly', URL: 'readonly', TextDecoder: 'readonly',
        TextEncoder: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
        performance: 'readonly', structuredClone: 'readonly', window: 'readonly', document: 'readonly',
        self: 'readonly', Worker: 'readonly', navigator: 'readonly', fetch: 'readonly',
        Response: 'readonly', Request: 'readonly', AbortController: 'readonly', queueMicrotask: 'readonly',
        setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
);
