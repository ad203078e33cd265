// A product's name or description in a locale: the translation for that locale, else
// for its language (fr-CA falls back to fr), else the product's own text, which is in
// the tenant's locale.
import { badInput } from '../../errors';
import { canonicalLocale } from '../../tenancy/localization';
import type { Translation } from './listingFields';

export interface Translated {
  name: string;
  description: string | null;
  translations: unknown;
}

/** fr-CA -> [fr-CA, fr]; zh-Hant-TW -> [zh-Hant-TW, zh-Hant, zh]. */
function fallbacksOf(locale: string): string[] {
  const parts = locale.split('-');
  return parts.map((_, index) => parts.slice(0, parts.length - index).join('-'));
}

export function localizedText(product: Translated, field: 'name' | 'description', locale: string | null | undefined): string | null {
  if (locale === undefined || locale === null) return product[field];
  const canonical = canonicalLocale(locale);
  if (!canonical) throw badInput('locale: must be a BCP 47 language tag such as "en", "fr" or "fr-CA"', { field: 'locale' });
  const byLocale = new Map((product.translations as Translation[]).map((translation) => [translation.locale, translation]));
  for (const candidate of fallbacksOf(canonical)) {
    const text = byLocale.get(candidate)?.[field];
    if (text) return text;
  }
  return product[field];
}
