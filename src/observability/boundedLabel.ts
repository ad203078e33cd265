// Prometheus keeps one series per distinct label value, so a label fed by clients
// (an operation name, a tenant) must not grow without end: the first `max` values
// seen keep their name, later ones share OTHER.
export const OTHER = '(other)';

export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(private readonly max: number) {}

  of(value: string): string {
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.max) return OTHER;
    this.seen.add(value);
    return value;
  }
}
