// The tenant model as the gateway uses it: read from the tenant Prisma schema's
// datamodel at build time and written to src/generated/tenantModel.json, from which
// the tenant GraphQL graph, its planner and its generic mutations are generated.
//
// A model or field may carry annotations in its documentation comment (`///`), one
// per line; every other line is its description:
//   @name AnalyticsEvent                 the GraphQL type's name (default: the model's)
//   @plural analyticsEvents              the list field's name (default: pluralized)
//   @hidden                              not in the graph (internal tables, columns, relations)
//   @order position, createdAt desc      the default order of its lists (ties broken by id)
//   @access read: VIEWER, write: ADMIN   who may read and write it (a field: read only)
//   @type [String]                       a Json field's GraphQL type (default JSON)
//   @personal                            a text column holding personal data of the customer its row
//                                        concerns: eraseCustomer clears it (src/modules/customers)
'use strict';

const pluralize = require('pluralize');
const { TENANT_MODELS } = require('./tenant-modules.cjs');

const ROLES = ['VIEWER', 'MEMBER', 'ADMIN', 'OWNER'];
const DEFAULT_ACCESS = { read: 'VIEWER', write: 'MEMBER' };

const lowerFirst = (name) => name[0].toLowerCase() + name.slice(1);

/** Splits a documentation comment into its description and its annotations. */
function readDocumentation(text, where) {
  const description = [];
  const annotations = {};
  for (const line of (text ?? '').split('\n')) {
    const match = /^\s*@([a-z]+)\b\s*(.*)$/.exec(line);
    if (!match) {
      description.push(line);
      continue;
    }
    const [, name, value] = match;
    if (!['name', 'plural', 'hidden', 'order', 'access', 'type', 'personal'].includes(name)) throw new Error(`${where}: unknown annotation @${name}`);
    annotations[name] = value.trim();
  }
  const joined = description.join('\n').trim();
  return { description: joined || undefined, annotations };
}

function readAccess(value, where, allowed) {
  const access = {};
  for (const part of value.split(',')) {
    const [what, role] = part.split(':').map((s) => s.trim());
    if (!allowed.includes(what) || !ROLES.includes(role)) throw new Error(`${where}: @access takes ${allowed.map((a) => `${a}: <${ROLES.join('|')}>`).join(', ')}; got "${value}"`);
    access[what] = role;
  }
  return access;
}

function readOrder(value, fields, where) {
  return value.split(',').map((part) => {
    const [field, direction = 'asc', extra] = part.trim().split(/\s+/);
    if (extra !== undefined || !['asc', 'desc'].includes(direction)) throw new Error(`${where}: @order takes "field [asc|desc], ..."; got "${value}"`);
    if (!fields.some((f) => f.name === field)) throw new Error(`${where}: @order names ${field}, which is not a column of the model`);
    return [field, direction];
  });
}

/** The GraphQL scalar of a column, from its Prisma type and native type. */
function scalarOf(field, where) {
  if (field.kind === 'enum') return 'Enum';
  const native = field.nativeType?.[0];
  switch (field.type) {
    case 'String':
      return native === 'Uuid' ? 'ID' : 'String';
    case 'Int':
    case 'Float':
    case 'Boolean':
    case 'Decimal':
    case 'Json':
      return field.type;
    case 'DateTime':
      return native === 'Date' ? 'Date' : 'DateTime';
    default:
      throw new Error(`${where}: the tenant graph has no GraphQL type for Prisma type ${field.type}`);
  }
}

// A Decimal without a native type is Prisma's DECIMAL(65,30) on both engines.
const DEFAULT_DECIMAL = ['65', '30'];

/** The digits a Decimal column keeps before and after the point, from @db.Decimal(p, s). */
function digitsOf(field) {
  if (field.type !== 'Decimal') return undefined;
  const [precision, scale] = field.nativeType?.[0] === 'Decimal' ? field.nativeType[1] : DEFAULT_DECIMAL;
  return { integer: Number(precision) - Number(scale), fraction: Number(scale) };
}

function columnOf(model, field) {
  if (field.kind !== 'scalar' && field.kind !== 'enum') throw new Error(`${model.name}.${field.name} is not a column`);
  return field.dbName ?? field.name;
}

/**
 * The tenant model of a Prisma datamodel (see the top of this file). `sources` is the
 * assembled manifest's source of each model: a built-in module claims its models; the
 * deployment's own (tenant-models) are claimed by none, and get the generic mutations.
 * `lengths` says how many characters each String column holds on every engine
 * (column-lengths.cjs; null: any).
 */
function tenantModel(datamodel, sources = {}, lengths = {}) {
  const claimOf = (name) => (sources[name] && sources[name] !== TENANT_MODELS ? sources[name] : undefined);
  const models = datamodel.models.map((model) => {
    const where = `model ${model.name}`;
    const { description, annotations } = readDocumentation(model.documentation, where);
    const byName = new Map(model.fields.map((f) => [f.name, f]));
    const idFields = model.fields.filter((f) => f.isId);
    const hidden = 'hidden' in annotations;
    if ('personal' in annotations) throw new Error(`${where}: @personal marks a field, not a model`);
    if (!hidden && (idFields.length !== 1 || idFields[0].name !== 'id' || scalarOf(idFields[0], where) !== 'ID')) {
      throw new Error(`${where}: a model of the tenant graph has one id, a field named id of type String @db.Uuid (or mark it /// @hidden)`);
    }
    const columns = [];
    const relations = [];
    for (const field of model.fields) {
      const at = `${model.name}.${field.name}`;
      const doc = readDocumentation(field.documentation, at);
      const fieldHidden = 'hidden' in doc.annotations;
      const fieldAccess = doc.annotations.access ? readAccess(doc.annotations.access, at, ['read']) : {};
      if (field.kind === 'object') {
        if ('personal' in doc.annotations) throw new Error(`${at}: @personal marks a text column, not a relation`);
        const target = datamodel.models.find((m) => m.name === field.type);
        const other = target.fields.find((f) => f.kind === 'object' && f.relationName === field.relationName && (f !== field));
        const holdsKey = (field.relationFromFields ?? []).length > 0;
        const keyFields = holdsKey ? field.relationFromFields : other.relationFromFields;
        const referenced = holdsKey ? field.relationToFields : other.relationToFields;
        if (keyFields.length !== 1 || referenced.length !== 1) throw new Error(`${at}: the tenant graph joins relations on one column; this one has ${keyFields.length}`);
        const local = holdsKey ? byName.get(keyFields[0]) : byName.get(referenced[0]);
        const remote = holdsKey ? target.fields.find((f) => f.name === referenced[0]) : target.fields.find((f) => f.name === keyFields[0]);
        relations.push({
          name: field.name,
          target: field.type,
          kind: field.isList ? 'many' : 'one',
          // this.localColumn = target.targetColumn
          localColumn: columnOf(model, local),
          targetColumn: columnOf(target, remote),
          nullable: !field.isList && !field.isRequired,
          // Deleting the target deletes these rows too (the database does it; the gateway announces them).
          ...(holdsKey && field.relationOnDelete === 'Cascade' ? { cascades: true } : {}),
          ...(doc.description ? { description: doc.description } : {}),
          ...(fieldHidden ? { hidden: true } : {}),
          ...(doc.annotations.order ? { order: readOrder(doc.annotations.order, target.fields, at) } : {}),
          ...(fieldAccess.read ? { readRole: fieldAccess.read } : {}),
        });
        continue;
      }
      if (field.kind !== 'scalar' && field.kind !== 'enum') throw new Error(`${at}: unsupported field kind ${field.kind}`);
      if (field.isList) throw new Error(`${at}: the tenant graph has no scalar lists (use Json with /// @type [String])`);
      const scalar = scalarOf(field, at);
      if (doc.annotations.type !== undefined && scalar !== 'Json') throw new Error(`${at}: @type applies to Json fields`);
      const personal = 'personal' in doc.annotations;
      // Erasing puts null in a column, or a placeholder where it cannot be null: the same
      // placeholder in two rows of a unique column would refuse the second erasure.
      if (personal && (scalar !== 'String' || (field.isRequired && field.isUnique))) {
        throw new Error(`${at}: @personal marks a String column that is nullable or not unique`);
      }
      const maxLength = lengths[model.name]?.[field.name] ?? undefined;
      const digits = digitsOf(field);
      columns.push({
        name: field.name,
        column: columnOf(model, field),
        scalar,
        ...(field.kind === 'enum' ? { enum: field.type } : {}),
        nullable: !field.isRequired,
        ...(field.isId ? { isId: true } : {}),
        ...(field.isUnique ? { isUnique: true } : {}),
        ...(field.hasDefaultValue ? { hasDefault: true } : {}),
        ...(field.isUpdatedAt ? { isUpdatedAt: true } : {}),
        ...(maxLength !== undefined && maxLength !== null ? { maxLength } : {}),
        ...(digits ? { digits } : {}),
        ...(doc.annotations.type ? { graphqlType: doc.annotations.type } : {}),
        ...(doc.description ? { description: doc.description } : {}),
        ...(fieldHidden ? { hidden: true } : {}),
        ...(fieldAccess.read ? { readRole: fieldAccess.read } : {}),
        ...(personal ? { personal: true } : {}),
      });
    }
    const typeName = annotations.name || model.name;
    const order = annotations.order ? readOrder(annotations.order, model.fields, where) : [];
    if (!hidden && !order.some(([field]) => field === 'id')) order.push(['id', 'asc']);
    return {
      name: model.name,
      typeName,
      table: model.dbName ?? model.name,
      plural: annotations.plural || lowerFirst(pluralize(typeName)),
      singular: lowerFirst(typeName),
      ...(claimOf(model.name) ? { module: claimOf(model.name) } : {}),
      ...(description ? { description } : {}),
      ...(hidden ? { hidden: true } : {}),
      order,
      access: { ...DEFAULT_ACCESS, ...(annotations.access ? readAccess(annotations.access, where, ['read', 'write']) : {}) },
      columns,
      relations,
    };
  });
  const visible = new Set(models.filter((m) => !m.hidden).map((m) => m.name));
  for (const model of models) {
    for (const relation of model.relations) {
      if (!model.hidden && !relation.hidden && !visible.has(relation.target)) relation.hidden = true;
    }
  }
  const enums = datamodel.enums.map((e) => {
    const { description } = readDocumentation(e.documentation, `enum ${e.name}`);
    const valueDescriptions = Object.fromEntries(e.values.filter((v) => v.documentation).map((v) => [v.name, v.documentation]));
    return {
      name: e.name,
      values: e.values.map((v) => v.name),
      ...(description ? { description } : {}),
      ...(Object.keys(valueDescriptions).length ? { valueDescriptions } : {}),
    };
  });
  return { models, enums };
}

module.exports = { tenantModel };
