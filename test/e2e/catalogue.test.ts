// The catalogue a shop shows: products with translated names and descriptions (the
// tenant's own text as fallback), tags to filter by, picture URLs, a category tree
// admins edit, and every product change recorded as an event in its own transaction.
// Once per engine.
import type { TenantRecord } from '../../src/tenancy/tenantRegistry';
import { tenantPlacements } from '../support/engines';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { tenantApi, type TenantApi } from '../support/tenantApi';

const LISTING = 'id name description tags imageUrls translations { locale name description }';
const CREATE = `mutation($i: ProductInput!) { createProduct(input: $i) { ${LISTING} } }`;
const UPDATE = `mutation($id: ID!, $i: ProductUpdateInput!) { updateProduct(id: $id, input: $i) { ${LISTING} } }`;
const IN_LOCALES = `query($id: ID!) { product(id: $id) {
  own: name fr: name(locale: "fr") frCA: name(locale: "fr-ca") de: name(locale: "de") fa: name(locale: "fa-IR")
  ownText: description frText: description(locale: "fr") faText: description(locale: "fa") } }`;
const TAGGED = `query($tag: String, $kind: ProductKind) { products(first: 100, filter: { tag: $tag, kind: $kind }) { totalCount edges { node { sku tags } } } }`;
const CATEGORY = 'id name parentId';

describe.each(tenantPlacements)('on $engine, $isolation isolation', ({ engine, isolation }) => {
  let gw: TestGateway;
  let owner: TenantApi;
  let member: TenantApi;
  let tenant: TenantRecord;

  const goldInput = {
    sku: 'RING-1',
    name: 'Gold ring',
    description: 'An 18k ring',
    kind: 'JEWELRY',
    price: '300',
    translations: [
      { locale: 'fr', name: 'Bague en or', description: 'Une bague 18 carats' },
      { locale: 'FA-ir', name: 'انگشتر طلا' },
    ],
    tags: [' Gold ', 'RING', 'gold', '18k'],
    imageUrls: ['https://cdn.example.com/ring.jpg', 'http://cdn.example.com/ring 2.jpg'],
  };

  const eventsOf = (productId: string) => gw.eventsAbout(tenant, productId);

  beforeAll(async () => {
    gw = await startTestGateway({ engine, isolation });
    const admin = await gw.createUser();
    const writer = await gw.createUser();
    tenant = await gw.createTenant({ slug: 'shop', owner: admin, members: [[writer, 'MEMBER']] });
    owner = tenantApi(gw, admin.token, 'shop');
    member = tenantApi(gw, writer.token, 'shop');
  });
  afterAll(() => gw.close());

  describe('products', () => {
    let ring: any;
    beforeAll(async () => {
      ring = (await owner.call(CREATE, { i: goldInput })).createProduct;
    });

    test('keep translations in canonical locales, tags trimmed, lowercased and once, image URLs as given', () => {
      expect(ring).toEqual({
        id: ring.id,
        name: 'Gold ring',
        description: 'An 18k ring',
        tags: ['gold', 'ring', '18k'],
        imageUrls: ['https://cdn.example.com/ring.jpg', 'http://cdn.example.com/ring%202.jpg'],
        translations: [
          { locale: 'fa-IR', name: 'انگشتر طلا', description: null },
          { locale: 'fr', name: 'Bague en or', description: 'Une bague 18 carats' },
        ],
      });
    });

    test('name(locale:) answers the translation, then the language’s, then the own name; description falls back on its own', async () => {
      expect((await owner.call(IN_LOCALES, { id: ring.id })).product).toEqual({
        own: 'Gold ring',
        fr: 'Bague en or',
        frCA: 'Bague en or',
        de: 'Gold ring',
        fa: 'انگشتر طلا',
        ownText: 'An 18k ring',
        frText: 'Une bague 18 carats',
        faText: 'An 18k ring',
      });
      // The same through a page of products, where the planner reads the rows.
      const page = await owner.call(`{ products(first: 10) { edges { node { id name(locale: "fr-CA") translations { locale } } } } }`);
      expect(page.products.edges.map((e: any) => e.node)).toEqual([{ id: ring.id, name: 'Bague en or', translations: [{ locale: 'fa-IR' }, { locale: 'fr' }] }]);
    });

    test('products(filter: { tag }) finds the products with that tag, with the other filters', async () => {
      await owner.call(CREATE, { i: { sku: 'BAR-1', name: 'Gold bar', kind: 'GOLD', price: '900', tags: ['gold', 'bar'] } });
      await owner.call(CREATE, { i: { sku: 'TEE-1', name: 'T-shirt', kind: 'GOODS', price: '20' } });
      const skus = async (variables: Record<string, unknown>) => {
        const { products } = await owner.call(TAGGED, variables);
        expect(products.totalCount).toBe(products.edges.length);
        return products.edges.map((e: any) => e.node.sku);
      };
      expect(await skus({ tag: '  GOLD ' })).toEqual(['RING-1', 'BAR-1']);
      expect(await skus({ tag: 'gold', kind: 'GOLD' })).toEqual(['BAR-1']);
      expect(await skus({ tag: 'bar' })).toEqual(['BAR-1']);
      expect(await skus({ tag: 'gol' })).toEqual([]);
      expect(await skus({})).toEqual(['RING-1', 'BAR-1', 'TEE-1']);
      expect((await owner.refused(TAGGED, { tag: '  ' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.tag' });
    });

    test('an update replaces the lists it is given and keeps the others', async () => {
      const updated = (await owner.call(UPDATE, { id: ring.id, i: { tags: ['Sale'], translations: [{ locale: 'de', name: 'Goldring' }] } })).updateProduct;
      expect(updated).toMatchObject({ tags: ['sale'], imageUrls: goldInput.imageUrls.map((u) => u.replace(' ', '%20')), translations: [{ locale: 'de', name: 'Goldring', description: null }] });
      const { product } = await owner.call(`query($id: ID!) { product(id: $id) { de: name(locale: "de") fr: name(locale: "fr") } }`, { id: ring.id });
      expect(product).toEqual({ de: 'Goldring', fr: 'Gold ring' });
      const cleared = (await owner.call(UPDATE, { id: ring.id, i: { tags: [], imageUrls: [], translations: [] } })).updateProduct;
      expect(cleared).toMatchObject({ tags: [], imageUrls: [], translations: [] });
    });

    test.each([
      ['a locale that is not BCP 47', { translations: [{ locale: 'not a locale', name: 'x' }] }, 'translations.0.locale'],
      ['one locale twice', { translations: [{ locale: 'fr', name: 'a' }, { locale: 'FR', name: 'b' }] }, 'translations.1.locale'],
      ["the tenant's own locale", { translations: [{ locale: 'de', name: 'a' }, { locale: 'en', name: 'b' }] }, 'translations.1.locale'],
      ['a translation without a name', { translations: [{ locale: 'fr', name: ' ' }] }, 'translations.0.name'],
      ['an empty tag', { tags: ['ok', '   '] }, 'tags.1'],
      ['a tag too long', { tags: ['x'.repeat(41)] }, 'tags.0'],
      ['too many tags', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags'],
      ['a URL that is not http(s)', { imageUrls: ['javascript:alert(1)'] }, 'imageUrls.0'],
      ['a relative URL', { imageUrls: ['/ring.jpg'] }, 'imageUrls.0'],
      ['too many images', { imageUrls: Array.from({ length: 11 }, (_, i) => `https://cdn.example.com/${i}.jpg`) }, 'imageUrls'],
    ])('%s is refused as BAD_USER_INPUT naming the field', async (_, listing, field) => {
      const created = await owner.refused(CREATE, { i: { sku: 'BAD', name: 'Bad', kind: 'GOODS', price: '1', ...listing } });
      expect(created.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      const updated = await owner.refused(UPDATE, { id: ring.id, i: listing });
      expect(updated.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });

    test('attributes nest at most 30 levels deep on every engine (MariaDB stores no deeper): 30 are kept, 31 are BAD_USER_INPUT', async () => {
      const nested = (levels: number): Record<string, unknown> => (levels === 1 ? { leaf: 'x' } : { a: nested(levels - 1) });
      const kept = await owner.call(`mutation($i: ProductInput!) { createProduct(input: $i) { attributes } }`, {
        i: { sku: 'DEEP-30', name: 'Deep', kind: 'GOODS', price: '1', attributes: nested(30) },
      });
      expect(kept.createProduct.attributes).toEqual(nested(30));
      const refused = await owner.refused(CREATE, { i: { sku: 'DEEP-31', name: 'Deeper', kind: 'GOODS', price: '1', attributes: nested(31) } });
      expect(refused.extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.message).toContain('at most 30 levels deep');
    });

    test('name(locale:) with a locale that is not BCP 47 is BAD_USER_INPUT', async () => {
      const refused = await owner.refused(`query($id: ID!) { product(id: $id) { name(locale: "en_US!") } }`, { id: ring.id });
      expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'locale' });
    });

    test('creating, updating and deleting a product each record their event, with the product as the API shows it', async () => {
      const created = (await owner.call(CREATE, { i: { sku: 'EVT-1', name: 'Evented', kind: 'GOODS', price: '12.50', tags: ['New'] } })).createProduct;
      await owner.call(UPDATE, { id: created.id, i: { price: '13', tags: ['sale'] } });
      expect(await owner.call('mutation($id: ID!) { deleteProduct(id: $id) }', { id: created.id })).toEqual({ deleteProduct: true });
      const events = await eventsOf(created.id);
      expect(events.map((e) => e.type)).toEqual(['product.created', 'product.updated', 'product.deleted']);
      expect(events[0].payload).toMatchObject({ sku: 'EVT-1', price: '12.5', tags: ['new'], translations: [], stock: '0', currency: tenant.currency });
      expect(events[1].payload).toMatchObject({ price: '13', tags: ['sale'] });
      expect(events[2].payload).toMatchObject({ id: created.id, price: '13' });
      expect(typeof events[0].payload.createdAt).toBe('string');
    });

    test('a delete refused because an invoice refers to the product records no event', async () => {
      const sold = (await owner.call(CREATE, { i: { sku: 'SOLD-1', name: 'Sold', kind: 'GOODS', price: '20', trackStock: false } })).createProduct;
      await owner.createInvoice({ kind: 'SALE', items: [{ productId: sold.id, quantity: '1', unitPrice: '20' }] });
      const refused = await owner.refused('mutation($id: ID!) { deleteProduct(id: $id) }', { id: sold.id });
      expect(refused.extensions.code).toBe('BAD_USER_INPUT');
      expect((await owner.call('query($id: ID!) { product(id: $id) { sku } }', { id: sold.id })).product.sku).toBe('SOLD-1');
      expect((await eventsOf(sold.id)).map((e) => e.type)).toEqual(['product.created']);
    });
  });

  describe('categories', () => {
    const create = (input: Record<string, unknown>, as = owner) => as.call(`mutation($i: CategoryInput!) { createCategory(input: $i) { ${CATEGORY} } }`, { i: input });
    const update = (id: string, input: Record<string, unknown>) =>
      `mutation { updateCategory(id: "${id}", input: { ${Object.entries(input).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')} }) { ${CATEGORY} } }`;
    const remove = (id: string) => `mutation { deleteCategory(id: "${id}") }`;

    test('admins create, rename, move and delete them; categories answers the tree', async () => {
      const jewellery = (await create({ name: ' Jewellery ' })).createCategory;
      expect(jewellery).toEqual({ id: jewellery.id, name: 'Jewellery', parentId: null });
      const rings = (await create({ name: 'Rings', parentId: jewellery.id })).createCategory;
      expect(rings.parentId).toBe(jewellery.id);
      const gold = (await owner.call(update(rings.id, { name: 'Gold rings' }))).updateCategory;
      expect(gold).toEqual({ id: rings.id, name: 'Gold rings', parentId: jewellery.id });
      const top = (await owner.call(`mutation { updateCategory(id: "${rings.id}", input: { parentId: null }) { ${CATEGORY} } }`)).updateCategory;
      expect(top.parentId).toBeNull();
      expect((await owner.call(remove(rings.id))).deleteCategory).toBe(true);
      const { categories } = await owner.call(`{ categories(first: 100) { nodes { ${CATEGORY} } } }`);
      expect(categories.nodes.filter((c: any) => [jewellery.id, rings.id].includes(c.id))).toEqual([{ id: jewellery.id, name: 'Jewellery', parentId: null }]);
    });

    test('a taken name, a missing parent and a loop are BAD_USER_INPUT; an unknown category NOT_FOUND', async () => {
      const a = (await create({ name: 'Loop A' })).createCategory;
      const b = (await create({ name: 'Loop B', parentId: a.id })).createCategory;
      const c = (await create({ name: 'Loop C', parentId: b.id })).createCategory;
      const missing = '01890000-0000-7000-8000-000000000000';
      expect((await owner.refused(`mutation { createCategory(input: { name: "Loop A" }) { id } }`)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
      expect((await owner.refused(update(c.id, { name: 'Loop B' }))).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
      expect((await owner.refused(`mutation { createCategory(input: { name: "X", parentId: "${missing}" }) { id } }`)).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'parentId',
      });
      expect((await owner.refused(update(a.id, { parentId: c.id }))).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
      expect((await owner.refused(update(a.id, { parentId: a.id }))).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
      expect((await owner.refused(update(missing, { name: 'Y' }))).extensions.code).toBe('NOT_FOUND');
      expect((await owner.refused(remove(missing))).extensions.code).toBe('NOT_FOUND');
      expect((await owner.refused(`mutation { createCategory(input: { name: " " }) { id } }`)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
      // Renaming to its own name is no conflict.
      expect((await owner.call(update(a.id, { name: 'Loop A' }))).updateCategory.name).toBe('Loop A');
    });

    test('a category with products or subcategories is not deleted; emptied, it is', async () => {
      const shelf = (await create({ name: 'Shelf' })).createCategory;
      const inner = (await create({ name: 'Shelf inner', parentId: shelf.id })).createCategory;
      const product = (await owner.call(CREATE, { i: { sku: 'SHELF-1', name: 'On the shelf', kind: 'GOODS', price: '1', categoryId: inner.id } })).createProduct;
      expect((await owner.refused(remove(shelf.id))).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect((await owner.refused(remove(inner.id))).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      await owner.call(UPDATE, { id: product.id, i: { categoryId: shelf.id } });
      expect((await owner.call(remove(inner.id))).deleteCategory).toBe(true);
      await owner.call(UPDATE, { id: product.id, i: { categoryId: null } });
      expect((await owner.call(remove(shelf.id))).deleteCategory).toBe(true);
    });

    test('members read categories but may not change them', async () => {
      const kept = (await create({ name: 'Kept' })).createCategory;
      expect((await member.refused(`mutation { createCategory(input: { name: "Nope" }) { id } }`)).extensions.code).toBe('FORBIDDEN');
      expect((await member.refused(update(kept.id, { name: 'Nope' }))).extensions.code).toBe('FORBIDDEN');
      expect((await member.refused(remove(kept.id))).extensions.code).toBe('FORBIDDEN');
      expect((await member.call('{ categories(first: 100) { nodes { name } } }')).categories.nodes.map((c: any) => c.name)).toContain('Kept');
    });
  });
});
