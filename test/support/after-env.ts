// Runs after each test file in every Jest project (jest.config.js setupFilesAfterEnv).
import { shutdownPdfThread } from '../../libs/extraction/src/pdf/pdf-worker.client';

// Each test file has its own module registry and so its own PDF thread (libs/extraction/src/pdf): stop it
// when the file is done, or every file's thread stays in the Jest worker process and slows its exit.
afterAll(() => shutdownPdfThread());
