import { Foundation1763800000000 } from './1763800000000-Foundation';

/** Every migration, in order. The migrate command and the test database template both use this list. */
export const MIGRATIONS = [Foundation1763800000000];
