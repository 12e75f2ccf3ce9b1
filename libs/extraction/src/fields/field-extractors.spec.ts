import { TERM_FIELDS } from '@cb/domain';
import { FIELD_EXTRACTORS } from '.';

describe('field extractors', () => {
  it('has one extractor per term field, each after the fields it requires', () => {
    expect(FIELD_EXTRACTORS.map((e) => e.field).sort()).toEqual([...TERM_FIELDS].sort());
    FIELD_EXTRACTORS.forEach((e, i) => {
      for (const required of e.requires)
        expect(FIELD_EXTRACTORS.findIndex((o) => o.field === required)).toBeLessThan(i);
    });
  });
});
