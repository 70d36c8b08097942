import { Kind, parse, parseType, print, visit, type FieldDefinitionNode, type InputValueDefinitionNode } from 'graphql';
import { readReleases, type SchemaRelease } from './schema-releases';

/** The first release (0.1.0), never edited again: the copy every planted change starts from. */
export function firstRelease(): SchemaRelease {
  const release = readReleases()[0];
  if (!release) throw new Error('gateway/schema/releases has no release');
  return release;
}

type FieldEdit = (field: FieldDefinitionNode) => FieldDefinitionNode | null;

/** `sdl` with the field `Type.field` replaced by what `edit` returns (removed on null). */
export function editField(sdl: string, coordinate: string, edit: FieldEdit): string {
  const [typeName, fieldName] = coordinate.split('.');
  let found = false;
  const result = visit(parse(sdl), {
    ObjectTypeDefinition(type) {
      if (type.name.value !== typeName) return undefined;
      const fields = (type.fields ?? []).flatMap((field) => {
        if (field.name.value !== fieldName) return [field];
        found = true;
        const edited = edit(field);
        return edited ? [edited] : [];
      });
      return { ...type, fields };
    },
  });
  if (!found) throw new Error(`no field ${coordinate} to plant a change on`);
  return print(result);
}

export const removeField = (sdl: string, coordinate: string) => editField(sdl, coordinate, () => null);

export const changeFieldType = (sdl: string, coordinate: string, type: string) => editField(sdl, coordinate, (field) => ({ ...field, type: parseType(type) }));

export function addArgument(sdl: string, coordinate: string, name: string, type: string): string {
  const argument: InputValueDefinitionNode = { kind: Kind.INPUT_VALUE_DEFINITION, name: { kind: Kind.NAME, value: name }, type: parseType(type) };
  return editField(sdl, coordinate, (field) => ({ ...field, arguments: [...(field.arguments ?? []), argument] }));
}

export function deprecateField(sdl: string, coordinate: string, reason: string): string {
  return editField(sdl, coordinate, (field) => ({
    ...field,
    directives: [
      ...(field.directives ?? []),
      { kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: 'deprecated' }, arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'reason' }, value: { kind: Kind.STRING, value: reason } }] },
    ],
  }));
}

/** `sdl` with `text` (one or more definitions) added at the end. */
export const addDefinitions = (sdl: string, text: string) => `${sdl.trimEnd()}\n\n${text}\n`;

export function removeInputField(sdl: string, coordinate: string): string {
  const [typeName, fieldName] = coordinate.split('.');
  const result = visit(parse(sdl), {
    InputObjectTypeDefinition: (type) => (type.name.value === typeName ? { ...type, fields: type.fields?.filter((field) => field.name.value !== fieldName) } : undefined),
  });
  const edited = print(result);
  if (edited === print(parse(sdl))) throw new Error(`no input field ${coordinate} to plant a change on`);
  return edited;
}
