import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettierCompatible from 'eslint-config-prettier/flat';

const kebabCase = {
  meta: { type: 'suggestion', schema: [] },
  create(context) {
    const name = context.filename.split('/').pop();
    if (!/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*\.(ts|js|mjs)$/.test(name)) {
      return {
        Program: (node) =>
          context.report({ node, message: `file name "${name}" must be kebab-case (e.g. case.service.ts)` }),
      };
    }
    return {};
  },
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.local/',
      '.data/',
      'src/generated/',
      'coverage/',
      '.venv/',
      'test-runs/',
      'api-types/',
      'console/dist/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { govflow: { rules: { 'kebab-case-files': kebabCase } } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'govflow/kebab-case-files': 'error',
    },
  },
  {
    // The console's React components (console/tsconfig.json types them for the browser).
    files: ['console/**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Workflow code is replayed: only the workflow SDK, pure shared code and type-only imports.
    files: ['workflows/**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process', 'http', 'https', 'net'],
              message: 'workflows must be deterministic: no Node APIs',
            },
            {
              group: ['@temporalio/*', '!@temporalio/workflow', '!@temporalio/common'],
              message: 'workflows may import only @temporalio/workflow',
            },
            {
              group: ['../src/*', '!../src/shared', '../src/**/!(shared)/**'],
              message: 'workflows may import only pure code from src/shared',
              allowTypeImports: true,
            },
            {
              group: ['../activities', '../activities/*'],
              message: 'import activities as types only',
              allowTypeImports: true,
            },
            {
              group: ['@nestjs/*', '@prisma/*', 'bullmq', 'ioredis', 'pg', 'pino', 'zod'],
              message: 'no I/O or framework code in workflows',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { module: 'writable', require: 'readonly', process: 'readonly', console: 'readonly' } },
  },
  // Last: turns off stylistic rules that would fight Prettier; Prettier itself is checked by `npm run format:check`.
  prettierCompatible,
);
