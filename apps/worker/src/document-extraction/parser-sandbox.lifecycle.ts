import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { configureParserSandbox, shutdownParserSandbox, warmParserSandbox } from '@cb/extraction';

/**
 * Applies PARSER_MEMORY_MB / PARSER_TIMEOUT_S to the parser sandbox, starts its first parser process while the
 * worker boots (one warm process is kept ready from then on), and stops its processes on shutdown.
 */
@Injectable()
export class ParserSandboxLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onModuleInit(): void {
    configureParserSandbox({
      memoryMb: this.config.parserMemoryMb,
      timeoutMs: this.config.parserTimeoutMs,
    });
    warmParserSandbox();
  }

  onApplicationShutdown(): void {
    shutdownParserSandbox();
  }
}
