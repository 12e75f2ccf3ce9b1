import type { InboxAddresses } from './inbox-addresses.service';

/** The tenant's secret e-mail-in address (made on first use). */
export class GetInbox {
  constructor(private readonly addresses: InboxAddresses) {}

  async execute(tenantId: string): Promise<{ address: string }> {
    return { address: await this.addresses.address(tenantId) };
  }
}
