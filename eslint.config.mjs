// Lint rules that matter are enforced here, not in a style doc: type-aware checks for promises,
// exhaustive switches and type-only imports; import boundaries for the pure libs and the application layer;
// and the architecture rules of docs/architecture.md (routes declare their access, SQL only in
// libs/persistence, no hidden global modules).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Head', 'Options', 'Sse']);
const ACCESS_DECORATORS = new Set(['Public', 'RequirePermission', 'Authenticated']);
const decoratorName = (d) =>
  d.expression.type === 'CallExpression' ? d.expression.callee.name : d.expression.name;

/** Rules of this code base (the boot check RouteDeclarationsCheck says the same at run time). */
const local = {
  rules: {
    'route-declares-access': {
      meta: {
        type: 'problem',
        docs: { description: 'every route declares @Public(), @RequirePermission() or @Authenticated()' },
        schema: [],
        messages: {
          missing:
            'Route {{name}} declares no access: add @Public(), @RequirePermission(action) or @Authenticated() (on it or its controller)',
        },
      },
      create(context) {
        return {
          ClassDeclaration(node) {
            const classDecorators = (node.decorators ?? []).map(decoratorName);
            if (!classDecorators.includes('Controller')) return;
            const classDeclares = classDecorators.some((n) => ACCESS_DECORATORS.has(n));
            for (const member of node.body.body) {
              if (member.type !== 'MethodDefinition') continue;
              const names = (member.decorators ?? []).map(decoratorName);
              if (!names.some((n) => ROUTE_DECORATORS.has(n))) continue;
              if (classDeclares || names.some((n) => ACCESS_DECORATORS.has(n))) continue;
              context.report({
                node: member.key,
                messageId: 'missing',
                data: { name: member.key.name ?? '?' },
              });
            }
          },
        };
      },
    },
  },
};

const NO_PROCESS_ENV = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: 'Read configuration through AppConfig (libs/config)',
};
const NO_INJECT_REPOSITORY = {
  selector: "CallExpression[callee.name='InjectRepository']",
  message: 'Tenant tables are reached only through TenantScopedRepository',
};
const NO_GLOBAL_MODULE = {
  selector: "Decorator > CallExpression[callee.name='Global']",
  message: 'No @Global() module outside libs/config: import the module whose providers you use',
};
const NO_SQL = [
  {
    selector: "CallExpression[callee.property.name=/^(query|createQueryBuilder)$/][callee.object.property.name='dataSource']",
    message: 'SQL lives in libs/persistence (a repository, or a named query class in persistence/src/system/)',
  },
  {
    selector: "CallExpression[callee.property.name=/^(query|createQueryBuilder)$/][callee.object.name=/^(m|manager|em|entityManager|queryRunner)$/]",
    message: 'SQL lives in libs/persistence (a repository, or a named query class in persistence/src/system/)',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'apps/web/dist/**', 'apps/web/vite.config.mts', 'apps/web/src/api/schema.d.ts', 'coverage/**', 'test-results/**', 'bench/**', 'bin/**', 'scripts/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', 'apps/web/src/**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { local },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['apps/api/src/**/*.controller.ts'],
    rules: { 'local/route-declares-access': 'error' },
  },
  {
    files: ['libs/domain/**/*.ts', 'libs/extraction/**/*.ts', 'libs/letters/**/*.ts', 'libs/archive/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@nestjs/*', 'typeorm', 'bullmq', 'pg', 'ioredis', '@cb/persistence', '@cb/jobs', '@cb/application', '../../apps/*'], message: 'domain, extraction, letters and archive are pure TypeScript: no framework, ORM or queue imports' }] },
      ],
    },
  },
  {
    // The application layer is plain classes over the domain and the ports: no HTTP, no ORM, no queue library.
    files: ['libs/application/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/platform-*', 'express', '@nestjs/core', '@nestjs/bullmq', '@nestjs/swagger', 'bullmq', 'typeorm', 'pg', 'ioredis', '../../apps/*', '../../../apps/*'],
              message: 'The application layer knows no HTTP framework, ORM or queue library: use the ports (repositories, JobPublisher)',
            },
          ],
        },
      ],
    },
  },
  {
    // Use cases and services are plain classes: of Nest, only its Logger (the Nest glue is application.module.ts).
    files: ['libs/application/**/*.use-case.ts', 'libs/application/**/*.service.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@nestjs/common', allowImportNames: ['Logger'], message: 'Use cases are plain classes: no Nest decorators (wire them in application.module.ts)' }],
          patterns: [
            {
              group: ['@nestjs/platform-*', 'express', '@nestjs/core', '@nestjs/bullmq', '@nestjs/swagger', 'bullmq', 'typeorm', 'pg', 'ioredis', '../../apps/*', '../../../apps/*'],
              message: 'The application layer knows no HTTP framework, ORM or queue library: use the ports (repositories, JobPublisher)',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['libs/persistence/**', 'libs/config/**', '**/*.spec.ts', '**/*.int-spec.ts'],
    rules: {
      'no-restricted-syntax': ['error', NO_INJECT_REPOSITORY, NO_PROCESS_ENV, NO_GLOBAL_MODULE, ...NO_SQL],
    },
  },
  {
    files: ['libs/persistence/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: { 'no-restricted-syntax': ['error', NO_PROCESS_ENV, NO_GLOBAL_MODULE] },
  },
  {
    // The web app: the hooks rules, and promises in event handlers are fine as `onClick={() => void save()}`.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false, arguments: false } }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/*.browser-spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-console': 'off' },
  },
  prettier,
);
