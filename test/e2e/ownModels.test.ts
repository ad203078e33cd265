// A deployment's own tenant models, with no code of their own: the gym of
// docs/own-model.md (test/fixtures/tenant-models/gym: gyms, classes, bookings of the
// built-in customers, trainers only admins change) built as a user builds it
// (migration:create, build; test/support/deployments.ts), served by the deployment's
// gateway process over HTTP and WebSocket, wherever a tenant lives: generic create,
// update and delete, input checked from the model the same way on both engines,
// references, relations both ways, sorting, filtering, paging and aggregates, the
// @access annotations, events to webhooks and the live feed, the audit log and the
// usage meter, templates and the db command. Two columns added to a built-in module's
// model (Customer) are queryable, sortable, filterable and aggregated with no other change.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { tenantStorageName } from '../../src/db/identifiers';
import { withDatabase } from '../../src/db/urls';
import { withMysql } from '../../src/db/withMysql';
import { tenantPlacements } from '../support/engines';
import { eventually } from '../support/eventually';
import { connectWs, operate } from '../support/graphqlWs';
import { deployment, startDeploymentGateway, type DeploymentGateway, type DeploymentUser } from '../support/deployments';
import { MYSQL_URL } from '../support/mysqlDatabase';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhookReceiver';

let gw: DeploymentGateway;
let receiver: WebhookReceiver;
let owner: DeploymentUser;
let admin: DeploymentUser;
let member: DeploymentUser;
let viewer: DeploymentUser;
let deploymentDir: string;
/** How many tenant migrations the deployment has, per engine: the project's and the gym's. */
const migrationsOf = (engine: string) => readdirSync(path.join(deploymentDir, 'prisma', engine === 'mysql' ? 'tenant-mysql' : 'tenant', 'migrations'), { withFileTypes: true }).filter((e) => e.isDirectory()).length;

const slugOf = ({ engine, isolation }: { engine: string; isolation: string }) => `gym-${engine}-${isolation.toLowerCase()}`;
/** A second tenant per engine, whose ids the first must not reach. */
const elsewhereOf = (engine: string) => `elsewhere-${engine}`;
const engines = [...new Set(tenantPlacements.map((p) => p.engine))];

beforeAll(async () => {
  const built = await deployment('gym');
  deploymentDir = built.dir;
  receiver = await startWebhookReceiver();
  gw = await startDeploymentGateway(built, { WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_SWEEP_SECONDS: '1' });
  [owner, admin, member, viewer] = await Promise.all(['owner', 'admin', 'member', 'viewer'].map((who) => gw.signUp(`${who}@gym.example`)));
  const members: Array<[DeploymentUser, string]> = [
    [admin, 'ADMIN'],
    [member, 'MEMBER'],
    [viewer, 'VIEWER'],
  ];
  for (const placement of tenantPlacements) {
    await gw.createTenant(owner, { slug: slugOf(placement), isolation: placement.isolation, engine: placement.engine.toUpperCase(), plan: 'enterprise' }, members);
  }
  for (const engine of engines) await gw.createTenant(owner, { slug: elsewhereOf(engine), engine: engine.toUpperCase(), plan: 'enterprise' });
}, 900_000);

afterAll(async () => {
  await gw?.close();
  await receiver?.close();
});

type As = DeploymentUser;
type GraphQLError = { message: string; extensions: { code: string; [key: string]: unknown } };

describe.each(tenantPlacements)('on $engine, $isolation isolation', (placement) => {
  const slug = slugOf(placement);

  const ask = (query: string, variables: Record<string, unknown> = {}, as: As = owner, tenant = slug) => gw.request(query, { token: as.token, tenant, variables });
  async function ok(query: string, variables: Record<string, unknown> = {}, as: As = owner, tenant = slug) {
    const { body } = await ask(query, variables, as, tenant);
    if (body.errors) throw new Error(`${query}\n${JSON.stringify(body.errors)}`);
    return body.data;
  }
  async function refused(query: string, variables: Record<string, unknown> = {}, as: As = owner): Promise<GraphQLError> {
    const { status, body } = await ask(query, variables, as);
    if (!body.errors) throw new Error(`${query}: expected a refusal, got ${JSON.stringify(body.data)}`);
    expect(status).toBeLessThan(500);
    return body.errors[0] as GraphQLError;
  }

  const CREATE_GYM = 'mutation($input: CreateGymInput!) { createGym(input: $input) { id name address description openedOn } }';
  const CREATE_CLASS = `mutation($input: CreateGymClassInput!) {
    createGymClass(input: $input) { id title level startsAt capacity creditCost price gym { name } trainer { name } }
  }`;
  const CREATE_TRAINER = 'mutation($input: CreateTrainerInput!) { createTrainer(input: $input) { id name payPerClass } }';
  const CREATE_CUSTOMER = 'mutation($name: String!) { createCustomer(input: { name: $name }) { id } }';
  const BOOK = 'mutation($input: CreateClassBookingInput!) { createClassBooking(input: $input) { id class { title } customer { name } } }';

  const createGym = async (name: string, extra: Record<string, unknown> = {}) => (await ok(CREATE_GYM, { input: { name, ...extra } })).createGym;
  const createClass = async (input: Record<string, unknown>) => (await ok(CREATE_CLASS, { input: { capacity: 10, price: '12', ...input } })).createGymClass;
  const createTrainer = async (name: string, payPerClass?: string) => (await ok(CREATE_TRAINER, { input: { name, payPerClass } }, admin)).createTrainer;
  const createCustomer = async (name: string) => (await ok(CREATE_CUSTOMER, { name })).createCustomer.id as string;
  const book = async (classId: string, customerId: string) => (await ok(BOOK, { input: { classId, customerId } })).createClassBooking;

  describe('generic create, update and delete', () => {
    test('create fills what the model defaults and leaves optional fields null; its answer follows relations', async () => {
      const gym = await createGym('Harbour', { address: '1 Quay Street', openedOn: '2024-03-01' });
      expect(gym).toEqual({ id: expect.any(String), name: 'Harbour', address: '1 Quay Street', description: null, openedOn: '2024-03-01' });
      const trainer = await createTrainer('Ana', '40.5');
      expect(trainer).toEqual({ id: expect.any(String), name: 'Ana', payPerClass: '40.5' });
      const created = await createClass({ gymId: gym.id, trainerId: trainer.id, title: 'Morning flow', startsAt: '2026-05-04T07:30:00Z', capacity: 12, price: '15.50' });
      expect(created).toEqual({
        id: expect.any(String),
        title: 'Morning flow',
        level: 'BEGINNER',
        startsAt: '2026-05-04T07:30:00.000Z',
        capacity: 12,
        creditCost: 1,
        price: '15.5',
        gym: { name: 'Harbour' },
        trainer: { name: 'Ana' },
      });
      expect((await ok('query($id: ID!) { gymClass(id: $id) { title gym { id } } }', { id: created.id })).gymClass).toEqual({ title: 'Morning flow', gym: { id: gym.id } });
    });

    test('update changes only the fields given; an explicit null clears a nullable field and is refused for a required one', async () => {
      const gym = await createGym('Update Street', { address: 'Somewhere', description: 'Weights' });
      const UPDATE_GYM = 'mutation($id: ID!, $input: UpdateGymInput!) { updateGym(id: $id, input: $input) { name address description openedOn } }';
      expect((await ok(UPDATE_GYM, { id: gym.id, input: { address: null, openedOn: '2025-01-31' } })).updateGym).toEqual({
        name: 'Update Street',
        address: null,
        description: 'Weights',
        openedOn: '2025-01-31',
      });
      const lesson = await createClass({ gymId: gym.id, title: 'Spin', startsAt: '2026-05-05T18:00:00Z' });
      const UPDATE_CLASS = 'mutation($id: ID!, $input: UpdateGymClassInput!) { updateGymClass(id: $id, input: $input) { title capacity level price } }';
      expect((await ok(UPDATE_CLASS, { id: lesson.id, input: { capacity: 20, level: 'ADVANCED' } })).updateGymClass).toEqual({ title: 'Spin', capacity: 20, level: 'ADVANCED', price: '12' });
      expect(await refused(UPDATE_CLASS, { id: lesson.id, input: { title: null } })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.title' } });
      expect(await refused(UPDATE_CLASS, { id: randomUUID(), input: { capacity: 1 } })).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    });

    test('delete answers the row as it was, relations included, and it is gone', async () => {
      const gym = await createGym('Short Lived');
      const lesson = await createClass({ gymId: gym.id, title: 'Last class', startsAt: '2026-05-06T10:00:00Z' });
      const DELETE = 'mutation($id: ID!) { deleteGymClass(id: $id) { id title gym { name } } }';
      expect((await ok(DELETE, { id: lesson.id })).deleteGymClass).toEqual({ id: lesson.id, title: 'Last class', gym: { name: 'Short Lived' } });
      expect(await refused('query($id: ID!) { gymClass(id: $id) { id } }', { id: lesson.id })).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
      expect(await refused(DELETE, { id: lesson.id })).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    });
  });

  describe('input is checked from the model, the same way on both engines', () => {
    let gymId: string;
    beforeAll(async () => {
      gymId = (await createGym('Checked')).id;
    });
    const classInput = (extra: Record<string, unknown>) => ({ input: { gymId, title: 'Yoga', startsAt: '2026-06-01T09:00:00Z', capacity: 8, price: '9.99', ...extra } });
    const refusal = async (query: string, variables: Record<string, unknown>) => {
      const error = await refused(query, variables);
      return { code: error.extensions.code, field: error.extensions.field, message: error.message };
    };

    test('a required field missing is refused before anything runs', async () => {
      const { input } = classInput({});
      const { capacity: _, ...withoutCapacity } = input;
      expect(await refusal(CREATE_CLASS, { input: withoutCapacity })).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('capacity') });
    });

    test('text longer than its column holds: @db.VarChar(n), and a plain String (VARCHAR(191) on MySQL) alike; @db.Text has no limit', async () => {
      expect(await refusal(CREATE_CLASS, classInput({ title: 'x'.repeat(61) }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.title', message: 'input.title: at most 60 characters' });
      expect((await createClass({ gymId, title: '🧘'.repeat(60), startsAt: '2026-06-01T09:00:00Z' })).title).toBe('🧘'.repeat(60));
      expect(await refusal(CREATE_GYM, { input: { name: 'Long address', address: 'a'.repeat(192) } })).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'input.address',
        message: 'input.address: at most 191 characters',
      });
      expect((await createGym('Long description', { address: 'a'.repeat(191), description: 'd'.repeat(5000) })).description).toHaveLength(5000);
    });

    test('decimals as the Decimal scalar and the column take them, moments and days as their scalars parse them, enum values by name', async () => {
      const bad = async (extra: Record<string, unknown>) => (await refusal(CREATE_CLASS, classInput(extra))).code;
      expect(await bad({ price: 'twelve' })).toBe('BAD_USER_INPUT');
      expect(await refusal(CREATE_CLASS, classInput({ price: '12.345' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.price', message: 'input.price: at most 2 decimal places' });
      expect(await refusal(CREATE_CLASS, classInput({ price: '123456789' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.price', message: 'input.price: at most 8 digits before the decimal point' });
      expect((await createClass({ gymId, title: 'Dear', startsAt: '2026-06-01T09:00:00Z', price: '99999999.99' })).price).toBe('99999999.99');
      expect(await bad({ startsAt: 'tomorrow morning' })).toBe('BAD_USER_INPUT');
      expect(await bad({ capacity: 2 ** 31 })).toBe('BAD_USER_INPUT');
      expect(await bad({ level: 'EXPERT' })).toBe('BAD_USER_INPUT');
      expect((await refusal(CREATE_GYM, { input: { name: 'Leap', openedOn: '2025-02-29' } })).code).toBe('BAD_USER_INPUT');
    });

    test('a value a unique column already holds is BAD_USER_INPUT naming the column', async () => {
      await createGym('Twice');
      expect(await refusal(CREATE_GYM, { input: { name: 'Twice' } })).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('name') });
    });
  });

  describe('references', () => {
    test("a missing row's id, or another tenant's, is NOT_FOUND naming the field", async () => {
      const gym = await createGym('Referred');
      const elsewhere = (await ok(CREATE_GYM, { input: { name: `Not ${slug}'s` } }, owner, elsewhereOf(placement.engine))).createGym.id;
      for (const gymId of [randomUUID(), elsewhere]) {
        expect(await refused(CREATE_CLASS, { input: { gymId, title: 'Nowhere', startsAt: '2026-06-02T09:00:00Z', capacity: 5, price: '1' } })).toMatchObject({
          message: 'input.gymId: no Gym with this id',
          extensions: { code: 'NOT_FOUND', field: 'input.gymId' },
        });
      }
      const lesson = await createClass({ gymId: gym.id, title: 'Somewhere', startsAt: '2026-06-02T09:00:00Z' });
      const UPDATE = 'mutation($id: ID!, $input: UpdateGymClassInput!) { updateGymClass(id: $id, input: $input) { id } }';
      expect(await refused(UPDATE, { id: lesson.id, input: { trainerId: randomUUID() } })).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'input.trainerId' } });
      const BOOK_ANY = 'mutation($input: CreateClassBookingInput!) { createClassBooking(input: $input) { id } }';
      expect(await refused(BOOK_ANY, { input: { classId: lesson.id, customerId: randomUUID() } })).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'input.customerId' } });
    });

    test('a delete that a restricting reference blocks is CONFLICT naming the referrer; a cascading one takes the rows with it', async () => {
      const gym = await createGym('Restricted');
      const trainer = await createTrainer('Bo');
      const lesson = await createClass({ gymId: gym.id, trainerId: trainer.id, title: 'Taught', startsAt: '2026-06-03T09:00:00Z' });
      await book(lesson.id, await createCustomer('Booked Bea'));
      const DELETE_TRAINER = 'mutation($id: ID!) { deleteTrainer(id: $id) { name } }';
      const conflict = await refused(DELETE_TRAINER, { id: trainer.id }, admin);
      expect(conflict).toMatchObject({ extensions: { code: 'CONFLICT' } });
      expect(conflict.message).toBe('this Trainer is still referred to (by GymClass.trainer): delete or change those first');

      expect((await ok('mutation($id: ID!) { deleteGym(id: $id) { name } }', { id: gym.id })).deleteGym).toEqual({ name: 'Restricted' });
      const left = await ok('query($id: ID!) { gymClasses(where: { id: { eq: $id } }) { totalCount } classBookings(where: { classId: { eq: $id } }) { totalCount } }', { id: lesson.id });
      expect(left).toEqual({ gymClasses: { totalCount: 0 }, classBookings: { totalCount: 0 } });
      expect((await ok(DELETE_TRAINER, { id: trainer.id }, admin)).deleteTrainer).toEqual({ name: 'Bo' });
    });
  });

  describe('reading: relations both ways, sorting, filtering, paging and aggregates', () => {
    let gymId: string;
    let leila: string;
    beforeAll(async () => {
      gymId = (await createGym('Readings')).id;
      const classes = [
        { title: 'Pilates', level: 'INTERMEDIATE', startsAt: '2026-07-02T09:00:00Z', capacity: 10, price: '20' },
        { title: 'Boxing', level: 'ADVANCED', startsAt: '2026-07-01T18:00:00Z', capacity: 16, price: '25.5' },
        { title: 'Stretch', level: 'BEGINNER', startsAt: '2026-07-01T08:00:00Z', capacity: 30, price: '8' },
        { title: 'HIIT', level: 'ADVANCED', startsAt: '2026-07-03T07:00:00Z', capacity: 12, price: '18', creditCost: 2 },
      ];
      const ids: Record<string, string> = {};
      for (const input of classes) ids[input.title] = (await createClass({ gymId, ...input })).id;
      leila = await createCustomer('Leila Readings');
      const omar = await createCustomer('Omar Readings');
      for (const title of ['Pilates', 'HIIT']) await book(ids[title], leila);
      await book(ids.Boxing, omar);
    });

    test("a gym's classes in the order asked for (by default its @order, startsAt), and a customer's bookings counted", async () => {
      const { gym } = await ok('query($id: ID!) { gym(id: $id) { byDefault: classes { nodes { title } } byPrice: classes(orderBy: [PRICE_DESC]) { nodes { title } } } }', { id: gymId });
      expect(gym.byDefault.nodes.map((c: { title: string }) => c.title)).toEqual(['Stretch', 'Boxing', 'Pilates', 'HIIT']);
      expect(gym.byPrice.nodes.map((c: { title: string }) => c.title)).toEqual(['Boxing', 'Pilates', 'HIIT', 'Stretch']);
      const { customer } = await ok('query($id: ID!) { customer(id: $id) { name classBookings { totalCount nodes { class { title gym { name } } } } } }', { id: leila });
      expect(customer.classBookings.totalCount).toBe(2);
      expect(customer.classBookings.nodes.map((b: any) => b.class.title).sort()).toEqual(['HIIT', 'Pilates']);
      expect(customer.classBookings.nodes[0].class.gym).toEqual({ name: 'Readings' });
    });

    test('where on columns, on a to-one relation and on a to-many one; orderBy of several columns', async () => {
      const { gymClasses } = await ok(
        `query($gym: ID!) { gymClasses(where: { gymId: { eq: $gym }, level: { in: [INTERMEDIATE, ADVANCED] }, price: { gte: "18" } }, orderBy: [LEVEL_ASC, CAPACITY_DESC]) {
          totalCount nodes { title }
        } }`,
        { gym: gymId },
      );
      expect(gymClasses).toEqual({ totalCount: 3, nodes: [{ title: 'Pilates' }, { title: 'Boxing' }, { title: 'HIIT' }] });
      const booked = await ok(
        `{ gymClasses(where: { gym: { name: { eq: "Readings" } }, bookings: { some: { customer: { name: { startsWith: "leila" } } } } }, orderBy: [TITLE_ASC]) { nodes { title } } }`,
      );
      expect(booked.gymClasses.nodes).toEqual([{ title: 'HIIT' }, { title: 'Pilates' }]);
      const unbooked = await ok('query($gym: ID!) { gymClasses(where: { gymId: { eq: $gym }, bookings: { none: {} } }) { nodes { title } } }', { gym: gymId });
      expect(unbooked.gymClasses.nodes).toEqual([{ title: 'Stretch' }]);
    });

    test('a customer list filtered by its bookings answers them nested', async () => {
      // One statement: the list, its EXISTS on the bookings, and the bookings with their
      // class and gym nested in each row.
      const { customers } = await ok(
        `{ customers(where: { name: { contains: "Readings" }, classBookings: { some: { class: { title: { eq: "HIIT" } } } } }) {
          nodes { name classBookings(orderBy: [BOOKED_AT_ASC]) { nodes { class { title gym { name } } } } } } }`,
      );
      expect(customers.nodes).toEqual([
        { name: 'Leila Readings', classBookings: { nodes: [{ class: { title: 'Pilates', gym: { name: 'Readings' } } }, { class: { title: 'HIIT', gym: { name: 'Readings' } } }] } },
      ]);
    });

    test('pages forwards and backwards with cursors that follow the order', async () => {
      const PAGE = `query($gym: ID!, $first: Int, $after: String, $last: Int, $before: String) {
        gymClasses(where: { gymId: { eq: $gym } }, orderBy: [CAPACITY_DESC], first: $first, after: $after, last: $last, before: $before) {
          nodes { title } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        } }`;
      const first = (await ok(PAGE, { gym: gymId, first: 2 })).gymClasses;
      expect(first.nodes).toEqual([{ title: 'Stretch' }, { title: 'Boxing' }]);
      expect(first.pageInfo).toMatchObject({ hasNextPage: true });
      const second = (await ok(PAGE, { gym: gymId, first: 2, after: first.pageInfo.endCursor })).gymClasses;
      expect(second.nodes).toEqual([{ title: 'HIIT' }, { title: 'Pilates' }]);
      expect(second.pageInfo).toMatchObject({ hasNextPage: false });
      const back = (await ok(PAGE, { gym: gymId, last: 1, before: second.pageInfo.startCursor })).gymClasses;
      expect(back.nodes).toEqual([{ title: 'Boxing' }]);
    });

    test('aggregates over the filtered rows, and grouped by an enum and by day', async () => {
      const { gymClasses } = await ok(
        `query($gym: ID!) { gymClasses(where: { gymId: { eq: $gym } }) {
          aggregates { count sum { capacity price creditCost } avg { price } min { startsAt price } max { capacity } }
          byLevel: groupedAggregates(groupBy: [LEVEL]) { keys count sum { capacity } }
          byDay: groupedAggregates(groupBy: [STARTS_AT_TRUNCATED_TO_DAY]) { keys count }
        } }`,
        { gym: gymId },
      );
      expect(gymClasses.aggregates).toEqual({
        count: 4,
        sum: { capacity: '68', price: '71.5', creditCost: '5' },
        avg: { price: '17.875' },
        min: { startsAt: '2026-07-01T08:00:00.000Z', price: '8' },
        max: { capacity: 30 },
      });
      const byKeys = (groups: Array<{ keys: string[] }>) => Object.fromEntries(groups.map(({ keys, ...rest }) => [keys.join(','), rest]));
      expect(byKeys(gymClasses.byLevel)).toEqual({ ADVANCED: { count: 2, sum: { capacity: '28' } }, BEGINNER: { count: 1, sum: { capacity: '30' } }, INTERMEDIATE: { count: 1, sum: { capacity: '10' } } });
      expect(byKeys(gymClasses.byDay)).toEqual({ '2026-07-01': { count: 2 }, '2026-07-02': { count: 1 }, '2026-07-03': { count: 1 } });
    });
  });

  describe('who may do what: the @access annotations', () => {
    let trainerId: string;
    beforeAll(async () => {
      trainerId = (await createTrainer('Cleo', '55')).id;
      await createClass({ gymId: (await createGym('Access')).id, trainerId, title: 'Guarded', startsAt: '2026-08-01T09:00:00Z' });
    });
    const forbidden = async (query: string, as: As, variables: Record<string, unknown> = {}) => (await refused(query, variables, as)).extensions.code;

    test('a VIEWER reads the gym models (VIEWER reads by default) but not trainers (read: MEMBER): not at the root, nested, in a where nor in an aggregate', async () => {
      expect((await ok('{ gymClasses(where: { title: { eq: "Guarded" } }) { nodes { title trainerId } } }', {}, viewer)).gymClasses.nodes).toEqual([
        { title: 'Guarded', trainerId },
      ]);
      expect(await forbidden('{ trainers { nodes { name } } }', viewer)).toBe('FORBIDDEN');
      expect(await forbidden('query($id: ID!) { trainer(id: $id) { name } }', viewer, { id: trainerId })).toBe('FORBIDDEN');
      expect(await forbidden('{ gymClasses { nodes { title trainer { name } } } }', viewer)).toBe('FORBIDDEN');
      expect(await forbidden('{ gyms { nodes { classes { nodes { trainer { name } } } } } }', viewer)).toBe('FORBIDDEN');
      expect(await forbidden('{ gymClasses(where: { trainer: { name: { eq: "Cleo" } } }) { totalCount } }', viewer)).toBe('FORBIDDEN');
      expect(await forbidden('{ trainers { totalCount } }', viewer)).toBe('FORBIDDEN');
    });

    test('a MEMBER reads trainers but not payPerClass (read: ADMIN): not asked for, sorted by, filtered on or aggregated', async () => {
      expect((await ok('query($id: ID!) { trainer(id: $id) { name } }', { id: trainerId }, member)).trainer).toEqual({ name: 'Cleo' });
      expect(await forbidden('query($id: ID!) { trainer(id: $id) { payPerClass } }', member, { id: trainerId })).toBe('FORBIDDEN');
      expect(await forbidden('{ gymClasses { nodes { trainer { payPerClass } } } }', member)).toBe('FORBIDDEN');
      expect(await forbidden('{ trainers(orderBy: [PAY_PER_CLASS_DESC]) { nodes { name } } }', member)).toBe('FORBIDDEN');
      expect(await forbidden('{ trainers(where: { payPerClass: { gt: "50" } }) { nodes { name } } }', member)).toBe('FORBIDDEN');
      expect(await forbidden('{ trainers { aggregates { max { payPerClass } } } }', member)).toBe('FORBIDDEN');
      expect(await forbidden('{ trainers { groupedAggregates(groupBy: [PAY_PER_CLASS]) { count } } }', member)).toBe('FORBIDDEN');
      expect((await ok('query($id: ID!) { trainer(id: $id) { payPerClass } }', { id: trainerId }, admin)).trainer).toEqual({ payPerClass: '55' });
    });

    test('a MEMBER writes the gym models (MEMBER writes by default) but not trainers (write: ADMIN); a VIEWER writes nothing', async () => {
      const refusal = await refused(CREATE_TRAINER, { input: { name: 'Dan' } }, member);
      expect(refusal).toMatchObject({ message: 'only admins and above may change trainers (your role: MEMBER)', extensions: { code: 'FORBIDDEN' } });
      expect(await forbidden('mutation($id: ID!) { updateTrainer(id: $id, input: { name: "Renamed" }) { id } }', member, { id: trainerId })).toBe('FORBIDDEN');
      expect(await forbidden('mutation($id: ID!) { deleteTrainer(id: $id) { id } }', member, { id: trainerId })).toBe('FORBIDDEN');
      expect((await ok(CREATE_GYM, { input: { name: "Member's gym" } }, member)).createGym.name).toBe("Member's gym");
      expect(await forbidden(CREATE_GYM, viewer, { input: { name: "Viewer's gym" } })).toBe('FORBIDDEN');
      expect((await ok('{ gyms(where: { name: { startsWith: "Viewer" } }) { totalCount } }', {}, viewer)).gyms.totalCount).toBe(0);
    });

    test("the live feed shows a VIEWER no trainer's events, and a MEMBER a trainer's without payPerClass", async () => {
      const listen = (as: As) => {
        const { client } = connectWs(gw.url, { authorization: `Bearer ${as.token}`, tenant: slug });
        return { client, feed: operate(client, 'subscription { tenantEvents(types: ["trainer.created", "gym.created"]) { type object } }') };
      };
      const [asViewer, asMember] = [listen(viewer), listen(member)];
      try {
        // Both hear something first: then they are certainly subscribed.
        const probe = await eventually(async () => {
          const name = `Probe ${randomUUID()}`;
          await createGym(name);
          const heard = (l: typeof asViewer) => l.feed.results.some((r) => r.data?.tenantEvents.object.name === name);
          return eventually(() => heard(asViewer) && heard(asMember), 1_000).catch(() => false);
        }, 15_000, 0);
        expect(probe).toBe(true);
        const trainer = await createTrainer('Eve', '70');
        const after = await createGym('After Eve', { openedOn: '2024-03-01' });
        const gymEvent = await asViewer.feed.until((r) => r.data?.tenantEvents.object.name === 'After Eve');
        // The row as the API shows it: a day as a day.
        expect(gymEvent.data.tenantEvents).toEqual({ type: 'gym.created', object: { id: after.id, name: 'After Eve', address: null, description: null, openedOn: '2024-03-01' } });
        const heardByMember = await asMember.feed.until((r) => r.data?.tenantEvents.object.id === trainer.id);
        expect(heardByMember.data.tenantEvents).toEqual({ type: 'trainer.created', object: { id: trainer.id, name: 'Eve', email: null } });
        expect(asViewer.feed.results.filter((r) => r.data?.tenantEvents.type === 'trainer.created')).toEqual([]);
        expect(asViewer.feed.results.every((r) => !r.errors)).toBe(true);
      } finally {
        await Promise.all([asViewer.client.dispose(), asMember.client.dispose()]);
      }
    });
  });

  describe('what every tenant operation gets', () => {
    test('gymClass.created reaches a webhook receiver, signed, and the tenantEvents live feed', async () => {
      const { createWebhook } = await ok('mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id events } } }', {
        input: { url: receiver.url, events: ['gymClass.created', 'gymClass.deleted'] },
      });
      receiver.secrets.push(createWebhook.secret);
      const { client } = connectWs(gw.url, { authorization: `Bearer ${owner.token}`, tenant: slug });
      try {
        const feed = operate(client, 'subscription { tenantEvents(types: ["gymClass.created"]) { type tenant object } }');
        const gymId = (await createGym('Eventful')).id;
        const lesson = await eventually(async () => {
          const created = await createClass({ gymId, title: `Announced ${randomUUID()}`, startsAt: '2026-09-01T09:00:00Z' });
          return eventually(() => feed.results.find((r) => r.data?.tenantEvents.object.id === created.id), 1_000).catch(() => undefined);
        }, 15_000, 0);
        expect(lesson.data.tenantEvents).toMatchObject({ type: 'gymClass.created', tenant: slug, object: { gymId, capacity: 10, price: '12', level: 'BEGINNER' } });
        const id = lesson.data.tenantEvents.object.id;
        const delivered = await eventually(() => receiver.received.find((r) => r.body.object.id === id), 15_000);
        expect(delivered).toMatchObject({ signed: true, body: { type: 'gymClass.created', tenant: slug, object: { id, title: lesson.data.tenantEvents.object.title } } });
        await ok('mutation($id: ID!) { deleteGymClass(id: $id) { id } }', { id });
        expect(await eventually(() => receiver.received.find((r) => r.body.type === 'gymClass.deleted' && r.body.object.id === id), 15_000)).toMatchObject({ signed: true });
      } finally {
        await client.dispose();
        await ok('mutation($id: ID!) { deleteWebhook(id: $id) { id } }', { id: createWebhook.webhook.id });
      }
    });

    test('the rows a delete takes with it (onDelete: Cascade) are announced too: a gym, its classes and their bookings', async () => {
      const DELETE_GYM = 'mutation($id: ID!) { deleteGym(id: $id) { id } }';
      const { client } = connectWs(gw.url, { authorization: `Bearer ${owner.token}`, tenant: slug });
      try {
        const feed = operate(client, 'subscription { tenantEvents(types: ["gym.deleted", "gymClass.deleted", "classBooking.deleted"]) { type object } }');
        const deleted = (type: string, id: string) => feed.results.find((r) => r.data?.tenantEvents.type === type && r.data.tenantEvents.object.id === id);
        // Until the subscription is live, a gym deleted is not heard.
        await eventually(async () => {
          const { id } = await createGym('Heard');
          await ok(DELETE_GYM, { id });
          return eventually(() => deleted('gym.deleted', id), 1_000).catch(() => undefined);
        }, 15_000, 0);

        const gym = await createGym('Closing down');
        const morning = await createClass({ gymId: gym.id, title: 'Morning', startsAt: '2026-10-01T07:00:00Z' });
        const evening = await createClass({ gymId: gym.id, title: 'Evening', startsAt: '2026-10-01T19:00:00Z' });
        const booking = await book(morning.id, await createCustomer('Booked Ben'));
        await ok(DELETE_GYM, { id: gym.id });

        await eventually(() => deleted('classBooking.deleted', booking.id), 15_000);
        expect(deleted('gym.deleted', gym.id)!.data.tenantEvents.object).toMatchObject({ name: 'Closing down' });
        expect(deleted('gymClass.deleted', morning.id)!.data.tenantEvents.object).toMatchObject({ title: 'Morning', gymId: gym.id });
        expect(deleted('gymClass.deleted', evening.id)!.data.tenantEvents.object).toMatchObject({ title: 'Evening', gymId: gym.id });
        expect(deleted('classBooking.deleted', booking.id)!.data.tenantEvents.object).toMatchObject({ classId: morning.id });
        // Once each.
        const ours = [gym.id, morning.id, evening.id, booking.id];
        expect(feed.results.filter((r) => ours.includes(r.data?.tenantEvents.object.id)).length).toBe(4);
      } finally {
        await client.dispose();
      }
    });

    test('a generic mutation is in the audit log with its target, and the usage meter counts it', async () => {
      const today = new Date().toISOString().slice(0, 10);
      const USAGE = 'query($day: Date!) { usage(from: $day, to: $day) { apiCalls } }';
      const calls = async () => (await ok(USAGE, { day: today })).usage.reduce((n: number, d: { apiCalls: number }) => n + d.apiCalls, 0);
      const before = await calls();
      const gym = await createGym('Audited');
      expect(await calls()).toBe(before + 1);
      const { auditLog } = await ok('{ auditLog(action: "createGym", first: 20) { edges { node { action target details } } } }');
      const entry = auditLog.edges.map((e: any) => e.node).find((n: any) => n.target === gym.id);
      expect(entry).toMatchObject({ action: 'createGym', details: { args: { input: { name: 'Audited' } } } });
    });
  });
});

describe("a customer's data and its erasure cover the deployment's own rows about them", () => {
  describe.each(tenantPlacements)('on $engine, $isolation isolation', (placement) => {
    const slug = slugOf(placement);
    const ok = async (query: string, variables: Record<string, unknown> = {}) => {
      const { body } = await gw.request(query, { token: admin.token, tenant: slug, variables });
      if (body.errors) throw new Error(`${query}\n${JSON.stringify(body.errors)}`);
      return body.data;
    };
    const NOTE = 'knee injury: no jumping';

    test('customerData lists their bookings; eraseCustomer clears the @personal note, in the booking and its event, and keeps the booking; the audit log never held it', async () => {
      const gym = (await ok('mutation { createGym(input: { name: "Erasure Gym" }) { id } }')).createGym.id;
      const yoga = (await ok('mutation($g: ID!) { createGymClass(input: { gymId: $g, title: "Yoga", startsAt: "2026-07-04T09:00:00Z", capacity: 8, price: "10" }) { id } }', { g: gym })).createGymClass.id;
      const nadia = (await ok('mutation { createCustomer(input: { name: "Nadia Erasure" }) { id } }')).createCustomer.id;
      const booking = (await ok('mutation($i: CreateClassBookingInput!) { createClassBooking(input: $i) { id } }', { i: { classId: yoga, customerId: nadia, note: NOTE } })).createClassBooking.id;
      const before = (await ok('query($id: ID!) { customerData(id: $id) }', { id: nadia })).customerData;
      expect(before.classBookings).toEqual([expect.objectContaining({ id: booking, classId: yoga, note: NOTE })]);
      expect(before.analyticsEvents.map((e: { type: string }) => e.type)).toContain('classBooking.created');

      await ok('mutation($id: ID!) { eraseCustomer(id: $id) { id } }', { id: nadia });
      const after = (await ok('query($id: ID!) { customerData(id: $id) }', { id: nadia })).customerData;
      expect(after.classBookings).toEqual([expect.objectContaining({ id: booking, classId: yoga, note: null })]);
      expect(JSON.stringify(after)).not.toContain(NOTE);
      expect(JSON.stringify(after)).not.toContain('Nadia');

      // Nor does the audit log: the generated input's @personal field was recorded as the placeholder.
      const AUDIT = '{ auditLog(first: 100, where: { action: { in: ["createCustomer", "createClassBooking"] } }) { edges { node { action target details } } } }';
      const entries: any[] = (await ok(AUDIT)).auditLog.edges.map((e: any) => e.node);
      expect(entries.find((e) => e.target === booking).details.args.input).toEqual({ classId: yoga, customerId: nadia, note: '[personal]' });
      expect(entries.find((e) => e.target === nadia).details.args.input).toEqual({ name: '[personal]' });
      expect(JSON.stringify(entries)).not.toContain(NOTE);
      expect(JSON.stringify(entries)).not.toContain('Nadia');
    });
  });
});

describe('a column added to a built-in module’s model, with no other change', () => {
  describe.each(tenantPlacements)('on $engine, $isolation isolation', (placement) => {
    const slug = slugOf(placement);
    const ok = async (query: string) => {
      const { body } = await gw.request(query, { token: owner.token, tenant: slug });
      if (body.errors) throw new Error(`${query}\n${JSON.stringify(body.errors)}`);
      return body.data;
    };

    beforeAll(async () => {
      // The hand-written createCustomer knows nothing of the new columns: they are set as another program would set them.
      const names = ['Tier Gold A', 'Tier Silver', 'Tier Gold B', 'Tier None'];
      const ids: string[] = [];
      for (const name of names) ids.push((await ok(`mutation { createCustomer(input: { name: "${name}" }) { id } }`)).createCustomer.id);
      const values: Array<[string | null, number]> = [['gold', 120], ['silver', 40], ['gold', 80], [null, 0]];
      await onTenantTables(placement, slug, async (run) => {
        for (const [i, [tier, points]] of values.entries()) await run('UPDATE "Customer" SET "loyaltyTier" = $1, "loyaltyPoints" = $2 WHERE id = $3', [tier, points, ids[i]]);
      });
    });

    test("its @access holds wherever a customer appears: the graph's lists and a report's customer alike", async () => {
      const ask = (query: string, as: DeploymentUser) => gw.request(query, { token: as.token, tenant: slug });
      const { customers } = await ok('{ customers(where: { name: { eq: "Tier Gold A" } }) { nodes { id } } }');
      const id = customers.nodes[0].id;
      const LEDGER = `{ customerLedger(customerId: "${id}") { customer { name loyaltyPoints } } }`;
      expect((await ask(LEDGER, admin)).body.data).toEqual({ customerLedger: { customer: { name: 'Tier Gold A', loyaltyPoints: 120 } } });
      for (const query of [`{ customer(id: "${id}") { name loyaltyPoints } }`, LEDGER]) {
        const { body } = await ask(query, member);
        expect({ query, codes: body.errors?.map((e) => e.extensions.code) }).toEqual({ query, codes: ['FORBIDDEN'] });
      }
      expect((await ask(`{ customerLedger(customerId: "${id}") { customer { name loyaltyTier } } }`, member)).body.data).toEqual({
        customerLedger: { customer: { name: 'Tier Gold A', loyaltyTier: 'gold' } },
      });
    });

    test('queryable, sortable and filterable; grouped and aggregated as its type allows', async () => {
      const { customers } = await ok(`{ customers(where: { name: { startsWith: "Tier " }, loyaltyTier: { isNull: false } }, orderBy: [LOYALTY_TIER_ASC, LOYALTY_POINTS_DESC]) {
        nodes { name loyaltyTier loyaltyPoints }
        aggregates { count sum { loyaltyPoints } max { loyaltyPoints } }
        groupedAggregates(groupBy: [LOYALTY_TIER]) { keys count avg { loyaltyPoints } }
      } }`);
      expect(customers.nodes).toEqual([
        { name: 'Tier Gold A', loyaltyTier: 'gold', loyaltyPoints: 120 },
        { name: 'Tier Gold B', loyaltyTier: 'gold', loyaltyPoints: 80 },
        { name: 'Tier Silver', loyaltyTier: 'silver', loyaltyPoints: 40 },
      ]);
      expect(customers.aggregates).toEqual({ count: 3, sum: { loyaltyPoints: '240' }, max: { loyaltyPoints: 120 } });
      expect(customers.groupedAggregates).toEqual(
        expect.arrayContaining([
          { keys: ['gold'], count: 2, avg: { loyaltyPoints: '100' } },
          { keys: ['silver'], count: 1, avg: { loyaltyPoints: '40' } },
        ]),
      );
      const sorted = await ok('{ customers(where: { name: { startsWith: "Tier " } }, orderBy: [LOYALTY_TIER_DESC]) { nodes { loyaltyTier } } }');
      // Nulls sort as larger than any value on both engines.
      expect(sorted.customers.nodes.map((c: { loyaltyTier: string | null }) => c.loyaltyTier)).toEqual([null, 'silver', 'gold', 'gold']);
    });
  });
});

describe('the deployment as its operators run it', () => {
  test('PostgreSQL tenants are copied from a template made from the migrations, the gym tables among them', async () => {
    const templates = await onServerSql(gw.dbs.serverUrl, 'SELECT datname FROM pg_database WHERE starts_with(datname, $1) AND datistemplate', [`${gw.dbs.prefix}_template_`]);
    expect(templates).toHaveLength(1);
    expect(gw.process.output()).not.toContain('the template database could not be used');
    const tenantDatabase = withDatabase(gw.dbs.serverUrl, tenantStorageName(gw.dbs.prefix, slugOf({ engine: 'postgresql', isolation: 'DATABASE' })));
    const tables = await onServerSql(tenantDatabase, `SELECT table_name FROM information_schema.tables WHERE table_name IN ('Gym', 'GymClass', 'ClassBooking', 'Trainer') ORDER BY 1`);
    expect(tables.map((t) => t.table_name)).toEqual(['ClassBooking', 'Gym', 'GymClass', 'Trainer']);
  });

  test('`npm run db -- status` counts the gym migration applied on every tenant, and verify finds their tables as the migrations made them', async () => {
    const status = await gw.db(['status']);
    expect(status.code).toBe(0);
    for (const placement of tenantPlacements) {
      const row = status.out.split('\n').find((line) => line.startsWith(`${slugOf(placement)} `));
      expect(row).toMatch(new RegExp(` ${migrationsOf(placement.engine)} +0 +ok$`));
    }
    const verify = await gw.db(['verify']);
    expect(verify.code).toBe(0);
    for (const placement of tenantPlacements) expect(verify.out).toMatch(new RegExp(`${slugOf(placement)}: matches ${migrationsOf(placement.engine)} migration`));
  });

  test('a tenant at its plan’s storage limit creates no more gym rows', async () => {
    await onServerSql(gw.dbs.platformUrl, `INSERT INTO "Plan" (id, code, name, "monthlyPrice", "annualPrice", "maxStorageMb", "trialDays") VALUES (gen_random_uuid(), 'no-room', 'No room', 10, 100, 0, 0)`);
    await gw.createTenant(owner, { slug: 'no-room', plan: 'no-room' });
    const { body } = await gw.request('mutation { createGym(input: { name: "Crammed" }) { id } }', { token: owner.token, tenant: 'no-room' });
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'PLAN_LIMIT_EXCEEDED', limitName: 'maxStorageMb', limit: 0 });
  });

  test('schema.graphql, written by `npm run schema` in the deployment, has the gym types and their mutations', async () => {
    await promisify(execFile)(process.execPath, [path.join(deploymentDir, 'dist/src/cli/emitSchema.js')], { cwd: deploymentDir, timeout: 60_000 });
    const schema = readFileSync(path.join(deploymentDir, 'schema.graphql'), 'utf8');
    for (const line of ['type Gym {', 'type GymClass {', 'input CreateGymClassInput {', 'createGymClass(input: CreateGymClassInput!): GymClass!', 'enum GymClassOrderBy {', 'loyaltyTier: String']) {
      expect(schema).toContain(line);
    }
  });
});

async function onServerSql(url: string, sql: string, values: unknown[] = []): Promise<any[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Runs statements on the tenant's own tables, as a program other than the gateway would. */
async function onTenantTables(placement: { engine: string; isolation: string }, slug: string, work: (run: (sql: string, values: unknown[]) => Promise<unknown>) => Promise<void>) {
  const name = tenantStorageName(gw.dbs.prefix, slug);
  if (placement.engine === 'mysql') {
    await withMysql(withDatabase(MYSQL_URL!, name), (sql) => work((text, values) => sql.query(text.replace(/"/g, '`').replace(/\$\d/g, '?'), values)));
    return;
  }
  const shared = placement.isolation === 'SCHEMA';
  // A POOL tenant's rows are in the pool's tables (the statements name rows by their ids, which no other tenant there has).
  const database = placement.isolation === 'POOL' ? `${gw.dbs.prefix}pool` : shared ? `${gw.dbs.prefix}shared` : name;
  const client = new pg.Client({ connectionString: withDatabase(gw.dbs.serverUrl, database) });
  await client.connect();
  try {
    if (shared) await client.query(`SET search_path TO "${name}"`);
    await work((text, values) => client.query(text, values));
  } finally {
    await client.end();
  }
}
