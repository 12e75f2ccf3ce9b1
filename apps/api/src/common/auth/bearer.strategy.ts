import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { JwtService } from '@nestjs/jwt';
import { UsersRepository } from '@cb/persistence';
import { Strategy } from 'passport-http-bearer';
import type { Principal, Role } from './principal';

export interface AccessTokenClaims {
  sub: string;
  tid: string;
  typ: 'access';
}

/** Resolves `Authorization: Bearer <token>`: a user access token (JWT). */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, 'bearer') {
  constructor(
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {
    super();
  }

  async validate(token: string): Promise<Principal | false> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      return false;
    }
    if (claims.typ !== 'access' || typeof claims.tid !== 'string' || typeof claims.sub !== 'string') return false;
    // The user is re-read on every request: a removed user or a changed role takes effect at once.
    const user = await this.users.findOne(claims.tid, { id: claims.sub });
    if (!user) return false;
    return { kind: 'user', tenantId: user.tenantId, userId: user.id, role: user.role as Role, scopes: null };
  }
}
