/**
 * The project-file schema is itself a sound JSON Schema 2020-12, and every
 * property in it explains itself with a title and a description (editors show them).
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';

const addFormats = (addFormatsModule as any).default ?? addFormatsModule;

type Schema = Record<string, unknown>;

const schema = JSON.parse(readFileSync(new URL('../schemas/project.schema.json', import.meta.url), 'utf8')) as Schema;

function newAjv(): InstanceType<typeof Ajv2020> {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  return ajv;
}

/** Every entry of every `properties` object anywhere in the schema, with its JSON pointer. */
function allProperties(node: unknown, pointer = ''): Array<{ pointer: string; property: Schema }> {
  const found: Array<{ pointer: string; property: Schema }> = [];
  if (Array.isArray(node)) {
    node.forEach((item, i) => found.push(...allProperties(item, `${pointer}/${i}`)));
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node as Schema)) {
      const at = `${pointer}/${key}`;
      if (key === 'properties' && value !== null && typeof value === 'object') {
        for (const [name, property] of Object.entries(value as Schema)) {
          found.push({ pointer: `${at}/${name}`, property: property as Schema });
          found.push(...allProperties(property, `${at}/${name}`));
        }
      } else {
        found.push(...allProperties(value, at));
      }
    }
  }
  return found;
}

describe('schemas/project.schema.json', () => {
  it('declares JSON Schema 2020-12', () => {
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('is valid against the 2020-12 meta-schema', () => {
    const ajv = newAjv();
    const valid = ajv.validateSchema(schema);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('compiles in strict mode', () => {
    const ajv = newAjv();
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('the compiled schema accepts a minimal project and refuses a wrong version', () => {
    const validate = newAjv().compile(schema);
    expect(validate({ version: 1, project: { name: 'P' }, activities: [{ id: 'x', name: 'X' }] })).toBe(true);
    expect(validate({ version: 2, project: { name: 'P' }, activities: [] })).toBe(false);
  });

  it('every property, in the root and in $defs, has a title and a description', () => {
    const properties = allProperties(schema);
    // Sanity: the walk reaches the nested definitions, not only the top level.
    expect(properties.map((p) => p.pointer)).toEqual(expect.arrayContaining(['/properties/version', '/$defs/activity/properties/decisions', '/$defs/seats/properties/held']));
    const lacking = properties
      .filter(({ property }) => typeof property['title'] !== 'string' || property['title'] === '' || typeof property['description'] !== 'string' || property['description'] === '')
      .map(({ pointer }) => pointer);
    expect(lacking).toEqual([]);
  });

  it('every $defs entry has a title and a description', () => {
    const defs = schema['$defs'] as Record<string, Schema>;
    const lacking = Object.entries(defs)
      .filter(([, def]) => typeof def['title'] !== 'string' || typeof def['description'] !== 'string')
      .map(([name]) => name);
    expect(lacking).toEqual([]);
  });
});

describe('words the schema accepts besides its own', () => {
  it('every word read as another value is in the schema, so editors accept it, and its description says what it means', async () => {
    const { ACCEPTED } = await import('../src/load/synonyms.js');
    const defs = schema['$defs'] as Record<string, Schema>;
    const found = allProperties(schema);
    expect(Object.keys(ACCEPTED).length).toBeGreaterThan(0);
    for (const [field, words] of Object.entries(ACCEPTED)) {
      const places = found.filter(({ pointer }) => pointer.endsWith(`/properties/${field}`));
      expect(places.length, field).toBeGreaterThan(0);
      for (const { pointer, property } of places) {
        const target = typeof property['$ref'] === 'string' ? defs[(property['$ref'] as string).split('/').pop()!]! : property;
        for (const [word, value] of Object.entries(words)) {
          expect(target['enum'], `${pointer}: ${word}`).toContain(word);
          expect(target['enum'], `${pointer}: ${value}`).toContain(value);
          expect(String(property['description']), `${pointer}: ${word}`).toContain(`${word} means ${value}`);
        }
      }
    }
  });
});
