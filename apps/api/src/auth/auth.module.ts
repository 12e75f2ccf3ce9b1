import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, deriveKey, type AppConfig } from '@cb/config';
import { PersistenceModule } from '@cb/persistence';
import { BearerStrategy } from '../common/auth/bearer.strategy';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthRedis } from './auth-redis';
import { LoginThrottle } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';
import { SessionRevocations } from './session-revocations';

@Module({
  imports: [
    PersistenceModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // Access tokens are signed with their own key derived from JWT_SECRET (HKDF), not the secret itself.
      useFactory: (c: AppConfig) => ({
        secret: deriveKey(c.jwtSecret, 'access-token'),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    BearerStrategy,
    PasswordHasher,
    PasswordPolicy,
    AuthRedis,
    LoginThrottle,
    SessionRevocations,
  ],
  exports: [AuthService, JwtModule, PasswordHasher, PasswordPolicy, AuthRedis, SessionRevocations],
})
export class AuthModule {}
