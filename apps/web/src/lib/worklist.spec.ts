import type { Deadline } from '../api/types';
import { worklistHeading, worklistWording } from './worklist';

const row: Deadline = {
  contractId: '00000000-0000-4000-8000-000000000001',
  contractTitle: 'MASTER SERVICES AGREEMENT',
  kind: 'notice',
  date: '2027-01-30',
  counterparty: 'Acme Oy',
  ownerId: null,
  renewalDate: '2027-03-01',
  renewalTerm: 'P1Y',
  snoozedUntil: null,
};

describe('worklist wording', () => {
  it('names the contract "Counterparty – Title" in normal case', () => {
    expect(worklistHeading(row, 'en')).toBe('Acme Oy – Master Services Agreement');
  });

  it('says what to do by when, and which renewal that stops, in the UI language', () => {
    expect(worklistWording(row, '2026-12-02', 'en')).toBe(
      'Give notice by 30 Jan 2027 to stop the renewal on 1 Mar 2027 (renews for 1 year)',
    );
    expect(worklistWording(row, '2027-01-30', 'fi')).toBe(
      'Irtisano viimeistään 30.1.2027, jotta sopimus ei uusiudu 1.3.2027 (jatkokausi 1 vuosi)',
    );
  });

  it('once the deadline has passed, says the renewal goes ahead (never "give notice by" a past day)', () => {
    expect(worklistWording(row, '2027-01-31', 'en')).toBe(
      'The notice deadline 30 Jan 2027 has passed: the renewal on 1 Mar 2027 goes ahead. Record what was done.',
    );
  });
});
