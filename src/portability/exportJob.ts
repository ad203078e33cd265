// The EXPORT job: reads the tenant's tables in one consistent snapshot (the tenant keeps
// serving meanwhile), writes them as an archive (docs/archive-format.md) under DATA_DIR,
// puts it in the archive store and marks the export READY. A run that dies leaves at
// most temporary files, which the next run clears first; the export is READY only once
// the archive is stored whole.
import type { Services } from '../services';
import type { JobDefinition } from '../provisioning/jobs/runJob';
import type { RunningJob } from '../provisioning/jobs/runningJob';
import { archiveKeyOf, clearSpool, spoolPath, spoolReady } from './archiveFiles';
import { pacing } from '../provisioning/jobs/pacing';
import { exportTenantArchive } from './tenantArchives';
import { tenantModel } from '../model/tenantModel';
import { pruneBackups } from './backups';

type ExportServices = Pick<Services, 'config' | 'platform' | 'servers' | 'archives' | 'log' | 'pool'>;

/** Progress: reading the tables is most of the work, storing the archive the rest. */
const STORE_AT = 85;

export const exportJob: JobDefinition = {
  async run(services: ExportServices, job: RunningJob) {
    const { platform, archives, config } = services;
    const row = await platform.tenantExport.findUniqueOrThrow({ where: { jobId: job.id }, include: { tenant: true } });
    if (row.status === 'READY') return 'the archive was already written';
    const tenant = row.tenant!;
    const total = tenantModel.models.length;
    let done = 0;
    await job.report({ step: 'snapshot', progress: 0, message: `reading ${total} tables in one snapshot`, tablesCreated: 0, totalTables: total });
    const spooled = `export-${row.id}`;
    const file = spoolPath(config, spooled);
    try {
      await clearSpool(config, spooled);
      await spoolReady(file);
      const written = await exportTenantArchive(services, tenant, file, {
        onTable: async (table) => {
          done += 1;
          await job.report({ step: 'snapshot', progress: Math.round((STORE_AT * done) / total), message: `read ${table}`, tablesCreated: done, totalTables: total });
        },
        // Requests served by this process come first.
        pace: pacing(() => services.pool.inFlight > 0, config.portability.exportShare),
      });
      await job.report({ step: 'store', progress: STORE_AT, message: `storing the archive (${written.sizeBytes} bytes)` });
      const key = archiveKeyOf(row.id);
      await archives.put(key, file);
      await platform.tenantExport.update({
        where: { id: row.id },
        data: {
          status: 'READY',
          storageKey: key,
          sizeBytes: written.sizeBytes,
          sha256: written.sha256,
          tables: written.tables,
          rows: written.rows,
          migration: written.manifest.migration,
          engine: written.manifest.engine,
          finishedAt: new Date(),
        },
      });
      if (row.origin === 'SCHEDULED') await pruneBackups(services, tenant);
      return `${written.rows} rows of ${written.tables} tables, ${written.sizeBytes} bytes`;
    } finally {
      await clearSpool(config, spooled);
    }
  },
  async failed(services: Pick<Services, 'platform'>, job: RunningJob) {
    await services.platform.tenantExport.updateMany({
      where: { jobId: job.id, status: 'PENDING' },
      data: { status: 'FAILED', finishedAt: new Date(), error: `its job failed at ${job.step ?? 'the start'}: see the job's error` },
    });
  },
};
