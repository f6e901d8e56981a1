import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createRouter, RouterOptions } from '../service/router';

type Layer = {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  match(path: string): boolean;
};

/** Every route layer of a router and of the routers mounted in it. */
function routeLayers(stack: Layer[]): Layer[] {
  return stack.flatMap(layer =>
    layer.route ? [layer] : routeLayers(layer.handle?.stack ?? []),
  );
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
/** The route backend-openapi-utils adds to serve the document itself. */
const SPEC_ROUTE = '/openapi.json';
const GENERATOR = join(__dirname, '../../../../scripts/generate-openapi.js');

/** Runs the generator's check; its exit code and what it said. */
function checkGenerated(...args: string[]) {
  try {
    execFileSync(process.execPath, [GENERATOR, '--check', ...args], {
      stdio: 'pipe',
    });
    return { code: 0, said: '' };
  } catch (error: any) {
    return { code: error.status, said: String(error.stderr) };
  }
}

describe('the OpenAPI document', () => {
  const document = parse(
    readFileSync(join(__dirname, 'openapi.yaml'), 'utf8'),
  ) as { paths: Record<string, Record<string, unknown>> };

  it('documents exactly the routes the router serves', async () => {
    // The routes are only inspected, never called: no dependency is used.
    const router = await createRouter({} as RouterOptions);
    const layers = routeLayers(
      (router as unknown as { stack: Layer[] }).stack,
    ).filter(layer => layer.route!.path !== SPEC_ROUTE);
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter(method => METHODS.includes(method))
        .map(method => ({
          method,
          // An example of the path: {cluster} → x.
          example: path.replace(/\{[^}]+\}/g, 'x'),
          path,
        })),
    );

    for (const { method, example, path } of documented) {
      const served = layers.some(
        layer => layer.route!.methods[method] && layer.match(example),
      );
      expect({ method, path, served }).toEqual({ method, path, served: true });
    }
    for (const layer of layers) {
      for (const method of Object.keys(layer.route!.methods)) {
        const described = documented.some(
          d => d.method === method && layer.match(d.example),
        );
        expect({ method, route: layer.route!.path, described }).toEqual({
          method,
          route: layer.route!.path,
          described: true,
        });
      }
    }
  });

  it('is what the committed router and client types were generated from', () => {
    expect(checkGenerated()).toEqual({ code: 0, said: '' });
  });

  it('tells when a changed spec and the generated files differ', () => {
    const dir = mkdtempSync(join(tmpdir(), 'storage-spec-'));
    try {
      const broken = join(dir, 'openapi.yaml');
      // A response field renamed in the spec only: the contract drifted.
      writeFileSync(
        broken,
        readFileSync(join(__dirname, 'openapi.yaml'), 'utf8').replace(
          'signalChannel:',
          'signalChannelName:',
        ),
      );
      const result = checkGenerated('--spec', broken);
      expect(result.code).toBe(1);
      expect(result.said).toMatch(
        /openapi\.generated\.ts is not what .* generates: run yarn generate:openapi/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
