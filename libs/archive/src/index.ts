export * from './archive.error';
export * from './zip-limits';
export type { ZipEntry, ZipEntryOutcome } from './zip-entry';
export * from './zip-archive';
export * from './craft-zip';
