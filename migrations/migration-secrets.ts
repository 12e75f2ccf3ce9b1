/**
 * Secrets a data migration needs (JWT_SECRET, for the keys derived from it). TypeORM builds migrations with
 * `new`, so `runMigrations` hands them over here before it runs; nothing else reads them.
 */
let jwtSecret: string | undefined;

export function setMigrationSecrets(secrets: { jwtSecret?: string }): void {
  jwtSecret = secrets.jwtSecret;
}

/** JWT_SECRET of the process running the migrations, or undefined when none was given. */
export function migrationJwtSecret(): string | undefined {
  return jwtSecret;
}
