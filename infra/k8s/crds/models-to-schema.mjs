#!/usr/bin/env node
// Turns the published TypeScript declarations of a kubernetes-models package into one
// JSON Schema per API group version (a shared $defs plus one entry per kind), for the
// operators that publish no CRD YAML to the registries reachable here.
//
//   node models-to-schema.mjs <node_modules dir> <package> <out.json> <apiVersion>/<Kind>...
//
// Objects get additionalProperties: false (unknown fields rejected, as the API server's
// strict field validation does); string index signatures become maps; `any`/`{}` stay open.
// What the declarations cannot carry is lost: Go enums typed as plain strings, formats,
// integer vs number, CEL rules.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [modulesDir, pkg, outFile, ...targets] = process.argv.slice(2);
if (!modulesDir || !pkg || !outFile || targets.length === 0) {
  console.error('usage: models-to-schema.mjs <node_modules> <package> <out.json> <apiVersion>/<Kind>...');
  process.exit(2);
}
const ts = createRequire(path.join(process.cwd(), 'noop.js'))('typescript');

function kindFile(target) {
  const kind = target.split('/').pop();
  const groupVersion = target.slice(0, -kind.length - 1);
  const dir = groupVersion.includes('/') ? groupVersion : `v1`;
  return { kind, groupVersion, file: path.join(modulesDir, pkg, dir, `${kind}.d.ts`) };
}

const wanted = targets.map(kindFile);
const program = ts.createProgram(wanted.map((w) => w.file), {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  baseUrl: modulesDir,
  noEmit: true,
  skipLibCheck: true,
});
const checker = program.getTypeChecker();
const defs = {};
const named = new Map();

function defName(type) {
  const base = (type.aliasSymbol ?? type.getSymbol())?.getName() ?? 'Anonymous';
  let name = base.replace(/^I(?=[A-Z])/, '');
  for (let i = 2; name in defs && named.get(type) !== name; i++) name = `${base}${i}`;
  return name;
}

function unionSchema(types) {
  const present = types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
  if (present.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) return { type: 'boolean' };
  if (present.every((t) => t.isStringLiteral())) return { type: 'string', enum: present.map((t) => t.value) };
  if (present.length === 1) return toSchema(present[0]);
  return { anyOf: present.map(toSchema) };
}

function objectSchema(type) {
  if (named.has(type)) return { $ref: `#/$defs/${named.get(type)}` };
  const props = checker.getPropertiesOfType(type);
  const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
  if (props.length === 0) return index ? { type: 'object', additionalProperties: toSchema(index.type) } : { type: 'object' };
  const name = defName(type);
  named.set(type, name);
  defs[name] = {};
  const properties = {};
  const required = [];
  for (const p of props) {
    properties[p.getName()] = toSchema(checker.getTypeOfSymbol(p));
    if (!(p.flags & ts.SymbolFlags.Optional)) required.push(p.getName());
  }
  defs[name] = { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: index ? toSchema(index.type) : false };
  return { $ref: `#/$defs/${name}` };
}

function toSchema(type) {
  const f = type.flags;
  if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
  if (type.isUnion()) return unionSchema(type.types);
  if (type.isStringLiteral()) return { type: 'string', enum: [type.value] };
  if (type.isNumberLiteral()) return { type: 'number', enum: [type.value] };
  if (f & ts.TypeFlags.String) return { type: 'string' };
  if (f & ts.TypeFlags.Number) return { type: 'number' };
  if (f & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return { type: 'boolean' };
  if (checker.isArrayType(type)) return { type: 'array', items: toSchema(checker.getTypeArguments(type)[0]) };
  if (f & ts.TypeFlags.Object) return objectSchema(type);
  return {};
}

const kinds = {};
for (const w of wanted) {
  const source = program.getSourceFile(w.file);
  if (!source) throw new Error(`${w.file} not found`);
  const decl = source.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === `I${w.kind}`);
  if (!decl) throw new Error(`interface I${w.kind} not found in ${w.file}`);
  const type = checker.getTypeAtLocation(decl.name);
  kinds[`${w.groupVersion}/${w.kind}`] = toSchema(type);
}
const version = JSON.parse(fs.readFileSync(path.join(modulesDir, pkg, 'package.json'), 'utf8')).version;
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, JSON.stringify({ generatedFrom: `${pkg}@${version}`, kinds, $defs: defs }, null, 1) + '\n');
console.log(`${outFile}: ${Object.keys(kinds).length} kinds, ${Object.keys(defs).length} definitions`);
