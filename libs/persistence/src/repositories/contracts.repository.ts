import type { ContractStatus, DeadlineItem, ExtractedObligation } from '@cb/domain';
import type { EntityManager } from 'typeorm';
import { ContractEntity, DeadlineEntity, ObligationEntity } from '../entities';
import { entitiesFromRaw, queryNamed, selectColumns } from '../raw-rows';
import type { TenantDb } from '../tenant-db';
import { TenantScopedRepository } from '../tenant-scoped-repository';
import { decodeCursor, encodeCursor, type CursorValueKind } from './list-cursor';

export { decodeCursor, encodeCursor, InvalidCursorError } from './list-cursor';

export type ContractSort =
  | 'createdAt'
  | '-createdAt'
  | 'title'
  | '-title'
  | 'noticeDeadline'
  | 'nextRenewalDate'
  | 'expirationDate';

/** How a search hit reads on the page: its rank and a highlighted snippet (computed for the page only). */
export interface ContractSearchHit {
  rank: number;
  /** Text around the match, the matched words wrapped in `**`; null when the text has none of them. */
  snippet: string | null;
}

export interface ContractListQuery {
  q?: string;
  status?: ContractStatus;
  counterparty?: string;
  tag?: string;
  /** Only the contracts this user owns. */
  ownerId?: string;
  renewsBefore?: string;
  renewsAfter?: string;
  sort?: ContractSort;
  limit: number;
  cursor?: string;
  /** Read the evidence and candidates too (a list returns summaries unless expanded). */
  withEvidence?: boolean;
}

// What a list's summary needs of a row: not the evidence and candidates (most of a row's bytes) nor the text, nor
// what only the worker and the contract resource use (the stored merged terms, the storage key, parse counters).
const SUMMARY_COLUMNS: (keyof ContractEntity)[] = [
  'id',
  'tenantId',
  'title',
  'status',
  'errorCode',
  'errorMessage',
  'counterparty',
  'tags',
  'fileName',
  'fileSize',
  'fileSha256',
  'mediaType',
  'pages',
  'extractedTerms',
  'userTerms',
  'confidence',
  'language',
  'reviewReasons',
  'noticeDeadline',
  'nextRenewalDate',
  'noticeRenewalDate',
  'expirationDate',
  'decisionDeadline',
  'endingOn',
  'ownerId',
  'parentId',
  'createdAt',
  'updatedAt',
];

// Sort keys map to SQL expressions that are never NULL, so keyset paging is one row comparison.
const SORTS: Record<ContractSort, { expr: string; dir: 'ASC' | 'DESC'; cast: CursorValueKind }> = {
  createdAt: { expr: 'c.created_at', dir: 'ASC', cast: 'timestamptz' },
  '-createdAt': { expr: 'c.created_at', dir: 'DESC', cast: 'timestamptz' },
  title: { expr: 'lower(coalesce(c.title, c.file_name))', dir: 'ASC', cast: 'text' },
  '-title': { expr: 'lower(coalesce(c.title, c.file_name))', dir: 'DESC', cast: 'text' },
  noticeDeadline: {
    expr: "coalesce(c.notice_deadline, 'infinity'::date)",
    dir: 'ASC',
    cast: 'date',
  },
  nextRenewalDate: {
    expr: "coalesce(c.next_renewal_date, 'infinity'::date)",
    dir: 'ASC',
    cast: 'date',
  },
  expirationDate: {
    expr: "coalesce(c.expiration_date, 'infinity'::date)",
    dir: 'ASC',
    cast: 'date',
  },
};

/** Rows of the tenant a common word's walk tests at most before it leaves the page to contract_search. */
export const SEARCH_WALK_ROWS = 1000;
const COMMON_CACHE_SIZE = 1000;
const COMMON_CACHE_MS = 10 * 60_000;

/**
 * Whether the row `c` has amendments, as a column: a scalar subquery probing the amendments' index for each row.
 * As EXISTS, the planner may hash it instead: every contract of the tenant read to answer a list page of 51 rows
 * (108 ms in a tenant of 50,000).
 */
const HAS_AMENDMENTS =
  '(SELECT true FROM contracts a WHERE a.tenant_id = c.tenant_id AND a.parent_id = c.id LIMIT 1) IS NOT NULL AS has_amendments';

/**
 * The page of a common word: the tenant's contracts in the page's order (the filters and the cursor applied),
 * each tested with the same condition as contract_search (its language's configuration, or a typo of a name),
 * until the page is full. Answers null when the first SEARCH_WALK_ROWS rows held fewer hits than a page and
 * there are more rows: a word common in the bank but not in this tenant, left to contract_search.
 */
async function walkSearch(
  m: EntityManager,
  page: { columns: string[]; where: string[]; order: string; limit: string; rows: number },
  q: string,
  params: unknown[],
): Promise<Record<string, unknown>[] | null> {
  const base = page.where.join(' AND ');
  const match = `(c.search @@ websearch_to_tsquery(contract_search_config(c.language), ${q})
      OR (length(contract_search_words(${q})) >= 4 AND contract_search_words(${q}) <% c.search_names))`;
  // One row even without hits (the LEFT JOIN): the count tells whether the walk saw all the tenant's rows.
  const rows: Record<string, unknown>[] = await m.query(
    `SELECT w.window_rows, h.*
       FROM (SELECT count(*)::int AS window_rows
               FROM (SELECT 1 FROM "contracts" "c" WHERE ${base} LIMIT ${SEARCH_WALK_ROWS}) x) w
       LEFT JOIN LATERAL (
         SELECT ${page.columns.join(', ')}
           FROM (SELECT * FROM "contracts" "c" WHERE ${base} ${page.order} LIMIT ${SEARCH_WALK_ROWS}) c
          WHERE ${match} ${page.order} LIMIT ${page.limit}) h ON true`,
    params,
  );
  const hits = rows.filter((r) => r.id !== null && r.id !== undefined);
  if (hits.length < page.rows && Number(rows[0]?.window_rows) >= SEARCH_WALK_ROWS) return null;
  return hits;
}

export class ContractsRepository extends TenantScopedRepository<ContractEntity> {
  /** Whether a query is a common word, by its text, for COMMON_CACHE_MS (the words are counted hourly). */
  private readonly commonSearches = new Map<string, { common: boolean; until: number }>();

  constructor(db: TenantDb) {
    super(db, ContractEntity);
  }

  private async isCommonSearch(m: EntityManager, q: string): Promise<boolean> {
    const now = Date.now();
    const cached = this.commonSearches.get(q);
    if (cached && cached.until > now) return cached.common;
    const [row]: { common: boolean }[] = await m.query(
      'SELECT contract_search_common($1) AS common',
      [q],
    );
    this.commonSearches.delete(q);
    if (this.commonSearches.size >= COMMON_CACHE_SIZE)
      this.commonSearches.delete(this.commonSearches.keys().next().value as string);
    const common = row.common === true;
    this.commonSearches.set(q, { common, until: now + COMMON_CACHE_MS });
    return common;
  }

  get(tenantId: string, id: string): Promise<ContractEntity | null> {
    return this.findOne(tenantId, { id });
  }

  /**
   * The contract, and whether it has amendments, in one statement: the contract resource reads the family of a
   * master only when it has one.
   */
  getWithFamilyFlag(
    tenantId: string,
    id: string,
  ): Promise<{ contract: ContractEntity; hasAmendments: boolean } | null> {
    return this.run(tenantId, async (m) => {
      // Every read of a contract runs it: prepared once per connection (see queryNamed).
      const raw = await queryNamed(
        m,
        'cb_contract_by_id',
        `SELECT ${selectColumns(m, ContractEntity, 'c')}, ${HAS_AMENDMENTS}
           FROM "contracts" "c" WHERE c.tenant_id = $1 AND c.id = $2`,
        [tenantId, id],
      );
      const [contract] = entitiesFromRaw(m, ContractEntity, raw);
      return contract ? { contract, hasAmendments: raw[0].has_amendments === true } : null;
    });
  }

  /** The contract with its extracted text and page offsets (not selected by default). */
  getWithText(tenantId: string, id: string): Promise<ContractEntity | null> {
    return this.run(tenantId, (m) =>
      m
        .createQueryBuilder(ContractEntity, 'c')
        .addSelect(['c.text', 'c.pageStarts'])
        .where('c.tenant_id = :tenantId AND c.id = :id', { tenantId, id })
        .getOne(),
    );
  }

  /** The e-mail address of the contract's owner, or null when it has none. */
  async ownerEmail(tenantId: string, contractId: string): Promise<string | null> {
    return this.run(tenantId, async (m) => {
      const rows: { email: string }[] = await m.query(
        `SELECT u.email FROM contracts c JOIN users u ON u.id = c.owner_id AND u.tenant_id = c.tenant_id
          WHERE c.tenant_id = $1 AND c.id = $2`,
        [tenantId, contractId],
      );
      return rows[0]?.email ?? null;
    });
  }

  /**
   * A user leaves the team: the contracts they owned lose their owner and are marked so that their alerts go
   * to the admins until someone takes them over. Answers the ids of those contracts.
   */
  async releaseOwner(tenantId: string, userId: string): Promise<string[]> {
    return this.run(tenantId, async (m) => {
      const [rows]: [{ id: string }[], number] = await m.query(
        `UPDATE contracts SET owner_id = NULL, owner_removed_at = now()
          WHERE tenant_id = $1 AND owner_id = $2
          RETURNING id`,
        [tenantId, userId],
      );
      return rows.map((r) => r.id);
    });
  }

  lockForUpdate(tenantId: string, id: string): Promise<ContractEntity | null> {
    return this.run(tenantId, (m) =>
      m.findOne(ContractEntity, {
        where: this.scoped(tenantId, { id }),
        lock: { mode: 'pessimistic_write' },
      }),
    );
  }

  async list(
    tenantId: string,
    query: ContractListQuery,
  ): Promise<{
    rows: ContractEntity[];
    nextCursor: string | null;
    /** With `q`: each row's rank and snippet, by id. */
    hits?: Map<string, ContractSearchHit>;
    /** The rows that have amendments (only those need the amendments read). */
    withAmendments: Set<string>;
  }> {
    const sort = SORTS[query.sort ?? '-createdAt'];
    return this.run(tenantId, async (m) => {
      // Plain SQL with the summary's columns (built once): the query builder's own assembly of this statement was
      // a twentieth of a list request's CPU (bench:api).
      const params: unknown[] = [];
      const param = (value: unknown): string => `$${params.push(value)}`;
      const columns = [
        selectColumns(m, ContractEntity, 'c', query.withEvidence ? undefined : SUMMARY_COLUMNS),
        `${sort.expr}::text AS sort_key`,
        HAS_AMENDMENTS,
      ];
      const where = [`c.tenant_id = ${param(tenantId)}`];
      // The search function applies the tenant itself and reaches the GIN indexes, which `@@` under row-level
      // security cannot (see the ContractSearch migration); rank and snippet are computed for the page only. Its
      // condition is kept apart: the walk of a common word tests each row instead.
      const searchWhere: string[] = [];
      let qParam: string | null = null;
      if (query.q) {
        const q = (qParam = param(query.q));
        searchWhere.push(`c.id IN (SELECT id FROM contract_search(${q}))`);
        columns.push(
          `ts_rank(c.search, websearch_to_tsquery(contract_search_config(c.language), ${q})) AS search_rank`,
          // The words wrapped in **, from a window around their first use; what the snippets need of the query is
          // computed once for it (a subquery of its own), not per row (see the SnippetByteOffsets migration).
          `contract_snippet(contract_search_config(c.language), c.text, (SELECT contract_snippet_plan(${q}))) AS search_snippet`,
        );
      }
      if (query.status) where.push(`c.status = ${param(query.status)}`);
      if (query.counterparty)
        where.push(`c.counterparty ILIKE ${param(`%${escapeLike(query.counterparty)}%`)}`);
      if (query.tag) where.push(`${param(query.tag)} = ANY(c.tags)`);
      if (query.ownerId) where.push(`c.owner_id = ${param(query.ownerId)}`);
      if (query.renewsBefore) where.push(`c.next_renewal_date < ${param(query.renewsBefore)}`);
      if (query.renewsAfter) where.push(`c.next_renewal_date > ${param(query.renewsAfter)}`);
      if (query.cursor) {
        const { v, id } = decodeCursor(query.cursor, sort.cast);
        const op = sort.dir === 'ASC' ? '>' : '<';
        where.push(
          `(${sort.expr}, c.id) ${op} (CAST(${param(v)} AS ${sort.cast}), CAST(${param(id)} AS uuid))`,
        );
      }
      const order = `ORDER BY ${sort.expr} ${sort.dir}, c.id ${sort.dir}`;
      const limit = param(query.limit + 1);
      // A common word (in a fifth or more of the contracts) is found by walking the tenant's newest contracts
      // and testing each, not by collecting every id that matches (see the SearchCommonWords migration).
      const walked =
        query.q && qParam && sort.expr === 'c.created_at' && (await this.isCommonSearch(m, query.q))
          ? await walkSearch(
              m,
              { columns, where, order, limit, rows: query.limit + 1 },
              qParam,
              params,
            )
          : null;
      const raw: Record<string, unknown>[] =
        walked ??
        (await m.query(
          `SELECT ${columns.join(', ')} FROM "contracts" "c"
            WHERE ${[...where, ...searchWhere].join(' AND ')} ${order} LIMIT ${limit}`,
          params,
        ));
      const extras = raw.slice(0, query.limit).map((r) => ({
        sortKey: r.sort_key as string,
        hasAmendments: r.has_amendments === true,
        rank: Number(r.search_rank ?? 0),
        snippet: typeof r.search_snippet === 'string' ? r.search_snippet : null,
      }));
      const entities = entitiesFromRaw(m, ContractEntity, raw);
      const hasMore = entities.length > query.limit;
      const rows = entities.slice(0, query.limit);
      const last = rows[rows.length - 1];
      const lastExtra = extras[rows.length - 1];
      const hits = query.q
        ? new Map(
            rows.map((r, i) => [
              r.id,
              {
                rank: extras[i].rank,
                snippet: extras[i].snippet?.includes('**') ? extras[i].snippet : null,
              },
            ]),
          )
        : undefined;
      return {
        rows,
        nextCursor: hasMore && last && lastExtra ? encodeCursor(lastExtra.sortKey, last.id) : null,
        ...(hits ? { hits } : {}),
        withAmendments: new Set(rows.filter((_, i) => extras[i].hasAmendments).map((r) => r.id)),
      };
    });
  }

  obligations(tenantId: string, contractId: string): Promise<ObligationEntity[]> {
    return this.run(tenantId, (m) =>
      m.find(ObligationEntity, { where: { tenantId, contractId }, order: { position: 'ASC' } }),
    );
  }

  obligationsFor(tenantId: string, contractIds: string[]): Promise<ObligationEntity[]> {
    if (contractIds.length === 0) return Promise.resolve([]);
    return this.run(tenantId, (m) =>
      m
        .createQueryBuilder(ObligationEntity, 'o')
        .where('o.tenant_id = :tenantId AND o.contract_id = ANY(:ids)', {
          tenantId,
          ids: contractIds,
        })
        .orderBy('o.position', 'ASC')
        .getMany(),
    );
  }

  /** Replaces a contract's obligations (a new parse); returns them saved, with their ids, in order. */
  replaceObligations(
    tenantId: string,
    contractId: string,
    obligations: readonly ExtractedObligation[],
  ): Promise<ObligationEntity[]> {
    return this.run(tenantId, async (m) => {
      await m.delete(ObligationEntity, { tenantId, contractId });
      return m.save(
        ObligationEntity,
        obligations.map((o, position) =>
          m.create(ObligationEntity, {
            tenantId,
            contractId,
            position,
            party: o.party,
            kind: o.kind,
            text: o.text,
            dueDate: o.dueDate,
            recurrence: o.recurrence,
            evidence: o.evidence,
          }),
        ),
      );
    });
  }

  /** Replaces the deadline rows of a contract (computed by the domain's deadlineList), in the caller's scope. */
  replaceDeadlines(
    tenantId: string,
    contractId: string,
    items: readonly DeadlineItem[],
  ): Promise<void> {
    return this.run(tenantId, async (m) => {
      await m.delete(DeadlineEntity, { tenantId, contractId });
      if (items.length === 0) return;
      await m.save(
        DeadlineEntity,
        items.map((d) =>
          m.create(DeadlineEntity, {
            tenantId,
            contractId,
            kind: d.kind,
            date: d.date,
            obligationId: d.obligationId ?? null,
          }),
        ),
      );
    });
  }

  /**
   * The tenant's oldest contract holding a file with these bytes, or null. Called inside the upload's
   * transaction after `lockFileHash`, so two uploads of the same file at once cannot both pass.
   */
  findBySha256(tenantId: string, sha256: string): Promise<ContractEntity | null> {
    return this.run(tenantId, (m) =>
      m.findOne(ContractEntity, {
        where: this.scoped(tenantId, { fileSha256: sha256 }),
        order: { createdAt: 'ASC' },
      }),
    );
  }

  /** A transaction-scoped lock on (tenant, sha256): the duplicate check and the insert happen under it. */
  lockFileHash(tenantId: string, sha256: string): Promise<void> {
    return this.run(tenantId, async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `contract-file:${tenantId}:${sha256}`,
      ]);
    });
  }

  /** The ids of a contract's parent, its parent's parent and so on (nearest first); cycle-safe. */
  ancestry(tenantId: string, id: string): Promise<string[]> {
    return this.run(tenantId, async (m) => {
      const rows: { id: string }[] = await m.query(
        `WITH RECURSIVE up(id, parent_id, depth) AS (
           SELECT c.id, c.parent_id, 0 FROM contracts c WHERE c.tenant_id = $1 AND c.id = $2
           UNION
           SELECT c.id, c.parent_id, up.depth + 1 FROM contracts c
             JOIN up ON c.id = up.parent_id AND c.tenant_id = $1 WHERE up.depth < 1000
         ) SELECT id FROM up WHERE depth > 0 ORDER BY depth`,
        [tenantId, id],
      );
      return [...new Set(rows.map((r) => r.id))];
    });
  }

  /** Every amendment of a master, and the amendments of those (all descendants), cycle-safe. */
  descendants(tenantId: string, id: string): Promise<ContractEntity[]> {
    return this.run(tenantId, async (m) => {
      const rows: { id: string }[] = await m.query(
        `WITH RECURSIVE down(id, depth) AS (
           SELECT c.id, 1 FROM contracts c WHERE c.tenant_id = $1 AND c.parent_id = $2
           UNION
           SELECT c.id, down.depth + 1 FROM contracts c
             JOIN down ON c.parent_id = down.id AND c.tenant_id = $1 WHERE down.depth < 1000
         ) SELECT DISTINCT id FROM down WHERE id <> $2`,
        [tenantId, id],
      );
      if (rows.length === 0) return [];
      return m
        .createQueryBuilder(ContractEntity, 'c')
        .where('c.tenant_id = :tenantId AND c.id = ANY(:ids)', {
          tenantId,
          ids: rows.map((r) => r.id),
        })
        .getMany();
    });
  }

  /** The direct amendments of each of these contracts (for list pages). */
  amendmentsOf(tenantId: string, parentIds: string[]): Promise<ContractEntity[]> {
    if (parentIds.length === 0) return Promise.resolve([]);
    return this.run(tenantId, (m) =>
      m
        .createQueryBuilder(ContractEntity, 'c')
        .where('c.tenant_id = :tenantId AND c.parent_id = ANY(:ids)', { tenantId, ids: parentIds })
        .orderBy('c.created_at', 'ASC')
        .getMany(),
    );
  }

  /** Contracts that could be the master of an amendment: not amendments themselves, not this one. */
  masterCandidates(
    tenantId: string,
    excludeId: string,
  ): Promise<Pick<ContractEntity, 'id' | 'title' | 'terms'>[]> {
    return this.run(tenantId, (m) =>
      m
        .createQueryBuilder(ContractEntity, 'c')
        .select(['c.id', 'c.title', 'c.terms'])
        .where('c.tenant_id = :tenantId AND c.parent_id IS NULL AND c.id <> :excludeId', {
          tenantId,
          excludeId,
        })
        .andWhere("c.status IN ('parsed', 'needs_review')")
        .orderBy('c.created_at', 'DESC')
        .limit(5000)
        .getMany(),
    );
  }

  /** How many contracts of this tenant still point at a stored file (content-addressed blobs are shared). */
  countByStorageKey(tenantId: string, storageKey: string): Promise<number> {
    return this.count(tenantId, { storageKey });
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
