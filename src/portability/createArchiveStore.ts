// The archive store a gateway process uses, made once in createServices.
import type { Config } from '../config';
import type { ShutdownRegistry } from '../shutdown';
import type { ArchiveStore } from './archiveStore';
import { LocalArchiveStore } from './localArchiveStore';
import { S3ArchiveStore } from './s3ArchiveStore';

/** The S3 bucket of EXPORT_STORE_URL when it is set (its connections closed at shutdown); otherwise the `exports` folder of DATA_DIR. */
export function createArchiveStore(config: Pick<Config, 'dataDir' | 'portability'>, shutdown: ShutdownRegistry): ArchiveStore {
  const { storeUrl, s3, storeTimeoutMs } = config.portability;
  if (!storeUrl) return new LocalArchiveStore(config.dataDir);
  const store = new S3ArchiveStore(storeUrl, { ...s3, timeoutMs: storeTimeoutMs });
  shutdown.add('disconnect', 'archive store', () => store.close());
  return store;
}
