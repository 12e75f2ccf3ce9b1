import type { CommonSearchWordsQuery } from '@cb/persistence';

/** Tick: the search's common words follow the statistics ANALYZE keeps (a common word's page walks the tenant). */
export class RefreshCommonSearchWords {
  constructor(private readonly words: CommonSearchWordsQuery) {}

  async execute(): Promise<{ commonWords: number }> {
    return { commonWords: await this.words.refresh() };
  }
}
