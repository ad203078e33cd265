// How a product is shown in a shop, beyond its own name: translations of its name and
// description, tags a shop filters by, and picture URLs. Each is checked and put in one
// spelling here, so what is stored, filtered on and compared is always the same text.
import { z } from 'zod';
import { canonicalLocale } from '../../tenancy/localization';

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;
export const MAX_IMAGE_URLS = 10;
export const MAX_TRANSLATIONS = 50;

/** A tag as it is stored and matched: trimmed and lowercased. */
export const normalTag = (tag: string) => tag.trim().toLowerCase();

/** A BCP 47 tag in its canonical spelling (fr-ca -> fr-CA). */
export const localeTag = z.string().transform((locale, ctx) => {
  const canonical = canonicalLocale(locale);
  if (canonical) return canonical;
  ctx.addIssue({ code: 'custom', message: 'must be a BCP 47 language tag such as "en", "fr" or "fr-CA"' });
  return z.NEVER;
});

const translation = z.object({
  locale: localeTag,
  name: z.string().trim().min(1, 'is required').max(200),
  description: z
    .string()
    .max(2000)
    .nullish()
    .transform((description) => description ?? null),
});

export type Translation = z.output<typeof translation>;

export const translations = z
  .array(translation)
  .max(MAX_TRANSLATIONS, `at most ${MAX_TRANSLATIONS} translations`)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach(({ locale }, index) => {
      if (seen.has(locale)) ctx.addIssue({ code: 'custom', path: [index, 'locale'], message: `${locale} is given twice` });
      seen.add(locale);
    });
  })
  // By locale, so an answer does not depend on the order a client happened to send them in.
  .transform((list) => [...list].sort((a, b) => (a.locale < b.locale ? -1 : a.locale > b.locale ? 1 : 0)));

export const tags = z
  .array(z.string().transform(normalTag).pipe(z.string().min(1, 'must not be empty').max(MAX_TAG_LENGTH)))
  .transform((list) => [...new Set(list)])
  .refine((list) => list.length <= MAX_TAGS, `at most ${MAX_TAGS} different tags`);

const imageUrl = z
  .string()
  .trim()
  .max(2048)
  .transform((text, ctx) => {
    const url = URL.canParse(text) ? new URL(text) : undefined;
    if (url && (url.protocol === 'http:' || url.protocol === 'https:')) return url.href;
    ctx.addIssue({ code: 'custom', message: 'must be an http or https URL' });
    return z.NEVER;
  });

export const imageUrls = z.array(imageUrl).max(MAX_IMAGE_URLS, `at most ${MAX_IMAGE_URLS} images`);
