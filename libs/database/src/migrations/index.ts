import { Foundation1795832530520 } from './1795832530520-Foundation';

/** Every migration, oldest first. */
export const MIGRATIONS: (new () => object)[] = [Foundation1795832530520];
