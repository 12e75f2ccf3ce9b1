/** A contract's owner as the alert policy sees it. */
export interface ContractOwnerForAlerts {
  /** The owner's e-mail address, or null when the contract has no owner. */
  ownerEmail: string | null;
  /** Its owner was removed from the team and nobody took it over since. */
  ownerRemoved: boolean;
}

/**
 * Who receives the alerts of one contract: the tenant's recipients, plus its owner; when its owner was removed
 * from the team (and no new owner is set), the tenant's owners and admins instead, so the contract is never
 * left without someone responsible. Addresses compare case-insensitively and each appears once (one alert row
 * per address, so nobody gets the same alert twice).
 */
export function contractAlertRecipients(
  tenantRecipients: readonly string[],
  owner: ContractOwnerForAlerts,
  ownersAndAdmins: readonly string[],
): string[] {
  const extra = owner.ownerEmail ? [owner.ownerEmail] : owner.ownerRemoved ? ownersAndAdmins : [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const address of [...tenantRecipients, ...extra]) {
    const key = address.trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(address.trim());
  }
  return out;
}

/**
 * Alerts go only to confirmed addresses: an address of one of the tenant's users who has not confirmed it
 * (`unconfirmedUserEmails`) is left out. Addresses that belong to no user (external recipients in the alert
 * settings) stay: the tenant typed them in, and they have no account to confirm with.
 */
export function withoutUnconfirmedUsers(
  recipients: readonly string[],
  unconfirmedUserEmails: readonly string[],
): string[] {
  if (unconfirmedUserEmails.length === 0) return [...recipients];
  const unconfirmed = new Set(unconfirmedUserEmails.map((e) => e.trim().toLowerCase()));
  return recipients.filter((r) => !unconfirmed.has(r.trim().toLowerCase()));
}
