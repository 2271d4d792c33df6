import { ensureDatabase, startEmbeddedPostgres } from './embedded';

export const EMBEDDED_DATABASE_NAME = 'jiebang';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** `DATABASE_URL` when given, otherwise the embedded PostgreSQL kept under `dataDir`. */
export async function resolveDatabase(
  databaseUrl: string | null,
  dataDir: string,
  log: (line: string) => void,
): Promise<ResolvedDatabase> {
  if (databaseUrl) return { url: databaseUrl, embedded: false, stop: async () => undefined };
  const cluster = await startEmbeddedPostgres(dataDir, log);
  try {
    await ensureDatabase(cluster.adminUrl, EMBEDDED_DATABASE_NAME);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return { url: cluster.urlFor(EMBEDDED_DATABASE_NAME), embedded: true, stop: () => cluster.stop() };
}
