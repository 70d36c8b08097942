import { RenderError } from './render';

it('says clearly that neither kubectl nor kustomize is on PATH', () => {
  const path = process.env.PATH;
  process.env.PATH = '/nonexistent';
  try {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const render = require('./render') as typeof import('./render');
      let thrown: unknown;
      try {
        render.renderKustomization('base');
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(render.RenderError);
      expect((thrown as RenderError).code).toBe('K8S.NO_RENDERER');
      expect((thrown as RenderError).message).toMatch(/neither `kubectl` nor `kustomize` is on PATH/);
    });
  } finally {
    process.env.PATH = path;
  }
});

it('names the kustomization that does not render and why', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const render = require('./render') as typeof import('./render');
  expect(() => render.renderKustomization('no-such-dir')).toThrow(/no-such-dir does not render: .+/);
});
