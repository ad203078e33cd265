// Two bars: a job's progress (0-100) and a use against its limit (none: unlimited).

export function ProgressBar({ value, label, failed }: { value: number; label: string; failed?: boolean }) {
  return (
    <div className={`bar${failed ? ' failed' : ''}`} role="progressbar" aria-label={label} aria-valuenow={value} aria-valuemin={0} aria-valuemax={100}>
      <div className="fill" style={{ width: `${Math.min(100, Math.max(0, value))}%` }} />
      <span>{value}%</span>
    </div>
  );
}

export function UseBar({ used, limit, unit = '' }: { used: number | null; limit: number | null; unit?: string }) {
  const share = used !== null && limit ? Math.min(1, used / limit) : 0;
  const text = `${used === null ? '–' : used.toLocaleString('en')}${unit} / ${limit === null ? '∞' : `${limit.toLocaleString('en')}${unit}`}`;
  return (
    <div className={`bar use${share >= 0.9 ? ' near' : ''}`} title={text}>
      <div className="fill" style={{ width: `${share * 100}%` }} />
      <span>{text}</span>
    </div>
  );
}
