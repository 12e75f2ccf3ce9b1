import { Logger } from '@nestjs/common';
import type { BillingPort, PlanRequest, PlanRequestOutcome } from '@cb/domain';

/**
 * The default provider, for invoiced customers: the chosen plan applies at once and the operator sends an
 * invoice (the log line is the operator's signal). `contract-bank billing activate` covers plans agreed
 * outside the app.
 */
export class ManualBillingProvider implements BillingPort {
  readonly provider = 'manual' as const;
  private readonly logger = new Logger('Billing');

  requestPlan(request: PlanRequest): Promise<PlanRequestOutcome> {
    this.logger.log(
      `manual billing: invoice tenant ${request.tenantId} for plan ${request.plan} (${request.email})`,
    );
    return Promise.resolve({ kind: 'activated' });
  }
}
