import { Inject, Injectable } from '@nestjs/common';
import { CompleteSsoSignIn, StartSsoSignIn } from '@cb/application';
import { AuthService, type TokenPair } from '../auth/auth.service';

/** The API side of SSO sign-in: the use cases decide who the person is; the session is the ordinary one. */
@Injectable()
export class SsoSignInService {
  constructor(
    @Inject(StartSsoSignIn) private readonly startSignIn: StartSsoSignIn,
    @Inject(CompleteSsoSignIn) private readonly completeSignIn: CompleteSsoSignIn,
    @Inject(AuthService) private readonly auth: AuthService,
  ) {}

  async start(query: { email?: string; tenant?: string }, browserHash: string): Promise<string> {
    const { authorizationUrl } = await this.startSignIn.execute({
      email: query.email,
      tenantId: query.tenant,
      browserHash,
    });
    return authorizationUrl;
  }

  /** Signs the person in: the same tokens (and, for the web UI, the same cb_refresh cookie) as password sign-in. */
  async finish(params: Record<string, string>, browserHash: string | null): Promise<TokenPair> {
    const { user } = await this.completeSignIn.execute({ params, browserHash });
    return this.auth.startSession(user);
  }
}
