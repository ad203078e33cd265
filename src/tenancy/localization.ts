// What a tenant is, as far as languages and money go: its locale (BCP 47), its currency
// (ISO 4217) and its time zone (IANA), each checked against what Intl knows and given
// back in its canonical spelling (en-us -> en-US, asia/tehran -> Asia/Tehran);
// undefined when Intl does not know it.

export function canonicalLocale(locale: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(locale.trim())[0];
  } catch {
    return undefined;
  }
}

const currencies = new Set(Intl.supportedValuesOf('currency'));

export function canonicalCurrency(code: string): string | undefined {
  const upper = code.trim().toUpperCase();
  return currencies.has(upper) ? upper : undefined;
}

export function canonicalTimeZone(zone: string): string | undefined {
  // Intl.supportedValuesOf('timeZone') leaves out UTC and the aliases: let the formatter judge.
  try {
    return zone.trim() ? new Intl.DateTimeFormat('en', { timeZone: zone.trim() }).resolvedOptions().timeZone : undefined;
  } catch {
    return undefined;
  }
}
