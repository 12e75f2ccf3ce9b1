import type { SystemDb } from '../tenant-db';

/**
 * The words in a fifth or more of all contracts, copied from PostgreSQL's statistics on `contracts.search` into
 * `search_common_lexemes` (see the SearchCommonWords migration). The one system query that writes, and only that
 * derived table, through its function; a search then tells a common word by one look-up.
 */
export class CommonSearchWordsQuery {
  constructor(private readonly system: SystemDb) {}

  /** Answers how many common words there are now. */
  async refresh(): Promise<number> {
    const [row]: { n: number }[] = await this.system.dataSource.query(
      'SELECT contract_search_refresh_common_words() AS n',
    );
    return Number(row.n);
  }
}
