// Rows a resolver reads by id, a batch per plan: a relation of a row no plan made (a
// report's account, a row of the resolver path), or rows of a model a hand-written
// type points at. Each batch is one planned statement, so a list of such rows costs
// one statement per level, not one per row. Loaders belong to one request and one
// tenant: nothing cached in them reaches another tenant.
import DataLoader from 'dataloader';
import type { TenantTarget } from '../db/tenantTarget';
import type { MemberRole } from '../generated/platform/enums';
import type { RowPlan } from '../planner/plan';
import { plannedRowsById } from '../planner/plannedRead';
import type { Row } from '../planner/shape';

export class RowLoaders {
  private readonly loaders = new Map<RowPlan, DataLoader<string, Row | undefined>>();

  constructor(
    private readonly target: TenantTarget,
    private readonly role: MemberRole,
  ) {}

  /** The row with `id` as `plan` reads it (undefined when there is none). */
  load(plan: RowPlan, id: string, variables: Record<string, unknown>): Promise<Row | undefined> {
    let loader = this.loaders.get(plan);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const rows = await plannedRowsById(this.target, this.role, plan, ids, variables);
        return ids.map((i) => rows.get(i));
      });
      this.loaders.set(plan, loader);
    }
    return loader.load(id);
  }
}
