import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { programName, TracingConfigError, tracingSettings } from './tracing.settings';

/** A script inside a package named `name`, in a fresh folder. */
function scriptOfPackage(name: string): string {
  const root = mkdtempSync(join(tmpdir(), 'telemetry-'));
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name }));
  return join(root, 'dist', 'main.js');
}

describe('tracing settings', () => {
  const reform = scriptOfPackage('@ps/reform');

  it('keeps tracing off without an OTLP endpoint, or with an empty one (the .env.example default)', () => {
    expect(tracingSettings({}, reform)).toBeUndefined();
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: '', OTEL_SERVICE_NAME: '' }, reform)).toBeUndefined();
  });

  it('turns on with the base or the traces endpoint, named after the program unless OTEL_SERVICE_NAME says otherwise', () => {
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, reform)).toEqual({ serviceName: 'reform' });
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }, reform)).toEqual({ serviceName: 'reform' });
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SERVICE_NAME: 'reform-canary' }, reform)).toEqual({
      serviceName: 'reform-canary',
    });
  });

  it('stays off when the SDK is disabled, whatever the endpoint', () => {
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' }, reform)).toBeUndefined();
  });

  it('refuses a malformed endpoint, sampler or ratio, naming each', () => {
    const problems = (env: NodeJS.ProcessEnv): string[] => {
      try {
        tracingSettings(env, reform);
      } catch (error) {
        if (error instanceof TracingConfigError) return error.problems.map((problem) => problem.split(':')[0]);
        throw error;
      }
      return [];
    };
    expect(problems({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toEqual(['OTEL_EXPORTER_OTLP_ENDPOINT']);
    expect(problems({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_SAMPLER: 'parentbased_always', OTEL_TRACES_SAMPLER_ARG: '2' })).toEqual([
      'OTEL_TRACES_SAMPLER',
      'OTEL_TRACES_SAMPLER_ARG',
    ]);
    expect(problems({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'yes' })).toEqual(['OTEL_SDK_DISABLED']);
  });
});

describe('the program name', () => {
  it('is the package name of the script without its scope, found above the script', () => {
    expect(programName(scriptOfPackage('@ps/gateway'))).toBe('gateway');
    expect(programName(scriptOfPackage('console-tool'))).toBe('console-tool');
  });

  it('is the specification’s default when there is no script or no package around it', () => {
    expect(programName(undefined)).toBe('unknown_service:node');
    expect(programName('/main.js')).toBe('unknown_service:node');
  });
});
