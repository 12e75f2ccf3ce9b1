// Runs after each test file in every Jest project (jest.config.js setupFilesAfterEnv).
import { shutdownParserSandbox } from '../../libs/extraction/src/sandbox/parser-sandbox';

// Each test file has its own module registry and so its own pool of parser processes
// (libs/extraction/src/sandbox): stop them when the file is done, or idle parsers stay alive until their idle
// timer and slow the Jest worker's exit.
afterAll(() => shutdownParserSandbox());
