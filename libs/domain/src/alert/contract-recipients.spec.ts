import { contractAlertRecipients, withoutUnconfirmedUsers } from './contract-recipients';

describe('contractAlertRecipients', () => {
  const tenant = ['legal@example.com', 'cfo@example.com'];
  const admins = ['owner@example.com', 'admin@example.com'];

  it('a contract without an owner goes to the tenant recipients only', () => {
    expect(
      contractAlertRecipients(tenant, { ownerEmail: null, ownerRemoved: false }, admins),
    ).toEqual(tenant);
  });

  it('a contract with an owner goes to the owner as well', () => {
    expect(
      contractAlertRecipients(
        tenant,
        { ownerEmail: 'pm@example.com', ownerRemoved: false },
        admins,
      ),
    ).toEqual(['legal@example.com', 'cfo@example.com', 'pm@example.com']);
  });

  it('an owner who is also a tenant recipient appears once, whatever the case of the address', () => {
    expect(
      contractAlertRecipients(
        tenant,
        { ownerEmail: ' CFO@Example.com', ownerRemoved: false },
        admins,
      ),
    ).toEqual(tenant);
  });

  it('a contract whose owner was removed falls back to the owners and admins', () => {
    expect(
      contractAlertRecipients(
        ['legal@example.com', 'admin@example.com'],
        { ownerEmail: null, ownerRemoved: true },
        admins,
      ),
    ).toEqual(['legal@example.com', 'admin@example.com', 'owner@example.com']);
  });

  it('a new owner replaces the fallback', () => {
    expect(
      contractAlertRecipients(tenant, { ownerEmail: 'pm@example.com', ownerRemoved: true }, admins),
    ).toEqual(['legal@example.com', 'cfo@example.com', 'pm@example.com']);
  });
});

describe('withoutUnconfirmedUsers', () => {
  it('leaves out the addresses of users who have not confirmed them, case-insensitively', () => {
    expect(
      withoutUnconfirmedUsers(
        ['owner@example.com', 'Admin@Example.com', 'legal@partner.example'],
        ['admin@example.com '],
      ),
    ).toEqual(['owner@example.com', 'legal@partner.example']);
  });

  it('keeps external addresses (no user) and everyone when all users are confirmed', () => {
    expect(withoutUnconfirmedUsers(['legal@partner.example'], ['owner@example.com'])).toEqual([
      'legal@partner.example',
    ]);
    expect(withoutUnconfirmedUsers(['owner@example.com'], [])).toEqual(['owner@example.com']);
    expect(withoutUnconfirmedUsers(['owner@example.com'], ['owner@example.com'])).toEqual([]);
  });
});
