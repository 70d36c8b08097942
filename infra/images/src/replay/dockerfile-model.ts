import { DockerfileParser, type Arg, type Copy, type Env, type From, type Instruction, type JSONInstruction } from 'dockerfile-ast';
import { ImagesError, ImagesErrorCode } from '../images.errors';

/** One instruction of a stage, in the terms the replay acts on. */
export type Step =
  | { kind: 'arg'; name: string; fallback?: string }
  | { kind: 'env'; values: Array<[string, string]> }
  | { kind: 'workdir'; path: string }
  | { kind: 'copy'; from?: string; sources: string[]; destination: string }
  | { kind: 'run'; script: string }
  | { kind: 'cmd'; argv: string[] }
  | { kind: 'user'; user: string }
  | { kind: 'other'; keyword: string; text: string };

export interface Stage {
  name: string;
  /** An earlier stage's name, or an image reference (possibly with ${ARG}s). */
  base: string;
  steps: Step[];
}

export interface DockerfileModel {
  /** ARGs before the first FROM, with their defaults. */
  globalArgs: Record<string, string | undefined>;
  stages: Stage[];
}

function invalid(detail: string): ImagesError {
  return new ImagesError(ImagesErrorCode.UnreadableDockerfile, `Dockerfile không đọc được: ${detail}`, `unreadable Dockerfile: ${detail}`);
}

function argumentsOf(instruction: Instruction): string[] {
  return instruction.getArguments().map((argument) => argument.getValue());
}

function stepOf(instruction: Instruction): Step {
  const keyword = instruction.getKeyword();
  switch (keyword) {
    case 'ARG': {
      const property = (instruction as Arg).getProperty();
      if (!property) throw invalid(`ARG without a name: ${instruction.toString()}`);
      return { kind: 'arg', name: property.getName(), fallback: property.getValue() ?? undefined };
    }
    case 'ENV':
      return { kind: 'env', values: (instruction as Env).getProperties().map((property) => [property.getName(), property.getValue() ?? '']) };
    case 'WORKDIR':
      return { kind: 'workdir', path: argumentsOf(instruction).join(' ') };
    case 'COPY': {
      const paths = argumentsOf(instruction);
      if (paths.length < 2) throw invalid(`COPY needs a source and a destination: ${instruction.toString()}`);
      return { kind: 'copy', from: (instruction as Copy).getFromFlag()?.getValue() ?? undefined, sources: paths.slice(0, -1), destination: paths[paths.length - 1] };
    }
    case 'RUN':
      return { kind: 'run', script: instruction.getArgumentsContent() ?? '' };
    case 'CMD':
      return { kind: 'cmd', argv: (instruction as JSONInstruction).getJSONStrings().map((word) => word.getJSONValue()) };
    case 'USER':
      return { kind: 'user', user: argumentsOf(instruction).join(' ') };
    default:
      return { kind: 'other', keyword, text: instruction.toString() };
  }
}

/** The Dockerfile's stages and steps; every stage must be named (`FROM … AS <name>`). */
export function readDockerfile(text: string): DockerfileModel {
  const model: DockerfileModel = { globalArgs: {}, stages: [] };
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    const current = model.stages[model.stages.length - 1];
    if (instruction.getKeyword() === 'FROM') {
      const from = instruction as From;
      const name = from.getBuildStage();
      if (!name) throw invalid(`every stage needs a name: ${instruction.toString()}`);
      model.stages.push({ name, base: from.getImage() ?? '', steps: [] });
    } else if (current) {
      current.steps.push(stepOf(instruction));
    } else {
      const step = stepOf(instruction);
      if (step.kind === 'arg') model.globalArgs[step.name] = step.fallback;
    }
  }
  return model;
}

/** The stages `target` needs (its bases and the stages it copies from), in file order. */
export function stagesFor(model: DockerfileModel, target: string): Stage[] {
  const byName = new Map(model.stages.map((stage) => [stage.name, stage]));
  if (!byName.has(target)) throw invalid(`no stage named ${target}`);
  const needed = new Set<string>();
  const visit = (name: string): void => {
    const stage = byName.get(name);
    if (!stage || needed.has(name)) return;
    needed.add(name);
    visit(stage.base);
    for (const step of stage.steps) if (step.kind === 'copy' && step.from) visit(step.from);
  };
  visit(target);
  return model.stages.filter((stage) => needed.has(stage.name));
}

/** `$NAME` and `${NAME}` replaced by their values (unknown ones by nothing, as Docker does). */
export function expandVariables(text: string, values: Readonly<Record<string, string | undefined>>): string {
  return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_match, braced?: string, bare?: string) => values[braced ?? bare ?? ''] ?? '');
}
