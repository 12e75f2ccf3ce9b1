import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Socket } from 'node:net';
import { ParserError, SandboxLimitError, type SandboxLimit } from './parser-sandbox.error';
import { SANDBOX_SOURCE } from './sandbox-source';

const MIB = 1024 * 1024;
/** How often the watchdog reads the child's resident memory while a request runs. */
const WATCH_MS = 20;
/** A child that kept more than this share of its limit after a document is not reused. */
const RECYCLE_SHARE = 0.5;
/** Idle children kept for the next document (each holds pdf.js, about 100 MB). */
const MAX_IDLE = 1;
const STDERR_TAIL = 4096;

/** The limits every parser runs under. */
export interface SandboxLimits {
  /** Resident memory of the parser process (heap, buffers, wasm, canvas), in MiB; past it the process is killed. */
  memoryMb: number;
  /** Longest one parser operation may take, in ms (OCR gets more per page); past it the process is killed. */
  timeoutMs: number;
  /** An idle parser process is stopped after this long, in ms. */
  idleMs: number;
}

/** Defaults: 1 GiB, 120 s, 60 s idle. */
export const DEFAULT_SANDBOX_LIMITS: Readonly<SandboxLimits> = Object.freeze({
  memoryMb: 1024,
  timeoutMs: 120_000,
  idleMs: 60_000,
});

let limits: SandboxLimits = { ...DEFAULT_SANDBOX_LIMITS };

/** Sets the limits for parser processes started from now on (the worker calls it at boot from its config). */
export function configureParserSandbox(next: Partial<SandboxLimits>): void {
  const memoryMb = limits.memoryMb;
  limits = { ...limits, ...next };
  // Idle processes were started under the old memory limit: start them again under the new one.
  if (limits.memoryMb !== memoryMb && idle.length > 0) {
    for (const child of idle.splice(0)) child.stop(null);
    refill();
  }
}

export function parserSandboxLimits(): Readonly<SandboxLimits> {
  return limits;
}

/** What happened to the last parser process that finished a document or was stopped (for benches and tests). */
export interface SandboxRun {
  pid: number;
  /** Highest resident memory the watchdog saw, in bytes. */
  peakRssBytes: number;
  /** The limit that killed it, or null. */
  stoppedBy: SandboxLimit | null;
}

let lastRun: SandboxRun | null = null;

export function lastSandboxRun(): SandboxRun | null {
  return lastRun;
}

/** Resident memory of a process in bytes, from /proc (Linux); null where that cannot be read. */
function residentBytes(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

function seconds(ms: number): string {
  return ms >= 10_000 ? String(Math.round(ms / 1000)) : String(Number((ms / 1000).toFixed(2)));
}

function modulePaths(): string {
  return JSON.stringify({
    pdfParse: require.resolve('pdf-parse'),
    // pdf.js's worker module, which pdf-parse's in-process worker loads from beside its own bundle.
    pdfWorker: path.join(path.dirname(require.resolve('pdf-parse')), 'pdf.worker.mjs'),
    mammoth: require.resolve('mammoth'),
    tesseract: require.resolve('tesseract.js'),
  });
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

interface Reply {
  id?: number;
  ready?: boolean;
  value?: unknown;
  error?: { name: string; message: string };
}

const live = new Set<SandboxProcess>();

/**
 * One parser child process (`node -e`): a V8 heap limit of its own, and a watchdog that reads its resident
 * memory (which also counts buffers, wasm and native canvas memory that no heap limit sees) and kills it
 * past the limit, as a timer does past the time limit. Whatever it allocated goes when it exits.
 */
class SandboxProcess {
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, Pending>();
  private readonly memoryBytes: number;
  private nextId = 1;
  private watchdog: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private peak = 0;
  private stderrTail = '';
  dead = false;

  constructor(private readonly memoryMb: number) {
    this.memoryBytes = memoryMb * MIB;
    this.child = spawn(
      process.execPath,
      [`--max-old-space-size=${memoryMb}`, '-e', SANDBOX_SOURCE, modulePaths()],
      { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' },
    );
    live.add(this);
    // The last lines the child wrote to stderr say why it died (an uncaught error, V8's heap report).
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    this.child.on('message', (reply: Reply) => this.settle(reply));
    this.child.on('error', (error) =>
      this.stop('crash', `the parser process failed (${error.message})`),
    );
    this.child.on('exit', (code, signal) => {
      // V8 aborts when the heap limit is reached: that is the memory limit too.
      if (signal === 'SIGABRT' || code === 134) {
        this.stop('memory', `it needed more than ${this.memoryMb} MB of memory`);
      } else {
        const last = this.stderrTail
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => /error/i.test(line))
          .pop()
          ?.slice(0, 200);
        this.stop(
          'crash',
          `the parser process exited (${signal ?? `code ${code}`}${last ? `: ${last}` : ''})`,
        );
      }
    });
    this.setBusy(false);
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  get peakRssBytes(): number {
    return this.peak;
  }

  residentBytes(): number | null {
    return this.child.pid ? residentBytes(this.child.pid) : null;
  }

  request<T>(op: string, payload: Record<string, unknown>, timeoutMs: number): Promise<T> {
    if (this.dead) {
      return Promise.reject(new SandboxLimitError('crash', 'the parser process is not running'));
    }
    this.cancelIdle();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => this.stop('timeout', `reading took longer than ${seconds(timeoutMs)} s`),
        timeoutMs,
      );
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      this.setBusy(true);
      this.child.send({ id, op, ...payload }, (error) => {
        if (error) this.stop('crash', `the parser process cannot be reached (${error.message})`);
      });
    });
  }

  /** Kills the process; pending requests reject with the limit that stopped it. */
  stop(limit: SandboxLimit | null, message = 'the parser process was stopped'): void {
    if (this.dead) return;
    this.dead = true;
    live.delete(this);
    const pooled = idle.indexOf(this);
    if (pooled >= 0) idle.splice(pooled, 1);
    this.cancelIdle();
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
    this.child.kill('SIGKILL');
    lastRun = { pid: this.pid, peakRssBytes: this.peak, stoppedBy: limit };
    const hadWork = this.pending.size > 0;
    const error = new SandboxLimitError(limit ?? 'crash', message);
    for (const [id, entry] of this.pending) {
      clearTimeout(entry.timer);
      entry.reject(error);
      this.pending.delete(id);
    }
    // A process killed by a limit, or that died under a document, is replaced at once so that the next
    // document finds a warm one (never one that died idle: a process that cannot start would loop).
    if (limit === 'memory' || limit === 'timeout' || (error.limit === 'crash' && hadWork)) refill();
  }

  /** Stops the process after `ms` unless a request comes first. */
  stopWhenIdleFor(ms: number): void {
    this.cancelIdle();
    this.idleTimer = setTimeout(() => this.stop(null), ms);
    this.idleTimer.unref();
  }

  private cancelIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private settle(reply: Reply): void {
    if (reply.id === undefined) return;
    const entry = this.pending.get(reply.id);
    if (!entry) return;
    this.pending.delete(reply.id);
    clearTimeout(entry.timer);
    this.measure();
    if (this.pending.size === 0) this.setBusy(false);
    if (reply.error) entry.reject(new ParserError(reply.error.name, reply.error.message));
    else entry.resolve(reply.value);
  }

  private measure(): void {
    const rss = this.residentBytes();
    if (rss === null) return;
    this.peak = Math.max(this.peak, rss);
    if (rss > this.memoryBytes)
      this.stop('memory', `it needed more than ${this.memoryMb} MB of memory`);
  }

  // While idle the child must not keep the caller's process alive (a CLI run ends when its work does).
  private setBusy(busy: boolean): void {
    if (busy) {
      this.child.ref();
      this.child.channel?.ref();
      (this.child.stderr as Socket | null)?.ref();
      this.watchdog ??= setInterval(() => this.measure(), WATCH_MS);
    } else {
      this.child.unref();
      this.child.channel?.unref();
      (this.child.stderr as Socket | null)?.unref();
      if (this.watchdog) clearInterval(this.watchdog);
      this.watchdog = null;
    }
  }
}

const idle: SandboxProcess[] = [];
/** Whether a warm process is kept ready (warmParserSandbox was called and no shutdown since). */
let keepWarm = false;

/** Starts an idle process if none is waiting, when warming is on. */
function refill(): void {
  if (!keepWarm || idle.length > 0) return;
  const child = new SandboxProcess(limits.memoryMb);
  idle.push(child);
  child.stopWhenIdleFor(limits.idleMs);
}

/**
 * Starts a parser process now, while the caller is still loading or waiting for work, so that the first
 * document does not pay for starting Node and loading pdf.js (about 0.4 s, and more under load); from then
 * on one idle process is kept ready: a process stopped by a limit is replaced at once. Each document still
 * gets a process of its own for its whole parse (SandboxLease), under the same limits; an idle one is stopped
 * after `idleMs` as before, and the next document (or warm call) starts another. The worker calls it at boot,
 * the CLI before its first file.
 */
export function warmParserSandbox(): void {
  keepWarm = true;
  refill();
}

/**
 * One document's hold on a parser process: every request of the document goes to the same process (it keeps
 * the open PDF), and no other document shares it, so a bomb takes down only its own parse.
 */
export class SandboxLease {
  private process: SandboxProcess | null = null;
  private released = false;

  request<T>(
    op: string,
    payload: Record<string, unknown>,
    timeoutMs = limits.timeoutMs,
  ): Promise<T> {
    if (this.released) {
      return Promise.reject(new SandboxLimitError('crash', 'the parser lease was released'));
    }
    this.process ??= idle.pop() ?? new SandboxProcess(limits.memoryMb);
    return this.process.request<T>(op, payload, timeoutMs);
  }

  /** Hands the process back: kept for the next document if it is healthy and lean, stopped otherwise. */
  release(): void {
    if (this.released) return;
    this.released = true;
    const child = this.process;
    this.process = null;
    if (!child || child.dead) return;
    const rss = child.residentBytes();
    lastRun = { pid: child.pid, peakRssBytes: child.peakRssBytes, stoppedBy: null };
    if (rss !== null && rss < limits.memoryMb * MIB * RECYCLE_SHARE && idle.length < MAX_IDLE) {
      idle.push(child);
      child.stopWhenIdleFor(limits.idleMs);
    } else {
      child.stop(null);
      refill();
    }
  }
}

/** A new lease; the process starts (or is taken from the idle pool) at the first request. */
export function acquireSandbox(): SandboxLease {
  return new SandboxLease();
}

/** The pids of the idle parser processes waiting for a document (for benches and tests). */
export function idleParserPids(): number[] {
  return idle.map((child) => child.pid);
}

/** Stops every parser process (worker shutdown, tests). */
export function shutdownParserSandbox(): void {
  keepWarm = false;
  idle.length = 0;
  for (const child of [...live]) child.stop(null);
}
